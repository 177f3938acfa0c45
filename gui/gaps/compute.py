"""One gap run: the project's compounds, facilities, buildings and walking network → the results.

Runs on a worker thread (no Qt here). The walking network and the compounds' access
points go through the engine's :class:`~gis.network.cache.ResultCache` — the life-circle
view's cache when it has one — so a network already built there is reused, and a rerun
after accepting planned facilities only recomputes the distances.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import geopandas as gpd

from gis.domain import FieldRole
from gis.errors import AnalysisError, GisError
from gis.export.plan import facilities_of
from gis.feedback import Feedback, ensure
from gis.gaps.access import GapResult, Origins, analyse_gaps, origins_from_layers
from gis.gaps.elevators import ElevatorParams, ElevatorResult, elevator_needs
from gis.i18n import QT_TRANSLATE_NOOP
from gis.layer import Layer
from gis.network.build import DEFAULT_SNAP_M
from gis.network.cache import ResultCache, cached_network, input_key
from gis.network.graph import WalkGraph
from gis.project import Project
from gis.standards import Standards


@dataclass(frozen=True, eq=False)
class GapRequest:
    """What to analyse.

    Parameters
    ----------
    project : the project whose facility layers (planned ones included) are measured to.
    compounds : the compounds layer.
    roads : road lines for walking distances (network mode), or None for straight lines.
    buildings : for the elevator gaps, or None.
    """

    project: Project
    compounds: Layer
    standards: Standards
    elevator: ElevatorParams
    roads: gpd.GeoDataFrame | None = None
    entrances: Layer | None = None
    buildings: Layer | None = None
    snap_tolerance_m: float = DEFAULT_SNAP_M

    @property
    def mode(self) -> str:
        return "network" if self.roads is not None else "straight"


@dataclass(eq=False)
class GapOutcome:
    """A finished run. ``elevator_error`` says why there are no elevator results, if so."""

    request: GapRequest
    gaps: GapResult
    network: WalkGraph | None
    elevators: ElevatorResult | None
    elevator_error: GisError | None
    seconds: float
    timings: dict[str, float] = field(default_factory=dict)


def run_gaps(request: GapRequest, *, cache: ResultCache, feedback: Feedback | None = None) -> GapOutcome:
    """Gaps (and elevator needs) for *request*, reusing the cached network and origins."""
    fb = ensure(feedback)
    start = time.perf_counter()
    timings: dict[str, float] = {}
    network = None
    if request.roads is not None:
        fb.progress(0.0, QT_TRANSLATE_NOOP("network", "Building the walking network"))
        network = cached_network(cache, request.roads, crs=request.compounds.data.crs,
                                 snap_tolerance_m=request.snap_tolerance_m, feedback=fb.sub(0.0, 0.3))
        timings["network"] = time.perf_counter() - start
    fb.check()
    t = time.perf_counter()
    origins = cached_origins(cache, request.compounds, network, request.entrances)
    timings["origins"] = time.perf_counter() - t
    fb.progress(0.4, QT_TRANSLATE_NOOP("gaps", "Measuring distances to the facilities"))
    t = time.perf_counter()
    facilities = facilities_of(request.project, request.standards)
    if facilities is None:
        raise AnalysisError(QT_TRANSLATE_NOOP("errors", "The project has no facility layer: add one "
                                              "(File > Add data) with the facilities' points."))
    gaps = analyse_gaps(request.compounds, facilities, standards=request.standards, origins=origins,
                        feedback=fb.sub(0.4, 0.85))
    timings["gaps"] = time.perf_counter() - t
    elevators, error = None, None
    if request.buildings is not None:
        fb.progress(0.85, QT_TRANSLATE_NOOP("gaps", "Counting buildings that need an elevator"))
        t = time.perf_counter()
        elevators, error = elevator_run(request.buildings, gaps, request.elevator, fb.sub(0.85, 1.0))
        timings["elevators"] = time.perf_counter() - t
    fb.progress(1.0)
    return GapOutcome(request, gaps, network, elevators, error, time.perf_counter() - start, timings)


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
