"""The walking network used to measure the planted gaps."""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components, dijkstra
from shapely import LineString

from demogen.streets import Street, _endpoint_keys


def _components(pieces: list[Street]) -> np.ndarray:
    """Connected-component label of each piece (graph of shared end points)."""
    ends = _endpoint_keys(pieces)
    ids: dict[tuple, int] = {}
    a = np.array([ids.setdefault(e[0], len(ids)) for e in ends])
    b = np.array([ids.setdefault(e[1], len(ids)) for e in ends])
    graph = coo_matrix((np.ones(len(a)), (a, b)), shape=(len(ids), len(ids)))
    _, labels = connected_components(graph, directed=False)
    return labels[a]


class Walk:
    """Shortest walking distances on the street pieces of one connected network."""

    def __init__(self, lines: list[LineString]) -> None:
        self.lines = lines
        self.tree = shapely.STRtree(lines)
        self.length = shapely.length(np.array(lines, dtype=object))
        ends = [(tuple(g.coords[0]), tuple(g.coords[-1])) for g in lines]
        ids: dict[tuple, int] = {}
        self.ends = np.array([(ids.setdefault(a, len(ids)), ids.setdefault(b, len(ids)))
                              for a, b in ends])
        self.n_nodes = len(ids)

    def nearest(self, sources: np.ndarray, targets: np.ndarray, *, limit: float = np.inf) -> np.ndarray:
        """Distance from each target point to its nearest source point along the network."""
        pts = shapely.points(np.vstack([sources, targets]))
        line = self.tree.query_nearest(pts, all_matches=False)[1]
        along = shapely.line_locate_point(np.array(self.lines, dtype=object)[line], pts)
        perp = shapely.distance(np.array(self.lines, dtype=object)[line], pts)
        n = len(pts)
        rows, cols, w = [], [], []
        snap0 = self.n_nodes  # snap node of point k is snap0 + k; the point itself snap0 + n + k
        for li in np.unique(line):
            ks = np.flatnonzero(line == li)
            ks = ks[np.argsort(along[ks], kind="stable")]
            chain = [self.ends[li, 0], *(snap0 + ks), self.ends[li, 1]]
            pos = np.r_[0.0, along[ks], self.length[li]]
            rows += chain[:-1]
            cols += chain[1:]
            w += list(np.diff(pos) + 1e-9)
        covered = set(np.unique(line).tolist())
        for li in range(len(self.lines)):
            if li not in covered:
                rows.append(self.ends[li, 0])
                cols.append(self.ends[li, 1])
                w.append(self.length[li])
        rows += list(snap0 + np.arange(n))
        cols += list(snap0 + n + np.arange(n))
        w += list(perp + 1e-9)
        size = snap0 + 2 * n
        edges = pd.DataFrame({"a": np.minimum(rows, cols), "b": np.maximum(rows, cols), "w": w})
        edges = edges.groupby(["a", "b"], as_index=False)["w"].min()  # parallel pieces: keep shorter
        graph = coo_matrix((edges["w"], (edges["a"], edges["b"])), shape=(size, size)).tocsr()
        dist = dijkstra(graph, directed=False, indices=snap0 + n + np.arange(len(sources)),
                        min_only=True, limit=limit)
        return dist[snap0 + n + len(sources) + np.arange(len(targets))]
