"""Compound–facility pairs along the network: one Dijkstra per facility that ends at the compounds.

Each compound is a node of the search: every network node next to one of its access points
links to it (one way) at the walk from that node to the point, the shortest over its points,
and a facility on the same edge as an access point links to it straight along the edge. A
search from a facility (a virtual node linked to its edge's two ends, as in
:mod:`gis.network.distance`) then settles each compound at its least walk directly, so no
(facility, node) table is built and joined afterwards. Nothing leaves a compound node, so no
walk passes through one.

Facilities are searched in batches of nearby ones (two of :func:`gis.network.distance.reach`'s
cells, ~64 facilities) on the window of the network within the catchment of them. The
compounds' links are built on the first run for an :class:`Origins` and kept while it lives.

The distances are those of a search per facility followed by a join on its reached nodes
(what this module replaced): Dijkstra's sums are the same float sums, and a compound reached
through a node beyond the catchment (possible within :data:`TOLERANCE_M` of it) is recomputed
from the nodes within it only.
"""

from __future__ import annotations

import weakref

import numpy as np

from gis.feedback import Feedback
from gis.gaps.access import TOLERANCE_M, Origins
from gis.network.attach import Attachment
from gis.network.distance import BATCH_NODES, CELL_M, _batches, _NodeGrid, _ranges, _Search

_LINKS: "weakref.WeakKeyDictionary[Origins, _CompoundLinks]" = weakref.WeakKeyDictionary()


class _CompoundLinks:
    """The network with the compounds as extra nodes ``n_nodes + compound``: every node next
    to a compound's access points links to it at the walk from the node to the point (the
    least over the compound's points); prepared once per :class:`Origins`."""

    def __init__(self, origins: Origins) -> None:
        graph, targets = origins.graph, origins.targets
        t = np.flatnonzero(targets.attached)
        e = targets.edge[t]
        node = np.column_stack([graph.u[e], graph.v[e]]).ravel()
        along = (np.column_stack([targets.offset[t], graph.length[e] - targets.offset[t]])
                 + targets.lead[t][:, None]).ravel()
        comp, node, along = least_per_pair(np.repeat(origins.owner[t], 2), node, along, graph.n_nodes)
        self.comp, self.node, self.along = comp, node, along  # by compound
        self.t_by_edge = t[np.argsort(e, kind="stable")]  # the access points by edge
        self.t_edge = targets.edge[self.t_by_edge]
        self.c_indptr = np.zeros(origins.n + 1, dtype=np.int64)
        np.cumsum(np.bincount(comp, minlength=origins.n), out=self.c_indptr[1:])
        n, m = graph.n_nodes, graph.matrix
        row = np.concatenate([np.repeat(np.arange(n), np.diff(m.indptr)), node])
        order = np.argsort(row, kind="stable")  # each node's streets, then its compounds
        self.indptr = np.zeros(n + origins.n + 1, dtype=np.int64)
        np.cumsum(np.bincount(row, minlength=n + origins.n), out=self.indptr[1:])
        self.indices = np.concatenate([m.indices, n + comp])[order]
        self.data = np.concatenate([m.data, along])[order]
        self.grid = _NodeGrid(graph.xy, CELL_M) if graph.lengths_bound_distance else None  # windows


def least_per_pair(a: np.ndarray, b: np.ndarray, value: np.ndarray, n_b: int):
    """Each (a, b) pair once at its least *value*, sorted by a then b."""
    if len(a) == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
    key = a.astype(np.int64) * n_b + b
    order = np.argsort(key, kind="stable")
    key, value = key[order], value[order]
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
    return key[starts] // n_b, key[starts] % n_b, np.minimum.reduceat(value, starts)


def network_pairs(origins: Origins, sources: Attachment, catchment_m: float, fb: Feedback):
    """(compound, facility, metres) of every pair within *catchment_m* along the network,
    sorted by compound then facility."""
    rows = np.flatnonzero(sources.attached)
    if len(rows) == 0 or not origins.targets.attached.any():
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
    links = _LINKS.get(origins)
    if links is None:
        links = _LINKS[origins] = _CompoundLinks(origins)
    search = _CompoundSearch(origins, links, sources, catchment_m)
    cells = _batches(sources, rows, catchment_m, search.grid is not None)
    batches = [np.sort(np.concatenate(cells[k:k + 2])) for k in range(0, len(cells), 2)]  # fewer, larger
    parts = []
    for k, batch in enumerate(batches):
        fb.check()
        parts.append(search.run(batch))
        fb.progress((k + 1) / len(batches))
    comp, fac, dist = (np.concatenate(p) for p in zip(*parts))
    order = np.argsort(comp * len(sources) + fac, kind="stable")  # merges the batches' sorted runs
    return comp[order], fac[order], dist[order]


class _CompoundSearch:
    """The batched searches: each batch's matrix is its window of the network with the
    compounds next to it (no outgoing links), then one virtual node per facility."""

    def __init__(self, origins: Origins, links: _CompoundLinks, sources: Attachment, catchment_m: float) -> None:
        graph = origins.graph
        self.n, self.links, self.cutoff = graph.n_nodes, links, float(catchment_m)
        self.g2l = np.full(self.n + origins.n, -1, dtype=np.int64)
        self.mark = np.zeros(origins.n, dtype=bool)
        base = _Search(graph, sources, windowed=False)  # the facilities' links
        self.xy, self.a, self.b, self.ca, self.cb, self.grid = base.xy, base.a, base.b, base.ca, base.cb, links.grid
        self.same = _same_edge(origins, links, sources)

    def run(self, batch: np.ndarray):
        """(compound, facility, metres) of the facilities *batch*."""
        from scipy.sparse.csgraph import dijkstra

        if self.grid is not None:
            pts = self.xy[batch]
            local = self.grid.covering(pts.min(axis=0) - self.cutoff, pts.max(axis=0) + self.cutoff)
        else:
            local = np.arange(self.n)
        start, stop = self.links.indptr[local], self.links.indptr[local + 1]
        at = _ranges(start, stop)
        cols = self.links.indices[at]
        same = self._same_of(batch)
        self.mark[cols[cols >= self.n] - self.n] = True
        self.mark[same[1]] = True
        comps = self.n + np.flatnonzero(self.mark)
        self.mark[comps - self.n] = False
        if len(comps) == 0:
            return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
        self.g2l[local] = np.arange(len(local))
        self.g2l[comps] = len(local) + np.arange(len(comps))
        try:
            window = self._window(local, start, stop, at, cols)
            first = len(local) + len(comps)
            step = max(1, BATCH_NODES // first)  # the dense output of one call stays bounded
            out = []
            for chunk in np.array_split(batch, -(-len(batch) // step)):
                matrix = self._matrix(window, len(comps), chunk, self._same_of(chunk))
                dist = dijkstra(matrix, directed=True, indices=np.arange(first, first + len(chunk)),
                                limit=self.cutoff + TOLERANCE_M)
                out.append(self._pairs(dist, local, comps - self.n, chunk))
            return tuple(np.concatenate(p) for p in zip(*out))
        finally:
            self.g2l[local] = -1
            self.g2l[comps] = -1

    def _same_of(self, batch: np.ndarray):
        """(row of *batch*, compound, metres) of the batch's walks along a shared edge."""
        lo, hi = np.searchsorted(self.same[0], batch, "left"), np.searchsorted(self.same[0], batch, "right")
        at = _ranges(lo, hi)
        return np.repeat(np.arange(len(batch)), hi - lo), self.same[1][at], self.same[2][at]

    def _window(self, local, start, stop, at, cols):
        """(indptr, indices, data) of the rows of the *local* nodes, in local numbering."""
        col = self.g2l[cols]
        keep = col >= 0
        row = np.repeat(np.arange(len(local)), stop - start)
        indptr = np.zeros(len(local) + 1, dtype=np.int64)
        np.cumsum(np.bincount(row[keep], minlength=len(local)), out=indptr[1:])
        return indptr, col[keep], self.links.data[at][keep]

    def _matrix(self, window, n_comps: int, batch, same) -> csr_matrix:
        """The window's rows, empty compound rows, then each facility's links: its edge's
        two ends and the compounds along its own edge."""
        from scipy.sparse import csr_matrix

        indptr, cols, w = window
        k = len(batch)
        s_col = np.column_stack([self.g2l[self.a[batch]], self.g2l[self.b[batch]]])
        s_w = np.column_stack([self.ca[batch], self.cb[batch]])
        valid = (s_col >= 0) & (s_w <= self.cutoff)
        row = np.concatenate([np.repeat(np.arange(k), 2)[valid.ravel()], same[0]])
        order = np.argsort(row, kind="stable")
        s_cols = np.concatenate([s_col[valid], self.g2l[self.n + same[1]]])[order]
        s_ptr = indptr[-1] + np.cumsum(np.bincount(row, minlength=k))
        size = len(indptr) - 1 + n_comps + k
        return csr_matrix((np.concatenate([w, np.concatenate([s_w[valid], same[2]])[order]]),
                           np.concatenate([cols, s_cols]).astype(np.int32),
                           np.concatenate([indptr, np.full(n_comps, indptr[-1]), s_ptr]).astype(np.int32)),
                          shape=(size, size))

    def _pairs(self, dist: np.ndarray, local, comps, batch):
        nl, nc = len(local), len(comps)
        block = dist[:, nl:nl + nc]
        c, src = np.nonzero(block.T < np.inf)  # by compound, then facility (the batch is sorted)
        d = block[src, c]
        late = np.flatnonzero(d > self.cutoff)  # reached within the tolerance beyond the catchment
        if len(late):
            d[late] = self._within(dist[:, :nl], src[late], comps[c[late]], batch[src[late]])
            keep = d <= self.cutoff + TOLERANCE_M
            src, c, d = src[keep], c[keep], d[keep]
        return comps[c], batch[src], d

    def _within(self, node_dist: np.ndarray, src: np.ndarray, comp: np.ndarray, fac: np.ndarray) -> np.ndarray:
        """The least walk of each (batch row *src*, compound) through the nodes within the
        catchment only, or along a shared edge."""
        links = self.links
        lo, hi = links.c_indptr[comp], links.c_indptr[comp + 1]
        at = _ranges(lo, hi)
        which = np.repeat(np.arange(len(comp)), hi - lo)
        local = self.g2l[links.node[at]]
        via = np.where(local >= 0, node_dist[src[which], np.maximum(local, 0)], np.inf)
        total = np.where(via <= self.cutoff, via + links.along[at], np.inf)
        best = np.full(len(comp), np.inf)
        np.minimum.at(best, which, total)
        f, c, d = self.same  # sorted by facility then compound, each pair once
        if len(f):
            key, want = f * len(self.mark) + c, fac * len(self.mark) + comp
            at = np.minimum(np.searchsorted(key, want), len(key) - 1)
            best = np.where(key[at] == want, np.minimum(best, d[at]), best)
        return best


def _same_edge(origins: Origins, links: _CompoundLinks, sources: Attachment):
    """(facility, compound, metres) of the walks straight along an edge from a facility to
    an access point on the same edge, the least per pair, sorted by facility."""
    targets = origins.targets
    rows = np.flatnonzero(sources.attached)
    s_edge = sources.edge[rows]
    lo = np.searchsorted(links.t_edge, s_edge, "left")
    hi = np.searchsorted(links.t_edge, s_edge, "right")
    si = np.repeat(rows, hi - lo)
    ti = links.t_by_edge[_ranges(lo, hi)]
    d = sources.lead[si] + np.abs(sources.offset[si] - targets.offset[ti]) + targets.lead[ti]
    return least_per_pair(si, origins.owner[ti], d, origins.n)
