"""Field buffers kept for reuse (gis.network.field_pool), and the fields written into them."""

from __future__ import annotations

import gc

import numpy as np
import pytest

from gis.network import field_pool


def _address(a: np.ndarray) -> int:
    return a.__array_interface__["data"][0]


@pytest.fixture(autouse=True)
def _empty_pool():
    field_pool.release()
    yield
    field_pool.release()


def test_a_dropped_buffer_is_reused_and_filled_again():
    n = field_pool.MIN_BYTES // 4 + 10
    a = field_pool.full(n, 7.0)
    assert a.dtype == np.float32 and a.shape == (n,) and (a == 7.0).all()
    a[::3] = -1.0
    where = _address(a)
    del a
    gc.collect()
    assert field_pool.kept_bytes() >= 4 * n
    b = field_pool.full(n - 5, 2.5)  # a little smaller fits too
    assert _address(b) == where and (b == 2.5).all() and len(b) == n - 5
    assert field_pool.kept_bytes() == 0


def test_a_buffer_is_not_reused_while_any_view_of_it_lives():
    n = field_pool.MIN_BYTES // 4 + 10
    a = field_pool.full(n, 1.0)
    row = a.reshape(2, -1)[1][3:]  # a view of a view (numpy points it at the array handed out)
    where = _address(a)
    del a
    gc.collect()
    b = field_pool.full(n, 0.0)
    assert _address(b) != where and (row == 1.0).all()  # the view still reads its own values
    del row
    gc.collect()
    assert _address(field_pool.full(n, 0.0)) == where


def test_small_fields_and_misfits_are_not_pooled():
    small = field_pool.full(100, 3.0)
    del small
    gc.collect()
    assert field_pool.kept_bytes() == 0
    n = field_pool.MIN_BYTES // 4 + 10
    big = field_pool.full(2 * n, 0.0)
    where = _address(big)
    del big
    gc.collect()
    assert _address(field_pool.full(n, 0.0)) != where  # a buffer twice the need is left for its size


def test_kept_memory_is_bounded(monkeypatch):
    n = field_pool.MIN_BYTES // 4 + 10
    monkeypatch.setattr(field_pool, "KEEP_BYTES", 2 * 4 * n)
    arrays = [field_pool.full(n, 0.0) for _ in range(4)]
    del arrays
    gc.collect()
    assert field_pool.kept_bytes() == 2 * 4 * n


def test_fields_of_successive_groups_share_one_buffer_and_are_exact(monkeypatch):
    from gis.network.attach import attach
    from gis.network.distance import reach
    from gis.network.field_areas import FAR, Field
    from gis.network.grid_service import grid_of, group_of, source_rays
    from tests.gis.network_fixtures import jittered_grid, random_points

    graph = jittered_grid()
    sg = grid_of(graph, 20.0)
    fields = []
    for seed in (1, 2):
        att = attach(graph, random_points(graph, 5, seed=seed))
        shift = np.zeros(len(att))
        rays, owner = source_rays(graph, att, shift, 400.0)
        fields.append(Field(sg, group_of(graph, reach(graph, att, 400.0), att, np.arange(len(att)), shift, rays, owner)))
    monkeypatch.setattr(field_pool, "MIN_BYTES", 0)
    first = fields[0].distances((150.0, 400.0))
    where, fresh = _address(first), first.copy()
    del first
    gc.collect()
    assert field_pool.kept_bytes() >= fresh.nbytes  # the first field's buffer (and its spare row) kept
    again = fields[1].distances((150.0, 400.0))  # another group, written over the first's buffer
    assert _address(again) == where and field_pool.kept_bytes() == 0
    monkeypatch.setattr(field_pool, "MIN_BYTES", 1 << 40)  # never pooled: np.full, as before
    np.testing.assert_array_equal(again, fields[1].distances((150.0, 400.0)))
    np.testing.assert_array_equal(fresh, fields[0].distances((150.0, 400.0)))
    assert (again == FAR).any() and (again < FAR).any()
