"""Project file: one GeoPackage, exact round trip, atomic saves, clear errors."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pytest
import shapely
from pandas.testing import assert_frame_equal
from shapely.geometry import LineString, MultiPolygon, Point, box

from gis.domain import FieldRole, Role
from gis.errors import ProjectError
from gis.layer import Layer, LayerStyle, SourceInfo
from gis.project import Project
from gis.project_file import is_project, open_project, save_project
from gis.zones.model import Policy, ZoneModel

CRS = "EPSG:4547"
X0, Y0 = 500_000, 2_500_000
ROOT = Path(__file__).resolve().parents[2]


def compounds_layer() -> Layer:
    geoms = [box(X0 + i * 110, Y0, X0 + i * 110 + 100, Y0 + 100) for i in range(5)]
    geoms[4] = MultiPolygon([box(X0 + 440, Y0, X0 + 540, Y0 + 100), box(X0 + 560, Y0, X0 + 600, Y0 + 40)])
    data = gpd.GeoDataFrame({
        "小区编号": ["XQ1", "XQ2", "XQ3", "XQ4", "XQ5"],
        "小区名称": ["幸福里", "东风小区", None, "河西新村", "人民路32号院"],
        "户数": pd.array([120, None, 300, 80, 45], dtype="Int64"),
        "建成年代": np.array([1985, 1992, 1999, 2003, 1978], dtype=np.int32),
        "容积率": np.array([1.5, 2.25, np.nan, 0.8, 1.0], dtype=np.float32),
        "有电梯": pd.array([True, False, None, True, False], dtype="boolean"),
        "gated": [True, False, True, True, False],
        "surveyed": pd.to_datetime(["2023-05-01 09:30:00", None, "2024-01-02 00:00:00", "2022-12-31 23:59:59",
                                    "2021-07-01 00:00:00"]).astype("datetime64[ms]"),
        "类别": pd.Categorical(["商品房", "单位院", "单位院", "商品房", "单位院"]),
        "ID": [1, 2, 3, 4, 5], "id": [10, 20, 30, 40, 50],  # clash in SQLite (case-insensitive)
        "fid": [7, 7, 7, 7, 7],  # clashes with the GeoPackage feature id
    }, geometry=geoms, crs=CRS)
    return Layer("小区边界", Role.COMPOUNDS, data,
                 fields={FieldRole.ID: "小区编号", FieldRole.NAME: "小区名称",
                         FieldRole.HOUSEHOLDS: "户数", FieldRole.BUILD_YEAR: "建成年代"},
                 source=SourceInfo(path="D:/数据/小区.shp", driver="ESRI Shapefile", encoding="GBK",
                                   encoding_source="detected", crs="EPSG:4527", crs_source="prj",
                                   repairs={"invalid": 2}, warnings=["2 个面已修复"]),
                 style=LayerStyle(fill="#e15759", fill_opacity=0.4, by_field="建成年代",
                                  method="graduated", label_field="小区名称"), id="cmp00001")


def make_project() -> Project:
    project = Project()
    compounds = project.add_layer(compounds_layer())
    roads = Layer("道路", Role.BARRIERS, gpd.GeoDataFrame(
        {"道路等级": ["主干路"]}, geometry=[LineString([(X0 + 215, Y0 - 50), (X0 + 215, Y0 + 150)])],
        crs=CRS), visible=False, id="road0001")
    project.add_layer(roads)
    empty = Layer("空图层", Role.FACILITIES, gpd.GeoDataFrame(
        {"类型": pd.Series([], dtype="str")}, geometry=gpd.GeoSeries([], crs=CRS), crs=CRS),
        id="empty001")
    project.add_layer(empty)
    points = Layer("设施", Role.FACILITIES, gpd.GeoDataFrame(
        {"类型": ["clinic", "kindergarten"]}, geometry=[Point(X0 + 50, Y0 + 50), None], crs=CRS),
        fields={FieldRole.FACILITY_TYPE: "类型"}, id="fac00001")
    project.add_layer(points)
    project.move_layer(points.id, 0)
    model = ZoneModel.from_layer(compounds, gap=30, barriers=roads, policy=Policy.FLAG)
    model.merge([0, 1], name="城东片区")
    model.merge([3, 4])
    model.merge([2], colour="#123456")
    model.dissolve(3)
    project.set_zones(model)
    project.settings = {"gap_m": 30, "pre_year": 2000, "名称": "端州试点"}
    project.view = {"center": [112.46, 23.08], "zoom": 15, "basemap": "none"}
    return project


def assert_same_project(a: Project, b: Project) -> None:
    assert [lyr.id for lyr in a.layers] == [lyr.id for lyr in b.layers]
    for la, lb in zip(a.layers, b.layers):
        assert (la.name, la.role, la.fields, la.visible) == (lb.name, lb.role, lb.fields, lb.visible)
        assert la.style == lb.style and la.source == lb.source
        assert list(la.data.columns) == list(lb.data.columns)
        assert la.data.crs.equals(lb.data.crs)
        assert_frame_equal(pd.DataFrame(la.data.drop(columns=la.data.geometry.name)),
                           pd.DataFrame(lb.data.drop(columns=lb.data.geometry.name)))
        ga, gb = la.data.geometry.values, lb.data.geometry.values
        assert list(shapely.get_type_id(ga)) == list(shapely.get_type_id(gb))
        assert all(shapely.equals_exact(ga, gb, 0) | (shapely.is_missing(ga) & shapely.is_missing(gb)))
    assert a.crs.equals(b.crs)
    assert a.settings == b.settings and a.view == b.view
    assert a.zones.snapshot() == b.zones.snapshot()
    assert a.zones.to_dict() == b.zones.to_dict()
    assert np.array_equal(a.zones.adjacency.edges, b.zones.adjacency.edges)


def test_round_trip_restores_everything(tmp_path):
    project = make_project()
    path = save_project(project, tmp_path / "端州区改造.gpkg")
    assert not project.dirty and project.path == str(path)
    again = open_project(path)
    assert_same_project(project, again)
    assert not again.dirty and again.path == str(path)
    assert again.zones.policy is Policy.FLAG
    assert again.zones.adjacency.blocked.tolist() == [[1, 2]]  # the barrier still cuts 1-2
    # saving the reopened project again loses nothing either
    save_project(again, tmp_path / "copy.gpkg")
    assert_same_project(project, open_project(tmp_path / "copy.gpkg"))


def test_file_is_a_plain_geopackage_with_zone_outlines(tmp_path):
    path = save_project(make_project(), tmp_path / "p.gpkg")
    tables = {name for name, _ in pyogrio.list_layers(path)}
    assert {"小区边界", "道路", "设施", "空图层", "renovation_zones", "planner_project"} <= tables
    zones = gpd.read_file(path, layer="renovation_zones")
    assert sorted(zones["name"]) == ["Zone 2", "城东片区"]
    row = zones.set_index("name").loc["城东片区"]
    assert row["member_ids"] == '["XQ1", "XQ2"]'
    assert row["area_m2"] == pytest.approx(210 * 100)
    assert row["households"] == 120  # the second compound has no count


def test_dirty_flag_follows_edits_and_saves(tmp_path):
    project = make_project()
    seen = []
    project.dirty_changed.connect(seen.append)
    save_project(project, tmp_path / "p.gpkg")
    project.zones.rename(1, "改名")
    assert project.dirty
    save_project(project)  # to the same path
    assert not project.dirty and seen == [False, True, False]
    assert open_project(tmp_path / "p.gpkg").zones.zone(1).name == "改名"


def test_failed_save_keeps_the_old_file(tmp_path, monkeypatch):
    project = make_project()
    path = save_project(project, tmp_path / "p.gpkg")
    before = path.read_bytes()
    project.zones.rename(1, "未保存")
    calls = {"n": 0}
    real = pyogrio.write_dataframe

    def dying_write(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disk full")
        return real(*args, **kwargs)

    monkeypatch.setattr(pyogrio, "write_dataframe", dying_write)
    with pytest.raises(ProjectError) as err:
        save_project(project)
    assert "disk full" in err.value.message and "unchanged" in err.value.message
    assert path.read_bytes() == before
    assert project.dirty
    assert [p.name for p in tmp_path.iterdir()] == ["p.gpkg"]  # no temp file left
    assert open_project(path).zones.zone(1).name == "城东片区"


def test_crash_mid_save_leaves_the_old_file(tmp_path):
    """A process killed in the middle of writing (os._exit) cannot damage the saved file."""
    path = save_project(make_project(), tmp_path / "p.gpkg")
    before = path.read_bytes()
    script = textwrap.dedent(f"""
        import os, sys
        sys.path.insert(0, {str(ROOT)!r}); sys.path.insert(0, {str(Path(__file__).parent)!r})
        import pyogrio
        from gis import project_file
        from test_project_file import make_project
        real, n = pyogrio.write_dataframe, [0]
        def write(*a, **k):
            n[0] += 1
            if n[0] == 3:
                os._exit(9)   # the power goes off
            return real(*a, **k)
        pyogrio.write_dataframe = write
        project_file.save_project(make_project(), {str(path)!r})
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 9, proc.stderr
    assert path.read_bytes() == before
    leftovers = [p for p in tmp_path.iterdir() if p.name != "p.gpkg"]
    assert leftovers and all(p.name.startswith(".p.saving-") for p in leftovers)
    assert_same_project(make_project(), open_project(path))
    save_project(open_project(path))  # the next save clears the dead process's temp file
    assert [p.name for p in tmp_path.iterdir()] == ["p.gpkg"]


@pytest.mark.filterwarnings("ignore:Table/view:RuntimeWarning")
def test_foreign_and_broken_files_are_project_errors(tmp_path):
    foreign = tmp_path / "other.gpkg"
    gpd.GeoDataFrame({"a": [1]}, geometry=[Point(0, 0)], crs=4326).to_file(foreign)
    with pytest.raises(ProjectError, match="not a project of this planner"):
        open_project(foreign)
    assert not is_project(foreign)
    text = tmp_path / "notes.gpkg"
    text.write_text("这不是数据库", encoding="utf-8")
    with pytest.raises(ProjectError, match="not a GeoPackage"):
        open_project(text)
    with pytest.raises(ProjectError, match="does not exist"):
        open_project(tmp_path / "missing.gpkg")
    good = save_project(make_project(), tmp_path / "good.gpkg")
    assert is_project(good)
    with sqlite3.connect(good) as con:
        con.execute("DELETE FROM planner_project WHERE key='project'")
    with pytest.raises(ProjectError, match="damaged"):
        open_project(good)


def test_newer_version_is_refused(tmp_path):
    path = save_project(make_project(), tmp_path / "p.gpkg")
    with sqlite3.connect(path) as con:
        (value,) = con.execute("SELECT value FROM planner_project WHERE key='project'").fetchone()
        con.execute("UPDATE planner_project SET value=? WHERE key='project'",
                    (value.replace('"version": 1', '"version": 99'),))
    with pytest.raises(ProjectError, match="newer version"):
        open_project(path)


def test_save_needs_a_gpkg_path_in_an_existing_folder(tmp_path):
    project = make_project()
    with pytest.raises(ProjectError, match="file name"):
        save_project(project)
    with pytest.raises(ProjectError, match=".gpkg"):
        save_project(project, tmp_path / "p.shp")
    with pytest.raises(ProjectError, match="does not exist"):
        save_project(project, tmp_path / "nope" / "p.gpkg")
    project.settings["bad"] = object()
    with pytest.raises(ProjectError, match="settings"):
        save_project(project, tmp_path / "p.gpkg")
    assert not (tmp_path / "p.gpkg").exists()


def test_project_without_zones(tmp_path):
    project = Project()
    project.add_layer(compounds_layer())
    again = open_project(save_project(project, tmp_path / "p.gpkg"))
    assert again.zones is None and len(again.layers) == 1


def test_removing_the_compounds_layer_drops_the_plan():
    project = make_project()
    project.remove_layer(project.zones.layer_id)
    assert project.zones is None


def test_opening_via_open_any(tmp_path):
    from gis.opening import is_project_file, open_any

    path = save_project(make_project(), tmp_path / "p.gpkg")
    assert is_project_file(path)
    assert open_any(path).zones is not None
    os.remove(path)
