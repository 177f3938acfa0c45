"""The importer reads every file of the demo district (data/demo/) right: encodings, CRS,
roles, field mappings and facility types — as a user importing them one by one would."""

from __future__ import annotations

import pandas as pd
import pytest

from gis.demo import demo_paths
from gis.domain import FieldRole, Role
from gis.io import build_layer, inspect_file

PATHS = demo_paths()
F = FieldRole
EXPECTED = {  # file: (role, encoding, encoding source, some field mappings)
    "compounds": (Role.COMPOUNDS, "GBK", "ldid",
                  {F.ID: "小区编号", F.NAME: "小区名称", F.BUILD_YEAR: "建成年代", F.HOUSEHOLDS: "户数",
                   F.POPULATION: "常住人口", F.ELDERLY: "老年人口", F.CHILDREN: "儿童人口"}),
    "buildings": (Role.BUILDINGS, "GBK", "cpg",
                  {F.ID: "楼栋编号", F.COMPOUND_ID: "小区编号", F.FLOORS: "层数", F.ELEVATOR: "电梯",
                   F.BUILD_YEAR: "建成年代", F.HOUSEHOLDS: "户数"}),
    "roads": (Role.ROADS, "UTF-8", "cpg", {F.NAME: "名称", F.ROAD_CLASS: "等级"}),
    "river": (Role.BARRIERS, "UTF-8", "cpg", {F.NAME: "名称"}),
    "entrances": (Role.ENTRANCES, "GBK", "cpg", {F.COMPOUND_ID: "小区编号", F.NAME: "名称"}),
}
pytestmark = pytest.mark.skipif(not PATHS["compounds"].exists(), reason="demo not generated")


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_demo_shapefiles(key):
    role, encoding, source, fields = EXPECTED[key]
    report = inspect_file(PATHS[key])
    assert (report.encoding.name, report.encoding.source) == (encoding, source)
    assert report.crs.epsg == 4527 and report.crs.source == "prj"
    assert report.role is role
    assert {r: report.field_map.get(r) for r in fields} == fields
    assert not report.warnings
    assert all(v == 0 for k, v in report.repairs.items())


def test_demo_names_read_without_mojibake():
    raw = PATHS["compounds"].with_suffix(".dbf").read_bytes()
    report = inspect_file(PATHS["compounds"])
    first = report.data["小区名称"].iloc[0]
    assert first.encode("gbk") in raw  # the exact GBK bytes of the file, decoded right


def test_demo_facilities_csv():
    report = inspect_file(PATHS["facilities"])
    assert report.encoding.name in ("GBK", "GB18030") and report.encoding.source == "detected"
    assert report.crs.epsg == 4490 and report.crs.source == "inferred"
    assert report.role is Role.FACILITIES
    assert report.field_map[F.NAME] == "名称" and report.field_map[F.FACILITY_TYPE] == "类型"
    table = pd.read_csv(PATHS["facilities"], encoding="gbk")
    assert report.features == len(table)
    assert report.data.geometry.x.round(6).tolist() == table["经度"].round(6).tolist()


CATEGORY = {"社区卫生服务站": "clinic", "社区卫生服务中心": "clinic", "老年食堂": "elderly_canteen",
            "长者食堂": "elderly_canteen", "助餐点": "elderly_canteen", "日间照料中心": "day_care",
            "养老驿站": "day_care", "养老院": "nursing_home", "幼儿园": "kindergarten",
            "托儿所": "nursery", "托育中心": "nursery", "儿童活动场地": "play_area"}


def test_demo_facility_types_are_classified():
    layer = build_layer(inspect_file(PATHS["facilities"], source_crs="cgcs2000"))  # the demo README's answer
    col = layer.fields[F.FACILITY_TYPE]
    for category, key in zip(layer.data["类型"], layer.data[col]):
        assert (None if pd.isna(key) else key) == CATEGORY.get(category), category


def test_demo_layers_land_in_the_demo_crs():
    layer = build_layer(inspect_file(PATHS["compounds"]), crs="EPSG:4527")
    assert layer.data.crs.to_epsg() == 4527 and len(layer) == len(inspect_file(PATHS["compounds"]).data)
    assert layer.column(F.BUILD_YEAR).dtype == "Int64"
