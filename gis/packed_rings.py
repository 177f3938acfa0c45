"""Polygons packed for the map page ring by ring, kept so that a change inside boxes travels as a patch.

A type's life-circle bands (a city's: 371,000 vertices, 21,000 rings) are packed once
(:class:`PackedRings`, the body of :mod:`gis.packed`: each row's rings, fid = row). When a
planned site is added, moved or removed, the engine re-traces only boxes of the type's field
(:mod:`gis.network.field_patch`): every ring whose bounds miss those boxes is the same ring,
coordinate for coordinate, before and after. :meth:`PackedRings.patched` therefore compares only
the rings whose bounds meet the boxes (by their packed bytes) and hands back a :class:`RingPatch`:
the rings to drop (by their index within their row) and the rings to add, which the page applies
to the layer it draws (tiled.js ``applyPatch``), redrawing only the tiles over the boxes.

Ring order is the contract: rows in order, in each row the rings kept in order, then the rings
added; :meth:`PackedRings.packed` of the patched store is what the page holds after the patch.
Coordinates are drawn as they are (no simplification here: the page simplifies per zoom).

>>> # rings = PackedRings.of(bands, crs); rings2, patch = rings.patched(new_bands, boxes)
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import shapely
from pyproj import CRS

from gis.crs import WGS84
from gis.io.reproject import transform_coords, transformer_for
from gis.packed import Packed, encode, flat_rings, lonlat_to_world


@dataclass(frozen=True)
class RingPatch:
    """What changed: ``remove`` [[fid, [ring index within the row, ...]], ...], the rings added
    (``packed``: head and body as :mod:`gis.packed`, relative to the layer's own origin) and the
    boxes to redraw, in world coordinates ([[x0, y0, x1, y1], ...])."""

    remove: list
    packed: Packed
    boxes: list

    @property
    def size(self) -> int:
        """Rings dropped plus rings added."""
        return sum(len(r) for _, r in self.remove) + self.packed.head["rings"]


@dataclass(frozen=True, eq=False)
class PackedRings:
    """Rows of polygons packed ring by ring: world coordinates relative to *origin* (float32),
    ring offsets into them, the row (fid) and the bounds (in *crs*) of each ring; rows in order."""

    crs: CRS
    to_lonlat: object
    origin: np.ndarray
    xy: np.ndarray
    offsets: np.ndarray
    fids: np.ndarray
    bounds: np.ndarray

    @classmethod
    def of(cls, geoms, crs, origin: np.ndarray | None = None) -> PackedRings:
        """*geoms* (polygons or multipolygons in *crs*, one per row) packed, relative to *origin*
        (world coordinates; else their least)."""
        geoms = np.asarray(geoms, dtype=object)
        crs = CRS.from_user_input(crs)
        rings, fids = flat_rings(geoms, "polygon")  # shell, then holes, part by part
        fids = fids.astype(np.int64)
        box = tuple(shapely.total_bounds(geoms)) if len(rings) else (0.0, 0.0, 1.0, 1.0)
        to_lonlat = None if crs.equals(WGS84) else transformer_for(crs, WGS84, box)
        world, offsets = _world(rings, to_lonlat)
        if origin is None:
            origin = world.min(axis=0) if len(world) else np.zeros(2)
        return cls(crs, to_lonlat, origin, (world - origin).astype(np.float32), offsets,
                   fids, shapely.bounds(rings).reshape(-1, 4))

    def __deepcopy__(self, memo) -> PackedRings:
        """Itself: a store is never changed (pandas deep-copies a frame's attrs on every copy)."""
        return self

    @property
    def rows(self) -> int:
        return int(self.fids.max(initial=-1)) + 1

    def packed(self) -> Packed:
        """The page's body (gis.packed's layout), rings in the store's order."""
        return encode("polygon", self.origin, self.xy, self.offsets[:-1], self.fids)

    def patched(self, geoms, boxes: np.ndarray) -> tuple[PackedRings, RingPatch | None]:
        """The store of *geoms* (the same rows, changed only inside *boxes*: (k, 4) bounds in the
        store's CRS) and the patch from this one to it; (the store packed whole, None) when the
        rows differ or the result does not add up (then the page is sent everything)."""
        geoms = np.asarray(geoms, dtype=object)
        boxes = np.asarray(boxes, dtype=float).reshape(-1, 4)
        if len(geoms) != self.rows:
            return PackedRings.of(geoms, self.crs), None
        parts, part_row = shapely.get_parts(geoms, return_index=True)
        rings, fids = _near_rings(parts, part_row, boxes)
        world, offsets = _world(rings, self.to_lonlat)
        xy = (world - self.origin).astype(np.float32)
        old = np.flatnonzero(_meets(self.bounds, boxes))
        gone, new = _unmatched([(f, self.xy[self.offsets[i]:self.offsets[i + 1]]) for i, f in zip(old, self.fids[old])],
                               [(f, xy[a:b]) for f, a, b in zip(fids, offsets, offsets[1:])])
        removed, added = old[gone], np.asarray(new, dtype=np.int64)
        new_xy, new_offsets = _take(xy, offsets, added)
        piece = PackedRings(self.crs, self.to_lonlat, self.origin, new_xy, new_offsets, fids[added],
                            shapely.bounds(rings[added]).reshape(-1, 4))
        store = self._with(removed, piece)
        if not store._adds_up(parts, geoms):
            return PackedRings.of(geoms, self.crs), None
        starts = np.searchsorted(self.fids, np.arange(self.rows))
        by_row = defaultdict(list)
        for i, f in zip(removed.tolist(), self.fids[removed].tolist()):
            by_row[f].append(i - int(starts[f]))
        return store, RingPatch(sorted([f, r] for f, r in by_row.items()), piece.packed(), self._world_boxes(boxes))

    def _with(self, removed: np.ndarray, piece: PackedRings) -> PackedRings:
        """This store without the rings *removed*, with the rings of *piece* at the end of their rows."""
        keep = np.ones(len(self.fids), dtype=bool)
        keep[removed] = False
        coord_keep = np.repeat(keep, np.diff(self.offsets))
        cuts = np.searchsorted(self.fids, np.arange(self.rows + 1))
        xy, counts, fids, bounds = [], [], [], []
        for f in range(self.rows):
            a, b = cuts[f], cuts[f + 1]
            mine = np.flatnonzero(piece.fids == f)
            xy += [self.xy[self.offsets[a]:self.offsets[b]][coord_keep[self.offsets[a]:self.offsets[b]]]]
            xy += [piece.xy[piece.offsets[k]:piece.offsets[k + 1]] for k in mine]
            counts += [np.diff(self.offsets[a:b + 1])[keep[a:b]], np.diff(piece.offsets)[mine]]
            fids += [np.full(int(keep[a:b].sum()) + len(mine), f)]
            bounds += [self.bounds[a:b][keep[a:b]], piece.bounds[mine]]
        offsets = np.concatenate([[0], np.cumsum(np.concatenate(counts))]).astype(np.int64)
        return PackedRings(self.crs, self.to_lonlat, self.origin, np.concatenate(xy) if xy else self.xy[:0],
                           offsets, np.concatenate(fids).astype(np.int64), np.concatenate(bounds).reshape(-1, 4))

    def _adds_up(self, parts: np.ndarray, geoms: np.ndarray) -> bool:
        """Whether this store holds as many rings and vertices as *geoms* (of *parts*): a cheap check."""
        return (int(np.sum(shapely.get_num_interior_rings(parts)) + len(parts)) == len(self.fids)
                and int(np.sum(shapely.get_num_coordinates(geoms))) == len(self.xy))

    def _world_boxes(self, boxes: np.ndarray) -> list:
        """*boxes* as world rectangles around them (their edges sampled: the projection bends them)."""
        out = []
        for x0, y0, x1, y1 in boxes:
            t = np.linspace(0.0, 1.0, 9)
            xy = np.column_stack([np.r_[x0 + t * (x1 - x0), np.full(9, x1), x1 - t * (x1 - x0), np.full(9, x0)],
                                  np.r_[np.full(9, y0), y0 + t * (y1 - y0), np.full(9, y1), y1 - t * (y1 - y0)]])
            if self.to_lonlat is not None:
                transform_coords(self.to_lonlat, xy)
            wx, wy = lonlat_to_world(xy[:, 0], xy[:, 1])
            pad = 1e-3 * max(wx.max() - wx.min(), wy.max() - wy.min())
            out.append([float(wx.min() - pad), float(wy.min() - pad), float(wx.max() + pad), float(wy.max() + pad)])
        return out


def _near_rings(parts: np.ndarray, part_row: np.ndarray, boxes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The rings of *parts* (of rows *part_row*) whose bounds meet any of *boxes*, and their rows."""
    near = _meets(shapely.bounds(parts).reshape(-1, 4), boxes)
    rings, ring_part = shapely.get_rings(parts[near], return_index=True)
    hit = _meets(shapely.bounds(rings).reshape(-1, 4), boxes)
    return rings[hit], part_row[near][ring_part[hit]].astype(np.int64)


def _meets(bounds: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """Which *bounds* (n, 4) meet any of *boxes* (k, 4)."""
    hit = np.zeros(len(bounds), dtype=bool)
    for x0, y0, x1, y1 in boxes:
        hit |= (bounds[:, 0] <= x1) & (bounds[:, 2] >= x0) & (bounds[:, 1] <= y1) & (bounds[:, 3] >= y0)
    return hit


def _world(rings: np.ndarray, to_lonlat) -> tuple[np.ndarray, np.ndarray]:
    """World coordinates (float64) of *rings* and the offset of each ring into them (r + 1)."""
    xy, owner = shapely.get_coordinates(rings, return_index=True)
    if to_lonlat is not None and len(xy):
        transform_coords(to_lonlat, xy)
    offsets = np.concatenate([[0], np.cumsum(np.bincount(owner, minlength=len(rings)))]).astype(np.int64)
    return np.column_stack(lonlat_to_world(xy[:, 0], xy[:, 1])) if len(xy) else np.zeros((0, 2)), offsets


def _take(xy: np.ndarray, offsets: np.ndarray, rings: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The coordinates and offsets of *rings* (indices, in that order)."""
    counts = offsets[1:][rings] - offsets[:-1][rings]
    new_offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    index = np.repeat(offsets[:-1][rings] - new_offsets[:-1], counts) + np.arange(new_offsets[-1])
    return xy[index], new_offsets


def _unmatched(old: list[tuple], new: list[tuple]) -> tuple[list[int], list[int]]:
    """Positions in *old* with no equal (row, ring) in *new*, and positions in *new* with none in
    *old* (a band's hole is often the next band's outline: the same ring in another row). A ring
    re-traced from another vertex is the same ring (:func:`_from_least`, tried on what is left
    unpaired only): the page keeps it as it was, since redrawn from its new start inside the
    boxes only, its dashes would break at their edge."""
    lost, fresh = _unpaired([(int(row), ring.tobytes()) for row, ring in old],
                            [(int(row), ring.tobytes()) for row, ring in new])
    still_lost, changed = _unpaired([(int(old[k][0]), _from_least(old[k][1])) for k in lost],
                                    [(int(new[k][0]), _from_least(new[k][1])) for k in fresh])
    return [lost[i] for i in still_lost], [fresh[i] for i in changed]


def _unpaired(old_keys: list, new_keys: list) -> tuple[list[int], list[int]]:
    """Positions in *old_keys* and in *new_keys* left once equal keys are paired off one to one."""
    pool = defaultdict(list)
    for k, key in enumerate(old_keys):
        pool[key].append(k)
    fresh = []
    for k, key in enumerate(new_keys):
        same = pool.get(key)
        if same:
            same.pop()
        else:
            fresh.append(k)
    return sorted(k for ks in pool.values() for k in ks), fresh


def _from_least(ring: np.ndarray) -> bytes:
    """The bytes of closed *ring* (n, 2) as if it started at its least vertex (by x, then y; of
    several such starts the least bytes), the same for every start vertex of one ring."""
    if len(ring) < 3 or not np.array_equal(ring[0], ring[-1]):
        return ring.tobytes()
    open_ = ring[:-1]
    least = np.flatnonzero((open_ == open_[np.lexsort((open_[:, 1], open_[:, 0]))[0]]).all(axis=1))
    return min(np.concatenate([open_[s:], open_[:s], open_[s:s + 1]]).tobytes() for s in least)
