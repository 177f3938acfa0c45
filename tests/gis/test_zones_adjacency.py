"""Neighbour graph: street gaps, barriers, exactness of the fast distance test."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, Polygon, box

from gis.errors import AnalysisError, CrsError
from gis.feedback import Feedback
from gis.errors import Cancelled
from gis.zones.adjacency import Adjacency, build_adjacency

CRS = "EPSG:4547"


def pairs(adj: Adjacency) -> list[list[int]]:
    return adj.edges.tolist()


def test_neighbours_across_a_street_narrower_than_the_gap():
    street_20m = [box(0, 0, 100, 100), box(120, 0, 220, 100)]
    assert pairs(build_adjacency(street_20m, gap=30)) == [[0, 1]]
    assert pairs(build_adjacency(street_20m, gap=19.9)) == []
    assert pairs(build_adjacency(street_20m, gap=20)) == [[0, 1]]


def test_touching_only_with_zero_gap():
    geoms = [box(0, 0, 10, 10), box(10, 0, 20, 10), box(20.5, 0, 30, 10)]
    assert pairs(build_adjacency(geoms, gap=0)) == [[0, 1]]


def test_barrier_on_the_street_centreline_cuts_the_link():
    compounds = gpd.GeoSeries([box(0, 0, 100, 100), box(120, 0, 220, 100)], crs=CRS)
    road = gpd.GeoSeries([LineString([(110, -50), (110, 150)])], crs=CRS)
    adj = build_adjacency(compounds, gap=30, barriers=road)
    assert pairs(adj) == []
    assert adj.blocked.tolist() == [[0, 1]]


def test_river_polygon_barrier_cuts_the_link():
    compounds = [box(0, 0, 100, 100), box(120, 0, 220, 100)]
    river = [box(105, -500, 115, 500)]
    assert pairs(build_adjacency(compounds, gap=30, barriers=river)) == []


def test_barrier_elsewhere_does_not_cut():
    compounds = [box(0, 0, 100, 100), box(120, 0, 220, 100)]
    far_road = [LineString([(0, 300), (300, 300)])]
    assert pairs(build_adjacency(compounds, gap=30, barriers=far_road)) == [[0, 1]]


def test_pair_joined_around_the_end_of_a_barrier():
    # The street between them narrows from 25 m (top) to 20 m (bottom), so the nearest
    # points are at the bottom, where a road runs; the road ends half-way up the block.
    a = box(0, 0, 100, 200)
    b = Polygon([(120, 0), (220, 0), (220, 200), (125, 200)])
    half_road = [LineString([(110, -60), (110, 100)])]
    full_road = [LineString([(110, -60), (110, 100)]), LineString([(110, 100), (112, 260)])]
    segment = shapely.shortest_line(a, b)
    assert segment.intersects(half_road[0])  # rule 1 alone would cut the pair
    assert pairs(build_adjacency([a, b], gap=30, barriers=half_road)) == [[0, 1]]
    assert pairs(build_adjacency([a, b], gap=30, barriers=full_road)) == []


def test_fast_test_equals_exact_distance_on_jagged_polygons():
    rng = np.random.default_rng(3)
    geoms = []
    for _ in range(300):
        cx, cy = rng.uniform(0, 1500, 2)
        angles = np.sort(rng.uniform(0, 2 * np.pi, 25))
        radii = rng.uniform(15, 45, 25)
        geoms.append(Polygon(np.column_stack([cx + radii * np.cos(angles),
                                              cy + radii * np.sin(angles)])))
    geoms = np.array(geoms, dtype=object)
    got = {tuple(p) for p in pairs(build_adjacency(geoms, gap=30))}
    i, j = np.triu_indices(len(geoms), k=1)
    want = {(a, b) for a, b, ok in zip(i, j, shapely.dwithin(geoms[i], geoms[j], 30)) if ok}
    assert got == want
    assert len(want) > 100


def test_missing_geometries_get_no_neighbours_and_keep_positions():
    geoms = [box(0, 0, 10, 10), None, Polygon(), box(15, 0, 25, 10)]
    adj = build_adjacency(geoms, gap=30)
    assert adj.n == 4
    assert pairs(adj) == [[0, 3]]
    assert adj.degree.tolist() == [1, 0, 0, 1]


def test_components_and_contiguity():
    geoms = [box(0, 0, 10, 10), box(20, 0, 30, 10), box(200, 0, 210, 10), box(220, 0, 230, 10)]
    adj = build_adjacency(geoms, gap=15)
    assert [g.tolist() for g in adj.components()] == [[0, 1], [2, 3]]
    assert adj.is_contiguous([0, 1])
    assert not adj.is_contiguous([0, 1, 2])
    assert not adj.is_contiguous([])
    assert adj.neighbours(1).tolist() == [0]


def test_barriers_in_another_crs_are_reprojected():
    compounds = gpd.GeoSeries([box(0, 0, 100, 100), box(120, 0, 220, 100)], crs=CRS)
    compounds = compounds.translate(500_000, 2_500_000)
    road = gpd.GeoSeries([LineString([(500_110, 2_499_950), (500_110, 2_500_150)])], crs=CRS)
    assert pairs(build_adjacency(compounds, gap=30, barriers=road.to_crs(4490))) == []


def test_bad_input_is_a_typed_error():
    with pytest.raises(AnalysisError):
        build_adjacency([box(0, 0, 1, 1)], gap=-5)
    degrees = gpd.GeoSeries([box(112.4, 23.0, 112.41, 23.01)], crs=4326)
    with pytest.raises(CrsError):
        build_adjacency(degrees)


def test_cancel():
    geoms = [box(i * 20, 0, i * 20 + 10, 10) for i in range(100)]
    with pytest.raises(Cancelled):
        build_adjacency(geoms, feedback=Feedback(cancelled=lambda: True))


def test_pieces_per_group_at_once():
    geoms = [box(i * 20, 0, i * 20 + 10, 10) for i in range(6)]  # a chain 0-1-2-3-4-5
    adj = build_adjacency(geoms, gap=15)
    labels = np.array([0, 0, 1, 0, -1, 2])
    assert adj.pieces(labels).tolist() == [2, 1, 1]
    assert adj.pieces(np.full(6, -1)).tolist() == []
