"""Packed geometry for the map page: Web Mercator "world" coordinates in typed arrays.

A layer travels to the page as :class:`Packed`: a small JSON head and one binary body the
page fetches (gui/map/blobs.py) and views as typed arrays without parsing a number::

    head: {"kind": "polygon" | "line" | "point", "origin": [x0, y0], "coords": n, "rings": r}
    body: Float32 x,y relative to origin (2n) | Int32 first coordinate of each ring (r)
          | Int32 fid of each ring (r), little-endian

World coordinates are Web Mercator pixels at zoom 0 (a 256-unit world), the space the
page's tiled renderer draws in. Relative float32 keeps ~0.01 px at zoom 21 for a city.

Packing runs off the UI thread (:func:`packed` caches the result on the layer until its
data changes, and a layer read on a worker is packed there too). Without the layer's WGS 84
copy yet (:meth:`Layer.display_data`), packing makes it in the same pass: each block of
5,000 features has its coordinates and ring structure read once (``shapely.to_ragged_array``),
transformed to lon/lat once, and both the copy and the page's coordinates come from them
(50,000 compounds, 1.4 million vertices: 0.49 s, where making the copy and then packing
took 0.57 s, both measured at load 1.4; bench/bench_load.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from gis.crs import WGS84
from gis.feedback import SLICE
from gis.io.reproject import frame_transformer, transform_coords, with_geometries
from gis.layer import Layer, kept_per_data

WORLD = 256.0
MAX_LAT = 85.0511287798


def lonlat_to_world(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Web Mercator world coordinates (0..256) of lon/lat degrees."""
    la = np.radians(np.clip(lat, -MAX_LAT, MAX_LAT))
    x = (lon + 180.0) / 360.0 * WORLD
    y = (1.0 - np.log(np.tan(la) + 1.0 / np.cos(la)) / np.pi) / 2.0 * WORLD
    return x, y


def flat_rings(geoms: np.ndarray, kind: str) -> tuple[np.ndarray, np.ndarray]:
    """Flat rings (polygon rings, line parts or point groups) and the fid of each."""
    parts, part_fid = shapely.get_parts(geoms, return_index=True)
    if kind == "polygon":
        rings, ring_part = shapely.get_rings(parts, return_index=True)
        return rings, part_fid[ring_part]
    return parts, part_fid


_FAMILY = {shapely.GeometryType.POINT: "point", shapely.GeometryType.MULTIPOINT: "point",
           shapely.GeometryType.LINESTRING: "line", shapely.GeometryType.MULTILINESTRING: "line",
           shapely.GeometryType.POLYGON: "polygon", shapely.GeometryType.MULTIPOLYGON: "polygon"}


class _NotRagged(Exception):
    """A block shapely.to_ragged_array cannot take (mixed families, collections), or of another
    family than its layer's."""


def _ragged(geoms: np.ndarray, kind: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Coordinates of *geoms* (n × 2, in shapely.get_coordinates order), the first coordinate
    of each ring (polygon ring, line part, or point) and the row in *geoms* it belongs to."""
    try:
        gtype, coords, offsets = shapely.to_ragged_array(geoms)
    except ValueError as err:
        raise _NotRagged from err
    if _FAMILY.get(gtype) != kind:  # e.g. a block of lines in a polygon layer: drawn as before
        raise _NotRagged
    if not offsets:  # Points: one coordinate each, NaN for missing and empty ones
        rows = np.flatnonzero(~np.isnan(coords[:, 0]))
        return coords[rows], np.arange(rows.size), rows
    if gtype == shapely.GeometryType.MULTIPOINT:
        starts = np.arange(len(coords))  # every point its own ring
        return coords, starts, np.searchsorted(offsets[-1], starts, side="right") - 1
    owner = np.arange(len(offsets[0]) - 1)
    for level in offsets[1:]:  # ring -> part -> feature
        owner = np.searchsorted(level, owner, side="right") - 1
    keep = np.diff(offsets[0]) > 0  # an empty line has a ring of no coordinates
    return coords, offsets[0][:-1][keep].astype(np.int64), owner[keep]


@dataclass(frozen=True)
class Packed:
    """A layer's geometry for the page: the head (JSON-ready) and the binary body it describes."""

    head: dict
    body: bytes


def pack_layer(layer: Layer) -> Packed:
    """The layer's geometry, packed for the map page (see the module docstring).

    Without the layer's WGS 84 copy yet (:meth:`Layer.display_data`), the copy is made in the
    same pass and kept on the layer: each block's coordinates are read once (with their ring
    structure, shapely.to_ragged_array), transformed once, and serve both."""
    shown = layer._display
    if shown is not None:
        return pack_geometries(shown.geometry.values, layer.geom_type)
    geoms = np.asarray(layer.data.geometry.values, dtype=object)
    to_lonlat = frame_transformer(layer.data, WGS84) if len(geoms) else None
    made = np.empty_like(geoms)
    try:
        out = _pack_ragged(geoms, layer.geom_type, to_lonlat, made)
    except _NotRagged:  # mixed geometry families or collections: ring by ring from the WGS 84 copy
        return _pack_parts(layer.display_data().geometry.values, layer.geom_type)
    layer._display = layer.data if to_lonlat is None and len(geoms) else with_geometries(layer.data, made, WGS84)
    return out


def pack_geometries(geoms: np.ndarray, kind: str) -> Packed:
    """WGS 84 *geoms* of one *kind* (e.g. life-circle bands), packed; a ring's fid is its row."""
    geoms = np.asarray(geoms, dtype=object)
    try:
        return _pack_ragged(geoms, kind)
    except _NotRagged:
        return _pack_parts(geoms, kind)


def _pack_ragged(geoms: np.ndarray, kind: str, to_lonlat=None, made: np.ndarray | None = None) -> Packed:
    """Pack block by block from ragged arrays; with *to_lonlat*, transform each block's
    coordinates once and put the transformed geometries into *made*."""
    world, starts, fids, done = [], [], [], 0
    for k in range(0, len(geoms), SLICE):
        part = geoms[k:k + SLICE]
        coords, ring_start, ring_row = _ragged(part, kind)
        if to_lonlat is not None:
            transform_coords(to_lonlat, coords)
        if made is not None:
            made[k:k + SLICE] = part if to_lonlat is None else shapely.set_coordinates(part.copy(), coords)
        world.append(np.column_stack(lonlat_to_world(coords[:, 0], coords[:, 1])))
        starts.append(ring_start + done)
        fids.append(ring_row + k)
        done += len(coords)
    return _packed(kind, world, starts, fids)


def _pack_parts(geoms: np.ndarray, kind: str) -> Packed:
    """Pack WGS 84 *geoms* ring by ring (any mix of families and collections)."""
    world, starts, fids, done = [], [], [], 0
    rows = np.flatnonzero(~(shapely.is_missing(geoms) | shapely.is_empty(geoms)))
    for k in range(0, len(rows), SLICE):
        rings, ring_row = flat_rings(geoms[rows[k:k + SLICE]], kind)
        xy, coord_ring = shapely.get_coordinates(rings, return_index=True)
        counts = np.bincount(coord_ring, minlength=len(rings))
        world.append(np.column_stack(lonlat_to_world(xy[:, 0], xy[:, 1])))
        starts.append(np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64) + done)
        fids.append(rows[k:k + SLICE][ring_row])
        done += len(xy)
    return _packed(kind, world, starts, fids)


def _packed(kind: str, world: list, starts: list, fids: list) -> Packed:
    """The head and body of blocks of world coordinates, ring starts (global) and ring fids."""
    ring_start = np.concatenate(starts) if starts else np.zeros(0, np.int64)
    ring_fid = np.concatenate(fids) if fids else np.zeros(0, np.int64)
    filled = [w for w in world if len(w)]
    origin = np.min([w.min(axis=0) for w in filled], axis=0) if ring_start.size and filled else np.zeros(2)
    rel = np.concatenate([(w - origin).astype(np.float32) for w in world]) if world else \
        np.zeros((0, 2), np.float32)  # in blocks, as all the rest: no step holds the GIL for long
    return encode(kind, origin, rel, ring_start, ring_fid)


def encode(kind: str, origin, rel: np.ndarray, ring_start: np.ndarray, ring_fid: np.ndarray) -> Packed:
    """The head and body of float32 world coordinates *rel* (relative to *origin*), the first
    coordinate of each ring and its fid (the layout of the module docstring)."""
    head = {"kind": kind, "origin": [float(v) for v in origin], "coords": len(rel), "rings": len(ring_start)}
    body = b"".join(a.astype(a.dtype.newbyteorder("<"), copy=False).tobytes()
                    for a in (rel, ring_start.astype(np.int32), ring_fid.astype(np.int32)))
    return Packed(head, body)


@kept_per_data
def packed(layer: Layer) -> Packed:
    """:func:`pack_layer`, kept on the layer until its data is replaced."""
    return pack_layer(layer)

