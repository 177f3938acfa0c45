"""One card per zone for meetings: compounds, households, gaps, elevators, estimate.

The presentation mode shows these figures zone by zone; the situation *before* the plan
(without planned facilities) and *after* it differ only in the gaps, so both are kept.

>>> # cards = zone_summaries(project, after=collect_outputs(project),
>>> #                        before=collect_outputs(project, planned=False))
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from gis.analysis.outputs import PlanOutputs
from gis.project import Project


@dataclass(frozen=True)
class ZoneSummary:
    """What a meeting asks about one zone (or, with ``zone_id`` None, the whole plan)."""

    zone_id: int | None
    name: str
    colour: str
    compounds: int
    households: float | None
    missing_after: tuple[str, ...] = ()
    missing_before: tuple[str, ...] | None = None  # None: the same as after (nothing planned)
    elevator_buildings: int | None = None
    elevators: int | None = None
    cost: float | None = None
    subsidy: float | None = None
    residents_share: float | None = None
    gaps_known: bool = False
    extra: dict = field(default_factory=dict)
    lacking_compounds: int | None = None  # member compounds that each lack a service (after the plan)
    lacking_before: int | None = None  # the same without the planned facilities (None: as after)
    gap_total: tuple[int, int] | None = None  # services missing summed over member compounds: (after, before)

    def missing(self, *, before: bool) -> tuple[str, ...]:
        """The types missing before or after the plan's planned facilities."""
        if before and self.missing_before is not None:
            return self.missing_before
        return self.missing_after

    def lacking(self, *, before: bool) -> int:
        """Member compounds that each lack a service, before or after the plan."""
        if before and self.missing_before is not None:
            return self.lacking_before or 0
        return self.lacking_compounds or 0

    def gaps_counted(self, *, before: bool) -> int:
        """Services missing summed compound by compound, before or after the plan."""
        return 0 if self.gap_total is None else self.gap_total[1 if before else 0]


def zone_summaries(project: Project, *, after: PlanOutputs, before: PlanOutputs | None = None
                   ) -> list[ZoneSummary]:
    """A card per zone of the plan, in zone id order (empty without a plan)."""
    model = project.zones
    if model is None:
        return []
    stats = after.zone_stats
    elev = after.zone_elevators(project)
    money = after.elevators.per_zone(model.assignment) if after.elevators is not None else None
    pooled_after = _missing_by_zone(after)
    pooled_before = _missing_by_zone(before) if before is not None else None
    lacking, totals = _per_compound(after, model.assignment)
    lacking_before, totals_before = _per_compound(before if before is not None else after, model.assignment)
    out = []
    for zid, zone in model.zones.items():
        row = stats.loc[zid] if stats is not None and zid in stats.index else None
        e = elev.loc[zid] if elev is not None and zid in elev.index else None
        per = money.loc[zid] if money is not None and zid in money.index else None
        out.append(ZoneSummary(
            zid, zone.name, zone.colour, len(zone.members), _num(row["households"]) if row is not None else None,
            tuple(pooled_after.get(zid, ())),
            tuple(pooled_before.get(zid, ())) if pooled_before is not None else None,
            _int(e["elevator_buildings"]) if e is not None else None,
            _int(e["elevators"]) if e is not None else None,
            _num(per["cost"]) if per is not None else None, _num(per["subsidy"]) if per is not None else None,
            _num(per["residents_share"]) if per is not None else None, after.zone_gaps is not None,
            lacking_compounds=lacking.get(zid), lacking_before=lacking_before.get(zid),
            gap_total=(totals.get(zid, 0), totals_before.get(zid, 0)) if totals else None))
    return out


def plan_summary(project: Project, summaries: list[ZoneSummary], *, title: str) -> ZoneSummary:
    """The whole plan as one card: sums over its zones."""
    def total(key: str):
        values = [getattr(s, key) for s in summaries if getattr(s, key) is not None]
        return sum(values) if values else None

    known = any(s.gaps_known for s in summaries)
    before = () if any(s.missing_before is not None for s in summaries) else None
    return ZoneSummary(None, title, "#333333", sum(s.compounds for s in summaries), total("households"),
                       (), before, total("elevator_buildings"), total("elevators"), total("cost"),
                       total("subsidy"), total("residents_share"), known, {"zones": len(summaries)},
                       lacking_compounds=total("lacking_compounds"), lacking_before=total("lacking_before"),
                       gap_total=_sum_pairs([s.gap_total for s in summaries if s.gap_total is not None]))


def _missing_by_zone(outputs: PlanOutputs | None) -> dict[int, list[str]]:
    if outputs is None or outputs.zone_gaps is None:
        return {}
    zg = outputs.zone_gaps
    return {int(z): zg.missing(k) for k, z in enumerate(zg.ids)}


def _per_compound(outputs: PlanOutputs, assignment: np.ndarray) -> tuple[dict[int, int], dict[int, int]]:
    """Per zone, counted compound by compound: how many members lack at least one service,
    and how many services they lack in all."""
    gaps = outputs.gaps
    if gaps is None or len(gaps.n_missing()) != len(assignment):
        return {}, {}
    n, inside = gaps.n_missing(), assignment >= 0
    lacking = np.bincount(assignment[inside], weights=n[inside] > 0)
    total = np.bincount(assignment[inside], weights=n[inside])
    zones = np.unique(assignment[inside])
    return ({int(z): int(lacking[z]) for z in zones if lacking[z]}, {int(z): int(total[z]) for z in zones})


def _sum_pairs(pairs: list[tuple[int, int]]) -> tuple[int, int] | None:
    return (sum(a for a, _ in pairs), sum(b for _, b in pairs)) if pairs else None


def _num(value) -> float | None:
    try:
        v = float(value)
    except (TypeError, ValueError):
        return None
    return v if np.isfinite(v) else None


def _int(value) -> int | None:
    v = _num(value)
    return None if v is None else int(round(v))
