"""The gap matrix: per compound and facility type, the nearest facility and whether it is near enough.

Distances are walked along the network when one is given — from the compound's entrances,
else from points every *spacing_m* along its boundary (gis.network.attach) — else measured
in a straight line from the compound polygon (0 when the facility stands inside it). The
result says which (``method``).

A compound is *served* for a type when a facility of that type lies within that
facility's own required radius from the standards preset (a 社区卫生服务站 300 m, a
社区卫生服务中心 1000 m). ``nearest_m`` is the distance to the nearest facility of the type
whatever its radius.

Cost: :func:`prepare_origins` attaches the compounds to the network once and contracts its
degree-2 chains (gis.network.chains); :func:`gap_matrix` then runs one multi-source Dijkstra
(``min_only``) per type on the junctions, plus one more when a type's facilities serve
different radii (each starting behind by the difference to the largest radius). 20,000
compounds x 1,000 facilities of 5 types on an 81,000-edge grid: about 45 ms.

>>> # origins = prepare_origins(compounds.data, network=graph)
>>> # result = analyse_gaps(compounds, facilities, standards=load_standards(), origins=origins)
>>> # result.summary()["clinic"]
>>> # {'covered': 180, 'uncovered': 21, 'households_uncovered': 5120, ...}
"""

from __future__ import annotations

import time
from itertools import chain
from dataclasses import dataclass, field, replace

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS

from gis.crs import require_same_crs
from gis.domain import CHILD_TYPES, ELDERLY_TYPES, FacilityType, FieldRole
from gis.errors import AnalysisError
from gis.feedback import Feedback, ensure
from gis.gaps.compounds import CompoundTable, plain
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.notices import Notice, coded
from gis.layer import Layer
from gis.network.attach import Attachment, attach, compound_access_points
from gis.network.chains import Chains, Placed, Targets, contract, nearest_many
from gis.network.graph import WalkGraph
from gis.network.inputs import Facilities, facilities_from_layer
from gis.standards import Standards
from gis.wording import named_sites

TYPES: tuple[str, ...] = tuple(t.value for t in FacilityType)
ELDERLY = frozenset(t.value for t in ELDERLY_TYPES)
CHILDREN = frozenset(t.value for t in CHILD_TYPES)
NETWORK, STRAIGHT = "network", "straight"
TOLERANCE_M = 1e-6  # a facility exactly at the radius serves

GAP_LABEL = QT_TRANSLATE_NOOP("gaps", "No {type} within {distance} m")
METHOD_LABELS = {
    NETWORK: QT_TRANSLATE_NOOP("gaps", "walking distance along the network"),
    STRAIGHT: QT_TRANSLATE_NOOP("gaps", "straight-line distance from the compound boundary"),
}


# -- origins ---------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class Origins:
    """Where distances to the compounds are measured from, prepared once per layer and network.

    Straight mode keeps the polygons with a point inside each (``anchor``) and the
    farthest distance from it to the polygon (``spread``). Network mode keeps the
    compounds' access points attached to the network (``targets``), sorted by compound
    (``owner``); ``how[i]`` = "entrances", "boundary", "centroid" or "none".
    """

    method: str
    geometry: np.ndarray
    crs: CRS
    graph: WalkGraph | None = None
    targets: Attachment | None = None
    owner: np.ndarray | None = None
    how: np.ndarray | None = None
    max_access_m: float | None = None
    count_access: bool = True
    anchor: np.ndarray | None = None
    spread: np.ndarray | None = None
    chains: Chains | None = None
    reach: Targets | None = None

    @property
    def n(self) -> int:
        return len(self.geometry)

    def sources(self, points: np.ndarray) -> Attachment | np.ndarray:
        """Facility points made ready for :meth:`nearest` (attached in network mode)."""
        points = np.asarray(points, dtype=object)
        if self.method == STRAIGHT:
            return points
        return attach(self.graph, points, max_distance=self.max_access_m, count_access=self.count_access)

    def nearest(self, sources: Attachment | np.ndarray, rows: np.ndarray, *,
                cutoff: float = np.inf) -> tuple[np.ndarray, np.ndarray]:
        """Per compound: distance to the nearest of the *rows* of *sources*, and which row.

        ``inf`` and ``-1`` where none lies within *cutoff*.
        """
        dist, which = self.nearest_groups(sources, [rows], cutoff=cutoff)
        return dist[0], which[0]

    def nearest_groups(self, sources: Attachment | np.ndarray, groups: list[np.ndarray], *,
                       head: np.ndarray | None = None, cutoff: float = np.inf,
                       feedback: Feedback | None = None) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`nearest` for each group of source rows: (groups, compounds) arrays.

        *head* (network mode only; per source row) is added to every walk from that source.
        """
        if self.method == STRAIGHT:
            dist = np.full((len(groups), self.n), np.inf)
            which = np.full(dist.shape, -1, dtype=np.int64)
            for g, rows in enumerate(groups):
                if len(rows):
                    dist[g], which[g] = self._straight(sources[rows], rows, cutoff)
            return dist, which
        return nearest_many(self.chains, Placed.of(self.chains, sources), self.reach, groups,
                            head=head, cutoff=cutoff, feedback=feedback)

    def _straight(self, points: np.ndarray, rows: np.ndarray, cutoff: float) -> tuple[np.ndarray, np.ndarray]:
        """Exact polygon-to-point distances on the few candidates a KD-tree leaves.

        Every point of polygon ``i`` lies within ``spread[i]`` of its anchor (a point inside
        it), so a facility nearer to the polygon than ``u`` (the anchor's nearest facility
        distance, an upper bound) lies within ``u + spread[i]`` of the anchor.
        """
        from scipy.spatial import cKDTree

        tree = cKDTree(shapely.get_coordinates(points))
        valid = np.flatnonzero(self.spread >= 0)
        upper, _ = tree.query(self.anchor[valid], k=1)
        radius = np.minimum(upper, cutoff) + self.spread[valid] + TOLERANCE_M
        lists = tree.query_ball_point(self.anchor[valid], radius, return_sorted=False)
        counts = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
        cand = np.fromiter(chain.from_iterable(lists), dtype=np.int64, count=int(counts.sum()))
        owner = np.repeat(valid, counts)
        d = shapely.distance(self.geometry[owner], points[cand])
        d[d > cutoff] = np.inf
        return group_min(owner, d, rows[cand], self.n)


def group_min(owner: np.ndarray, value: np.ndarray, payload: np.ndarray, n: int
              ) -> tuple[np.ndarray, np.ndarray]:
    """Per group ``0..n-1``: the least *value* of its members (``owner`` sorted) and the
    *payload* of the first member holding it; ``inf`` and ``-1`` for empty groups."""
    low_out, pay_out = np.full(n, np.inf), np.full(n, -1, dtype=np.int64)
    if len(value) == 0:
        return low_out, pay_out
    starts = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])
    low = np.minimum.reduceat(value, starts)
    counts = np.diff(np.r_[starts, len(owner)])
    at = np.flatnonzero(value == np.repeat(low, counts))
    first = at[np.r_[True, owner[at][1:] != owner[at][:-1]]]
    low_out[owner[starts]] = low
    pay_out[owner[first]] = payload[first]
    pay_out[~np.isfinite(low_out)] = -1
    return low_out, pay_out


def _anchors(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A point inside each polygon and the farthest distance from it to the polygon's
    vertices (-1 for missing or empty geometries)."""
    n = len(geoms)
    anchor, spread = np.zeros((n, 2)), np.full(n, -1.0)
    ok = np.flatnonzero(~shapely.is_missing(geoms) & ~shapely.is_empty(geoms))
    if len(ok) == 0:
        return anchor, spread
    anchor[ok] = shapely.get_coordinates(shapely.point_on_surface(geoms[ok]))
    coords, idx = shapely.get_coordinates(geoms[ok], return_index=True)
    reach = np.hypot(*(coords - anchor[ok][idx]).T)
    starts = np.flatnonzero(np.r_[True, idx[1:] != idx[:-1]])
    spread[ok[idx[starts]]] = np.maximum.reduceat(reach, starts)
    return anchor, spread


def prepare_origins(compounds: gpd.GeoDataFrame, *, network: WalkGraph | None = None,
                    entrances: gpd.GeoDataFrame | None = None, compound_id_field: str | None = None,
                    entrance_compound_field: str | None = None, spacing_m: float = 50.0,
                    max_access_m: float | None = None, count_access: bool = True) -> Origins:
    """The origins of every distance to *compounds*: network access points, or the polygons.

    Parameters
    ----------
    network : the walking network in the compounds' CRS; None = straight lines.
    entrances : gates; a compound with gates is reached through them (network mode).
    spacing_m : spacing of boundary points for compounds without gates.
    max_access_m : points farther than this from every street reach nothing.
    count_access : add the straight walk between a point and its street.

    Raises
    ------
    AnalysisError
        The network is in another coordinate system than the compounds.
    """
    geoms = np.asarray(compounds.geometry.values, dtype=object)
    crs = CRS.from_user_input(compounds.crs)
    if network is None:
        anchor, spread = _anchors(geoms)
        return Origins(STRAIGHT, geoms, crs, anchor=anchor, spread=spread)
    require_same_crs(crs, network.crs, QT_TRANSLATE_NOOP(
        "errors", "The compounds and the network are in different coordinate systems ({a} and {b}); build "
                  "the network in the compounds' system."))
    access = compound_access_points(compounds, entrances=entrances, compound_id_field=compound_id_field,
                                    entrance_compound_field=entrance_compound_field, spacing_m=spacing_m)
    order = np.argsort(access.owner, kind="stable")
    targets = attach(network, access.points[order], max_distance=max_access_m, count_access=count_access)
    chains, owner = contract(network), access.owner[order]
    return Origins(NETWORK, geoms, crs, network, targets, owner, access.how, max_access_m, count_access,
                   chains=chains, reach=Targets.of(chains, targets, owner, len(geoms)))


def origins_from_layers(compounds: Layer, *, network: WalkGraph | None = None, entrances: Layer | None = None,
                        spacing_m: float = 50.0, max_access_m: float | None = None) -> Origins:
    """:func:`prepare_origins` with the layers' ID and COMPOUND_ID field roles."""
    return prepare_origins(compounds.data, network=network, entrances=entrances.data if entrances else None,
                           compound_id_field=compounds.fields.get(FieldRole.ID),
                           entrance_compound_field=entrances.fields.get(FieldRole.COMPOUND_ID) if entrances
                           else None, spacing_m=spacing_m, max_access_m=max_access_m)


# -- the matrix ------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class GapMatrix:
    """(compounds x types) arrays: nearest distance (inf = none), facility row (-1), served."""

    types: tuple[str, ...]
    nearest_m: np.ndarray
    nearest_row: np.ndarray
    covered: np.ndarray


def gap_matrix(origins: Origins, facilities: Facilities, *, types: tuple[str, ...] = TYPES,
               max_distance_m: float | None = None, feedback: Feedback | None = None) -> GapMatrix:
    """Nearest facility and service per compound and type.

    Parameters
    ----------
    facilities : in the origins' CRS, with ``required_m`` (each facility's radius).
    max_distance_m : do not look for a nearest facility farther than this (faster on a
        large network; farther ones count as none).
    """
    fb = ensure(feedback)
    if facilities.required_m is None:
        raise AnalysisError(QT_TRANSLATE_NOOP("errors", "The facilities carry no required radius; "
                                              "read them with a standards preset."))
    require_same_crs(facilities.crs, origins.crs, QT_TRANSLATE_NOOP(
        "errors", "The facilities and the compounds are in different coordinate systems ({a} and {b})."))
    cutoff = np.inf if max_distance_m is None else float(max_distance_m)
    shape = (origins.n, len(types))
    dist, row, covered = np.full(shape, np.inf), np.full(shape, -1, dtype=np.int64), np.zeros(shape, bool)
    kinds = facilities.types.astype(str)
    radius = np.asarray(facilities.required_m, dtype=float)
    usable = np.flatnonzero(np.isin(kinds, types) & np.isfinite(radius))
    if len(usable) == 0:
        return GapMatrix(tuple(types), dist, row, covered)
    sources = origins.sources(facilities.points[usable])
    groups = [np.flatnonzero(kinds[usable] == ftype) for ftype in types]
    found, local = origins.nearest_groups(sources, groups, cutoff=cutoff, feedback=fb.sub(0.0, 0.8))
    dist[:] = found.T
    row[:] = np.where(local >= 0, usable[np.maximum(local, 0)], -1).T
    for k, mine in enumerate(groups):
        fb.check()
        if len(mine):
            covered[:, k] = _served(origins, sources, mine, radius[usable], dist[:, k])
    fb.progress(1.0)
    return GapMatrix(tuple(types), dist, row, covered)


def _served(origins: Origins, sources, mine: np.ndarray, radius: np.ndarray, dist: np.ndarray) -> np.ndarray:
    """Whether some facility of *mine* lies within its own radius (*radius* per source row)
    of each compound.

    On the network, one search in which a facility of radius r starts R - r behind (R the
    type's largest radius): reaching a compound within R means a facility within its own r.
    """
    radii = radius[mine]
    levels = np.unique(radii)
    if len(levels) == 1:
        return dist <= levels[0] + TOLERANCE_M
    if origins.method == NETWORK:
        top = float(levels[-1])
        d, _ = origins.nearest_groups(sources, [mine], head=top - radius, cutoff=top + TOLERANCE_M)
        return d[0] <= top + TOLERANCE_M
    served = np.zeros(origins.n, bool)
    for r in levels:
        d, _ = origins.nearest(sources, mine[radii == r], cutoff=float(r) + TOLERANCE_M)
        served |= d <= r + TOLERANCE_M
    return served


# -- the result ------------------------------------------------------------------------
@dataclass(eq=False)
class GapResult:
    """Gaps per compound and type, with the compound facts to weigh them.

    Rows are compound fids; columns follow ``types``. ``required_m`` is each type's
    standard radius (its default variant), for labels such as "No clinic within 300 m".
    ``origin`` says per compound where walks start (entrances, boundary, centroid);
    ``origins`` are kept for siting and for rerunning with planned facilities.
    """

    compounds: CompoundTable
    facilities: Facilities
    matrix: GapMatrix
    required_m: dict[str, float]
    method: str
    origin: np.ndarray
    origins: Origins | None = None
    notices: list[Notice] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def types(self) -> tuple[str, ...]:
        return self.matrix.types

    @property
    def covered(self) -> np.ndarray:
        return self.matrix.covered

    @property
    def nearest_m(self) -> np.ndarray:
        return self.matrix.nearest_m

    def column(self, facility_type: str) -> int:
        try:
            return self.types.index(str(facility_type))
        except ValueError:
            raise AnalysisError(QT_TRANSLATE_NOOP("errors", "The gap analysis has no facility type {type}."),
                                type=str(facility_type)) from None

    def uncovered(self, facility_type: str) -> np.ndarray:
        """Fids of the compounds not served for *facility_type* (the map's red highlight)."""
        return np.flatnonzero(~self.covered[:, self.column(facility_type)])

    def n_missing(self) -> np.ndarray:
        """Number of types each compound lacks (the choropleth value)."""
        return (~self.covered).sum(axis=1)

    def missing(self, fid: int) -> list[str]:
        """Type keys compound *fid* lacks, in type order."""
        return [t for t, ok in zip(self.types, self.covered[fid]) if not ok]

    def nearest_of(self, fid: int) -> dict[str, float | None]:
        """Metres to the nearest facility of each type (None: none reachable)."""
        return {t: _metres(d) for t, d in zip(self.types, self.nearest_m[fid])}

    def nearest_facility(self, fid: int, facility_type: str) -> object:
        """Id of the nearest facility of *facility_type* to compound *fid* (None if none)."""
        r = self.matrix.nearest_row[fid, self.column(facility_type)]
        return None if r < 0 else plain(self.facilities.ids[r])

    def label(self, facility_type: str) -> tuple[str, dict]:
        """``(template, params)`` of the type's highlight, e.g. "No {type} within {distance} m"."""
        return GAP_LABEL, {"type": facility_type, "distance": round(self.required_m[facility_type])}

    def people(self, facility_type: str) -> np.ndarray | None:
        """The people a type serves per compound: elderly for 一老 types, children for 一小."""
        c = self.compounds
        return c.elderly if facility_type in ELDERLY else c.children if facility_type in CHILDREN else None

    def summary(self) -> dict[str, dict]:
        """Per type: compounds covered and uncovered, households (and people) not served.

        Households, elderly and children are None when the layer maps no such field.
        """
        c = self.compounds
        out = {}
        for k, ftype in enumerate(self.types):
            gap = ~self.covered[:, k]
            out[ftype] = {"covered": int((~gap).sum()), "uncovered": int(gap.sum()),
                          "households_uncovered": _total(c.households, gap),
                          "elderly_uncovered": _total(c.elderly, gap),
                          "children_uncovered": _total(c.children, gap)}
        return out

    def table(self) -> pd.DataFrame:
        """One row per compound (index = fid): facts, missing types, metres and service per type."""
        c = self.compounds
        data = {"id": c.ids, "name": c.names}
        for key in ("households", "population", "elderly", "children", "build_year"):
            values = getattr(c, key)
            data[key] = values if values is not None else np.full(len(c), np.nan)
        data["n_missing"] = self.n_missing()
        data["missing"] = [", ".join(self.missing(i)) for i in range(len(c))]
        for k, ftype in enumerate(self.types):
            d = self.nearest_m[:, k]
            data[f"{ftype}_m"] = np.where(np.isfinite(d), np.round(d, 1), np.nan)
            data[f"{ftype}_ok"] = self.covered[:, k]
        data["origin"] = self.origin
        frame = pd.DataFrame(data)
        frame.index.name = "fid"
        return frame

    def frame(self) -> gpd.GeoDataFrame:
        """:meth:`table` with the compound polygons (for the map and GeoPackage)."""
        return gpd.GeoDataFrame(self.table(), geometry=self.compounds.geometry, crs=self.compounds.crs)


def _metres(d: float) -> float | None:
    return round(float(d), 1) if np.isfinite(d) else None


def _total(values: np.ndarray | None, mask: np.ndarray) -> float | int | None:
    if values is None:
        return None
    total = float(np.nansum(values[mask]))
    return int(total) if total.is_integer() else total


# -- the analysis ----------------------------------------------------------------------
def analyse_gaps(compounds: Layer | CompoundTable, facilities: Layer | Facilities, *,
                 standards: Standards, network: WalkGraph | None = None, entrances: Layer | None = None,
                 origins: Origins | None = None, types: tuple[str, ...] = TYPES,
                 max_distance_m: float | None = None, feedback: Feedback | None = None) -> GapResult:
    """Which compounds lack which services within their life circle.

    Parameters
    ----------
    compounds : the compounds layer (or its facts).
    facilities : the facility layer (types from its FACILITY_TYPE field or names) or
        facilities already read; planned facilities are simply more rows.
    standards : radii per type and facility (gis.standards).
    network, entrances : walk along this network from these gates; without a network,
        straight lines. Ignored when *origins* (prepared once, cached) is given.
    """
    t0 = time.perf_counter()
    fb = ensure(feedback)
    table = compounds if isinstance(compounds, CompoundTable) else CompoundTable.from_layer(compounds)
    if origins is None:
        if isinstance(compounds, CompoundTable):
            frame = gpd.GeoDataFrame(geometry=compounds.geometry, crs=compounds.crs)
            origins = prepare_origins(frame, network=network)
        else:
            origins = origins_from_layers(compounds, network=network, entrances=entrances)
    fb.progress(0.2)
    fac = facilities_in(facilities, standards, origins.crs)
    matrix = gap_matrix(origins, fac, types=types, max_distance_m=max_distance_m, feedback=fb.sub(0.2, 1.0))
    required = {t: standards.required(t).distance_m for t in types}
    how = origins.how if origins.how is not None else np.full(origins.n, "boundary", dtype=object)
    result = GapResult(table, fac, matrix, required, origins.method, how, origins)
    result.notices = _notices(result, origins)
    result.seconds = time.perf_counter() - t0
    return result


def facilities_in(facilities: Layer | Facilities, standards: Standards, crs: CRS) -> Facilities:
    """*facilities* as :class:`Facilities` in *crs*, each with its required radius."""
    if isinstance(facilities, Layer):
        facilities = facilities_from_layer(facilities, standards=standards)
    if facilities.required_m is None:
        radius = [standards.required(t, name=n).distance_m if t in TYPES else np.nan
                  for t, n in zip(facilities.types, facilities.names)]
        facilities = replace(facilities, required_m=np.asarray(radius, dtype=float))
    if not facilities.crs.equals(crs):
        moved = gpd.GeoSeries(facilities.points, crs=facilities.crs).to_crs(crs)
        facilities = replace(facilities, points=np.asarray(moved.values, dtype=object), crs=crs)
    return facilities


def _type_names(keys: list[str]) -> dict:
    """The ``types`` param of a notice listing facility types, in English and Chinese."""
    from gis.wording import facility_terms

    return {"types": facility_terms(keys, "en"), "types_zh": facility_terms(keys, "zh_CN")}


def _notices(result: GapResult, origins: Origins) -> list[Notice]:
    out = []
    kinds = result.facilities.types.astype(str)
    absent = [t for t in result.types if not (kinds == t).any()]
    if absent:
        out.append(coded("gaps.type_absent", QT_TRANSLATE_NOOP("gaps", "The facility layer has no {types}; every compound "
                                            "counts as lacking them."), **_type_names(absent)))
    if origins.method == NETWORK:
        out += _island_notices(result.facilities, origins, result.types)
    present = [k for k, t in enumerate(result.types) if t not in absent]
    unreached = np.flatnonzero(~np.isfinite(result.nearest_m[:, present]).any(axis=1)) if present else []
    if len(unreached) and origins.method == NETWORK:
        out.append(coded("gaps.unreachable", QT_TRANSLATE_NOOP("gaps", "{count} compounds reach no facility on the network "
                                            "(a piece of it is not connected): {ids}"),
                          count=len(unreached), **named_sites(result.compounds.ids[unreached],
                                                               result.compounds.names[unreached], planned=False)))
    return out


def _island_notices(fac: Facilities, origins: Origins, types: tuple[str, ...]) -> list[Notice]:
    """Facilities whose nearest street lies on a piece cut off from the main network."""
    rows = np.flatnonzero(np.isin(fac.types.astype(str), types))
    if len(rows) == 0:
        return []
    att = origins.sources(fac.points[rows])
    label = np.full(len(rows), -1)
    label[att.attached] = origins.graph.components.edge_label[att.edge[att.attached]]
    island = rows[label > 0]
    if len(island) == 0:
        return []
    return [coded("gaps.facility_on_island", QT_TRANSLATE_NOOP("gaps", "{count} facilities stand by a piece of the network that is not "
                                     "connected to the main one, so compounds cannot walk to them; connect "
                                     "that piece (e.g. a park path) to the streets: {ids}"),
                   count=len(island), **named_sites(fac.ids[island], fac.names[island]))]
