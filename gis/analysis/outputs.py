"""The analysis results an export needs, from the engines (computed when not given).

The GUI passes what its controllers already computed; the command line computes it from
the project: the walking network from the roads layer (straight lines without one), the
gaps of :mod:`gis.gaps.access` and their pooling per zone, the elevator needs and
subsidy of :mod:`gis.gaps.elevators`, the check-up ranking and the service areas. A
step that the data cannot support (no buildings layer, no floors field ...) is left out
with a notice, so the rest of the report is still written.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import geopandas as gpd
import pandas as pd

from gis.analysis.facilities import facilities_of
from gis.analysis.project_settings import ProjectSettings
from gis.domain import Role
from gis.errors import ExportError, GisError
from gis.feedback import Feedback, ensure
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.notices import Notice, notice
from gis.layer import Layer
from gis.network.service_area import ServiceAreaParams
from gis.project import Project

STEPS = ("zones", "gaps", "elevators", "ranking", "service_areas", "access")
NEEDS = {  # what each export format uses
    "gpkg": ("zones", "gaps", "elevators"), "shp": ("zones", "gaps", "elevators"),
    "geojson": ("zones", "gaps", "elevators"), "kml": ("zones", "gaps", "elevators"),
    "dxf": ("zones",), "xlsx": ("zones", "gaps", "elevators", "ranking", "access", "programme"),
    "html": ("zones", "gaps", "elevators", "service_areas"), "pdf": (), "png": (),
}


@dataclass
class PlanOutputs:
    """Results of the engines for one project; None where not computed or not possible."""

    zone_stats: pd.DataFrame | None = None
    gaps: object | None = None  # gis.gaps.access.GapResult
    zone_gaps: object | None = None  # gis.gaps.zones.ZoneGaps
    elevators: object | None = None  # gis.gaps.elevators.ElevatorResult
    ranking: object | None = None  # gis.gaps.ranking.Ranking
    service_areas: gpd.GeoDataFrame | None = None  # per type at each facility's required radius
    subsidy_rule: object | None = None  # gis.gaps.elevators.SubsidyRule used for the estimate
    access: list = field(default_factory=list)  # gis.supply.result.AccessResult per facility type present
    programme: object | None = None  # gis.programme.Programme: the report gains its five sheets
    notices: list[Notice] = field(default_factory=list)

    def zone_elevators(self, project: Project) -> pd.DataFrame | None:
        """Per zone id: elevator_buildings, elevator_households, elevators, subsidy_total."""
        if self.elevators is None or project.zones is None:
            return None
        per = self.elevators.per_zone(project.zones.assignment)
        return pd.DataFrame({"elevator_buildings": per["buildings"], "elevator_households": per["households"],
                             "elevators": per["elevators"], "subsidy_total": per["subsidy"]},
                            index=per.index)


def collect_outputs(project: Project, *, steps: tuple[str, ...] = STEPS, given: PlanOutputs | None = None,
                    standards=None, subsidy_rule: str | None = None, planned: bool = True,
                    feedback: Feedback | None = None) -> PlanOutputs:
    """Fill in the results *steps* need that *given* lacks.

    Parameters
    ----------
    steps : which results to have ("zones", "gaps", "elevators", "ranking", "service_areas",
        "access"; "programme" is added by gis.analysis.programme.add_programme, which reads these).
    given : results computed elsewhere (kept as they are).
    standards : gis.standards.Standards (the shipped preset when None).
    subsidy_rule : key of the elevator subsidy rule ("shenzhen", "changchun", "ankang");
        default: the project's setting ``subsidy_rule``, else the first rule checked
        against its policy text.
    planned : count planned facilities (rows of facility layers whose ``planned`` column
        is true) — False gives the situation before the plan.
    """
    fb = ensure(feedback)
    out = given or PlanOutputs()
    steps = tuple(s for s in STEPS if s in steps or (s == "gaps" and {"ranking", "service_areas"} & set(steps)))
    if "zones" in steps and out.zone_stats is None and project.zones is not None:
        out.zone_stats = guard(out, lambda: _zone_stats(project, fb.sub(0.0, 0.2)), fb)
    standards = standards or _standards(out)
    network = None
    if {"gaps", "service_areas"} & set(steps) and standards is not None:
        network = _network(project, out, fb.sub(0.2, 0.35))
    if "gaps" in steps and out.gaps is None and standards is not None:
        out.gaps = guard(out, lambda: _gaps(project, standards, planned, fb.sub(0.35, 0.5)), fb)
    if out.gaps is not None and out.zone_gaps is None and project.zones is not None:
        out.zone_gaps = guard(out, lambda: _pool(project, out.gaps), fb)
    if "elevators" in steps and out.elevators is None:
        out.elevators = guard(out, lambda: _elevators(project, out, subsidy_rule), fb)
    if "ranking" in steps and out.ranking is None and out.gaps is not None:
        out.ranking = guard(out, lambda: _ranking(project, out), fb)
    if "service_areas" in steps and out.service_areas is None and standards is not None:
        out.service_areas = guard(out, lambda: _service_areas(project, standards, network, planned,
                                                               fb.sub(0.5, 1.0)), fb)
    if "access" in steps and not out.access and standards is not None:
        out.access = guard(out, lambda: _access(project, standards, planned, fb), fb) or []
        seen = {n.message for n in out.notices}
        out.notices += [n for r in out.access for n in r.notices if n.message not in seen and not seen.add(n.message)]
    fb.progress(1.0)
    return out


def guard(out: PlanOutputs, step, feedback: Feedback | None = None):
    """Run *step*; an engine error becomes a notice and the step's result None."""
    if feedback is not None:
        feedback.check()
    try:
        return step()
    except GisError as err:
        out.notices.append(notice(QT_TRANSLATE_NOOP("io", "Left out of the export: {reason}"),
                                  reason=err.message))
        return None


def _zone_stats(project: Project, fb: Feedback) -> pd.DataFrame:
    return zone_stats(project, feedback=fb)


def _standards(out: PlanOutputs):
    from gis.standards import load_standards

    return guard(out, load_standards)


def _network(project: Project, out: PlanOutputs, fb: Feedback):
    """The walking network from the first roads layer (None: straight-line distances)."""
    roads = project.first(Role.ROADS)
    if roads is None or not len(roads):
        out.notices.append(notice(QT_TRANSLATE_NOOP(
            "io", "The project has no roads layer: distances are straight lines.")))
        return None
    from gis.analysis.session import session_for
    from gis.network.cache import cached_network

    return guard(out, lambda: cached_network(session_for(project).cache, roads.data, crs=project.crs,
                                              feedback=fb), fb)


def _gaps(project: Project, standards, planned: bool, fb: Feedback):
    """The window's gap run (gis.analysis.gaps) on the project, sharing its session's cache."""
    from gis.analysis.gaps import GapRequest, run
    from gis.analysis.session import session_for
    from gis.gaps.elevators import ElevatorParams

    compounds = project.first(Role.COMPOUNDS)
    if compounds is None or facilities_of(project, standards, planned=planned) is None:
        raise GisError(QT_TRANSLATE_NOOP("errors", "the gap analysis needs a compounds and a facilities layer"))
    roads = project.first(Role.ROADS)
    request = GapRequest(project, compounds, standards, ElevatorParams(), planned=planned,
                         roads=roads.data if roads is not None and len(roads) else None,
                         entrances=project.first(Role.ENTRANCES))
    return run(request, cache=session_for(project).cache, feedback=fb).gaps


def _pool(project: Project, gaps):
    from gis.gaps.zones import pool_gaps, zone_groups_from_model

    groups, names = zone_groups_from_model(project.zones)
    return pool_gaps(gaps, groups, names=names)


def _elevators(project: Project, out: PlanOutputs, rule_key: str | None):
    from gis.gaps.elevators import ElevatorParams, elevator_needs, load_subsidy_presets

    buildings, compounds = project.first(Role.BUILDINGS), project.first(Role.COMPOUNDS)
    if buildings is None or compounds is None:
        raise GisError(QT_TRANSLATE_NOOP("errors", "elevator needs require a buildings and a compounds layer"))
    presets = load_subsidy_presets()
    settings = ProjectSettings.of(project)
    key = rule_key or settings.subsidy_rule or next(
        (r.key for r in presets.rules if r.checked), None)
    params = ElevatorParams.from_presets(presets, key,
                                         min_floors=settings.elevator_min_floors)
    out.subsidy_rule = params.rule
    result = elevator_needs(buildings, compounds, params=params)
    out.notices += list(result.notices)
    return result


def _ranking(project: Project, out: PlanOutputs):
    """The window's ranking run with the shipped preset and the project's build-year cut-off."""
    from gis.analysis.ranking import RankingRequest, run
    from gis.gaps.ranking import load_ranking_preset

    preset = load_ranking_preset()
    outcome = run(RankingRequest(out.gaps, out.elevators, preset,
                                 pre_year=ProjectSettings.of(project).pre_year))
    out.notices += outcome.notices
    return outcome.result


def _access(project: Project, standards, planned: bool, fb: Feedback) -> list:
    """The window's access run (gis.analysis.access) for each facility type the project has."""
    from gis.analysis.access import AccessRequest, run
    from gis.analysis.session import session_for
    from gis.gaps.access import TYPES
    from gis.gaps.zones import zone_groups_from_model

    compounds, fac = project.first(Role.COMPOUNDS), facilities_of(project, standards, planned=planned)
    if compounds is None or fac is None:
        return []
    roads = project.first(Role.ROADS)
    zones = zone_groups_from_model(project.zones) if project.zones is not None else None
    present = [t for t in TYPES if (fac.types.astype(str) == t).any()]
    out = []
    for ftype in present:
        fb.check()
        request = AccessRequest(project, compounds, standards, facility_type=ftype, planned=planned,
                                roads=roads.data if roads is not None and len(roads) else None,
                                entrances=project.first(Role.ENTRANCES), zones=zones)
        out.append(run(request, cache=session_for(project).cache).result)
    return out


def _service_areas(project: Project, standards, network, planned: bool, fb: Feedback) -> gpd.GeoDataFrame | None:
    """Each type's area within its facilities' required radius (walking, or circles): the
    window's life-circle run (gis.analysis.life_circles) at the first ring, in the session's cache."""
    from gis.analysis.life_circles import LifeCircleRequest, run
    from gis.analysis.session import session_for

    fac = facilities_of(project, standards, planned=planned)
    if fac is None:
        return None
    rings = ServiceAreaParams.from_standards(standards)
    roads = project.first(Role.ROADS)
    request = LifeCircleRequest(fac, standards, mode="network" if network is not None else "buffer",
                                roads=roads.data if network is not None else None, distances=rings.distances[:1],
                                type_distances=tuple((t, d[:1]) for t, d in rings.type_distances))
    result = run(request, cache=session_for(project).cache, feedback=fb).result
    return result.required if result.required is not None else result.per_type


def compounds_layer(project: Project) -> Layer:
    """The compounds layer the zone plan is drawn over."""
    model = project.zones
    if model is None:
        raise ExportError(QT_TRANSLATE_NOOP("errors", "The project has no renovation zones yet; "
                                            "make zones first or export another layer."))
    if model.layer_id is not None:
        try:
            return project.layer(model.layer_id)
        except KeyError:
            pass
    layer = project.first(Role.COMPOUNDS)
    if layer is None or len(layer) != model.n:
        raise ExportError(QT_TRANSLATE_NOOP("errors", "The compounds layer of the zone plan is missing."))
    return layer


def zone_stats(project: Project, *, feedback: Feedback | None = None) -> pd.DataFrame:
    """The zone table (gis.zones.stats) with buildings and facilities from the project."""
    from gis.zones.stats import ZoneStats

    stats = ZoneStats(project.zones, compounds_layer(project), buildings=project.first(Role.BUILDINGS),
                      facilities=project.first(Role.FACILITIES),
                      pre_year=ProjectSettings.of(project).pre_year)
    return stats.table(feedback=feedback)
