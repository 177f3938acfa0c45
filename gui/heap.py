"""Python's cycle collector in a long-running window: what start-up leaves behind is set aside,
and so is what the window holds when it hands work to a worker; once the window has had no
task for a while, what was set aside is looked through once and the garbage in it freed."""

from __future__ import annotations

import gc
from typing import Callable

from PySide6.QtCore import QTimer

IDLE_MS = 15_000  # no task for this long: set-aside garbage is freed (one full collection, ~70-115 ms)
_idle_timer: QTimer | None = None


def set_aside_startup_objects() -> None:
    """Take every object alive now out of the cycle collector's sight (``gc.freeze``).

    Call it once the window's modules are imported and before any data is loaded: what is
    alive then (modules, classes, functions; about 85,000 objects with Qt, pandas and the
    app) is never garbage, yet each full collection walked all of it with the GIL held:
    40-140 ms, three times while a 50,000-compound layer was read and prepared, each a pause
    of the window. Objects made later are set aside when a task starts
    (:func:`set_aside_before_task`).
    """
    gc.collect()  # garbage of start-up is freed, not set aside
    gc.freeze()


def set_aside_before_task() -> None:
    """Take every object alive now out of the collector's sight, its young garbage freed first.

    Called by the window as it starts a worker (:class:`gui.worker.Task`): the layers and what
    earlier runs left (a city's road layer and walking network are 200,000 shapely geometries,
    which the collector tracks) are what the task's full collections would walk, with the GIL
    held in whichever worker happens to allocate: 84-115 ms in each of the window bench's
    Compute stalls over 100 ms; 12-16 ms once set aside. Only the young generations are
    collected first (a full collection is the pause avoided): a reference cycle that was
    already old when set aside and becomes garbage later stays allocated until the window is
    idle (:func:`free_set_aside_when_idle`); anything else is still freed by reference counting.
    """
    if _idle_timer is not None:
        _idle_timer.stop()
    gc.collect(1)
    gc.freeze()


def free_set_aside_when_idle(busy: Callable[[], bool]) -> None:
    """After :data:`IDLE_MS` with no task (*busy* false then), free the garbage set aside: the
    collector looks through everything once (a pause of the window of about a full
    collection, when nothing runs) and what is alive is set aside again. Without it, a
    reference cycle among removed layers or earlier results would stay allocated for the
    rest of the session."""
    global _idle_timer
    if _idle_timer is None:
        _idle_timer = QTimer()
        _idle_timer.setSingleShot(True)
        _idle_timer.setInterval(IDLE_MS)
        _idle_timer.timeout.connect(lambda: None if _idle_timer.busy() else free_set_aside())
    _idle_timer.busy = busy
    _idle_timer.start()


def free_set_aside() -> None:
    """Free the cyclic garbage among the set-aside objects, and set aside what is alive again."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
