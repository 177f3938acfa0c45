"""Siting (补点选址): where K new facilities of one type would serve the most unserved compounds.
One request, one run, for the window's siting dialog (and scripts); the search itself is
:func:`gis.gaps.siting.suggest_sites`."""

from __future__ import annotations

import time
from dataclasses import dataclass

import geopandas as gpd

from gis.analysis.outcome import ResultOutcome, finished
from gis.analysis.params import param, validate
from gis.feedback import Feedback
from gis.gaps.access import GapResult
from gis.gaps.siting import METHODS, WEIGHTS, SitingParams, suggest_sites
from gis.i18n import QT_TRANSLATE_NOOP
from gis.network.cache import ResultCache
from gis.supply.result import AccessResult
from gis.supply.siting import unmet_demand


@dataclass(frozen=True, eq=False)
class SitingRequest:
    """Site *facility_type* against the coverage in *gaps*; *candidates* None = the compounds.
    With *capacity*, each site serves at most that much; with *access* (an access run of the
    type), the weight served is the demand it left unmet (gis.supply.siting)."""

    gaps: GapResult
    facility_type: str
    candidates: gpd.GeoDataFrame | None = None
    k: int = param(3, QT_TRANSLATE_NOOP("analysis", "how many sites"), low=1, high=50, kind=int)
    radius_m: float | None = param(None, QT_TRANSLATE_NOOP(
        "analysis", "service radius (default: the type's required distance)"), unit="m", low=50, high=5000,
        optional=True)
    method: str = param("auto", QT_TRANSLATE_NOOP("analysis", "auto, mclp (exact) or greedy"), kind=str,
                        choices=METHODS)
    weight: str = param("households", QT_TRANSLATE_NOOP("analysis", "what to cover: households, people or compounds"),
                        kind=str, choices=WEIGHTS)
    time_limit_s: float = param(60.0, QT_TRANSLATE_NOOP(
        "analysis", "give the exact solver this long, then answer greedily"), unit="s", low=1, high=3600)
    capacity: float | None = param(None, QT_TRANSLATE_NOOP(
        "analysis", "each new site serves at most this much demand (none: a compound in reach counts whole)"),
        low=0.001, optional=True)
    access: AccessResult | None = None

    def params(self) -> SitingParams:
        return SitingParams(self.facility_type, k=self.k, radius_m=self.radius_m, method=self.method,
                            weight=self.weight, time_limit_s=self.time_limit_s, capacity=self.capacity).validate()

    def unmet(self):
        """The demand the access run left unmet, when one of this type is given."""
        if self.access is None or self.access.facility_type != self.facility_type:
            return None
        return unmet_demand(self.access)


def run(request: SitingRequest, *, cache: ResultCache | None = None,
        feedback: Feedback | None = None) -> ResultOutcome:
    """The sites of *request* (*cache* is unused: the gap result carries the network)."""
    validate(request)
    start = time.perf_counter()
    result = suggest_sites(request.gaps, request.params(), candidates=request.candidates, unmet=request.unmet(),
                           feedback=feedback)
    return finished(request, result, start)
