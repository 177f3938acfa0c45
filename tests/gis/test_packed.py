"""Packed geometry for the map page: a head and one little-endian binary body (gis/packed.py)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Point, Polygon

from gis.domain import Role
from gis.layer import Layer
from gis.packed import LEVEL_PX, LEVEL_SHARE, WORLD, coarser, lonlat_to_world, pack_layer, packed, with_levels


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


def _wiggly_layer() -> Layer:
    """A ring of 2,001 vertices wiggling by 0.5 m, with a hole 0.4 m across, in metres near Jinan."""
    t = np.linspace(0, 2 * np.pi, 2001)
    r = 1000 + 0.5 * np.sin(400 * t)
    shell = np.column_stack([r * np.cos(t), r * np.sin(t)])
    shell[-1] = shell[0]
    hole = Point(100, 100).buffer(0.2, 16).exterior.coords
    frame = gpd.GeoDataFrame(geometry=[Polygon(shell, [hole])], crs="EPSG:4547")
    frame.geometry = frame.geometry.translate(500_000, 4_050_000)
    return Layer("w", Role.OTHER, frame)


def _rings_of(p) -> list[np.ndarray]:
    coords, starts, _fids = _decode(p.head, p.body)
    ends = np.append(starts[1:], p.head["coords"])
    return [coords[a:b].astype(np.float64) for a, b in zip(starts, ends)]


def test_a_coarser_copy_keeps_every_ring_within_its_tolerance_and_a_tiny_one_as_a_point():
    full = pack_layer(_wiggly_layer())
    tolerance = 1.0 / 2 ** 17  # world units: about 1 m here (1 px at zoom 17 is 1.2 m at 0 deg)
    got = coarser(full, tolerance)
    assert got.head["origin"] == full.head["origin"] and got.head["rings"] == full.head["rings"] == 2
    assert _decode(got.head, got.body)[2].tolist() == [0, 0]
    shell, hole = _rings_of(got)
    assert 4 <= len(shell) < 200  # the wiggles (under the tolerance) gone
    assert len(hole) == 2 and (hole[0] == hole[1]).all()  # the hole, smaller than the tolerance: a point
    original = shapely.points(_rings_of(full)[0])
    assert shapely.distance(original, shapely.linestrings(shell)).max() <= tolerance * 1.0001


def test_coarser_copies_are_made_for_the_low_zooms_only_and_points_get_none():
    full = pack_layer(_wiggly_layer())
    got = with_levels(full)
    zooms = [z for z, _ in got.levels]
    assert zooms == list(range(zooms[0], zooms[0] + len(zooms))) and len(zooms) >= 2
    extent = np.ptp(_decode(full.head, full.body)[0], axis=0).max()
    assert extent * 2 ** zooms[0] <= WORLD < extent * 2 ** (zooms[0] + 1)  # the first: the whole ring in one tile
    original = shapely.points(_rings_of(full)[0])
    for z, level in got.levels:
        assert level.head["coords"] <= LEVEL_SHARE * full.head["coords"]
        shell = shapely.linestrings(_rings_of(level)[0])
        assert shapely.distance(original, shell).max() <= LEVEL_PX / 2 ** z * 1.0001  # half a pixel at z
    assert got.body == full.body and got.head == full.head
    points = gpd.GeoDataFrame(geometry=[Point(117, 36)], crs="EPSG:4326")
    assert with_levels(pack_layer(Layer("pts", Role.OTHER, points))).levels == ()
