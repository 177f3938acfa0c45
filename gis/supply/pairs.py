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
    """Polygon-to-point distances of the pairs an R-tree finds within the catchment."""
    if len(points) == 0 or len(polygons) == 0:
        return _empty()
    tree = shapely.STRtree(points)
    comp, fac = tree.query(polygons, predicate="dwithin", distance=catchment_m + TOLERANCE_M)
    dist = shapely.distance(polygons[comp], points[fac])
    order = np.lexsort((fac, comp))
    return comp[order].astype(np.int64), fac[order].astype(np.int64), dist[order]


def _network(origins: Origins, sources: Attachment, catchment_m: float, fb: Feedback):
    """Shortest walks from each facility to each compound's access points, per pair."""
    graph, targets = origins.graph, origins.targets
    if len(sources) == 0 or not sources.attached.any():
        return _empty()
    found = reach(graph, sources, catchment_m, feedback=fb.sub(0.0, 0.8))
    src, node, dist = found.source, found.node, found.dist
    order = np.argsort(node, kind="stable")
    node_sorted = node[order]
    t = np.flatnonzero(targets.attached)
    e = targets.edge[t]
    ends = np.concatenate([graph.u[e], graph.v[e]])
    along = np.concatenate([targets.offset[t], graph.length[e] - targets.offset[t]]) + np.tile(targets.lead[t], 2)
    point = np.tile(t, 2)
    lo, hi = np.searchsorted(node_sorted, ends, "left"), np.searchsorted(node_sorted, ends, "right")
    count = hi - lo
    hit = order[_ranges(lo, hi)]
    total = dist[hit] + np.repeat(along, count)
    point = np.repeat(point, count)
    fac = src[hit]
    same_p, same_f, same_d = _same_edge(sources, targets, t)
    point, fac, total = (np.concatenate([point, same_p]), np.concatenate([fac, same_f]),
                         np.concatenate([total, same_d]))
    keep = total <= catchment_m + TOLERANCE_M
    fb.progress(1.0)
    return _shortest(origins.owner[point[keep]], fac[keep], total[keep])


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
    """Each (compound, facility) pair once, at its least distance, sorted by compound then facility."""
    if len(comp) == 0:
        return _empty()
    order = np.lexsort((dist, fac, comp))
    comp, fac, dist = comp[order], fac[order], dist[order]
    first = np.r_[True, (comp[1:] != comp[:-1]) | (fac[1:] != fac[:-1])]
    return comp[first].astype(np.int64), fac[first].astype(np.int64), dist[first]


def _empty():
    return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
