"""Service-area polygons from a walking-distance field on a grid (the fast method).

Method. For a group of sources (one facility, or every facility of a type) and a distance d,
the area is the set of points within the edge buffer of a street stretch walked within d.
For every grid node the distance to the network walked within d is computed exactly from
the (node, street segment) pairs of :mod:`gis.network.street_grid`; the outline is the
contour ``distance - buffer = 0`` of that field (continuous, exact at the nodes), traced
with marching squares (contourpy), bands directly as ``max(Z_k, -Z_k-1) <= 0``. All the
distances of a group come from one pass over its pairs: a pair counts from the first
distance that walks its segment whole (the walk is linear along a segment, so that is
where its farther end is reached), the fields of larger distances take the running
minimum of the smaller ones, and only the few segments walked in part at a distance are
added to that distance alone. The outline's vertices are exact where they fall on a cell
edge; only corners inside a cell are cut (at most a cell's diagonal, in practice well
under 1 % of an area).

Resolution: the cell is the edge buffer / 2.4, at most 12.5 m (12.5 m for the 30 m
default), coarser only when the grid over a network would exceed 8 million nodes.
Rings under 1 m² (slivers, spikes, specks) are dropped; holes for unreached blocks stay.
Near-collinear outline vertices (within 0.05 cells) are thinned.
"""

from __future__ import annotations

import functools
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import shapely

from gis.network import field_pool
from gis.network.contour_pool import REUSE_NODES, generator_for
from gis.network.distance import _ranges
from gis.network.street_grid import Grid, Segments, StreetGrid, foot, near_pairs

FAR = 1e9  # field value of nodes away from an outline (its sign is all that counts)
MIN_RING_M2 = 1.0  # rings smaller than this are dropped (slivers, specks)
FULL_ROWS = 0.6  # a window wider than this share of the grid takes whole rows
SCATTER_CHUNK = 1_000_000  # pairs per np.minimum.at call (it holds the GIL; arrays stay in the heap)
FULL_GRID = 0.5  # ... and one larger than this share of its nodes takes the whole grid
ALL_ROWS = 0.9  # a box over more of the rows takes all (a city's outlines share one shape: see contour_pool)
THIN_OF_CELL = 0.05  # vertices closer than this many cells to their neighbours' chord are removed


@dataclass(frozen=True, eq=False)
class Rays:
    """Straight walked pieces off the street grid's edges (a facility's own edge, its access walk):
    the walking distance at ``p0`` is ``v0`` and grows by ``rate`` per metre toward the end."""

    p0: np.ndarray
    unit: np.ndarray
    length: np.ndarray
    v0: np.ndarray
    rate: np.ndarray

    @staticmethod
    def empty() -> "Rays":
        return Rays(np.zeros((0, 2)), np.zeros((0, 2)), np.zeros(0), np.zeros(0), np.zeros(0))

    def take(self, rows: np.ndarray) -> "Rays":
        return Rays(self.p0[rows], self.unit[rows], self.length[rows], self.v0[rows], self.rate[rows])

    def as_segments(self) -> Segments:
        n = len(self.length)
        return Segments(self.p0, self.unit, self.length, np.full(n, -1), np.zeros(n), self.rate)


@dataclass(frozen=True, eq=False)
class Group:
    """What one group walked: the edges reached with the walk at their u and v ends
    (``dist - shift``), and the rays."""

    edge: np.ndarray
    du: np.ndarray
    dv: np.ndarray
    rays: Rays


@dataclass(frozen=True, eq=False)
class Window:
    """Grid nodes i0..i1-1 x j0..j1-1."""

    i0: int
    j0: int
    i1: int
    j1: int

    @property
    def shape(self) -> tuple[int, int]:
        return self.j1 - self.j0, self.i1 - self.i0

    @property
    def size(self) -> int:
        return (self.j1 - self.j0) * (self.i1 - self.i0)

    def local(self, grid: Grid, node: np.ndarray) -> np.ndarray:
        """Window positions of grid nodes (inside the window)."""
        if self.i0 == 0 and self.i1 == grid.nx:  # full rows: a shift
            return node - np.int32(self.j0 * grid.nx)
        width = self.i1 - self.i0  # (j - j0) * width + (i - i0), with i = node - j * nx:
        out = node // node.dtype.type(grid.nx)  # j (floor_divide by a scalar is ~10x np.divmod's speed)
        out *= node.dtype.type(grid.nx - width)
        np.subtract(node, out, out=out)
        out -= node.dtype.type(self.j0 * width + self.i0)
        return out


class Field:
    """The walking distance of one group on a window of the grid, and its outlines."""

    def __init__(self, sg: StreetGrid, group: Group, ray_pairs: tuple | None = None) -> None:
        """*ray_pairs*: :func:`near_pairs` of the group's rays, when found already."""
        self.sg, self.group = sg, group
        segs = sg.segs
        self.seg, pos = sg.edge_segments(group.edge)
        e = group.edge[pos]
        du, dv, length = group.du[pos], group.dv[pos], sg.edge_length[e]
        from_u = segs.start[self.seg] * segs.rate[self.seg]  # walking length from u to the segment's start
        to_v = length - (segs.start[self.seg] + segs.length[self.seg]) * segs.rate[self.seg]
        self.first = np.minimum(du + from_u, dv + to_v)  # the walk that first reaches the segment
        x = np.clip((dv + length - du) / 2, from_u, length - to_v)
        self.full = np.minimum(du + x, dv + length - x)  # ... and the one that walks all of it
        self.du, self.dv = du, dv
        self.count = (sg.seg_ptr[self.seg + 1] - sg.seg_ptr[self.seg]).astype(np.int32)
        rays = group.rays
        ray_node, self.ray_seg, self.ray_dist = ray_pairs or near_pairs(sg.grid, rays.as_segments(), sg.reach_m)
        self.window = _window(sg, group, ray_node)
        self.ray_node = self.window.local(sg.grid, ray_node)
        self._ray_global = ray_node

    def distances(self, distances) -> np.ndarray:
        """(len(distances), rows, cols): from each window node to the network walked within each
        distance (:data:`FAR` beyond ``reach_m``). Every pair is visited once: at the first distance
        that walks its segment whole (the smaller distances' fields are then carried up by a
        running minimum); the few segments walked in part at a distance are added to it alone."""
        ds = np.asarray(distances, dtype=float)
        order = np.argsort(ds, kind="stable")
        ds_up, k, size = ds[order], len(ds), self.window.size
        z = field_pool.full((k + 1) * size, FAR)  # row k: pairs never walked whole (a kept buffer: see field_pool)
        whole = np.searchsorted(ds_up, self.full, side="left").astype(np.int32)
        self._scatter_whole(z, whole, size)
        rays = self.group.rays
        ray_whole = np.searchsorted(ds_up, (rays.v0 + rays.rate * rays.length)[self.ray_seg], side="left")
        np.minimum.at(z, ray_whole * size + self.ray_node, self.ray_dist)
        z = z.reshape(k + 1, size)[:k]
        for level in range(1, k):
            np.minimum(z[level - 1], z[level], out=z[level])
        for level, d in enumerate(ds_up):
            self._add_parts(z[level], float(d), level, whole)
        if np.any(np.diff(order) < 0):  # distances not given ascending: back to their order
            out = np.empty_like(z)
            out[order] = z
            z = out
        return z.reshape(k, *self.window.shape)

    def _scatter_whole(self, z: np.ndarray, whole: np.ndarray, size: int) -> None:
        """Each pair's distance into row ``whole`` of its segment (of the flat (levels + 1, size) *z*)."""
        sg, grid = self.sg, self.sg.grid
        wide = np.int64 if len(z) >= 2**31 else np.int32
        if self.window.size == grid.nx * grid.ny and len(self.seg) > 0.5 * len(sg.segs):
            # most of the network: every pair, unreached segments into the spare row (no gathers)
            level = np.full(len(sg.segs), len(z) // size - 1, dtype=wide)
            level[self.seg] = whole
            level *= wide(size)
            count = np.diff(sg.seg_ptr)
            cuts = np.searchsorted(sg.seg_ptr, np.arange(0, sg.seg_ptr[-1], SCATTER_CHUNK)).tolist() + [len(count)]
            for a, b in zip(cuts[:-1], cuts[1:]):  # ufunc.at holds the GIL: let the other threads in between
                index = np.repeat(level[a:b], count[a:b])
                index += sg.pairs.node[sg.seg_ptr[a]:sg.seg_ptr[b]]
                np.minimum.at(z, index, sg.pairs.dist[sg.seg_ptr[a]:sg.seg_ptr[b]])
            return
        pairs = _ranges(sg.seg_ptr[self.seg], sg.seg_ptr[self.seg] + self.count)
        index = np.repeat(whole.astype(wide) * wide(size), self.count)
        index += self.window.local(grid, sg.pairs.node[pairs]).astype(wide)
        np.minimum.at(z, index, sg.pairs.dist[pairs])

    def _add_parts(self, z: np.ndarray, d: float, level: int, whole: np.ndarray) -> None:
        """Distances to the segments and rays walked in part within *d*."""
        part = np.flatnonzero((self.first <= d) & (whole > level))
        if len(part):
            rows = self.sg.seg_ptr[self.seg[part]]
            pair = _ranges(rows, rows + self.count[part])
            node = self.sg.pairs.node[pair]
            np.minimum.at(z, self.window.local(self.sg.grid, node),
                          self._edge_dist(node, part, self.count[part], d))
        rays = self.group.rays
        v0, rate, length = rays.v0[self.ray_seg], rays.rate[self.ray_seg], rays.length[self.ray_seg]
        hit = np.flatnonzero((v0 <= d) & (v0 + rate * length > d))
        if len(hit):
            np.minimum.at(z, self.ray_node[hit], self._ray_dist(hit, d))

    def signed(self, d: float) -> np.ndarray:
        """``|p - walked within d| - buffer`` at the window's nodes (+FAR beyond ``reach_m``)."""
        return self.levels((d,))[0]

    def levels(self, distances) -> np.ndarray:
        """:meth:`signed` at each distance (float32)."""
        z = self.distances(distances)
        z -= np.float32(self.sg.buffer_m)  # FAR stays FAR (in float32)
        return z

    def _edge_dist(self, node: np.ndarray, part: np.ndarray, count: np.ndarray, d: float) -> np.ndarray:
        """Distance from grid *node*s to the parts walked within d of their segments (*part*, each
        run of *count* nodes): from the start up to ``hi`` (from u), from ``lo`` to the end (from v)."""
        sg, seg = self.sg, self.seg[part]
        segs = sg.segs
        rate, start, ell = segs.rate[seg], segs.start[seg], segs.length[seg]
        total = sg.edge_geometric_length[segs.edge[seg]]
        hi = np.minimum((d - self.du[part]) / rate - start, ell)
        lo = np.maximum(total - (d - self.dv[part]) / rate - start, 0.0)
        hi = np.where(hi >= 0, hi, -np.inf)  # nothing from u: infinitely far
        lo = np.where(lo <= ell, lo, np.inf)
        t, h = foot(sg.grid, segs, node, seg, count)
        return _gap(t, h, (np.repeat(v.astype(np.float32), count) for v in (hi, lo, ell)))

    def _ray_dist(self, hit: np.ndarray, d: float) -> np.ndarray:
        """Distance from the nodes of ray pairs *hit* to the part of their ray walked within d."""
        rays, seg = self.group.rays, self.ray_seg[hit]
        t, h = foot(self.sg.grid, rays.as_segments(), self._ray_global[hit], seg)
        hi = np.minimum((d - rays.v0[seg]) / rays.rate[seg], rays.length[seg])
        return _gap(t, h, (hi.astype(np.float32), np.full(len(seg), np.inf, np.float32), rays.length[seg].astype(np.float32)))

    def outline(self, z: np.ndarray, box: tuple[slice, slice],
                outside: np.ndarray | None = None) -> shapely.Geometry:
        """The polygon ``z <= 0`` (outside the area of *outside*), traced on the nodes in *box*
        (rows, columns) only."""
        return trace(z[box], self.origin(box), self.sg.grid.cell, rows=self.window.shape[0],
                     outside=None if outside is None else outside[box])

    def origin(self, box: tuple[slice, slice]) -> tuple[float, float]:
        """Where the first node of *box* (rows, columns of the window) lies."""
        w, grid = self.window, self.sg.grid
        return grid.x0 + (w.i0 + (box[1].start or 0)) * grid.cell, grid.y0 + (w.j0 + (box[0].start or 0)) * grid.cell

    def tiles(self, distances) -> list[tuple[np.ndarray, tuple[float, float]]]:
        """``(z, origin)`` of the area at each distance, each on the nodes around it only (for
        :func:`gis.network.tile_trace.trace_tiles`)."""
        z = self.levels(distances)
        boxes = [_box(level <= 0) for level in z]
        return [(z[k][boxes[k]], self.origin(boxes[k])) for k in range(len(z))]

    def outline_jobs(self, distances, *, bands: bool = True) -> list:
        """The tracings (callables, for any thread: contourpy, numpy and shapely let the GIL go) of
        the area at each distance, then (*bands*) of the rings between consecutive ones past the
        first; :func:`split_outlines` sorts their results."""
        z = self.levels(distances)
        boxes = [_box(level <= 0) for level in z]  # a facility's 300 m area needs a tenth of its 1000 m window
        jobs = [functools.partial(self.outline, z[k], boxes[k]) for k in range(len(z))]
        return jobs + ([functools.partial(self.outline, z[k], boxes[k], z[k - 1]) for k in range(1, len(z))]
                       if bands else [])

    def areas_and_bands(self, distances, *, bands: bool = True, workers: int = 1) -> tuple[list, list]:
        """The area at each distance, and (*bands*) the rings between consecutive ones (the first
        is the area); traced on *workers* threads."""
        jobs = self.outline_jobs(distances, bands=bands)
        if workers > 1 and len(jobs) > 1:
            with ThreadPoolExecutor(max_workers=workers) as pool:
                drawn = list(pool.map(lambda job: job(), jobs))
        else:
            drawn = [job() for job in jobs]
        return split_outlines(drawn, len(distances), bands)


def split_outlines(drawn: list, n: int, bands: bool) -> tuple[list, list]:
    """``(areas, bands)`` from the results of :meth:`Field.outline_jobs` for *n* distances."""
    areas = drawn[:n]
    return areas, (areas[:1] + drawn[n:] if bands else [])


def _box(inside: np.ndarray, margin: int = 2) -> tuple[slice, slice]:
    """Rows and columns around the nodes set in *inside* (all columns when they are most: the
    traced coordinates are then those of the window's first rows, made once; and then all rows
    when nearly all on a big grid: the contour generator of an earlier trace is reused)."""
    rows, cols = np.flatnonzero(inside.any(axis=1)), np.flatnonzero(inside.any(axis=0))
    if len(rows) == 0:
        return slice(0, 0), slice(0, 0)
    c0, c1 = max(cols[0] - margin, 0), cols[-1] + margin + 1
    if c1 - c0 > FULL_ROWS * inside.shape[1]:
        c0, c1 = 0, inside.shape[1]
    r0, r1 = max(rows[0] - margin, 0), rows[-1] + margin + 1
    if r1 - r0 > ALL_ROWS * inside.shape[0] and c1 - c0 == inside.shape[1] and inside.size >= REUSE_NODES:
        r0, r1 = 0, inside.shape[0]
    return slice(r0, r1), slice(c0, c1)


def _gap(t: np.ndarray, h: np.ndarray, ends) -> np.ndarray:
    """Distance from points at (along *t*, off *h*) of a line to its stretches 0..hi and lo..ell
    (*ends*: hi, lo, ell; an empty stretch has hi = -inf or lo = inf). Overwrites *t* and *h*."""
    hi, lo, ell = ends
    gap = np.maximum(-t, t - hi)
    lo -= t
    np.maximum(lo, t - ell, out=lo)
    np.minimum(gap, lo, out=gap)
    np.maximum(gap, 0.0, out=gap)
    gap *= gap
    h *= h
    gap += h
    return np.sqrt(gap, out=gap)


def _window(sg: StreetGrid, group: Group, ray_node: np.ndarray) -> Window:
    """The nodes the group's pairs touch (plus one spare node each side, so outlines close)."""
    boxes = sg.edge_box[group.edge]
    lo = [boxes[:, 0].min(initial=sg.grid.nx), boxes[:, 1].min(initial=sg.grid.ny)]
    hi = [boxes[:, 2].max(initial=-1), boxes[:, 3].max(initial=-1)]
    if len(ray_node):
        j, i = np.divmod(ray_node.astype(np.int64), sg.grid.nx)
        lo, hi = [min(lo[0], i.min()), min(lo[1], j.min())], [max(hi[0], i.max()), max(hi[1], j.max())]
    if hi[0] < lo[0]:
        return Window(0, 0, 1, 1)
    i0, i1 = int(max(lo[0] - 1, 0)), int(min(hi[0] + 2, sg.grid.nx))
    if i1 - i0 > FULL_ROWS * sg.grid.nx:  # nearly all columns: take whole rows (cheaper indexing)
        i0, i1 = 0, sg.grid.nx
    j0, j1 = int(max(lo[1] - 1, 0)), int(min(hi[1] + 2, sg.grid.ny))
    if (i1 - i0) * (j1 - j0) > FULL_GRID * sg.grid.nx * sg.grid.ny:  # most of it: all (no local indices)
        return Window(0, 0, sg.grid.nx, sg.grid.ny)
    return Window(i0, j0, i1, j1)


# -- tracing -------------------------------------------------------------------------------
def trace(z: np.ndarray, origin: tuple[float, float], cell: float, *, rows: int = 0,
          outside: np.ndarray | None = None) -> shapely.Geometry:
    """The polygon where ``z <= 0`` (marching squares on the nodes ``z[j, i]`` at ``origin + (i, j)
    * cell``), without rings under 1 m², thinned. Traced in cells, on coordinates made once for
    up to *rows* rows of this width. *outside*: a band, ``max(z, -outside) <= 0`` (the ring of
    ``z <= 0`` outside the area ``outside <= 0``)."""
    ny, nx = z.shape
    if ny < 2 or nx < 2:
        return shapely.MultiPolygon()
    x, y = (v[:ny] for v in _index_grid(max(ny, rows), nx))  # first rows: still contiguous
    with generator_for(x, y) as (gen, buffer):  # big grids: a generator kept from an earlier trace
        if outside is None:
            np.copyto(buffer, z)
        else:
            np.maximum(z, np.negative(outside, out=buffer), out=buffer)
        points, offsets, outer = gen.filled(-2 * FAR, 0.0)
    if points[0] is None:
        return shapely.MultiPolygon()
    pts, off, out = _drop_small(points[0], offsets[0].astype(np.int64), outer[0].astype(np.int64),
                                MIN_RING_M2 / cell**2)
    if len(out) < 2:
        return shapely.MultiPolygon()
    pts, off = _thin(pts, off, THIN_OF_CELL)
    for axis in (0, 1):  # column by column: (n, 2) += (2,) broadcasts ~15x slower
        col = pts[:, axis]
        col *= cell
        col += origin[axis]
    return shapely.from_ragged_array(shapely.GeometryType.MULTIPOLYGON, pts, (off, out, np.array([0, len(out) - 1])))[0]


@functools.lru_cache(maxsize=4)
def _index_grid(ny: int, nx: int) -> tuple[np.ndarray, np.ndarray]:
    x, y = np.meshgrid(np.arange(nx, dtype=np.float64), np.arange(ny, dtype=np.float64))
    x.flags.writeable = y.flags.writeable = False
    return x, y


def _ring_areas(pts: np.ndarray, off: np.ndarray) -> np.ndarray:
    x, y = pts[:, 0] - pts[0, 0], pts[:, 1] - pts[0, 1]
    cross = np.empty(len(x))
    np.multiply(x[:-1], y[1:], out=cross[:-1])
    cross[:-1] -= x[1:] * y[:-1]
    cross[-1] = 0.0
    ends = off[1:] - 1  # the closing point of each ring: its term links to the next ring, drop it
    cross[ends] = 0.0
    return 0.5 * np.add.reduceat(cross, off[:-1]) if len(off) > 1 else np.zeros(0)


def _drop_small(pts: np.ndarray, off: np.ndarray, outer: np.ndarray, min_area: float):
    """Rings under *min_area* out (an outer ring takes its holes with it)."""
    area = np.abs(_ring_areas(pts, off))
    n_rings = len(off) - 1
    poly_of_ring = np.repeat(np.arange(len(outer) - 1), np.diff(outer))
    is_outer = np.zeros(n_rings, dtype=bool)
    is_outer[outer[:-1]] = True
    keep_poly = area[outer[:-1]] >= min_area
    keep = keep_poly[poly_of_ring] & ((area >= min_area) | is_outer)
    if keep.all():
        return pts, off, outer
    counts = np.diff(off)[keep]
    pts = np.take(pts, _ranges(off[:-1][keep], off[1:][keep]), axis=0)
    new_off = np.concatenate([[0], np.cumsum(counts)])
    rings_per_poly = np.bincount(poly_of_ring[keep], minlength=len(outer) - 1)[keep_poly]
    return pts, new_off, np.concatenate([[0], np.cumsum(rings_per_poly)])


def _thin(pts: np.ndarray, off: np.ndarray, tol: float) -> tuple[np.ndarray, np.ndarray]:
    """Remove vertices within *tol* of the chord of their neighbours, at even positions only (so
    no two neighbours go; a second pass for the odd ones costs as much again for little)."""
    size = np.diff(off)
    rings = np.flatnonzero(size > 8)
    if len(rings) == 0:
        return pts, off
    per = (size[rings] - 2) // 2  # even positions 2, 4, ... before the closing point
    c = np.repeat(off[rings] - np.cumsum(2 * per) + 2 * per + 2, per) + 2 * np.arange(per.sum())
    x, y = pts[:, 0], pts[:, 1]  # 1-D gathers: numpy 2.4's row gathers of (n, 2) arrays are ~50x slower
    x0, y0 = x[c - 1], y[c - 1]
    ax, ay, bx, by = x[c + 1], y[c + 1], x[c], y[c]
    for v, v0 in ((ax, x0), (ay, y0), (bx, x0), (by, y0)):
        v -= v0
    cross = ax * by  # |a x b| < tol |a|, squared (libm's hypot costs as much as the rest)
    bx *= ay
    cross -= bx
    cross *= cross
    ax *= ax
    ay *= ay
    ax += ay
    ax *= tol * tol
    gone = cross < ax
    if not gone.any():
        return pts, off
    keep = np.ones(len(pts), dtype=bool)
    keep[c[gone]] = False
    dropped = np.bincount(np.repeat(rings, per)[gone], minlength=len(size))
    return np.compress(keep, pts, axis=0), np.concatenate([[0], np.cumsum(size - dropped)])
