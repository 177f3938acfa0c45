"""Clean 片区 outlines: the member compounds closed by the gap tolerance.

A morphological closing — grow every member by ``gap / 2``, union, shrink by
``gap / 2`` — fills the streets and alleys narrower than the gap between members but
leaves the outer edge where it was. Mitre joins keep the square corners of walled
compounds square instead of rounding them. The members themselves are always inside
the outline (it is unioned with them), and open spaces wider than the gap that the
members surround stay holes.

Areas are in square metres (the working CRS is metric); 1 ha = 10,000 m².
"""

from __future__ import annotations

import math
from typing import Iterable, Sequence

import numpy as np
import shapely

from gis.defaults import GAP_M as DEFAULT_GAP

M2_PER_HA = 10_000.0
MITRE_LIMIT = 3.0  # sharper corners than ~39° get bevelled instead of spiking out


def _repair(geoms: np.ndarray) -> np.ndarray:
    """Same array with invalid geometries made valid (missing stays None)."""
    geoms = geoms.copy()
    bad = ~shapely.is_missing(geoms) & ~shapely.is_valid(geoms)
    if bad.any():
        geoms[bad] = shapely.make_valid(geoms[bad])
    return geoms


def close_union(geoms: np.ndarray, *, gap: float = DEFAULT_GAP) -> shapely.Geometry:
    """Union of *geoms* with the gaps narrower than *gap* between them filled.

    Examples
    --------
    >>> import numpy as np
    >>> from shapely import box
    >>> z = close_union(np.array([box(0, 0, 100, 100), box(120, 0, 220, 100)]), gap=30)
    >>> z.area                                      # the 20 m street is filled
    22000.0
    """
    return outlines(np.asarray(geoms, dtype=object), [np.arange(len(geoms))], gap=gap)[0]


def outlines(geoms: np.ndarray, groups: Sequence[Iterable[int]], *,
             gap: float = DEFAULT_GAP) -> np.ndarray:
    """Outline of every group of fids (one closed union per group), vectorised.

    Parameters
    ----------
    geoms : array of shapely geometries
        All compounds (row position = fid).
    groups : sequence of iterables of int
        The members of each zone.
    gap : float, keyword-only
        Gap tolerance in metres; gaps narrower than this are filled.

    Returns
    -------
    numpy.ndarray of geometries, one per group (an empty polygon for an empty group).
    """
    geoms = np.asarray(geoms, dtype=object)
    members = [np.unique(np.fromiter(g, dtype=np.int64)) for g in groups]
    used = np.unique(np.concatenate(members)) if members else np.zeros(0, dtype=np.int64)
    radius = gap / 2.0
    exact = np.full(len(geoms), None, dtype=object)
    exact[used] = _repair(geoms[used])
    grown = np.full(len(geoms), None, dtype=object)
    if radius > 0:
        grown[used] = shapely.buffer(exact[used], radius, join_style="mitre",
                                     mitre_limit=MITRE_LIMIT)
    out = np.empty(len(members), dtype=object)
    for k, m in enumerate(members):
        solid = shapely.union_all(exact[m])
        if solid.is_empty:
            out[k] = shapely.Polygon()
        elif radius <= 0:
            out[k] = solid
        else:
            closed = shapely.buffer(shapely.union_all(grown[m]), -radius, join_style="mitre",
                                    mitre_limit=MITRE_LIMIT)
            out[k] = shapely.union(closed, solid)
    # drop the collinear vertices the union leaves (tolerance 0 cannot change the shape)
    return shapely.simplify(out, 0.0, preserve_topology=False)


def hectares(area_m2: float) -> float:
    """Square metres to hectares."""
    return area_m2 / M2_PER_HA


def polsby_popper(geoms) -> np.ndarray:
    """Compactness 4πA/P² of each geometry: 1 for a disc, ~0.785 for a square, → 0 for slivers."""
    geoms = np.asarray(geoms, dtype=object)
    area = shapely.area(geoms)
    perim = shapely.length(geoms)
    with np.errstate(invalid="ignore", divide="ignore"):
        pp = 4.0 * math.pi * area / perim ** 2
    return np.where(perim > 0, pp, np.nan)


def gap_lines(geoms: np.ndarray, groups: Sequence[Iterable[int]]) -> np.ndarray:
    """Where a zone breaks: the shortest line from every smaller group to the largest.

    Give it the connected groups of a non-contiguous zone (largest first, as
    :meth:`Adjacency.components` returns them); the map draws these lines to show the
    user which parts are cut off and how far away they are.
    """
    geoms = np.asarray(geoms, dtype=object)
    groups = [np.fromiter(g, dtype=np.int64) for g in groups]
    if len(groups) < 2:
        return np.empty(0, dtype=object)
    main = shapely.union_all(geoms[groups[0]])
    rest = np.array([shapely.union_all(geoms[g]) for g in groups[1:]], dtype=object)
    return shapely.shortest_line(rest, main)
