"""Gaps and elevators: one request, one run, for the window, the command line and exports.

The walking network and the compounds' access points go through a
:class:`~gis.network.cache.ResultCache` (the life circles' cache when the caller shares it),
so a network already built is reused, and a rerun after accepting planned facilities only
recomputes the distances.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np

from gis import defaults
from gis.analysis.facilities import care_facilities, facilities_of
from gis.analysis.outcome import Outcome, timed
from gis.analysis.params import param, validate
from gis.domain import FieldRole, Role
from gis.errors import AnalysisError, GisError
from gis.feedback import Feedback, ensure
from gis.gaps.access import GapResult, Origins, analyse_gaps, origins_from_layers
from gis.gaps.elevators import ElevatorParams, ElevatorResult, elevator_needs
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.notices import Notice, coded
from gis.layer import Layer
from gis.network.cache import ResultCache, cached_network, input_key
from gis.network.graph import WalkGraph
from gis.project import Project
from gis.standards import Standards


@dataclass(frozen=True, eq=False)
class GapRequest:
    """What to analyse.

    project : the project whose facility layers (planned ones included when *planned*) are measured to.
    compounds : the compounds layer.
    roads : road lines (a frame) or an OSM file for walking distances; None for straight lines.
    buildings : for the elevator gaps, or None.
    input_notices : what reading the inputs said (they travel with the outcome).
    """

    project: Project
    compounds: Layer
    standards: Standards
    elevator: ElevatorParams
    roads: gpd.GeoDataFrame | Path | None = None
    entrances: Layer | None = None
    buildings: Layer | None = None
    snap_tolerance_m: float = param(defaults.SNAP_M, QT_TRANSLATE_NOOP(
        "analysis", "Road ends closer than this are joined when the network is built"), unit="m", low=0,
        high=50, flag="--snap")
    planned: bool = True
    input_notices: tuple[Notice, ...] = ()

    @property
    def mode(self) -> str:
        return "network" if self.roads is not None else "straight"


@dataclass(eq=False, kw_only=True)
class GapOutcome(Outcome):
    """A finished run. ``elevator_error`` says why there are no elevator results, if so."""

    gaps: GapResult
    network: WalkGraph | None
    elevators: ElevatorResult | None
    elevator_error: GisError | None

    @property
    def result(self) -> GapResult:
        return self.gaps


def run(request: GapRequest, *, cache: ResultCache | None = None, feedback: Feedback | None = None) -> GapOutcome:
    """Gaps (and elevator needs) for *request*, reusing the cached network and origins."""
    validate(request)
    fb = ensure(feedback)
    cache = cache if cache is not None else ResultCache()
    start = time.perf_counter()
    timings: dict[str, float] = {}
    facilities = facilities_of(request.project, request.standards, planned=request.planned)
    if facilities is None:
        raise AnalysisError(QT_TRANSLATE_NOOP("errors", "The project has no facility layer: add one "
                                              "(File > Add data) with the facilities' points."))
    care_facilities(facilities, request.project.layers_by_role(Role.FACILITIES))  # refuses none of a known type
    network, origins = walk_origins(request, cache, fb, timings, use_network=request.roads is not None)
    fb.progress(0.4, QT_TRANSLATE_NOOP("gaps", "Measuring distances to the facilities"))
    with timed(timings, "gaps"):
        gaps = analyse_gaps(request.compounds, facilities, standards=request.standards, origins=origins,
                            feedback=fb.sub(0.4, 0.85))
    elevators, error = None, None
    if request.buildings is not None:
        fb.progress(0.85, QT_TRANSLATE_NOOP("gaps", "Counting buildings that need an elevator"))
        with timed(timings, "elevators"):
            elevators, error = elevator_run(request.buildings, gaps, request.elevator, fb.sub(0.85, 1.0))
    fb.progress(1.0)
    timings["total"] = time.perf_counter() - start
    notes = (list(request.input_notices) + far_apart(gaps) + list(gaps.notices)
             + (list(elevators.notices) if elevators else []))
    return GapOutcome(request=request, notices=notes, timings=timings, gaps=gaps, network=network,
                      elevators=elevators, elevator_error=error)


def far_apart(gaps) -> list[Notice]:
    """A warning when no facility is within ``FAR_APART_M`` of any compound: every compound would
    lack everything, which usually means another district's file or an undeclared GCJ-02/BD-09."""
    near = np.asarray(gaps.nearest_m, dtype=float)
    near = near[np.isfinite(near)]  # unreachable on foot: gaps.unreachable says so already
    if not near.size or near.min() <= defaults.FAR_APART_M:
        return []
    return [coded("gaps.facilities_far_away", QT_TRANSLATE_NOOP(
        "gaps", "No facility is within {km:,.0f} km of any compound (the nearest is {nearest:,.0f} km away), so "
                "every compound lacks every service. Check that the facilities belong to this district and that "
                "their coordinate system is right (GCJ-02/BD-09 declared)."),
        km=defaults.FAR_APART_M / 1000, nearest=near.min() / 1000)]


def walk_origins(request, cache: ResultCache, fb: Feedback, timings: dict, *, use_network: bool
                 ) -> tuple[WalkGraph | None, Origins]:
    """The walking network (when *use_network*: built from ``request.roads``, first 30 % of *fb*) and
    the compounds' origins on it, both through *cache*; *request* has compounds, roads, entrances
    and snap_tolerance_m."""
    network = None
    if use_network:
        fb.progress(0.0, QT_TRANSLATE_NOOP("network", "Building the walking network"))
        with timed(timings, "network"):
            network = cached_network(cache, request.roads, crs=request.compounds.data.crs,
                                     snap_tolerance_m=request.snap_tolerance_m, feedback=fb.sub(0.0, 0.3))
    fb.check()
    with timed(timings, "origins"):
        origins = cached_origins(cache, request.compounds, network, request.entrances)
    return network, origins


def cached_origins(cache: ResultCache, compounds: Layer, network: WalkGraph | None,
                   entrances: Layer | None) -> Origins:
    """The compounds' origins (network access points or polygons), reused while unchanged."""
    gates = entrances if network is not None else None
    key = input_key("gap_origins", compounds.data, *_roles(compounds),
                    network if network is not None else "straight",
                    *((gates.data, *_roles(gates)) if gates is not None else ("no gates",)))

    def build() -> Origins:
        return origins_from_layers(compounds, network=network, entrances=gates)

    return cache.get_or_compute(key, build)


def _roles(layer: Layer) -> list:
    """The layer's field roles and the values of the columns that match gates to compounds
    (the cache key hashes a frame's shapes only)."""
    out: list = sorted((role.value, column) for role, column in layer.fields.items())
    for role in (FieldRole.ID, FieldRole.COMPOUND_ID):
        column = layer.column(role)
        if column is not None:
            out.append(column.astype(str).to_numpy(dtype=object))
    return out


def elevator_run(buildings: Layer, gaps: GapResult, params: ElevatorParams,
                 feedback: Feedback | None = None) -> tuple[ElevatorResult | None, GisError | None]:
    """Elevator needs of *buildings* per compound of *gaps*, or the reason there are none."""
    try:
        return elevator_needs(buildings, gaps.compounds, params=params, feedback=feedback), None
    except GisError as err:
        return None, err
