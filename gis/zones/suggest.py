"""Suggest renovation zones: contiguous groups of old compounds under the planner's limits.

The planner sets the limits (:class:`Constraints`); :func:`suggest` returns a
:class:`Suggestion` to preview (proposed zones, compounds left out and why, any
violations, warnings); :func:`accept` adds it to the plan as ONE undoable edit.

The regions come from :mod:`gis.zones.regions` (growth with a floor *and* ceilings,
enclave pass, AZP-style local moves); bench/bench_suggest.py compares it with spopt's
max-p on the same data.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np
import shapely

from gis.errors import AnalysisError
from gis.feedback import Feedback, ensure
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.notices import Notice, coded, short_list
from gis.io.repair import OVERSIZE_FACTOR, oversized
from gis.layer import Layer
from gis.zones.adjacency import MAX_CANDIDATES, Adjacency
from gis.zones.model import NO_ZONE, ZoneEdit, ZoneModel
from gis.zones.regions import UNSET, Limits, regionalise
from gis.zones.stats import PRE_YEAR, CompoundFacts


@dataclass(frozen=True)
class Constraints:
    """What the planner asks of every suggested zone. ``None`` = no limit.

    ``pre_year``: only compounds built in or before this year (default 2000, i.e.
    completed by the end of 2000); ``None`` takes all. ``keep_existing``: zones already
    in the plan stay as they are and their compounds are not used; when False the
    suggestion replaces the whole plan. ``min_compounds``: a zone merges at least two
    compounds by default. ``max_area_m2`` limits the sum of the members' own areas (an
    additive, conservative measure: overlapping compounds count twice).
    """

    min_households: float | None = None
    max_households: float | None = None
    max_area_m2: float | None = None
    max_compounds: int | None = None
    min_compounds: int = 2
    pre_year: int | None = PRE_YEAR
    keep_existing: bool = True

    def limits(self, *, use_households: bool) -> Limits:
        ceilings = (self.max_area_m2, self.max_compounds) + (
            (self.max_households,) if use_households else ())
        floor = self.min_households if use_households else None
        return Limits(min_households=floor or 0.0, min_compounds=max(1, self.min_compounds),
                      max_households=_or_inf(self.max_households if use_households else None),
                      max_area=_or_inf(self.max_area_m2), max_compounds=_or_inf(self.max_compounds),
                      grow_to_ceiling=floor is None)

    def validate(self) -> "Constraints":
        lo, hi = self.min_households, self.max_households
        for name, value in (("min_households", lo), ("max_households", hi),
                            ("max_area_m2", self.max_area_m2), ("max_compounds", self.max_compounds)):
            if value is not None and not value > 0:
                raise AnalysisError(QT_TRANSLATE_NOOP(
                    "zones", "{name} must be a positive number, not {value}."), name=name, value=value)
        if lo is not None and hi is not None and lo > hi:
            raise AnalysisError(QT_TRANSLATE_NOOP(
                "zones", "The minimum households ({lo}) is above the maximum ({hi})."), lo=lo, hi=hi)
        if self.max_compounds is not None and self.max_compounds < self.min_compounds:
            raise AnalysisError(QT_TRANSLATE_NOOP(
                "zones", "A zone needs at least {min} compounds, but the maximum is {max}."),
                min=self.min_compounds, max=self.max_compounds)
        return self


def _or_inf(value) -> float:
    return np.inf if value is None else float(value)


@dataclass(frozen=True)
class Violation:
    """A zone that breaks a limit: ``kind`` is a Constraints field name or "contiguity"."""

    zone: int  # index into Suggestion.zones
    kind: str
    value: float
    limit: float


EXCLUDED_WHY = {  # Suggestion.excluded reasons as the user reads them; {year} is the pre-year
    "fixed": QT_TRANSLATE_NOOP("zones", "already in a kept zone"),
    "too_new": QT_TRANSLATE_NOOP("zones", "built after {year}"),
    "no_year": QT_TRANSLATE_NOOP("zones", "no build year"),
    "too_large": QT_TRANSLATE_NOOP("zones", "larger than the area limit"),
    "duplicate": QT_TRANSLATE_NOOP("zones", "a copy of another compound"),
    "crowded": QT_TRANSLATE_NOOP("zones", "in a pile of overlapping copies"),
    "oversized": QT_TRANSLATE_NOOP("zones", "implausibly large"),
}


@dataclass
class Suggestion:
    """A preview of suggested zones (nothing in the plan changes until :func:`accept`).

    ``unassigned`` are the eligible compounds no zone could take; ``excluded`` maps a
    reason (``fixed``, ``too_new``, ``no_year``, ``too_large``, ``duplicate``, ``crowded``,
    ``oversized``) to the compounds not considered for it.
    """

    zones: list[frozenset[int]]
    households: np.ndarray
    area_m2: np.ndarray
    unassigned: np.ndarray
    excluded: dict[str, np.ndarray]
    violations: list[Violation]
    constraints: Constraints
    seconds: float
    warnings: list[Notice] = field(default_factory=list)

    @property
    def replace(self) -> bool:
        return not self.constraints.keep_existing


def suggest(adjacency: Adjacency, facts: CompoundFacts, geometries, *,
            constraints: Constraints = Constraints(), fixed: np.ndarray | None = None,
            seed: int = 0, restarts: int = 4, feedback: Feedback | None = None) -> Suggestion:
    """Suggest zones over all compounds of *adjacency*.

    Parameters
    ----------
    adjacency : Adjacency
        Neighbour graph of the compounds.
    facts : CompoundFacts
        Households, build years and areas per compound.
    geometries : array of shapely geometries
        Compounds in the working CRS (their centres steer compactness).
    constraints : Constraints, keyword-only
    fixed : bool array, optional, keyword-only
        Compounds in zones that are kept (ignored when ``keep_existing`` is False).
    seed, restarts : int, keyword-only
        Reproducible randomness and number of tries (the best is kept).
    feedback : Feedback, optional
    """
    t0 = time.perf_counter()
    fb = ensure(feedback)
    constraints = constraints.validate()
    warnings: list[Notice] = []
    use_hh = _households_usable(facts, constraints, warnings)
    eligible, excluded = _eligible(adjacency.n, facts, constraints, fixed, warnings)
    _set_aside(adjacency, facts, eligible, excluded, warnings)
    limits = constraints.limits(use_households=use_hh)
    hh = np.nan_to_num(facts.households) if use_hh else np.zeros(adjacency.n)
    too_large = eligible & ~((hh <= limits.max_households) & (facts.area <= limits.max_area))
    excluded["too_large"] = np.flatnonzero(too_large)
    eligible &= ~too_large
    xy = shapely.get_coordinates(shapely.centroid(np.asarray(geometries, dtype=object)))
    labels = regionalise(adjacency.matrix, xy, hh, facts.area, eligible, limits, seed=seed,
                         restarts=restarts, feedback=fb)
    zones = [frozenset(np.flatnonzero(labels == r).tolist()) for r in np.unique(labels[labels != UNSET])]
    zones.sort(key=min)
    result = Suggestion(
        zones=zones,
        households=np.array([hh[list(z)].sum() for z in zones]),
        area_m2=np.array([facts.area[list(z)].sum() for z in zones]),
        unassigned=np.flatnonzero(eligible & (labels == UNSET)),
        excluded=excluded, violations=[], constraints=constraints, seconds=0.0, warnings=warnings)
    result.violations = check_zones(zones, adjacency, hh, facts.area, limits)
    result.seconds = time.perf_counter() - t0
    return result


def _households_usable(facts: CompoundFacts, c: Constraints, warnings: list[Notice]) -> bool:
    asks = c.min_households is not None or c.max_households is not None
    if asks and not facts.has_households:
        warnings.append(coded("field.households_missing", QT_TRANSLATE_NOOP(
            "zones", "The compounds have no households field; the household limits were not "
            "applied. Map a households field to use them.")))
        return False
    missing = int(np.isnan(facts.households).sum()) if facts.has_households else 0
    if asks and missing:
        warnings.append(coded("zones.households_blank", QT_TRANSLATE_NOOP(
            "zones", "{count} compounds have no household count; they count as 0 households."),
            count=missing))
    return facts.has_households


def _eligible(n, facts: CompoundFacts, c: Constraints, fixed, warnings):
    eligible = np.ones(n, dtype=bool)
    excluded: dict[str, np.ndarray] = {}
    if fixed is not None and c.keep_existing:
        excluded["fixed"] = np.flatnonzero(fixed)
        eligible &= ~fixed
    if c.pre_year is not None:
        if not facts.has_year:
            warnings.append(coded("field.build_year_missing", QT_TRANSLATE_NOOP(
                "zones", "The compounds have no build-year field, so all of them were considered, "
                "not only those built by {year}."), year=c.pre_year))
        else:
            unknown = eligible & np.isnan(facts.year)
            too_new = eligible & (facts.year > c.pre_year)
            excluded["no_year"], excluded["too_new"] = np.flatnonzero(unknown), np.flatnonzero(too_new)
            eligible &= ~(unknown | too_new)
            if unknown.any():
                warnings.append(coded("zones.build_year_blank", QT_TRANSLATE_NOOP(
                    "zones", "{count} compounds have no build year and were left out."),
                    count=int(unknown.sum())))
    return eligible, excluded


_SET_ASIDE = {
    "duplicate": QT_TRANSLATE_NOOP(
        "zones", "{count} compounds repeat the geometry of another and were left out: rows {rows}. "
                 "Remove the copies from the data."),
    "crowded": QT_TRANSLATE_NOOP(
        "zones", "{count} compounds overlap a pile deeper than {max} and were left out: "
                 "rows {rows}. Check the data for stacked copies."),
    "oversized": QT_TRANSLATE_NOOP(
        "zones", "{count} compounds are implausibly large (over {factor}× the median compound and "
                 "over 1 km²) and were left out, so that zones do not merge through them: rows {rows}. "
                 "A damaged file? Check them on the map."),
}


def _set_aside(adjacency: Adjacency, facts: CompoundFacts, eligible: np.ndarray,
               excluded: dict, warnings: list[Notice]) -> None:
    """Leave out (with a notice) duplicates, piles of overlapping copies and implausibly
    large compounds: the neighbour graph gave the first two no links, the last would link
    everything."""
    reasons = dict(adjacency.set_aside)
    reasons["oversized"] = np.flatnonzero(oversized(facts.area))
    for reason, fids in reasons.items():
        fids = fids[eligible[fids]]
        if fids.size == 0:
            continue
        excluded[reason] = fids
        eligible[fids] = False
        warnings.append(coded(f"zones.set_aside.{reason}", _SET_ASIDE[reason], count=int(fids.size),
                              rows=_rows(fids, facts.area if reason == "oversized" else None),
                              max=MAX_CANDIDATES, factor=f"{OVERSIZE_FACTOR:g}"))


def _rows(fids: np.ndarray, area: np.ndarray | None) -> str:
    """'3, 17, …' (1-based rows), with the area in km² when given."""
    return short_list(f"{f + 1}" + ("" if area is None else f" ({area[f] / 1e6:,.1f} km²)")
                      for f in fids)


def check_zones(zones, adjacency: Adjacency, households: np.ndarray, area: np.ndarray,
                limits: Limits) -> list[Violation]:
    """Every broken limit of every zone (also used to grade other methods in bench/)."""
    labels = np.full(adjacency.n, -1, dtype=np.int64)
    for k, z in enumerate(zones):
        labels[np.fromiter(z, dtype=np.int64)] = k
    pieces = adjacency.pieces(labels)
    out = []
    for k, z in enumerate(zones):
        m = np.fromiter(z, dtype=np.int64)
        hh, ar = float(households[m].sum()), float(area[m].sum())
        checks = (("min_households", hh, limits.min_households, hh < limits.min_households),
                  ("max_households", hh, limits.max_households, hh > limits.max_households),
                  ("max_area_m2", ar, limits.max_area, ar > limits.max_area),
                  ("max_compounds", m.size, limits.max_compounds, m.size > limits.max_compounds),
                  ("min_compounds", m.size, limits.min_compounds, m.size < limits.min_compounds),
                  ("contiguity", pieces[k], 1, pieces[k] > 1))
        out += [Violation(k, kind, float(v), float(lim)) for kind, v, lim, bad in checks if bad]
    return out


def suggest_for(model: ZoneModel, compounds: Layer, *, constraints: Constraints = Constraints(),
                facts: CompoundFacts | None = None, seed: int = 0, restarts: int = 4,
                feedback: Feedback | None = None) -> Suggestion:
    """:func:`suggest` for a plan: existing zones are fixed unless ``keep_existing`` is off."""
    if model.geometries is None or len(compounds) != model.n:
        raise AnalysisError(QT_TRANSLATE_NOOP(
            "zones", "The zone plan does not match the compounds layer {name}."), name=compounds.name)
    fixed = model.assignment != NO_ZONE
    return suggest(model.adjacency, facts or CompoundFacts(compounds), model.geometries,
                   constraints=constraints, fixed=fixed, seed=seed, restarts=restarts,
                   feedback=feedback)


def accept(model: ZoneModel, suggestion: Suggestion) -> ZoneEdit:
    """Put the suggested zones into the plan as one edit (undo: ``model.apply(edit.inverse())``)."""
    return model.add_zones(suggestion.zones, replace_all=suggestion.replace)
