"""Rasters in a project file: saved by path (relative where it can be), a moved file kept, not dropped."""

from __future__ import annotations

import shutil

import geopandas as gpd
from shapely.geometry import box

from gis.domain import Role
from gis.layer import Layer
from gis.project import Project
from gis.project_file import open_project, save_project
from gis.raster.layer import RasterLayer
from gis.raster.source import open_raster
from tests.gis.raster_samples import CRS, ORIGIN, geotiff


def project_with_raster(folder):
    (folder / "img").mkdir(parents=True)
    raster = RasterLayer.from_info(open_raster(geotiff(folder / "img" / "正射影像.tif")))
    raster.opacity, raster.visible = 0.4, False
    project = Project()
    outline = gpd.GeoDataFrame({"name": ["a"]}, geometry=[box(ORIGIN[0], ORIGIN[1] - 100, ORIGIN[0] + 100, ORIGIN[1])],
                               crs=CRS)
    project.add_layer(Layer("compounds", Role.COMPOUNDS, outline))
    project.add_raster(raster)
    return project, raster


def test_round_trip_keeps_path_style_and_finds_a_moved_folder(tmp_path):
    project, raster = project_with_raster(tmp_path / "job")
    save_project(project, tmp_path / "job" / "plan.gpkg")
    shutil.move(tmp_path / "job", tmp_path / "moved")
    opened = open_project(tmp_path / "moved" / "plan.gpkg")
    [back] = opened.rasters
    assert (back.id, back.name, back.opacity, back.visible) == (raster.id, "正射影像.tif", 0.4, False)
    assert back.path == str(tmp_path / "moved" / "img" / "正射影像.tif")
    assert back.info is not None and back.tiles is not None and opened.notices == []


def test_missing_raster_is_kept_with_a_notice_and_saved_again(tmp_path):
    project, raster = project_with_raster(tmp_path / "job")
    save_project(project, tmp_path / "job" / "plan.gpkg")
    (tmp_path / "job" / "img" / "正射影像.tif").unlink()
    opened = open_project(tmp_path / "job" / "plan.gpkg")
    [back] = opened.rasters
    assert back.missing and [n.code for n in opened.notices] == ["raster.missing"]
    assert len(opened.layers) == 1  # the vector layers open as saved
    save_project(opened, tmp_path / "job" / "plan.gpkg")
    assert [r.id for r in open_project(tmp_path / "job" / "plan.gpkg").rasters] == [raster.id]


def test_raster_order_and_removal_mark_the_project_dirty(tmp_path):
    project, raster = project_with_raster(tmp_path / "job")
    other = RasterLayer.from_info(raster.info, name="second")
    project.add_raster(other)
    project.mark_dirty(False)
    project.move_raster(other.id, 0)
    assert [r.name for r in project.rasters] == ["second", "正射影像.tif"] and project.dirty
    project.remove_raster(other.id)
    assert project.rasters == [raster]
