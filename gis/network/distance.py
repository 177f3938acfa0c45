"""Shortest walking distances with scipy.sparse.csgraph.dijkstra.

Sources sit on edges (see :mod:`gis.network.attach`), so each search starts from a virtual
node joined to its edge's two ends at the right costs; the virtual links point one way, so
no path can pass through a source.

:func:`reach` gives every node within a cutoff of each source. A walk of length d never
ends farther than d from its start in a straight line (edge lengths are measured along
their geometry), so the search for a batch of nearby sources runs on the sub-network
inside their bounding box grown by the cutoff, with identical results and a fraction of
the work. :func:`nearest` gives, for many targets, the distance to the nearest source.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from gis.errors import AnalysisError
from gis.feedback import Feedback, ensure
from gis.i18n import QT_TRANSLATE_NOOP
from gis.network.attach import Attachment
from gis.network.graph import WalkGraph

BATCH_NODES = 6_000_000  # cap on sources x window nodes per dijkstra call (the dense output)
SOURCES_PER_BATCH = 32  # sources searched together on one window
MAX_CELL_CUTOFFS = 6.0  # a batch cell is at most this many cutoffs wide
CELL_M = 250.0  # bucket size of the node grid that lists a window's nodes


@dataclass(frozen=True, eq=False)
class Reach:
    """Nodes within the cutoff of each source: rows ``indptr[i]:indptr[i+1]`` of (node, dist)."""

    indptr: np.ndarray
    node: np.ndarray
    dist: np.ndarray
    cutoff: float

    @property
    def n_sources(self) -> int:
        return len(self.indptr) - 1

    @property
    def source(self) -> np.ndarray:
        """The source of each (node, dist) entry."""
        return np.repeat(np.arange(self.n_sources), np.diff(self.indptr))

    def row(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        s = slice(self.indptr[i], self.indptr[i + 1])
        return self.node[s], self.dist[s]

    def dense(self, n_nodes: int) -> np.ndarray:
        """(n_sources, n_nodes) distances, inf where beyond the cutoff (for small graphs)."""
        out = np.full((self.n_sources, n_nodes), np.inf)
        out[self.source, self.node] = self.dist
        return out


def _check_cutoff(cutoff: float) -> None:
    if not cutoff > 0:
        raise AnalysisError(QT_TRANSLATE_NOOP("errors", "The walking distance must be positive."))


def reach(graph: WalkGraph, sources: Attachment, cutoff: float, *,
          feedback: Feedback | None = None) -> Reach:
    """Network distance from each source to every node within *cutoff* metres.

    Unattached sources reach nothing. Results equal a plain Dijkstra on the whole network.
    """
    _check_cutoff(cutoff)
    fb = ensure(feedback)
    n = len(sources)
    search = _Search(graph, sources, windowed=graph.lengths_bound_distance)
    batches = _batches(sources, np.flatnonzero(sources.attached), cutoff, search.windowed)
    parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    for k, batch in enumerate(batches):
        fb.check()
        parts.append(search.run(batch, cutoff))
        fb.progress((k + 1) / len(batches))
    src = np.concatenate([p[0] for p in parts]) if parts else np.zeros(0, np.int64)
    node = np.concatenate([p[1] for p in parts]) if parts else np.zeros(0, np.int64)
    dist = np.concatenate([p[2] for p in parts]) if parts else np.zeros(0)
    order = np.argsort(src, kind="stable")
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(src, minlength=n), out=indptr[1:])
    return Reach(indptr, node[order], dist[order], float(cutoff))


def _batches(sources: Attachment, rows: np.ndarray, cutoff: float, windowed: bool) -> list[np.ndarray]:
    """Groups of nearby sources: square cells of ~:data:`SOURCES_PER_BATCH` sources, at least
    one cutoff wide (so a window is never mostly margin) and at most :data:`MAX_CELL_CUTOFFS`."""
    if len(rows) == 0:
        return []
    if not windowed:
        return [rows]
    xy = sources.snapped[rows]
    span = np.maximum(xy.max(axis=0) - xy.min(axis=0), cutoff)
    side = np.sqrt(span[0] * span[1] / len(rows) * SOURCES_PER_BATCH)
    side = float(np.clip(side, cutoff, MAX_CELL_CUTOFFS * cutoff))
    cell = np.floor((xy - xy.min(axis=0)) / side).astype(np.int64)
    key = cell[:, 0] * (cell[:, 1].max() + 1) + cell[:, 1]
    order = np.argsort(key, kind="stable")
    return np.split(rows[order], np.flatnonzero(np.diff(key[order])) + 1)


class _NodeGrid:
    """Nodes bucketed on a square grid, to list those inside a box quickly.

    Only the occupied buckets are stored: one stray node thousands of kilometres away (a
    typo in a file) must not make a grid of billions of buckets.
    """

    def __init__(self, xy: np.ndarray, cell: float) -> None:
        self.cell = cell
        self.origin = xy.min(axis=0) if len(xy) else np.zeros(2)
        ij = np.floor((xy - self.origin) / cell).astype(np.int64)
        self.ncol = int(ij[:, 0].max()) + 1 if len(xy) else 1
        self.nrow = int(ij[:, 1].max()) + 1 if len(xy) else 1
        key = ij[:, 1] * self.ncol + ij[:, 0]
        self.order = np.argsort(key, kind="stable")
        self.keys = key[self.order]

    def covering(self, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
        """Ids of the nodes in the buckets that cover the box lo..hi (a superset of the box's)."""
        top = [self.ncol - 1, self.nrow - 1]
        c0 = np.clip(np.floor((lo - self.origin) / self.cell).astype(np.int64), 0, top)
        c1 = np.clip(np.floor((hi - self.origin) / self.cell).astype(np.int64), 0, top)
        if np.any(hi < self.origin) or np.any(lo > self.origin + self.cell * np.array([self.ncol, self.nrow])):
            return np.zeros(0, dtype=np.int64)
        rows = np.arange(c0[1], c1[1] + 1)
        start = np.searchsorted(self.keys, rows * self.ncol + c0[0])
        stop = np.searchsorted(self.keys, rows * self.ncol + c1[0] + 1)
        return self.order[_ranges(start, stop)]


def _ranges(start: np.ndarray, stop: np.ndarray) -> np.ndarray:
    """Concatenated ``arange(start[i], stop[i])``."""
    count = np.maximum(stop - start, 0)
    return np.repeat(start - np.cumsum(count) + count, count) + np.arange(count.sum())


class _Search:
    """Batched Dijkstra from sources on edges, each batch on its window of the network.

    A batch's matrix is the window's rows of the network CSR (kept in order, so no sort)
    followed by one row per source: a virtual node linked one way to its edge's two ends.
    """

    def __init__(self, graph: WalkGraph, sources: Attachment, *, windowed: bool) -> None:
        m = graph.matrix
        self.indptr, self.indices, self.data = m.indptr, m.indices, m.data
        self.n = graph.n_nodes
        self.g2l = np.full(self.n, -1, dtype=np.int64)
        self.xy = sources.snapped
        ok = sources.attached
        e = np.where(ok, sources.edge, 0)
        self.a, self.b = graph.u[e], graph.v[e]
        self.ca = np.where(ok, sources.lead + sources.offset, np.inf)
        self.cb = np.where(ok, sources.lead + graph.length[e] - sources.offset, np.inf)
        loop = self.a == self.b  # one link, the cheaper way round
        self.cb[loop] = np.minimum(self.ca[loop], self.cb[loop])
        self.ca[loop] = np.inf
        self.windowed = windowed
        self.grid = _NodeGrid(graph.xy, CELL_M) if windowed else None

    def run(self, batch: np.ndarray, cutoff: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(source, node, dist) for the sources *batch*."""
        if self.windowed:
            pts = self.xy[batch]
            local = self.grid.covering(pts.min(axis=0) - cutoff, pts.max(axis=0) + cutoff)
        else:
            local = np.arange(self.n)
        if len(local) == 0:  # no node within reach of this batch
            return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
        self.g2l[local] = np.arange(len(local))
        try:
            rows = self._window_rows(local)
            step = max(1, BATCH_NODES // len(local))
            out = [self._dijkstra(rows, local, chunk, cutoff) for chunk in np.array_split(batch, -(-len(batch) // step))]
        finally:
            self.g2l[local] = -1
        return tuple(np.concatenate(parts) for parts in zip(*out))

    def _window_rows(self, local: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(indptr, indices, data) of the network restricted to the window, local numbering."""
        start, stop = self.indptr[local], self.indptr[local + 1]
        at = _ranges(start, stop)
        col = self.g2l[self.indices[at]]
        keep = col >= 0
        row = np.repeat(np.arange(len(local)), stop - start)
        indptr = np.zeros(len(local) + 1, dtype=np.int64)
        np.cumsum(np.bincount(row[keep], minlength=len(local)), out=indptr[1:])
        return indptr, col[keep], self.data[at][keep]

    def matrix(self, rows: tuple, chunk: np.ndarray, cutoff: float) -> csr_matrix:
        """The window's rows followed by one virtual source row per source of *chunk*."""
        from scipy.sparse import csr_matrix

        indptr, cols, w = rows
        n_local, k = len(indptr) - 1, len(chunk)
        vcol = np.column_stack([self.g2l[self.a[chunk]], self.g2l[self.b[chunk]]])
        vw = np.column_stack([self.ca[chunk], self.cb[chunk]])
        valid = (vcol >= 0) & (vw <= cutoff)
        vptr = indptr[-1] + np.cumsum(valid.sum(axis=1))
        return csr_matrix((np.concatenate([w, vw[valid]]), np.concatenate([cols, vcol[valid]]).astype(np.int32),
                           np.concatenate([indptr, vptr]).astype(np.int32)), shape=(n_local + k, n_local + k))

    def _dijkstra(self, rows: tuple, local: np.ndarray, chunk: np.ndarray, cutoff: float):
        from scipy.sparse.csgraph import dijkstra

        n_local = len(local)
        dist = dijkstra(self.matrix(rows, chunk, cutoff), directed=True,
                        indices=np.arange(n_local, n_local + len(chunk)), limit=cutoff)
        width = dist.shape[1]
        flat = dist.ravel()
        hit = np.flatnonzero(flat < np.inf)
        hit = hit[hit % width < n_local]  # not the virtual source nodes
        return chunk[hit // width], local[hit % width], flat[hit]


def nearest(graph: WalkGraph, sources: Attachment, targets: Attachment, *, cutoff: float = np.inf,
            feedback: Feedback | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Distance from each target to its nearest source, and that source's row.

    One multi-source search (``min_only``); a target on the same edge as a source is also
    reached straight along the edge. Targets with no source within *cutoff*: ``inf``, -1.
    """
    from scipy.sparse.csgraph import dijkstra

    fb = ensure(feedback)
    n_t = len(targets)
    best = np.full(n_t, np.inf)
    which = np.full(n_t, -1, dtype=np.int64)
    rows = np.flatnonzero(sources.attached)
    if len(rows) == 0 or n_t == 0:
        return best, which
    search = _Search(graph, sources, windowed=False)
    n = graph.n_nodes
    search.g2l[:] = np.arange(n)
    m = search.matrix(search._window_rows(np.arange(n)), rows, cutoff)
    fb.check()
    dist, _, origin = dijkstra(m, directed=True, indices=np.arange(n, n + len(rows)), limit=cutoff,
                               min_only=True, return_predecessors=True)
    fb.progress(0.8)
    t = np.flatnonzero(targets.attached)
    e = targets.edge[t]
    for end, along in ((graph.u[e], targets.offset[t]), (graph.v[e], graph.length[e] - targets.offset[t])):
        d = dist[end] + along + targets.lead[t]
        better = d < best[t]
        best[t[better]] = d[better]
        which[t[better]] = rows[origin[end[better]] - n]
    _same_edge(sources, rows, targets, t, best, which)
    beyond = best > cutoff
    best[beyond], which[beyond] = np.inf, -1
    fb.progress(1.0)
    return best, which


def _same_edge(sources: Attachment, rows: np.ndarray, targets: Attachment, t: np.ndarray,
               best: np.ndarray, which: np.ndarray) -> None:
    """Improve *best* in place with walks along a shared edge (no node in between)."""
    s_edge = sources.edge[rows]
    order = np.argsort(s_edge, kind="stable")
    lo = np.searchsorted(s_edge[order], targets.edge[t], side="left")
    hi = np.searchsorted(s_edge[order], targets.edge[t], side="right")
    count = hi - lo
    if not count.any():
        return
    ti = np.repeat(t, count)
    si = rows[order[_ranges(lo, hi)]]
    d = sources.lead[si] + np.abs(sources.offset[si] - targets.offset[ti]) + targets.lead[ti]
    for k in np.argsort(-d):  # smallest last, so it wins
        if d[k] < best[ti[k]]:
            best[ti[k]], which[ti[k]] = d[k], si[k]
