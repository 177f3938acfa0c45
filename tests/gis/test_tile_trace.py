"""Per-facility outlines traced many at a time (gis.network.tile_trace) draw what tracing each alone
draws; window positions of grid nodes are what the plain formula gives."""

from __future__ import annotations

import numpy as np
import shapely

from gis.network import grid_service
from gis.network.attach import attach
from gis.network.field_areas import Field, Window, trace
from gis.network.street_grid import Grid
from gis.network.tile_trace import _pack, trace_tiles
from tests.gis.network_fixtures import messy_graph, random_points

CELL = 12.5


def blobs(rows: int, cols: int, seed: int) -> np.ndarray:
    """A field with a few discs inside (z <= 0), one with a hole, FAR-like values at the border."""
    rng = np.random.default_rng(seed)
    j, i = np.mgrid[0:rows, 0:cols].astype(float)
    z = np.full((rows, cols), 50.0)
    for _ in range(3):
        cj, ci, r = rng.uniform(3, rows - 3), rng.uniform(3, cols - 3), rng.uniform(1.5, min(rows, cols) / 3)
        z = np.minimum(z, np.hypot(j - cj, i - ci) - r)
    hole = np.hypot(j - rows / 2, i - cols / 2) - min(rows, cols) / 8
    z = np.maximum(z, -hole)
    z[[0, -1], :] = z[:, [0, -1]] = 50.0
    return z.astype(np.float32)


def same(a, b) -> bool:
    return bool(shapely.equals_exact(shapely.normalize(a), shapely.normalize(b), tolerance=1e-6))


def test_tiles_traced_together_equal_each_traced_alone():
    shapes = [(30, 41), (12, 60), (55, 20), (1, 9), (8, 8), (40, 40), (25, 33), (0, 0)]
    tiles = [(blobs(r, c, k) if r > 1 else np.zeros((r, c), np.float32), (1000.0 + 37 * k, 2000.0 - 11 * k))
             for k, (r, c) in enumerate(shapes)]
    tiles.append((np.full((10, 10), 5.0, np.float32), (0.0, 0.0)))  # nothing inside
    together = trace_tiles(tiles, CELL)
    alone = [trace(z, origin, CELL) for z, origin in tiles]
    assert len(together) == len(tiles)
    assert all(same(a, b) for a, b in zip(together, alone))
    assert sum(not g.is_empty for g in together) == 6
    assert any(len(p.interiors) for g in together for p in getattr(g, "geoms", ()))  # holes kept


def test_packed_tiles_never_touch():
    shapes = [(30, 41), (12, 60), (55, 20), (8, 8), (40, 40), (25, 33), (3, 70)]
    corner, (rows, cols) = _pack(shapes)
    taken = np.zeros((rows + 1, cols + 1), dtype=int)
    for (r, c), (h, w) in zip(corner, shapes):
        taken[r:r + h + 1, c:c + w + 1] += 1  # with the spare row and column after it
    assert taken.max() == 1 and cols == 70


def test_facility_areas_equal_each_facility_traced_alone():
    graph = messy_graph()
    att = attach(graph, random_points(graph, 11, seed=4))
    distances = (150.0, 300.0)
    drawn = grid_service.facility_areas(graph, att, distances, buffer_m=20.0, workers=2)
    zero = np.zeros(len(att))
    rays, owner = grid_service.source_rays(graph, att, zero, max(distances))
    r = grid_service.reach(graph, att, max(distances))
    groups = grid_service.per_source_groups(graph, r, att, zero, rays, owner)
    sg = grid_service.grid_of(graph, 20.0)
    for i, group in enumerate(groups):
        alone = Field(sg, group).areas_and_bands(distances, bands=False)[0]
        assert all(same(a, b) for a, b in zip(drawn[i], alone))
    assert not any(g.is_empty for g in drawn.ravel())


def test_window_positions_of_grid_nodes():
    grid = Grid(0.0, 0.0, CELL, 1500, 900)
    window = Window(400, 300, 570, 470)
    rng = np.random.default_rng(0)
    for dtype in (np.int32, np.int64):
        node = (rng.integers(300, 470, 5000) * 1500 + rng.integers(400, 570, 5000)).astype(dtype)
        j, i = np.divmod(node, 1500)
        assert np.array_equal(window.local(grid, node), (j - 300) * 170 + (i - 400))
