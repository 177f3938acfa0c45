"""Shapely calls on big geometry arrays, made a slice at a time.

A shapely function that makes or takes apart geometries (``get_parts``, ``linestrings``,
``get_point``, ``get_coordinates``, ``force_2d``) holds the GIL for the whole call: 90-150 ms on a
city's 100,000 road lines, which froze the window while its network was built in the background.
Slices of :data:`CHUNK` geometries hold it ~10 ms each, and the UI thread runs in between.
"""

from __future__ import annotations

from typing import Callable

import numpy as np
import shapely

CHUNK = 10_000  # geometries per call: ~10 ms for road lines of a few vertices, the GIL hold that
# gis.feedback.SLICE gives 5,000 compounds of ~40 vertices (per geometry these calls cost ~1 µs)


def chunked(fn: Callable[..., np.ndarray], geoms: np.ndarray, *args, **kwargs) -> np.ndarray:
    """``fn(geoms, ...)`` made :data:`CHUNK` geometries at a time (*fn* maps one output per input)."""
    geoms = np.asarray(geoms, dtype=object)
    if len(geoms) <= CHUNK:
        return fn(geoms, *args, **kwargs)
    return np.concatenate([fn(geoms[i:i + CHUNK], *args, **kwargs) for i in range(0, len(geoms), CHUNK)])


def coordinates(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``shapely.get_coordinates(geoms, return_index=True)``, a slice at a time."""
    geoms = np.asarray(geoms, dtype=object)
    xy, owner = [np.zeros((0, 2))], [np.zeros(0, dtype=np.int64)]
    for i in range(0, len(geoms), CHUNK):
        c, o = shapely.get_coordinates(geoms[i:i + CHUNK], return_index=True)
        xy.append(c)
        owner.append(o + i)
    return np.concatenate(xy), np.concatenate(owner)


def parts(geoms: np.ndarray) -> np.ndarray:
    """``shapely.get_parts(geoms)``: the parts of every geometry in order, a slice at a time."""
    geoms = np.asarray(geoms, dtype=object)
    if np.all(shapely.get_type_id(geoms) == shapely.GeometryType.LINESTRING):  # already single parts
        return geoms
    return np.concatenate([np.empty(0, object)] + [shapely.get_parts(geoms[i:i + CHUNK])
                                                     for i in range(0, len(geoms), CHUNK)])


def parts_of(geom) -> np.ndarray:
    """The parts of one multi-part geometry, :data:`CHUNK` at a time."""
    n = int(shapely.get_num_geometries(geom))
    return np.concatenate([np.empty(0, object)] + [shapely.get_geometry(geom, np.arange(i, min(i + CHUNK, n)))
                                                     for i in range(0, n, CHUNK)])


def node(lines: np.ndarray) -> np.ndarray:
    """``get_parts(node(multilinestrings(lines)))``: the lines split where they cross or touch.
    The GEOS noding releases the GIL; the collection is put together and taken apart in slices."""
    lines = np.asarray(lines, dtype=object)
    multis = [shapely.multilinestrings(lines[i:i + CHUNK]) for i in range(0, len(lines), CHUNK)]
    return parts_of(shapely.node(shapely.geometrycollections(multis)))


def line_ends(lines: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The first and the last vertex of every line, (n, 2) each."""
    first, last = [np.zeros((0, 2))], [np.zeros((0, 2))]
    for i in range(0, len(lines), CHUNK):
        xy, owner = shapely.get_coordinates(lines[i:i + CHUNK], return_index=True)
        start, end = end_index(owner, len(lines[i:i + CHUNK]))
        first.append(np.take(xy, start, axis=0))
        last.append(np.take(xy, end, axis=0))
    return np.concatenate(first), np.concatenate(last)


def end_index(owner: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Where each of *n* lines' first and last vertex are in their coordinates, given the
    coordinates' *owner* line (``get_coordinates(..., return_index=True)``, sorted)."""
    return np.searchsorted(owner, np.arange(n)), np.searchsorted(owner, np.arange(n), side="right") - 1


def lines_from(coords: np.ndarray, index: np.ndarray) -> np.ndarray:
    """``shapely.linestrings(coords, indices=index)`` (index sorted, 0..n-1), a slice at a time."""
    n = int(index[-1]) + 1 if len(index) else 0
    cut = np.searchsorted(index, np.arange(0, n + CHUNK, CHUNK))
    return np.concatenate([np.empty(0, object)] + [
        shapely.linestrings(coords[cut[k]:cut[k + 1]], indices=index[cut[k]:cut[k + 1]] - k * CHUNK)
        for k in range(len(cut) - 1) if cut[k + 1] > cut[k]])
