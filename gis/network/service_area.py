"""Life-circle service areas: per facility, dissolved per type, and nested bands.

Two modes:

* ``buffer`` — a straight-line circle of each distance around each facility (quick, and
  what a plan drawn with a compass shows; it overstates what people can reach).
* ``network`` — the part of the walking network reached within each distance, drawn as
  a band of *edge buffer* metres around the walked streets. By default (``method="grid"``)
  the outlines are traced on a walking-distance field on a grid of buffer / 2.4 (12.5 m for
  the 30 m default; gis.network.field_areas), 1-1.5 % off the exact vector result and tens of
  times faster at city scale; ``method="exact"`` buffers the walked lines (gis.network.polygons).

The union of a type's facility areas is computed directly from the distance to the
nearest facility of that type, so it costs one field per type for every distance.
Bands are the rings between consecutive distances (300, 300–500, 500–1000 m) for display.

>>> # result = service_areas(facilities, network=graph, params=ServiceAreaParams())
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import shapely

from gis.crs import require_same_crs
from gis.defaults import EDGE_BUFFER_M
from gis.domain import CHILD_TYPES, ELDERLY_TYPES, FacilityType
from gis.errors import AnalysisError
from gis.feedback import Feedback, ensure
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.notices import Notice, coded
from gis.network.attach import Attachment, attach
from gis.network.distance import reach
from gis.network.graph import WalkGraph
from gis.network.grid_service import (facility_areas, grid_of, has_grid, run_types, type_areas, type_group,
                                     types_areas)
from gis.network.inputs import OTHER, Facilities
from gis.network.polygons import band_polygons, covered_lines, edge_ends
from gis.standards import Standards
from gis.wording import named_sites

MODES = ("network", "buffer")
METHODS = ("grid", "exact")  # network-mode polygons: distance field on a grid (fast), or vector buffers
CIRCLE_QUAD_SEGS = 16  # circles: 64 sides, area 0.16 % under pi r^2
FAR_FROM_ROAD_M = 100.0  # facilities farther than this from any walkable line get a warning
GROUP_OF = {**{t.value: "elderly" for t in ELDERLY_TYPES}, **{t.value: "children" for t in CHILD_TYPES}}


@dataclass(frozen=True)
class ServiceAreaParams:
    """How to draw the areas.

    Parameters
    ----------
    mode : "network" (along the walking network) or "buffer" (straight-line circles).
    distances : walking distances in metres, for every type without its own.
    type_distances : ``((type, distances), ...)`` for types that differ (time mode speeds).
    edge_buffer_m : half-width of the walkable band drawn around reached streets.
    count_access : count the straight walk from a facility to its street.
    max_access_m : facilities farther than this from every street reach nothing.
    quad_segs : segments per quarter circle of the buffers (speed against smoothness).
    per_facility : also draw one polygon per facility and distance (else only per type).
    per_type : draw the areas dissolved per type and their bands (network mode with the grid
        method; the others always draw them).
    include_other : also draw facilities of unknown type ("other"); they are always drawn
        when no facility has a known type.
    first : types whose areas are drawn first, in this order (per type, grid method); as each type
        is done its bands are handed to ``feedback.deliver("bands", frame)`` (after
        ``deliver("types", types)``), so a window shows the first ones before the rest are done.
    workers : threads for the polygon step (shapely releases the GIL).
    method : how network-mode polygons are drawn: "grid" (a walking-distance field on a grid of
        the edge buffer / 2.4, at most 12.5 m; see gis.network.field_areas) or "exact"
        (buffers of the walked lines, merged; the reference, ~50x slower at city scale).
    """

    mode: str = "network"
    distances: tuple[float, ...] = (300.0, 500.0, 1000.0)
    type_distances: tuple[tuple[str, tuple[float, ...]], ...] = ()
    edge_buffer_m: float = EDGE_BUFFER_M
    count_access: bool = True
    max_access_m: float | None = None
    quad_segs: int = 3
    per_facility: bool = True
    per_type: bool = True
    include_other: bool = False
    workers: int = 1
    method: str = "grid"
    first: tuple[str, ...] = field(default=(), repr=False, compare=False)  # types drawn first, in this
    # order (the window's shown types): the order of the work only, not part of the result or its cache key

    def distances_for(self, facility_type: str) -> tuple[float, ...]:
        """Ascending distances for *facility_type*."""
        own = dict(self.type_distances).get(str(facility_type))
        return tuple(sorted(float(d) for d in (own if own is not None else self.distances)))

    def validate(self) -> "ServiceAreaParams":
        """Return self, or raise :class:`AnalysisError` saying what to change."""
        if self.mode not in MODES:
            raise AnalysisError(QT_TRANSLATE_NOOP("errors", "Unknown mode {mode}; use network or buffer."),
                                mode=self.mode)
        every = list(self.distances) + [d for _, ds in self.type_distances for d in ds]
        if not every or not all(np.isfinite(d) and d > 0 for d in every):
            raise AnalysisError(QT_TRANSLATE_NOOP("errors", "Walking distances must be positive numbers of metres."))
        if self.method not in METHODS:
            raise AnalysisError(QT_TRANSLATE_NOOP("errors", "Unknown method {method}; use grid or exact."),
                                method=self.method)
        if not self.edge_buffer_m > 0:
            raise AnalysisError(QT_TRANSLATE_NOOP("errors", "The edge buffer must be positive."))
        return self

    @classmethod
    def from_standards(cls, standards: Standards, **options) -> "ServiceAreaParams":
        """Ring distances per type from *standards* (minutes x the type's speed in time mode)."""
        per_type = tuple((t.value, standards.ring_distances(t)) for t in FacilityType)
        return cls(distances=standards.ring_distances(None), type_distances=per_type, **options)


@dataclass(eq=False)
class ServiceAreaResult:
    """Polygons in the facilities' metric CRS, plus what the user should know.

    ``per_facility``: facility, type, distance_m, area_m2, row (facility row), geometry.
    ``per_type``: type, group, distance_m, facilities, area_m2, geometry (dissolved).
    ``bands``: type, group, ring, inner_m, outer_m, label, area_m2, geometry (nested rings;
    ring 0 is the innermost; ``group`` is "elderly" (一老), "children" (一小) or "").
    ``required``: type, group, facilities, area_m2, geometry: each facility at its own
    required radius (present when the facilities carry ``required_m``).
    """

    per_facility: gpd.GeoDataFrame
    per_type: gpd.GeoDataFrame
    required: gpd.GeoDataFrame | None
    access_m: np.ndarray
    network: dict | None
    notices: list[Notice] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # attach, distances, polygons (of which
    # polygons_by_type: the dissolved areas), bands (once drawn); wall-clock seconds
    _bands: gpd.GeoDataFrame | None = field(default=None, repr=False)

    @property
    def bands(self) -> gpd.GeoDataFrame:
        """The nested rings (traced with the areas by the grid method; else cut from ``per_type``
        the first time they are asked for)."""
        if self._bands is None:
            t = time.perf_counter()
            self._bands = bands_from(self.per_type)
            self.seconds["bands"] = time.perf_counter() - t
        return self._bands


def service_areas(facilities: Facilities, *, network: WalkGraph | None = None,
                  params: ServiceAreaParams = ServiceAreaParams(),
                  feedback: Feedback | None = None) -> ServiceAreaResult:
    """Service areas of every facility at every distance, per type and as bands.

    Raises
    ------
    AnalysisError
        Network mode without a network, bad parameters, or a network in another CRS.
    """
    params.validate()
    fb = ensure(feedback)
    if params.mode == "network":
        if network is None:
            raise AnalysisError(QT_TRANSLATE_NOOP("errors", "Network mode needs a walking network "
                                                  "(a road layer or an OSM file)."))
        require_same_crs(facilities.crs, network.crs, QT_TRANSLATE_NOOP(
            "errors", "The facilities and the network are in different coordinate systems ({a} and {b})."))
        draw = _network_areas if params.method == "exact" else grid_network_areas
        result = draw(facilities, network, params, fb)
    else:
        result = _buffer_areas(facilities, params, fb)
    result.network = network.summary() if network is not None else None
    if network is not None:
        result.notices.extend(network.report.notices(network.components))
    left_out = np.flatnonzero(~np.isin(facilities.types.astype(str), _types(facilities, params)))
    if len(left_out):
        result.notices.insert(0, left_out_notice(facilities.ids[left_out], facilities.names[left_out]))
    return result


def left_out_notice(ids, names) -> Notice:
    """What is said of facilities left out because they are of no known type (named, see named_sites)."""
    return coded("facilities.not_care", QT_TRANSLATE_NOOP(
        "network", "{count} features are not facilities of a known type and were left out: {ids}"),
        count=len(ids), **named_sites(ids, names))


# -- buffer mode ------------------------------------------------------------------------
def _buffer_areas(facilities: Facilities, params: ServiceAreaParams, fb: Feedback) -> ServiceAreaResult:
    t0 = time.perf_counter()
    rows, dist, geoms = [], [], []
    for ftype in _types(facilities, params):
        idx = np.flatnonzero(facilities.types == ftype)
        for d in params.distances_for(ftype):
            fb.check()
            rows.append(idx)
            dist.append(np.full(len(idx), d))
            geoms.append(shapely.buffer(facilities.points[idx], d, quad_segs=CIRCLE_QUAD_SEGS))
    rows, dist, geoms = np.concatenate(rows), np.concatenate(dist), np.concatenate(geoms)
    per_facility = _facility_frame(facilities, rows, dist, geoms)
    per_type = _dissolve(per_facility, facilities.crs)
    required = None
    if facilities.required_m is not None:
        ok = np.isfinite(facilities.required_m)
        circles = shapely.buffer(facilities.points[ok], facilities.required_m[ok], quad_segs=CIRCLE_QUAD_SEGS)
        types = _types(facilities, params)
        kinds = facilities.types[ok].astype(str)
        required = _required_frame(facilities, types, [shapely.union_all(circles[kinds == t]) for t in types])
    fb.progress(1.0)
    return ServiceAreaResult(per_facility if params.per_facility else per_facility.iloc[:0], per_type,
                             required, np.zeros(len(facilities)), None, seconds={"polygons": time.perf_counter() - t0})


# -- network mode -----------------------------------------------------------------------
def grid_network_areas(facilities: Facilities, graph: WalkGraph, params: ServiceAreaParams,
                       fb: Feedback) -> ServiceAreaResult:
    """Network areas by the distance-field method (gis.network.grid_service)."""
    timing = {"attach": 0.0, "grid": 0.0, "distances": 0.0, "polygons": 0.0, "polygons_by_type": 0.0}
    types = _types(facilities, params)
    rows = [np.flatnonzero(facilities.types == ftype) for ftype in types]
    order = sorted(range(len(types)), key=lambda k: _rank(params.first, types[k]))  # shown types first
    if params.per_type:
        fb.deliver("types", [str(t) for t in types])
    groups: list = [None] * len(types)
    with ThreadPoolExecutor(max_workers=1) as setup:  # a network's first run: its street grid is built
        # on a thread meanwhile the facilities are attached and (as far as it lasts) walked; the walks
        # take one of the workers (2 cores, city bench: 1.21-1.46 s wall, median 1.33, with the grid
        # on 2 threads besides them; 1.17-1.33 s, median 1.22, on one)
        t = time.perf_counter()
        grid_workers = max(params.workers - 1, 1) if params.per_type else params.workers
        pending = None if has_grid(graph, params.edge_buffer_m) else setup.submit(
            grid_of, graph, params.edge_buffer_m, workers=grid_workers)
        att = attach(graph, facilities.points, max_distance=params.max_access_m, count_access=params.count_access)
        timing["attach"] = time.perf_counter() - t
        for k in (order if pending is not None and params.per_type else ()):
            if pending.done():
                break
            fb.check()
            groups[k] = type_group(graph, att.subset(rows[k]), params.distances_for(types[k]))
        notices = _attach_notices(facilities, att, graph, np.isin(facilities.types.astype(str), types))
        t = time.perf_counter()
        grid_of(graph, params.edge_buffer_m, workers=params.workers)
        timing["grid"] = time.perf_counter() - t  # the wait for it, after the work it overlapped

    def deliver(i: int, result: tuple[list, list]) -> None:  # each type's bands to the map as it is traced
        k = order[i]
        fb.deliver("bands", bands_frame(_band_rows(types[k], params.distances_for(types[k]), result[1]),
                                        facilities.crs))

    t = time.perf_counter()
    jobs = [(att.subset(rows[k]), params.distances_for(types[k])) for k in order] if params.per_type else []
    got = types_areas(graph, jobs, buffer_m=params.edge_buffer_m, workers=params.workers,
                      groups=[groups[k] for k in order], feedback=fb.sub(0.0, 0.6), each=deliver)
    drawn = [got[order.index(k)] for k in range(len(types))] if params.per_type else []
    timing["polygons_by_type"] = time.perf_counter() - t
    per_type, band_rows = [], []
    for ftype, r, (areas, rings) in zip(types, rows, drawn):
        ds = params.distances_for(ftype)
        per_type += [(ftype, d, len(r), a) for d, a in zip(ds, areas)]
        band_rows += _band_rows(ftype, ds, rings)
    t = time.perf_counter()
    fac_rows, fac_dist, fac_geom = [np.zeros(0, np.int64)], [np.zeros(0)], [np.empty(0, object)]
    for k, (ftype, r) in enumerate(zip(types, rows) if params.per_facility else ()):
        ds = params.distances_for(ftype)
        polys = facility_areas(graph, att.subset(r), ds, buffer_m=params.edge_buffer_m, workers=params.workers,
                               feedback=fb.sub(0.6 + 0.3 * k / len(types), 0.6 + 0.3 * (k + 1) / len(types)))
        fac_rows.append(np.repeat(r, len(ds)))
        fac_dist.append(np.tile(np.asarray(ds, dtype=float), len(r)))
        fac_geom.append(polys.ravel())
    timing["polygons"] = timing["polygons_by_type"] + time.perf_counter() - t
    per_facility = _facility_frame(facilities, *[np.concatenate(x) for x in (fac_rows, fac_dist, fac_geom)])
    required = _grid_required(facilities, graph, att, params, types, timing, fb.sub(0.9, 1.0))
    result = ServiceAreaResult(per_facility, _type_rows(per_type, facilities.crs), required, att.access, None,
                               notices, timing)
    result._bands = bands_frame(band_rows, facilities.crs)
    return result


def _rank(first: tuple[str, ...], ftype: str) -> int:
    """Where *ftype* comes in the order of work: its place in *first*, else after them all."""
    return first.index(str(ftype)) if str(ftype) in first else len(first)


def _band_rows(ftype: str, distances: tuple[float, ...], rings: list) -> list[tuple]:
    """Rows of :func:`bands_frame` of one type: ring k spans distance k-1 to k."""
    return [(ftype, k, distances[k - 1] if k else 0.0, d, ring) for k, (d, ring) in enumerate(zip(distances, rings))]


def _grid_required(facilities: Facilities, graph: WalkGraph, att: Attachment, params: ServiceAreaParams,
                   types: np.ndarray, timing: dict, fb: Feedback) -> gpd.GeoDataFrame | None:
    """:func:`_network_required` by the distance-field method: each facility shifted by its radius."""
    if facilities.required_m is None:
        return None
    t = time.perf_counter()

    def one(fb_k: Feedback, ftype: str):
        rows = np.flatnonzero((facilities.types == ftype) & np.isfinite(facilities.required_m))
        return type_areas(graph, att.subset(rows), (0.0,), buffer_m=params.edge_buffer_m, bands=False,
                          shift=facilities.required_m[rows], feedback=fb_k)[0][0] if len(rows) else shapely.Polygon()

    polys = run_types([lambda fb_k, ft=ft: one(fb_k, ft) for ft in types], params.workers, fb)  # types side by side
    timing["polygons"] += time.perf_counter() - t
    return _required_frame(facilities, types, polys)


def _network_areas(facilities: Facilities, graph: WalkGraph, params: ServiceAreaParams,
                   fb: Feedback) -> ServiceAreaResult:
    timing = {"attach": 0.0, "distances": 0.0, "polygons": 0.0, "polygons_by_type": 0.0}
    t = time.perf_counter()
    att = attach(graph, facilities.points, max_distance=params.max_access_m, count_access=params.count_access)
    timing["attach"] = time.perf_counter() - t
    types = _types(facilities, params)
    notices = _attach_notices(facilities, att, graph, np.isin(facilities.types.astype(str), types))
    fac_parts, keys, lines, groups = [], [], [], []
    for k, ftype in enumerate(types):
        rows = np.flatnonzero(facilities.types == ftype)
        f, walked = _type_areas(graph, att, rows, params.distances_for(ftype), params,
                                fb.sub(0.6 * k / len(types), 0.6 * (k + 1) / len(types)), timing)
        fac_parts.append(f)
        for d, ls in walked:  # dissolved areas: drawn together below, on all workers
            groups.append(np.full(len(ls), len(keys)))
            lines.append(ls)
            keys.append((ftype, d))
    t = time.perf_counter()
    polys = band_polygons(np.concatenate(lines), np.concatenate(groups), len(keys), width=params.edge_buffer_m,
                          quad_segs=params.quad_segs, workers=params.workers, feedback=fb.sub(0.6, 0.85))
    timing["polygons_by_type"] = time.perf_counter() - t
    timing["polygons"] += timing["polygons_by_type"]
    per_facility = _facility_frame(facilities, *[np.concatenate(x) for x in zip(*fac_parts)])
    per_type = _type_rows([(ftype, d, int((facilities.types == ftype).sum()), poly)
                           for (ftype, d), poly in zip(keys, polys)], facilities.crs)
    required = _network_required(facilities, graph, att, params, timing, fb.sub(0.85, 1.0))
    return ServiceAreaResult(per_facility, per_type, required, att.access, None, notices, timing)


def _type_areas(graph: WalkGraph, att: Attachment, rows: np.ndarray, distances: tuple[float, ...],
                params: ServiceAreaParams, fb: Feedback, timing: dict) -> tuple[tuple, list]:
    """Per-facility polygons of one type's facilities (rows of *att*), and the lines walked
    from the nearest of them at each distance (for the dissolved area)."""
    t = time.perf_counter()
    sub = att.subset(rows)
    r = reach(graph, sub, max(distances), feedback=fb.sub(0.0, 0.2))
    timing["distances"] += time.perf_counter() - t
    t = time.perf_counter()
    n = len(rows)
    zero, one_group = np.zeros(n), np.zeros(n, dtype=np.int64)
    by_fac = edge_ends(graph, r, np.arange(n), zero) if params.per_facility else None
    by_type = edge_ends(graph, r, one_group, zero)
    out_rows, out_dist, out_geom, walked = [], [], [], []
    for k, d in enumerate(distances):
        if by_fac is not None:
            lines, group = covered_lines(graph, by_fac, d, sub, np.arange(n), zero)
            step = fb.sub(0.2 + 0.8 * k / len(distances), 0.2 + 0.8 * (k + 1) / len(distances))
            out_geom.append(band_polygons(lines, group, n, width=params.edge_buffer_m, quad_segs=params.quad_segs,
                                          workers=params.workers, feedback=step))
            out_rows.append(rows)
            out_dist.append(np.full(n, d))
        walked.append((d, covered_lines(graph, by_type, d, sub, one_group, zero)[0]))
    timing["polygons"] += time.perf_counter() - t
    if by_fac is None:
        return (np.zeros(0, np.int64), np.zeros(0), np.empty(0, object)), walked
    return (np.concatenate(out_rows), np.concatenate(out_dist), np.concatenate(out_geom)), walked


def _network_required(facilities: Facilities, graph: WalkGraph, att: Attachment, params: ServiceAreaParams,
                      timing: dict, fb: Feedback) -> gpd.GeoDataFrame | None:
    """Each type's union of facility areas, every facility at its own required radius.

    Facility ``i`` covers a point if ``dist_i <= radius_i``, that is ``dist_i - radius_i <= 0``:
    the same exact construction as a common distance, with each source shifted by its radius.
    """
    if facilities.required_m is None:
        return None
    types = _types(facilities, params)
    ok = np.flatnonzero(np.isfinite(facilities.required_m))
    if len(ok) == 0:
        return _required_frame(facilities, types, [shapely.Polygon()] * len(types))
    t = time.perf_counter()
    radius = facilities.required_m[ok]
    sub = att.subset(ok)
    r = reach(graph, sub, float(radius.max()))
    timing["distances"] += time.perf_counter() - t
    t = time.perf_counter()
    code = np.searchsorted(types, facilities.types[ok].astype(str))
    ends = edge_ends(graph, r, code, radius)
    lines, group = covered_lines(graph, ends, 0.0, sub, code, radius)
    polys = band_polygons(lines, group, len(types), width=params.edge_buffer_m, quad_segs=params.quad_segs,
                          workers=params.workers, feedback=fb)
    timing["polygons"] += time.perf_counter() - t
    return _required_frame(facilities, types, polys)


def _attach_notices(facilities: Facilities, att: Attachment, graph: WalkGraph, drawn: np.ndarray) -> list[Notice]:
    out = []
    lost = np.flatnonzero(drawn & ~att.attached)
    if len(lost):
        out.append(coded("network.facility_unattached", QT_TRANSLATE_NOOP("network", "{count} facilities are too far from any walkable "
                                            "line and reach nothing: {ids}"),
                          count=len(lost), **named_sites(facilities.ids[lost], facilities.names[lost])))
    far = np.flatnonzero(drawn & att.attached & (att.access > FAR_FROM_ROAD_M))
    if len(far):
        out.append(coded("network.facility_far_from_road", QT_TRANSLATE_NOOP("network", "{count} facilities lie more than {metres} m from the "
                                            "nearest walkable line; their walks start with that straight "
                                            "stretch: {ids}"),
                          count=len(far), metres=int(FAR_FROM_ROAD_M),
                          **named_sites(facilities.ids[far], facilities.names[far])))
    on = np.flatnonzero(drawn & att.attached)
    island = on[graph.components.edge_label[att.edge[on]] > 0]
    if len(island):
        out.append(coded("network.facility_on_island", QT_TRANSLATE_NOOP("network", "{count} facilities sit on a piece of the network that "
                                            "is not connected to the main one: {ids}"),
                          count=len(island), **named_sites(facilities.ids[island], facilities.names[island])))
    return out


# -- frames -------------------------------------------------------------------------------
def _types(facilities: Facilities, params: ServiceAreaParams) -> np.ndarray:
    """The types to draw, sorted: all but "other", unless asked or nothing else is known."""
    types = np.unique(facilities.types.astype(str))
    known = types[types != OTHER]
    return types if params.include_other or len(known) == 0 else known


def _facility_frame(facilities: Facilities, rows: np.ndarray, dist: np.ndarray, geoms: np.ndarray
                    ) -> gpd.GeoDataFrame:
    geoms = np.asarray(geoms, dtype=object)
    frame = gpd.GeoDataFrame({"facility": facilities.ids[rows], "type": facilities.types[rows].astype(str),
                              "distance_m": dist.astype(float), "area_m2": shapely.area(geoms) if len(geoms) else [],
                              "row": rows.astype(np.int64)}, geometry=geoms, crs=facilities.crs)
    return frame.sort_values(["row", "distance_m"], kind="stable").reset_index(drop=True)


def _dissolve(per_facility: gpd.GeoDataFrame, crs) -> gpd.GeoDataFrame:
    parts = []
    for (ftype, d), grp in per_facility.groupby(["type", "distance_m"], sort=True):
        parts.append((ftype, d, len(grp), shapely.union_all(grp.geometry.values)))
    return _type_rows(parts, crs)


def _type_rows(parts: list, crs) -> gpd.GeoDataFrame:
    geoms = np.array([p[3] for p in parts], dtype=object)
    return gpd.GeoDataFrame({"type": [p[0] for p in parts], "group": [GROUP_OF.get(p[0], "") for p in parts],
                             "distance_m": [float(p[1]) for p in parts], "facilities": [p[2] for p in parts],
                             "area_m2": shapely.area(geoms) if len(geoms) else []}, geometry=geoms, crs=crs)


def _required_frame(facilities: Facilities, types: np.ndarray, dissolved) -> gpd.GeoDataFrame:
    """One row per type with facilities that have a required radius: their union."""
    has = np.isfinite(facilities.required_m)
    counts = np.array([int((has & (facilities.types == t)).sum()) for t in types], dtype=np.int64)
    keep = counts > 0
    geoms = np.asarray(list(dissolved), dtype=object)[keep] if len(types) else np.empty(0, object)
    kinds = np.asarray(types)[keep].astype(str)
    return gpd.GeoDataFrame({"type": kinds, "group": [GROUP_OF.get(t, "") for t in kinds],
                             "facilities": counts[keep], "area_m2": shapely.area(geoms) if len(geoms) else []},
                            geometry=geoms, crs=facilities.crs)


def bands_from(per_type: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Nested rings per type: distance k minus distance k-1 (the smallest is a full area)."""
    rows = []
    for ftype, grp in per_type.groupby("type", sort=True):
        grp = grp.sort_values("distance_m")
        inner_geom, inner_m = shapely.Polygon(), 0.0
        for ring, (d, geom) in enumerate(zip(grp["distance_m"], grp.geometry.values)):
            rows.append((ftype, ring, inner_m, float(d), shapely.difference(geom, inner_geom)))
            inner_geom, inner_m = geom, float(d)  # areas grow with the distance: the last one holds all inner ones
    return bands_frame(rows, per_type.crs)


def bands_frame(rows: list, crs) -> gpd.GeoDataFrame:
    """The bands frame from rows (type, ring, inner_m, outer_m, geometry)."""
    geoms = np.array([r[4] for r in rows], dtype=object)
    return gpd.GeoDataFrame({"type": [r[0] for r in rows], "group": [GROUP_OF.get(r[0], "") for r in rows],
                             "ring": [r[1] for r in rows], "inner_m": [r[2] for r in rows],
                             "outer_m": [r[3] for r in rows], "label": [band_label(r[2], r[3]) for r in rows],
                             "area_m2": shapely.area(geoms) if len(geoms) else []},
                            geometry=geoms, crs=crs)


def band_label(inner_m: float, outer_m: float) -> str:
    """Legend text of a band: '≤ 300 m', '300–500 m'."""
    return f"≤ {outer_m:g} m" if inner_m <= 0 else f"{inner_m:g}–{outer_m:g} m"
