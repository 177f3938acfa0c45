"""Packed geometry for the map page: a head and one little-endian binary body (gis/packed.py)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
from shapely.geometry import MultiPolygon, Point, Polygon

from gis.domain import Role
from gis.layer import Layer
from gis.packed import lonlat_to_world, pack_layer, packed


def _layer() -> Layer:
    hole = Polygon([(0, 0), (4, 0), (4, 4), (0, 4)], [[(1, 1), (2, 1), (2, 2), (1, 2)]])
    two = MultiPolygon([Polygon([(10, 0), (11, 0), (11, 1)]), Polygon([(20, 0), (21, 0), (21, 1)])])
    frame = gpd.GeoDataFrame({"k": [0, 1, 2]}, geometry=[hole, None, two], crs="EPSG:4326")
    frame.geometry = frame.geometry.translate(117.0, 36.6)  # lon/lat near Jinan
    return Layer("p", Role.OTHER, frame)


def _decode(head: dict, body: bytes):
    n, r = head["coords"], head["rings"]
    coords = np.frombuffer(body, "<f4", 2 * n).reshape(n, 2)
    starts = np.frombuffer(body, "<i4", r, 8 * n)
    fids = np.frombuffer(body, "<i4", r, 8 * n + 4 * r)
    return coords, starts, fids


def test_body_holds_world_coordinates_ring_starts_and_feature_ids():
    layer = _layer()
    got = pack_layer(layer)
    coords, starts, fids = _decode(got.head, got.body)
    assert len(got.body) == 8 * got.head["coords"] + 8 * got.head["rings"]
    assert got.head["kind"] == "polygon" and got.head["rings"] == 4  # shell + hole, two parts; the empty one skipped
    assert fids.tolist() == [0, 0, 2, 2] and starts.tolist() == [0, 5, 10, 14]
    wx, wy = lonlat_to_world(np.array([117.0, 121.0]), np.array([36.6, 40.6]))
    x0, y0 = got.head["origin"]
    assert np.allclose(coords[0] + [x0, y0], [wx[0], wy[0]], atol=1e-5)  # first vertex: (0, 0) shifted
    assert np.allclose(coords[2] + [x0, y0], [wx[1], wy[1]], atol=1e-5)  # third: (4, 4)


def test_points_pack_one_ring_each_and_the_cache_follows_the_data():
    frame = gpd.GeoDataFrame(geometry=[Point(117, 36), Point(117.1, 36.1)], crs="EPSG:4326")
    layer = Layer("pts", Role.OTHER, frame)
    first = packed(layer)
    assert packed(layer) is first and first.head["kind"] == "point" and first.head["rings"] == 2
    layer.set_data(frame.iloc[:1])
    assert packed(layer).head["coords"] == 1
