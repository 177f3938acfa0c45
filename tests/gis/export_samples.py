"""A tiny district for the export tests: 3x3 compounds, buildings, facilities, roads, two zones.

Coordinates are CGCS2000 GK zone 39 with prefix (EPSG:4527) near 117°E, 36.6°N; the
project's working CRS becomes EPSG:4548 (CM 117°E). Compound 0 is named like an HTML
injection to prove that every format writes it as text.
"""

from __future__ import annotations

import geopandas as gpd
from shapely.geometry import LineString, Point, box

from gis.domain import FieldRole, Role
from gis.layer import Layer, LayerStyle
from gis.project import Project
from gis.zones.model import ZoneModel

X0, Y0 = 39_502_000.0, 4_058_000.0
EVIL = "<img src=x onerror=alert(1)>"
SIDE, STREET = 120.0, 20.0


def compounds_frame() -> gpd.GeoDataFrame:
    polys, names, ids, hh, years = [], [], [], [], []
    for i in range(3):
        for j in range(3):
            k = i * 3 + j
            x, y = X0 + i * (SIDE + STREET), Y0 + j * (SIDE + STREET)
            polys.append(box(x, y, x + SIDE, y + SIDE))
            ids.append(f"MH{k:03d}")
            names.append(EVIL if k == 0 else f"幸福里{k}号院")
            hh.append(100 + 10 * k)
            years.append(1985 + k)
    return gpd.GeoDataFrame({"小区编号": ids, "小区名称": names, "户数": hh, "建成年代": years},
                            geometry=polys, crs="EPSG:4527")


def buildings_frame() -> gpd.GeoDataFrame:
    rows = []
    for k in range(9):
        i, j = divmod(k, 3)
        x, y = X0 + i * (SIDE + STREET) + 20, Y0 + j * (SIDE + STREET) + 20
        for b in range(2):
            rows.append({"楼栋编号": f"MH{k:03d}-{b + 1}", "小区编号": f"MH{k:03d}", "层数": 6 if b == 0 else 3,
                         "电梯": "无", "户数": 24, "geometry": box(x, y + b * 50, x + 60, y + b * 50 + 15)})
    return gpd.GeoDataFrame(rows, crs="EPSG:4527")


def facilities_frame() -> gpd.GeoDataFrame:
    names = ["社区卫生服务站", "长者食堂", "幼儿园"]
    types = ["clinic", "elderly_canteen", "kindergarten"]
    pts = [Point(X0 + 60, Y0 + 60), Point(X0 + 200, Y0 + 60), Point(X0 + 340, Y0 + 340)]
    return gpd.GeoDataFrame({"设施编号": ["F1", "F2", "F3"], "名称": names, "类型": types},
                            geometry=pts, crs="EPSG:4527")


def roads_frame() -> gpd.GeoDataFrame:
    lines, names = [], []
    for k in range(4):
        off = k * (SIDE + STREET) - STREET / 2
        lines.append(LineString([(X0 - 20, Y0 + off), (X0 + 420, Y0 + off)]))
        lines.append(LineString([(X0 + off, Y0 - 20), (X0 + off, Y0 + 420)]))
        names += [f"东西{k}路", f"南北{k}路"]
    return gpd.GeoDataFrame({"名称": names, "等级": ["支路"] * len(names)}, geometry=lines, crs="EPSG:4527")


def sample_project(*, zones: bool = True, planned: bool = False) -> Project:
    project = Project()
    project.add_layer(Layer("小区边界", Role.COMPOUNDS, compounds_frame(),
                            fields={FieldRole.ID: "小区编号", FieldRole.NAME: "小区名称",
                                    FieldRole.HOUSEHOLDS: "户数", FieldRole.BUILD_YEAR: "建成年代"},
                            style=LayerStyle(fill="#ff00aa", fill_opacity=0.6, label_field="小区名称")))
    project.add_layer(Layer("建筑", Role.BUILDINGS, buildings_frame(),
                            fields={FieldRole.ID: "楼栋编号", FieldRole.COMPOUND_ID: "小区编号",
                                    FieldRole.FLOORS: "层数", FieldRole.ELEVATOR: "电梯",
                                    FieldRole.HOUSEHOLDS: "户数"},
                            style=LayerStyle(fill="#777777")))
    project.add_layer(Layer("道路", Role.ROADS, roads_frame(), fields={FieldRole.NAME: "名称",
                                                                      FieldRole.ROAD_CLASS: "等级"},
                            style=LayerStyle(stroke="#333333", weight=2.0)))
    project.add_layer(Layer("设施", Role.FACILITIES, facilities_frame(),
                            fields={FieldRole.ID: "设施编号", FieldRole.NAME: "名称",
                                    FieldRole.FACILITY_TYPE: "类型"},
                            style=LayerStyle(fill="#1f77b4", by_field="类型", method="categorized")))
    if planned:
        frame = gpd.GeoDataFrame({"id": ["P-day_care-1"], "name": ["规划日间照料中心"],
                                  "facility_type": ["day_care"], "planned": [True], "radius_m": [300.0]},
                                 geometry=[Point(X0 + 200, Y0 + 200)], crs="EPSG:4527")
        project.add_layer(Layer("规划设施", Role.FACILITIES, frame,
                                fields={FieldRole.ID: "id", FieldRole.NAME: "name",
                                        FieldRole.FACILITY_TYPE: "facility_type"},
                                style=LayerStyle(fill="#00c853", radius=8)))
    if zones:
        model = ZoneModel.from_layer(project.first(Role.COMPOUNDS))
        project.set_zones(model)
        model.merge([0, 1, 3, 4], name="西南片区", colour="#4e79a7")
        model.merge([8, 5], name="东北片区", colour="#e15759")
    project.mark_dirty(False)
    return project
