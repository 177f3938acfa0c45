"""One renovation programme: facts, catalogue, contents, consent and years → costs, schedule.

:class:`Programme` recomputes lazily: an edit (a line ticked, a consent count typed, a pin)
marks the result stale, and :meth:`Programme.result` recomputes costs and years (a few
milliseconds for a city). ``changed`` (psygnal) tells listeners (the plan dock, the map's
year colours) that a new result is due.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
from psygnal import Signal

from gis.gaps.compounds import plain
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.notices import Notice, coded
from gis.programme.catalogue import CHANNELS, Catalogue, CatalogueError
from gis.programme.consent import STAGES, Consent
from gis.programme.contents import ZONE, Contents, LineEdit, propose
from gis.programme.costs import Costs, compute_costs
from gis.programme.facts import PlanFacts
from gis.programme.sizing import line_basis
from gis.programme.schedule import NONE, Schedule, YearPlan, schedule, spread, zone_order


@dataclass(eq=False)
class ProgrammeResult:
    """Costs and years of the programme as it stands.

    ``consent_ok``: compounds that may be scheduled; ``held``: the share of each line held back
    (an elevator vote failed); ``compound_year`` (year or -1); ``reserve``: fids waiting for consent.
    """

    costs: Costs
    consent_ok: np.ndarray
    held: np.ndarray
    schedule: Schedule
    compound_year: np.ndarray
    reserve: np.ndarray
    zone_cost: np.ndarray
    zone_households: np.ndarray
    zone_compounds: np.ndarray  # consenting compounds with work, per zone (the compound target counts them)
    notices: list[Notice] = field(default_factory=list)

    @property
    def facts(self) -> PlanFacts:
        return self.costs.facts

    def years_table(self) -> list[dict]:
        s = self.schedule
        return [{"year": y, "cost": float(s.spend[k]), "households": float(s.households[k]),
                 "compounds": int(s.compounds[k]), "zones": s.zones_in(y).tolist()}
                for k, y in enumerate(s.plan.years)]


class Programme:
    """The programme the window edits (see the package text for the flow)."""

    changed = Signal()

    def __init__(self, facts: PlanFacts, catalogue: Catalogue, years: YearPlan, *,
                 contents: Contents | None = None, consent: Consent | None = None) -> None:
        self.facts = facts
        self.catalogue = catalogue
        self.years = years
        self.contents = contents if contents is not None else propose(catalogue, facts)
        self.consent = consent if consent is not None else Consent.empty(
            len(facts), buildings=len(facts.lifts) if facts.lifts is not None else 0)
        self.contents.changed.connect(self._stale)
        self._result: ProgrammeResult | None = None

    # -- edits (each returns what undo needs) ---------------------------------------------
    def toggle(self, kind: str, owner: int, item: str, on: bool) -> LineEdit:
        """Tick *item* on/off for a compound fid or zone position (undo: ``contents.apply(edit.inverse())``)."""
        return self.contents.toggle(kind, owner, item, on)

    def set_years(self, years: YearPlan) -> YearPlan:
        """Replace the years, budget, targets and pins; returns the previous ones."""
        before, self.years = self.years, years
        self._stale()
        return before

    def pin(self, zone: int, year: int | None) -> YearPlan:
        """Pin zone position *zone* to *year* (None: unpin); returns the previous year plan."""
        pins = tuple((z, y) for z, y in self.years.pins if z != zone) + (((zone, year),) if year else ())
        return self.set_years(replace(self.years, pins=pins))

    def set_catalogue(self, catalogue: Catalogue) -> Catalogue:
        """Use an edited catalogue (prices, shares, caps; items may be added or reordered);
        returns the previous one for undo. Every item the lines use must still be there."""
        keys = {key: k for k, key in enumerate(catalogue.keys)}
        used = {self.catalogue.items[i].key for i in np.unique(self.contents.item)}
        missing = sorted(used - set(keys))
        if missing:
            raise CatalogueError(QT_TRANSLATE_NOOP("errors", "The programme has lines of {item}, which the new "
                                                   "catalogue lacks: tick them off or keep the item."),
                                 key=", ".join(missing), names={"item": (
                                     ", ".join(self.catalogue.item(k).label("en") for k in missing),
                                     "、".join(self.catalogue.item(k).label("zh_CN") for k in missing))})
        self.contents.reindex(catalogue, np.array([keys.get(it.key, -1) for it in self.catalogue.items]))
        before, self.catalogue = self.catalogue, catalogue
        self._stale()
        return before

    def set_consent(self, fid: int, stage: str, agree: float, total: float) -> tuple[float, float]:
        """Type in a compound's consent counts; returns the previous (agree, total)."""
        before = self.consent.set(fid, stage, agree, total)
        self._stale()
        return before

    def set_consent_table(self, consent: Consent) -> Consent:
        """Use *consent* (a table read by :func:`~gis.programme.consent.read_consent`) for every
        compound; returns the previous counts for undo."""
        before, self.consent = self.consent, consent
        self._stale()
        return before

    def require_consent(self, on: bool) -> bool:
        """Whether a compound must have agreed to enter the plan (else every compound is taken
        as agreeing; the counts are kept); returns the previous setting."""
        before, self.consent.known = self.consent.known, bool(on)
        self._stale()
        return before

    def set_vote(self, fid: int, values, *, building: bool = False) -> np.ndarray:
        """Type in a compound's (or a building's: position in ``facts.lifts``) elevator vote
        (gis.programme.consent.VOTE_FIELDS order); returns the previous values."""
        before = self.consent.set_vote(fid, values, building=building)
        self._stale()
        return before

    def _stale(self, *_args) -> None:
        self._result = None
        self.changed.emit()

    # -- results --------------------------------------------------------------------------
    def result(self) -> ProgrammeResult:
        """Costs and years (recomputed after an edit)."""
        if self._result is None:
            self._result = self._compute()
        return self._result

    def _compute(self) -> ProgrammeResult:
        facts, contents = self.facts, self.contents
        ok = self.consent.consent_ok()
        held = self._held()
        costs = compute_costs(contents, held=held)
        zone_cost = costs.zone_cost(ok)
        zone_hh = np.bincount(facts.zone_of, weights=facts.households * ok, minlength=facts.n_zones)
        comp_cost = costs.compound_cost()
        working = ok & (comp_cost > 0)
        zone_n = np.bincount(facts.zone_of, weights=working, minlength=facts.n_zones)
        consenting = np.bincount(facts.zone_of, weights=ok, minlength=facts.n_zones) > 0
        eligible = consenting & (zone_cost > 0)
        run = schedule if self.years.budget is not None else spread
        sched = run(self.years, cost=zone_cost, households=zone_hh, compounds=zone_n, eligible=eligible,
                    order=zone_order(facts.rank, facts.zone_of, facts.n_zones), names=facts.zone_names)
        year = np.where(ok, sched.year_of_zone[facts.zone_of], NONE)
        has_work = (comp_cost > 0) | (facts.old & (costs.zone_own_cost()[facts.zone_of] > 0))
        reserve = np.flatnonzero(~ok & has_work)
        return ProgrammeResult(costs, ok, held, sched, year, reserve, zone_cost, zone_hh, zone_n.astype(np.int64),
                               list(facts.notices) + self._consent_notices(ok, has_work) + sched.notices)

    def _held(self) -> np.ndarray:
        """Share of each elevator line held back: all of it when the compound's vote failed, else
        the share of its elevators in buildings whose own vote failed."""
        c, facts = self.contents, self.facts
        unit = np.array([it.unit == "elevator" for it in self.catalogue.items])[c.item] & (c.kind != ZONE)
        share = (~self.consent.elevator_ok()).astype(float)
        if facts.lifts is not None and len(self.consent.building_votes) == len(facts.lifts):
            share = np.maximum(share, facts.lifts.held_share(self.consent.buildings_failed(), len(facts),
                                                             facts.elevators))
        return np.where(unit, share[np.where(unit, c.owner, 0)], 0.0)

    def _consent_notices(self, ok: np.ndarray, has_work: np.ndarray) -> list[Notice]:
        if not self.consent.known:
            return [coded("programme.no_consent", QT_TRANSLATE_NOOP(
                "programme", "No consent counts were given: every compound is taken as agreeing to enter the "
                             "plan."), level="info")]
        waiting = ~ok & has_work
        not_asked = waiting & ~self.consent.asked("enter")
        out = []
        if waiting.any():
            out.append(coded("programme.reserve", QT_TRANSLATE_NOOP(
                "programme", "{count} compounds wait in the reserve: {failed} below the consent threshold, "
                             "{not_asked} not asked yet."), level="info", count=int(waiting.sum()),
                failed=int((waiting & ~not_asked).sum()), not_asked=int(not_asked.sum())))
        return out

    # -- the command line's JSON ----------------------------------------------------------
    def to_json(self) -> dict:
        """The ``plan --json`` contract (costs in yuan, unrounded)."""
        r, facts = self.result(), self.facts
        return {"compounds": _compound_rows(self, r), "zones": _zone_rows(self, r),
                "years": [{**y, "zones": [plain(facts.zone_ids[z]) for z in y["zones"]]} for y in r.years_table()],
                "reserve": [plain(facts.ids[f]) for f in r.reserve],
                "unscheduled": [plain(facts.zone_ids[z]) for z in r.schedule.unscheduled]}


def _items_of(programme: Programme, r: ProgrammeResult, lines: np.ndarray) -> list[dict]:
    c, items = programme.contents, programme.catalogue.items
    return [{"item": items[c.item[n]].key, "class": items[c.item[n]].klass, "quantity": float(c.quantity[n]),
             "unit": items[c.item[n]].unit, "cost": float(r.costs.line_cost[n]), "held": float(r.held[n]),
             **line_basis(items[c.item[n]], programme.facts, c.kind[n] == ZONE, c.owner[n])}
            for n in lines if c.on[n]]


def _line_groups(programme: Programme, kind: int, size: int) -> list[np.ndarray]:
    c = programme.contents
    lines = np.flatnonzero(c.kind == kind)
    lines = lines[np.argsort(c.owner[lines], kind="stable")]
    bounds = np.searchsorted(c.owner[lines], np.arange(size + 1))
    return [lines[bounds[k]:bounds[k + 1]] for k in range(size)]


def _compound_rows(programme: Programme, r: ProgrammeResult) -> list[dict]:
    facts = programme.facts
    cost, funding = r.costs.compound_cost(), r.costs.compound_funding()
    groups = _line_groups(programme, 0, len(facts))
    ratios = {s: programme.consent.ratio(s) for s in STAGES}
    return [{"id": plain(facts.ids[f]), "zone": plain(facts.zone_ids[facts.zone_of[f]]),
             "items": _items_of(programme, r, groups[f]), "cost": float(cost[f]),
             "funding": {ch: float(funding[f, j]) for j, ch in enumerate(CHANNELS) if funding[f, j]},
             "consent_ok": bool(r.consent_ok[f]), "consent": {s: plain(ratios[s][f]) for s in STAGES},
             "year": None if r.compound_year[f] == NONE else int(r.compound_year[f])} for f in range(len(facts))]


def _zone_rows(programme: Programme, r: ProgrammeResult) -> list[dict]:
    facts = programme.facts
    groups = _line_groups(programme, ZONE, facts.n_zones)
    year = r.schedule.year_of_zone
    return [{"id": plain(facts.zone_ids[z]), "name": facts.zone_names[z], "cost": float(r.zone_cost[z]),
             "households": float(r.zone_households[z]), "items": _items_of(programme, r, groups[z]),
             "year": None if year[z] == NONE else int(year[z])} for z in range(facts.n_zones)]
