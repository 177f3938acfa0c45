"""Service-area polygons: they hold every node within the cutoff, no node beyond cutoff + buffer,
stop partial edges at the exact cutoff, follow the streets, and dissolve / nest correctly."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
import shapely.ops

from gis.errors import AnalysisError, Cancelled
from gis.feedback import Feedback
from gis.network.attach import attach
from gis.network.cache import ResultCache, cached_service_areas
from gis.network.geometry import LineIndex
from gis.network.graph import graph_from_arrays
from gis.network.inputs import Facilities
from gis.network.service_area import ServiceAreaParams, service_areas
from tests.gis.network_fixtures import CRS, jittered_grid, messy_graph, random_points, reference_distances, \
    reference_graph

BUFFER = 20.0
DISTANCES = (200.0, 350.0)


def facilities(graph, points, types=None, required=None) -> Facilities:
    n = len(points)
    return Facilities(ids=np.array([f"F{i}" for i in range(n)], dtype=object),
                      types=np.array(types if types is not None else ["clinic"] * n, dtype=object),
                      names=np.full(n, ""), points=points, crs=graph.crs,
                      required_m=None if required is None else np.asarray(required, dtype=float))


def on_edges(graph, count, seed=5):
    """Points exactly on edges (no walk to the street)."""
    att = attach(graph, random_points(graph, count, seed=seed))
    return shapely.points(att.snapped)


def node_distances(graph, points):
    ref = reference_graph(graph)
    att = attach(graph, points)
    out = np.full((len(points), graph.n_nodes), np.inf)
    for i in range(len(points)):
        for k, d in reference_distances(graph, ref, att, i).items():
            out[i, k] = d
    return out


def min_gap_to_other_edges(graph) -> float:
    """Smallest distance from a node to an edge not incident to it."""
    pts = shapely.points(graph.xy)
    d = shapely.distance(pts[:, None], graph.geometry[None, :])
    incident = (graph.u[None, :] == np.arange(graph.n_nodes)[:, None]) | (
        graph.v[None, :] == np.arange(graph.n_nodes)[:, None])
    return float(d[~incident].min())


@pytest.mark.parametrize("make, pts", [(jittered_grid, "off_road"), (messy_graph, "off_road"),
                                       (jittered_grid, "on_edges")])
def test_every_node_within_the_cutoff_is_inside(make, pts):
    graph = make()
    points = random_points(graph, 8) if pts == "off_road" else on_edges(graph, 8)
    res = service_areas(facilities(graph, points), network=graph,
                        params=ServiceAreaParams(distances=DISTANCES, edge_buffer_m=BUFFER))
    dist = node_distances(graph, points)
    nodes = shapely.points(graph.xy)
    checked = 0
    for row in res.per_facility.itertuples():
        inside = dist[row.row] <= row.distance_m - 1e-6
        assert shapely.covers(row.geometry, nodes[inside]).all(), (row.facility, row.distance_m)
        checked += inside.sum()
    assert checked > 100


def test_no_node_beyond_cutoff_plus_buffer_is_inside():
    graph = jittered_grid(drop=0.25)
    assert min_gap_to_other_edges(graph) > BUFFER  # streets farther apart than the band: no leaking
    points = on_edges(graph, 10)
    res = service_areas(facilities(graph, points), network=graph,
                        params=ServiceAreaParams(distances=DISTANCES, edge_buffer_m=BUFFER))
    dist = node_distances(graph, points)
    nodes = shapely.points(graph.xy)
    far_seen = 0
    for row in res.per_facility.itertuples():
        far = dist[row.row] > row.distance_m + BUFFER + 1e-6
        near_hull = shapely.intersects(shapely.convex_hull(row.geometry), nodes) & far
        assert not shapely.intersects(row.geometry, nodes[far]).any(), (row.facility, row.distance_m)
        far_seen += near_hull.sum()
    assert far_seen > 10  # walls leave far-by-foot nodes inside the hull: a hull would fail


def test_a_partial_edge_stops_at_the_exact_cutoff():
    graph = graph_from_arrays([[0, 0], [2000, 0]], [0], [1], CRS)  # one straight street, 2 km
    pts = shapely.points([[500, 0], [1500, 40]])
    res = service_areas(facilities(graph, pts), network=graph,
                        params=ServiceAreaParams(distances=(300.0,), edge_buffer_m=BUFFER, method="exact"))
    a, b = res.per_facility.geometry.values
    assert shapely.bounds(a)[[0, 2]] == pytest.approx([200 - BUFFER, 800 + BUFFER], abs=1e-6)
    # 40 m walk to the street first: 260 m left along it each way
    assert shapely.bounds(b)[[0, 2]] == pytest.approx([1240 - BUFFER, 1760 + BUFFER], abs=1e-6)
    assert shapely.covers(b, shapely.points(1500, 40))  # the walk from the door is drawn


def test_the_area_follows_the_streets_not_a_hull():
    # a street ending in a walled compound: two parallel streets 200 m apart joined at x=0
    xy = [[0, 0], [1000, 0], [0, 200], [1000, 200]]
    graph = graph_from_arrays(xy, [0, 0, 2], [1, 2, 3], CRS)
    pts = shapely.points([[900, 0]])
    res = service_areas(facilities(graph, pts), network=graph,
                        params=ServiceAreaParams(distances=(1200.0,), edge_buffer_m=BUFFER))
    poly = res.per_facility.geometry.values[0]
    # reached: 900 m back to x=0, 200 m up, then 100 m along the upper street
    assert shapely.covers(poly, shapely.points([[0, 100], [100, 200]])).all()
    assert not shapely.intersects(poly, shapely.points([[500, 100], [600, 200]])).any()
    assert poly.area < 0.4 * shapely.convex_hull(poly).area


def test_per_type_area_is_the_union_of_its_facilities():
    graph = messy_graph()
    pts = random_points(graph, 9, seed=8)
    fac = facilities(graph, pts, types=["clinic"] * 5 + ["kindergarten"] * 4)
    res = service_areas(fac, network=graph, params=ServiceAreaParams(distances=DISTANCES, edge_buffer_m=BUFFER,
                                                                      method="exact"))
    assert len(res.per_type) == 4
    for row in res.per_type.itertuples():
        mine = res.per_facility[(res.per_facility["type"] == row.type)
                                & (res.per_facility["distance_m"] == row.distance_m)]
        union = shapely.union_all(mine.geometry.values)
        assert shapely.symmetric_difference(union, row.geometry).area < 1e-3 * union.area
        assert row.facilities == len(mine)


def test_bands_are_disjoint_nested_rings():
    graph = jittered_grid()
    fac = facilities(graph, random_points(graph, 4))
    res = service_areas(fac, network=graph, params=ServiceAreaParams(distances=(150.0, 300.0, 450.0),
                                                                      edge_buffer_m=BUFFER, method="exact"))
    bands = res.bands.sort_values("ring")
    assert list(bands["inner_m"]) == [0.0, 150.0, 300.0] and list(bands["outer_m"]) == [150.0, 300.0, 450.0]
    outer = res.per_type.sort_values("distance_m").geometry.values[-1]
    assert bands["area_m2"].sum() == pytest.approx(outer.area, rel=1e-3)
    g = bands.geometry.values
    assert shapely.intersection(g[0], g[1]).area < 1.0 and shapely.intersection(g[1], g[2]).area < 1.0


def test_each_facility_at_its_own_required_radius():
    graph = jittered_grid()
    pts = on_edges(graph, 3, seed=21)
    fac = facilities(graph, pts, types=["clinic"] * 3, required=[150.0, 150.0, 450.0])
    res = service_areas(fac, network=graph, params=ServiceAreaParams(distances=(150.0, 450.0),
                                                                      edge_buffer_m=BUFFER))
    required = res.required.geometry.values[0]
    pf = res.per_facility
    own = [pf[(pf["row"] == i) & (pf["distance_m"] == r)].geometry.values[0]
           for i, r in enumerate([150.0, 150.0, 450.0])]
    expected = shapely.union_all(own)
    assert shapely.symmetric_difference(required, expected).area < 1e-3 * expected.area
    big = pf[(pf["row"] == 0) & (pf["distance_m"] == 450.0)].geometry.values[0]
    assert big.difference(required).area > 0.1 * big.area  # the 150 m station was not drawn at 450 m


def test_buffer_mode_draws_circles():
    graph = jittered_grid(6)
    fac = facilities(graph, random_points(graph, 3), required=[300.0] * 3)
    res = service_areas(fac, params=ServiceAreaParams(mode="buffer", distances=(300.0, 500.0)))
    assert res.network is None and len(res.per_facility) == 6
    circles = res.per_facility[res.per_facility["distance_m"] == 300.0]
    assert circles["area_m2"].to_numpy() == pytest.approx(np.pi * 300.0 ** 2, rel=0.01)
    assert res.required["area_m2"].iloc[0] == pytest.approx(res.per_type["area_m2"].iloc[0], rel=1e-6)


def test_unknown_types_are_left_out_with_a_notice():
    graph = jittered_grid(6)
    fac = facilities(graph, random_points(graph, 3), types=["clinic", "other", "clinic"])
    res = service_areas(fac, network=graph, params=ServiceAreaParams(distances=(200.0,)))
    assert sorted(res.per_facility["row"]) == [0, 2]
    assert "F1" in res.notices[0].message
    everything = service_areas(fac, network=graph, params=ServiceAreaParams(distances=(200.0,), include_other=True))
    assert len(everything.per_facility) == 3


def test_bad_inputs_are_refused():
    graph = jittered_grid(6)
    fac = facilities(graph, random_points(graph, 2))
    with pytest.raises(AnalysisError, match="needs a walking network"):
        service_areas(fac, params=ServiceAreaParams(mode="network"))
    with pytest.raises(AnalysisError, match="positive"):
        service_areas(fac, network=graph, params=ServiceAreaParams(distances=(-5.0,)))
    other = graph_from_arrays(graph.xy, graph.u, graph.v, "EPSG:3857")
    with pytest.raises(AnalysisError, match="different"):
        service_areas(fac, network=other)


def test_cancel_stops_the_work():
    graph = jittered_grid()
    fac = facilities(graph, random_points(graph, 4))
    calls = []
    fb = Feedback(progress=lambda f, m: calls.append(f), cancelled=lambda: len(calls) > 2)
    with pytest.raises(Cancelled):
        service_areas(fac, network=graph, feedback=fb)


def test_results_are_cached_until_an_input_changes():
    graph = jittered_grid(6)
    fac = facilities(graph, random_points(graph, 3))
    cache = ResultCache()
    params = ServiceAreaParams(distances=(200.0,))
    first = cached_service_areas(cache, fac, network=graph, params=params)
    assert cached_service_areas(cache, fac, network=graph, params=params) is first
    other = cached_service_areas(cache, fac, network=graph, params=ServiceAreaParams(distances=(250.0,)))
    moved = facilities(graph, shapely.points(shapely.get_coordinates(fac.points) + 5.0))
    assert other is not first and cached_service_areas(cache, moved, network=graph, params=params) is not first
    assert (cache.hits, cache.misses) == (1, 3)


def test_vectorised_substrings_match_shapely():
    lines = np.array([shapely.LineString([(0, 0), (10, 0), (10, 10), (30, 10)]),
                      shapely.LineString([(5, 5), (5, 50)])], dtype=object)
    index = LineIndex(lines)
    which = np.array([0, 0, 0, 1, 0])
    start = np.array([0.0, 3.0, 10.0, 7.5, 12.0])
    end = np.array([30.0, 15.0, 10.0, 45.0, 12.5])
    ours = index.substrings(which, start, end)
    for geom, i, a, b in zip(ours, which, start, end):
        theirs = shapely.ops.substring(lines[i], a, b)
        assert shapely.get_coordinates(geom) == pytest.approx(shapely.get_coordinates(theirs)
                                                               if theirs.geom_type == "LineString"
                                                               else np.repeat(shapely.get_coordinates(theirs), 2, 0))


def test_the_app_entry_point_reuses_work_until_the_standards_change():
    import geopandas as gpd

    from gis.domain import FieldRole, Role
    from gis.layer import Layer
    from gis.analysis.life_circles import LifeCircleRequest, run
    from gis.standards import load_standards

    graph = jittered_grid(8)
    roads = Layer("roads", Role.ROADS, graph.edges_frame())
    pts = random_points(graph, 3)
    fac = Layer("f", Role.FACILITIES, gpd.GeoDataFrame({"名称": ["甲社区卫生服务中心", "乙幼儿园", "丙幼儿园"],
                                                         "类型": ["clinic", "kindergarten", "kindergarten"]},
                                                        geometry=pts, crs=graph.crs),
                fields={FieldRole.NAME: "名称", FieldRole.FACILITY_TYPE: "类型"})
    std, cache = load_standards(), ResultCache()

    def areas(standards, mode="network"):
        request = LifeCircleRequest(fac, standards, mode=mode, roads=roads.data if mode == "network" else None,
                                    per_facility=True)
        return run(request, cache=cache).result

    first = areas(std)
    assert areas(std) is first
    assert sorted(set(first.per_type["distance_m"])) == [300.0, 500.0, 1000.0]
    assert first.required.set_index("type")["facilities"].to_dict() == {"clinic": 1, "kindergarten": 2}
    centre = first.required[first.required["type"] == "clinic"]["area_m2"].iloc[0]  # a 中心 serves 1000 m
    at_1000 = first.per_type[(first.per_type["type"] == "clinic") & (first.per_type["distance_m"] == 1000.0)]
    assert centre == pytest.approx(at_1000["area_m2"].iloc[0], rel=1e-3)
    timed = areas(std.with_time_mode(True))
    kinder = timed.per_type[timed.per_type["type"] == "kindergarten"]
    assert list(kinder["distance_m"]) == [360.0, 720.0, 1080.0]  # 5/10/15 min at 1.2 m/s
    assert cache.misses == 3  # the network was built once, the areas twice
    circles = areas(std, "buffer")
    assert circles.network is None and len(circles.per_facility) == 9
