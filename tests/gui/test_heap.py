"""Start-up objects are set aside from the cycle collector; what is made later is still collected."""

from __future__ import annotations

import gc
import weakref

from gui.heap import set_aside_startup_objects


class _Node:
    pass


def test_startup_objects_are_set_aside_and_later_cycles_are_still_freed():
    try:
        set_aside_startup_objects()
        assert gc.get_freeze_count() > 1000  # modules, classes, functions of the test session
        node = _Node()
        node.me = node  # a cycle: only the collector frees it
        gone = weakref.ref(node)
        del node
        gc.collect()
        assert gone() is None
    finally:
        gc.unfreeze()
