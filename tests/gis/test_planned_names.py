"""Planned sites' names: the app's names follow the one rule (gis.wording.planned_label) even in
projects saved before it, a name the planner gave by hand is kept, and notices say both right."""

from __future__ import annotations

import geopandas as gpd
from shapely.geometry import Point

from gis.domain import FieldRole, Role
from gis.gaps.siting import planned_layer
from gis.layer import Layer
from gis.project import Project
from gis.project_file import open_project, save_project
from gis.wording import generated_language, named_sites

CRS = "EPSG:4547"
IDS = ["P-play_area-1", "P-day_care-2", "P-day_care-3", "P-clinic-1", "P-nursery-4", "P-clinic-2"]
OLD = ["规划儿童活动场地1", "Planned Elderly day care 2", "Planned day_care 3", "东门新建卫生站",
       "规划-托儿所-4", "Planned clinic 2"]  # earlier rules, a hand-given name, the current rule
NOW = ["规划-儿童活动场地-1", "Planned elderly day care 2", "Planned elderly day care 3", "东门新建卫生站",
       "规划-托儿所-4", "Planned clinic 2"]


def points(n: int) -> list[Point]:
    return [Point(500_000 + 50 * i, 2_500_000) for i in range(n)]


def saved_earlier(tmp_path):
    """A project as the planner saved it before the rule: planned sites and a surveyed layer."""
    project = Project()
    planned = gpd.GeoDataFrame({"id": IDS, "name": OLD, "facility_type": [i.split("-")[1] for i in IDS],
                                "planned": True, "radius_m": 300.0}, geometry=points(len(IDS)), crs=CRS)
    project.add_layer(planned_layer(planned, name="规划设施"))
    surveyed = gpd.GeoDataFrame({"code": ["P-clinic-9"], "名称": ["规划卫生服务站9"]}, geometry=points(1), crs=CRS)
    project.add_layer(Layer("现状设施", Role.FACILITIES, surveyed,
                            fields={FieldRole.ID: "code", FieldRole.NAME: "名称"}))
    return save_project(project, tmp_path / "旧项目.gpkg")


def test_an_old_project_names_its_planned_sites_as_new_ones_are_named(tmp_path):
    opened = open_project(saved_earlier(tmp_path))
    planned, surveyed = opened.layers
    assert planned.data["name"].tolist() == NOW  # each in the language it was named in
    assert planned.data["id"].tolist() == IDS and not opened.dirty
    assert surveyed.data["名称"].tolist() == ["规划卫生服务站9"]  # not a planned row: the data's own name


def test_a_name_given_by_hand_is_never_replaced():
    assert generated_language("P-clinic-1", "东门新建卫生站") is None
    assert generated_language("P-clinic-1", "规划卫生服务站2") is None  # another site's number
    assert generated_language("P-clinic-1", " 规划卫生服务站1 ") == "zh_CN"
    said = named_sites(["P-clinic-1", "P-clinic-2", "P-nursery-4"], ["东门新建卫生站", "规划卫生服务站2", ""])
    assert said["ids"] == "东门新建卫生站, Planned clinic 2, Planned nursery 4"
    assert said["ids_zh"] == "东门新建卫生站, 规划-卫生服务站-2, 规划-托儿所-4"
