"""The street grid's (node, segment) pairs: found row by row inside each segment's capsule, they
are exactly the pairs a brute-force check of every node finds, with the same distances; the
threaded build gives the same pairs; the fields of several distances in one pass equal the
fields of each distance alone."""

from __future__ import annotations

import numpy as np
import pytest

from gis.network.street_grid import Grid, Segments, foot, near_pairs

REACH = 48.75


def segments(rng: np.random.Generator, n: int) -> Segments:
    """Random segments, with horizontal, vertical and very short ones among them."""
    p0 = rng.uniform(0, 400, (n, 2))
    angle = rng.uniform(0, 2 * np.pi, n)
    angle[:4] = [0.0, np.pi / 2, np.pi, 3 * np.pi / 2]  # axis-aligned: the divisions by ux or uy
    length = rng.uniform(0.01, 150, n)
    length[4] = 1e-6
    unit = np.column_stack([np.cos(angle), np.sin(angle)])
    unit[:4] = np.round(unit[:4])
    return Segments(p0, unit, length, np.arange(n), np.zeros(n), np.ones(n))


def brute_force(grid: Grid, segs: Segments, reach: float) -> dict[tuple[int, int], float]:
    j, i = np.divmod(np.arange(grid.nx * grid.ny), grid.nx)
    xy = np.column_stack([grid.x0 + i * grid.cell, grid.y0 + j * grid.cell])
    found = {}
    for s in range(len(segs)):
        rel = xy - segs.p0[s]
        t = rel @ segs.unit[s]
        h = rel[:, 0] * segs.unit[s, 1] - rel[:, 1] * segs.unit[s, 0]
        gap = np.maximum(np.maximum(-t, t - segs.length[s]), 0.0)
        dist = np.hypot(gap, h)
        for node in np.flatnonzero(dist <= reach):
            found[(int(node), s)] = float(dist[node])
    return found


@pytest.mark.parametrize("workers", [1, 2])
def test_pairs_are_every_node_within_reach(workers, monkeypatch):
    monkeypatch.setattr("gis.network.street_grid.PAIR_CHUNK", 500)  # several runs of segments
    rng = np.random.default_rng(3)
    segs = segments(rng, 40)
    grid = Grid(-60.0, -55.0, 12.5, 46, 45)
    node, seg, dist = near_pairs(grid, segs, REACH, workers=workers)
    expected = brute_force(grid, segs, REACH)
    got = {(int(n), int(s)): float(d) for n, s, d in zip(node, seg, dist)}
    near_edge = {k for k, d in {**expected, **got}.items() if abs(d - REACH) < 1e-3}  # float32 rounds either way
    assert set(got) - near_edge == set(expected) - near_edge
    assert max(abs(got[k] - expected[k]) for k in got.keys() & expected.keys()) < 1e-3
    assert np.all(np.diff(seg) >= 0)  # segment order: a segment's pairs are one slice


def test_foot_matches_the_projection():
    rng = np.random.default_rng(4)
    segs = segments(rng, 20)
    grid = Grid(-60.0, -55.0, 12.5, 46, 45)
    node, seg, _ = near_pairs(grid, segs, REACH)
    t, h = foot(grid, segs, node, seg)
    j, i = np.divmod(node.astype(np.int64), grid.nx)
    rel = np.column_stack([grid.x0 + i * grid.cell, grid.y0 + j * grid.cell]) - segs.p0[seg]
    assert np.allclose(t, np.einsum("ij,ij->i", rel, segs.unit[seg]), atol=1e-3)
    assert np.allclose(np.abs(h), np.abs(rel[:, 0] * segs.unit[seg, 1] - rel[:, 1] * segs.unit[seg, 0]), atol=1e-3)


def test_fields_of_several_distances_in_one_pass_equal_each_alone():
    from gis.network.attach import attach
    from gis.network.distance import reach
    from gis.network.field_areas import Field
    from gis.network.grid_service import grid_of, group_of, source_rays
    from tests.gis.network_fixtures import jittered_grid, random_points

    graph = jittered_grid()
    att = attach(graph, random_points(graph, 5, seed=1))
    shift = np.zeros(len(att))
    rays, owner = source_rays(graph, att, shift, 400.0)
    group = group_of(graph, reach(graph, att, 400.0), att, np.arange(len(att)), shift, rays, owner)
    field = Field(grid_of(graph, 20.0), group)
    together = field.levels((400.0, 150.0, 250.0))  # any order
    for k, d in enumerate((400.0, 150.0, 250.0)):
        np.testing.assert_array_equal(together[k], field.levels((d,))[0])
    tol = 1e-3  # float32: a part of a segment and the whole of it are measured apart
    assert (together[1] >= together[2] - tol).all() and (together[2] >= together[0] - tol).all()  # nested
    assert (together[1] <= 0).sum() < (together[0] <= 0).sum()
