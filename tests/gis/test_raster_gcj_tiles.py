"""GCJ-02 basemap tiles moved onto WGS 84: a landmark drawn at its GCJ-02 position lands on its true one."""

from __future__ import annotations

import io
import math

import numpy as np
from PIL import Image

from gis.io.chinese_datums import wgs84_to_gcj02
from gis.raster.gcj_tiles import GcjCorrectedTiles, mercator_shift
from gis.raster.tiles import HALF_WORLD, TILE, encode_png

LON, LAT = 117.0213, 36.6512  # Jinan, WGS 84
Z = 16


def pixel(lon: float, lat: float, z: int) -> tuple[float, float]:
    """Global pixel coordinates of lon/lat at zoom z."""
    n = 2 ** z * TILE
    return (lon + 180) / 360 * n, (1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n


class GcjServer:
    """An AMap-like server: every tile blank except a red 5 × 5 px dot at the landmark's GCJ-02 position."""

    def __init__(self) -> None:
        glon, glat = (float(v) for v in wgs84_to_gcj02(LON, LAT))
        self.dot = pixel(glon, glat, Z)

    def tile(self, z, x, y):
        rgba = np.zeros((4, TILE, TILE), dtype=np.uint8)
        rgba[:, :, :] = 255
        cx, cy = int(self.dot[0]) - x * TILE, int(self.dot[1]) - y * TILE
        if -3 < cx < TILE + 3 and -3 < cy < TILE + 3:
            rgba[1:3, max(cy - 2, 0):max(cy + 3, 0), max(cx - 2, 0):max(cx + 3, 0)] = 0
        return encode_png(rgba)


def test_the_shift_is_hundreds_of_metres_in_china_and_none_outside():
    x, y = (int(v // TILE) for v in pixel(LON, LAT, Z))
    dx, dy = mercator_shift(Z, x, y)
    assert 100 < math.hypot(dx, dy) * math.cos(math.radians(LAT)) < 1000
    assert max(abs(v) for v in mercator_shift(Z, 0, 0)) < 1e-6  # outside China: no shift


def test_a_gcj02_landmark_lands_on_its_wgs84_position():
    px, py = pixel(LON, LAT, Z)
    x, y = int(px // TILE), int(py // TILE)
    corrected = GcjCorrectedTiles(GcjServer()).tile(Z, x, y)
    image = np.asarray(Image.open(io.BytesIO(corrected)).convert("RGB")).astype(int)
    red = np.argwhere((image[..., 0] > 200) & (image[..., 1] < 60))
    assert len(red) > 5
    row, col = red.mean(axis=0)
    assert abs(col - (px - x * TILE)) <= 2 and abs(row - (py - y * TILE)) <= 2
