"""Field roles, value parsing, facility types, layer roles and import presets."""

from __future__ import annotations

import json

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import LineString, Point, box

from gis.domain import FacilityType, FieldRole, Role
from gis.errors import DataReadError, FieldMappingError
from gis.io import FacilityRules, ImportPreset, build_layer, inspect_file
from gis.io.fields import guess_fields, parse_bool, parse_count, parse_year, typed_columns
from gis.io.roles import guess_role
from tests.gis.io_samples import compounds, facilities, write_shp

F = FieldRole


@pytest.mark.parametrize("columns, expected", [
    (["小区名称", "建成年代", "户数", "层数", "有无电梯"],
     {F.NAME: "小区名称", F.BUILD_YEAR: "建成年代", F.HOUSEHOLDS: "户数", F.FLOORS: "层数",
      F.ELEVATOR: "有无电梯"}),
    (["NAME", "build_year", "households", "floors", "elevator"],
     {F.NAME: "NAME", F.BUILD_YEAR: "build_year", F.HOUSEHOLDS: "households", F.FLOORS: "floors",
      F.ELEVATOR: "elevator"}),
    (["名称", "建成年份", "总户数（户）", "楼层", "电梯"],
     {F.NAME: "名称", F.BUILD_YEAR: "建成年份", F.HOUSEHOLDS: "总户数（户）", F.FLOORS: "楼层",
      F.ELEVATOR: "电梯"}),
    (["XQMC", "年代", "户数"], {F.NAME: "XQMC", F.BUILD_YEAR: "年代", F.HOUSEHOLDS: "户数"}),
])
def test_field_names_in_chinese_english_and_pinyin(columns, expected):
    values = [["阳光花园"], [1990], [120], [6], ["有"]]
    df = pd.DataFrame({c: v for c, v in zip(columns, values)})
    assert guess_fields(df, roles=expected.keys()) == expected


def test_admin_names_are_not_the_feature_name_and_bad_values_do_not_map():
    df = pd.DataFrame({"pname": ["福建省"], "cityname": ["厦门市"], "社区名称": ["海沧社区"],
                       "name": ["中天海星港城"], "年代": ["不详"], "层数": [500]})
    mapping = guess_fields(df)
    assert mapping[F.NAME] == "name"
    assert F.BUILD_YEAR not in mapping  # '不详' is no year
    assert F.FLOORS not in mapping  # 500 floors is no building


def test_elevator_values():
    values = pd.Series(["有", "无", "是", "否", "1", "0", "Y", "N", "yes", "No", "TRUE", "false",
                        1, 0, None, "不详"], dtype=object)
    parsed = parse_bool(values)
    assert parsed.tolist()[:14] == [True, False] * 7
    assert parsed.isna().tolist()[14:] == [True, True]


def test_years_and_counts():
    years = parse_year(pd.Series(["1985年", "1992-06", "80年代", "1978", 1999, None, "不详"],
                                 dtype=object))
    assert years.tolist()[:5] == [1985, 1992, 1980, 1978, 1999]
    assert years.isna().tolist()[5:] == [True, True]
    assert parse_count(pd.Series(["6层", "6F", "地上7层", 5.0, "320户"], dtype=object)).tolist() \
        == [6, 6, 7, 5, 320]


def test_typed_columns_report_unreadable_values():
    df = pd.DataFrame({"层数": ["6", "六层", ""], "电梯": ["有", "无", "有"]})
    typed, notes = typed_columns(df, {F.FLOORS: "层数", F.ELEVATOR: "电梯"})
    assert typed["层数"].tolist()[0] == 6 and typed["层数"].isna().tolist()[1:] == [True, True]
    assert typed["电梯"].dtype == "boolean"
    assert len(notes) == 1 and "1 value in '层数'" in notes[0].message  # '' is blank, not lost


@pytest.mark.parametrize("name, category, expected", [
    ("金台社区卫生服务站", None, "clinic"),
    ("XX诊所", "医疗保健服务;诊所;诊所", "clinic"),
    ("某某", "医疗保健服务;诊所;诊所", "clinic"),  # AMap category
    ("某某", "医疗;诊所", "clinic"),  # Baidu category
    ("镇卫生院", None, "clinic"),
    ("阳光长者食堂", None, "elderly_canteen"),
    ("幸福老年食堂", None, "elderly_canteen"),
    ("光明街助餐点", None, "elderly_canteen"),
    ("老年人日间照料中心", None, "day_care"),
    ("和平里养老驿站", None, "day_care"),
    ("区第一养老院", None, "nursing_home"),
    ("红黄蓝幼儿园", "科教文化服务;学校;幼儿园", "kindergarten"),
    ("金色托育中心", None, "nursery"),
    ("小太阳托儿所", None, "nursery"),
    ("儿童活动场地", None, "play_area"),
    ("爱宠宠物诊所", "医疗保健服务;诊所;诊所", None),  # the name vetoes the category
    ("雅美口腔诊所", None, None),
    ("市第一人民医院", "医疗保健服务;综合医院;综合医院", None),
    ("便利店", "购物服务;便民商店/便利店", None),
])
def test_facility_types(name, category, expected):
    assert FacilityRules.load().classify_pair(name, category) == expected


def test_all_seven_facility_types_have_rules():
    assert {t.key for t in FacilityRules.load().types} == {t.value for t in FacilityType}


def test_facility_rules_are_editable(tmp_path):
    rules = FacilityRules.load()
    path = tmp_path / "my_rules.json"
    rules.save(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["types"][0]["match"].append("食堂")  # this city calls its canteens just 食堂
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert FacilityRules.load(path).classify_text("街道食堂") == "elderly_canteen"
    assert rules.classify_text("街道食堂") is None
    data["types"][0]["key"] = "hospital"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataReadError, match="unknown types: hospital"):
        FacilityRules.load(path)


def test_overrides_correct_single_values():
    rules = FacilityRules.load()
    names = pd.Series(["市第一人民医院", "某某诊所"])
    out = rules.classify(names, overrides={"市第一人民医院": "clinic", "某某诊所": None})
    assert out.tolist()[0] == "clinic" and out.isna().tolist()[1]


def test_layer_roles_from_geometry_fields_and_names():
    gdf = compounds()
    assert guess_role(gdf, "polygon", guess_fields(gdf))[0] is Role.COMPOUNDS
    buildings = gpd.GeoDataFrame({"层数": [6, 5], "电梯": ["无", "有"]},
                                 geometry=[box(0, 0, 20, 12), box(30, 0, 50, 12)], crs="EPSG:4527")
    assert guess_role(buildings, "polygon", guess_fields(buildings))[0] is Role.BUILDINGS
    fac = facilities()
    assert guess_role(fac, "point", guess_fields(fac))[0] is Role.FACILITIES
    roads = gpd.GeoDataFrame({"名称": ["光明街"]}, geometry=[LineString([(0, 0), (1, 1)])])
    assert guess_role(roads, "line", {F.NAME: "名称"})[0] is Role.ROADS
    gates = gpd.GeoDataFrame({"名称": ["阳光花园东门", "阳光花园南门", "幸福里北门"]},
                             geometry=[Point(0, 0)] * 3)
    assert guess_role(gates, "point", {F.NAME: "名称"})[0] is Role.ENTRANCES
    river = gpd.GeoDataFrame({"名称": ["玉带河"]}, geometry=[box(0, 0, 500, 40)], crs="EPSG:4527")
    assert guess_role(river, "polygon", {F.NAME: "名称"})[0] is Role.BARRIERS
    unknown = gpd.GeoDataFrame({"a": [1, 2]}, geometry=[Point(0, 0), Point(1, 1)])
    assert guess_role(unknown, "point", {})[0] is Role.OTHER


def test_facility_layer_is_classified_into_a_column(tmp_path):
    shp = write_shp(facilities(), tmp_path / "设施.shp", encoding="GBK")
    report = inspect_file(shp)
    assert report.role is Role.FACILITIES
    assert report.facility_types().tolist()[:3] == ["clinic", "elderly_canteen", "kindergarten"]
    layer = build_layer(report, facility_overrides={"便利店": None, "XX宠物诊所": None})
    col = layer.fields[F.FACILITY_TYPE]
    assert col == "facility_type" and layer.data["类型"].iloc[0] == "医疗保健服务;诊所;诊所"
    assert layer.data[col].isna().tolist() == [False, False, False, True, True]
    summary = report.facility_summary()
    assert set(summary.columns) == {"value", "count", "type"}


def test_user_role_and_field_mapping(tmp_path):
    shp = write_shp(compounds(), tmp_path / "a.shp", encoding="GBK")
    report = inspect_file(shp, role="buildings", fields={"name": "小区名称", "floors": "层数"})
    assert report.role is Role.BUILDINGS and report.field_map == {F.NAME: "小区名称", F.FLOORS: "层数"}
    layer = build_layer(report)
    assert layer.column(F.FLOORS).tolist() == [6, 5, 7]
    with pytest.raises(FieldMappingError, match="does not have: 楼层数"):
        inspect_file(shp, fields={"floors": "楼层数"})


def test_mapped_columns_are_typed_in_the_layer(tmp_path):
    shp = write_shp(compounds(), tmp_path / "a.shp", encoding="GBK", cpg=False, ldid=0x4D)
    layer = build_layer(inspect_file(shp))
    assert layer.role is Role.COMPOUNDS
    assert layer.column(F.BUILD_YEAR).tolist() == [1985, 1992, 1980]
    assert layer.column(F.ELEVATOR).tolist() == [False, True, False]
    assert layer.column(F.FLOORS).tolist() == [6, 5, 7]
    assert layer.source.encoding == "GBK" and layer.source.encoding_source == "ldid"


def test_presets_save_load_and_apply(tmp_path):
    shp = write_shp(compounds().rename(columns={"小区名称": "XQ_NAME", "户数": "HS"}),
                    tmp_path / "a.shp", encoding="GBK")
    preset = ImportPreset(role=Role.COMPOUNDS, fields={F.NAME: "XQ_NAME", F.HOUSEHOLDS: "HS"},
                          encoding="GBK", name="区住建局小区表")
    path = tmp_path / "preset.json"
    preset.save(path)
    loaded = ImportPreset.load(path)
    assert loaded == preset
    report = inspect_file(shp, **loaded.options())
    assert report.field_map == {F.NAME: "XQ_NAME", F.HOUSEHOLDS: "HS"}
    assert report.encoding.source == "user"
    (tmp_path / "bad.json").write_text("[1, 2]")
    with pytest.raises(DataReadError, match="not a usable import preset"):
        ImportPreset.load(tmp_path / "bad.json")


def test_compound_layer_with_offices_and_parks_is_flagged(tmp_path):
    gdf = compounds()
    gdf["type"] = ["商务住宅;住宅区;住宅小区", "商务住宅;楼宇;商务写字楼", "商务住宅;产业园区;产业园区"]
    report = inspect_file(write_shp(gdf, tmp_path / "aoi.shp", encoding="GBK"))
    assert report.role is Role.COMPOUNDS
    assert any(w.startswith("Not residential by category") and "2 of 3 features" in w and "商务写字楼" in w
               for w in report.warnings)
