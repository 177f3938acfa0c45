"""One zone edit at 12,000 compounds: merge + contiguity + outline + outline as WGS 84 GeoJSON.

    .venv/bin/python bench/bench_zone_edit.py [N_COMPOUNDS=12000] [ZONE_SIZE=20] [REPEATS=50]

Ours: ZoneModel.merge (csgraph contiguity on the sparse neighbour graph) and
ZoneModel.outline (vectorised mitre closing), then the payload the map needs. Peer: the
straightforward way: networkx subgraph connectivity and geopandas dissolve + buffer
closing. Prints the median time of each and the ratio; the target is < 100 ms.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import geopandas as gpd
import networkx as nx
import numpy as np
import shapely
from pyproj import Transformer

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_city import CRS, city  # noqa: E402

from gis.zones.adjacency import build_adjacency  # noqa: E402
from gis.zones.model import ZoneModel  # noqa: E402

TO_WGS84 = Transformer.from_crs(CRS, 4326, always_xy=True)


def zones_to_merge(adj, size: int, count: int, rng) -> list[list[int]]:
    """*count* contiguous groups of *size* compounds grown from random seeds (BFS)."""
    groups = []
    for seed in rng.choice(adj.n, count, replace=False):
        group, frontier = [int(seed)], [int(seed)]
        while frontier and len(group) < size:
            for nb in adj.neighbours(frontier.pop(0)):
                if len(group) < size and int(nb) not in group:
                    group.append(int(nb))
                    frontier.append(int(nb))
        groups.append(group)
    return groups


def to_geojson(geom) -> str:
    return shapely.to_geojson(shapely.transform(geom, lambda xy: np.column_stack(
        TO_WGS84.transform(xy[:, 0], xy[:, 1]))))


def ours(model: ZoneModel, group: list[int]) -> float:
    t0 = time.perf_counter()
    edit = model.merge(group)
    (zid,) = [z for z, v in edit.after.items() if v is not None and v.members == set(group)]
    to_geojson(model.outline(zid))
    elapsed = time.perf_counter() - t0
    model.apply(edit.inverse())
    return elapsed


def peer(gdf: gpd.GeoDataFrame, graph: nx.Graph, group: list[int], gap: float) -> float:
    t0 = time.perf_counter()
    assert nx.is_connected(graph.subgraph(group))
    dissolved = gdf.iloc[group].dissolve()
    closed = dissolved.buffer(gap / 2).buffer(-gap / 2).union(dissolved.geometry)
    closed.to_crs(4326).to_json()
    return time.perf_counter() - t0


def main(n: int, size: int, repeats: int) -> None:
    compounds, _ = city(n)
    t0 = time.perf_counter()
    model = ZoneModel.from_layer(_layer(compounds))
    print(f"{n:,} compounds; graph built in {time.perf_counter() - t0:.2f} s; "
          f"zones of {size} compounds, {repeats} merges each")
    graph = nx.Graph(model.adjacency.edges.tolist())
    groups = zones_to_merge(model.adjacency, size, repeats, np.random.default_rng(1))
    for _ in range(3):  # warm up both
        ours(model, groups[0])
        peer(compounds, graph, groups[0], model.gap)
    a = statistics.median(ours(model, g) for g in groups)
    b = statistics.median(peer(compounds, graph, g, model.gap) for g in groups)
    print(f"ZoneModel merge + outline + GeoJSON : {a * 1000:7.2f} ms (median)")
    print(f"networkx + geopandas dissolve/buffer: {b * 1000:7.2f} ms (median)")
    print(f"ratio peer / ours                   : {b / a:7.1f} x   target < 100 ms: "
          f"{'met' if a < 0.1 else 'MISSED'}")


def _layer(gdf):
    from gis.domain import Role
    from gis.layer import Layer

    return Layer("compounds", Role.COMPOUNDS, gdf)


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:]]
    main(*(args + [12_000, 20, 50][len(args):]))
