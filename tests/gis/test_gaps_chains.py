"""The gap matrix on the contracted network (gis.network.chains) equals the plain search on
the whole network (gis.network.distance.nearest, one search per type and radius)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
import shapely

from gis.gaps.access import TOLERANCE_M, gap_matrix, group_min, prepare_origins
from gis.network.chains import contract
from gis.network.distance import nearest
from gis.network.graph import graph_from_lines
from gis.network.inputs import Facilities

CRS = "EPSG:4547"
X0, Y0 = 500_000.0, 2_500_000.0
TYPES = ("clinic", "elderly_canteen", "day_care")


def _streets(rng) -> list:
    """A jittered grid split at mid-block (degree-2 nodes), with dead ends, a bent street,
    a ring with no junction, a loop back to one crossing, parallel streets and an island."""
    lines = []
    for k in range(7):
        for m in range(12):
            a, b = m * 50.0, (m + 1) * 50.0
            if rng.random() < 0.93:
                lines.append([(a, k * 100.0), ((a + b) / 2, k * 100.0 + rng.uniform(-3, 3)), (b, k * 100.0)])
            if rng.random() < 0.93:
                lines.append([(k * 100.0, a), (k * 100.0, b)])
    lines.append([(600.0, 0.0), (650.0, 30.0), (700.0, 0.0)])  # bent, ends at a dead end
    lines.append([(0.0, 0.0), (-40.0, 40.0), (-40.0, -40.0), (0.0, 0.0)])  # loop back to a crossing
    lines.append([(0.0, 100.0), (30.0, 130.0), (60.0, 100.0)])  # parallel to the grid street
    ring = [(900.0 + 60 * np.cos(t), 300.0 + 60 * np.sin(t)) for t in np.linspace(0, 2 * np.pi, 9)]
    lines += [[ring[i], ring[i + 1]] for i in range(8)]  # an island ring: no junction at all
    lines.append([(300.0, 700.0), (300.0, 760.0)])  # a dead end beyond the grid
    geoms = [shapely.LineString(np.asarray(c) + [X0, Y0]) for c in lines]
    return [g for g in geoms if g.length > 0]


def _city(seed: int):
    rng = np.random.default_rng(seed)
    graph = graph_from_lines(np.asarray(_streets(rng), dtype=object), CRS)
    lo = rng.uniform([-60, -60], [960, 700], (60, 2))
    compounds = gpd.GeoDataFrame(geometry=shapely.box(*(lo + [X0, Y0]).T, *(lo + [X0 + 35, Y0 + 25]).T), crs=CRS)
    n = 40
    xy = rng.uniform([-60, -60], [960, 700], (n, 2)) + [X0, Y0]
    kinds = np.array([TYPES[k % 3] for k in range(n)])
    radius = np.where(kinds == "clinic", np.where(np.arange(n) % 2, 300.0, 120.0), 150.0)
    fac = Facilities(points=shapely.points(xy), types=kinds, names=np.array(["x"] * n, dtype=object),
                     ids=np.arange(n), crs=compounds.crs, required_m=radius)
    return graph, compounds, fac


def _reference(origins, fac):
    """Today's method: per type one Dijkstra on the whole network, per radius one more."""
    kinds, radius = fac.types.astype(str), fac.required_m
    sources = origins.sources(fac.points)
    dist = np.full((origins.n, len(TYPES)), np.inf)
    row = np.full(dist.shape, -1)
    covered = np.zeros(dist.shape, bool)
    for k, t in enumerate(TYPES):
        mine = np.flatnonzero(kinds == t)
        best, hit = nearest(origins.graph, sources.subset(mine), origins.targets)
        dist[:, k], row[:, k] = group_min(origins.owner, best, np.where(hit >= 0, mine[np.maximum(hit, 0)], -1),
                                          origins.n)
        for r in np.unique(radius[mine]):
            rows = mine[radius[mine] == r]
            best, _ = nearest(origins.graph, sources.subset(rows), origins.targets, cutoff=r + TOLERANCE_M)
            d, _ = group_min(origins.owner, best, np.zeros(len(best), int), origins.n)
            covered[:, k] |= d <= r + TOLERANCE_M
    return dist, row, covered


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_contracted_search_gives_todays_matrix(seed):
    graph, compounds, fac = _city(seed)
    origins = prepare_origins(compounds, network=graph, spacing_m=20.0)
    assert origins.chains.n_junctions < graph.n_nodes * 0.7  # the contraction does remove nodes
    got = gap_matrix(origins, fac, types=TYPES)
    dist, row, covered = _reference(origins, fac)
    assert np.isfinite(dist).sum() > 0.8 * dist.size and covered.any() and not covered.all()
    assert np.array_equal(np.isfinite(got.nearest_m), np.isfinite(dist))
    fin = np.isfinite(dist)
    np.testing.assert_allclose(got.nearest_m[fin], dist[fin], rtol=0, atol=1e-6)
    assert np.array_equal(got.nearest_row, row)
    assert np.array_equal(got.covered, covered)


def test_a_cutoff_gives_todays_matrix_within_it():
    graph, compounds, fac = _city(4)
    origins = prepare_origins(compounds, network=graph, spacing_m=20.0)
    got = gap_matrix(origins, fac, types=TYPES, max_distance_m=200.0)
    dist, _, _ = _reference(origins, fac)
    want = np.where(dist <= 200.0, dist, np.inf)
    assert np.array_equal(np.isfinite(got.nearest_m), np.isfinite(want))
    np.testing.assert_allclose(got.nearest_m[np.isfinite(want)], want[np.isfinite(want)], atol=1e-6)


def test_chains_keep_every_edge_and_their_lengths():
    graph, _, _ = _city(5)
    ch = contract(graph)
    assert (ch.edge_chain >= 0).all()
    total = np.bincount(ch.edge_chain, weights=graph.length, minlength=len(ch.length))
    np.testing.assert_allclose(total, ch.length, atol=1e-6)  # a chain is its edges end to end
    assert np.all((ch.edge_pos_u >= -1e-9) & (ch.edge_pos_u <= ch.length[ch.edge_chain] + 1e-9))
    assert ch.n_junctions == int((graph.degree != 2).sum()) + 1  # + one node of the island ring
