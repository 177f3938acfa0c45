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


def test_a_task_starts_with_what_the_window_holds_set_aside_and_young_cycles_freed(app):
    from gui.worker import run_task

    held = [_Node()]  # a list: tracked by the collector
    dead = _Node()
    dead.me = dead  # young cyclic garbage: freed before the rest is set aside
    gone = weakref.ref(dead)
    del dead
    assert any(o is held for o in gc.get_objects())
    try:
        task = run_task(None, "Counting", lambda fb: 1, lambda _: None, show_dialog=False)
        assert task.done.wait(3)
        assert gone() is None
        assert not any(o is held for o in gc.get_objects())  # a full collection does not walk it
    finally:
        gc.unfreeze()
