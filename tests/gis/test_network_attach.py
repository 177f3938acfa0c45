"""Points join the network at the nearest point of an edge; compounds through entrances,
else their boundary, else their centroid."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
import shapely
from shapely.geometry import Point, Polygon, box

from gis.network.attach import PROBE_M, _nearest, attach, boundary_points, compound_access_points
from gis.network.graph import graph_from_arrays, graph_from_lines
from tests.gis.network_fixtures import jittered_grid, random_points

CRS = "EPSG:4548"


def test_a_point_joins_the_middle_of_the_nearest_edge_not_a_node():
    graph = graph_from_arrays([[0, 0], [1000, 0], [1000, 800]], [0, 1], [1, 2], CRS)
    att = attach(graph, shapely.points([[300, 40], [990, 500]]))
    assert list(att.edge) == [0, 1]
    assert att.offset == pytest.approx([300, 500]) and att.access == pytest.approx([40, 10])
    assert att.snapped == pytest.approx(np.array([[300, 0], [1000, 500]]))
    u, cu, v, cv = att.start_costs(graph)
    assert cu == pytest.approx([340, 510]) and cv == pytest.approx([740, 310])


def test_offsets_follow_a_bent_edge():
    graph = graph_from_lines(np.array([shapely.LineString([(0, 0), (100, 0), (100, 100)])]), CRS)
    att = attach(graph, shapely.points([[110, 60]]))
    assert att.offset[0] == pytest.approx(160) and att.access[0] == pytest.approx(10)


def test_far_points_stay_unattached_and_access_can_be_left_uncounted():
    graph = graph_from_arrays([[0, 0], [100, 0]], [0], [1], CRS)
    att = attach(graph, shapely.points([[50, 20], [50, 500]]), max_distance=100, count_access=False)
    assert list(att.attached) == [True, False]
    assert att.lead[0] == 0.0 and att.access[0] == pytest.approx(20) and np.isinf(att.lead[1])


def compounds() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"小区编号": ["A", "B", "C"]},
                            geometry=[box(0, 0, 100, 100), box(200, 0, 260, 40), Point(500, 500)], crs=CRS)


def test_compounds_use_entrances_matched_by_id_else_boundary_else_centroid():
    gates = gpd.GeoDataFrame({"小区编号": ["A", "A", "Z"]}, geometry=[Point(50, 0), Point(100, 50), Point(9, 9)],
                             crs=CRS)
    acc = compound_access_points(compounds(), entrances=gates, compound_id_field="小区编号",
                                 entrance_compound_field="小区编号", spacing_m=50.0)
    assert list(acc.how) == ["entrances", "boundary", "centroid"]
    assert shapely.get_coordinates(acc.points[acc.owner == 0]).tolist() == [[50, 0], [100, 50]]
    assert (acc.owner == 1).sum() == 4  # 200 m of boundary every 50 m
    assert shapely.get_coordinates(acc.points[acc.owner == 2]).tolist() == [[500, 500]]


def test_entrances_without_ids_belong_to_the_compound_they_touch():
    gates = gpd.GeoDataFrame(geometry=[Point(101, 50), Point(230, 41), Point(150, 50)], crs=CRS)
    acc = compound_access_points(compounds(), entrances=gates, entrance_tolerance_m=5.0)
    assert list(acc.how) == ["entrances", "entrances", "centroid"]
    assert sorted(acc.owner.tolist()) == [0, 1, 2]  # the gate 50 m from everything is ignored


def test_boundary_points_are_evenly_spaced_on_the_outer_ring_only():
    ring_with_hole = Polygon([(0, 0), (100, 0), (100, 100), (0, 100)], [[(40, 40), (60, 40), (60, 60), (40, 60)]])
    pts, owner = boundary_points(np.array([ring_with_hole]), 25.0)
    assert len(pts) == 16 and (owner == 0).all()
    assert shapely.distance(pts, ring_with_hole.exterior).max() == pytest.approx(0, abs=1e-9)


def test_nearest_edges_equal_the_tree_search_near_far_and_on_ties():
    graph = jittered_grid(12)
    pts = list(random_points(graph, 60, seed=8))
    pts += list(shapely.points(graph.xy[:5]))  # on nodes: every edge there is as near (the lowest wins)
    lo, hi = graph.xy.min(axis=0), graph.xy.max(axis=0)
    pts += list(shapely.points([[lo[0] - 3 * PROBE_M, lo[1]], [hi[0] + 500.0, hi[1] + 40.0]]))  # beyond the probe
    pts = np.array(pts, dtype=object)
    for max_distance in (None, 10.0, 2 * PROBE_M):
        (rows, edges), dist = graph.tree.query_nearest(pts, max_distance=max_distance, return_distance=True,
                                                       all_matches=True)
        order = np.lexsort((edges, rows))
        rows, edges, dist = rows[order], edges[order], dist[order]
        first = np.r_[True, rows[1:] != rows[:-1]]
        found = _nearest(graph, pts, max_distance)
        for got, want in zip(found, (rows[first], edges[first], dist[first])):
            assert np.array_equal(got, want)
    assert len(_nearest(graph, pts, None)[0]) == len(pts)


def test_two_parallel_edges_tie_to_the_lower_index():
    graph = graph_from_arrays(np.array([[0.0, 0.0], [100.0, 0.0], [0.0, 10.0], [100.0, 10.0]]),
                              np.array([2, 0]), np.array([3, 1]), CRS)
    rows, edges, dist = _nearest(graph, np.array([shapely.Point(50.0, 5.0)], dtype=object), None)
    assert edges.tolist() == [0] and dist.tolist() == [5.0]
