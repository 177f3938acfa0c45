"""A square grid over a walking network and, for each grid node, the street segments near it.

The service-area fields (:mod:`gis.network.field_areas`) are evaluated on this grid. What
depends only on the network, the edge buffer and the cell size is computed once here:
every (grid node, edge segment) pair closer than ``reach_m = buffer + 1.5 cells`` and the
distance between them. Each segment visits only the nodes of the grid rows its capsule
(the points within ``reach_m``) crosses, between the capsule's ends on each row (exact, so
every node visited is a pair). Pairs are stored segment by segment, edges in order, so the
pairs of any set of edges are a few slices (``seg_ptr``, ``edge_seg``).
"""

from __future__ import annotations

import functools
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from gis.network.distance import _ranges
from gis.network.graph import WalkGraph

MAX_GRID_NODES = 8_000_000  # the cell grows past ``buffer / 2.4`` beyond this: 12.5 m cells up to ~35 × 35 km
# (the dense fields of a 16M-node grid passed 1 GB for a damaged OSM file with one 4,500 km street)
CELL_OF_BUFFER = 2.4  # cells per edge buffer (12.5 m cells for the 30 m default: 1-1.5 % off the exact
# area on grids, the demo district and Helsinki; 15 m cells are 3 % off)
MAX_CELL_M = 12.5
PAIR_CHUNK = 500_000  # candidate pairs handled at once while building (jobs for threads; their temporaries stay
# in cache and in the heap kept: a city's street grid 0.27-0.31 -> 0.20-0.26 s CPU, 55-61k -> 37-38k faults against 2M)


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

    @functools.cached_property
    def columns(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """x, y of the starts and of the unit directions, each contiguous: ``np.take`` from a
        column view copies the whole column first, and numpy 2.4's row gathers of (n, 2) arrays
        are ~50x slower than 1-D gathers."""
        return tuple(np.ascontiguousarray(a) for a in (self.p0[:, 0], self.p0[:, 1], self.unit[:, 0], self.unit[:, 1]))


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
    """(node, segment) pairs within ``reach_m``, segment by segment (the segment's pairs are
    ``StreetGrid.seg_ptr[s]:seg_ptr[s + 1]``): the node and the distance between them."""

    node: np.ndarray
    dist: np.ndarray


def near_pairs(grid: Grid, segs: Segments, reach_m: float, *, workers: int = 1,
               counted: bool = False) -> tuple[np.ndarray, ...]:
    """Every (grid node, segment) within *reach_m* (to 1e-6 of a cell), in segment order (nodes
    row by row): node, segment and the distance between them (*counted*: the number of pairs of
    each segment instead of the segment of each pair). Each segment visits only the nodes of the
    rows its capsule of radius *reach_m* crosses, between the capsule's ends on that row: the
    row's span of the capsule is exact, so every node visited is a pair (no distance test).
    Runs of segments are done apart (on *workers* threads: numpy lets the GIL go in its loops):
    first their rows, which count their pairs, then their pairs, each run's written in place into
    the arrays of all (no parts to join: a city's are 80 MB)."""
    rows = np.ceil((np.abs(segs.unit[:, 1]) * segs.length + 2 * reach_m) / grid.cell)
    work = np.cumsum(rows * (np.abs(segs.unit[:, 0]) * segs.length + 2 * reach_m) / grid.cell)
    total = float(work[-1]) if len(work) else 0.0
    cuts = np.unique(np.concatenate([[0], np.searchsorted(work, np.arange(PAIR_CHUNK, total, PAIR_CHUNK)),
                                     [len(segs)]]))
    jobs = list(zip(cuts[:-1].tolist(), cuts[1:].tolist()))
    if not jobs:
        return np.zeros(0, np.int32), np.zeros(0, np.int32), np.zeros(0, np.float32)
    crossings = _map(lambda run: _capsule_rows(grid, segs, np.arange(*run), reach_m), jobs, workers)
    at = np.concatenate([[0], np.cumsum([int(c[3].sum()) for c in crossings])]).tolist()
    node, dist = np.empty(at[-1], np.int32), np.empty(at[-1], np.float32)
    per = np.zeros(len(segs), np.int64) if counted else np.empty(at[-1], np.int32)

    def one(k: int) -> None:
        seg, row, i0, count = crossings[k]
        _chunk_pairs(grid, segs, seg, row, i0, count, out=(node[at[k]:at[k + 1]], dist[at[k]:at[k + 1]]))
        if counted:
            a, b = jobs[k]
            per[a:b] = np.bincount(seg - a, weights=count, minlength=b - a)
        else:
            per[at[k]:at[k + 1]] = np.repeat(seg.astype(np.int32), count)
        crossings[k] = None  # its memory back as soon as done

    _map(one, range(len(jobs)), workers)
    return node, per, dist


def _map(fn, items, workers: int) -> list:
    """``[fn(item) for item in items]``, on *workers* threads."""
    items = list(items)
    if workers > 1 and len(items) > 1:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            return list(pool.map(fn, items))
    return [fn(item) for item in items]


def _capsule_rows(grid: Grid, segs: Segments, which: np.ndarray, reach_m: float) -> tuple[np.ndarray, ...]:
    """The (segment, grid row) crossings of the capsules of segments *which*: segment, row, first
    column and number of columns (segments in order, rows upward)."""
    (px, py, ux, uy), ell = segs.columns, segs.length
    y0 = np.take(py, which)
    y1 = y0 + np.take(uy, which) * np.take(ell, which)
    j_lo = np.clip(np.ceil((np.minimum(y0, y1) - reach_m - grid.y0) / grid.cell), 0, grid.ny).astype(np.int64)
    j_hi = np.clip(np.floor((np.maximum(y0, y1) + reach_m - grid.y0) / grid.cell), -1, grid.ny - 1).astype(np.int64)
    n_rows = np.maximum(j_hi - j_lo + 1, 0)
    seg = np.repeat(which.astype(np.int64), n_rows)
    row = _ranges(j_lo, j_lo + n_rows)
    y = grid.y0 + row * grid.cell - np.take(py, seg)  # the row relative to the segment's start
    lo, hi = _capsule_span(y, np.take(ux, seg), np.take(uy, seg), np.take(ell, seg), reach_m)
    x = np.take(px, seg) - grid.x0
    eps = 1e-6 * grid.cell  # nodes on the boundary count (as ``dist <= reach``)
    i0 = np.clip(np.ceil((x + lo - eps) / grid.cell), 0, grid.nx).astype(np.int64)
    i1 = np.clip(np.floor((x + hi + eps) / grid.cell), -1, grid.nx - 1).astype(np.int64)
    return seg, row, i0, np.maximum(i1 - i0 + 1, 0)


def _capsule_span(y: np.ndarray, ux: np.ndarray, uy: np.ndarray, ell: np.ndarray, r: float):
    """x-interval (relative to the segment's start) of the points at height *y* within *r* of the
    segment: the hull of its crossings with the two end discs and the strip beside the segment."""
    with np.errstate(divide="ignore", invalid="ignore"):
        half0 = np.sqrt(r * r - y * y)  # nan: the row misses the disc
        y1 = y - ell * uy
        half1 = np.sqrt(r * r - y1 * y1)
        x1 = ell * ux
        lo = np.fmin(-half0, x1 - half1)
        hi = np.fmax(half0, x1 + half1)
        # strip: 0 <= x ux + y uy <= ell and |x uy - y ux| <= r (u is a unit vector)
        a, b = -y * uy / ux, (ell - y * uy) / ux
        c, d = (y * ux - r) / uy, (y * ux + r) / uy
        along = np.abs(ux) > 1e-9
        across = np.abs(uy) > 1e-9
        s_lo = np.maximum(np.where(along, np.minimum(a, b), -np.inf), np.where(across, np.minimum(c, d), -np.inf))
        s_hi = np.minimum(np.where(along, np.maximum(a, b), np.inf), np.where(across, np.maximum(c, d), np.inf))
        in_t = along | ((y * uy >= 0) & (y * uy <= ell))  # ux == 0: along is x-free, y decides
        in_h = across | (np.abs(y * ux) <= r)
        strip = in_t & in_h & (s_lo <= s_hi)
    lo = np.where(strip, np.fmin(lo, s_lo), lo)
    hi = np.where(strip, np.fmax(hi, s_hi), hi)
    return np.where(np.isnan(lo), np.inf, lo), np.where(np.isnan(hi), -np.inf, hi)


def _chunk_pairs(grid, segs, seg, row, i0, count, out):
    """Pairs of the (segment, row) crossings given, written into *out* (node, distance arrays of
    ``count.sum()``): every node of each crossing's span (the span is exact, so each is within
    reach, to 1e-6 of a cell) and its distance to the segment. Along a row, the node's position
    along and off the segment's line grow linearly."""
    f32 = np.float32
    px, py, ux, uy = (np.take(c, seg) for c in segs.columns)
    dx = grid.x0 + i0 * grid.cell - px  # the crossing's first node from the segment's start
    dy = grid.y0 + row * grid.cell - py
    m = np.arange(int(count.sum()), dtype=np.int32)
    m -= np.repeat((np.cumsum(count) - count).astype(np.int32), count)
    step = m.astype(f32)
    t = np.repeat((grid.cell * ux).astype(f32), count)
    t *= step
    t += np.repeat((dx * ux + dy * uy).astype(f32), count)
    h = np.repeat((grid.cell * uy).astype(f32), count)
    h *= step
    h += np.repeat((dx * uy - dy * ux).astype(f32), count)
    gap = np.repeat(np.take(segs.length, seg).astype(f32), count)
    np.subtract(t, gap, out=gap)
    np.negative(t, out=t)
    np.maximum(gap, t, out=gap)
    np.maximum(gap, f32(0.0), out=gap)
    gap *= gap
    h *= h
    gap += h
    node, dist = out
    np.add(np.repeat((row * grid.nx + i0).astype(np.int32), count), m, out=node)
    np.sqrt(gap, out=dist)


def foot(grid: Grid, segs: Segments, node: np.ndarray, seg: np.ndarray,
         count: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Position of grid nodes along their segments' lines (from the start) and off them (signed),
    float32 (to a millimetre). *seg*: each node's segment, or with *count* each run of nodes'."""
    f32 = np.float32
    spread = (lambda v: v) if count is None else (lambda v: np.repeat(v, count))
    j = node.astype(np.int32) // np.int32(grid.nx)  # floor_divide by a scalar: ~10x np.divmod's speed
    i = node - j * np.int32(grid.nx)
    px, py, ux, uy = (np.take(c, seg) for c in segs.columns)
    dx = spread((grid.x0 - px).astype(f32))
    dx += i.astype(f32) * f32(grid.cell)
    dy = spread((grid.y0 - py).astype(f32))
    dy += j.astype(f32) * f32(grid.cell)
    ux, uy = spread(ux.astype(f32)), spread(uy.astype(f32))
    t = dx * ux
    t += dy * uy
    dx *= uy
    dx -= dy * ux
    return t, dx


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


def street_grid(graph: WalkGraph, buffer_m: float, cell_m: float | None = None, *, workers: int = 1) -> StreetGrid:
    """The grid and pairs of *graph* for an edge buffer of *buffer_m* metres (pairs found on
    *workers* threads)."""
    cell = cell_m or cell_size(graph, buffer_m)
    reach_m = buffer_m + 1.5 * cell
    coords = graph.lines.coords
    lo = coords.min(axis=0) - reach_m - cell if len(coords) else np.zeros(2)
    hi = coords.max(axis=0) + reach_m + cell if len(coords) else np.ones(2)
    n = np.ceil((hi - lo) / cell).astype(np.int64) + 1
    grid = Grid(float(lo[0]), float(lo[1]), cell, int(n[0]), int(n[1]))
    segs = edge_segments(graph)
    node, count, dist = near_pairs(grid, segs, reach_m, workers=workers, counted=True)
    seg_ptr = np.concatenate([[0], np.cumsum(count)])
    return StreetGrid(grid, segs, Pairs(node, dist), seg_ptr, _pointer(segs.edge, graph.n_edges),
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
