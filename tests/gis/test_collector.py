"""The garbage collector leaves the objects alive before a run out of the run's scans."""

from __future__ import annotations

import gc
import weakref

import pytest

from gis.collector import freeze_old_objects


@pytest.fixture(autouse=True)
def _thawed():
    yield
    gc.unfreeze()


class _Node:
    pass


def _tracked(obj) -> bool:
    """Whether the collector's generations (what a collection scans) hold *obj*."""
    return any(o is obj for o in gc.get_objects())


def test_objects_alive_before_are_left_out_of_the_scans():
    old = [_Node() for _ in range(3)]
    assert _tracked(old)
    frozen = freeze_old_objects()
    assert frozen >= 4 and not _tracked(old) and not any(_tracked(n) for n in old)
    new = [_Node()]
    assert _tracked(new)  # what is made afterwards is scanned as before


def test_cycles_made_after_the_freeze_are_still_collected():
    freeze_old_objects()
    a, b = _Node(), _Node()
    a.other, b.other = b, a
    gone = weakref.ref(a)
    del a, b
    gc.collect()
    assert gone() is None
