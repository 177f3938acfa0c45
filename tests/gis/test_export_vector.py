"""GeoPackage, Shapefile and GeoJSON exports read back with pyogrio: CRS, field names, Chinese values."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pyogrio
import pytest
import shapely
from shapely.geometry import Point, box

from gis.errors import ExportError
from gis.export.fieldnames import shapefile_names
from gis.export.frames import zones_frame
from gis.export.project_export import export_project
from gis.export.target import resolve_target
from gis.export.vector import GBK_LDID, write_gpkg, write_shapefile
from gis.wording import FIELD_NAMES
from gis.io.chinese_datums import wgs84_to_gcj02
from tests.gis.export_samples import EVIL, sample_project


@pytest.fixture(scope="module")
def project():
    return sample_project()


def test_zones_gpkg_holds_members_statistics_and_pooled_gaps(project, tmp_path):
    out = tmp_path / "plan.gpkg"
    result = export_project(project, out, fmt="gpkg")
    layers = dict(pyogrio.list_layers(out))
    assert {"zones", "gaps", "elevators", "小区边界", "建筑", "道路", "设施"} <= set(layers)
    zones = pyogrio.read_dataframe(out, layer="zones")
    assert zones.crs.equals(project.crs)  # default target: the project's Gauss-Krüger zone
    assert list(zones["名称"]) == ["西南片区", "东北片区"]
    assert zones["含小区"].iloc[0] == "MH000;MH001;MH003;MH004"
    assert zones["小区数"].tolist() == [4, 2]
    assert zones["户数"].tolist() == [100 + 110 + 130 + 140, 150 + 180]
    assert zones["缺项数"].dtype.kind in "iu" and (zones["缺项数"] >= 1).all()
    assert "养老院" in zones["缺项"].iloc[0]  # no nursing home anywhere: missing after pooling too
    assert zones["需梯楼"].tolist() == [4, 2]  # one six-storey walk-up per compound
    outline_area = zones.geometry.area.iloc[0]
    assert outline_area > 4 * 120 * 120  # the outline closes the 20 m streets between members
    assert result.paths == [out]


def test_shapefile_utf8_has_cpg_prj_and_short_unique_field_names(project, tmp_path):
    layer = project.layers[0]
    result = write_shapefile(layer.data, tmp_path / "c.shp", target=resolve_target(None, project.crs))
    assert (tmp_path / "c.cpg").read_text() == "UTF-8"
    prj = (tmp_path / "c.prj").read_text()
    assert "CGCS2000_3_Degree_GK_CM_117E" in prj and 'PARAMETER["Central_Meridian",117.0]' in prj
    back = pyogrio.read_dataframe(tmp_path / "c.shp")
    assert back.crs.to_epsg() == 4548
    names = [c for c in back.columns if c != "geometry"]
    assert all(len(n.encode("utf-8")) <= 10 for n in names)
    assert result.renamed["c"] == {"小区编号": "小区编", "小区名称": "小区名", "建成年代": "建成年"}
    assert back["小区名"].iloc[0] == EVIL and back["小区名"].iloc[4] == "幸福里4号院"
    assert back["户数"].dtype.kind in "iu"
    assert any("10 bytes" in n.message for n in result.notices)


def test_shapefile_gbk_for_old_arcgis(project, tmp_path):
    frame = project.layers[0].data.copy()
    frame.loc[1, "小区名称"] = "𠀀里"  # outside GBK
    result = write_shapefile(frame, tmp_path / "g.shp", target=resolve_target(None, project.crs), encoding="gbk")
    assert (tmp_path / "g.cpg").read_text() == "936"
    assert (tmp_path / "g.dbf").read_bytes()[29] == GBK_LDID
    raw = (tmp_path / "g.dbf").read_bytes()
    assert "幸福里4号院".encode("gbk") in raw and "幸福里4号院".encode("utf-8") not in raw
    back = pyogrio.read_dataframe(tmp_path / "g.shp")
    assert "小区名称" in back.columns  # 8 bytes in GBK: fits, not renamed
    assert back["小区名称"].iloc[4] == "幸福里4号院"
    assert back["小区名称"].iloc[1] == "?里"
    assert any("GBK cannot store" in n.message for n in result.notices)


def test_field_names_stay_unique_after_cutting():
    names = shapefile_names(["elderly_2020", "elderly_2024", "elderly_20", "小区名称A", "小区名称B"], "utf-8")
    assert len(set(v.lower() for v in names.values())) == 5
    assert all(len(v.encode("utf-8")) <= 10 for v in names.values())
    assert names["elderly_20"] == "elderly_20"  # an original short name keeps its name


def test_zone_field_names_fit_a_utf8_shapefile_unchanged():
    for key, (en, zh) in FIELD_NAMES.items():
        assert len(en.encode()) <= 10 and len(zh.encode()) <= 10, key


def test_shapefile_refuses_mixed_geometry(tmp_path):
    frame = gpd.GeoDataFrame({"a": [1, 2]}, geometry=[box(0, 0, 1, 1), Point(5, 5)], crs="EPSG:4548")
    with pytest.raises(ExportError, match="one kind of geometry"):
        write_shapefile(frame, tmp_path / "m.shp", target=resolve_target("4548", None))


def test_gcj02_target_shifts_by_the_published_offset(project, tmp_path):
    zones = zones_frame(project)
    write_gpkg({"wgs": zones}, tmp_path / "w.gpkg", target=resolve_target("wgs84", None))
    write_gpkg({"gcj": zones}, tmp_path / "g.gpkg", target=resolve_target("gcj02", None))
    w = pyogrio.read_dataframe(tmp_path / "w.gpkg")
    g = pyogrio.read_dataframe(tmp_path / "g.gpkg")
    assert w.crs.to_epsg() == 4326 and g.crs.to_epsg() == 4326
    lonlat, shifted = shapely.get_coordinates(w.geometry.values), shapely.get_coordinates(g.geometry.values)
    expected = np.column_stack(wgs84_to_gcj02(lonlat[:, 0], lonlat[:, 1]))
    assert np.allclose(shifted, expected, atol=1e-9)  # the one GCJ-02 formula of gis.io
    dx, dy = (shifted - lonlat)[0]
    metres = np.hypot(dx * 111_320 * np.cos(np.radians(36.6)), dy * 110_540)
    assert 100 < metres < 800  # GCJ-02 is a few hundred metres off WGS 84 in Shandong


def test_geojson_is_lon_lat_by_default_with_chinese_values(project, tmp_path):
    out = tmp_path / "zones.geojson"
    export_project(project, out, fmt="geojson", layers=["zones"])
    text = out.read_text(encoding="utf-8")
    assert "西南片区" in text
    back = pyogrio.read_dataframe(out)
    assert back.crs.to_epsg() == 4326
    minx, miny, maxx, maxy = back.total_bounds
    assert 116.9 < minx < maxx < 117.1 and 36.5 < miny < maxy < 36.7


def test_one_file_formats_need_a_folder_for_many_layers(project, tmp_path):
    with pytest.raises(ExportError, match="folder"):
        export_project(project, tmp_path / "two.shp", fmt="shp", layers=["zones", "道路"])
    result = export_project(project, tmp_path / "all", fmt="shp", layers=["zones", "roads"])
    assert (tmp_path / "all" / "zones.shp").exists() and (tmp_path / "all" / "道路.shp").exists()
    assert len(result.paths) == 10


def test_bad_target_and_layer_names_are_typed_errors(project, tmp_path):
    with pytest.raises(ExportError, match="Unknown target CRS"):
        resolve_target("mars", project.crs)
    with pytest.raises(ExportError, match="not a known coordinate system"):
        resolve_target("99999", project.crs)
    with pytest.raises(ExportError, match="No layer called"):
        export_project(project, tmp_path / "x.gpkg", fmt="gpkg", layers=["nothing"])
    with pytest.raises(ExportError, match="Unknown export format"):
        export_project(project, tmp_path / "x.abc", fmt="abc")


def test_failed_export_leaves_the_old_file(project, tmp_path):
    out = tmp_path / "keep.gpkg"
    out.write_bytes(b"old content")
    broken = gpd.GeoDataFrame({"a": [1]}, geometry=[box(0, 0, 1, 1)])  # no CRS
    with pytest.raises(ExportError):
        write_gpkg({"x": broken}, out, target=resolve_target("4548", None))
    assert out.read_bytes() == b"old content"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.gpkg"]
