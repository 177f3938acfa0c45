"""`main.py --screenshot OUT.png PATH ...`: a project, a vector file and a raster in one view."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import pytest
from PySide6.QtGui import QImage
from shapely.geometry import box

from gis.domain import Role
from gis.layer import Layer, LayerStyle
from gis.project import Project
from gis.project_file import save_project
from tests.gis.raster_samples import CRS, ORIGIN, geotiff
from tests.gui.conftest import color_pixels

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_screenshot_fits_a_project_a_vector_file_and_a_raster(tmp_path):
    x0, y0 = ORIGIN
    project = Project()
    project.add_layer(Layer("A", Role.COMPOUNDS, gpd.GeoDataFrame(
        geometry=[box(x0 + 20, y0 - 180, x0 + 180, y0 - 20)], crs=CRS), style=LayerStyle(fill="#ff00aa", fill_opacity=1)))
    save_project(project, tmp_path / "plan.gpkg")
    gpd.GeoDataFrame({"name": ["B"]}, geometry=[box(x0 + 250, y0 - 1100, x0 + 600, y0 - 900)],
                     crs=CRS).to_file(tmp_path / "far.geojson")
    geotiff(tmp_path / "ortho.tif", size=400)
    out = tmp_path / "shot.png"
    env = dict(os.environ, OCP_CACHE_DIR=str(tmp_path / "cache"))
    run = subprocess.run([sys.executable, "main.py", "--screenshot", str(out), "--size", "900x700",
                          str(tmp_path / "plan.gpkg"), str(tmp_path / "far.geojson"), str(tmp_path / "ortho.tif")],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=240)
    assert run.returncode == 0, run.stderr[-2000:]
    image = QImage(str(out))
    assert image.width() == 900
    assert color_pixels(image, "#00ff00") > 300  # the raster's green quadrant
    assert color_pixels(image, "#ff00aa") > 100  # the project's layer, drawn over the raster
    assert color_pixels(image, drawn_fill(tmp_path / "far.geojson"), tol=6) > 2000  # 1 km south, same view


def drawn_fill(path: Path) -> str:
    """The colour the map gives the file's polygons: its style's fill over the map background."""
    from gis.opening import read_data_layer

    style = read_data_layer(path).style
    fill, background = style.fill.lstrip("#"), "f4f1ea"
    mix = [round(int(background[k:k + 2], 16) * (1 - style.fill_opacity) + int(fill[k:k + 2], 16) * style.fill_opacity)
           for k in (0, 2, 4)]
    return "#" + "".join(f"{v:02x}" for v in mix)


def test_screenshot_refuses_a_bad_raster_with_one_message(tmp_path):
    from gui.app import load_initial_project
    from gis.errors import DataReadError

    bad = tmp_path / "flat.tif"
    bad.write_bytes(b"II*\x00" + b"\x00" * 100)
    with pytest.raises(DataReadError):
        load_initial_project([str(bad)])
