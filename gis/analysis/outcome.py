"""What an analysis run returns: the request, the notices and the timings (plus the result
fields of each analysis, in its subclass)."""

from __future__ import annotations

import time
from contextlib import contextmanager
from dataclasses import dataclass, field

from gis.io.notices import Notice


@dataclass(eq=False, kw_only=True)
class Outcome:
    """A finished run. ``notices`` hold the inputs' notices (importer warnings, repairs) and
    the run's own; ``timings`` are wall-clock seconds per step, ``total`` for the whole run."""

    request: object
    notices: list[Notice] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    revision: int = 0  # the session's layer revision the run saw (gis.analysis.session)

    @property
    def seconds(self) -> float:
        return self.timings.get("total", 0.0)

    def notices_json(self) -> list[dict]:
        """``[{"code", "level", "message"}, ...]`` without repeats, for ``--json`` outputs."""
        return unique_json(self.notices)


@dataclass(eq=False, kw_only=True)
class ResultOutcome(Outcome):
    """An outcome whose result is one engine object (a ranking, a siting answer)."""

    result: object


def finished(request, result, start: float) -> ResultOutcome:
    """The outcome of a one-step run that began at ``time.perf_counter()`` *start*."""
    return ResultOutcome(request=request, notices=list(getattr(result, "notices", [])), result=result,
                         timings={"total": time.perf_counter() - start})


def unique_json(notices) -> list[dict]:
    """JSON rows of *notices*, each message once."""
    out, seen = [], set()
    for n in notices:
        row = n.to_json()
        if (row["code"], row["message"]) not in seen:
            seen.add((row["code"], row["message"]))
            out.append(row)
    return out


@contextmanager
def timed(timings: dict[str, float], step: str):
    """Add the seconds the block takes to ``timings[step]``."""
    start = time.perf_counter()
    try:
        yield
    finally:
        timings[step] = timings.get(step, 0.0) + time.perf_counter() - start
