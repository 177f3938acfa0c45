"""Packed geometry for the map page: a head and one little-endian binary body (gis/packed.py)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import (GeometryCollection, LineString, MultiLineString, MultiPoint, MultiPolygon, Point,
                              Polygon)

import gis.packed as packed_module
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


def _projected(geoms) -> Layer:
    """*geoms* given as metre offsets, placed in CGCS2000 / GK CM 117E (EPSG:4548) near Jinan."""
    frame = gpd.GeoDataFrame({"k": range(len(geoms))}, geometry=geoms, crs="EPSG:4548")
    frame.geometry = frame.geometry.translate(500_000.0, 4_055_000.0)
    return Layer("m", Role.OTHER, frame)


def test_the_wgs84_copy_made_while_packing_matches_to_crs():
    hole = Polygon([(0, 0), (400, 0), (400, 400), (0, 400)], [[(100, 100), (200, 100), (200, 200), (100, 200)]])
    two = MultiPolygon([Polygon([(1000, 0), (1100, 0), (1100, 90)]), Polygon([(2000, 0), (2100, 0), (2100, 80)])])
    layer = _projected([hole, None, Polygon(), two] * 3000)  # 12,000 rows: several blocks
    got = packed(layer)
    shown, want = layer._display, layer.data.to_crs("EPSG:4326")
    assert shown is not None and shown.crs.equals(want.crs) and len(shown) == len(want)
    assert (shown.geom_type.fillna("") == want.geom_type.fillna("")).all()
    assert np.abs(shapely.get_coordinates(shown.geometry.values) -
                  shapely.get_coordinates(want.geometry.values)).max() < 1e-6  # degrees
    assert layer.display_data() is shown  # kept: not made a second time
    assert got.head["rings"] == 3000 * 4 and got.head["coords"] == 3000 * (10 + 8)


def _parts_and_ragged(layer: Layer):
    geoms = np.asarray(layer.display_data().geometry.values, dtype=object)
    return packed_module._pack_parts(geoms, layer.geom_type), packed_module._pack_ragged(geoms, layer.geom_type)


def test_packing_from_ragged_arrays_equals_packing_ring_by_ring():
    lines = _projected([LineString([(0, 0), (50, 10)]), None, LineString(),
                        MultiLineString([[(0, 100), (40, 120)], [(60, 100), (90, 150), (95, 160)]])])
    points = _projected([Point(0, 0), None, MultiPoint([(10, 10), (20, 25)]), Point(30, 30)])
    solo = _projected([Point(0, 0), None, Point(5, 7)])  # one type: shapely's Point arrays (NaN for None)
    for layer in (lines, points, solo, _layer()):
        parts, ragged = _parts_and_ragged(layer)
        assert ragged.head == parts.head and ragged.body == parts.body, layer.name
    assert parts.head["rings"] == 4 and _parts_and_ragged(points)[1].head["rings"] == 4


def test_a_block_of_another_family_is_packed_as_before():
    boxes = list(shapely.box(np.arange(5000) * 50.0, 0, np.arange(5000) * 50.0 + 30, 20))
    layer = _projected(boxes + [LineString([(0, 100), (40, 120)]), None])  # the second block: a line
    assert layer.geom_type == "polygon"
    shown = _projected(boxes + [LineString([(0, 100), (40, 120)]), None]).display_data()
    want = packed_module._pack_parts(shown.geometry.values, "polygon")
    got = packed(layer)
    assert got.head == want.head and got.body == want.body and got.head["rings"] == 5001


def test_mixed_families_are_packed_ring_by_ring():
    mixed = GeometryCollection([Polygon([(0, 0), (10, 0), (10, 10)]), Point(50, 50)])
    layer = _projected([Polygon([(0, 0), (30, 0), (30, 30)]), mixed])
    got = packed(layer)
    _, starts, fids = _decode(got.head, got.body)
    assert got.head["kind"] == "polygon" and fids.tolist() == [0, 1] and starts.tolist() == [0, 4]
    assert layer._display is not None and layer._display.crs.equals("EPSG:4326")
