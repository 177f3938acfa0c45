"""One facility added, moved or removed: its type redrawn in a window around it and spliced in
(gis.network.field_patch via LiveAreas), against a full recompute of the type."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from gis.network.field_patch import reach_boxes, splice, window_box, windows_of
from gis.network.grid_service import grid_of
from gis.network.live_areas import LiveAreas
from gis.network.service_area import ServiceAreaParams, service_areas
from tests.gis.network_fixtures import jittered_grid, random_points
from tests.gis.test_network_service_area import facilities

BUFFER = 20.0
DISTANCES = (200.0, 350.0)
PARAMS = ServiceAreaParams(distances=DISTANCES, edge_buffer_m=BUFFER, per_facility=False)
MAX_OFF = 1e-3  # share of the area: the outline thinning (0.05 cell) differs where the traced box differs


@pytest.fixture(scope="module")
def city():
    graph = jittered_grid(28, 80.0, jitter=4.0, drop=0.03)  # 2.2 km, 80 m blocks: a hole in most
    pts = random_points(graph, 10, seed=5)
    return graph, pts, ["clinic"] * 6 + ["nursery"] * 4


def fresh(graph, pts, types):
    return service_areas(facilities(graph, pts, types=types), network=graph, params=PARAMS)


def polygons(result, ftype: str) -> list:
    areas = result.per_type[result.per_type["type"] == ftype].sort_values("distance_m").geometry.values
    bands = result.bands[result.bands["type"] == ftype].sort_values("ring").geometry.values
    return list(areas) + list(bands[1:])


def holes(geom) -> np.ndarray:
    return np.array([shapely.Polygon(h) for p in shapely.get_parts(geom) for h in p.interiors], dtype=object)


def assert_like_full(live_result, full_result, ftype: str) -> None:
    for got, want in zip(polygons(live_result, ftype), polygons(full_result, ftype), strict=True):
        assert shapely.is_valid(got)
        assert shapely.symmetric_difference(got, want).area < MAX_OFF * want.area
        rings = shapely.polygons(shapely.get_rings(shapely.get_parts(got)))
        assert shapely.area(rings).min() >= 1.0  # no specks or slivers at the seam
        want_holes = holes(want)
        assert abs(len(holes(got)) - len(want_holes)) <= 1
        big = want_holes[shapely.area(want_holes) > 50.0]
        assert len(big) > 5 and not shapely.intersects(got, shapely.point_on_surface(big)).any()


def test_add_move_and_remove_match_a_full_recompute(city):
    graph, pts, types = city
    live = LiveAreas(graph, facilities(graph, pts, types=types), PARAMS, fresh(graph, pts, types))
    nursery = polygons(live.result, "nursery")
    corner = shapely.Point(graph.xy.min(axis=0) + 400.0)
    assert live.place("P-1", "clinic", corner) == "clinic"
    assert_like_full(live.result, fresh(graph, np.append(pts, corner), types + ["clinic"]), "clinic")
    moved = shapely.Point(np.asarray(corner.coords[0]) + (250.0, 120.0))
    live.place("P-1", "clinic", moved)
    after_move = fresh(graph, np.append(pts, moved), types + ["clinic"])
    assert_like_full(live.result, after_move, "clinic")
    assert live.result.per_type.loc[live.result.per_type["type"] == "clinic", "facilities"].tolist() == [7, 7]
    assert all(a is b for a, b in zip(polygons(live.result, "nursery"), nursery))  # other types untouched
    assert live.remove("P-1") == "clinic"
    assert_like_full(live.result, fresh(graph, pts, types), "clinic")


def test_only_the_window_around_the_facility_is_redrawn(city):
    graph, pts, types = city
    before = fresh(graph, pts, types)
    live = LiveAreas(graph, facilities(graph, pts, types=types), PARAMS, before)
    corner = shapely.Point(graph.xy.min(axis=0) + 300.0)
    live.place("P-1", "clinic", corner)
    sg = grid_of(graph, BUFFER)
    (w,) = windows_of(sg, reach_boxes(graph, sg, live.points["P-1"][2], max(DISTANCES)))
    box = window_box(sg, w)
    network = shapely.box(*graph.xy.min(axis=0), *graph.xy.max(axis=0))
    assert box.area < 0.3 * network.area
    assert box.covers(shapely.intersection(corner.buffer(max(DISTANCES)), network))
    for old, new in zip(polygons(before, "clinic"), polygons(live.result, "clinic")):
        outside = shapely.symmetric_difference(shapely.difference(old, box), shapely.difference(new, box))
        assert outside.area < 1e-6 * old.area  # the same outside the window, up to the seam's float
        assert shapely.difference(new, old).area > 1000.0  # ... and grown inside it


def test_a_facility_far_from_every_street_changes_nothing(city):
    graph, pts, types = city
    params = ServiceAreaParams(distances=DISTANCES, edge_buffer_m=BUFFER, per_facility=False, max_access_m=50.0)
    before = service_areas(facilities(graph, pts, types=types), network=graph, params=params)
    live = LiveAreas(graph, facilities(graph, pts, types=types), params, before)
    live.place("P-far", "clinic", shapely.Point(graph.xy.max(axis=0) + 5000.0))
    for a, b in zip(polygons(live.result, "clinic"), polygons(before, "clinic")):
        assert a.equals(b)


def test_a_new_type_is_drawn_whole_and_a_type_without_facilities_goes(city):
    graph, pts, types = city
    live = LiveAreas(graph, facilities(graph, pts, types=types), PARAMS, fresh(graph, pts, types))
    centre = shapely.Point(graph.xy.mean(axis=0))
    live.place("P-1", "day_care", centre)
    one = service_areas(facilities(graph, np.array([centre]), types=["day_care"]), network=graph, params=PARAMS)
    for a, b in zip(polygons(live.result, "day_care"), polygons(one, "day_care"), strict=True):
        assert shapely.symmetric_difference(a, b).area < 1e-6 * b.area
    live.remove("P-1")
    assert "day_care" not in set(live.result.per_type["type"]) | set(live.result.bands["type"])


def test_splice_keeps_the_holes_away_from_the_box():
    square = shapely.box(0, 0, 100, 100)
    cores = [shapely.box(x + 3, y + 3, x + 7, y + 7) for x in range(0, 100, 10) for y in range(0, 100, 10)]
    old = shapely.MultiPolygon([shapely.difference(square, shapely.union_all(cores)), shapely.box(200, 0, 210, 10)])
    box = shapely.box(40, 40, 70, 70)
    piece = shapely.difference(box, shapely.box(50, 50, 60, 60))  # one big hole where 9 small ones were
    got = splice(old, box, piece)
    want = shapely.union(shapely.difference(old, box), piece)
    assert shapely.is_valid(got) and shapely.symmetric_difference(got, want).area < 1e-9
    assert len(holes(got)) == len(holes(want)) == 100 - 9 + 1
    assert shapely.get_num_geometries(got) == 2
