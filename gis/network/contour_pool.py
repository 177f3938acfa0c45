"""Contour generators kept for reuse on big grids (the outlines of :mod:`gis.network.field_areas`).

A contourpy generator's constructor walks every node of its grid (about 5 ns a node: 10 ms for a
city's 2.2 million nodes, a quarter of a trace). A city's 7 types x 5 outlines are traced on
grids of the same shape, so a generator made once is kept with its z buffer, and a trace writes
its field into that buffer and calls ``filled`` again. contourpy reads z at each ``filled`` call
(its constructor keeps a reference to a float64 C-ordered array, no copy); :func:`_reuse_works`
checks this once on a small grid, and generators are made afresh if it ever stops being so.
"""

from __future__ import annotations

import functools
import threading
from contextlib import contextmanager

import contourpy
import numpy as np

REUSE_NODES = 250_000  # grids of at least this many nodes keep their generator (smaller ones are cheap)
KEEP_NODES = 9_000_000  # nodes of the kept generators at most (12 bytes a node: ~110 MB)
_FREE: dict[tuple[int, int], list] = {}
_LOCK = threading.Lock()


def new_generator(x: np.ndarray, y: np.ndarray, z: np.ndarray) -> contourpy.ThreadedContourGenerator:
    """A generator of filled contours of *z* (float64, C order) on nodes *x*, *y*, in one chunk.
    The threaded generator lets the GIL go while tracing (the serial one holds it)."""
    ny, nx = z.shape
    return contourpy.ThreadedContourGenerator(
        x, y, z, None, x_chunk_size=nx - 1, y_chunk_size=ny - 1, line_type=contourpy.LineType.Separate,
        fill_type=contourpy.FillType.ChunkCombinedOffsetOffset, corner_mask=True, quad_as_tri=False,
        z_interp=contourpy.ZInterp.Linear, thread_count=1)


@contextmanager
def generator_for(x: np.ndarray, y: np.ndarray):
    """``(generator, z)`` for nodes *x*, *y*: write the field into ``z`` (float64, the shape of *x*),
    then call ``generator.filled``. Kept for the next trace of this shape when the grid is big."""
    key = x.shape
    item = None
    with _LOCK:
        if _FREE.get(key):
            item = _FREE[key].pop()
    if item is None:
        z = np.zeros(key)
        item = (new_generator(x, y, z), z)
    try:
        yield item
    finally:
        _keep(key, item)


def _keep(key: tuple[int, int], item: tuple) -> None:
    size = key[0] * key[1]
    if size < REUSE_NODES or size > KEEP_NODES or not _reuse_works():
        return
    with _LOCK:
        if _kept_nodes() + size > KEEP_NODES:  # another shape's generators go first
            for other in [k for k in _FREE if k != key]:
                del _FREE[other]
        if _kept_nodes() + size <= KEEP_NODES:
            _FREE.setdefault(key, []).append(item)


def _kept_nodes() -> int:
    return sum(k[0] * k[1] * len(items) for k, items in _FREE.items())


def release() -> None:
    """Drop the kept generators (their memory)."""
    with _LOCK:
        _FREE.clear()


@functools.lru_cache(maxsize=1)
def _reuse_works() -> bool:
    """Whether a generator traces new values written into its z buffer like a new generator does."""
    x, y = np.meshgrid(np.arange(4.0), np.arange(4.0))
    z = np.ones((4, 4))
    gen = new_generator(x, y, z)
    gen.filled(-1.0, 0.0)
    z[1:3, 1:3] = -1.0
    again, fresh = gen.filled(-2.0, 0.0), new_generator(x, y, z.copy()).filled(-2.0, 0.0)
    return again[0][0] is not None and all(np.array_equal(a[0], b[0]) for a, b in zip(again, fresh))
