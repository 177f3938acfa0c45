"""Tiny generated walking networks and a networkx reference for the network tests."""

from __future__ import annotations

import networkx as nx
import numpy as np
import shapely

from gis.network.attach import Attachment
from gis.network.graph import WalkGraph, graph_from_arrays, graph_from_lines

CRS = "EPSG:4548"  # CGCS2000 / 3-degree GK CM 117E
X0, Y0 = 500_000.0, 4_000_000.0


def jittered_grid(n: int = 12, spacing: float = 80.0, *, jitter: float = 6.0, drop: float = 0.15,
                  seed: int = 3) -> WalkGraph:
    """Straight edges on a jittered n x n grid with a share of links removed (walls)."""
    rng = np.random.default_rng(seed)
    xs, ys = np.meshgrid(np.arange(n) * spacing, np.arange(n) * spacing)
    xy = np.column_stack([xs.ravel(), ys.ravel()]) + rng.uniform(-jitter, jitter, (n * n, 2)) + (X0, Y0)
    idx = np.arange(n * n).reshape(n, n)
    u = np.concatenate([idx[:, :-1].ravel(), idx[:-1, :].ravel()])
    v = np.concatenate([idx[:, 1:].ravel(), idx[1:, :].ravel()])
    keep = rng.random(len(u)) > drop
    return graph_from_arrays(xy, u[keep], v[keep], CRS)


def messy_graph(seed: int = 4) -> WalkGraph:
    """A grid with curved edges, parallel edges, a loop and a detached piece (from lines)."""
    base = jittered_grid(8, 90.0, seed=seed)
    rng = np.random.default_rng(seed)
    lines = list(base.geometry)
    for i in rng.choice(len(lines), 12, replace=False):  # bend some edges through a side point
        a, b = np.asarray(lines[i].coords)
        mid = (a + b) / 2 + rng.uniform(-25, 25, 2)
        lines[i] = shapely.LineString([a, mid, b])
    a, b = base.xy[base.u[0]], base.xy[base.v[0]]
    lines.append(shapely.LineString([a, (a + b) / 2 + (0, 30), b]))  # a longer parallel edge
    c = base.xy[base.u[5]]
    lines.append(shapely.LineString([c, c + (20, 0), c + (20, 20), c]))  # a loop
    far = np.array([X0 + 2000, Y0 + 2000])
    lines.append(shapely.LineString([far, far + (50, 0)]))  # a detached piece
    return graph_from_lines(np.array(lines, dtype=object), CRS)


def reference_graph(graph: WalkGraph) -> nx.DiGraph:
    """The graph in networkx (both directions, the shortest of parallel edges)."""
    g = nx.Graph()
    g.add_nodes_from(range(graph.n_nodes))
    for a, b, w in zip(graph.u.tolist(), graph.v.tolist(), graph.length.tolist()):
        if a != b and (not g.has_edge(a, b) or g[a][b]["weight"] > w):
            g.add_edge(a, b, weight=w)
    return g.to_directed()


def reference_distances(graph: WalkGraph, ref: nx.DiGraph, att: Attachment, i: int,
                        cutoff: float = np.inf) -> dict[int, float]:
    """networkx Dijkstra from source *i* through a virtual node linked to its edge's ends."""
    e = int(att.edge[i])
    h = ref.copy()
    a, b = int(graph.u[e]), int(graph.v[e])
    for node, cost in ((a, att.lead[i] + att.offset[i]), (b, att.lead[i] + graph.length[e] - att.offset[i])):
        if not h.has_edge("s", node) or h["s"][node]["weight"] > cost:
            h.add_edge("s", node, weight=float(cost))
    dist = nx.single_source_dijkstra_path_length(h, "s", cutoff=cutoff, weight="weight")
    dist.pop("s")
    return dist


def random_points(graph: WalkGraph, count: int, *, seed: int = 11, margin: float = 0.0) -> np.ndarray:
    """Points spread over the bounding box of the network's main piece."""
    rng = np.random.default_rng(seed)
    main = graph.xy[graph.components.node_label == 0]
    lo, hi = main.min(axis=0) + margin, main.max(axis=0) - margin
    return shapely.points(rng.uniform(lo, hi, (count, 2)))
