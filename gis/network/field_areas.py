"""Service-area polygons from a walking-distance field on a grid (the fast method).

Method. For a group of sources (one facility, or every facility of a type) the *cover
distance* of a grid node is the shortest walk to any point of the network within the edge
buffer of the node: ``G(p) = min over network points q with |p - q| <= buffer of dist(q)``.
The area at distance d is exactly ``{G <= d}`` (the points within the buffer of a street
stretch walked within d), so one field per group gives every distance by thresholding.
``G`` is evaluated on a square grid from the (node, street segment) pairs of
:mod:`gis.network.street_grid`: per pair, the walking distance is linear along the segment,
so its minimum over the chord inside the buffer is at a chord end.

``G`` jumps at the outer edge of the buffer, so the outline is not traced on it: for each
distance, the grid nodes whose 2x2 cells straddle the threshold get the signed distance
``|p - walked part| - buffer`` (continuous, exact at the nodes) and the outline is traced
on that with marching squares (contourpy), bands directly as ``max(Z_k, -Z_k-1) <= 0``.
The outline's vertices are exact where they fall on a cell edge; only corners inside a cell
are cut (at most a cell's diagonal, in practice well under 1 % of an area).

Resolution: the cell is the edge buffer / 2.4, at most 12.5 m (12.5 m for the 30 m
default), coarser only when the grid over a network would exceed 16 million nodes.
Rings under 1 m² (slivers, spikes, specks) are dropped; holes for unreached blocks stay.
Near-collinear outline vertices (within 0.05 cells) are thinned.
"""

from __future__ import annotations

from dataclasses import dataclass

import contourpy
import numpy as np
import shapely

from gis.network.distance import _ranges
from gis.network.street_grid import Grid, Segments, StreetGrid, near_pairs

FAR = 1e9  # field value of nodes away from an outline (its sign is all that counts)
MIN_RING_M2 = 1.0  # rings smaller than this are dropped (slivers, specks)
FULL_ROWS = 0.6  # a window wider than this share of the grid takes whole rows
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
        j, i = np.divmod(node, np.int32(grid.nx))
        return (j - self.j0) * (self.i1 - self.i0) + (i - self.i0)


class Field:
    """The cover distance of one group on a window of the grid, and its outlines."""

    def __init__(self, sg: StreetGrid, group: Group) -> None:
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
        self.pairs, self.ppos = (v.astype(np.int32) for v in sg.segment_pairs(self.seg))
        ray_node, self.ray_seg, c0, _, _, self.ray_t, self.ray_h = near_pairs(
            sg.grid, group.rays.as_segments(), sg.reach_m, sg.buffer_m)
        self.window = _window(sg, group, ray_node)
        self.node = self.window.local(sg.grid, sg.pairs.node[self.pairs])
        self.ray_node = self.window.local(sg.grid, ray_node)
        g = np.full(self.window.size, np.inf, dtype=np.float32)
        count = np.diff(sg.seg_ptr)[self.seg]
        p = sg.pairs
        value = np.minimum(np.repeat(du.astype(np.float32), count) + p.a[self.pairs],
                           np.repeat(dv.astype(np.float32), count) + p.b[self.pairs])
        np.minimum.at(g, self.node, value)
        self.pair_full = np.repeat(self.full.astype(np.float32), count)  # per pair, for signed()
        self.pair_first = np.repeat(self.first.astype(np.float32), count)
        self.pair_dist = p.dist[self.pairs]
        rays = group.rays
        np.minimum.at(g, self.ray_node, (rays.v0[self.ray_seg] + rays.rate[self.ray_seg] * c0).astype(np.float32))
        self.cover = g.reshape(self.window.shape)
        self._xy = None

    def signed(self, d: float) -> np.ndarray:
        """``|p - walked within d| - buffer`` at the nodes near the outline of area d, else -/+FAR."""
        inside = self.cover <= d
        near = _straddling(inside)
        flat = near.ravel()
        dist = np.full(near.size, np.inf, dtype=np.float32)
        mask = flat[self.node]
        node, full, first = self.node[mask], self.pair_full[mask], self.pair_first[mask]
        whole = full <= d
        np.minimum.at(dist, node[whole], self.pair_dist[mask][whole])
        part = (first <= d) & ~whole
        hit = np.flatnonzero(mask)[part]
        np.minimum.at(dist, node[part], self._edge_dist(hit, self.ppos[hit], d))
        hit = flat[self.ray_node]
        np.minimum.at(dist, self.ray_node[hit], self._ray_dist(hit, d))
        z = np.where(inside, -FAR, FAR)
        signed = dist.reshape(near.shape)[near] - self.sg.buffer_m
        z[near] = np.where(np.isfinite(signed), signed, z[near])  # no walked part in reach: keep the side
        return z

    def _edge_dist(self, hit: np.ndarray, pos: np.ndarray, d: float) -> np.ndarray:
        """Distance from the nodes of pairs *hit* to the part of their segment walked within d."""
        sg, seg = self.sg, self.seg[pos]
        segs, pair = sg.segs, self.pairs[hit]
        t, h = sg.pairs.t[pair], sg.pairs.h[pair]
        rate, start, ell = segs.rate[seg], segs.start[seg], segs.length[seg]
        total = sg.edge_geometric_length[segs.edge[seg]]
        u_hi = (d - self.du[pos]) / rate - start
        v_lo = total - (d - self.dv[pos]) / rate - start
        return np.minimum(_to_interval(t, h, 0.0, np.minimum(u_hi, ell)), _to_interval(t, h, np.maximum(v_lo, 0.0), ell))

    def _ray_dist(self, hit: np.ndarray, d: float) -> np.ndarray:
        """Distance from the nodes of ray pairs *hit* (a mask) to the part of their ray walked within d."""
        rays, seg = self.group.rays, self.ray_seg[hit]
        hi = np.minimum((d - rays.v0[seg]) / rays.rate[seg], rays.length[seg])
        return _to_interval(self.ray_t[hit], self.ray_h[hit], 0.0, hi)

    def coords(self) -> tuple[np.ndarray, np.ndarray]:
        """x and y of the window's nodes (2-D, made once)."""
        if self._xy is None:
            w, grid = self.window, self.sg.grid
            self._xy = np.meshgrid(grid.xs(w.i0, w.i1), grid.ys(w.j0, w.j1))
        return self._xy

    def outline(self, z: np.ndarray, box: tuple[slice, slice]) -> shapely.Geometry:
        """The polygon ``z <= 0``, traced on the nodes in *box* (rows, columns) only."""
        x, y = self.coords()
        return trace(x[box], y[box], z[box], self.sg.grid.cell)

    def areas_and_bands(self, distances, *, bands: bool = True) -> tuple[list, list]:
        """The area at each distance, and (*bands*) the rings between consecutive ones (the first
        is the area)."""
        areas, rings, previous = [], [], None
        for d in distances:
            z = self.signed(float(d))
            box = _box(self.cover <= d)  # a facility's 300 m area needs a tenth of its 1000 m window
            areas.append(self.outline(z, box))
            if bands:
                rings.append(areas[-1] if previous is None else self.outline(np.maximum(z, -previous), box))
            previous = z
        return areas, rings


def _box(inside: np.ndarray, margin: int = 2) -> tuple[slice, slice]:
    """Rows and columns around the nodes set in *inside* (all when it is nearly all)."""
    rows, cols = np.flatnonzero(inside.any(axis=1)), np.flatnonzero(inside.any(axis=0))
    if len(rows) == 0:
        return slice(0, 0), slice(0, 0)
    return (slice(max(rows[0] - margin, 0), rows[-1] + margin + 1),
            slice(max(cols[0] - margin, 0), cols[-1] + margin + 1))


def _to_interval(t: np.ndarray, h: np.ndarray, lo, hi) -> np.ndarray:
    """Distance from the point at (along t, off h) to the stretch lo..hi of the line (inf if empty)."""
    gap = np.maximum(np.maximum(lo - t, t - hi), 0.0)
    return np.where(np.asarray(lo) <= hi, np.hypot(gap, h), np.inf)


def _straddling(inside: np.ndarray) -> np.ndarray:
    """Nodes of the 2x2 cells that have nodes on both sides."""
    a, b, c, d = inside[:-1, :-1], inside[:-1, 1:], inside[1:, :-1], inside[1:, 1:]
    any_in = a | b | c | d
    mixed = any_in & ~(a & b & c & d)
    out = np.zeros(inside.shape, dtype=bool)
    out[:-1, :-1] |= mixed
    out[:-1, 1:] |= mixed
    out[1:, :-1] |= mixed
    out[1:, 1:] |= mixed
    return out


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
    return Window(i0, int(max(lo[1] - 1, 0)), i1, int(min(hi[1] + 2, sg.grid.ny)))


# -- tracing -------------------------------------------------------------------------------
def trace(x: np.ndarray, y: np.ndarray, z: np.ndarray, cell: float) -> shapely.Geometry:
    """The polygon where ``z <= 0`` (marching squares on nodes at 2-D *x*, *y*), without rings
    under 1 m², thinned."""
    ny, nx = z.shape
    if ny < 2 or nx < 2 or not (z <= 0).any():
        return shapely.MultiPolygon()
    gen = contourpy.SerialContourGenerator(  # contour_generator() would redo the 2-D coordinates each time
        x, y, np.ascontiguousarray(z, dtype=np.float64), None, x_chunk_size=nx - 1, y_chunk_size=ny - 1,
        line_type=contourpy.LineType.Separate, fill_type=contourpy.FillType.ChunkCombinedOffsetOffset,
        corner_mask=True, quad_as_tri=False, z_interp=contourpy.ZInterp.Linear)
    points, offsets, outer = gen.filled(-2 * FAR, 0.0)
    if points[0] is None:
        return shapely.MultiPolygon()
    pts, off, out = _drop_small(points[0], offsets[0].astype(np.int64), outer[0].astype(np.int64))
    pts, off = _thin(pts, off, THIN_OF_CELL * cell)
    if len(out) < 2:
        return shapely.MultiPolygon()
    polys = shapely.from_ragged_array(shapely.GeometryType.POLYGON, pts, (off, out))
    return shapely.multipolygons(polys)


def _ring_areas(pts: np.ndarray, off: np.ndarray) -> np.ndarray:
    x, y = pts[:, 0] - pts[0, 0], pts[:, 1] - pts[0, 1]
    cross = x[:-1] * y[1:] - x[1:] * y[:-1]
    cross = np.append(cross, 0.0)
    ends = off[1:] - 1  # the closing point of each ring: its term links to the next ring, drop it
    cross[ends] = 0.0
    return 0.5 * np.add.reduceat(cross, off[:-1]) if len(off) > 1 else np.zeros(0)


def _drop_small(pts: np.ndarray, off: np.ndarray, outer: np.ndarray):
    """Rings under :data:`MIN_RING_M2` out (an outer ring takes its holes with it)."""
    area = np.abs(_ring_areas(pts, off))
    n_rings = len(off) - 1
    poly_of_ring = np.repeat(np.arange(len(outer) - 1), np.diff(outer))
    is_outer = np.zeros(n_rings, dtype=bool)
    is_outer[outer[:-1]] = True
    keep_poly = area[outer[:-1]] >= MIN_RING_M2
    keep = keep_poly[poly_of_ring] & ((area >= MIN_RING_M2) | is_outer)
    if keep.all():
        return pts, off, outer
    counts = np.diff(off)[keep]
    pts = pts[_ranges(off[:-1][keep], off[1:][keep])]
    new_off = np.concatenate([[0], np.cumsum(counts)])
    rings_per_poly = np.bincount(poly_of_ring[keep], minlength=len(outer) - 1)[keep_poly]
    return pts, new_off, np.concatenate([[0], np.cumsum(rings_per_poly)])


def _thin(pts: np.ndarray, off: np.ndarray, tol: float) -> tuple[np.ndarray, np.ndarray]:
    """Remove vertices within *tol* of the chord of their neighbours, at even positions only (so
    no two neighbours go; a second pass for the odd ones costs as much again for little)."""
    n = len(pts)
    if n < 3:
        return pts, off
    ring = np.repeat(np.arange(len(off) - 1), np.diff(off))
    pos = np.arange(n) - off[ring]
    size = np.diff(off)[ring]
    a, b = pts[2:] - pts[:-2], pts[1:-1] - pts[:-2]  # vertex k+1 against the chord k .. k+2
    dev = np.abs(a[:, 0] * b[:, 1] - a[:, 1] * b[:, 0]) / np.maximum(np.hypot(a[:, 0], a[:, 1]), 1e-12)
    drop = np.zeros(n, dtype=bool)
    drop[1:-1] = dev < tol
    drop &= (pos > 0) & (pos < size - 1) & (pos % 2 == 0) & (size > 8)
    if not drop.any():
        return pts, off
    return pts[~drop], np.concatenate([[0], np.cumsum(np.bincount(ring[~drop], minlength=len(off) - 1))])
