"""Which attribute column means what (field roles), and reading their values.

Columns are matched by name — Chinese, English and the pinyin abbreviations common in
Chinese GIS data — exact names first, then names that contain a key word; a candidate is
kept only if its values look right (years between 1800 and 2100, floors 1–200, …). Each
column serves at most one role.

Values are read leniently: ``1985年``, ``1985-06``, ``80年代`` → 1985/1985/1980;
``6层``, ``6F`` → 6; elevators ``有/无/是/否/1/0/Y/N/yes/no/true/false`` → True/False.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from gis.domain import FieldRole, Role
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.notices import Notice, notice

# role → (exact names, key words contained in the name); names are compared normalised
PATTERNS: dict[FieldRole, tuple[tuple[str, ...], tuple[str, ...]]] = {
    FieldRole.NAME: (("小区名称", "小区名", "名称", "项目名称", "设施名称", "机构名称", "楼栋名称",
                      "建筑名称", "楼名", "道路名称", "路名", "名字", "name", "name_zh", "name_cn",
                      "mc", "xqmc", "jzmc", "title", "标注", "text", "label"), ("名称",)),
    FieldRole.BUILD_YEAR: (("建成年代", "建成年份", "年代", "建成时间", "建成日期", "竣工年份",
                            "竣工时间", "竣工日期", "建造年代", "建造年份", "建筑年代", "建设年代",
                            "修建年代", "年份", "build_year", "buildyear", "year_built",
                            "yearbuilt", "built", "year", "construction_year", "start_date",
                            "jcnd", "jcsj", "jgsj"), ("年代", "年份", "竣工", "建成")),
    FieldRole.HOUSEHOLDS: (("户数", "总户数", "住户数", "居民户数", "住户", "households",
                            "household", "hh", "hs", "units", "dwellings"), ("户数",)),
    FieldRole.FLOORS: (("层数", "楼层", "楼层数", "地上层数", "总层数", "建筑层数", "floors",
                        "floor", "levels", "building:levels", "building_levels", "storeys",
                        "stories", "cs", "lc", "jzcs"), ("层数",)),
    FieldRole.ELEVATOR: (("电梯", "有无电梯", "是否有电梯", "有电梯", "电梯情况", "是否电梯",
                          "elevator", "lift", "has_elevator", "has_lift", "dt", "ywdt"),
                         ("电梯", "elevator")),
    FieldRole.FACILITY_TYPE: (("设施类型", "设施类别", "类型", "类别", "分类", "行业分类", "业态",
                               "poi类型", "type", "category", "kind", "tags", "tag", "main_tag",
                               "amenity", "lx", "lb", "sslx"), ("类型", "类别", "分类")),
    FieldRole.POPULATION: (("人口", "人数", "常住人口", "总人口", "居住人口", "户籍人口",
                            "population", "pop", "popu", "rk"), ("人口",)),
    FieldRole.ELDERLY: (("老年人口", "60岁以上人口", "60岁及以上人口", "老年人数", "老人数",
                         "elderly", "pop60", "pop_60", "aged"), ("老年", "60岁")),
    FieldRole.CHILDREN: (("儿童人口", "0-6岁", "0-6岁儿童", "儿童数", "children", "kids",
                          "pop0_6", "pop_0_6"), ("儿童", "0-6")),
    FieldRole.COMPOUND_ID: (("小区编号", "小区代码", "所属小区", "小区id", "compound_id",
                             "compoundid", "xqbh", "xqdm"), ("所属小区",)),
    FieldRole.ROAD_CLASS: (("道路等级", "等级", "道路类型", "道路类别", "highway", "fclass",
                            "road_class", "roadclass", "class", "dldj"), ("道路等级",)),
    FieldRole.CAPACITY: (("容量", "学位", "学位数", "托位", "托位数", "床位", "床位数", "座位", "座位数", "餐位",
                          "餐位数", "capacity", "places", "beds", "seats"), ("学位", "托位", "床位", "座位", "餐位", "容量")),
    FieldRole.FLOOR_AREA: (("建筑面积", "使用面积", "用房面积", "设施面积", "面积", "floor_area", "floorarea", "gfa",
                            "area_m2", "jzmj"), ("建筑面积", "用房面积")),
    FieldRole.ID: (("id", "fid", "objectid", "uid", "oid", "编号", "序号", "代码", "code",
                    "小区编号", "小区代码", "楼栋编号", "楼号", "建筑编号", "设施编号", "出入口编号",
                    "xqbh", "xqdm", "poi_id", "poiid", "bh", "bsm", "entityhandle"), ("编号",)),
}
# names that contain a key word but mean something else (admin units, not the feature)
_NOT_NAME = ("省", "市", "区县", "县", "街道", "社区", "乡镇", "镇", "行政区", "道路", "路",
             "pname", "cityname", "adname", "province", "city", "district")

# which roles make sense for which layer role
ROLE_FIELDS = {
    Role.COMPOUNDS: (FieldRole.ID, FieldRole.NAME, FieldRole.BUILD_YEAR, FieldRole.HOUSEHOLDS,
                     FieldRole.POPULATION, FieldRole.ELDERLY, FieldRole.CHILDREN,
                     FieldRole.FLOORS, FieldRole.ELEVATOR),
    Role.BUILDINGS: (FieldRole.ID, FieldRole.NAME, FieldRole.COMPOUND_ID, FieldRole.BUILD_YEAR,
                     FieldRole.FLOORS, FieldRole.ELEVATOR, FieldRole.HOUSEHOLDS),
    Role.FACILITIES: (FieldRole.ID, FieldRole.NAME, FieldRole.FACILITY_TYPE, FieldRole.COMPOUND_ID,
                      FieldRole.CAPACITY, FieldRole.FLOOR_AREA),
    Role.ROADS: (FieldRole.ID, FieldRole.NAME, FieldRole.ROAD_CLASS),
    Role.ENTRANCES: (FieldRole.ID, FieldRole.NAME, FieldRole.COMPOUND_ID),
    Role.BARRIERS: (FieldRole.ID, FieldRole.NAME),
    Role.OTHER: (FieldRole.ID, FieldRole.NAME, FieldRole.BUILD_YEAR, FieldRole.HOUSEHOLDS,
                 FieldRole.POPULATION),
}
NUMERIC_ROLES = (FieldRole.HOUSEHOLDS, FieldRole.FLOORS, FieldRole.POPULATION,
                 FieldRole.ELDERLY, FieldRole.CHILDREN, FieldRole.CAPACITY, FieldRole.FLOOR_AREA)

_TRUE = {"有", "是", "1", "y", "yes", "true", "t", "有电梯", "已加装", "已安装", "已装", "√", "✓",
         "on", "是的", "1.0"}
_FALSE = {"无", "否", "0", "n", "no", "false", "f", "无电梯", "没有", "未加装", "未安装", "×", "✗",
          "off", "0.0", "不是"}
_YEAR = re.compile(r"(1[89]\d\d|20\d\d)")
_DECADE = re.compile(r"^(?:19)?([1-9]0)\s*年代")
_MAX_COUNT = 2.0**53  # larger whole numbers are damage, not counts (and not exact)
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_SAMPLE = 500


def normalise(name: str) -> str:
    """Lower-case, without spaces, brackets' contents and units: '户数（户）' → '户数'."""
    text = re.sub(r"[（(\[【].*?[）)\]】]", "", str(name))
    return re.sub(r"\s+", "", text).strip().lower()


def _matches(role: FieldRole, column: str) -> float:
    """How well a column name fits *role*: 2…3 for an exact name (earlier names in the list
    fit better: 小区名称 before name), 1 for a key word, 0 for no match."""
    exact, words = PATTERNS[role]
    key = normalise(column)
    if key in exact:
        return 3.0 - exact.index(key) / len(exact)
    if role is FieldRole.NAME and any(k in key for k in _NOT_NAME):
        return 0.0
    return 1.0 if any(w in key for w in words) else 0.0


def guess_fields(df: pd.DataFrame, *, roles=None) -> dict[FieldRole, str]:
    """Best column for each field role among *roles* (all by default), each column used once."""
    roles = tuple(roles) if roles is not None else tuple(PATTERNS)
    columns = [c for c in df.columns if c != getattr(df, "_geometry_column_name", None)
               and not _is_geometry(df[c])]
    scored = []
    for rank, role in enumerate(roles):
        for col in columns:
            score = _matches(role, col)
            if score and _values_fit(role, df[col].head(_SAMPLE)):
                scored.append((-score, rank, columns.index(col), role, col))
    mapping: dict[FieldRole, str] = {}
    for _, _, _, role, col in sorted(scored, key=lambda t: t[:3]):
        if role not in mapping and col not in mapping.values():
            mapping[role] = col
    return {r: mapping[r] for r in roles if r in mapping}


def _is_geometry(series: pd.Series) -> bool:
    return str(series.dtype) == "geometry"


def _values_fit(role: FieldRole, values: pd.Series) -> bool:
    """Whether a column's first values look like *role*'s (empty columns fit nothing typed)."""
    vals = values.dropna()
    if vals.empty:
        return False
    if role in (FieldRole.NAME, FieldRole.FACILITY_TYPE, FieldRole.ROAD_CLASS, FieldRole.ID,
                FieldRole.COMPOUND_ID):
        return True
    if role is FieldRole.BUILD_YEAR:
        return parse_year(vals).notna().mean() >= 0.5
    if role is FieldRole.ELEVATOR:
        return parse_bool(vals).notna().mean() >= 0.8
    parsed = parse_count(vals)
    ok = parsed.notna().mean() >= 0.5
    if role is FieldRole.FLOORS:
        return ok and bool(parsed.dropna().between(0, 200).all())
    return ok and bool((parsed.dropna() >= 0).all())


# -- values ------------------------------------------------------------------------------
def _by_unique(values: pd.Series, fn, dtype: str) -> pd.Series:
    """Apply *fn* to each distinct value once (tables repeat '有', '1985年', '6层' a lot)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    parsed = pd.array([fn(u) for u in uniques] + [None], dtype=dtype)
    return pd.Series(parsed[codes], index=values.index, dtype=dtype)  # code -1 → the None


def parse_bool(values: pd.Series) -> pd.Series:
    """有/无, 是/否, 1/0, Y/N, yes/no, true/false (any case) → nullable booleans."""
    if pd.api.types.is_bool_dtype(values):
        return values.astype("boolean")
    return _by_unique(values, _bool_of, "boolean")


def _bool_of(value) -> bool | None:
    text = str(value).strip().lower()
    return True if text in _TRUE else False if text in _FALSE else None


def parse_year(values: pd.Series) -> pd.Series:
    """Years from numbers, dates or text ('1985年', '1985-06', '80年代') → Int64."""
    if pd.api.types.is_datetime64_any_dtype(values):
        return values.dt.year.astype("Int64")
    if pd.api.types.is_numeric_dtype(values):
        num = pd.to_numeric(values, errors="coerce")
        return num.where(num.between(1800, 2100)).round().astype("Int64")
    return _by_unique(values, _year_of, "Int64")


def _year_of(value) -> int | None:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if hasattr(value, "year"):
        return int(value.year)
    text = str(value).strip()
    found = _YEAR.search(text)
    if found:
        return int(found.group(1))
    decade = _DECADE.match(text)
    return 1900 + int(decade.group(1)) if decade else None


def parse_count(values: pd.Series) -> pd.Series:
    """Whole numbers from numbers or text ('6层', '6F', '320户') → Int64."""
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        num = pd.to_numeric(values, errors="coerce").astype(float)
        return num.where(num.abs() < _MAX_COUNT).round().astype("Int64")
    return _by_unique(values, _count_of, "Int64")


def _count_of(value) -> int | None:
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        number = float(value) if abs(value) < _MAX_COUNT else np.nan
    else:
        found = _NUMBER.search(str(value))
        number = float(found.group(0)) if found else np.nan
    return int(round(number)) if abs(number) < _MAX_COUNT else None  # NaN compares False


PARSERS = {FieldRole.BUILD_YEAR: parse_year, FieldRole.ELEVATOR: parse_bool,
           **{role: parse_count for role in NUMERIC_ROLES}}


def typed_columns(df: pd.DataFrame, mapping: dict[FieldRole, str]) -> tuple[pd.DataFrame, list[Notice]]:
    """Copy of *df* whose mapped year / count / elevator columns hold typed values.

    Values that cannot be read become empty; how many is reported.
    """
    out = df.copy()
    notes = []
    for role, col in mapping.items():
        parser = PARSERS.get(role)
        if parser is None or col not in out.columns:
            continue
        raw = out[col]
        parsed = parser(raw)
        lost = int((parsed.isna() & ~_blank(raw)).sum())
        out[col] = parsed
        if lost:
            notes.append(notice(QT_TRANSLATE_NOOP(
                "io", "{n} values in '{column}' could not be read as {role} and were left empty."),
                n=lost, column=col, role=role.value))
    return out, notes


def _blank(values: pd.Series) -> pd.Series:
    """Missing or whitespace-only values (not a lost value when unparseable)."""
    return _by_unique(values, lambda v: not str(v).strip(), "boolean").fillna(True).astype(bool)


def check_mapping(df: pd.DataFrame, mapping: dict[FieldRole, str]) -> list[str]:
    """Columns of *mapping* that *df* does not have."""
    return [col for col in mapping.values() if col not in df.columns]
