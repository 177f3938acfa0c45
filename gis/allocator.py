"""Freed memory kept for reuse by the C allocator (glibc's malloc; nothing elsewhere).

The analyses make and drop numpy arrays of megabytes many times a run (a city's service areas:
about a gigabyte of temporaries). glibc's defaults give such memory back to the OS as soon as it
is freed (arrays over its *dynamic* mmap threshold are unmapped, and the heap's top is trimmed
past twice that), so the next array of that size is new pages again, each faulted in and zeroed
by the kernel: on the 100k-edge bench, 100-150 thousand page faults and 0.4-1.2 s of system time
in a 2 s run. :func:`keep_freed_memory` fixes the mmap threshold at its largest (32 MB: smaller
arrays come from the heap) and lets up to :data:`TRIM_BYTES` of freed heap stay for reuse.
Arrays over 32 MB are still mapped apart (the big field buffers are pooled instead: see
:mod:`gis.network.field_pool`).
"""

from __future__ import annotations

import ctypes
import platform
import sys

MMAP_BYTES = 32 << 20  # glibc's largest allowed mmap threshold on 64-bit (HEAP_MAX_SIZE / 2)
TRIM_BYTES = 512 << 20  # freed heap kept at most before it is given back to the OS
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # mallopt parameters (malloc.h)


def keep_freed_memory() -> bool:
    """Set glibc's thresholds (once, at process start: main.py does it for every face);
    whether they were set (False off glibc)."""
    if not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc":
        return False
    try:
        mallopt = ctypes.CDLL("libc.so.6").mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes, mallopt.restype = (ctypes.c_int, ctypes.c_int), ctypes.c_int
    return bool(mallopt(_M_MMAP_THRESHOLD, MMAP_BYTES)) and bool(mallopt(_M_TRIM_THRESHOLD, TRIM_BYTES))
