"""Compound–facility pairs in a straight line: the distance from the compound polygon to the
facility, 0 when it stands inside or on the edge, as ``shapely.distance`` gives it.

The candidates are the facilities within each compound's box grown by the catchment (one
R-tree query, grouped by compound). The exact distance of a point outside a polygon is its
distance to the polygon's rings, which GEOS measures without the point-in-polygon test it
runs first for a polygon (the costlier half); the few facilities inside or on a compound come
from one R-tree query and are set at 0.
"""

from __future__ import annotations

import weakref

import numpy as np
import shapely

from gis.gaps.access import TOLERANCE_M, Origins

_SHAPES: "weakref.WeakKeyDictionary[Origins, _Shapes]" = weakref.WeakKeyDictionary()


class _Shapes:
    """The compounds' R-tree, boxes and rings, prepared once per :class:`Origins`."""

    def __init__(self, polygons: np.ndarray) -> None:
        self.tree = shapely.STRtree(polygons)
        self.bounds = shapely.bounds(polygons)
        self.valid = np.flatnonzero(~np.isnan(self.bounds[:, 0]))  # not missing nor empty
        rings = shapely.boundary(polygons)
        self.rings = np.where(shapely.is_missing(rings), polygons, rings)  # a collection has no boundary


def straight_pairs(origins: Origins, points: np.ndarray, catchment_m: float):
    """(compound, facility, metres) of the pairs within *catchment_m* in a straight line,
    sorted by compound then facility."""
    if len(points) == 0 or origins.n == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
    shapes = _SHAPES.get(origins)
    if shapes is None:
        shapes = _SHAPES[origins] = _Shapes(origins.geometry)
    reach_m = catchment_m + TOLERANCE_M
    grown = shapes.bounds[shapes.valid] + [-reach_m, -reach_m, reach_m, reach_m]
    rows, fac = shapely.STRtree(points).query(shapely.box(*grown.T))  # by compound
    comp = shapes.valid[rows]
    dist = shapely.distance(shapes.rings[comp], points[fac])
    keep = dist <= reach_m
    inside_fac, inside_comp = shapes.tree.query(points, predicate="intersects")  # at 0, after the ring's
    comp = np.concatenate([comp[keep], inside_comp])
    fac = np.concatenate([fac[keep], inside_fac])
    dist = np.concatenate([dist[keep], np.zeros(len(inside_comp))])
    if not len(comp):  # no facility within reach of any compound
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
    key = comp * len(points) + fac
    order = np.argsort(key, kind="stable")  # runs: within each compound only the facilities are out of order
    last = order[np.r_[key[order][1:] != key[order][:-1], True]]
    return comp[last].astype(np.int64), fac[last].astype(np.int64), dist[last]
