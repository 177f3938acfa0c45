"""Stages and their jobs on shared threads: every stage and job runs once, results come in
order, errors and Cancel reach the caller."""

import threading

import pytest

from gis.errors import Cancelled
from gis.feedback import Feedback
from gis.network.grid_service import run_staged


def _stages(n: int, log: list, lock: threading.Lock) -> list:
    def stage(k: int) -> list:
        with lock:
            log.append(("stage", k))

        def job(j: int) -> tuple[int, int]:
            with lock:
                log.append(("job", k))
            return k, j

        return [lambda j=j: job(j) for j in range(3)]

    return [lambda k=k: stage(k) for k in range(n)]


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_results_in_order(workers):
    log, lock = [], threading.Lock()
    assert run_staged(_stages(7, log, lock), workers, Feedback()) == [[(k, j) for j in range(3)] for k in range(7)]
    assert sorted(log) == sorted([("stage", k) for k in range(7)] + [("job", k) for k in range(7) for _ in range(3)])


def test_a_failing_job_raises_and_cancel_stops():
    def bad() -> list:
        return [lambda: 1 / 0]

    with pytest.raises(ZeroDivisionError):
        run_staged([bad, bad, bad], 2, Feedback())
    with pytest.raises(Cancelled):
        run_staged([lambda: [lambda: 1]] * 4, 2, Feedback(cancelled=lambda: True))
