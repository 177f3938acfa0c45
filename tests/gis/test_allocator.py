"""glibc's malloc keeps freed memory for reuse once main.py set it (gis.allocator)."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = """
import resource, sys
import numpy as np
if sys.argv[1] == "keep":
    from gis.allocator import keep_freed_memory
    assert keep_freed_memory()
faults = []
for _ in range(4):  # 24 MB of 3 MB arrays made and dropped, four times
    f0 = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    arrays = [np.ones((3 << 20) // 8) for _ in range(8)]
    del arrays
    faults.append(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - f0)
print(sum(faults[1:]))
"""


def _later_faults(mode: str) -> int:
    run = subprocess.run([sys.executable, "-c", ROUNDS, mode], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr[-2000:]
    return int(run.stdout.split()[-1])


@pytest.mark.skipif(not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc", reason="glibc only")
def test_freed_arrays_memory_is_reused_not_faulted_in_again():
    default, kept = _later_faults("default"), _later_faults("keep")
    assert default > 10_000  # glibc's defaults: each round's 24 MB are new pages (6,000 faults a round)
    assert kept < default / 10


def test_main_sets_it_before_any_face_starts():
    text = (ROOT / "main.py").read_text(encoding="utf-8")
    body = text[text.index("def main("):]
    assert body.index("keep_freed_memory()") < body.index("from gis import cli")


def test_it_is_a_no_op_off_glibc(monkeypatch):
    from gis import allocator

    monkeypatch.setattr(allocator.platform, "libc_ver", lambda: ("", ""))
    assert allocator.keep_freed_memory() is False


HUGE = """
import sys
sys.argv[1:] and __import__("numpy")
from gis.allocator import keep_freed_memory
keep_freed_memory()
import numpy as np
print(np._core.multiarray._set_madvise_hugepage(True))  # returns the setting it replaces
"""


@pytest.mark.skipif(not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc", reason="glibc only")
@pytest.mark.parametrize("numpy_first", [False, True])
def test_numpy_asks_for_no_huge_pages(numpy_first):
    env = {k: v for k, v in os.environ.items() if k != "NUMPY_MADVISE_HUGEPAGE"}
    run = subprocess.run([sys.executable, "-c", HUGE] + (["numpy"] if numpy_first else []), cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.split()[-1] == "False"


ARENAS = """
import ctypes, sys, threading, time
import numpy as np
if sys.argv[1] == "keep":
    from gis.allocator import keep_freed_memory
    assert keep_freed_memory()
held, ready = [], threading.Barrier(7)
def work():
    held.append(np.ones((1 << 20) // 8))  # a 1 MB array made on this thread (its arena)
    ready.wait()
threads = [threading.Thread(target=work) for _ in range(6)]
for t in threads: t.start()
ready.wait()
for t in threads: t.join()
libc = ctypes.CDLL("libc.so.6")
libc.fopen.restype, libc.fopen.argtypes = ctypes.c_void_p, (ctypes.c_char_p, ctypes.c_char_p)
libc.malloc_info.argtypes, libc.fclose.argtypes = (ctypes.c_int, ctypes.c_void_p), (ctypes.c_void_p,)
fp = libc.fopen(sys.argv[2].encode(), b"w")
libc.malloc_info(0, fp)
libc.fclose(fp)
print(open(sys.argv[2]).read().count("<heap nr="))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc", reason="glibc only")
def test_threads_share_a_few_arenas(tmp_path):
    def arenas(mode: str) -> int:
        run = subprocess.run([sys.executable, "-c", ARENAS, mode, str(tmp_path / f"{mode}.xml")], cwd=ROOT,
                             capture_output=True, text=True, timeout=60)
        assert run.returncode == 0, run.stderr[-2000:]
        return int(run.stdout.split()[-1])

    from gis.allocator import ARENAS as most

    assert arenas("keep") <= most < arenas("default")


BLAS = """
import os, sys
from gis.allocator import keep_freed_memory
keep_freed_memory()
import numpy, scipy.linalg  # each loads an OpenBLAS
print(len(os.listdir("/proc/self/task")))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux") or (os.cpu_count() or 1) < 2, reason="Linux, 2+ cores")
def test_openblas_starts_no_threads_of_its_own():
    env = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}

    def threads(script: str) -> int:
        run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                             timeout=60)
        assert run.returncode == 0, run.stderr[-2000:]
        return int(run.stdout.split()[-1])

    assert threads(BLAS) == 1
    assert threads(BLAS.replace("keep_freed_memory()\n", "", 1)) > 1  # without it: OpenBLAS's own threads
