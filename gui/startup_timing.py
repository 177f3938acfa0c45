"""The start-up figure: how long from starting the program to the drawn demo.

:data:`FIRST_DRAW` is the map's own report (``MapView.drawnAll``): the page has drawn every
layer of the opened project (the demo district by default), two frames have passed, nothing
more was waiting to be sent to it and it had the map widget's size (:func:`drawn_as_laid_out`).
That frame may still precede the fit (a message in flight) and reaches the window a little later
(QtWebEngine hands frames over asynchronously). So ``--screenshot`` also reports :data:`SHOWN`,
the first grab of the window that one more fit-and-draw round left unchanged: the start-up
figure, as a user would see it. ``--timing`` prints each milestone on stderr as
``timing: <what> <wall> s (cpu <cpu> s)``: wall seconds since the operating system started the
process (the frozen app's loader and Python's own start included), CPU seconds of this process
(the QtWebEngine helper processes not included).
"""

from __future__ import annotations

import os
import sys
import time

FIRST_DRAW = "first-draw"  # the page's first report of every layer drawn at the map's size
SHOWN = "shown"  # screenshot mode: the first grab of the window that a further fit-and-draw left unchanged
_IMPORTED = time.perf_counter()
_on = {"enabled": False}


def enable() -> None:
    """Print the milestones from now on (``--timing``)."""
    _on["enabled"] = True


def process_age() -> float:
    """Seconds since this process started (where the OS cannot say: since this module loaded)."""
    try:
        if sys.platform.startswith("linux"):
            with open("/proc/self/stat", encoding="ascii") as f:
                ticks = int(f.read().rsplit(")", 1)[1].split()[19])  # field 22: start, clock ticks after boot
            return time.clock_gettime(time.CLOCK_BOOTTIME) - ticks / os.sysconf("SC_CLK_TCK")
        if sys.platform == "win32":
            return _windows_process_age()
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    return time.perf_counter() - _IMPORTED


def _windows_process_age() -> float:
    import ctypes
    from ctypes import wintypes

    created, _exited, _kernel, _user, now = (wintypes.FILETIME() for _ in range(5))
    kernel32 = ctypes.windll.kernel32
    if not kernel32.GetProcessTimes(kernel32.GetCurrentProcess(), ctypes.byref(created), ctypes.byref(_exited),
                                    ctypes.byref(_kernel), ctypes.byref(_user)):
        raise OSError("GetProcessTimes failed")
    kernel32.GetSystemTimePreciseAsFileTime(ctypes.byref(now))

    def ticks(ft) -> int:  # 100 ns units
        return (ft.dwHighDateTime << 32) | ft.dwLowDateTime

    return (ticks(now) - ticks(created)) / 1e7


def now() -> tuple[float, float]:
    """(wall seconds since the process started, CPU seconds of this process)."""
    return process_age(), time.process_time()


def report(what: str, at: tuple[float, float] | None = None) -> None:
    """Print milestone *what* (reached now, or *at*) on stderr, when enabled (and there is a
    stderr: not in the Windows window executable)."""
    if _on["enabled"] and sys.stderr is not None:
        wall, cpu = at or now()
        print(f"timing: {what} {wall:.2f} s (cpu {cpu:.2f} s)", file=sys.stderr, flush=True)


def drawn_as_laid_out(map_view) -> bool:
    """Whether the page's last draw came after every message to it (layers, the fit) was sent and
    had the map widget's own size (QtWebEngine resizes the page asynchronously: a fit made before
    shows the district too small)."""
    return not map_view.outbox.pending and map_view.page_size == (map_view.width(), map_view.height())


def report_first_draw(map_view) -> None:
    """Report :data:`FIRST_DRAW` when *map_view* first says every layer is drawn at its size."""

    def drawn() -> None:
        if drawn_as_laid_out(map_view):
            map_view.drawnAll.disconnect(drawn)
            report(FIRST_DRAW)

    map_view.drawnAll.connect(drawn)
