"""A type's bands packed ring by ring and patched where the engine re-traced them
(gis.packed_rings with gis.network.live_areas): after add, move and remove the patched store
holds exactly the rings a fresh packing of the new bands holds."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
import shapely

from gis.network.live_areas import LiveAreas
from gis.packed import pack_geometries
from gis.packed_rings import PackedRings, _from_least
from tests.gis.test_field_patch import PARAMS, city, fresh  # noqa: F401
from tests.gis.test_network_service_area import facilities

CRS = "EPSG:4548"


def bands_of(result, ftype: str) -> np.ndarray:
    b = result.bands[result.bands["type"] == ftype].sort_values("ring", ascending=False)
    return b.geometry.values


def ring_set(store: PackedRings) -> Counter:
    return Counter((int(f), store.xy[a:b].tobytes()) for f, a, b in zip(store.fids, store.offsets, store.offsets[1:]))


def shape_set(store: PackedRings) -> Counter:
    """The rings whatever vertex each starts at (a ring re-traced from another start is kept as it was)."""
    return Counter((int(f), _from_least(store.xy[a:b])) for f, a, b in zip(store.fids, store.offsets, store.offsets[1:]))


def unpacked(store: PackedRings) -> dict:
    """What the page builds from a body: each row's rings in order (as tiled.js unpack)."""
    head, body = store.packed().head, store.packed().body
    n, r = head["coords"], head["rings"]
    xy = np.frombuffer(body, "<f4", 2 * n).reshape(-1, 2)
    starts = np.append(np.frombuffer(body, "<i4", r, 8 * n), n)
    fids = np.frombuffer(body, "<i4", r, 8 * n + 4 * r)
    rows: dict = {}
    for f, a, b in zip(fids, starts, starts[1:]):
        rows.setdefault(int(f), []).append(xy[a:b].tobytes())
    return rows


def page_after(rows: dict, patch) -> dict:
    """The page's rows after *patch* (drop by index within the row, then append), as tiled.js applyPatch."""
    out = {f: list(r) for f, r in rows.items()}
    for fid, drop in patch.remove:
        out[fid] = [ring for k, ring in enumerate(out[fid]) if k not in set(drop)]
    head, body = patch.packed.head, patch.packed.body
    n, r = head["coords"], head["rings"]
    xy = np.frombuffer(body, "<f4", 2 * n).reshape(-1, 2)
    starts = np.append(np.frombuffer(body, "<i4", r, 8 * n), n)
    for f, a, b in zip(np.frombuffer(body, "<i4", r, 8 * n + 4 * r), starts, starts[1:]):
        out.setdefault(int(f), []).append(xy[a:b].tobytes())
    return out


def test_packed_whole_is_the_layer_packing(city):
    graph, pts, types = city
    geoms = bands_of(fresh(graph, pts, types), "clinic")
    store = PackedRings.of(geoms, CRS)
    import geopandas as gpd

    wgs = gpd.GeoSeries(geoms, crs=CRS).to_crs(4326).values
    plain = pack_geometries(wgs, "polygon")
    assert store.packed().head["rings"] == plain.head["rings"] > len(geoms)
    assert store.packed().head["coords"] == plain.head["coords"]
    assert np.allclose(store.packed().head["origin"], plain.head["origin"], atol=1e-9)
    frame = gpd.GeoDataFrame(geometry=geoms, crs=CRS)
    frame.attrs["rings"] = store
    assert frame.to_crs(4326).attrs["rings"] is store  # frames' copies share it (never changed)


@pytest.mark.parametrize("step", ["add", "move", "remove"])
def test_a_patched_store_holds_the_rings_of_the_new_bands_and_the_page_agrees(city, step):
    graph, pts, types = city
    live = LiveAreas(graph, facilities(graph, pts, types=types), PARAMS, fresh(graph, pts, types))
    corner = shapely.Point(graph.xy.min(axis=0) + 500.0)
    if step != "add":
        live.place("P-1", "clinic", corner)
    live.take_touched()
    store = PackedRings.of(bands_of(live.result, "clinic"), CRS)
    page = unpacked(store)
    {"add": lambda: live.place("P-1", "clinic", corner),
     "move": lambda: live.place("P-1", "clinic", shapely.Point(np.asarray(corner.coords[0]) + (300.0, 150.0))),
     "remove": lambda: live.remove("P-1")}[step]()
    touched = live.take_touched()
    assert set(touched) == {"clinic"} and touched["clinic"]
    new = bands_of(live.result, "clinic")
    patched, patch = store.patched(new, shapely.bounds(np.array(touched["clinic"])))
    whole = PackedRings.of(new, CRS)
    assert patch is not None and shape_set(patched) == shape_set(whole)  # no stale ring, none missing
    dropped = sum(len(r) for _, r in patch.remove)
    assert patch.size > 0 and len(store.fids) - dropped > 0.3 * len(store.fids)  # rings away from the site stay
    assert page_after(page, patch) == unpacked(patched)  # the page's rows, in the store's order
    assert len(patch.boxes) == len(touched["clinic"])
    x0, y0, x1, y1 = patch.boxes[0]
    assert x0 < x1 and y0 < y1


def test_rows_that_differ_are_packed_whole(city):
    graph, pts, types = city
    geoms = bands_of(fresh(graph, pts, types), "clinic")
    store = PackedRings.of(geoms, CRS)
    again, patch = store.patched(geoms[:1], np.array([[0.0, 0.0, 1.0, 1.0]]))
    assert patch is None and again.rows == 1


def test_a_ring_that_changes_rows_is_dropped_from_one_and_added_to_the_other():
    """A band's hole is often the next band's outline: the same ring may leave one row and join
    another inside the box (the city's move left 20 rings in the wrong band when rows were ignored)."""
    p, r = shapely.box(500_000, 4_000_000, 500_100, 4_000_100), shapely.box(500_200, 4_000_000, 500_300, 4_000_100)
    store = PackedRings.of([p, r], CRS)
    page = unpacked(store)
    swapped, patch = store.patched([r, p], np.array([[499_900.0, 3_999_900.0, 500_400.0, 4_000_200.0]]))
    assert patch is not None and ring_set(swapped) == ring_set(PackedRings.of([r, p], CRS, store.origin))
    assert page_after(page, patch) == unpacked(swapped)


def test_a_ring_retraced_from_another_vertex_stays_as_the_page_has_it():
    """A ring re-traced in the boxes may start at another vertex: redrawn from there inside the
    boxes only, its dashes would not meet those drawn outside, so the store and the page keep it."""
    a = shapely.Polygon([(500_000, 4_000_000), (500_100, 4_000_000), (500_100, 4_000_100), (500_000, 4_000_100)])
    b = shapely.box(500_200, 4_000_000, 500_300, 4_000_100)
    store = PackedRings.of([a, b], CRS)
    page = unpacked(store)
    rolled = shapely.Polygon(np.roll(np.asarray(a.exterior.coords)[:-1], 2, axis=0))
    grown = shapely.box(500_200, 4_000_000, 500_320, 4_000_100)
    assert shapely.equals(rolled, a) and not shapely.equals_exact(rolled, a, 0)
    patched, patch = store.patched([rolled, grown], np.array([[499_900.0, 3_999_900.0, 500_400.0, 4_000_200.0]]))
    assert patch is not None and patch.remove == [[1, [0]]] and patch.packed.head["rings"] == 1  # only b changed
    assert unpacked(patched)[0] == page[0] and page_after(page, patch) == unpacked(patched)
    fresh_store = PackedRings.of([rolled, grown], CRS, store.origin)
    assert ring_set(patched) != ring_set(fresh_store) and shape_set(patched) == shape_set(fresh_store)
    assert patched.packed().head["coords"] == fresh_store.packed().head["coords"]
