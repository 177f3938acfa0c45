"""A raster drawn for a print: one RGBA image of a ground extent in any CRS, at the print's size.

GDAL rasters are read from the overview level that matches the print's resolution and warped in
one go; tile caches and online basemaps are mosaicked from tiles at the matching zoom (at most
``MAX_TILES``) and warped from Web Mercator. Layers are composited bottom first.
"""

from __future__ import annotations

import io
import math

import numpy as np
from affine import Affine
from PIL import Image
from rasterio.crs import CRS as RioCRS
from rasterio.enums import Resampling
from rasterio.warp import reproject, transform_bounds

from gis.raster.tiles import GDAL_WEB_MERCATOR, HALF_WORLD, TILE, TileSource

MAX_TILES = 400
MAX_SIDE = 12000  # print pixels a side, at most (A0 at 300 dpi is ~14,000 × 10,000)


def render_extent(layers: list[tuple[object, float]], extent: tuple[float, float, float, float], crs, width: int,
                  height: int) -> np.ndarray | None:
    """*layers* ((source, opacity): a TileSource or anything with ``tile(z, x, y)``), bottom first,
    composited over *extent* (minx, miny, maxx, maxy in *crs*) as a (height, width, 4) uint8 array,
    or None when none of them has a pixel there."""
    scale = min(1.0, MAX_SIDE / max(width, height))
    width, height = max(1, int(width * scale)), max(1, int(height * scale))
    dst_crs = RioCRS.from_user_input(crs.to_wkt() if hasattr(crs, "to_wkt") else crs)
    dst_transform = Affine((extent[2] - extent[0]) / width, 0, extent[0], 0, -(extent[3] - extent[1]) / height,
                           extent[3])
    out = np.zeros((4, height, width), dtype=np.float32)
    drawn = False
    for source, opacity in layers:
        layer = _layer(source, extent, dst_crs, dst_transform, (height, width))
        if layer is None:
            continue
        alpha = layer[3:4] / 255.0 * float(opacity)  # straight (not premultiplied) alpha, "over"
        below = out[3:4] / 255.0 * (1 - alpha)
        total = alpha + below
        out[:3] = np.where(total > 0, (layer[:3] * alpha + out[:3] * below) / np.maximum(total, 1e-9), 0)
        out[3:4] = total * 255.0
        drawn = True
    return np.ascontiguousarray(out.round().astype(np.uint8).transpose(1, 2, 0)) if drawn else None


def _layer(source, extent, dst_crs, dst_transform, shape) -> np.ndarray | None:
    if isinstance(source, TileSource) and source.info.kind == "gdal":
        return _gdal(source, extent, dst_crs, dst_transform, shape)
    return _mosaic(source, extent, dst_crs, dst_transform, shape)


def _warp(rgba: np.ndarray, src_transform, src_crs, dst_crs, dst_transform, shape) -> np.ndarray | None:
    out = np.zeros((4, *shape), dtype=np.uint8)
    reproject(rgba, out, src_transform=src_transform, src_crs=src_crs, dst_transform=dst_transform,
              dst_crs=dst_crs, resampling=Resampling.bilinear)
    return out if out[3].any() else None


def _gdal(source: TileSource, extent, dst_crs, dst_transform, shape) -> np.ndarray | None:
    sb = transform_bounds(dst_crs, source._gdal_crs, *extent, densify_pts=21)
    factor, path = max((lv for lv in source.levels if _across(source, sb) / lv[0] >= shape[1] * 0.9),
                       default=source.levels[0])
    ds = source._dataset(path)
    read = source.read_window(ds, sb, max_side=int(max(shape) * 1.5))
    if read is None:
        return None
    rgba, transform = read
    return _warp(rgba, transform, source._gdal_crs, dst_crs, dst_transform, shape)


def _across(source: TileSource, sb) -> float:
    base = source._dataset(source.levels[0][1])
    return max((sb[2] - sb[0]) / abs(base.transform.a), 1e-9)


def _mosaic(source, extent, dst_crs, dst_transform, shape) -> np.ndarray | None:
    """Tiles at the zoom whose pixels match the print's, pasted together and warped."""
    mb = transform_bounds(dst_crs, GDAL_WEB_MERCATOR, *extent, densify_pts=21)
    metres_per_px = (mb[2] - mb[0]) / shape[1]
    info = getattr(source, "info", None)
    lo, hi = (info.min_zoom, info.max_zoom) if info is not None else (0, 18)
    z = min(hi, max(lo, round(math.log2(2 * HALF_WORLD / TILE / max(metres_per_px, 1e-6)))))
    while z > lo and _count(mb, z) > MAX_TILES:
        z -= 1
    x0, y0, x1, y1 = _tile_range(mb, z)
    canvas = np.zeros((4, (y1 - y0 + 1) * TILE, (x1 - x0 + 1) * TILE), dtype=np.uint8)
    for x in range(x0, x1 + 1):
        for y in range(y0, y1 + 1):
            data = source.tile(z, x, y)
            if data:
                tile = np.asarray(Image.open(io.BytesIO(data)).convert("RGBA").resize((TILE, TILE)))
                canvas[:, (y - y0) * TILE:(y - y0 + 1) * TILE, (x - x0) * TILE:(x - x0 + 1) * TILE] = \
                    tile.transpose(2, 0, 1)
    if not canvas[3].any():
        return None
    size = 2 * HALF_WORLD / 2 ** z
    src_transform = Affine(size / TILE, 0, -HALF_WORLD + x0 * size, 0, -size / TILE, HALF_WORLD - y0 * size)
    return _warp(canvas, src_transform, GDAL_WEB_MERCATOR, dst_crs, dst_transform, shape)


def _tile_range(mb, z: int) -> tuple[int, int, int, int]:
    size = 2 * HALF_WORLD / 2 ** z
    n = 2 ** z - 1
    x0 = min(n, max(0, int((mb[0] + HALF_WORLD) // size)))
    x1 = min(n, max(0, int((mb[2] + HALF_WORLD) // size)))
    y0 = min(n, max(0, int((HALF_WORLD - mb[3]) // size)))
    y1 = min(n, max(0, int((HALF_WORLD - mb[1]) // size)))
    return x0, y0, x1, y1


def _count(mb, z: int) -> int:
    x0, y0, x1, y1 = _tile_range(mb, z)
    return (x1 - x0 + 1) * (y1 - y0 + 1)
