"""The life-circle analysis as the app runs it: project layers and the standards in, areas out.

One call does what the settings and the layers say, and reuses earlier work through a
:class:`~gis.network.cache.ResultCache` the caller keeps (the GUI keeps one per project), so
toggling a layer or reopening the panel recomputes nothing until an input changes::

    cache = ResultCache()
    result = life_circle_areas(facility_layer, roads=road_layer, standards=std, cache=cache,
                               feedback=feedback)   # in a worker thread
    result.bands        # type, group, ring, label ... for the band layers and legend
"""

from __future__ import annotations

from pathlib import Path

from gis.errors import AnalysisError
from gis.feedback import Feedback, ensure
from gis.i18n import QT_TRANSLATE_NOOP
from gis.layer import Layer
from gis.network.build import DEFAULT_SNAP_M
from gis.network.cache import ResultCache, cached_network, cached_service_areas
from gis.network.inputs import facilities_from_layer
from gis.network.service_area import ServiceAreaParams, ServiceAreaResult
from gis.standards import Standards


def life_circle_areas(facilities: Layer, *, standards: Standards, roads: Layer | None = None,
                      osm: str | Path | None = None, mode: str | None = None, cache: ResultCache | None = None,
                      snap_tolerance_m: float = DEFAULT_SNAP_M, feedback: Feedback | None = None,
                      **options) -> ServiceAreaResult:
    """5/10/15-minute areas of every facility in *facilities* (a FACILITIES layer).

    Parameters
    ----------
    standards : levels, speeds (time mode) and required radii; see gis.standards.
    roads, osm : the walking network, from a road layer or an OSM file (network mode).
    mode : "network" or "buffer"; default network when a network is given.
    cache : reuse networks and results while their inputs are unchanged.
    options : further :class:`ServiceAreaParams` fields (edge_buffer_m, workers, ...).
    """
    fb = ensure(feedback)
    cache = cache if cache is not None else ResultCache()
    mode = mode or ("network" if roads is not None or osm is not None else "buffer")
    fac = facilities_from_layer(facilities, standards=standards)
    network = None
    if mode == "network":
        if roads is None and osm is None:
            raise AnalysisError(QT_TRANSLATE_NOOP("errors", "Network mode needs a walking network "
                                                  "(a road layer or an OSM file)."))
        source = roads.data if roads is not None else Path(osm)
        network = cached_network(cache, source, crs=fac.crs, snap_tolerance_m=snap_tolerance_m,
                                 feedback=fb.sub(0.0, 0.2))
    params = ServiceAreaParams.from_standards(standards, mode=mode, **options)
    return cached_service_areas(cache, fac, network=network, params=params, feedback=fb.sub(0.2, 1.0))
