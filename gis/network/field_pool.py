"""Big float32 field buffers kept for reuse (the distance fields of :mod:`gis.network.field_areas`).

A city's per-type field is a (levels + 1) x 2.2 million float32 array (35 MB) made for each of its
7 types, each run. A fresh buffer that big is a fresh mapping from the OS (glibc maps arrays over
32 MB apart and unmaps them when freed): every page of it is faulted in and zeroed by the kernel,
about 9,000 faults a type, which cost more than filling the buffer. So a buffer whose arrays are
all gone goes back to this pool (``weakref.finalize`` on the array handed out: numpy views of it
keep it alive) and the next field of about its size is written into it.
"""

from __future__ import annotations

import threading
import weakref

import numpy as np

MIN_BYTES = 4 << 20  # smaller fields come from the heap, cheap to make afresh
KEEP_BYTES = 192 << 20  # free buffers kept at most (a city's 2 threads use 2-3 of 35 MB)
SLACK = 1.5  # a kept buffer serves a field needing at least 1 / SLACK of it
_FREE: list[np.ndarray] = []
_LOCK = threading.Lock()


def full(n: int, value: float) -> np.ndarray:
    """A 1-D float32 array of *n* values *value*, in a kept buffer when one fits (a new one
    otherwise); the buffer is kept again when the array and every view of it are gone."""
    if 4 * n < MIN_BYTES:
        return np.full(n, value, dtype=np.float32)
    store = _take(n)
    out = np.frombuffer(memoryview(store), dtype=np.float32, count=n)  # its views' base is *out*
    out.fill(value)
    weakref.finalize(out, _give_back, store).atexit = False
    return out


def _take(n: int) -> np.ndarray:
    with _LOCK:
        fits = [k for k, s in enumerate(_FREE) if n <= len(s) <= SLACK * n]
        if fits:
            return _FREE.pop(min(fits, key=lambda k: len(_FREE[k])))
    return np.empty(n, dtype=np.float32)


def _give_back(store: np.ndarray) -> None:
    with _LOCK:
        _FREE.append(store)
        while sum(s.nbytes for s in _FREE) > KEEP_BYTES:  # the oldest go first
            _FREE.pop(0)


def kept_bytes() -> int:
    """Bytes of the buffers kept free."""
    with _LOCK:
        return sum(s.nbytes for s in _FREE)


def release() -> None:
    """Drop the kept buffers (their memory)."""
    with _LOCK:
        _FREE.clear()
