"""The walking network: nodes, undirected edges with lengths and geometries, a CSR matrix.

A :class:`WalkGraph` is compact and immutable once built (gis.network.build makes one from
OSM or a road layer). Everything is in one metric CRS; lengths are metres along the edge
geometry, so a network distance is never shorter than the straight line, which the
distance search relies on to cut its work to a window around each source.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS

from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.notices import Notice, coded
from gis.network.chunked import line_ends
from gis.network.geometry import LineIndex

NODE_PRECISION_M = 1e-3  # line ends closer than this are one node
LONG_SEGMENT_M = 1000.0  # a straight stretch this long in a road layer is worth a warning


@dataclass
class BuildReport:
    """What building the network found and repaired (shown to the user)."""

    source: str = ""  # osm | lines | edges
    input_features: int = 0
    dropped: int = 0  # empty or non-line parts left out
    snapped_ends: int = 0  # line ends moved onto other line ends within the tolerance
    snapped_to_edges: int = 0  # dangling ends joined to a nearby line
    crossings_split: int = 0  # extra pieces made by noding lines where they cross
    snap_tolerance_m: float = 0.0
    long_segments: int = 0  # straight segments over LONG_SEGMENT_M: pieces joined by a jump?

    def notices(self, components: "Components") -> list[Notice]:
        """What the user should know about the network, as translatable notices."""
        out = []
        if components.count > 1:
            out.append(coded("network.pieces", QT_TRANSLATE_NOOP("network", "The walking network has {count} disconnected pieces; "
                                                "the largest holds {share}% of its length."),
                              count=components.count,
                              share=round(100 * components.length_m[0] / max(components.length_m.sum(), 1e-9), 1)))
        if self.long_segments:
            out.append(coded("network.long_segments", QT_TRANSLATE_NOOP("network", "{count} road lines have straight stretches longer than "
                                                "{metres} m; if pieces of a road were joined into one line, "
                                                "split them before use."),
                              count=self.long_segments, metres=int(LONG_SEGMENT_M)))
        return out


@dataclass(frozen=True, eq=False)
class Components:
    """Connected pieces, largest first: ``label[node]`` is 0 for the largest piece."""

    count: int
    node_label: np.ndarray
    edge_label: np.ndarray
    nodes: np.ndarray  # nodes per piece
    edges: np.ndarray  # edges per piece
    length_m: np.ndarray  # total edge length per piece

    def pieces(self) -> list[dict]:
        """Every piece as ``{"nodes", "edges", "length_m"}``, largest first."""
        return [{"nodes": int(n), "edges": int(e), "length_m": round(float(m), 1)}
                for n, e, m in zip(self.nodes, self.edges, self.length_m)]


@dataclass(eq=False)
class WalkGraph:
    """An undirected walking network in a metric CRS.

    Parameters
    ----------
    xy : (n, 2) float array of node coordinates.
    u, v : (m,) int arrays, the end nodes of each edge; ``geometry[i]`` runs from
        ``xy[u[i]]`` to ``xy[v[i]]``.
    length : (m,) float array, metres along the geometry.
    geometry : (m,) array of shapely LineStrings.
    crs : the metric CRS of all coordinates.
    """

    xy: np.ndarray
    u: np.ndarray
    v: np.ndarray
    length: np.ndarray
    geometry: np.ndarray
    crs: CRS
    report: BuildReport = field(default_factory=BuildReport)

    @property
    def n_nodes(self) -> int:
        return len(self.xy)

    @property
    def n_edges(self) -> int:
        return len(self.u)

    @cached_property
    def matrix(self) -> csr_matrix:
        """Symmetric (n, n) CSR of edge lengths; the shortest of parallel edges; no loops."""
        from scipy.sparse import csr_matrix  # scipy loads on first use: opening the app does not need it

        keep = self.u != self.v
        rows = np.concatenate([self.u[keep], self.v[keep]])
        cols = np.concatenate([self.v[keep], self.u[keep]])
        w = np.concatenate([self.length[keep], self.length[keep]])
        order = np.lexsort((w, cols, rows))
        rows, cols, w = rows[order], cols[order], w[order]
        first = np.ones(len(rows), dtype=bool)
        first[1:] = (rows[1:] != rows[:-1]) | (cols[1:] != cols[:-1])
        rows, cols, w = rows[first], cols[first], w[first]
        indptr = np.zeros(self.n_nodes + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=self.n_nodes), out=indptr[1:])
        return csr_matrix((w, cols.astype(np.int32), indptr), shape=(self.n_nodes, self.n_nodes))

    @cached_property
    def tree(self) -> shapely.STRtree:
        """Spatial index over the edge geometries."""
        return shapely.STRtree(self.geometry)

    @cached_property
    def lines(self) -> LineIndex:
        """Vertex index of the edge geometries (substrings, interpolation)."""
        return LineIndex(self.geometry)

    @cached_property
    def geometry_scale(self) -> np.ndarray:
        """Geometry length / edge length per edge (1 unless lengths were given otherwise).

        Positions along a geometry are ``offset * geometry_scale``; costs are in edge lengths.
        """
        return np.divide(self.lines.length, self.length, out=np.ones(self.n_edges), where=self.length > 0)

    @cached_property
    def incidence(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``(indptr, edge, side)``: the edge ends at each node; side 0 = u end, 1 = v end."""
        nodes = np.concatenate([self.u, self.v])
        edges = np.concatenate([np.arange(self.n_edges)] * 2)
        side = np.repeat(np.array([0, 1], dtype=np.int8), self.n_edges)
        order = np.argsort(nodes, kind="stable")
        indptr = np.zeros(self.n_nodes + 1, dtype=np.int64)
        np.cumsum(np.bincount(nodes, minlength=self.n_nodes), out=indptr[1:])
        return indptr, edges[order], side[order]

    @cached_property
    def degree(self) -> np.ndarray:
        """Edge ends at each node (a loop counts twice)."""
        return np.bincount(np.concatenate([self.u, self.v]), minlength=self.n_nodes)

    @cached_property
    def lengths_bound_distance(self) -> bool:
        """Whether every edge is at least as long as the straight line between its ends."""
        chord = np.hypot(*(self.xy[self.u] - self.xy[self.v]).T)
        return bool(np.all(self.length >= chord - 1e-6))

    @cached_property
    def components(self) -> Components:
        """Connected pieces of the network, largest (by length) first."""
        from scipy.sparse.csgraph import connected_components

        count, label = connected_components(self.matrix, directed=False)
        length = np.bincount(label[self.u], weights=self.length, minlength=count)
        rank = np.empty(count, dtype=np.int64)
        rank[np.argsort(-length, kind="stable")] = np.arange(count)
        node_label = rank[label]
        edge_label = node_label[self.u]
        return Components(count, node_label, edge_label,
                          np.bincount(node_label, minlength=count),
                          np.bincount(edge_label, minlength=count),
                          np.bincount(edge_label, weights=self.length, minlength=count))

    @cached_property
    def fingerprint(self) -> str:
        """A hash of nodes, edges, lengths, geometries and CRS (for result caches)."""
        h = hashlib.sha1()
        for arr in (self.xy, self.u, self.v, self.length, self.lines.coords):
            h.update(np.ascontiguousarray(arr).tobytes())
        h.update(self.crs.to_wkt().encode())
        return h.hexdigest()

    def summary(self) -> dict:
        """``{"nodes", "edges", "components"}`` as in the CLI contract."""
        return {"nodes": self.n_nodes, "edges": self.n_edges, "components": self.components.count}

    def edges_frame(self) -> gpd.GeoDataFrame:
        """The edges as a GeoDataFrame (u, v, length_m, component) in the graph CRS."""
        return gpd.GeoDataFrame({"u": self.u, "v": self.v, "length_m": self.length,
                                 "component": self.components.edge_label},
                                geometry=self.geometry, crs=self.crs)


def graph_from_lines(lines: np.ndarray, crs: CRS, *, report: BuildReport | None = None,
                     precision: float = NODE_PRECISION_M) -> WalkGraph:
    """A graph whose edges are *lines* as given (already noded): ends within *precision* join.

    Zero-length lines carry no walk and are left out.
    """
    report = report if report is not None else BuildReport(source="edges")
    lines = np.asarray(lines, dtype=object)
    length = shapely.length(lines)
    keep = length > 0
    lines, length = lines[keep], length[keep]
    ends = np.concatenate(line_ends(lines))
    first, inverse = unique_rows(np.round(ends / precision).astype(np.int64))
    m = len(lines)
    return WalkGraph(xy=ends[first], u=inverse[:m].astype(np.int64), v=inverse[m:].astype(np.int64),
                     length=length.astype(float), geometry=lines, crs=CRS.from_user_input(crs),
                     report=report)


def unique_rows(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(keys, axis=0, return_index=True, return_inverse=True)[1:]`` for (n, 2) integer keys,
    by a lexsort (which releases the GIL; ``np.unique`` by rows sorts them as bytes holding it)."""
    order = np.lexsort((keys[:, 1], keys[:, 0]))
    ranked = np.take(keys, order, axis=0)
    new = np.ones(len(keys), dtype=bool)
    new[1:] = np.any(ranked[1:] != ranked[:-1], axis=1)
    group = np.cumsum(new) - 1
    inverse = np.empty(len(keys), dtype=np.int64)
    inverse[order] = group
    return order[new], inverse


def graph_from_arrays(xy: np.ndarray, u: np.ndarray, v: np.ndarray, crs: CRS, *,
                      length: np.ndarray | None = None) -> WalkGraph:
    """A graph of straight edges between given nodes (tests, benchmarks, other tools' graphs).

    *length* defaults to the straight-line length of each edge.
    """
    xy = np.asarray(xy, dtype=float)
    u, v = np.asarray(u, dtype=np.int64), np.asarray(v, dtype=np.int64)
    geometry = shapely.linestrings(np.stack([xy[u], xy[v]], axis=1)) if len(u) else np.empty(0, object)
    if length is None:
        length = np.hypot(*(xy[u] - xy[v]).T)
    return WalkGraph(xy=xy, u=u, v=v, length=np.asarray(length, dtype=float), geometry=geometry,
                     crs=CRS.from_user_input(crs), report=BuildReport(source="edges", input_features=len(u)))
