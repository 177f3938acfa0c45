"""Prints draw the rasters and the online basemap under the vectors at the layout's resolution, with
the basemap's credit and an optional 审图号 line."""

from __future__ import annotations

from gis.raster.layer import open_raster_layer
from gui.layout.compose import MapView, _notes
from gui.layout.export import layout_image
from gui.layout.page import LayoutSpec, Page, frames
from tests.gis.export_samples import X0, Y0, sample_project
from tests.gis.raster_samples import geotiff, png_tile
from tests.gui.conftest import color_pixels
from tests.gui.test_layout_export import COMPOUND, blend, crop


def map_part(image, spec):
    page = Page.of(spec)
    return crop(image, frames(page).map, page)


def test_raster_is_printed_under_the_vectors(app, tmp_path):
    project = sample_project(zones=False)
    raster = open_raster_layer(geotiff(tmp_path / "o.tif", size=600, crs="EPSG:4527", origin=(X0 - 100, Y0 + 500)))
    project.add_raster(raster)
    spec = LayoutSpec(dpi=100)
    printed = map_part(layout_image(spec, project), spec)
    assert color_pixels(printed, "#00ff00", tol=8) > 2000  # the raster's green quadrant
    assert color_pixels(printed, blend(COMPOUND, 0.6, "#0000ff"), tol=12) > 5000  # compounds over its blue
    raster.visible = False
    assert color_pixels(map_part(layout_image(spec, project), spec), "#00ff00", tol=8) == 0


class GreenTiles:
    def tile(self, z, x, y):
        return png_tile((0, 255, 0))


def test_basemap_printed_with_its_credit_and_review_number(app):
    project = sample_project(zones=False)
    spec = LayoutSpec(dpi=72, review_number="鲁SG(2024)001号")
    image = layout_image(spec, project, view=MapView(basemap=([GreenTiles()], "© 天地图")))
    assert color_pixels(map_part(image, spec), "#00ff00", tol=8) > 5000
    notes = _notes(spec, project, ["© 天地图"])
    assert "© 天地图" in notes and notes[-1] == "审图号：鲁SG(2024)001号"
    assert not any("审图号" in n for n in _notes(LayoutSpec(), project))
