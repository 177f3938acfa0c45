"""The neighbour graph stays exact as it got faster: same pairs as GEOS on every pair, and
the same neighbour lists as a plain scipy COO build."""

from __future__ import annotations

import numpy as np
import shapely
from scipy import sparse

from gis.zones.adjacency import Adjacency, _normalise_pairs, build_adjacency


def _walled_blocks(seed: int, n_side: int = 24):
    """Jittered 40-vertex rectangles whose gaps scatter around 30 m (the hard band)."""
    rng = np.random.default_rng(seed)
    gaps_x = np.cumsum(rng.uniform(24.0, 36.0, n_side) + 60.0)
    gaps_y = np.cumsum(rng.uniform(24.0, 36.0, n_side) + 45.0)
    t = np.linspace(0, 1, 10, endpoint=False)
    out = []
    for x0 in gaps_x:
        for y0 in gaps_y:
            xs = np.concatenate([x0 + 60 * t, np.full(10, x0 + 60), x0 + 60 * (1 - t), np.full(10, x0)])
            ys = np.concatenate([np.full(10, y0), y0 + 45 * t, np.full(10, y0 + 45), y0 + 45 * (1 - t)])
            out.append(shapely.Polygon(np.column_stack([xs, ys]) + rng.uniform(-1.5, 1.5, (40, 2))))
    return np.array(out, dtype=object)


def test_pairs_equal_the_exact_distance_test_near_the_gap():
    geoms = _walled_blocks(5)
    got = {tuple(p) for p in build_adjacency(geoms, gap=30.0).edges.tolist()}
    i, j = np.triu_indices(len(geoms), k=1)
    d = shapely.distance(geoms[i], geoms[j])
    want = {(a, b) for a, b, ok in zip(i, j, d <= 30.0) if ok}
    assert got == want
    near = np.abs(d - 30.0) < 3.0
    assert near.sum() > 200  # plenty of pairs in the band the simplified test cannot decide


def test_pairs_are_normalised_like_numpy_unique():
    rng = np.random.default_rng(2)
    raw = rng.integers(0, 500, (4000, 2))
    want = np.unique(np.sort(raw, axis=1)[raw[:, 0] != raw[:, 1]], axis=0)
    assert np.array_equal(_normalise_pairs(raw), want)
    assert _normalise_pairs(np.empty((0, 2))).shape == (0, 2)


def test_neighbour_lists_equal_a_coo_build():
    rng = np.random.default_rng(4)
    n = 300
    adj = Adjacency(n, rng.integers(0, n, (2000, 2)))
    e = adj.edges
    coo = sparse.csr_matrix((np.ones(2 * len(e), bool), (np.r_[e[:, 0], e[:, 1]], np.r_[e[:, 1], e[:, 0]])),
                            shape=(n, n))
    coo.sort_indices()
    assert np.array_equal(adj.matrix.indptr, coo.indptr)
    assert np.array_equal(adj.matrix.indices, coo.indices)
    assert all(np.all(np.diff(adj.neighbours(i)) > 0) for i in range(n))
