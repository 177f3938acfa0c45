"""Life circles: one request, one run, for the window, the command line and exports.

Network and areas go through a :class:`~gis.network.cache.ResultCache`, so a run whose
inputs (facility positions and types, the road lines or OSM file, the distances, the
options) did not change returns the stored result at once. Only the 一老一小 facilities
are drawn; in network mode those farther than ``access_m`` from every street are left out
and named in a notice.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from pathlib import Path

import geopandas as gpd
import numpy as np

from gis import defaults
from gis.analysis.facilities import care_facilities, left_out_notice, subset
from gis.analysis.outcome import Outcome
from gis.analysis.params import param, validate
from gis.errors import AnalysisError, NeedsAnswer
from gis.feedback import Feedback, ensure
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.notices import Notice, coded
from gis.layer import Layer
from gis.network.cache import ResultCache, cached_network, cached_service_areas
from gis.network.graph import WalkGraph
from gis.network.grid_service import grid_of
from gis.network.inputs import Facilities, facilities_from_layer
from gis.network.service_area import ServiceAreaParams, ServiceAreaResult
from gis.standards import Standards
from gis.wording import named_sites

MODES = ("buffer", "network")
WORKERS = 2  # threads for the polygons (numpy and contourpy release the GIL)


@dataclass(frozen=True, eq=False)
class LifeCircleRequest:
    """What to compute.

    facilities : the facility layer (types from its FACILITY_TYPE field or names), or facilities
        already gathered (every facility layer of a project, for exports).
    standards : the standards with time mode on or off as the user chose.
    roads / osm_path : the walking network (network mode): a road frame, or an OSM file.
    distances, type_distances : override the standards' ring distances (the CLI's
        ``--distances`` / ``--minutes``); None takes them from the standards.
    input_notices : what reading the inputs said (they travel with the outcome).
    """

    facilities: Layer | Facilities
    standards: Standards
    mode: str = param("buffer", QT_TRANSLATE_NOOP(
        "analysis", "buffer: straight-line circles; network: along the walking network"), kind=str, choices=MODES)
    roads: gpd.GeoDataFrame | None = None
    osm_path: str | None = None
    edge_buffer_m: float = param(defaults.EDGE_BUFFER_M, QT_TRANSLATE_NOOP(
        "analysis", "Half-width of the walkable band drawn along the reached streets"), unit="m", low=5, high=200, flag="--edge-buffer")
    snap_tolerance_m: float = param(defaults.SNAP_M, QT_TRANSLATE_NOOP(
        "analysis", "Road ends closer than this are joined when the network is built"), unit="m", low=0, high=50, flag="--snap")
    access_m: float = param(defaults.ACCESS_M, QT_TRANSLATE_NOOP(
        "analysis", "facilities farther than this from every street are left out (network mode)"),
        unit="m", low=1, high=5000, flag="--access")
    per_facility: bool = False  # per_facility / per_type: which polygons to draw
    per_type: bool = True
    method: str = "grid"
    distances: tuple[float, ...] | None = None
    type_distances: tuple[tuple[str, tuple[float, ...]], ...] = ()
    input_notices: tuple[Notice, ...] = ()
    first: tuple[str, ...] = ()  # types drawn first (ServiceAreaParams.first): the order of the work only

    def service_params(self) -> ServiceAreaParams:
        """The engine's parameters for this request."""
        if self.distances is not None:
            return ServiceAreaParams(mode=self.mode, distances=tuple(self.distances),
                                     type_distances=self.type_distances, per_facility=self.per_facility,
                                     per_type=self.per_type, edge_buffer_m=self.edge_buffer_m, workers=WORKERS,
                                     method=self.method, first=self.first)
        return ServiceAreaParams.from_standards(self.standards, mode=self.mode, per_facility=self.per_facility,
                                                per_type=self.per_type, edge_buffer_m=self.edge_buffer_m,
                                                workers=WORKERS, method=self.method, first=self.first)


@dataclass(eq=False, kw_only=True)
class LifeCircleOutcome(Outcome):
    """A finished run: the facilities drawn, the engine's areas, the network."""

    facilities: Facilities
    params: ServiceAreaParams
    result: ServiceAreaResult
    network: WalkGraph | None
    from_cache: bool
    rows: np.ndarray  # the layer row (feature id) of each facility in ``facilities``


def near_network(facilities: Facilities, network: WalkGraph, access_m: float) -> tuple[np.ndarray, list[Notice]]:
    """Positions of the facilities within *access_m* of a street, and a notice naming the others.

    Raises
    ------
    AnalysisError
        No facility is that close to the network (wrong file, or a different place).
    """
    if not network.n_edges:
        raise AnalysisError(QT_TRANSLATE_NOOP("errors", "The walking network has no streets."))
    _, dist = network.tree.query_nearest(facilities.points, return_distance=True, all_matches=False)
    near = dist <= access_m
    if not near.any():
        raise NeedsAnswer("network.no_facility_near", QT_TRANSLATE_NOOP(
            "errors", "None of the {count} facilities is within {metres} m of the walking network (the nearest "
                      "is {nearest} km away): the network covers another place, or a layer is in the wrong "
                      "coordinate system."), count=len(facilities), metres=f"{access_m:g}",
            nearest=f"{dist.min() / 1000:,.1f}", option="--network-crs / --facilities-crs")
    notes = []
    if not near.all():
        far = np.flatnonzero(~near)
        notes.append(coded("network.facilities_off_network", QT_TRANSLATE_NOOP(
            "network", "{count} facilities lie more than {metres} m from every street and were left out: {ids}"),
            count=len(far), metres=f"{access_m:g}", **named_sites(facilities.ids[far], facilities.names[far])))
    return np.flatnonzero(near), notes


def network_source(request: LifeCircleRequest):
    """The roads frame or the OSM path of a network-mode request."""
    if request.roads is not None:
        return request.roads
    if request.osm_path:
        return Path(request.osm_path)
    raise AnalysisError(QT_TRANSLATE_NOOP("errors", "Network mode needs a walking network "
                                          "(a road layer or an OSM file)."))


def _network(request: LifeCircleRequest, crs, cache: ResultCache, fb: Feedback) -> WalkGraph:
    return cached_network(cache, network_source(request), crs=crs, snap_tolerance_m=request.snap_tolerance_m,
                          feedback=fb)


def prepare_network(request: LifeCircleRequest, *, cache: ResultCache, feedback: Feedback | None = None) -> WalkGraph:
    """Build the walking network of a network-mode *request* and its street grid ahead of a run, into
    *cache* (the window does it in the background once a road layer is in the project): a run with
    the same roads, facility CRS and options then starts its polygons at once. The network is keyed
    by the roads' shapes, so an edited or replaced road layer is built again."""
    validate(request)
    fb = ensure(feedback)
    facilities = request.facilities  # the working CRS the run's facilities get
    crs = (facilities_from_layer(facilities, standards=request.standards) if isinstance(facilities, Layer)
           else facilities).crs
    network = _network(request, crs, cache, fb.sub(0.0, 0.7))
    fb.check()
    fb.progress(0.7, QT_TRANSLATE_NOOP("network", "Laying the street grid"))
    grid_of(network, request.edge_buffer_m, workers=WORKERS)
    fb.progress(1.0)
    return network


def run(request: LifeCircleRequest, *, cache: ResultCache | None = None,
        feedback: Feedback | None = None) -> LifeCircleOutcome:
    """Service areas for *request*, reusing cached networks and results."""
    validate(request)
    fb = ensure(feedback)
    cache = cache if cache is not None else ResultCache()
    start = time.perf_counter()
    misses = cache.misses
    layers = [request.facilities] if isinstance(request.facilities, Layer) else []
    every = facilities_from_layer(layers[0], standards=request.standards) if layers else request.facilities
    facilities, rows = care_facilities(every, layers)
    notes = list(request.input_notices) + left_out_notice(every, rows)
    fb.check()
    network, timings = None, {}
    if request.mode == "network":
        fb.progress(0.0, QT_TRANSLATE_NOOP("network", "Building the walking network"))
        network = _network(request, facilities.crs, cache, fb.sub(0.0, 0.25))
        keep, far = near_network(facilities, network, request.access_m)
        facilities, rows, notes = subset(facilities, keep), rows[keep], notes + far
        timings["network"] = time.perf_counter() - start
    params = request.service_params()
    fb.progress(0.25 if network is not None else 0.0, QT_TRANSLATE_NOOP("network", "Drawing service areas"))
    sub = fb.sub(0.25, 1.0) if network is not None else fb
    result = cached_service_areas(cache, facilities, network=network, params=params, feedback=sub)
    fb.progress(1.0)
    timings.update({k: float(v) for k, v in result.seconds.items()}, total=time.perf_counter() - start)
    return LifeCircleOutcome(request=request, notices=notes + list(result.notices), timings=timings,
                             facilities=facilities, params=params, result=result, network=network,
                             from_cache=cache.misses == misses, rows=rows)


def facility_areas(outcome: LifeCircleOutcome, rows: np.ndarray, *, cache: ResultCache,
                   feedback: Feedback | None = None) -> gpd.GeoDataFrame:
    """Each facility's own areas at every distance, for the facilities at *rows* of the outcome
    (``row`` in the frame is the position in *rows*)."""
    params = replace(outcome.params, per_facility=True, per_type=False)
    result = cached_service_areas(cache, subset(outcome.facilities, np.asarray(rows, dtype=np.int64)),
                                  network=outcome.network, params=params, feedback=feedback)
    return result.per_facility
