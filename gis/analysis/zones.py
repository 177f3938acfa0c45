"""Zones: the neighbour rule (which compounds may share a zone) and the zone suggestion,
one request and one run each, for the window, the command line and project files."""

from __future__ import annotations

import time
from dataclasses import dataclass

from gis import defaults
from gis.analysis.outcome import Outcome
from gis.analysis.params import param, validate
from gis.errors import NeedsAnswer
from gis.feedback import Feedback, ensure
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.notices import Notice, coded
from gis.layer import Layer
from gis.network.cache import ResultCache
from gis.zones.adjacency import Adjacency, build_adjacency
from gis.zones.barriers import BarrierChoice, barrier_features
from gis.zones.model import ZoneModel
from gis.zones.stats import CompoundFacts
from gis.zones.suggest import Constraints, Suggestion, suggest_for


@dataclass(frozen=True, eq=False)
class NeighbourRule:
    """Compounds at most ``gap_m`` apart are neighbours, unless a barrier lies between them."""

    compounds: Layer
    barriers: Layer | None = None
    choice: BarrierChoice | None = None  # which barrier features count (all without a filter)
    gap_m: float = param(defaults.GAP_M, QT_TRANSLATE_NOOP(
        "analysis", "Compounds at most this far apart (across a street) are neighbours"), unit="m", low=0,
        high=500, flag="--gap")


def neighbour_graph(rule: NeighbourRule, *, feedback: Feedback | None = None) -> Adjacency:
    """The neighbour graph of *rule*'s compounds."""
    validate(rule)
    barriers = None if rule.barriers is None else barrier_features(rule.barriers, rule.choice)
    return build_adjacency(rule.compounds.data, gap=rule.gap_m, barriers=barriers, feedback=feedback)


def zone_model(rule: NeighbourRule, *, feedback: Feedback | None = None) -> ZoneModel:
    """An empty zone plan over *rule*'s compounds."""
    model = ZoneModel(neighbour_graph(rule, feedback=feedback), rule.compounds.data.geometry.values,
                      layer_id=rule.compounds.id,
                      barrier_layer_id=None if rule.barriers is None else rule.barriers.id)
    model.barrier_filter = None if rule.choice is None else rule.choice.to_dict()
    return model


@dataclass(frozen=True, eq=False)
class ZoneRequest:
    """Suggest zones of *model* (a plan over *compounds*) under the planner's limits (None: no limit)."""

    model: ZoneModel
    compounds: Layer
    min_households: float | None = param(None, QT_TRANSLATE_NOOP(
        "analysis", "households per zone, at least"), low=1, optional=True)
    max_households: float | None = param(None, QT_TRANSLATE_NOOP(
        "analysis", "households per zone, at most"), low=1, optional=True)
    max_area_m2: float | None = param(None, QT_TRANSLATE_NOOP(
        "analysis", "compound land per zone, at most"), unit="m²", low=1, optional=True, flag="--max-area")
    max_compounds: int | None = param(None, QT_TRANSLATE_NOOP(
        "analysis", "compounds per zone, at most"), low=1, kind=int, optional=True)
    min_compounds: int = param(2, QT_TRANSLATE_NOOP(
        "analysis", "compounds per zone, at least"), low=1, kind=int)
    pre_year: int | None = param(defaults.PRE_YEAR, QT_TRANSLATE_NOOP(
        "analysis", "only compounds built in or before this year"), low=1900, high=2100, kind=int, optional=True)
    seed: int = param(0, QT_TRANSLATE_NOOP("analysis", "seed of the search"), kind=int)
    keep_existing: bool = True
    input_notices: tuple[Notice, ...] = ()

    def constraints(self) -> Constraints:
        return Constraints(min_households=self.min_households, max_households=self.max_households,
                           max_area_m2=self.max_area_m2, max_compounds=self.max_compounds,
                           min_compounds=self.min_compounds, pre_year=self.pre_year,
                           keep_existing=self.keep_existing).validate()


@dataclass(eq=False, kw_only=True)
class ZoneOutcome(Outcome):
    """A suggestion to preview (nothing in the plan changes until it is accepted)."""

    suggestion: Suggestion
    facts: CompoundFacts

    @property
    def result(self) -> Suggestion:
        return self.suggestion


def run(request: ZoneRequest, *, cache: ResultCache | None = None, feedback: Feedback | None = None) -> ZoneOutcome:
    """The zone suggestion for *request* (*cache* is unused: the suggestion is fast and seeded).

    Raises
    ------
    NeedsAnswer
        Household limits were set but the compounds have no households field.
    """
    validate(request)
    fb = ensure(feedback)
    start = time.perf_counter()
    facts = CompoundFacts(request.compounds)
    notes = list(request.input_notices)
    if not facts.has_households:
        if request.min_households is not None or request.max_households is not None:
            raise NeedsAnswer("field.households_missing", QT_TRANSLATE_NOOP(
                "errors", "Household limits need a households field, and {name} has none that is recognised. "
                          "Say which column holds households ({option})."),
                name=request.compounds.name, option="--field compounds.households=COLUMN")
        notes.append(coded("field.households_missing", QT_TRANSLATE_NOOP(
            "zones", "The compounds have no households field, so zone households are null."), level="info"))
    suggestion = suggest_for(request.model, request.compounds, constraints=request.constraints(), facts=facts,
                             seed=request.seed, feedback=fb)
    return ZoneOutcome(request=request, notices=notes + list(suggestion.warnings),
                       timings={"total": time.perf_counter() - start}, suggestion=suggestion, facts=facts)
