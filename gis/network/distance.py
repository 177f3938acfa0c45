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
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

from gis.errors import AnalysisError
from gis.feedback import Feedback, ensure
from gis.i18n import QT_TRANSLATE_NOOP
from gis.network.attach import Attachment
from gis.network.graph import WalkGraph

BATCH_NODES = 6_000_000  # cap on sources x window nodes per dijkstra call (the dense output)


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
    rows = np.flatnonzero(sources.attached)
    parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    batches = list(_batches(graph, sources, rows, cutoff))
    windows = _NodeGrid(graph.xy, cutoff) if graph.lengths_bound_distance else None
    for k, batch in enumerate(batches):
        fb.check()
        parts.append(_reach_batch(graph, sources, batch, cutoff, windows))
        fb.progress((k + 1) / len(batches))
    src = np.concatenate([p[0] for p in parts]) if parts else np.zeros(0, np.int64)
    node = np.concatenate([p[1] for p in parts]) if parts else np.zeros(0, np.int64)
    dist = np.concatenate([p[2] for p in parts]) if parts else np.zeros(0)
    order = np.argsort(src, kind="stable")
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(src, minlength=n), out=indptr[1:])
    return Reach(indptr, node[order], dist[order], float(cutoff))


def _batches(graph: WalkGraph, sources: Attachment, rows: np.ndarray, cutoff: float):
    """Groups of nearby sources: a grid of cells one cutoff wide, capped by output size."""
    if len(rows) == 0:
        return
    if not graph.lengths_bound_distance:
        yield rows
        return
    cell = np.floor(sources.snapped[rows] / cutoff).astype(np.int64)
    key = (cell[:, 0] - cell[:, 0].min()) * (cell[:, 1].max() - cell[:, 1].min() + 1) + cell[:, 1] - cell[:, 1].min()
    order = np.argsort(key, kind="stable")
    bounds = np.flatnonzero(np.diff(key[order])) + 1
    for group in np.split(rows[order], bounds):
        yield group


class _NodeGrid:
    """Nodes bucketed on a square grid, to list those inside a box quickly."""

    def __init__(self, xy: np.ndarray, cell: float) -> None:
        self.cell = cell
        self.origin = xy.min(axis=0) if len(xy) else np.zeros(2)
        ij = np.floor((xy - self.origin) / cell).astype(np.int64)
        self.ncol = int(ij[:, 0].max()) + 1 if len(xy) else 1
        self.nrow = int(ij[:, 1].max()) + 1 if len(xy) else 1
        key = ij[:, 1] * self.ncol + ij[:, 0]
        self.order = np.argsort(key, kind="stable")
        self.starts = np.searchsorted(key[self.order], np.arange(self.nrow * self.ncol + 1))
        self.xy = xy

    def inside(self, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
        """Sorted ids of nodes with lo <= xy <= hi."""
        c0 = np.clip(np.floor((lo - self.origin) / self.cell).astype(np.int64), 0, [self.ncol - 1, self.nrow - 1])
        c1 = np.clip(np.floor((hi - self.origin) / self.cell).astype(np.int64), 0, [self.ncol - 1, self.nrow - 1])
        rows = np.arange(c0[1], c1[1] + 1)
        a = self.starts[rows * self.ncol + c0[0]]
        b = self.starts[rows * self.ncol + c1[0] + 1]
        ids = self.order[_ranges(a, b)]
        p = self.xy[ids]
        return np.sort(ids[np.all((p >= lo) & (p <= hi), axis=1)])


def _ranges(start: np.ndarray, stop: np.ndarray) -> np.ndarray:
    """Concatenated ``arange(start[i], stop[i])``."""
    count = np.maximum(stop - start, 0)
    return np.repeat(start - np.cumsum(count) + count, count) + np.arange(count.sum())


def _reach_batch(graph: WalkGraph, sources: Attachment, batch: np.ndarray, cutoff: float,
                 windows: _NodeGrid | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(source, node, dist) of one batch, searched inside its window."""
    if windows is None:
        local = np.arange(graph.n_nodes)
    else:
        pts = sources.snapped[batch]
        local = windows.inside(pts.min(axis=0) - cutoff, pts.max(axis=0) + cutoff)
    if len(local) == 0:  # no node within reach of this batch
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
    sub, n_local = _subgraph(graph.matrix, local, graph.n_nodes)
    step = max(1, BATCH_NODES // max(n_local, 1))
    out = []
    for chunk in np.array_split(batch, -(-len(batch) // step)):
        m = _with_sources(sub, n_local, local, graph, sources, chunk)
        dist = dijkstra(m, directed=True, indices=np.arange(n_local, n_local + len(chunk)), limit=cutoff)
        dist = dist[:, :n_local]
        i, j = np.nonzero(np.isfinite(dist))
        out.append((chunk[i], local[j], dist[i, j]))
    return tuple(np.concatenate(parts) for parts in zip(*out))


def _subgraph(matrix: csr_matrix, local: np.ndarray, n: int) -> tuple[tuple, int]:
    """Rows/cols/weights of the sub-matrix on the sorted node ids *local* (local numbering)."""
    if len(local) == n:
        coo = matrix.tocoo()
        return (coo.row.astype(np.int64), coo.col.astype(np.int64), coo.data), n
    g2l = np.full(n, -1, dtype=np.int64)
    g2l[local] = np.arange(len(local))
    start, stop = matrix.indptr[local], matrix.indptr[local + 1]
    at = _ranges(start, stop)
    row = np.repeat(np.arange(len(local)), stop - start)
    col = g2l[matrix.indices[at]]
    keep = col >= 0
    return (row[keep], col[keep], matrix.data[at][keep]), len(local)


def _with_sources(sub: tuple, n_local: int, local: np.ndarray, graph: WalkGraph, sources: Attachment,
                  batch: np.ndarray) -> csr_matrix:
    """The sub-network plus one virtual node per source, linked one way to its edge's ends."""
    row, col, w = sub
    a, ca, b, cb = sources.subset(batch).start_costs(graph)
    virtual = n_local + np.arange(len(batch))
    ends = np.concatenate([a, b])
    pos = np.searchsorted(local, ends)
    pos = np.minimum(pos, len(local) - 1)
    inside = local[pos] == ends
    vrow = np.concatenate([virtual, virtual])[inside]
    vcol = pos[inside]
    vw = np.concatenate([ca, cb])[inside]
    order = np.lexsort((vw, vcol, vrow))  # a loop edge links twice to one node: keep the cheaper
    vrow, vcol, vw = vrow[order], vcol[order], vw[order]
    first = np.ones(len(vrow), dtype=bool)
    first[1:] = (vrow[1:] != vrow[:-1]) | (vcol[1:] != vcol[:-1])
    size = n_local + len(batch)
    r = np.concatenate([row, vrow[first]])
    order = np.argsort(r, kind="stable")
    indptr = np.zeros(size + 1, dtype=np.int64)
    np.cumsum(np.bincount(r, minlength=size), out=indptr[1:])
    c = np.concatenate([col, vcol[first]])[order]
    return csr_matrix((np.concatenate([w, vw[first]])[order], c.astype(np.int32), indptr), shape=(size, size))


def nearest(graph: WalkGraph, sources: Attachment, targets: Attachment, *, cutoff: float = np.inf,
            feedback: Feedback | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Distance from each target to its nearest source, and that source's row.

    One multi-source search (``min_only``); a target on the same edge as a source is also
    reached straight along the edge. Targets with no source within *cutoff*: ``inf``, -1.
    """
    fb = ensure(feedback)
    n_t = len(targets)
    best = np.full(n_t, np.inf)
    which = np.full(n_t, -1, dtype=np.int64)
    rows = np.flatnonzero(sources.attached)
    if len(rows) == 0 or n_t == 0:
        return best, which
    sub, n = _subgraph(graph.matrix, np.arange(graph.n_nodes), graph.n_nodes)
    m = _with_sources(sub, n, np.arange(n), graph, sources, rows)
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
