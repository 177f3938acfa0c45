"""Freed memory kept for reuse by the C allocator (glibc's malloc; nothing elsewhere).

The analyses make and drop numpy arrays of megabytes many times a run (a city's service areas:
about a gigabyte of temporaries). glibc's defaults give such memory back to the OS as soon as it
is freed (arrays over its *dynamic* mmap threshold are unmapped, and the heap's top is trimmed
past twice that), so the next array of that size is new pages again, each faulted in and zeroed
by the kernel: on the 100k-edge bench, 100-150 thousand page faults and 0.4-1.2 s of system time
in a 2 s run. :func:`keep_freed_memory` fixes the mmap threshold at its largest (32 MB: smaller
arrays come from the heap) and lets up to :data:`TRIM_BYTES` of freed heap stay for reuse, in
one arena (:data:`ARENAS`). glibc gives each new thread its own arena, up to 8 a core, each
keeping its own freed memory (after three city runs the process held 1.05-1.12 GB against the
defaults' 0.89-0.92 GB). A thread's arena is made of 64 MB heaps which glibc unmaps as soon as one
is empty, whatever the trim threshold, so with even 2 arenas the analysis threads' arrays came in
fresh pages run after run: a fresh process's city per-type run mapped 25 such heaps and had 130-176
thousand faults (117-126 thousand with one arena; CPU 1.73-2.26 s, median 1.93, against 1.69-2.06,
median 1.82), and a repeated run 22-43 thousand faults and 0.3-0.5 s of system time where one arena
has none; the process also held less (0.89-0.93 GB after five runs against 0.98-1.12 GB).
Arrays over 32 MB are still mapped apart (the big field buffers are pooled instead: see
:mod:`gis.network.field_pool`).

numpy asks the kernel for huge pages for every array of 4 MB or more (``madvise``); with the
kernel's THP ``defrag=madvise`` (Debian's default) a fault on such memory may first compact
memory to find a free 2 MB page: 0.2-0.3 s of system time while a city's street grid was built,
against 0.05-0.1 s with small pages, and no slower fields or tracings. :func:`keep_freed_memory`
turns that off too (numpy's ``NUMPY_MADVISE_HUGEPAGE``).

It also holds OpenBLAS (numpy's and scipy's each load one) to the calling thread
(``OPENBLAS_NUM_THREADS=1`` unless set): each library starts a thread per further core when it
loads, and those threads spin for a while before they sleep. The analyses make no BLAS calls
worth threads (a few tiny least squares), but the first network run loads scipy.linalg (with
scipy.sparse.csgraph): on the 2-core city bench its spinning thread took ~3 % of that run's CPU
from the analysis threads.
"""

from __future__ import annotations

import ctypes
import os
import platform
import sys

MMAP_BYTES = 32 << 20  # glibc's largest allowed mmap threshold on 64-bit (HEAP_MAX_SIZE / 2)
TRIM_BYTES = 128 << 20  # freed heap kept at most before it is given back to the OS (512 MB kept no fewer faults)
ARENAS = 1  # malloc arenas at most: the analyses' threads share the main heap (see above)
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD, _M_ARENA_MAX = -1, -3, -8  # mallopt parameters (malloc.h)


def keep_freed_memory() -> bool:
    """Set glibc's thresholds and arenas, numpy's huge pages off and OpenBLAS to one thread (once, at
    process start: main.py does it for every face); whether glibc's were set (False off glibc, where
    only OpenBLAS is set)."""
    _one_blas_thread()
    if not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc":
        return False
    _no_huge_pages()
    try:
        mallopt = ctypes.CDLL("libc.so.6").mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes, mallopt.restype = (ctypes.c_int, ctypes.c_int), ctypes.c_int
    return all([mallopt(_M_MMAP_THRESHOLD, MMAP_BYTES), mallopt(_M_TRIM_THRESHOLD, TRIM_BYTES),
                mallopt(_M_ARENA_MAX, ARENAS)])


def _one_blas_thread() -> None:
    """OpenBLAS without threads of its own: read when each library loads (a library loaded already
    keeps its threads)."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def _no_huge_pages() -> None:
    """numpy's madvise for huge pages off: read from the environment when numpy is imported, set
    directly once it is (numpy >= 1.20 has the setter)."""
    os.environ.setdefault("NUMPY_MADVISE_HUGEPAGE", "0")
    numpy = sys.modules.get("numpy")
    setter = getattr(getattr(getattr(numpy, "_core", None), "multiarray", None), "_set_madvise_hugepage", None)
    if setter is not None and os.environ["NUMPY_MADVISE_HUGEPAGE"] == "0":
        setter(False)
