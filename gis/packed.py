"""Packed geometry for the map page: Web Mercator "world" coordinates in typed arrays.

A layer travels to the page as :class:`Packed`: a small JSON head and one binary body the
page fetches (gui/map/blobs.py) and views as typed arrays without parsing a number::

    head: {"kind": "polygon" | "line" | "point", "origin": [x0, y0], "coords": n, "rings": r}
    body: Float32 x,y relative to origin (2n) | Int32 first coordinate of each ring (r)
          | Int32 fid of each ring (r), little-endian

World coordinates are Web Mercator pixels at zoom 0 (a 256-unit world), the space the
page's tiled renderer draws in. Relative float32 keeps ~0.01 px at zoom 21 for a city.

Packing 50,000 compounds takes about a second, so the map view packs off the UI thread
(:func:`packed` caches the result on the layer until its data changes, and a layer read
on a worker can be packed there too). The coordinates come from the layer's WGS 84 copy
when it is already made (:meth:`Layer.display_data`), so they are not transformed twice.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import shapely
from pyproj import Transformer

from gis.crs import WGS84
from gis.layer import Layer

WORLD = 256.0
MAX_LAT = 85.0511287798
BLOCK = 5_000  # features per step: shapely and numpy hold the GIL for one block at most


def lonlat_to_world(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Web Mercator world coordinates (0..256) of lon/lat degrees."""
    la = np.radians(np.clip(lat, -MAX_LAT, MAX_LAT))
    x = (lon + 180.0) / 360.0 * WORLD
    y = (1.0 - np.log(np.tan(la) + 1.0 / np.cos(la)) / np.pi) / 2.0 * WORLD
    return x, y


def _rings(geoms: np.ndarray, kind: str) -> tuple[np.ndarray, np.ndarray]:
    """Flat rings (polygon rings, line parts or point groups) and the fid of each."""
    parts, part_fid = shapely.get_parts(geoms, return_index=True)
    if kind == "polygon":
        rings, ring_part = shapely.get_rings(parts, return_index=True)
        return rings, part_fid[ring_part]
    return parts, part_fid


def _block(geoms: np.ndarray, fids: np.ndarray, kind: str,
           to_lonlat: Transformer | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """World coordinates, fid of each ring and coordinates per ring of the features *fids*."""
    rings, ring_fid = _rings(geoms[fids], kind)
    xy, coord_ring = shapely.get_coordinates(rings, return_index=True)
    lon, lat = (xy[:, 0], xy[:, 1]) if to_lonlat is None else to_lonlat.transform(xy[:, 0], xy[:, 1])
    world = np.column_stack(lonlat_to_world(np.asarray(lon), np.asarray(lat)))
    return world, fids[ring_fid], np.bincount(coord_ring, minlength=len(rings)).astype(np.int64)


@lru_cache(maxsize=32)
def _to_lonlat(crs) -> Transformer:
    return Transformer.from_crs(crs, WGS84, always_xy=True)


@dataclass(frozen=True)
class Packed:
    """A layer's geometry for the page: the head (JSON-ready) and the binary body it describes."""

    head: dict
    body: bytes


def pack_layer(layer: Layer) -> Packed:
    """The layer's geometry, packed for the map page (see the module docstring)."""
    shown = layer._display  # the WGS 84 copy when already made: no second transform
    geoms = (shown if shown is not None else layer.data).geometry.values
    return pack_geometries(geoms, layer.geom_type, None if shown is not None else _to_lonlat(layer.data.crs))


def pack_geometries(geoms: np.ndarray, kind: str, to_lonlat: Transformer | None = None) -> Packed:
    """*geoms* (WGS 84, else transformed by *to_lonlat*) of one *kind*, packed; fid = position."""
    geoms = np.asarray(geoms, dtype=object)
    fids = np.flatnonzero(~(shapely.is_missing(geoms) | shapely.is_empty(geoms)))
    blocks = [_block(geoms, fids[k:k + BLOCK], kind, to_lonlat) for k in range(0, len(fids), BLOCK)]
    ring_fid = np.concatenate([b[1] for b in blocks]) if blocks else np.zeros(0, np.int64)
    counts = np.concatenate([b[2] for b in blocks]) if blocks else np.zeros(0, np.int64)
    origin = np.min([b[0].min(axis=0) for b in blocks if len(b[0])], axis=0) if ring_fid.size else np.zeros(2)
    rel = np.concatenate([(b[0] - origin).astype(np.float32) for b in blocks]) if blocks else \
        np.zeros((0, 2), np.float32)  # in blocks, as all the rest: no step holds the GIL for long
    ring_start = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int32) if len(counts) else \
        np.zeros(0, np.int32)
    head = {"kind": kind, "origin": [float(v) for v in origin], "coords": len(rel), "rings": len(counts)}
    body = b"".join(a.astype(a.dtype.newbyteorder("<"), copy=False).tobytes()
                    for a in (rel, ring_start, ring_fid.astype(np.int32)))
    return Packed(head, body)


_cache: "weakref.WeakKeyDictionary[Layer, tuple[weakref.ref, Packed]]" = weakref.WeakKeyDictionary()
_cache_lock = threading.Lock()


def packed(layer: Layer) -> Packed:
    """:func:`pack_layer`, cached on the layer until its data is replaced."""
    data = layer.data
    with _cache_lock:
        hit = _cache.get(layer)
    if hit is not None and hit[0]() is data:
        return hit[1]
    out = pack_layer(layer)
    with _cache_lock:
        _cache[layer] = (weakref.ref(data), out)
    return out

