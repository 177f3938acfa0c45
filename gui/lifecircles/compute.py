"""One life-circle run: the project's care facilities, the walking network and the areas.

Runs on a worker thread (no Qt here). Network and areas go through the engine's
:class:`~gis.network.cache.ResultCache`, so a run whose inputs (facility positions and
types, the road lines or OSM file, the standards' distances, the options) did not change
returns the stored result at once.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from pathlib import Path

import geopandas as gpd
import numpy as np

from gis.domain import FacilityType
from gis.errors import AnalysisError
from gis.feedback import Feedback, ensure
from gis.i18n import QT_TRANSLATE_NOOP
from gis.layer import Layer
from gis.network.build import DEFAULT_SNAP_M
from gis.network.cache import ResultCache, cached_network, cached_service_areas
from gis.network.graph import WalkGraph
from gis.network.inputs import Facilities, facilities_from_layer
from gis.network.service_area import ServiceAreaParams, ServiceAreaResult
from gis.standards import Standards

CARE_TYPES = frozenset(t.value for t in FacilityType)


@dataclass(frozen=True, eq=False)
class Request:
    """What to compute.

    Parameters
    ----------
    facilities : the facility layer (types from its FACILITY_TYPE field or names).
    standards : the standards with time mode on or off as the user chose.
    mode : "buffer" or "network".
    roads : road lines for the network (a project layer's data), or None.
    osm_path : an ``.osm`` / ``.osm.pbf`` file for the network, used when *roads* is None.
    """

    facilities: Layer
    standards: Standards
    mode: str = "buffer"
    roads: gpd.GeoDataFrame | None = None
    osm_path: str | None = None
    edge_buffer_m: float = 30.0
    snap_tolerance_m: float = DEFAULT_SNAP_M


@dataclass(eq=False)
class Outcome:
    """A finished run: its inputs, the engine result and how long it took."""

    request: Request
    facilities: Facilities
    params: ServiceAreaParams
    result: ServiceAreaResult
    network: WalkGraph | None
    seconds: float
    from_cache: bool
    rows: np.ndarray  # the layer row (feature id) of each facility in ``facilities``


def care_facilities(facilities: Facilities) -> tuple[Facilities, np.ndarray]:
    """Only the 一老一小 facilities (shops, post stations and the like are left out), and
    the rows they were taken from.

    Raises
    ------
    AnalysisError
        None of the facilities is of a 一老一小 type.
    """
    keep = np.isin(facilities.types.astype(str), list(CARE_TYPES))
    if not keep.any():
        raise AnalysisError(QT_TRANSLATE_NOOP(
            "errors", "None of the {count} facilities is a clinic, elderly canteen, day care, nursing home, "
                      "kindergarten, nursery or play area. Set the layer's facility type field, or "
                      "import it again so its types are recognised."), count=len(facilities))
    rows = np.flatnonzero(keep)
    return subset(facilities, rows), rows


def network_source(request: Request):
    """The roads frame or the OSM path of a network-mode request."""
    if request.roads is not None:
        return request.roads
    if request.osm_path:
        return Path(request.osm_path)
    raise AnalysisError(QT_TRANSLATE_NOOP("errors", "Network mode needs a walking network "
                                          "(a road layer or an OSM file)."))


def compute(request: Request, *, cache: ResultCache, feedback: Feedback | None = None) -> Outcome:
    """Service areas for *request*, reusing cached networks and results."""
    fb = ensure(feedback)
    start = time.perf_counter()
    misses = cache.misses
    facilities, rows = care_facilities(facilities_from_layer(request.facilities, standards=request.standards))
    fb.check()
    network = None
    if request.mode == "network":
        fb.progress(0.0, QT_TRANSLATE_NOOP("network", "Building the walking network"))
        network = cached_network(cache, network_source(request), crs=facilities.crs,
                                 snap_tolerance_m=request.snap_tolerance_m, feedback=fb.sub(0.0, 0.25))
    # the map shows areas per type; one facility's own areas are drawn on demand (facility_areas)
    params = ServiceAreaParams.from_standards(request.standards, mode=request.mode, per_facility=False,
                                              edge_buffer_m=request.edge_buffer_m)
    fb.progress(0.25 if network is not None else 0.0, QT_TRANSLATE_NOOP("network", "Drawing service areas"))
    sub = fb.sub(0.25, 1.0) if network is not None else fb
    result = cached_service_areas(cache, facilities, network=network, params=params, feedback=sub)
    fb.progress(1.0)
    return Outcome(request, facilities, params, result, network, time.perf_counter() - start,
                   from_cache=cache.misses == misses, rows=rows)


def subset(facilities: Facilities, rows: np.ndarray) -> Facilities:
    """The facilities at *rows*."""
    required = facilities.required_m[rows] if facilities.required_m is not None else None
    return replace(facilities, ids=facilities.ids[rows], types=facilities.types[rows], names=facilities.names[rows],
                   points=facilities.points[rows], required_m=required)


def facility_areas(outcome: Outcome, rows: np.ndarray, *, cache: ResultCache,
                   feedback: Feedback | None = None) -> gpd.GeoDataFrame:
    """Each facility's own areas at every distance, for the facilities at *rows* of the outcome
    (``row`` in the frame is the position in *rows*)."""
    params = replace(outcome.params, per_facility=True)
    result = cached_service_areas(cache, subset(outcome.facilities, np.asarray(rows, dtype=np.int64)),
                                  network=outcome.network, params=params, feedback=feedback)
    return result.per_facility
