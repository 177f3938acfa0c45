"""Rasters drawn for prints: the right pixels at the print's size, in the project's CRS."""

from __future__ import annotations

import numpy as np
from pyproj import CRS

from gis.raster.render import render_extent
from gis.raster.source import open_raster
from gis.raster.tiles import TileSource
from tests.gis.raster_samples import CRS as RASTER_CRS, ORIGIN, geotiff, mbtiles, png_tile


def test_a_geotiff_drawn_in_another_crs_keeps_its_quadrants(tmp_path):
    source = TileSource(open_raster(geotiff(tmp_path / "o.tif", size=400)))
    from pyproj import Transformer

    to_utm = Transformer.from_crs(RASTER_CRS, "EPSG:32650", always_xy=True)
    (x0, x1), (y0, y1) = to_utm.transform([ORIGIN[0] + 20, ORIGIN[0] + 380], [ORIGIN[1] - 380, ORIGIN[1] - 20])
    image = render_extent([(source, 1.0)], (x0, y0, x1, y1), CRS.from_epsg(32650), 300, 300)
    assert image.shape == (300, 300, 4)
    assert tuple(image[40, 40]) == (255, 0, 0, 255) and tuple(image[260, 260]) == (255, 255, 255, 255)
    assert tuple(image[40, 260]) == (0, 255, 0, 255) and tuple(image[260, 40]) == (0, 0, 255, 255)


def test_opacity_and_nothing_outside(tmp_path):
    source = TileSource(open_raster(geotiff(tmp_path / "o.tif", size=400)))
    inside = (ORIGIN[0] + 10, ORIGIN[1] - 190, ORIGIN[0] + 190, ORIGIN[1] - 10)  # all red
    image = render_extent([(source, 0.5)], inside, CRS.from_user_input(RASTER_CRS), 50, 50)
    assert abs(int(image[25, 25, 3]) - 128) <= 1 and image[25, 25, 0] == 255
    far = (ORIGIN[0] + 5000, ORIGIN[1] + 5000, ORIGIN[0] + 6000, ORIGIN[1] + 6000)
    assert render_extent([(source, 1.0)], far, CRS.from_user_input(RASTER_CRS), 50, 50) is None


def test_tile_caches_are_mosaicked_at_the_matching_zoom(tmp_path):
    red = png_tile((255, 0, 0))
    tiles = {(12, x, y): red for x in range(3370, 3374) for y in range(1570, 1574)}
    source = TileSource(open_raster(mbtiles(tmp_path / "t.mbtiles", tiles)))
    w, s, e, n = source.info.bounds_lonlat
    box = (w + (e - w) * 0.3, s + (n - s) * 0.3, w + (e - w) * 0.7, s + (n - s) * 0.7)
    image = render_extent([(source, 1.0)], box, CRS.from_epsg(4326), 200, 200)
    assert (image[..., 0] == 255).all() and (image[..., 3] == 255).all()
    assert np.count_nonzero(image[..., 1]) == 0
