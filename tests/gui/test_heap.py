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


def test_garbage_set_aside_by_a_task_is_freed_once_the_window_is_idle(app, qtbot, monkeypatch):
    import gui.heap as heap
    from gui.worker import run_task

    monkeypatch.setattr(heap, "IDLE_MS", 50)
    monkeypatch.setattr(heap, "_idle_timer", None)
    old = _Node()
    old.me = old  # a cycle the window held when the task started: set aside with the rest
    gone = weakref.ref(old)
    try:
        task = run_task(None, "Counting", lambda fb: 1, lambda _: None, show_dialog=False)
        assert task.done.wait(3)
        del old  # garbage now, but set aside: the task's collections do not see it
        gc.collect()
        assert gone() is not None
        qtbot.waitUntil(lambda: gone() is None, timeout=3000)  # freed once idle
        assert gc.get_freeze_count() > 0  # what is alive is set aside again
    finally:
        gc.unfreeze()
