"""Compound–facility pairs within a catchment, and their distances: the sparse matrix every
floating-catchment method runs on.

Straight-line distances are measured from the compound polygon to the facility (0 when the
facility stands inside it), as in the gap analysis. Network distances are walked from the
compound's access points (its entrances, else points along its boundary: see
:func:`gis.gaps.access.prepare_origins`) to the facility, the shortest over the access points.

One search per facility (``gis.network.distance.reach``, bounded by the catchment) lists the
nodes it reaches; each access point then joins its edge's two end nodes, plus a straight walk
along the edge when facility and point share one.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from gis.feedback import Feedback, ensure
from gis.gaps.access import NETWORK, TOLERANCE_M, Origins
from gis.network.attach import Attachment
from gis.network.distance import _ranges, reach


@dataclass(frozen=True, eq=False)
class Pairs:
    """Every (compound, facility) pair within ``catchment_m``: rows ``comp[k]``, ``fac[k]`` at
    distance ``dist[k]`` metres, each pair once."""

    comp: np.ndarray
    fac: np.ndarray
    dist: np.ndarray
    n_compounds: int
    n_facilities: int
    catchment_m: float
    method: str

    def __len__(self) -> int:
        return len(self.comp)

    def within(self, catchment_m: float) -> "Pairs":
        """The pairs within a smaller catchment."""
        keep = self.dist <= catchment_m + TOLERANCE_M
        return Pairs(self.comp[keep], self.fac[keep], self.dist[keep], self.n_compounds, self.n_facilities,
                     catchment_m, self.method)


def catchment_pairs(origins: Origins, points: np.ndarray, catchment_m: float, *,
                    feedback: Feedback | None = None) -> Pairs:
    """Pairs of the compounds of *origins* and facility *points* (in the origins' CRS) within
    *catchment_m*, straight or along the network as *origins* are."""
    points = np.asarray(points, dtype=object)
    if origins.method == NETWORK:
        comp, fac, dist = _network(origins, origins.sources(points), catchment_m, ensure(feedback))
    else:
        comp, fac, dist = _straight(origins.geometry, points, catchment_m)
    return Pairs(comp, fac, dist, origins.n, len(points), float(catchment_m), origins.method)


def _straight(polygons: np.ndarray, points: np.ndarray, catchment_m: float):
    """Polygon-to-point distances of the pairs whose boxes lie within the catchment, kept
    where the exact distance does (one R-tree query by box, one distance per candidate)."""
    if len(points) == 0 or len(polygons) == 0:
        return _empty()
    reach_m = catchment_m + TOLERANCE_M
    xy = shapely.get_coordinates(points)
    boxes = shapely.box(xy[:, 0] - reach_m, xy[:, 1] - reach_m, xy[:, 0] + reach_m, xy[:, 1] + reach_m)
    fac, comp = shapely.STRtree(polygons).query(boxes)
    dist = shapely.distance(polygons[comp], points[fac])
    keep = dist <= reach_m
    return _sorted(comp[keep], fac[keep], dist[keep])


def _network(origins: Origins, sources: Attachment, catchment_m: float, fb: Feedback):
    """Shortest walks from each facility to each compound's access points, per pair."""
    graph, targets = origins.graph, origins.targets
    if len(sources) == 0 or not sources.attached.any():
        return _empty()
    found = reach(graph, sources, catchment_m, feedback=fb.sub(0.0, 0.8))
    order = np.argsort(found.node, kind="stable")  # the reached entries by node, as a CSR
    indptr = np.zeros(graph.n_nodes + 1, dtype=np.int64)
    np.cumsum(np.bincount(found.node, minlength=graph.n_nodes), out=indptr[1:])
    t = np.flatnonzero(targets.attached)
    comp, node, along = _compound_nodes(origins, t)
    lo, hi = indptr[node], indptr[node + 1]
    count = hi - lo
    hit = order[_ranges(lo, hi)]
    total = found.dist[hit] + np.repeat(along, count)
    same_p, same_f, same_d = _same_edge(sources, targets, t)
    comp = np.concatenate([np.repeat(comp, count), origins.owner[same_p]])
    fac = np.concatenate([found.source[hit], same_f])
    total = np.concatenate([total, same_d])
    keep = total <= catchment_m + TOLERANCE_M
    fb.progress(1.0)
    return _shortest(comp[keep], fac[keep], total[keep])


def _compound_nodes(origins: Origins, t: np.ndarray):
    """(compound, node, metres) of every network node next to a compound's access points *t*,
    each once per compound at the shortest walk from the compound to it."""
    graph, targets = origins.graph, origins.targets
    e = targets.edge[t]
    node = np.column_stack([graph.u[e], graph.v[e]]).ravel()
    along = (np.column_stack([targets.offset[t], graph.length[e] - targets.offset[t]])
             + targets.lead[t][:, None]).ravel()
    comp, node, along = _shortest(np.repeat(origins.owner[t], 2), node, along)
    return comp, node, along


def _same_edge(sources: Attachment, targets: Attachment, t: np.ndarray):
    """(point, facility, distance) of access points on the same edge as a facility, walked along it."""
    rows = np.flatnonzero(sources.attached)
    s_edge = sources.edge[rows]
    order = np.argsort(s_edge, kind="stable")
    lo = np.searchsorted(s_edge[order], targets.edge[t], "left")
    hi = np.searchsorted(s_edge[order], targets.edge[t], "right")
    ti = np.repeat(t, hi - lo)
    si = rows[order[_ranges(lo, hi)]]
    d = sources.lead[si] + np.abs(sources.offset[si] - targets.offset[ti]) + targets.lead[ti]
    return ti, si, d


def _shortest(comp: np.ndarray, fac: np.ndarray, dist: np.ndarray):
    """Each (compound, facility) pair once (or any other pair of ids), at its least distance, sorted."""
    if len(comp) == 0:
        return _empty()
    n_fac = int(fac.max()) + 1
    key = comp.astype(np.int64) * n_fac + fac
    order = np.argsort(key, kind="stable")  # entries mostly come grouped by compound: few runs to merge
    key, dist = key[order], dist[order]
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
    least = np.minimum.reduceat(dist, starts)
    return key[starts] // n_fac, key[starts] % n_fac, least


def _sorted(comp: np.ndarray, fac: np.ndarray, dist: np.ndarray):
    """The pairs sorted by compound then facility."""
    order = np.lexsort((fac, comp))
    return comp[order].astype(np.int64), fac[order].astype(np.int64), dist[order]


def _empty():
    return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
