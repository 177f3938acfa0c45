"""Python's cycle collector in a long-running window: what start-up leaves behind is set aside,
and so is what the window holds when it hands work to a worker."""

from __future__ import annotations

import gc


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
    already old when set aside and becomes garbage later stays allocated (``gc.unfreeze``
    gives it back); anything else set aside is still freed by reference counting.
    """
    gc.collect(1)
    gc.freeze()
