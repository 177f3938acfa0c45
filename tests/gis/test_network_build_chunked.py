"""The network built in slices (gis.network.chunked) is the one the plain shapely calls build."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely

from gis.network import chunked
from gis.network.build import network_from_lines
from gis.network.graph import unique_rows
from tests.gis.network_fixtures import CRS, X0, Y0


def messy_roads(seed: int = 3) -> gpd.GeoDataFrame:
    """Crossing polylines, ends a little short of others, a closed ring, a multi-part road, a 3-D line."""
    rng = np.random.default_rng(seed)
    lines = [shapely.linestrings(rng.uniform(0, 500, (int(rng.integers(2, 5)), 2)) + (X0, Y0)) for _ in range(120)]
    lines += [shapely.LineString([(X0, Y0 - 5), (X0 + 100, Y0 - 5)]), shapely.LineString([(X0 + 100.5, Y0 - 4.7), (X0 + 200, Y0 - 5)]),
              shapely.LineString([(X0 + 50, Y0 - 50), (X0 + 50, Y0 - 5.8)]),
              shapely.LineString([(X0 + 600, Y0), (X0 + 620, Y0), (X0 + 620, Y0 + 20), (X0 + 600, Y0)]),
              shapely.MultiLineString([[(X0 + 700, Y0), (X0 + 800, Y0)], [(X0 + 750, Y0 - 50), (X0 + 750, Y0 + 50)]]),
              shapely.LineString([(X0 + 900, Y0, 3.0), (X0 + 950, Y0, 4.0)]), None]
    return gpd.GeoDataFrame(geometry=lines, crs=CRS)


def reference(roads: gpd.GeoDataFrame, tolerance: float):
    """Nodes, edges and geometries by whole-array shapely calls (the build before slicing)."""
    from gis.network.build import _metric_lines, join_dead_ends, snap_ends
    from gis.network.graph import NODE_PRECISION_M, WalkGraph

    def graph(lines):
        lines = lines[shapely.length(lines) > 0]
        ends = np.concatenate([shapely.get_coordinates(shapely.get_point(lines, 0)),
                               shapely.get_coordinates(shapely.get_point(lines, -1))])
        _, first, inverse = np.unique(np.round(ends / NODE_PRECISION_M).astype(np.int64), axis=0,
                                      return_index=True, return_inverse=True)
        inverse = inverse.ravel()
        return WalkGraph(ends[first], inverse[:len(lines)], inverse[len(lines):], shapely.length(lines), lines, CRS)

    lines = _metric_lines(roads, None)[0]
    snapped, _ = snap_ends(lines, tolerance)
    g = graph(shapely.get_parts(shapely.node(shapely.multilinestrings(snapped))))
    if tolerance > 0:
        joined, n = join_dead_ends(g, tolerance)
        g = graph(joined) if n else g
    return g


def test_the_sliced_build_gives_the_same_nodes_and_edges(monkeypatch):
    monkeypatch.setattr(chunked, "CHUNK", 7)  # many slices on a small set
    roads = messy_roads()
    for tolerance in (0.0, 5.0):
        got, want = network_from_lines(roads, snap_tolerance_m=tolerance), reference(roads, tolerance)
        assert got.n_edges > 300
        np.testing.assert_array_equal(got.xy, want.xy)
        np.testing.assert_array_equal(got.u, want.u)
        np.testing.assert_array_equal(got.v, want.v)
        np.testing.assert_array_equal(got.length, want.length)
        assert shapely.equals_exact(got.geometry, want.geometry, 0).all()


def test_unique_rows_is_numpys_unique_by_rows():
    keys = np.random.default_rng(1).integers(-5, 5, (2000, 2))
    _, first, inverse = np.unique(keys, axis=0, return_index=True, return_inverse=True)
    got_first, got_inverse = unique_rows(keys)
    np.testing.assert_array_equal(got_first, first)
    np.testing.assert_array_equal(got_inverse, inverse.ravel())


def test_slices_join_up_like_the_whole_call(monkeypatch):
    monkeypatch.setattr(chunked, "CHUNK", 3)
    lines = np.array([shapely.LineString([(i, k) for k in range(2 + i % 4)]) for i in range(10)], dtype=object)
    xy, owner = chunked.coordinates(lines)
    want_xy, want_owner = shapely.get_coordinates(lines, return_index=True)
    np.testing.assert_array_equal(xy, want_xy)
    np.testing.assert_array_equal(owner, want_owner)
    first, last = chunked.line_ends(lines)
    np.testing.assert_array_equal(first, shapely.get_coordinates(shapely.get_point(lines, 0)))
    np.testing.assert_array_equal(last, shapely.get_coordinates(shapely.get_point(lines, -1)))
    assert shapely.equals_exact(chunked.lines_from(xy, owner), lines, 0).all()

