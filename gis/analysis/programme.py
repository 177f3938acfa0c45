"""The renovation programme (改造计划): one request, one run, for the window's plan dock,
the ``plan`` command and the exports. The run measures nothing new: it takes the gap,
elevator, ranking and access results (computed here with the project's settings when not given),
builds :class:`~gis.programme.facts.PlanFacts`, proposes the contents and schedules the
years. The window then edits ``outcome.programme`` (see :mod:`gis.programme`)."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from gis.analysis.outcome import Outcome, timed
from gis.analysis.params import param, validate
from gis.analysis.project_settings import ProjectSettings
from gis.domain import Role
from gis.errors import AnalysisError
from gis.feedback import Feedback, ensure
from gis.gaps.compounds import CompoundTable
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.notices import Notice, coded
from gis.network.cache import ResultCache
from gis.programme import Catalogue, Consent, PlanFacts, Programme, YearPlan, load_catalogue, read_consent
from gis.programme.consent import THRESHOLD
from gis.programme.sizing import sizing_notices
from gis.programme.state import (SETTINGS_KEY, programme_state, restore_consent, restore_contents,
                                 saved_years)
from gis.project import Project

PROGRAMME_YEARS = 5
LEFT_OUT = "note.left_out_of_the_export"  # gis.analysis.outputs's notice for a step the data cannot support  # the default programme: the next five years (a 五年计划)


@dataclass(frozen=True, eq=False)
class ProgrammeRequest:
    """Plan *project* with *catalogue* (the shipped preset when None) over *years* (default:
    the next five). *consent*: a table's path or counts (None: everyone agrees). *pins*:
    ``(zone id or name, year)``. *outputs*: gap/elevator/ranking/access results already computed
    (a gis.analysis.outputs.PlanOutputs), else computed here. With *restore*, the planner's edits
    saved in the project (:mod:`gis.programme.state`) are applied; the request's years,
    budget, targets, pins and consent table win over the saved ones."""

    project: Project
    catalogue: Catalogue | None = None
    years: tuple[int, ...] = ()
    consent: Consent | Path | str | None = None
    pins: tuple[tuple[str, int], ...] = ()
    outputs: object | None = None
    restore: bool = True
    budget_per_year: float | None = param(None, QT_TRANSLATE_NOOP(
        "analysis", "annual budget (none: the work is spread evenly over the years)"), unit="yuan", low=1,
        optional=True)
    households_per_year: float | None = param(None, QT_TRANSLATE_NOOP(
        "analysis", "households renovated per year, at most"), low=1, optional=True)
    compounds_per_year: int | None = param(None, QT_TRANSLATE_NOOP(
        "analysis", "compounds renovated per year, at most"), low=1, kind=int, optional=True)
    consent_threshold: float = param(THRESHOLD, QT_TRANSLATE_NOOP(
        "analysis", "share of households that must agree at each consent stage"), low=0.01, high=1.0)


@dataclass(eq=False, kw_only=True)
class ProgrammeOutcome(Outcome):
    """The programme as proposed and scheduled (the window edits it further)."""

    programme: Programme

    @property
    def result(self) -> Programme:
        return self.programme


def run(request: ProgrammeRequest, *, cache: ResultCache | None = None,
        feedback: Feedback | None = None) -> ProgrammeOutcome:
    """Propose, cost and schedule the programme of *request*."""
    validate(request)
    fb = ensure(feedback)
    start = time.perf_counter()
    timings: dict[str, float] = {}
    catalogue = request.catalogue or load_catalogue()
    state = request.project.settings.get(SETTINGS_KEY) if request.restore else None
    saved = saved_years(state)
    years = request.years or (saved.years if saved else default_years())
    with timed(timings, "analyses"):
        outputs = _outputs(request, fb.sub(0.0, 0.8))
    fb.check()
    # the facts say a left-out step in plan words; the access step's own notices (capacity defaults,
    # unchecked standards) belong to the access analysis: the plan says only how it sized facilities
    notes: list[Notice] = [n for n in outputs.notices
                           if n.code != LEFT_OUT and not (n.code or "").startswith(("supply.", "access."))]
    with timed(timings, "facts"):
        facts = _facts(request.project, outputs, catalogue, years, notes)
        notes += sizing_notices(catalogue, facts)
    with timed(timings, "consent"):
        consent = _consent(request, facts, notes, state)
    kept = [(str(z), int(y)) for z, y in (state or {}).get("pins", ()) if facts.zone_index(str(z)) is not None]
    pins = dict(resolve_pins(kept, facts)) | dict(resolve_pins(request.pins, facts))
    plan = YearPlan(tuple(years), _given(request.budget_per_year, saved, "budget"),
                    _given(request.households_per_year, saved, "households"),
                    _given(request.compounds_per_year, saved, "compounds"), pins=tuple(pins.items()))
    with timed(timings, "programme"):
        programme = Programme(facts, catalogue, plan, consent=consent)
        notes += restore_contents(programme.contents, state) if state else []
        notes += programme.result().notices
    fb.progress(1.0)
    timings["total"] = time.perf_counter() - start
    return ProgrammeOutcome(request=request, notices=notes, timings=timings, programme=programme)


def default_years(today: date | None = None) -> tuple[int, ...]:
    first = (today or date.today()).year + 1
    return tuple(range(first, first + PROGRAMME_YEARS))


def parse_years(text: str) -> tuple[int, ...]:
    """``2027-2030`` → (2027, 2028, 2029, 2030); ``2027`` → (2027,)."""
    lo, sep, hi = str(text).replace("–", "-").partition("-")
    try:
        first, last = int(lo), int(hi) if sep else int(lo)
    except ValueError:
        first, last = 0, -1
    if not (1900 <= first <= last <= 2200) or last - first > 50:
        raise AnalysisError(QT_TRANSLATE_NOOP("errors", "Years must be written FIRST-LAST, e.g. 2027-2030, not "
                                              "{text}."), text=text)
    return tuple(range(first, last + 1))


def parse_pin(text: str) -> tuple[str, int]:
    """``ZONE=YEAR`` → (zone, year)."""
    zone, sep, year = str(text).rpartition("=")
    if not sep or not zone.strip() or not year.strip().isdigit():
        raise AnalysisError(QT_TRANSLATE_NOOP("errors", "A pin is written ZONE=YEAR, e.g. 片区1=2028, not {text}."),
                            text=text)
    return zone.strip(), int(year)


def resolve_pins(pins, facts: PlanFacts) -> tuple[tuple[int, int], ...]:
    """Zone positions of the pins' zones (by id or name)."""
    out = []
    for zone, year in pins:
        k = facts.zone_index(zone)
        if k is None:
            raise AnalysisError(QT_TRANSLATE_NOOP("errors", "There is no zone {zone} to pin; use a zone's id or "
                                                  "name (a compound outside every zone is c:ID)."), zone=zone)
        out.append((k, int(year)))
    return tuple(out)


def _outputs(request: ProgrammeRequest, fb: Feedback):
    from gis.analysis.outputs import PlanOutputs, collect_outputs

    if request.project.first(Role.COMPOUNDS) is None:
        raise AnalysisError(QT_TRANSLATE_NOOP("errors", "The project has no compounds layer to plan."))
    # a copy: the caller's results are reused, its notices are its own (only new ones come back)
    given = replace(request.outputs, notices=[]) if request.outputs is not None else PlanOutputs()
    return collect_outputs(request.project, steps=("gaps", "elevators", "ranking", "access"), given=given, feedback=fb)


def _facts(project: Project, outputs, catalogue: Catalogue, years, notes: list) -> PlanFacts:
    compounds = project.first(Role.COMPOUNDS)
    table = outputs.gaps.compounds if outputs.gaps is not None else CompoundTable.from_layer(compounds)
    rule, year = _subsidy(catalogue, years, notes if outputs.elevators is not None else [])
    return PlanFacts.from_results(table, zones=project.zones, buildings=project.first(Role.BUILDINGS),
                                  elevators=outputs.elevators, gaps=outputs.gaps, ranking=outputs.ranking,
                                  access=outputs.access,
                                  pre_year=ProjectSettings.of(project).pre_year, dwelling_m2=catalogue.dwelling_m2,
                                  subsidy_rule=rule, subsidy_year=year)


def _subsidy(catalogue: Catalogue, years, notes: list):
    """The catalogue's elevator subsidy rule and the year its amount is read for."""
    from gis.gaps.elevators import load_subsidy_presets

    if not catalogue.elevator_subsidy_rule:
        return None, None
    rule = load_subsidy_presets().rule(catalogue.elevator_subsidy_rule)
    if not rule.years or years[0] in rule.years:
        return rule, years[0]
    year = max(y for y in rule.years if y <= years[0]) if min(rule.years) <= years[0] else min(rule.years)
    notes.append(coded("programme.subsidy_year", QT_TRANSLATE_NOOP(
        "programme", "The {rule} elevator subsidy is defined for {first}–{last}; the programme uses its {year} "
                     "amount. Edit the subsidy preset when the city publishes new figures."),
        rule=rule.name, rule_zh=rule.name_zh, first=min(rule.years), last=max(rule.years), year=year))
    return rule, year


def _given(value, saved: YearPlan | None, name: str):
    return value if value is not None or saved is None else getattr(saved, name)


def store_state(project: Project, programme: Programme) -> None:
    """Keep the planner's edits of *programme* in *project* (saved with the project file)."""
    project.settings[SETTINGS_KEY] = programme_state(programme)


def _consent(request: ProgrammeRequest, facts: PlanFacts, notes: list, state: dict | None) -> Consent:
    given = request.consent
    if isinstance(given, Consent):
        given.threshold = request.consent_threshold
        return given
    lifts = facts.lifts.ids if facts.lifts is not None else None
    if given is None:
        consent = Consent.empty(len(facts), threshold=request.consent_threshold,
                                buildings=0 if lifts is None else len(lifts))
        notes += restore_consent(consent, state, facts) if state else []
        return consent
    read = read_consent(given, facts.ids, threshold=request.consent_threshold, building_ids=lifts,
                        names=facts.names)
    notes += read.notices
    return read.consent


def add_programme(project: Project, outputs, feedback: Feedback | None = None) -> None:
    """Fill *outputs*.programme (a gis.analysis.outputs.PlanOutputs) for an export: the programme from
    these results with the planner's saved edits; its notices join the export's, and an engine
    error becomes a notice (the rest of the export is still written)."""
    from gis.analysis.outputs import guard

    if outputs.programme is not None or project.first(Role.COMPOUNDS) is None:
        return

    def step():
        outcome = run(ProgrammeRequest(project, outputs=outputs))
        seen = {(n.code, n.message) for n in outputs.notices}
        outputs.notices += [n for n in outcome.notices if (n.code, n.message) not in seen]
        return outcome.programme

    outputs.programme = guard(outputs, step, feedback)
