"""The offline HTML map carries each local raster as one image overlay, size-capped, said when dropped."""

from __future__ import annotations

import base64
import io
import re

from PIL import Image

from gis.export.project_export import export_project
from gis.raster.html_overlay import html_images
from gis.raster.layer import RasterLayer
from tests.gis.raster_samples import geotiff
from tests.gis.test_raster_project import project_with_raster


def test_html_map_holds_the_raster_as_one_image_under_the_layers(tmp_path):
    project, raster = project_with_raster(tmp_path / "job")
    raster.visible = True
    result = export_project(project, tmp_path / "map.html", fmt="html")
    page = (tmp_path / "map.html").read_text(encoding="utf-8")
    uris = re.findall(r'"(data:image/(?:jpeg|png);base64,[A-Za-z0-9+/=]+)"', page)
    assert len(uris) == 1 and not [n for n in result.notices if n.code.startswith("export.raster")]
    assert page.index("L.imageOverlay") < page.index("L.geoJson")  # drawn first: under the vectors
    image = Image.open(io.BytesIO(base64.b64decode(uris[0].split(",", 1)[1])))
    assert image.size == (400, 400)  # never more pixels than the file (400 × 400) has
    red = image.convert("RGB").getpixel((50, 50))  # the top-left quadrant (JPEG: near, not exact)
    assert red[0] > 240 and red[1] < 15 and red[2] < 15


def test_too_large_or_missing_rasters_are_left_out_with_a_notice(tmp_path):
    project, raster = project_with_raster(tmp_path / "job")
    images, notes = html_images(project.rasters, max_bytes=100)
    assert images == [] and [n.code for n in notes] == ["export.raster_too_large"]
    gone = RasterLayer(name="旧影像.tif", path=str(tmp_path / "gone.tif"))
    images, notes = html_images([gone])
    assert images == [] and "旧影像.tif" in notes[0].message and "not found" in notes[0].message
    assert html_images([raster], gcj02=True)[1][0].code == "export.raster_left_out"
