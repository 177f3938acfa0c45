"""Contour generators kept for big grids trace exactly what new ones do."""

import numpy as np
import pytest
import shapely

from gis.network import contour_pool
from gis.network.field_areas import trace


def _field(seed: int, shape=(520, 540)) -> np.ndarray:
    """Blobs of z <= 0 with holes: distance to random centres minus radii."""
    rng = np.random.default_rng(seed)
    jj, ii = np.mgrid[0:shape[0], 0:shape[1]]
    z = np.full(shape, 1e9, dtype=np.float32)
    for cx, cy, r in zip(rng.uniform(0, shape[1], 40), rng.uniform(0, shape[0], 40), rng.uniform(5, 60, 40)):
        z = np.minimum(z, np.hypot(ii - cx, jj - cy) - r)
    z[::37, :] = np.abs(z[::37, :]) + 0.5  # thin cuts: holes and separate parts
    return z


@pytest.fixture(autouse=True)
def _empty_pool():
    contour_pool.release()
    yield
    contour_pool.release()


def test_reuse_is_checked_and_works():
    assert contour_pool._reuse_works()


def test_kept_generator_traces_like_a_new_one(monkeypatch):
    fields = [_field(s) for s in range(3)]
    kept = [trace(z, (100.0, 200.0), 12.5) for z in fields]
    assert contour_pool._kept_nodes() == fields[0].size  # one generator kept, reused for the next traces
    monkeypatch.setattr(contour_pool, "REUSE_NODES", 10**12)  # nothing kept: a new generator each time
    contour_pool.release()
    for z, got in zip(fields, kept):
        new = trace(z, (100.0, 200.0), 12.5)
        assert contour_pool._kept_nodes() == 0
        assert got.area > 0 and got.is_valid
        assert shapely.equals_exact(got, new, tolerance=0.0)


def test_first_result_survives_the_reuse():
    first = trace(_field(1), (0.0, 0.0), 1.0)
    area, coords = first.area, shapely.get_coordinates(first).copy()
    trace(_field(2), (0.0, 0.0), 1.0)
    assert first.area == area and np.array_equal(shapely.get_coordinates(first), coords)


def test_kept_memory_is_bounded(monkeypatch):
    monkeypatch.setattr(contour_pool, "KEEP_NODES", 520 * 540 + 530 * 540)
    trace(_field(1), (0.0, 0.0), 1.0)
    trace(_field(1, (530, 540)), (0.0, 0.0), 1.0)  # another shape: fits beside the first
    assert contour_pool._kept_nodes() == 520 * 540 + 530 * 540
    trace(_field(1, (600, 600)), (0.0, 0.0), 1.0)  # too big for both: the others go
    assert contour_pool._kept_nodes() == 600 * 600
    contour_pool.release()
    assert contour_pool._kept_nodes() == 0
