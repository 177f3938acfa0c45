"""A square grid over a walking network and, for each grid node, the street segments near it.

The service-area fields (:mod:`gis.network.field_areas`) are evaluated on this grid. What
depends only on the network, the edge buffer and the cell size is computed once here:
every (grid node, edge segment) pair closer than ``reach_m = buffer + 1.5 cells``, and for
each pair the part of the segment within the buffer of the node (its *chord*), expressed as
walking length from the edge's ``u`` end to the chord's start (``a``) and from the chord's end
to the ``v`` end (``b``). Pairs are stored segment by segment, edges in order, so the pairs of
any set of edges are a few slices (``edge_ptr``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from gis.network.distance import _ranges
from gis.network.graph import WalkGraph

MAX_GRID_NODES = 8_000_000  # the cell grows past ``buffer / 2.4`` beyond this: 12.5 m cells up to ~35 × 35 km
# (the dense fields of a 16M-node grid passed 1 GB for a damaged OSM file with one 4,500 km street)
CELL_OF_BUFFER = 2.4  # cells per edge buffer (12.5 m cells for the 30 m default: 1-1.5 % off the exact
# area on grids, the demo district and Helsinki; 15 m cells are 3 % off)
MAX_CELL_M = 12.5
PAIR_CHUNK = 4_000_000  # candidate pairs handled at once while building (bounds peak memory)


@dataclass(frozen=True, eq=False)
class Grid:
    """Node ``(i, j)`` is at ``(x0 + i * cell, y0 + j * cell)``; flat index ``j * nx + i``."""

    x0: float
    y0: float
    cell: float
    nx: int
    ny: int

    def ij(self, xy: np.ndarray) -> np.ndarray:
        """Fractional (i, j) of points."""
        return (np.asarray(xy) - (self.x0, self.y0)) / self.cell

    def xs(self, i0: int, i1: int) -> np.ndarray:
        return self.x0 + np.arange(i0, i1) * self.cell

    def ys(self, j0: int, j1: int) -> np.ndarray:
        return self.y0 + np.arange(j0, j1) * self.cell


@dataclass(frozen=True, eq=False)
class Segments:
    """Straight pieces: start point, unit direction, length, owner edge, start along the edge
    (geometric metres) and the walking length per geometric metre (``rate``)."""

    p0: np.ndarray
    unit: np.ndarray
    length: np.ndarray
    edge: np.ndarray
    start: np.ndarray
    rate: np.ndarray

    def __len__(self) -> int:
        return len(self.length)


def edge_segments(graph: WalkGraph) -> Segments:
    """The straight pieces of every edge geometry, edges in order."""
    lines = graph.lines
    coords = lines.coords
    has_next = np.ones(len(coords), dtype=bool)
    has_next[lines.last] = False
    first = np.flatnonzero(has_next)
    edge = np.repeat(np.arange(graph.n_edges), np.maximum(lines.last - lines.first, 0))
    vec = coords[first + 1] - coords[first]
    length = np.hypot(vec[:, 0], vec[:, 1])
    keep = length > 0
    first, edge, vec, length = first[keep], edge[keep], vec[keep], length[keep]
    rate = 1.0 / graph.geometry_scale[edge]
    return Segments(coords[first], vec / length[:, None], length, edge, lines.cum[first] - lines.base[edge], rate)


@dataclass(frozen=True, eq=False)
class Pairs:
    """(node, segment) pairs within ``reach_m``; ``a``/``b``: walking length from the u end to
    the chord's start and from its end to the v end (inf when the node is farther than the buffer)."""

    node: np.ndarray
    seg: np.ndarray
    a: np.ndarray
    b: np.ndarray
    dist: np.ndarray  # from the node to the segment
    t: np.ndarray  # the node's foot along the segment's line (from its start)
    h: np.ndarray  # and its distance to that line


def near_pairs(grid: Grid, segs: Segments, reach_m: float, buffer_m: float) -> tuple[np.ndarray, ...]:
    """Every (grid node, segment) closer than *reach_m*, in segment order: node, segment, the
    chord of the segment within *buffer_m* of the node (local metres; inf, -inf when none), the
    distance from the node to the segment, and the node's position along and off its line."""
    ends = segs.p0 + segs.unit * segs.length[:, None]
    lo = np.maximum(np.floor(grid.ij(np.minimum(segs.p0, ends) - reach_m)).astype(np.int64), 0)
    hi = np.minimum(np.ceil(grid.ij(np.maximum(segs.p0, ends) + reach_m)).astype(np.int64),
                    [grid.nx - 1, grid.ny - 1])
    ni, nj = np.maximum(hi[:, 0] - lo[:, 0] + 1, 0), np.maximum(hi[:, 1] - lo[:, 1] + 1, 0)
    count = ni * nj
    cum = np.cumsum(count)
    total = int(cum[-1]) if len(cum) else 0
    cuts = np.unique(np.concatenate([[0], np.searchsorted(cum, np.arange(PAIR_CHUNK, total, PAIR_CHUNK)), [len(segs)]]))
    parts = [_chunk_pairs(grid, segs, np.arange(a, b), lo, ni, count, reach_m, buffer_m)
             for a, b in zip(cuts[:-1], cuts[1:])]
    if not parts:
        return (np.zeros(0, np.int32), np.zeros(0, np.int32), *(np.zeros(0, np.float32) for _ in range(5)))
    return tuple(np.concatenate([p[k] for p in parts]) for k in range(7))


def _chunk_pairs(grid, segs, s, lo, ni, count, reach_m, buffer_m):
    """Pairs of the segments *s* (their window's nodes, then only those within reach)."""
    count, ni, lo = count[s], ni[s], lo[s]
    k = _ranges(np.zeros(len(s), np.int64), count).astype(np.int32)
    rep_ni = np.repeat(ni.astype(np.int32), count)
    dj = k // rep_ni
    di = k - dj * rep_ni
    corner = (grid.x0, grid.y0) + lo * grid.cell - segs.p0[s]  # window corner relative to the segment start
    ux, uy = segs.unit[s, 0].astype(np.float32), segs.unit[s, 1].astype(np.float32)
    dx = np.repeat(corner[:, 0].astype(np.float32), count) + di.astype(np.float32) * np.float32(grid.cell)
    dy = np.repeat(corner[:, 1].astype(np.float32), count) + dj.astype(np.float32) * np.float32(grid.cell)
    rux, ruy = np.repeat(ux, count), np.repeat(uy, count)
    t = dx * rux + dy * ruy
    h = np.abs(dx * ruy - dy * rux)
    ell = np.repeat(segs.length[s].astype(np.float32), count)
    gap = np.maximum(np.maximum(-t, t - ell), 0.0)
    dist = np.sqrt(gap * gap + h * h)
    keep = np.flatnonzero(dist <= reach_m)
    t, h, ell, dist = t[keep], h[keep], ell[keep], dist[keep]
    seg_local = np.repeat(np.arange(len(s), dtype=np.int32), count)[keep]
    node = (np.repeat(lo[:, 1], count)[keep] + dj[keep]) * grid.nx + np.repeat(lo[:, 0], count)[keep] + di[keep]
    half = np.sqrt(np.maximum(np.float32(buffer_m * buffer_m) - h * h, 0.0))
    c0, c1 = np.maximum(t - half, 0.0), np.minimum(t + half, ell)
    inside = (h <= buffer_m) & (c0 <= c1)
    c0, c1 = np.where(inside, c0, np.inf), np.where(inside, c1, -np.inf)
    return node.astype(np.int32), (seg_local + s[0]).astype(np.int32), c0, c1, dist, t, h


@dataclass(frozen=True, eq=False)
class StreetGrid:
    """The grid over a network with its segment pairs (see the module docstring)."""

    grid: Grid
    segs: Segments
    pairs: Pairs
    seg_ptr: np.ndarray  # pairs of segment s: seg_ptr[s]:seg_ptr[s+1]
    edge_seg: np.ndarray  # segments of edge e: edge_seg[e]:edge_seg[e+1]
    edge_box: np.ndarray  # (n_edges, 4) grid nodes i0, j0, i1, j1 (inclusive) an edge's pairs can touch
    edge_geometric_length: np.ndarray
    edge_length: np.ndarray
    buffer_m: float
    reach_m: float

    def edge_segments(self, edges: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The segments of *edges*, and the position in *edges* of each."""
        count = self.edge_seg[edges + 1] - self.edge_seg[edges]
        return _ranges(self.edge_seg[edges], self.edge_seg[edges + 1]), np.repeat(np.arange(len(edges)), count)

    def segment_pairs(self, segs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The pairs of segments *segs*, and the position in *segs* of each."""
        count = self.seg_ptr[segs + 1] - self.seg_ptr[segs]
        return _ranges(self.seg_ptr[segs], self.seg_ptr[segs + 1]), np.repeat(np.arange(len(segs)), count)


def cell_size(graph: WalkGraph, buffer_m: float) -> float:
    """``buffer / 2.4`` (at most 12.5 m), coarser when the grid would exceed :data:`MAX_GRID_NODES`."""
    span = graph.xy.max(axis=0) - graph.xy.min(axis=0) + 2 * buffer_m if graph.n_nodes else np.ones(2)
    fine = min(buffer_m / CELL_OF_BUFFER, MAX_CELL_M)
    return float(max(fine, np.sqrt(span[0] * span[1] / MAX_GRID_NODES)))


def street_grid(graph: WalkGraph, buffer_m: float, cell_m: float | None = None) -> StreetGrid:
    """The grid and pairs of *graph* for an edge buffer of *buffer_m* metres."""
    cell = cell_m or cell_size(graph, buffer_m)
    reach_m = buffer_m + 1.5 * cell
    coords = graph.lines.coords
    lo = coords.min(axis=0) - reach_m - cell if len(coords) else np.zeros(2)
    hi = coords.max(axis=0) + reach_m + cell if len(coords) else np.ones(2)
    n = np.ceil((hi - lo) / cell).astype(np.int64) + 1
    grid = Grid(float(lo[0]), float(lo[1]), cell, int(n[0]), int(n[1]))
    segs = edge_segments(graph)
    node, seg, c0, c1, dist, t, h = near_pairs(grid, segs, reach_m, buffer_m)
    seg_ptr = _pointer(seg, len(segs))
    n_pairs = np.diff(seg_ptr)
    rate, start = np.repeat(segs.rate.astype(np.float32), n_pairs), np.repeat(segs.start.astype(np.float32), n_pairs)
    a = (start + c0) * rate  # inf stays inf: no chord
    b = np.repeat(graph.length[segs.edge].astype(np.float32), n_pairs) - (start + c1) * rate
    pairs = Pairs(node, seg, a, np.where(np.isfinite(a), np.maximum(b, 0.0), np.float32(np.inf)), dist, t, h)
    return StreetGrid(grid, segs, pairs, seg_ptr, _pointer(segs.edge, graph.n_edges),
                      _edge_boxes(grid, segs, graph.n_edges, reach_m), graph.lines.length,
                      graph.length, float(buffer_m), float(reach_m))


def _pointer(owner: np.ndarray, n: int) -> np.ndarray:
    """``ptr`` with the rows of owner k at ``ptr[k]:ptr[k+1]`` (*owner* sorted)."""
    ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(owner, minlength=n), out=ptr[1:])
    return ptr


def _edge_boxes(grid: Grid, segs: Segments, n_edges: int, reach_m: float) -> np.ndarray:
    ends = segs.p0 + segs.unit * segs.length[:, None]
    lo = np.floor(grid.ij(np.minimum(segs.p0, ends) - reach_m)).astype(np.int64)
    hi = np.ceil(grid.ij(np.maximum(segs.p0, ends) + reach_m)).astype(np.int64)
    box = np.tile(np.array([grid.nx, grid.ny, -1, -1], dtype=np.int64), (n_edges, 1))
    np.minimum.at(box[:, 0], segs.edge, lo[:, 0])
    np.minimum.at(box[:, 1], segs.edge, lo[:, 1])
    np.maximum.at(box[:, 2], segs.edge, hi[:, 0])
    np.maximum.at(box[:, 3], segs.edge, hi[:, 1])
    return np.clip(box, 0, [grid.nx - 1, grid.ny - 1, grid.nx - 1, grid.ny - 1])
