"""Many small outlines traced in one pass (the per-facility areas of :mod:`gis.network.grid_service`).

A facility's window is small (about 170 x 170 nodes for 1000 m), and each trace of it pays for a
contour generator, its coordinates, ring filtering and a shapely geometry besides the marching
squares. Here the fields of several outlines (tiles) are placed side by side on shelves of one
buffer with a row or column of ``FAR`` between any two (no ring can cross it), traced with one
contour generator, and the rings handed back to their tiles by their first point: the same rings
as :func:`gis.network.field_areas.trace` of each tile (to rounding of the coordinates), made by
one call of each step (1,200 traces of 400 facilities: 0.55 s CPU in batches of 24 instead of
0.67 s one by one)."""

from __future__ import annotations

import numpy as np
import shapely

from gis.network.contour_pool import new_generator
from gis.network.distance import _ranges
from gis.network.field_areas import FAR, MIN_RING_M2, THIN_OF_CELL, _drop_small, _index_grid, _thin


def trace_tiles(tiles: list[tuple[np.ndarray, tuple[float, float]]], cell: float) -> list[shapely.Geometry]:
    """For each tile ``(z, origin)``: :func:`gis.network.field_areas.trace` ``(z, origin, cell)``, the
    polygon where ``z <= 0`` on the nodes ``z[j, i]`` at ``origin + (i, j) * cell``."""
    drawn = [shapely.MultiPolygon()] * len(tiles)
    used = [k for k, (z, _) in enumerate(tiles) if z.shape[0] >= 2 and z.shape[1] >= 2]
    if not used:
        return drawn
    corner, shape = _pack([tiles[k][0].shape for k in used])
    buffer = np.full(shape, FAR)
    for k, (r, c) in zip(used, corner):
        z = tiles[k][0]
        buffer[r:r + z.shape[0], c:c + z.shape[1]] = z
    x, y = _index_grid(*shape)
    points, offsets, outer = new_generator(x, y, buffer).filled(-2 * FAR, 0.0)
    if points[0] is None:
        return drawn
    pts, off, out = _drop_small(points[0], offsets[0].astype(np.int64), outer[0].astype(np.int64),
                                MIN_RING_M2 / cell**2)
    if len(out) < 2:
        return drawn
    tile = _tile_of(pts[off[out[:-1]]], corner, shape[1])  # of each polygon, by its first point
    if np.any(np.diff(tile) < 0):
        pts, off, out, tile = _by_tile(pts, off, out, tile)
    pts, off = _thin(pts, off, THIN_OF_CELL)
    point_tile = np.repeat(np.repeat(tile, np.diff(out)), np.diff(off))
    pts -= corner[:, ::-1][point_tile]
    pts *= cell
    pts += np.array([tiles[k][1] for k in used], dtype=float)[point_tile]
    parts = np.searchsorted(tile, np.arange(len(used) + 1))
    for k, geom in zip(used, shapely.from_ragged_array(shapely.GeometryType.MULTIPOLYGON, pts, (off, out, parts))):
        drawn[k] = geom
    return drawn


def _pack(shapes: list[tuple[int, int]]) -> tuple[np.ndarray, tuple[int, int]]:
    """Places for tiles of *shapes* (rows, columns) in one buffer: shelves as wide as the widest
    tile, tiles side by side on them, tallest first, a row or column of ``FAR`` between any two
    (so no ring crosses from one to another). Returns each tile's (row, column) and the buffer's
    shape."""
    width = max(c for _, c in shapes)
    corner = np.zeros((len(shapes), 2), dtype=np.int64)
    top, left, height = 0, 0, 0
    for k in sorted(range(len(shapes)), key=lambda k: -shapes[k][0]):
        rows, cols = shapes[k]
        if left and left + cols > width:  # a new shelf above
            top, left, height = top + height + 1, 0, 0
        corner[k] = top, left
        left, height = left + cols + 1, max(height, rows)
    return corner, (top + height, width)


def _tile_of(first: np.ndarray, corner: np.ndarray, width: int) -> np.ndarray:
    """The tile holding each point of *first* (x, y in buffer nodes; every point of a tile's ring
    lies in the tile's rectangle, and the rectangles are apart)."""
    key = corner[:, 0] * (width + 1) + corner[:, 1]  # the tiles in reading order of their corners
    order = np.argsort(key)
    row = np.searchsorted(np.unique(corner[:, 0]), first[:, 1], side="right") - 1  # the shelf's first row
    shelf = np.unique(corner[:, 0])[row]
    at = np.searchsorted(key[order], shelf * (width + 1) + first[:, 0], side="right") - 1
    return order[at]


def _by_tile(pts: np.ndarray, off: np.ndarray, out: np.ndarray, tile: np.ndarray):
    """The polygons of a ragged MultiPolygon array reordered by tile (stable)."""
    order = np.argsort(tile, kind="stable")
    rings = np.diff(out)[order]
    ring = _ranges(out[:-1][order], out[:-1][order] + rings)
    sizes = np.diff(off)[ring]
    pts = pts[_ranges(off[:-1][ring], off[:-1][ring] + sizes)]
    return (pts, np.concatenate([[0], np.cumsum(sizes)]), np.concatenate([[0], np.cumsum(rings)]), tile[order])

