"""Words printed in exported documents: table headers, legend titles, notes.

Exports are documents for Chinese planning institutes, so they are written in Chinese by
default whatever the UI language, and in English on request (``language="en"``). Each
term keeps its English source marked for translation (so the UI can show it too) next to
the Chinese wording used in documents; nothing here needs Qt, so the CLI writes the same
Chinese report as the GUI.

>>> term("households")
'户数'
>>> term("households", "en")
'Households'
"""

from __future__ import annotations

import re

from gis.domain import FacilityType, Role
from gis.i18n import QT_TRANSLATE_NOOP

LANGUAGES = ("zh_CN", "en")

TERMS: dict[str, tuple[str, str]] = {
    # zones
    "zone_id": (QT_TRANSLATE_NOOP("export", "Zone ID"), "片区编号"),
    "name": (QT_TRANSLATE_NOOP("export", "Name"), "名称"),
    "zone": (QT_TRANSLATE_NOOP("export", "Zone"), "片区"),
    "colour": (QT_TRANSLATE_NOOP("export", "Colour"), "颜色"),
    "members": (QT_TRANSLATE_NOOP("export", "Member compound IDs"), "包含小区编号"),
    "compounds": (QT_TRANSLATE_NOOP("export", "Compounds"), "小区数"),
    "buildings": (QT_TRANSLATE_NOOP("export", "Buildings"), "楼栋数"),
    "households": (QT_TRANSLATE_NOOP("export", "Households"), "户数"),
    "households_missing": (QT_TRANSLATE_NOOP("export", "Compounds without households"), "缺户数小区"),
    "area_m2": (QT_TRANSLATE_NOOP("export", "Zone area (m²)"), "片区面积(m²)"),
    "area_ha": (QT_TRANSLATE_NOOP("export", "Zone area (ha)"), "片区面积(公顷)"),
    "compound_area_m2": (QT_TRANSLATE_NOOP("export", "Compound land (m²)"), "小区用地(m²)"),
    "year_min": (QT_TRANSLATE_NOOP("export", "Built from"), "最早建成"),
    "year_max": (QT_TRANSLATE_NOOP("export", "Built to"), "最晚建成"),
    "old_share": (QT_TRANSLATE_NOOP("export", "Old compounds (share)"), "老旧小区占比"),
    "facilities": (QT_TRANSLATE_NOOP("export", "Facilities inside"), "内部设施数"),
    "contiguous": (QT_TRANSLATE_NOOP("export", "Contiguous"), "连片"),
    "missing": (QT_TRANSLATE_NOOP("export", "Missing services"), "缺项"),
    "missing_count": (QT_TRANSLATE_NOOP("export", "Number of missing services"), "缺项数"),
    "pooled_gain": (QT_TRANSLATE_NOOP("export", "Gained by pooling"), "连片后补齐"),
    "total": (QT_TRANSLATE_NOOP("export", "Total"), "合计"),
    # compounds and buildings
    "compound_id": (QT_TRANSLATE_NOOP("export", "Compound ID"), "小区编号"),
    "compound": (QT_TRANSLATE_NOOP("export", "Compound"), "小区"),
    "build_year": (QT_TRANSLATE_NOOP("export", "Build year"), "建成年代"),
    "floors": (QT_TRANSLATE_NOOP("export", "Floors"), "层数"),
    "building_id": (QT_TRANSLATE_NOOP("export", "Building ID"), "楼栋编号"),
    "elderly": (QT_TRANSLATE_NOOP("export", "Elderly (60+)"), "老年人口"),
    "children": (QT_TRANSLATE_NOOP("export", "Children (0-6)"), "婴幼儿人口"),
    "households_affected": (QT_TRANSLATE_NOOP("export", "Households affected"), "受影响户数"),
    "nearest_m": (QT_TRANSLATE_NOOP("export", "Nearest (m)"), "最近距离(m)"),
    "required_m": (QT_TRANSLATE_NOOP("export", "Required (m)"), "要求距离(m)"),
    # elevators and money
    "elevator_buildings": (QT_TRANSLATE_NOOP("export", "Buildings needing an elevator"), "需加装电梯楼栋"),
    "elevator_households": (QT_TRANSLATE_NOOP("export", "Households in them"), "涉及户数"),
    "elevators": (QT_TRANSLATE_NOOP("export", "Elevators"), "电梯数"),
    "subsidy_per_elevator": (QT_TRANSLATE_NOOP("export", "Subsidy per elevator (yuan)"), "单台补贴(元)"),
    "subsidy_total": (QT_TRANSLATE_NOOP("export", "Subsidy (yuan)"), "补贴合计(元)"),
    "cost_per_elevator": (QT_TRANSLATE_NOOP("export", "Cost per elevator (yuan)"), "单台造价(元)"),
    "cost_total": (QT_TRANSLATE_NOOP("export", "Total cost (yuan)"), "总造价(元)"),
    "residents_share": (QT_TRANSLATE_NOOP("export", "Residents' share (yuan)"), "居民分摊(元)"),
    "residents_per_household": (QT_TRANSLATE_NOOP("export", "Residents' share per household (yuan)"), "户均分摊(元)"),
    "estimate": (QT_TRANSLATE_NOOP("export", "Estimate (yuan)"), "估算(元)"),
    "preset": (QT_TRANSLATE_NOOP("export", "Subsidy rule"), "补贴标准"),
    # ranking
    "rank": (QT_TRANSLATE_NOOP("export", "Rank"), "排名"),
    "score": (QT_TRANSLATE_NOOP("export", "Score"), "得分"),
    "pre_year": (QT_TRANSLATE_NOOP("export", "Built before the cut-off"), "早于年限"),
    # sheets
    "sheet_zones": (QT_TRANSLATE_NOOP("export", "Zones"), "片区"),
    "sheet_gaps": (QT_TRANSLATE_NOOP("export", "Compound gaps"), "小区缺项"),
    "sheet_elevators": (QT_TRANSLATE_NOOP("export", "Elevator candidates"), "加装电梯"),
    "sheet_subsidy": (QT_TRANSLATE_NOOP("export", "Subsidy estimate"), "补贴估算"),
    "sheet_ranking": (QT_TRANSLATE_NOOP("export", "Check-up ranking"), "体检排名"),
    "sheet_notes": (QT_TRANSLATE_NOOP("export", "Notes"), "说明"),
    # map documents
    "legend": (QT_TRANSLATE_NOOP("export", "Legend"), "图例"),
    "scale": (QT_TRANSLATE_NOOP("export", "Scale"), "比例尺"),
    "north": (QT_TRANSLATE_NOOP("export", "N"), "北"),
    "date": (QT_TRANSLATE_NOOP("export", "Date"), "制图日期"),
    "report_date": (QT_TRANSLATE_NOOP("export", "Prepared on"), "编制日期"),
    "source": (QT_TRANSLATE_NOOP("export", "Data source"), "数据来源"),
    "crs": (QT_TRANSLATE_NOOP("export", "Coordinate system"), "坐标系"),
    "review_number": (QT_TRANSLATE_NOOP("export", "Map review number"), "审图号"),
    "overview": (QT_TRANSLATE_NOOP("export", "Overview"), "位置示意"),
    "planned": (QT_TRANSLATE_NOOP("export", "Planned facilities"), "规划设施"),
    "gaps": (QT_TRANSLATE_NOOP("export", "Service gaps"), "服务缺口"),
    "elevator_layer": (QT_TRANSLATE_NOOP("export", "Buildings needing an elevator"), "加装电梯楼栋"),
    "service_areas": (QT_TRANSLATE_NOOP("export", "Service areas"), "服务范围"),
    "title_default": (QT_TRANSLATE_NOOP("export", "Old compound renewal plan"), "老旧小区改造规划图"),
    "no_gaps": (QT_TRANSLATE_NOOP("export", "No gaps"), "无缺项"),
    "yes": (QT_TRANSLATE_NOOP("export", "Yes"), "是"),
    "no": (QT_TRANSLATE_NOOP("export", "No"), "否"),
    "unit_m": (QT_TRANSLATE_NOOP("export", "m"), "米"),
}

# Columns the app itself adds to layers (planned sites, import repairs, KML folders): the data
# keeps these names, the window shows their labels (gui.columns).
APP_COLUMNS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("columns", "Name"),
    "folder": QT_TRANSLATE_NOOP("columns", "KML folder"),
    "duplicate_of": QT_TRANSLATE_NOOP("columns", "Duplicate of row"),
    "facility_type": QT_TRANSLATE_NOOP("columns", "Facility type"),
    "planned": QT_TRANSLATE_NOOP("columns", "Planned"),
    "radius_m": QT_TRANSLATE_NOOP("columns", "Service radius (m)"),
}

ROLE_TERMS: dict[Role, str] = {
    Role.COMPOUNDS: "小区", Role.BUILDINGS: "建筑", Role.FACILITIES: "设施", Role.ROADS: "道路",
    Role.ENTRANCES: "出入口", Role.BARRIERS: "隔离线", Role.ZONES: "改造片区",
    Role.SERVICE_AREAS: "服务范围", Role.OTHER: "其他",
}

FACILITY_TERMS: dict[str, tuple[str, str]] = {
    FacilityType.CLINIC.value: (QT_TRANSLATE_NOOP("domain", "Clinic"), "卫生服务站"),
    FacilityType.ELDERLY_CANTEEN.value: (QT_TRANSLATE_NOOP("domain", "Elderly canteen"), "老年食堂"),
    FacilityType.DAY_CARE.value: (QT_TRANSLATE_NOOP("domain", "Elderly day care"), "日间照料中心"),
    FacilityType.NURSING_HOME.value: (QT_TRANSLATE_NOOP("domain", "Nursing home"), "养老院"),
    FacilityType.KINDERGARTEN.value: (QT_TRANSLATE_NOOP("domain", "Kindergarten"), "幼儿园"),
    FacilityType.NURSERY.value: (QT_TRANSLATE_NOOP("domain", "Nursery"), "托儿所"),
    FacilityType.PLAY_AREA.value: (QT_TRANSLATE_NOOP("domain", "Children's play area"), "儿童活动场地"),
}

# A planned site's stable id is P-<type key>-<n> (gis.gaps.siting); people read it as a label.
PLANNED_ID = re.compile(r"^P-([a-z_]+)-(\d+)$")
PLANNED_LABEL = (QT_TRANSLATE_NOOP("columns", "Planned {type} {number}"), "规划-{type}-{number}")
# Names siting gave planned sites before PLANNED_LABEL, with their language: projects keep them
# ({key} the type key, {en} / {zh} its English / Chinese name).
EARLIER_PLANNED_NAMES = (("Planned {key} {number}", "en"), ("Planned {en} {number}", "en"),
                         ("规划{zh}{number}", "zh_CN"))


# Attribute names in exported GIS files: short enough for a Shapefile in UTF-8 (10 bytes,
# so at most three Chinese characters) and so never renamed: (English, Chinese).
FIELD_NAMES: dict[str, tuple[str, str]] = {
    "zone_id": ("zone_id", "片区号"), "name": ("name", "名称"), "colour": ("colour", "颜色"),
    "members": ("members", "含小区"), "compounds": ("compounds", "小区数"),
    "buildings": ("buildings", "楼栋数"), "households": ("households", "户数"),
    "households_missing": ("hh_missing", "缺户数"), "area_m2": ("area_m2", "面积m2"),
    "area_ha": ("area_ha", "公顷"), "compound_area_m2": ("land_m2", "用地m2"),
    "year_min": ("year_min", "最早年"), "year_max": ("year_max", "最晚年"),
    "old_share": ("old_share", "老旧比"), "facilities": ("facilities", "设施数"),
    "contiguous": ("contiguous", "连片"), "missing": ("missing", "缺项"),
    "n_missing": ("n_missing", "缺项数"), "elevator_buildings": ("elev_bldg", "需梯楼"),
    "elevator_households": ("elev_hh", "需梯户"), "subsidy_total": ("subsidy", "补贴元"),
    "fac_clinic": ("clinic", "卫生站"), "fac_elderly_canteen": ("canteen", "食堂"),
    "fac_day_care": ("day_care", "日照"), "fac_nursing_home": ("nursing", "养老院"),
    "fac_kindergarten": ("kinder", "幼儿园"), "fac_nursery": ("nursery", "托儿所"),
    "fac_play_area": ("play_area", "活动场"),
    # per compound / building / service area
    "id": ("id", "编号"), "building": ("building", "楼栋号"), "floors": ("floors", "层数"),
    "elevators": ("elevators", "电梯数"), "cost": ("cost", "造价元"), "subsidy": ("subsidy", "补贴元"),
    "residents_share": ("residents", "自筹元"), "type": ("type", "类型"),
    "m_clinic": ("clinic_m", "卫生站m"), "m_elderly_canteen": ("canteen_m", "食堂m"),
    "m_day_care": ("daycare_m", "日照m"), "m_nursing_home": ("nursing_m", "养老院m"),
    "m_kindergarten": ("kinder_m", "幼儿园m"), "m_nursery": ("nursery_m", "托儿所m"),
    "m_play_area": ("play_m", "活动场m"),
}


def field_name(key: str, language: str = "zh_CN") -> str:
    """The attribute name of *key* in exported GIS files (the key when unknown).

    >>> field_name("households"), field_name("households", "en")
    ('户数', 'households')
    """
    pair = FIELD_NAMES.get(key)
    if pair is None:
        return key
    return pair[1] if check_language(language) == "zh_CN" else pair[0]


def check_language(language: str) -> str:
    return language if language in LANGUAGES else "zh_CN"


def term(key: str, language: str = "zh_CN") -> str:
    """The document wording of *key* (the key itself when unknown)."""
    pair = TERMS.get(key) or FACILITY_TERMS.get(key)
    if pair is None:
        return key
    return pair[1] if check_language(language) == "zh_CN" else pair[0]


def facility_term(key: str, language: str = "zh_CN") -> str:
    """The name of a facility type key ('clinic' -> 卫生服务站)."""
    pair = FACILITY_TERMS.get(str(key))
    if pair is None:
        return str(key)
    return pair[1] if check_language(language) == "zh_CN" else pair[0]


def joined(items, language: str = "zh_CN") -> str:
    """Items listed as *language* lists them: 卫生服务站、托儿所 / Clinic, Nursery."""
    return ("、" if check_language(language) == "zh_CN" else ", ").join(str(i) for i in items)


def facility_terms(keys, language: str = "zh_CN") -> str:
    """Facility type keys as a list in *language* (卫生服务站、托儿所 / Clinic, Nursery)."""
    return joined((facility_term(k, language) for k in keys), language)


def planned_label(site_id: object, language: str = "zh_CN") -> str | None:
    """How a planned site's id reads (None when *site_id* is not one); the id stays the key.

    >>> planned_label("P-play_area-1"), planned_label("P-clinic-2", "en"), planned_label("MH001")
    ('规划-儿童活动场地-1', 'Planned clinic 2', None)
    """
    found = PLANNED_ID.match(str(site_id))
    if found is None or found[1] not in FACILITY_TERMS:
        return None
    kind, number = facility_term(found[1], language), int(found[2])
    if check_language(language) == "zh_CN":
        return PLANNED_LABEL[1].format(type=kind, number=number)
    return PLANNED_LABEL[0].format(type=kind[:1].lower() + kind[1:], number=number)


def generated_language(site_id: object, name: object) -> str | None:
    """The language in which the app named planned site *site_id* *name* (by the label of any
    language, or by an earlier rule); None for a name given by hand, or when *site_id* is no
    planned site's id.

    >>> generated_language("P-clinic-1", "规划卫生服务站1"), generated_language("P-clinic-1", "东门新站")
    ('zh_CN', None)
    """
    found = PLANNED_ID.match(str(site_id))
    if found is None or found[1] not in FACILITY_TERMS or not isinstance(name, str):
        return None
    en, zh = FACILITY_TERMS[found[1]]
    names = {form.format(key=found[1], en=en, zh=zh, number=int(found[2])): language
             for form, language in EARLIER_PLANNED_NAMES}
    names.update({planned_label(site_id, language): language for language in LANGUAGES})
    return names.get(name.strip())


def site_name(site_id: object, name: object, language: str = "zh_CN", *, planned: bool = True) -> str:
    """How a facility reads in *language*: a planned site the app named by its label (a name given
    by hand stays), another by its name, and by its id when it has none. ``planned=False`` for
    things that are never planned sites (compounds): the name, else the id."""
    named = isinstance(name, str) and bool(name.strip())
    if planned and (not named or generated_language(site_id, name) is not None):
        if (label := planned_label(site_id, language)) is not None:
            return label
    return name.strip() if named else str(site_id)


def named_sites(ids, names, key: str = "ids", *, planned: bool = True) -> dict[str, str]:
    """Notice params listing facilities as people know them, in both languages (``{key}`` and
    ``{key}_zh``, see gis.i18n.localised_params) by :func:`site_name`.

    >>> named_sites(["P-play_area-1", "MH7", "F9"], ["规划-儿童活动场地-1", "东门卫生站", None])["ids"]
    "Planned children's play area 1, 东门卫生站, F9"
    """
    from gis.io.notices import short_list

    pairs = list(zip(ids, names))
    return {key: short_list([site_name(i, n, "en", planned=planned) for i, n in pairs]),
            f"{key}_zh": short_list([site_name(i, n, "zh_CN", planned=planned) for i, n in pairs])}


def app_columns_in_words(frame, label_field: str | None, language: str = "zh_CN"):
    """``(frame, label_field)`` as a document shows a layer (web map popups): the columns the app
    made (APP_COLUMNS) named in *language*, facility type keys, planned sites' ids and flags in
    words; the data keeps its keys. The same frame when the app made none of its columns."""
    from gis.i18n import translate

    made = [c for c in APP_COLUMNS if c in frame.columns]
    if not made:
        return frame, label_field
    out = frame.copy()
    flag = {"True": term("yes", language), "False": term("no", language)}
    if "facility_type" in out.columns:
        out["facility_type"] = [facility_term(v, language) if isinstance(v, str) else v for v in out["facility_type"]]
    if "planned" in out.columns:
        out["planned"] = [flag.get(str(v), v) for v in out["planned"]]
    if "id" in out.columns:
        out["id"] = [planned_label(v, language) or v for v in out["id"]]
    names = {c: translate("columns", APP_COLUMNS[c], language) for c in made}
    names = {c: n for c, n in names.items() if n not in out.columns}
    return out.rename(columns=names), names.get(label_field, label_field)


def crs_text(crs, language: str = "zh_CN") -> str:
    """A CRS as planners name it.

    >>> from pyproj import CRS
    >>> crs_text(CRS.from_epsg(4548))
    'CGCS2000 3度带高斯-克吕格投影，中央经线 117°E（EPSG:4548）'
    """
    from gis.crs import GK_CM_FIRST_EPSG, GK_ZONE_FIRST_EPSG, describe

    if crs is None:
        return "?"
    epsg = crs.to_epsg()
    if check_language(language) != "zh_CN" or epsg is None:
        return describe(crs)
    if GK_CM_FIRST_EPSG <= epsg <= GK_CM_FIRST_EPSG + 20:
        cm = 75 + 3 * (epsg - GK_CM_FIRST_EPSG)
        return f"CGCS2000 3度带高斯-克吕格投影，中央经线 {cm}°E（EPSG:{epsg}）"
    if GK_ZONE_FIRST_EPSG <= epsg <= GK_ZONE_FIRST_EPSG + 20:
        zone = 25 + epsg - GK_ZONE_FIRST_EPSG
        return f"CGCS2000 3度带高斯-克吕格投影，第 {zone} 带（EPSG:{epsg}）"
    names = {4326: "WGS 84 经纬度（EPSG:4326）", 4490: "CGCS2000 经纬度（EPSG:4490）"}
    return names.get(epsg, describe(crs))


def role_term(role: Role, language: str = "zh_CN") -> str:
    from gis.domain import ROLE_LABELS

    return ROLE_TERMS[role] if check_language(language) == "zh_CN" else ROLE_LABELS[role]
