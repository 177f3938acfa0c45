"""Siting suggestions: where K new facilities of a type would serve the most unserved households.

Maximal covering (MCLP, Church & ReVelle 1974): among candidate sites (vacant lots,
buildings, or the compounds themselves) choose K that cover the largest weight of
compounds not yet served within the type's radius — walked along the network when the
gap analysis was, else in a straight line from the compound polygon.

``method="mclp"`` solves it exactly with spopt's MCLP and CBC; ``"greedy"`` adds, K times,
the site with the largest uncovered weight, which is guaranteed at least (1 - 1/e) ≈ 63.2 %
of the optimum (weighted maximum coverage is monotone submodular: Nemhauser, Wolsey &
Fisher 1978) and scales to any size. ``"auto"`` takes MCLP up to 250,000 demand x
candidate cells (spopt builds its model from a dense matrix: about 5 s there, 40 s at
1.8 M; bench/bench_siting.py), greedy beyond.

Accepted sites become planned facilities (:func:`planned_facilities`, :func:`accept_sites`)
and a new gap analysis with them shows the gaps they close.
"""

from __future__ import annotations

import time
import warnings
from dataclasses import dataclass, field, replace

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from gis.domain import FieldRole, Role
from gis.errors import AnalysisError
from gis.feedback import Feedback, ensure
from gis.gaps.access import NETWORK, TYPES, GapResult, Origins
from gis.gaps.capacity_siting import capacitated_greedy
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.notices import Notice, coded
from gis.layer import Layer
from gis.network.attach import Attachment, attach
from gis.network.distance import reach
from gis.network.graph import WalkGraph
from gis.network.inputs import Facilities

METHODS = ("auto", "mclp", "greedy")
WEIGHTS = ("households", "people", "compounds")
MCLP_MAX_CELLS = 250_000  # auto: exact MCLP up to this many demand x candidate cells (~5 s, bench_siting)
GREEDY_BOUND = 1.0 - 1.0 / np.e
BOUNDS = {
    "mclp": QT_TRANSLATE_NOOP("gaps", "optimal (MCLP solved exactly)"),
    "greedy": QT_TRANSLATE_NOOP("gaps", "greedy: at least 63.2 % (1 − 1/e) of the best possible coverage"),
    "capacity": QT_TRANSLATE_NOOP("gaps", "greedy with capacities: each site serves at most its capacity"),
}


@dataclass(frozen=True)
class SitingParams:
    """What the planner asks for.

    Parameters
    ----------
    facility_type : the type to site (a FacilityType key).
    k : how many sites.
    radius_m : service radius; default the type's required distance in the standards.
    method : "auto", "mclp" or "greedy".
    weight : what to cover: "households", "people" (elderly for 一老 types, children for
        一小 types) or "compounds" (each counts 1).
    time_limit_s : give CBC this long, then fall back to greedy.
    capacity : each new site serves at most this much of the weight (gis.supply.siting); None:
        plain covering, a compound in reach counts whole.
    """

    facility_type: str
    k: int = 1
    radius_m: float | None = None
    method: str = "auto"
    weight: str = "households"
    time_limit_s: float = 60.0
    capacity: float | None = None

    def validate(self) -> "SitingParams":
        if self.facility_type not in TYPES:
            raise AnalysisError(QT_TRANSLATE_NOOP("errors", "Unknown facility type {type}; use one of {types}."),
                                type=self.facility_type, types=", ".join(TYPES))
        if self.k < 1:
            raise AnalysisError(QT_TRANSLATE_NOOP("errors", "Ask for at least one site."))
        if self.capacity is not None and not self.capacity > 0:
            raise AnalysisError(QT_TRANSLATE_NOOP("errors", "The capacity of a new site must be positive."))
        if self.radius_m is not None and not self.radius_m > 0:
            raise AnalysisError(QT_TRANSLATE_NOOP("errors", "The service radius must be positive."))
        if self.method not in METHODS or self.weight not in WEIGHTS:
            raise AnalysisError(QT_TRANSLATE_NOOP("errors", "Unknown siting option {value}."),
                                value=self.method if self.method not in METHODS else self.weight)
        return self


@dataclass(eq=False)
class SitingResult:
    """The chosen sites, best first, and the coverage before and after.

    ``chosen``: candidate rows; ``gain[i]`` and ``newly[i]`` (compound fids): what site
    ``i`` adds after the sites before it. ``covered_before`` / ``covered_after``: per
    compound, served for the type. ``before`` / ``after``: compounds and weight served.
    """

    facility_type: str
    radius_m: float
    method: str
    weight: str
    candidates: gpd.GeoDataFrame
    chosen: np.ndarray
    gain: np.ndarray
    newly: list[np.ndarray]
    covered_before: np.ndarray
    covered_after: np.ndarray
    before: dict
    after: dict
    notices: list[Notice] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def bound(self) -> str:
        """What is known about the quality of the answer (a template marked for translation)."""
        return BOUNDS[self.method]

    def sites_frame(self) -> gpd.GeoDataFrame:
        """The chosen sites with what each adds (for the map and the siting table)."""
        frame = self.candidates.iloc[self.chosen].copy()
        frame.insert(0, "order", np.arange(1, len(self.chosen) + 1))
        frame["facility_type"] = self.facility_type
        frame["weight_gained"] = self.gain
        frame["compounds_gained"] = [len(n) for n in self.newly]
        return frame.reset_index(drop=True)


def suggest_sites(gaps: GapResult, params: SitingParams, *, candidates: gpd.GeoDataFrame | None = None,
                  unmet: np.ndarray | None = None, feedback: Feedback | None = None) -> SitingResult:
    """K sites for ``params.facility_type`` covering the most unserved weight.

    Parameters
    ----------
    gaps : the current gap analysis (its origins say network or straight line).
    candidates : candidate sites (points or polygons; polygons stand for a point inside);
        default the compounds themselves.
    unmet : per compound, the demand still unmet (gis.supply.siting.unmet_demand): the weight
        to serve instead of ``params.weight`` of the compounds without the service.

    Raises
    ------
    AnalysisError
        Bad parameters, no candidate, or an empty candidate layer.
    """
    t0 = time.perf_counter()
    params.validate()
    fb = ensure(feedback)
    origins = gaps.origins
    col = gaps.column(params.facility_type)
    radius = float(params.radius_m if params.radius_m is not None else gaps.required_m[params.facility_type])
    cands = candidate_sites(gaps, candidates, origins.crs)
    weight, notes = _weights(gaps, params) if unmet is None else (np.asarray(unmet, dtype=float), [])
    before = gaps.covered[:, col].copy() if unmet is None else weight <= 0
    demand = np.flatnonzero(~before & (weight > 0))
    fb.progress(0.1)
    pairs = cover_pairs(origins, np.asarray(cands.geometry.values, dtype=object), demand, radius,
                        feedback=fb.sub(0.1, 0.6))
    fb.check()
    if params.capacity is not None:
        return _capacitated(gaps, params, radius, cands, pairs, weight, before, notes, t0)
    method = _method(params, pairs, demand)
    chosen, notes2 = _solve(method, pairs, weight, demand, len(cands), params, fb.sub(0.6, 0.95))
    method = "greedy" if notes2 else method
    chosen, gain, newly = _ordered(chosen, pairs, weight)
    after = before.copy()
    for fids in newly:
        after[fids] = True
    fb.progress(1.0)
    return SitingResult(params.facility_type, radius, method, params.weight, cands, chosen, gain, newly,
                        before, after, _served(before, weight), _served(after, weight), notes + notes2,
                        time.perf_counter() - t0)


def _capacitated(gaps, params, radius, cands, pairs, weight, before, notes, t0) -> SitingResult:
    """:func:`suggest_sites` with each site serving at most ``params.capacity``."""
    chosen, gain, newly = capacitated_greedy(pairs[0], pairs[1], weight, params.k, params.capacity)
    after = before.copy()
    for fids in newly:
        after[fids] = True
    served = _served(before, weight)
    return SitingResult(params.facility_type, radius, "capacity", params.weight, cands, chosen, gain, newly,
                        before, after, served, {**_served(after, weight), "weight": served["weight"] + gain.sum()},
                        notes, time.perf_counter() - t0)


# -- candidates and coverage -----------------------------------------------------------
def candidate_sites(gaps: GapResult, candidates: gpd.GeoDataFrame | None, crs) -> gpd.GeoDataFrame:
    """Candidate points in *crs*: the given layer (polygons as a point inside) or the compounds.

    The frame keeps the layer's columns plus ``candidate`` (the source row or compound id).
    """
    if candidates is None:
        c = gaps.compounds
        ok = ~shapely.is_missing(c.geometry) & ~shapely.is_empty(c.geometry)
        pts = shapely.point_on_surface(c.geometry[ok])
        return gpd.GeoDataFrame({"candidate": c.ids[ok], "name": c.names[ok]}, geometry=pts, crs=crs)
    if candidates.crs is None:
        raise AnalysisError(QT_TRANSLATE_NOOP("errors", "The candidate layer has no coordinate system."))
    frame = candidates.to_crs(crs).reset_index(drop=True)
    geoms = np.asarray(frame.geometry.values, dtype=object)
    ok = ~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)
    if not ok.any():
        raise AnalysisError(QT_TRANSLATE_NOOP("errors", "The candidate layer holds no usable sites."))
    frame = frame[ok].copy()
    frame.insert(0, "candidate", np.flatnonzero(ok))
    point = shapely.get_type_id(geoms[ok]) == shapely.GeometryType.POINT
    frame = frame.set_geometry(np.where(point, geoms[ok], shapely.point_on_surface(geoms[ok])), crs=crs)
    return frame.reset_index(drop=True)


def cover_pairs(origins: Origins, points: np.ndarray, demand: np.ndarray, radius: float, *,
                feedback: Feedback | None = None) -> tuple[np.ndarray, np.ndarray]:
    """``(candidate, compound)`` pairs within *radius*, compounds limited to *demand* fids."""
    if len(demand) == 0 or len(points) == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    if origins.method == NETWORK:
        return _network_cover(origins, points, demand, radius, feedback)
    tree = shapely.STRtree(origins.geometry[demand])
    cand, local = tree.query(points, predicate="dwithin", distance=radius)
    return cand.astype(np.int64), demand[local]


def _network_cover(origins: Origins, points: np.ndarray, demand: np.ndarray, radius: float,
                   feedback: Feedback | None) -> tuple[np.ndarray, np.ndarray]:
    keep = np.isin(origins.owner, demand)
    targets = origins.targets.subset(np.flatnonzero(keep))
    sources = attach(origins.graph, points, max_distance=origins.max_access_m, count_access=origins.count_access)
    src, tgt, _ = network_pairs(origins.graph, sources, targets, radius, feedback=feedback)
    pairs = np.unique(np.stack([src, origins.owner[keep][tgt]], axis=1), axis=0)
    return pairs[:, 0], pairs[:, 1]


def network_pairs(graph: WalkGraph, sources: Attachment, targets: Attachment, cutoff: float, *,
                  feedback: Feedback | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every (source, target, metres) pair within *cutoff* walking metres.

    The same walk as gis.network.distance.nearest: from each source's reach to the two
    ends of each target's edge, plus straight along an edge both stand on.
    """
    r = reach(graph, sources, cutoff, feedback=feedback)
    t = np.flatnonzero(targets.attached)
    e = targets.edge[t]
    ends = np.concatenate([graph.u[e], graph.v[e]])
    cost = np.concatenate([targets.offset[t], graph.length[e] - targets.offset[t]]) + np.tile(targets.lead[t], 2)
    tid = np.concatenate([t, t])
    order = np.argsort(ends, kind="stable")
    ends, cost, tid = ends[order], cost[order], tid[order]
    lo, hi = np.searchsorted(ends, r.node, "left"), np.searchsorted(ends, r.node, "right")
    at = _ranges(lo, hi)
    src = np.repeat(r.source, hi - lo)
    dist = np.repeat(r.dist, hi - lo) + cost[at]
    s2, t2, d2 = _same_edge_pairs(sources, targets, t)
    src, tgt, dist = np.concatenate([src, s2]), np.concatenate([tid[at], t2]), np.concatenate([dist, d2])
    ok = dist <= cutoff
    return src[ok], tgt[ok], dist[ok]


def _same_edge_pairs(sources: Attachment, targets: Attachment, t: np.ndarray
                     ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    s = np.flatnonzero(sources.attached)
    order = s[np.argsort(sources.edge[s], kind="stable")]
    s_edge = sources.edge[order]
    lo = np.searchsorted(s_edge, targets.edge[t], "left")
    hi = np.searchsorted(s_edge, targets.edge[t], "right")
    si = order[_ranges(lo, hi)]
    ti = np.repeat(t, hi - lo)
    d = sources.lead[si] + np.abs(sources.offset[si] - targets.offset[ti]) + targets.lead[ti]
    return si, ti, d


def _ranges(start: np.ndarray, stop: np.ndarray) -> np.ndarray:
    """Concatenated ``arange(start[i], stop[i])``."""
    count = np.maximum(stop - start, 0)
    return np.repeat(start - np.cumsum(count) + count, count) + np.arange(count.sum())


# -- weights and solvers ---------------------------------------------------------------
def _weights(gaps: GapResult, params: SitingParams) -> tuple[np.ndarray, list[Notice]]:
    c = gaps.compounds
    values = {"households": c.households, "people": gaps.people(params.facility_type),
              "compounds": np.ones(len(c))}[params.weight]
    if values is None:
        return np.ones(len(c)), [coded("siting.no_weight_field", QT_TRANSLATE_NOOP("gaps", "The compounds have no {weight} field; "
                                                          "every compound counts as 1."), weight=params.weight)]
    return np.nan_to_num(values, nan=0.0).astype(float), []


def _method(params: SitingParams, pairs, demand: np.ndarray) -> str:
    if params.method != "auto":
        return params.method
    n_cand = len(np.unique(pairs[0]))
    n_dem = len(np.unique(pairs[1]))
    return "mclp" if n_cand * n_dem <= MCLP_MAX_CELLS else "greedy"


def _solve(method: str, pairs, weight: np.ndarray, demand: np.ndarray, n_cand: int, params: SitingParams,
           fb: Feedback) -> tuple[np.ndarray, list[Notice]]:
    cand, comp = pairs
    if len(cand) == 0:
        return np.zeros(0, np.int64), []
    if method == "mclp":
        chosen = _mclp(cand, comp, weight, params.k, params.time_limit_s)
        if chosen is not None:
            return chosen, []
        fb.check()
        return greedy_cover(cand, comp, weight, params.k), [coded("siting.greedy_fallback", QT_TRANSLATE_NOOP(
            "gaps", "The exact solver found no optimal answer in {seconds} s; the greedy answer is shown."),
            seconds=params.time_limit_s)]
    return greedy_cover(cand, comp, weight, params.k), []


def _mclp(cand: np.ndarray, comp: np.ndarray, weight: np.ndarray, k: int, time_limit: float) -> np.ndarray | None:
    """Exact maximal covering with spopt (CBC); None when CBC gives no optimal answer."""
    import pulp
    from spopt.locate import MCLP  # imported on first use: it loads libpysal (seconds)

    sites, site_of = np.unique(cand, return_inverse=True)
    clients, client_of = np.unique(comp, return_inverse=True)
    cost = np.full((len(clients), len(sites)), 2.0)
    cost[client_of, site_of] = 0.0
    with warnings.catch_warnings():  # pulp 3.3 announces its 4.0 API on every variable
        warnings.simplefilter("ignore", DeprecationWarning)
        model = MCLP.from_cost_matrix(cost, weight[clients], service_radius=1.0, p_facilities=min(k, len(sites)))
        model = model.solve(pulp.PULP_CBC_CMD(msg=False, timeLimit=time_limit), results=False)
    if pulp.LpStatus[model.problem.status] != "Optimal":
        return None
    picked = np.array([v.value() or 0.0 for v in model.fac_vars]) > 0.5
    return sites[picked]


def greedy_cover(cand: np.ndarray, comp: np.ndarray, weight: np.ndarray, k: int) -> np.ndarray:
    """K candidates by largest uncovered weight (ties: lowest row), lazily re-evaluated.

    Gains only shrink as sites are added (submodularity), so a stale gain is an upper
    bound and the first candidate whose refreshed gain stays on top is the greedy choice.
    """
    order = np.lexsort((comp, cand))
    cand, comp = cand[order], comp[order]
    sites, start = np.unique(cand, return_index=True)
    stop = np.r_[start[1:], len(cand)]
    covered = np.zeros(len(weight), bool)
    gains = np.array([weight[comp[a:b]].sum() for a, b in zip(start, stop)])
    chosen = []
    while len(chosen) < k and len(sites):
        best = _lazy_best(gains, start, stop, comp, weight, covered)
        if best < 0:
            break
        chosen.append(sites[best])
        covered[comp[start[best]:stop[best]]] = True
        gains[best] = -1.0
    return np.array(chosen, dtype=np.int64)


def _lazy_best(gains, start, stop, comp, weight, covered) -> int:
    while True:
        top = int(np.argmax(gains))
        if gains[top] <= 0:
            return -1
        fresh = weight[comp[start[top]:stop[top]]][~covered[comp[start[top]:stop[top]]]].sum()
        if fresh >= gains[top] - 1e-9:
            return top
        gains[top] = fresh


def _ordered(chosen: np.ndarray, pairs, weight: np.ndarray) -> tuple[np.ndarray, np.ndarray, list[np.ndarray]]:
    """Chosen sites ordered by what each adds after the ones before (largest first);
    sites that add nothing are dropped."""
    cand, comp = pairs
    covers = {int(s): np.unique(comp[cand == s]) for s in chosen}
    done = np.zeros(len(weight), bool)
    rest, out, gain, newly = [int(s) for s in chosen], [], [], []
    while rest:
        adds = [covers[s][~done[covers[s]]] for s in rest]
        best = max(range(len(rest)), key=lambda i: (weight[adds[i]].sum(), -rest[i]))
        if weight[adds[best]].sum() <= 0:
            break  # the remaining sites add nothing: not worth suggesting
        out.append(rest.pop(best))
        gain.append(float(weight[adds[best]].sum()))
        newly.append(adds[best])
        done[adds[best]] = True
    return np.array(out, dtype=np.int64), np.array(gain), newly


def _served(covered: np.ndarray, weight: np.ndarray) -> dict:
    return {"compounds": int(covered.sum()), "weight": float(weight[covered].sum()),
            "share": float(covered.mean()) if len(covered) else 0.0}


# -- accepting -------------------------------------------------------------------------
def planned_facilities(result: SitingResult, *, rows: np.ndarray | None = None, start: int = 1,
                       language: str = "zh_CN") -> gpd.GeoDataFrame:
    """The chosen sites (or the *rows* of them the planner keeps) as planned facilities.

    Columns: id (``P-<type>-<n>``), name (the id as :func:`gis.wording.planned_label` reads it:
    规划-卫生服务站-1, or "Planned clinic 1" with ``language="en"``), facility_type, planned
    (True), radius_m.
    """
    from gis.wording import planned_label

    rows = np.arange(len(result.chosen)) if rows is None else np.asarray(rows, dtype=np.int64)
    pts = np.asarray(result.candidates.geometry.values, dtype=object)[result.chosen[rows]]
    numbers = np.arange(start, start + len(rows))
    ids = [f"P-{result.facility_type}-{n}" for n in numbers]
    return gpd.GeoDataFrame({
        "id": ids, "name": [planned_label(i, language) for i in ids],
        "facility_type": result.facility_type, "planned": True, "radius_m": result.radius_m,
    }, geometry=pts, crs=result.candidates.crs)


def planned_layer(frame: gpd.GeoDataFrame, *, name: str = "Planned facilities") -> Layer:
    """A facilities layer of planned sites with its field roles mapped (add it to the project)."""
    return Layer(name, Role.FACILITIES, frame, fields={FieldRole.ID: "id", FieldRole.NAME: "name",
                                                         FieldRole.FACILITY_TYPE: "facility_type"})


def accept_sites(facilities: Facilities, planned: gpd.GeoDataFrame) -> Facilities:
    """*facilities* plus the *planned* ones (from :func:`planned_facilities`), for a new analysis."""
    pts = np.asarray(planned.to_crs(facilities.crs).geometry.values, dtype=object)
    radius = planned["radius_m"].to_numpy(float)
    required = (np.concatenate([facilities.required_m, radius]) if facilities.required_m is not None else None)
    return replace(facilities,
                   ids=np.concatenate([facilities.ids, planned["id"].to_numpy(object)]),
                   types=np.concatenate([facilities.types, planned["facility_type"].to_numpy(object)]),
                   names=np.concatenate([facilities.names, planned["name"].to_numpy(object)]),
                   points=np.concatenate([facilities.points, pts]), required_m=required)


def coverage_table(result: SitingResult) -> pd.DataFrame:
    """Before / after rows: compounds served, weight served and share of compounds."""
    return pd.DataFrame([result.before, result.after], index=pd.Index(["before", "after"], name="state"))
