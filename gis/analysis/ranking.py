"""The check-up ranking (体检排序) of compounds for renovation: one request, one run, for the
window's ranking dialog and the exports. It scores the gap (and elevator) results, so it
measures nothing itself and is fast."""

from __future__ import annotations

import time
from dataclasses import dataclass

from gis import defaults
from gis.analysis.outcome import ResultOutcome, finished
from gis.analysis.params import param, validate
from gis.feedback import Feedback
from gis.gaps.access import GapResult
from gis.gaps.elevators import ElevatorResult
from gis.gaps.ranking import RankingPreset, checkup_ranking
from gis.i18n import QT_TRANSLATE_NOOP
from gis.network.cache import ResultCache


@dataclass(frozen=True, eq=False)
class RankingRequest:
    """Rank the compounds of *gaps* (with *elevators*) by *preset*'s indicators and weights
    (the shipped preset when None)."""

    gaps: GapResult
    elevators: ElevatorResult | None = None
    preset: RankingPreset | None = None
    pre_year: int | None = param(defaults.PRE_YEAR, QT_TRANSLATE_NOOP(
        "analysis", "only compounds built in or before this year"), low=1900, high=2100, kind=int, optional=True)
    include_unknown_year: bool = False


def run(request: RankingRequest, *, cache: ResultCache | None = None,
        feedback: Feedback | None = None) -> ResultOutcome:
    """The ranking of *request* (*cache* and *feedback* are unused: scoring takes milliseconds)."""
    validate(request)
    start = time.perf_counter()
    ranking = checkup_ranking(request.gaps, elevators=request.elevators, preset=request.preset,
                              pre_year=request.pre_year, include_unknown_year=request.include_unknown_year)
    return finished(request, ranking, start)
