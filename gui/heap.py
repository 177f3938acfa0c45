"""Python's cycle collector in a long-running window: what start-up leaves behind is set aside."""

from __future__ import annotations

import gc


def set_aside_startup_objects() -> None:
    """Take every object alive now out of the cycle collector's sight (``gc.freeze``).

    Call it once the window's modules are imported and before any data is loaded: what is
    alive then (modules, classes, functions; about 85,000 objects with Qt, pandas and the
    app) is never garbage, yet each full collection walked all of it with the GIL held:
    40-140 ms, three times while a 50,000-compound layer was read and prepared, each a pause
    of the window. Objects made later (layers, analyses) are collected as before.
    """
    gc.collect()  # garbage of start-up is freed, not set aside
    gc.freeze()
