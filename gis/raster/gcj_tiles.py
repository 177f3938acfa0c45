"""GCJ-02 tiles (AMap-style servers) placed where they belong on a WGS 84 / CGCS2000 map.

GCJ-02 moves everything in China by a few hundred metres, smoothly: over one tile the move is a
translation to well under a pixel. So each tile the map asks for is cut from the GCJ-02 tiles that
cover the same ground shifted by that translation (measured at the tile's centre). The vector
layers, local rasters, clicks and exports stay in their true coordinates; only the basemap's
pixels move, for display and prints.
"""

from __future__ import annotations

import io
import math

import numpy as np
from PIL import Image

from gis.io.chinese_datums import wgs84_to_gcj02
from gis.raster.tiles import HALF_WORLD, TILE, encode_jpeg, encode_png, tile_bounds


def mercator_shift(z: int, x: int, y: int) -> tuple[float, float]:
    """GCJ-02 minus WGS 84 at the centre of tile z/x/y, in Web Mercator metres (east, north)."""
    w, s, e, n = tile_bounds(z, x, y)
    cx, cy = (w + e) / 2, (s + n) / 2
    lon = math.degrees(cx / 6378137.0)
    lat = math.degrees(2 * math.atan(math.exp(cy / 6378137.0)) - math.pi / 2)
    glon, glat = (float(v) for v in wgs84_to_gcj02(lon, lat))
    gx = math.radians(glon) * 6378137.0
    gy = 6378137.0 * math.log(math.tan(math.pi / 4 + math.radians(glat) / 2))
    return gx - cx, gy - cy


class GcjCorrectedTiles:
    """Wraps a tile source in GCJ-02 (``tile(z, x, y)``) so its tiles line up with WGS 84 data."""

    def __init__(self, source) -> None:
        self.source = source

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        dx, dy = mercator_shift(z, x, y)
        size = 2 * HALF_WORLD / 2 ** z
        px, py = dx / size * TILE, -dy / size * TILE  # shift in pixels (right, down)
        col0, row0 = math.floor(px / TILE), math.floor(py / TILE)
        canvas = np.zeros((2 * TILE, 2 * TILE, 4), dtype=np.uint8)
        found = False
        for i in (0, 1):
            for j in (0, 1):
                tx, ty = x + col0 + i, y + row0 + j
                data = self.source.tile(z, tx, ty) if 0 <= tx < 2 ** z and 0 <= ty < 2 ** z else None
                if data:
                    image = Image.open(io.BytesIO(data)).convert("RGBA").resize((TILE, TILE))
                    canvas[j * TILE:(j + 1) * TILE, i * TILE:(i + 1) * TILE] = np.asarray(image)
                    found = True
        if not found:
            return None
        ox, oy = round(px - col0 * TILE), round(py - row0 * TILE)
        cut = canvas[oy:oy + TILE, ox:ox + TILE].transpose(2, 0, 1)
        return encode_jpeg(cut[:3]) if cut[3].min() == 255 else encode_png(np.ascontiguousarray(cut))
