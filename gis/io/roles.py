"""What a layer holds (compounds, buildings, facilities, roads, entrances, barriers such as
rivers and railways), and why we think so.

Evidence, each adding to a role's score: the geometry family (lines → roads; points →
facilities or entrances; polygons → compounds or buildings), the file or layer name
(小区, 建筑, 设施, 道路, 出入口, …), the fields found (层数 → buildings, 户数 / 建成年代 →
compounds, 设施类型 → facilities), the share of names or categories that are facility types
or residential compounds, and for polygons their typical size (a building footprint is a few
hundred m², a compound a few hectares).
"""

from __future__ import annotations

import re
from collections import defaultdict

import numpy as np
import pandas as pd
import shapely

from gis.domain import FIELD_ROLE_LABELS, FieldRole, Role
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.facilities import FacilityRules
from gis.io.notices import Notice, notice

_NAME_HINTS = {  # pinyin abbreviations only as whole words: 'xq_2020', not 'xqz'
    Role.COMPOUNDS: r"小区|住宅区|居住区|aoi|compound|estate|residential|(?<![a-z])xq(?![a-z])",
    Role.BUILDINGS: r"建筑|楼栋|楼宇|房屋|building|bldg|footprint|(?<![a-z])jz(?![a-z])",
    Role.FACILITIES: r"设施|facilit|医疗|养老|幼儿园|托育|食堂|卫生|amenit|waypoint",
    Role.ROADS: r"道路|路网|road|street|highway|track|route|(?<![a-z])dl(?![a-z])",
    Role.ENTRANCES: r"出入口|大门|门口|entrance|gate",
    Role.BARRIERS: r"水系|河流|河道|水域|river|water|rail|铁路|围墙|barrier",
}
_RESIDENTIAL = re.compile(r"小区|住宅区|花园|家园|新村|公寓|苑|宿舍|别墅|商住|residential|apartments")
_BARRIER = re.compile(r"(?:河|江|湖|渠|溪|水库|铁路|高架|river|railway)$", re.IGNORECASE)
_ENTRANCE = re.compile(r"出入口|大门|[东南西北]门|入口|entrance|gate", re.IGNORECASE)
_SAMPLE = 2000


def guess_role(gdf, family: str, fields: dict[FieldRole, str], *, hint: str = "",
               rules: FacilityRules | None = None) -> tuple[Role, list[Notice]]:
    """The most likely role of a layer and the reasons (for showing next to the choice)."""
    score: dict[Role, float] = defaultdict(float)
    why: dict[Role, list[Notice]] = defaultdict(list)

    def add(role: Role, points: float, reason: Notice) -> None:
        score[role] += points
        why[role].append(reason)

    _by_geometry(family, add)
    _by_name(hint, family, add)
    _by_fields(fields, family, add)
    sample = gdf.head(_SAMPLE)
    _by_values(sample, family, fields, rules or FacilityRules.load(), add)
    if family == "polygon":
        _by_size(sample, add)
    if not score:
        return Role.OTHER, []
    role = max(score, key=lambda r: score[r])
    if score[role] <= 1.0 and family == "point":
        return Role.OTHER, [notice(QT_TRANSLATE_NOOP(
            "io", "Nothing shows what these points are; choose the layer's role."))]
    return role, why[role]


_GEOMETRY_REASONS = {
    "polygon": QT_TRANSLATE_NOOP("io", "polygon geometry"),
    "line": QT_TRANSLATE_NOOP("io", "line geometry"),
    "point": QT_TRANSLATE_NOOP("io", "point geometry"),
}


def _by_geometry(family: str, add) -> None:
    if family not in _GEOMETRY_REASONS:
        return
    text = notice(_GEOMETRY_REASONS[family], family=family)
    if family == "line":
        add(Role.ROADS, 2.0, text)
    elif family == "polygon":
        add(Role.COMPOUNDS, 1.0, text)
        add(Role.BUILDINGS, 0.5, text)
    elif family == "point":
        add(Role.FACILITIES, 0.5, text)
        add(Role.ENTRANCES, 0.2, text)


def _by_name(hint: str, family: str, add) -> None:
    allowed = {"polygon": (Role.COMPOUNDS, Role.BUILDINGS, Role.BARRIERS),
               "line": (Role.ROADS, Role.BARRIERS),
               "point": (Role.FACILITIES, Role.ENTRANCES)}.get(family, ())
    for role, pattern in _NAME_HINTS.items():
        if role in allowed and re.search(pattern, hint or "", re.IGNORECASE):
            add(role, 2.0, notice(QT_TRANSLATE_NOOP("io", "the name '{name}'"), name=hint))


def _by_fields(fields: dict[FieldRole, str], family: str, add) -> None:
    def reason(role: FieldRole) -> Notice:
        return notice(QT_TRANSLATE_NOOP("io", "field '{column}' ({role})"),
                      column=fields[role], role=FIELD_ROLE_LABELS[role])

    if family == "polygon":
        for role in (FieldRole.HOUSEHOLDS, FieldRole.BUILD_YEAR, FieldRole.POPULATION):
            if role in fields:
                add(Role.COMPOUNDS, 1.0, reason(role))
        for role in (FieldRole.FLOORS, FieldRole.COMPOUND_ID):
            if role in fields:
                add(Role.BUILDINGS, 1.5, reason(role))
        name = fields.get(FieldRole.NAME, "")
        if "小区" in name or "xq" in name.lower():
            add(Role.COMPOUNDS, 1.0, reason(FieldRole.NAME))
    elif family == "point" and FieldRole.FACILITY_TYPE in fields:
        add(Role.FACILITIES, 1.0, reason(FieldRole.FACILITY_TYPE))
    elif family == "line" and FieldRole.ROAD_CLASS in fields:
        add(Role.ROADS, 1.0, reason(FieldRole.ROAD_CLASS))


def _text_of(sample, column: str | None) -> pd.Series | None:
    if column is None or column not in sample.columns:
        return None
    return sample[column].astype("string")


def _by_values(sample, family: str, fields, rules: FacilityRules, add) -> None:
    names = _text_of(sample, fields.get(FieldRole.NAME))
    cats = _text_of(sample, fields.get(FieldRole.FACILITY_TYPE))
    if names is None and cats is None or len(sample) == 0:
        return
    if family == "point":
        share = rules.classify(names, cats).notna().mean()
        if share >= 0.2:
            add(Role.FACILITIES, 3.0 * share + 1.0, notice(QT_TRANSLATE_NOOP(
                "io", "{pct:.0f}% of the names are facility types"), pct=100 * share))
        if names is not None:
            gates = names.str.contains(_ENTRANCE, na=False).mean()
            if gates >= 0.3:
                add(Role.ENTRANCES, 3.0 * gates + 1.0, notice(QT_TRANSLATE_NOOP(
                    "io", "{pct:.0f}% of the names are gates or entrances"), pct=100 * gates))
    if family in ("polygon", "line") and names is not None:
        water = names.str.strip().str.contains(_BARRIER, na=False).mean()
        if water >= 0.5:
            add(Role.BARRIERS, 3.0 * water, notice(QT_TRANSLATE_NOOP(
                "io", "{pct:.0f}% of the names are rivers, lakes or railways"), pct=100 * water))
    parts = [t.fillna("") for t in (names, cats) if t is not None]
    text = parts[0] if len(parts) == 1 else parts[0] + " " + parts[1]
    res = text.str.contains(_RESIDENTIAL, na=False).mean()
    if res >= 0.3:
        reason = notice(QT_TRANSLATE_NOOP("io", "{pct:.0f}% of the names are residential "
                                          "compounds"), pct=100 * res)
        # compound outlines, or compound points (not facilities: leave the choice to the user)
        add(Role.COMPOUNDS if family == "polygon" else Role.OTHER,
            (2.0 if family == "polygon" else 4.0) * res, reason)


def _by_size(sample, add) -> None:
    """Median polygon area in m² (approximate for lon/lat) → buildings vs compounds."""
    if sample.crs is None or len(sample) == 0:
        return
    geoms = np.asarray(sample.geometry.values, dtype=object)
    area = shapely.area(geoms)
    if sample.crs.is_geographic:
        lat = shapely.bounds(geoms)[:, 1]
        area = area * (111_320.0 ** 2) * np.cos(np.radians(lat))
    median = float(np.nanmedian(area)) if len(area) else 0.0
    text = notice(QT_TRANSLATE_NOOP("io", "median area {area:,.0f} m²"), area=median)
    if 0 < median < 2_500:
        add(Role.BUILDINGS, 2.0, text)
    elif median >= 5_000:
        add(Role.COMPOUNDS, 1.0, text)


def non_residential(categories: pd.Series) -> Notice | None:
    """A warning when a compound layer's category column names non-residential features
    (AMap's 商务住宅 set mixes in office towers and industrial parks)."""
    text = categories.astype("string")
    other = text[text.notna() & ~text.str.contains(_RESIDENTIAL, na=False)]
    if other.empty:
        return None
    top = other.value_counts().head(4)
    return notice(QT_TRANSLATE_NOOP(
        "io", "Not residential by category ({examples}): {n} of {total} features. "
              "Remove such features if the layer should hold compounds only."),
        n=len(other), total=int(text.notna().sum()),
        examples=", ".join(f"{v} {c}" for v, c in top.items()))
