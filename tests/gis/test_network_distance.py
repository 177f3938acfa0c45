"""Network distances equal a networkx Dijkstra on the same graph (sources on edges too)."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from gis.errors import AnalysisError, Cancelled
from gis.feedback import Feedback
from gis.network.attach import attach
from gis.network.distance import nearest, reach
from gis.network.graph import graph_from_arrays
from tests.gis.network_fixtures import (jittered_grid, messy_graph, random_points, reference_distances,
                                        reference_graph)

TOL = 0.1  # metres, the bound
EPS = 1e-6


def assert_same_reach(graph, att, r, cutoff):
    ref = reference_graph(graph)
    for i in range(len(att)):
        nodes, dist = r.row(i)
        ours = dict(zip(nodes.tolist(), dist.tolist()))
        theirs = {k: v for k, v in reference_distances(graph, ref, att, i, cutoff).items()}
        sure = {k for k, v in theirs.items() if v < cutoff - EPS}
        assert sure <= set(ours) <= set(theirs), i
        assert max((abs(ours[k] - theirs[k]) for k in ours), default=0.0) < TOL


@pytest.mark.parametrize("make", [jittered_grid, messy_graph])
def test_reach_equals_networkx_from_points_on_edges(make):
    graph = make()
    att = attach(graph, random_points(graph, 25))
    mid_edge = (att.offset > 1) & (att.offset < graph.length[att.edge] - 1)
    assert mid_edge.mean() > 0.8 and (att.access > 0).all()  # truly mid-edge, off-road starts
    r = reach(graph, att, 450.0)
    assert len(r.node) > 25 * 10
    assert_same_reach(graph, att, r, 450.0)


def test_reach_counts_the_walk_to_the_street_only_when_asked():
    graph = jittered_grid()
    pts = random_points(graph, 5)
    with_access = reach(graph, attach(graph, pts), 400.0)
    without = reach(graph, attach(graph, pts, count_access=False), 400.0)
    lead = attach(graph, pts).access
    for i in range(5):
        a = dict(zip(*map(np.ndarray.tolist, with_access.row(i))))
        b = dict(zip(*map(np.ndarray.tolist, without.row(i))))
        assert all(abs(b[k] + lead[i] - a[k]) < 1e-6 for k in a)
        assert len(b) >= len(a)


def test_a_source_exactly_on_a_node_and_one_on_a_loop_edge():
    graph = messy_graph()
    loop = int(np.flatnonzero(graph.u == graph.v)[0])
    on_loop = graph.lines.interpolate(np.array([loop]), np.array([30.0]))
    pts = shapely.points(np.vstack([graph.xy[[7]], on_loop]))
    att = attach(graph, pts)
    assert att.access[0] == pytest.approx(0.0, abs=1e-9) and att.edge[1] == loop
    r = reach(graph, att, 300.0)
    assert r.row(0)[1][r.row(0)[0] == 7][0] == pytest.approx(0.0, abs=1e-9)
    assert_same_reach(graph, att, r, 300.0)


def test_edges_shorter_than_the_straight_line_fall_back_to_the_whole_network():
    graph = jittered_grid(8)
    short = graph_from_arrays(graph.xy, graph.u, graph.v, graph.crs, length=graph.length * 0.5)
    assert not short.lengths_bound_distance
    att = attach(short, random_points(short, 8))
    assert_same_reach(short, att, reach(short, att, 300.0), 300.0)


def test_unattached_sources_reach_nothing():
    graph = jittered_grid(6)
    far = shapely.points([[graph.xy[:, 0].max() + 5000, graph.xy[:, 1].max()]])
    att = attach(graph, np.concatenate([far, random_points(graph, 1)]), max_distance=200)
    assert list(att.attached) == [False, True]
    r = reach(graph, att, 500.0)
    assert len(r.row(0)[0]) == 0 and len(r.row(1)[0]) > 0


def test_nearest_equals_the_brute_force_minimum():
    graph = messy_graph()
    sources = attach(graph, random_points(graph, 6, seed=1))
    targets = attach(graph, random_points(graph, 60, seed=2))
    ref = reference_graph(graph)
    best = np.full(len(targets), np.inf)
    for i in range(len(sources)):
        d = reference_distances(graph, ref, sources, i)
        e = targets.edge
        via_u = np.array([d.get(int(n), np.inf) for n in graph.u[e]]) + targets.offset
        via_v = np.array([d.get(int(n), np.inf) for n in graph.v[e]]) + graph.length[e] - targets.offset
        direct = np.where(e == sources.edge[i], sources.lead[i] + np.abs(targets.offset - sources.offset[i]), np.inf)
        best = np.minimum(best, np.minimum(np.minimum(via_u, via_v) + targets.lead, direct + targets.lead))
    ours, which = nearest(graph, sources, targets)
    finite = np.isfinite(best)
    assert (np.isfinite(ours) == finite).all() and (finite.sum() > 40)
    assert np.abs(ours[finite] - best[finite]).max() < TOL
    assert (which[finite] >= 0).all() and (which[~finite] == -1).all()
    capped, _ = nearest(graph, sources, targets, cutoff=200.0)
    assert np.array_equal(np.isfinite(capped), best <= 200.0)


def test_nearest_on_a_shared_edge_walks_straight_along_it():
    graph = graph_from_arrays([[0, 0], [1000, 0], [1000, 1000]], [0, 1], [1, 2], "EPSG:4548")
    sources = attach(graph, shapely.points([[400, 0]]))
    targets = attach(graph, shapely.points([[450, 10]]))
    d, which = nearest(graph, sources, targets)
    assert d[0] == pytest.approx(50 + 10) and which[0] == 0


def test_bad_cutoff_and_cancel():
    graph = jittered_grid(6)
    att = attach(graph, random_points(graph, 3))
    with pytest.raises(AnalysisError):
        reach(graph, att, 0.0)
    with pytest.raises(Cancelled):
        reach(graph, att, 300.0, feedback=Feedback(cancelled=lambda: True))
