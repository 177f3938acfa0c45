"""Years: zones scheduled whole, in priority order, under an annual budget.

Zones go in the check-up ranking's order (a zone ranks as its best-ranked member; unranked
zones last, by position). Pinned zones (``pins``: zone position → year) go first, into
their year; every other zone goes into the first year with room left in the budget (and
under the optional household and compound targets, taken as a year's maximum; a year that
stays below a target says so). A zone's
cost counts its facilities and its consenting compounds; compounds without consent wait in
the reserve, and a zone with no consenting compound is not scheduled. Nothing is dropped
silently: a zone bigger than a year's budget, or left over when the years are full, is
named in the notices, and a budget too small for any zone is refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from gis.errors import AnalysisError
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.notices import Notice, coded, short_list
from gis.money import money_params

NONE = -1  # year index of an unscheduled zone


@dataclass(frozen=True)
class YearPlan:
    """The programme's years and limits (None = no limit). ``pins`` map zone positions to years."""

    years: tuple[int, ...]
    budget: float | None = None
    households: float | None = None
    compounds: int | None = None
    pins: tuple[tuple[int, int], ...] = ()

    def __post_init__(self) -> None:
        if not self.years:
            raise AnalysisError(QT_TRANSLATE_NOOP("errors", "The programme needs at least one year."))
        for value in (self.budget, self.households, self.compounds):
            if value is not None and not value > 0:
                raise AnalysisError(QT_TRANSLATE_NOOP("errors", "Annual budgets and targets must be positive."))


@dataclass(eq=False)
class Schedule:
    """``year_of_zone`` (year or -1 per zone position), per-year spend, households, compounds."""

    plan: YearPlan
    year_of_zone: np.ndarray
    spend: np.ndarray
    households: np.ndarray
    compounds: np.ndarray
    unscheduled: np.ndarray  # zone positions that consent but found no year
    notices: list[Notice] = field(default_factory=list)

    def zones_in(self, year: int) -> np.ndarray:
        return np.flatnonzero(self.year_of_zone == year)


def zone_rank(rank: np.ndarray, zone_of: np.ndarray, n_zones: int) -> np.ndarray:
    """Per zone: its best (lowest) member's check-up rank, inf when none is ranked."""
    best = np.full(n_zones, np.inf)
    np.minimum.at(best, zone_of, np.nan_to_num(rank, nan=np.inf))
    return best


def zone_order(rank: np.ndarray, zone_of: np.ndarray, n_zones: int) -> np.ndarray:
    """Zone positions by priority: best member rank first, unranked last, then position."""
    return np.lexsort((np.arange(n_zones), zone_rank(rank, zone_of, n_zones)))


def schedule(plan: YearPlan, *, cost: np.ndarray, households: np.ndarray, compounds: np.ndarray,
             eligible: np.ndarray, order: np.ndarray, names: list[str]) -> Schedule:
    """Years for the *eligible* zones (per zone: *cost*, consenting *households* and *compounds*)."""
    years = np.array(plan.years)
    n_years = len(years)
    limits = [np.inf if v is None else float(v) for v in (plan.budget, plan.households, plan.compounds)]
    used = np.zeros((n_years, 3))
    need = np.column_stack([cost, households, compounds]).astype(float)
    year_of = np.full(len(cost), NONE, np.int64)
    notes: list[Notice] = []
    pinned = _pins(plan, eligible, names, notes)
    for z, y in pinned.items():
        year_of[z] = plan.years[y]
        used[y] += need[z]
    _check_pins(plan, used, limits[0])
    _refuse_tiny_budget(plan.budget, cost, eligible, pinned)
    too_big = []
    for z in order:
        if not eligible[z] or z in pinned:
            continue
        fits = np.all(used + need[z] <= np.asarray(limits) * (1 + 1e-12), axis=1)
        if fits.any():
            y = int(np.argmax(fits))
            year_of[z] = plan.years[y]
            used[y] += need[z]
        elif np.any(need[z] > np.asarray(limits)):
            too_big.append(z)
    left = np.flatnonzero(eligible & (year_of == NONE))
    notes += _leftover_notices(plan, too_big, left, cost, names) + _short_of_targets(plan, used)
    return Schedule(plan, year_of, used[:, 0], used[:, 1], used[:, 2].astype(np.int64), left, notes)


def _pins(plan: YearPlan, eligible: np.ndarray, names: list[str], notes: list) -> dict[int, int]:
    out = {}
    for z, year in plan.pins:
        if year not in plan.years:
            raise AnalysisError(QT_TRANSLATE_NOOP("errors", "Zone {zone} is pinned to {year}, outside the programme "
                                                  "years {first}–{last}."), zone=names[z], year=year,
                                first=plan.years[0], last=plan.years[-1])
        if not eligible[z]:
            notes.append(coded("programme.pin_reserve", QT_TRANSLATE_NOOP(
                "programme", "Zone {zone} is pinned to {year} but has no consenting compound with work to do; it "
                             "stays unscheduled."), zone=names[z], year=year))
            continue
        out[int(z)] = plan.years.index(year)
    return out


def _check_pins(plan: YearPlan, used: np.ndarray, budget: float) -> None:
    for y, spend in enumerate(used[:, 0]):
        if spend > budget * (1 + 1e-12):
            raise AnalysisError(QT_TRANSLATE_NOOP(
                "errors", "The zones pinned to {year} cost {cost}, more than the annual budget of "
                          "{budget}: unpin one or raise the budget."),
                year=plan.years[y], **money_params("cost", spend), **money_params("budget", budget))


def _refuse_tiny_budget(budget: float | None, cost: np.ndarray, eligible: np.ndarray, pinned: dict) -> None:
    if budget is None or pinned or not eligible.any():
        return
    smallest = float(cost[eligible].min())
    if smallest > budget:
        raise AnalysisError(QT_TRANSLATE_NOOP(
            "errors", "The annual budget of {budget} is too small for any zone: the smallest costs "
                      "{smallest}. Raise the budget or split zones."),
            **money_params("budget", budget), **money_params("smallest", smallest))


TARGET_NOTES = {  # column of the year's use → what falls short of its target
    1: QT_TRANSLATE_NOOP("programme", "{year}: {done:,.0f} households scheduled, below the target of {target:,.0f} "
                                      "(the budget or the zones' size leaves no room for more)."),
    2: QT_TRANSLATE_NOOP("programme", "{year}: {done:,.0f} compounds scheduled, below the target of {target:,.0f} "
                                      "(the budget or the zones' size leaves no room for more)."),
}


def _short_of_targets(plan: YearPlan, used: np.ndarray) -> list[Notice]:
    """A notice per year whose households or compounds stay below the annual target."""
    notes = []
    for col, target in ((1, plan.households), (2, plan.compounds)):
        if target is None:
            continue
        notes += [coded("programme.below_target", TARGET_NOTES[col], year=y, done=done, target=target)
                  for y, done in zip(plan.years, used[:, col]) if done < target]
    return notes


def _leftover_notices(plan: YearPlan, too_big: list, left: np.ndarray, cost: np.ndarray, names) -> list[Notice]:
    notes = []
    if too_big:
        notes.append(coded("programme.zone_over_budget", QT_TRANSLATE_NOOP(
            "programme", "{count} zones cost more than a year's budget or exceed a year's target and are not "
                         "scheduled: {zones}. Split them or raise the budget."),
            count=len(too_big), zones=short_list(names[z] for z in too_big)))
    big = set(too_big)
    rest = [z for z in left if z not in big]
    if rest:
        notes.append(coded("programme.years_full", QT_TRANSLATE_NOOP(
            "programme", "{count} zones ({cost}) do not fit into {first}–{last} under the budget and "
                         "wait for later years: {zones}."),
            count=len(rest), **money_params("cost", float(cost[rest].sum())), first=plan.years[0], last=plan.years[-1],
            zones=short_list(names[z] for z in rest)))
    return notes


def spread(plan: YearPlan, *, cost: np.ndarray, households: np.ndarray, compounds: np.ndarray,
           eligible: np.ndarray, order: np.ndarray, names: list[str]) -> Schedule:
    """:func:`schedule` without a budget: the work spread evenly over the years (a budget of the
    total over the years, at least the largest zone; what is left goes to the least-loaded year
    whose household and compound targets it fits, else stays unscheduled and is named)."""
    total = float(cost[eligible].sum())
    pinned = np.zeros(len(plan.years))
    for z, year in plan.pins:
        if eligible[z] and year in plan.years:
            pinned[plan.years.index(year)] += cost[z]
    even = max(total / len(plan.years), float(cost[eligible].max()) if eligible.any() else 0.0, pinned.max(), 1.0)
    even_plan = YearPlan(plan.years, even, plan.households, plan.compounds, plan.pins)
    out = schedule(even_plan, cost=cost, households=households, compounds=compounds, eligible=eligible,
                   order=order, names=names)
    left = [z for z in out.unscheduled if not _least_loaded(out, z, cost, households, compounds)]
    out.plan, out.unscheduled = plan, np.array(left, np.int64)
    out.notices = [n for n in out.notices if n.code not in ("programme.years_full", "programme.zone_over_budget",
                                                             "programme.below_target")]
    out.notices += _short_of_targets(plan, np.column_stack([out.spend, out.households, out.compounds]))
    if left:
        out.notices.append(coded("programme.over_target", QT_TRANSLATE_NOOP(
            "programme", "{count} zones would exceed the annual household or compound target in every year and "
                         "are not scheduled: {zones}. Raise the target, add years or split them."),
            count=len(left), zones=short_list(names[z] for z in left)))
    out.notices.append(coded("programme.no_budget", QT_TRANSLATE_NOOP(
        "programme", "No annual budget was given: the work is spread evenly, about {budget} a year."),
        level="info", **money_params("budget", total / len(plan.years))))
    return out


def _least_loaded(out: Schedule, z: int, cost, households, compounds) -> bool:
    """Put zone *z* into the least-spent year whose household and compound targets it still
    fits (no budget to respect); False when it fits none."""
    plan = out.plan
    room = np.ones(len(plan.years), bool)
    for used, need, target in ((out.households, households[z], plan.households),
                               (out.compounds, compounds[z], plan.compounds)):
        if target is not None:
            room &= used + need <= float(target) * (1 + 1e-12)
    if not room.any():
        return False
    y = int(np.argmin(np.where(room, out.spend, np.inf)))
    out.year_of_zone[z] = plan.years[y]
    out.spend[y] += cost[z]
    out.households[y] += households[z]
    out.compounds[y] += compounds[z]
    return True
