"""The walking network with its degree-2 chains contracted, for fast nearest-source searches.

Streets are split at every bend, mid-block point or way end, so many nodes join just two
edges. A walk through such a node can only follow the street, so a search may run on the
*junctions* alone (nodes of any other degree): each chain of edges between two junctions
is one link of the chain's length, and a point on an edge is a position along its chain.
Distances equal those on the full network (up to float rounding) with a third of the nodes
on a street grid split at mid-block. A ring with no junction on it gets one of its nodes
made a junction.

:func:`nearest_many` answers, for many fixed targets (compound access points), the distance
to the nearest of each of several groups of sources (one group per facility type): one
``min_only`` Dijkstra per group on the junction graph, with each source's starting cost
raised by a per-source *head start* (0 for a plain nearest search; the gap matrix uses it
to test "some facility within its own radius" in one search).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from gis.feedback import Feedback, ensure
from gis.network.attach import Attachment
from gis.network.graph import WalkGraph


@dataclass(frozen=True, eq=False)
class Chains:
    """Chains of a :class:`WalkGraph`: per chain its end junctions and length; per edge its
    chain, the chain position of its ``u`` end and the direction (+1/-1) positions run."""

    n_junctions: int
    start: np.ndarray
    end: np.ndarray
    length: np.ndarray
    edge_chain: np.ndarray
    edge_pos_u: np.ndarray
    edge_dir: np.ndarray
    matrix: csr_matrix

    def place(self, att: Attachment) -> tuple[np.ndarray, np.ndarray]:
        """Chain and position along it of each attached point (chain -1 when unattached)."""
        e = np.where(att.attached, att.edge, 0)
        chain = np.where(att.attached, self.edge_chain[e], -1)
        return chain, self.edge_pos_u[e] + self.edge_dir[e] * att.offset


def contract(graph: WalkGraph) -> Chains:
    """The chains of *graph* (see the module docstring)."""
    from scipy.sparse.csgraph import connected_components, dijkstra

    junction = graph.degree != 2
    while True:
        split, ends, copy_node = _split_graph(graph, junction)
        count, label = connected_components(split, directed=False)
        ring = np.ones(count, dtype=bool)
        ring[label[graph.n_nodes:]] = False  # a chain holding a junction end is no ring
        ring_nodes = np.flatnonzero(ring[label[:graph.n_nodes]] & ~junction)
        if len(ring_nodes) == 0:
            break
        first = np.unique(label[ring_nodes], return_index=True)[1]
        junction = junction.copy()
        junction[ring_nodes[first]] = True
    copies = graph.n_nodes + np.arange(len(copy_node))
    chain_labels, copy_chain = np.unique(label[copies], return_inverse=True)
    order = np.lexsort((copies, copy_chain))
    start_copy, end_copy = copies[order][0::2], copies[order][1::2]  # a path has two ends
    chain_of = np.full(count, -1, dtype=np.int64)
    chain_of[chain_labels] = np.arange(len(chain_labels))
    pos = dijkstra(split, directed=False, indices=start_copy, min_only=True)
    jid = np.cumsum(junction) - 1
    start = jid[copy_node[start_copy - graph.n_nodes]]
    end = jid[copy_node[end_copy - graph.n_nodes]]
    length = pos[end_copy]
    pu, pv = pos[ends[0]], pos[ends[1]]
    edge_dir = np.where(pv >= pu, 1.0, -1.0)
    matrix = _junction_matrix(int(junction.sum()), start, end, length)
    return Chains(int(junction.sum()), start, end, length, chain_of[label[ends[0]]], pu, edge_dir, matrix)


def _incidence_nodes(graph: WalkGraph) -> np.ndarray:
    """The node of each entry of ``graph.incidence``."""
    indptr = graph.incidence[0]
    return np.repeat(np.arange(graph.n_nodes), np.diff(indptr))


def _split_graph(graph: WalkGraph, junction: np.ndarray) -> tuple[csr_matrix, np.ndarray, np.ndarray]:
    """The network with every junction split into one copy per edge end (so chains fall
    apart into paths): its matrix, each edge's two end nodes in it, and the junction each
    copy (nodes ``n_nodes`` on) stands for."""
    from scipy.sparse import csr_matrix

    n, m = graph.n_nodes, graph.n_edges
    indptr, inc_edge, inc_side = graph.incidence
    inc_node = _incidence_nodes(graph)
    at_junction = junction[inc_node]
    copy_id = np.full(len(inc_edge), -1, dtype=np.int64)
    copy_id[at_junction] = n + np.arange(int(at_junction.sum()))
    slot = np.empty((m, 2), dtype=np.int64)
    slot[inc_edge, inc_side] = np.arange(len(inc_edge))
    ends = np.stack([graph.u, graph.v])
    for side in (0, 1):
        s = slot[:, side]
        ends[side] = np.where(copy_id[s] >= 0, copy_id[s], ends[side])
    size = n + int(at_junction.sum())
    rows = np.concatenate([ends[0], ends[1]])
    cols = np.concatenate([ends[1], ends[0]])
    w = np.concatenate([graph.length, graph.length])
    order = np.lexsort((cols, rows))
    ptr = np.zeros(size + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=size), out=ptr[1:])
    matrix = csr_matrix((w[order], cols[order].astype(np.int32), ptr), shape=(size, size))
    return matrix, ends, inc_node[at_junction]


def _junction_matrix(n: int, start: np.ndarray, end: np.ndarray, length: np.ndarray) -> csr_matrix:
    """Symmetric CSR of chain lengths between junctions; the shortest of parallel chains; no loops."""
    from scipy.sparse import csr_matrix

    keep = start != end
    rows = np.concatenate([start[keep], end[keep]])
    cols = np.concatenate([end[keep], start[keep]])
    w = np.concatenate([length[keep], length[keep]])
    order = np.lexsort((w, cols, rows))
    rows, cols, w = rows[order], cols[order], w[order]
    first = np.ones(len(rows), dtype=bool)
    first[1:] = (rows[1:] != rows[:-1]) | (cols[1:] != cols[:-1])
    rows, cols, w = rows[first], cols[first], w[first]
    ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=n), out=ptr[1:])
    return csr_matrix((w, cols.astype(np.int32), ptr), shape=(n, n))


@dataclass(frozen=True, eq=False)
class Placed:
    """Points placed on chains: chain (-1 = unattached), position, and the counted lead."""

    chain: np.ndarray
    pos: np.ndarray
    lead: np.ndarray

    @classmethod
    def of(cls, chains: Chains, att: Attachment) -> "Placed":
        chain, pos = chains.place(att)
        return cls(chain, pos, np.where(chain >= 0, att.lead, np.inf))


@dataclass(frozen=True, eq=False)
class Targets:
    """Fixed points placed on chains, grouped by owner (a compound's access points).

    A search only needs, per owner and chain, the cheapest way in from either end of the
    chain (``pair_a`` from the start, ``pair_b`` from the end); the points themselves matter
    only for walks from a source on the same chain.
    """

    n_owners: int
    placed: Placed
    owner: np.ndarray
    by_chain: np.ndarray  # attached points, sorted by chain
    pair_owner: np.ndarray  # per (owner, chain) pair, sorted by owner
    pair_chain: np.ndarray
    pair_a: np.ndarray
    pair_b: np.ndarray
    owner_first: np.ndarray  # first pair of each owner that has one

    @classmethod
    def of(cls, chains: Chains, att: Attachment, owner: np.ndarray, n_owners: int) -> "Targets":
        placed = Placed.of(chains, att)
        t = np.flatnonzero(placed.chain >= 0)
        by_chain = t[np.argsort(placed.chain[t], kind="stable")]
        c = placed.chain[t]
        key = owner[t] * len(chains.length) + c
        keys, inverse = np.unique(key, return_inverse=True)
        a = np.full(len(keys), np.inf)
        b = np.full(len(keys), np.inf)
        np.minimum.at(a, inverse, placed.pos[t] + placed.lead[t])
        np.minimum.at(b, inverse, chains.length[c] - placed.pos[t] + placed.lead[t])
        pair_owner = keys // len(chains.length)
        first = np.flatnonzero(np.r_[True, pair_owner[1:] != pair_owner[:-1]]) if len(keys) else keys
        return cls(n_owners, placed, owner, by_chain, pair_owner, keys % len(chains.length), a, b, first)

    def per_owner(self, value: np.ndarray, payload) -> tuple[np.ndarray, np.ndarray]:
        """Per owner: the least *value* of its pairs and ``payload(pairs)`` of the first pair holding
        it (asked for those pairs only)."""
        low, pay = np.full(self.n_owners, np.inf), np.full(self.n_owners, -1, dtype=np.int64)
        if len(value) == 0:
            return low, pay
        least = np.minimum.reduceat(value, self.owner_first)
        at = np.flatnonzero(value == least[self.pair_rank])
        first = at[np.r_[True, self.pair_rank[at][1:] != self.pair_rank[at][:-1]]]
        owners = self.pair_owner[self.owner_first]
        low[owners] = least
        pay[owners] = payload(first)
        return low, pay

    @functools.cached_property
    def pair_rank(self) -> np.ndarray:
        """Per pair, the rank of its owner among the owners that have pairs."""
        return np.repeat(np.arange(len(self.owner_first)), np.diff(np.r_[self.owner_first, len(self.pair_owner)]))


def nearest_many(chains: Chains, sources: Placed, targets: Targets, groups: list[np.ndarray], *,
                 head: np.ndarray | None = None, cutoff: float = np.inf,
                 feedback: Feedback | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Per group of source rows: each target owner's distance to the nearest source of the
    group and that source's row (``inf``/-1 beyond *cutoff*); arrays (groups, owners).

    *head* (per source, default 0) is added to every walk from that source.
    """
    fb = ensure(feedback)
    head = np.zeros(len(sources.chain)) if head is None else head
    start_cost = sources.lead + head
    best = np.full((len(groups), targets.n_owners), np.inf)
    which = np.full(best.shape, -1, dtype=np.int64)
    start, end = chains.start[targets.pair_chain], chains.end[targets.pair_chain]
    same = _same_chain(sources, start_cost, targets)
    placed = np.flatnonzero(sources.chain >= 0)
    graph = _source_graph(chains, sources, start_cost, placed, cutoff)  # every group starts from its own rows
    for g, rows in enumerate(groups):
        fb.check()
        fb.progress(g / len(groups))
        rows = rows[sources.chain[rows] >= 0]
        if len(rows) == 0:
            continue
        dist, origin = _search(graph, chains.n_junctions, np.searchsorted(placed, rows), cutoff)
        from_start, from_end = dist[start], dist[end]
        from_start += targets.pair_a
        from_end += targets.pair_b

        def source(pairs: np.ndarray, origin=origin, a=from_start, b=from_end) -> np.ndarray:
            """The source row whose walk reaches each of *pairs* first (-1 for none)."""
            hit = origin[np.where(b[pairs] < a[pairs], end[pairs], start[pairs])] - chains.n_junctions
            return np.where(hit >= 0, placed[np.maximum(hit, 0)], -1)

        best[g], which[g] = targets.per_owner(np.minimum(from_start, from_end), source)
        _improve(best[g], which[g], same, rows)
    beyond = best > cutoff
    best[beyond], which[beyond] = np.inf, -1
    return best, which


def _source_graph(chains: Chains, sources: Placed, start_cost: np.ndarray, rows: np.ndarray, cutoff: float):
    """The junction graph with one node per source of *rows* (node ``n_junctions + k`` for ``rows[k]``),
    linked one way to its chain's ends. Nothing leads into a source node, so a search from some of
    them walks as on a graph of those alone."""
    from scipy.sparse import csr_matrix

    n, k = chains.n_junctions, len(rows)
    c, p = sources.chain[rows], sources.pos[rows]
    vcol = np.column_stack([chains.start[c], chains.end[c]])
    vw = np.column_stack([start_cost[rows] + p, start_cost[rows] + chains.length[c] - p])
    loop = vcol[:, 0] == vcol[:, 1]  # a chain from a junction back to it: one link, the cheaper way
    vw[loop, 1] = np.minimum(vw[loop, 0], vw[loop, 1])
    vw[loop, 0] = np.inf
    valid = np.isfinite(vw) & (vw <= cutoff)
    m = chains.matrix
    ptr = np.concatenate([m.indptr, m.indptr[-1] + np.cumsum(valid.sum(axis=1))])
    return csr_matrix((np.concatenate([m.data, vw[valid]]), np.concatenate([m.indices, vcol[valid]]).astype(np.int32),
                       ptr.astype(np.int32)), shape=(n + k, n + k))


def _search(graph, n_junctions: int, which: np.ndarray, cutoff: float) -> tuple[np.ndarray, np.ndarray]:
    """One multi-source Dijkstra on a :func:`_source_graph` from its source nodes *which*: distance
    and source node."""
    from scipy.sparse.csgraph import dijkstra

    dist, _, origin = dijkstra(graph, directed=True, indices=n_junctions + which, limit=cutoff, min_only=True,
                               return_predecessors=True)
    return dist, origin


def _same_chain(sources: Placed, start_cost: np.ndarray, targets: Targets
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(owner, source, distance) of every source and target point on one chain: the walk along it."""
    s = np.flatnonzero(sources.chain >= 0)
    on = targets.placed.chain[targets.by_chain]
    lo = np.searchsorted(on, sources.chain[s], side="left")
    hi = np.searchsorted(on, sources.chain[s], side="right")
    count = hi - lo
    si = np.repeat(s, count)
    ti = targets.by_chain[np.repeat(lo - np.cumsum(count) + count, count) + np.arange(count.sum())]
    d = start_cost[si] + np.abs(sources.pos[si] - targets.placed.pos[ti]) + targets.placed.lead[ti]
    return targets.owner[ti], si, d


def _improve(best: np.ndarray, which: np.ndarray, same: tuple, rows: np.ndarray) -> None:
    """Lower *best* (per owner) in place with the along-the-chain walks from sources of *rows*."""
    oi, si, d = same
    mine = np.isin(si, rows)
    oi, si, d = oi[mine], si[mine], d[mine]
    if len(d) == 0:
        return
    order = np.lexsort((si, d, oi))
    first = order[np.r_[True, oi[order][1:] != oi[order][:-1]]]
    better = d[first] < best[oi[first]]
    best[oi[first][better]] = d[first][better]
    which[oi[first][better]] = si[first][better]
