"""Neighbour graph of compounds: touching or within a gap tolerance, not across a barrier.

Compounds are walled and separated by streets, so two compounds are neighbours when
the distance between them is at most ``gap`` metres (30 m by default: a local street
and its pavements). An optional barrier layer (arterial roads, rivers, railways; lines
or polygons) cuts links: a pair is *not* linked when

1. the shortest segment between the two compounds crosses a barrier, **and**
2. the two compounds are not joined either inside their closed union (the street gap
   the zone outline fills, see :mod:`gis.zones.outline`) once the barriers are cut out
   of it.

Rule 1 alone would cut pairs that meet around the end of a barrier (a road that stops
half-way along a block); rule 2 rescues those, and it is only evaluated for the few
pairs that rule 1 cuts.

The exact distance test is the costly part, so it runs in two stages: distances
between Douglas-Peucker simplified outlines (tolerance ``t``) decide every pair whose
distance is clearly below or above ``gap`` (the simplified outline is within ``t`` of
the original, so the true distance is within ``2 t`` of the simplified one); only pairs
in that band get the exact GEOS test. The result equals the exact test.

Stacked copies would make the pair count quadratic (20,000 identical squares: 200 million
pairs). A compound whose geometry repeats an earlier one (as the importer flags it) and a
compound whose box meets more than ``MAX_CANDIDATES`` others (a pile of overlapping
copies) are set aside: they get no neighbours, :attr:`Adjacency.set_aside` lists them,
and the zone suggestion leaves them out with a notice. Boxes are queried in blocks so
memory stays bounded whatever the data.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from typing import Iterable

import geopandas as gpd
import numpy as np
import shapely

from gis.defaults import GAP_M
from gis.errors import AnalysisError, CrsError
from gis.feedback import Feedback, ensure
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.repair import duplicate_rows
from gis.zones.outline import close_union

DEFAULT_GAP = GAP_M  # metres (gis.defaults)
SIMPLIFY_TOLERANCE = 3.0  # metres; speed only, results are exact
BARRIER_CUT_WIDTH = 0.05  # metres; a barrier line cut out of a gap polygon
_CHUNK = 40_000  # pairs per distance batch (batches run on a thread pool)
MAX_CANDIDATES = 1_000  # compounds whose box comes within the gap of one compound's box
_QUERY_PAIRS = 4_000_000  # box-query block size: at most about this many pairs at once


class Adjacency:
    """Undirected neighbour graph over compounds ``0..n-1`` (row positions, *fids*).

    Parameters
    ----------
    n : int
        Number of compounds.
    edges : array of shape (m, 2)
        Neighbour pairs; stored once each as ``i < j``, sorted.
    gap : float
        The gap tolerance (m) the graph was built with.
    blocked : array of shape (k, 2), optional
        Pairs within ``gap`` whose link a barrier cut (for drawing on the map).
    set_aside : dict, optional
        Compounds given no neighbours by reason: ``duplicate`` (repeats an earlier
        geometry), ``crowded`` (its box meets more than MAX_CANDIDATES others).
    """

    def __init__(self, n: int, edges: np.ndarray, *, gap: float = DEFAULT_GAP,
                 blocked: np.ndarray | None = None,
                 set_aside: dict[str, np.ndarray] | None = None) -> None:
        from scipy import sparse

        self.n = int(n)
        self.set_aside = {k: np.asarray(v, dtype=np.int64) for k, v in (set_aside or {}).items()
                          if len(v)}
        self.gap = float(gap)
        self.edges = _normalise_pairs(edges)
        self.blocked = _normalise_pairs(blocked if blocked is not None else np.empty((0, 2)))
        m = len(self.edges)
        data = np.ones(2 * m, dtype=bool)
        rows = np.concatenate([self.edges[:, 0], self.edges[:, 1]])
        cols = np.concatenate([self.edges[:, 1], self.edges[:, 0]])
        order = np.lexsort((cols, rows))
        indptr = np.zeros(self.n + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=self.n), out=indptr[1:])
        self.matrix = sparse.csr_matrix((data, cols[order], indptr), shape=(self.n, self.n))

    def __len__(self) -> int:
        return self.n

    def __repr__(self) -> str:
        return f"Adjacency(n={self.n}, edges={len(self.edges)}, gap={self.gap:g})"

    @property
    def degree(self) -> np.ndarray:
        """Number of neighbours of every compound."""
        return np.diff(self.matrix.indptr)

    def neighbours(self, fid: int) -> np.ndarray:
        """Sorted fids of the neighbours of *fid*."""
        return self.matrix.indices[self.matrix.indptr[fid]:self.matrix.indptr[fid + 1]]

    def are_neighbours(self, a: int, b: int) -> bool:
        return bool(np.isin(b, self.neighbours(a)))

    def components(self, fids: Iterable[int] | None = None) -> list[np.ndarray]:
        """Connected groups among *fids* (all compounds if None), largest first.

        Each group is a sorted array of fids; ties keep the order of the smallest fid.
        """
        from scipy.sparse import csgraph

        idx = np.arange(self.n) if fids is None else np.unique(np.fromiter(fids, dtype=np.int64))
        if idx.size == 0:
            return []
        sub = self.matrix[idx][:, idx]
        count, labels = csgraph.connected_components(sub, directed=False)
        groups = [idx[labels == k] for k in range(count)]
        return sorted(groups, key=lambda g: (-g.size, g[0]))

    def pieces(self, labels: np.ndarray) -> np.ndarray:
        """Connected pieces per group, for many groups at once.

        *labels* gives each compound's group (``-1`` = none); returns the number of
        pieces of every group ``0..labels.max()`` (1 = contiguous, 0 = empty).
        """
        from scipy import sparse
        from scipy.sparse import csgraph

        labels = np.asarray(labels, dtype=np.int64)
        rows, cols = self.edges[:, 0], self.edges[:, 1]
        keep = (labels[rows] == labels[cols]) & (labels[rows] >= 0)
        inside = sparse.csr_matrix((np.ones(int(keep.sum()), dtype=bool), (rows[keep], cols[keep])),
                                   shape=(self.n, self.n))
        _, piece = csgraph.connected_components(inside, directed=False)
        placed = labels >= 0
        pairs = np.unique(np.column_stack([labels[placed], piece[placed]]), axis=0)
        return np.bincount(pairs[:, 0], minlength=int(labels.max()) + 1 if placed.any() else 0)

    def is_contiguous(self, fids: Iterable[int]) -> bool:
        """Whether *fids* form one connected group (an empty set is not a zone)."""
        return len(self.components(fids)) == 1


def _normalise_pairs(pairs: np.ndarray) -> np.ndarray:
    """Pairs as ``i < j``, sorted, once each (through one int64 key: ``np.unique(axis=0)``
    is ten times slower)."""
    pairs = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
    lo, hi = pairs.min(axis=1), pairs.max(axis=1)
    keep = lo != hi
    lo, hi = lo[keep], hi[keep]
    if len(lo) == 0:
        return np.empty((0, 2), dtype=np.int64)
    width = int(hi.max()) + 1
    key = np.unique(lo * width + hi)
    return np.column_stack([key // width, key % width])


def build_adjacency(geometries, *, gap: float = DEFAULT_GAP, barriers=None,
                    feedback: Feedback | None = None) -> Adjacency:
    """The neighbour graph of *geometries* (compounds in one metric CRS).

    Parameters
    ----------
    geometries : GeoSeries, GeoDataFrame or array of shapely geometries
        Compounds; row position = fid. Null or empty geometries get no neighbours.
    gap : float, keyword-only
        Largest distance in metres between two neighbours (0 = touching only).
    barriers : GeoSeries, GeoDataFrame or array, optional
        Lines or polygons that a neighbour link may not cross (same CRS, or a CRS
        that the compounds' CRS can be reached from).
    feedback : Feedback, optional
        Progress and cancellation.

    Returns
    -------
    Adjacency

    Examples
    --------
    >>> from shapely import box
    >>> adj = build_adjacency([box(0, 0, 10, 10), box(25, 0, 35, 10), box(80, 0, 90, 10)])
    >>> adj.edges.tolist()
    [[0, 1]]
    """
    fb = ensure(feedback)
    if not np.isfinite(gap) or gap < 0:
        raise AnalysisError(QT_TRANSLATE_NOOP(
            "zones", "The gap tolerance must be zero or a positive number of metres, not {gap}."),
            gap=gap)
    geoms, crs = _geometry_array(geometries)
    n = len(geoms)
    fb.progress(0.0, QT_TRANSLATE_NOOP("zones", "Finding neighbouring compounds"))
    duplicate = duplicate_rows(geoms) >= 0
    left, right, crowded = _candidate_pairs(np.where(duplicate, None, geoms), gap, fb)
    set_aside = {"duplicate": np.flatnonzero(duplicate), "crowded": crowded}
    fb.check()
    within = _within_gap(geoms, left, right, gap, fb.sub(0.05, 0.85))
    left, right = left[within], right[within]
    blocked = np.empty((0, 2), dtype=np.int64)
    if barriers is not None:
        barrier_geoms = _barrier_array(barriers, crs)
        cut = _cut_by_barriers(geoms, left, right, barrier_geoms, gap, fb.sub(0.85, 1.0))
        blocked = np.column_stack([left[cut], right[cut]])
        left, right = left[~cut], right[~cut]
    fb.progress(1.0)
    return Adjacency(n, np.column_stack([left, right]), gap=gap, blocked=blocked,
                     set_aside=set_aside)


def _geometry_array(geometries) -> tuple[np.ndarray, object]:
    crs = getattr(geometries, "crs", None)
    if isinstance(geometries, gpd.GeoDataFrame):
        geometries = geometries.geometry
    if crs is not None and crs.is_geographic:
        raise CrsError(QT_TRANSLATE_NOOP(
            "zones", "Compounds are in degrees ({crs}); reproject them to a metric CRS first."),
            crs=crs.name)
    geoms = np.asarray(getattr(geometries, "values", geometries), dtype=object).reshape(-1)
    return geoms, crs


def _barrier_array(barriers, crs) -> np.ndarray:
    bcrs = getattr(barriers, "crs", None)
    if bcrs is not None and crs is not None and not bcrs.equals(crs):
        barriers = barriers.to_crs(crs)
    elif bcrs is not None and bcrs.is_geographic:
        raise CrsError(QT_TRANSLATE_NOOP(
            "zones", "Barriers are in degrees ({crs}); reproject them to a metric CRS first."),
            crs=bcrs.name)
    if isinstance(barriers, gpd.GeoDataFrame):
        barriers = barriers.geometry
    geoms = np.asarray(getattr(barriers, "values", barriers), dtype=object)
    return geoms[~(shapely.is_missing(geoms) | shapely.is_empty(geoms))]


def _candidate_pairs(geoms: np.ndarray, gap: float, fb: Feedback
                     ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs ``i < j`` whose bounding boxes come within *gap* of each other, without the
    compounds whose box meets more than MAX_CANDIDATES others (returned third)."""
    present = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    tree = shapely.STRtree(np.where(present, geoms, None))
    b = shapely.bounds(geoms)
    boxes = shapely.box(b[:, 0] - gap, b[:, 1] - gap, b[:, 2] + gap, b[:, 3] + gap)
    boxes[~present] = None
    block = max(1, _QUERY_PAIRS // max(1, int(present.sum())))
    lefts, rights, crowded = [], [], []
    for start in range(0, len(geoms), block):
        fb.check()
        left, right = tree.query(boxes[start:start + block])
        left += start
        many = np.bincount(left - start, minlength=min(block, len(geoms) - start)) > MAX_CANDIDATES
        crowded.append(np.flatnonzero(many) + start)
        keep = (left < right) & ~many[left - start]
        lefts.append(left[keep].astype(np.int64))
        rights.append(right[keep].astype(np.int64))
    crowded = np.concatenate(crowded) if crowded else np.empty(0, dtype=np.int64)
    left = np.concatenate(lefts) if lefts else np.empty(0, dtype=np.int64)
    right = np.concatenate(rights) if rights else np.empty(0, dtype=np.int64)
    keep = ~np.isin(right, crowded)
    return left[keep], right[keep], crowded


def _within_gap(geoms, left, right, gap, fb: Feedback) -> np.ndarray:
    """Exact ``distance <= gap`` for the pairs, using simplified outlines to skip most."""
    tol = SIMPLIFY_TOLERANCE
    chunks = [slice(k, k + _CHUNK) for k in range(0, len(left), _CHUNK)]

    def work(sl: slice) -> np.ndarray:
        fb.check()
        d = shapely.distance(simple[left[sl]], simple[right[sl]])
        ok = d <= gap - 2 * tol - 1e-6
        unsure = ~ok & ~(d > gap + 2 * tol + 1e-6)  # NaN (collapsed outline) is unsure
        if unsure.any():
            ok[unsure] = shapely.dwithin(geoms[left[sl][unsure]], geoms[right[sl][unsure]], gap)
        return ok

    if not chunks:
        return np.zeros(0, dtype=bool)
    out = []
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        parts = [slice(k, k + _CHUNK // 4) for k in range(0, len(geoms), _CHUNK // 4)]
        simple = np.concatenate(list(pool.map(lambda sl: shapely.simplify(geoms[sl], tol, preserve_topology=False),
                                              parts)))
        for k, ok in enumerate(pool.map(work, chunks)):
            out.append(ok)
            fb.progress((k + 1) / len(chunks))
    return np.concatenate(out)


def _cut_by_barriers(geoms, left, right, barriers, gap, fb: Feedback) -> np.ndarray:
    """Which pairs a barrier separates (rule 1, then rule 2 where it can differ)."""
    from scipy import sparse

    cut = np.zeros(len(left), dtype=bool)
    if barriers.size == 0 or left.size == 0:
        return cut
    btree = shapely.STRtree(barriers)
    near, which = btree.query(geoms, predicate="dwithin", distance=gap)
    reach = sparse.csr_matrix((np.ones(near.size, dtype=np.int32), (near, which)),
                              shape=(len(geoms), len(barriers)))
    # a barrier can only lie between two compounds if it comes within the gap of both
    shared = np.asarray(reach[left].multiply(reach[right]).sum(axis=1)).ravel()
    suspect = np.flatnonzero(shared > 0)
    if suspect.size == 0:
        return cut
    segments = shapely.shortest_line(geoms[left[suspect]], geoms[right[suspect]])
    hit, _ = btree.query(segments, predicate="intersects")
    crossing = suspect[np.unique(hit)]
    cut[crossing] = True
    fb.check()
    recheck = crossing[_near_barrier_end(geoms, left[crossing], right[crossing], barriers, gap)]
    for k, pair in enumerate(recheck):
        cut[pair] = not _joined_around(geoms[left[pair]], geoms[right[pair]], btree, barriers, gap)
        if k % 64 == 0:
            fb.check()
            fb.progress(k / max(1, recheck.size))
    return cut


def _near_barrier_end(geoms, left, right, barriers, gap) -> np.ndarray:
    """Mask of pairs that a barrier could be got round: a line barrier ends (a dangling
    end, not a point where two ways join) within *gap* of both compounds, or a polygon
    barrier comes within *gap* of both."""
    kinds = shapely.get_type_id(barriers)
    polygons = barriers[(kinds == 3) | (kinds == 6)]
    ends = _dangling_ends(barriers[(kinds == 1) | (kinds == 2) | (kinds == 5)])
    mask = np.zeros(len(left), dtype=bool)
    for targets in (ends, polygons):
        if targets.size:
            tree = shapely.STRtree(targets)
            ia, ta = tree.query(geoms[left], predicate="dwithin", distance=gap)
            ib, tb = tree.query(geoms[right], predicate="dwithin", distance=gap)
            both = np.intersect1d(ia * len(targets) + ta, ib * len(targets) + tb)
            mask[both // len(targets)] = True
    return mask


def _dangling_ends(lines: np.ndarray) -> np.ndarray:
    """End points of line barriers that no other barrier end meets (to 1 cm)."""
    parts = shapely.get_parts(lines)
    parts = parts[~shapely.is_closed(parts)]
    if parts.size == 0:
        return np.empty(0, dtype=object)
    xy = np.concatenate([shapely.get_coordinates(shapely.get_point(parts, 0)),
                         shapely.get_coordinates(shapely.get_point(parts, -1))])
    keys, counts = np.unique(np.round(xy, 2), axis=0, return_counts=True)
    return shapely.points(keys[counts == 1])


def _joined_around(a, b, btree, barriers, gap) -> bool:
    """Whether *a* and *b* stay joined in their closed union with the barriers cut out."""
    closed = close_union(np.array([a, b], dtype=object), gap=gap)
    near = barriers[btree.query(closed)]
    cutter = shapely.union_all(shapely.buffer(near, BARRIER_CUT_WIDTH / 2, quad_segs=2))
    pieces = shapely.get_parts(shapely.difference(closed, cutter))
    return bool(np.any(shapely.intersects(pieces, a) & shapely.intersects(pieces, b)))
