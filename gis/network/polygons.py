"""Service-area polygons that follow the streets.

For a source group (one facility, or all facilities of a type) the walkable part of each
edge near the search frontier is exact: a point ``x`` metres along edge ``(a, b)`` is
reached if ``d(a) + x <= cutoff`` or ``d(b) + length - x <= cutoff`` or, on the source's
own edge, ``lead + |x - offset| <= cutoff``. Those full and partial edges, plus the walk
from the facility to its street, are buffered by the *edge buffer* (the walkable band)
into one polygon per group. It is not a convex hull: blocks the walk cannot enter stay out.

Every node within the cutoff is inside (it lies on a walked line). A node farther than
cutoff + buffer on foot can only be inside when it lies within the buffer of a walked
street it is not directly connected to, i.e. when unconnected streets run closer than
the band width; keep the edge buffer below half the street spacing.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import shapely
import shapely.errors

from gis.feedback import Feedback, ensure
from gis.network.attach import Attachment
from gis.network.distance import Reach, _ranges
from gis.network.graph import WalkGraph

HOLE_MARGIN_M = 1e-3  # block cores are cut 1 mm deeper, so they never touch the band

@dataclass(frozen=True, eq=False)
class EdgeEnds:
    """Per (group, edge): the smallest ``dist - shift`` at the u end and at the v end."""

    group: np.ndarray
    edge: np.ndarray
    du: np.ndarray
    dv: np.ndarray


def edge_ends(graph: WalkGraph, reach: Reach, group: np.ndarray, shift: np.ndarray) -> EdgeEnds:
    """Reduce a reach to edge ends per group; source ``i`` counts as ``dist - shift[i]``.

    ``group[i]`` is the group of source ``i`` (-1 = left out).
    """
    src = reach.source
    g = group[src]
    keep = g >= 0
    node, val, g = reach.node[keep], (reach.dist - shift[src])[keep], g[keep]
    indptr, inc_edge, inc_side = graph.incidence
    count = indptr[node + 1] - indptr[node]
    at = _ranges(indptr[node], indptr[node + 1])
    key = np.repeat(g, count).astype(np.int64) * graph.n_edges + inc_edge[at]
    side, val = inc_side[at], np.repeat(val, count)
    uniq, inv = np.unique(key, return_inverse=True)
    du, dv = np.full(len(uniq), np.inf), np.full(len(uniq), np.inf)
    np.minimum.at(du, inv[side == 0], val[side == 0])
    np.minimum.at(dv, inv[side == 1], val[side == 1])
    return EdgeEnds(uniq // graph.n_edges, uniq % graph.n_edges, du, dv)


def covered_lines(graph: WalkGraph, ends: EdgeEnds, cutoff: float, sources: Attachment,
                  source_group: np.ndarray, shift: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Lines walked within *cutoff* and the group of each: whole and partial edges (one
    piece per walked stretch, never overlapping) and the walk from each source to its edge."""
    length = graph.length[ends.edge]
    ru, rv = cutoff - ends.du, cutoff - ends.dv
    s = np.flatnonzero((source_group >= 0) & sources.attached)
    budget = cutoff + shift[s] - sources.lead[s]
    own, own_budget = s[budget > 0], budget[budget > 0]
    reached_u, reached_v = ru > 0, rv > 0
    group = np.concatenate([ends.group[reached_u], ends.group[reached_v], source_group[own]])
    edge = np.concatenate([ends.edge[reached_u], ends.edge[reached_v], sources.edge[own]])
    lo = np.concatenate([np.zeros(reached_u.sum()), length[reached_v] - rv[reached_v],
                         sources.offset[own] - own_budget])
    hi = np.concatenate([ru[reached_u], length[reached_v], sources.offset[own] + own_budget])
    group, edge, lo, hi = _merge_intervals(group, edge, np.maximum(lo, 0.0),
                                           np.minimum(hi, graph.length[edge]))
    whole = (lo <= 0.0) & (hi >= graph.length[edge])
    scale = graph.geometry_scale[edge[~whole]]
    pieces = graph.lines.substrings(edge[~whole], lo[~whole] * scale, hi[~whole] * scale)
    walk, walk_group = _access_walks(sources, s, cutoff + shift[s], source_group)
    lines = np.concatenate([graph.geometry[edge[whole]], pieces, walk])
    groups = np.concatenate([group[whole], group[~whole], walk_group])
    keep = shapely.length(lines) > 0
    return lines[keep], groups[keep]


def _merge_intervals(group: np.ndarray, edge: np.ndarray, lo: np.ndarray, hi: np.ndarray
                     ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Union of the intervals [lo, hi] of each (group, edge): disjoint, sorted."""
    keep = hi > lo
    group, edge, lo, hi = group[keep], edge[keep], lo[keep], hi[keep]
    if len(lo) == 0:
        return group, edge, lo, hi
    order = np.lexsort((lo, edge, group))
    group, edge, lo, hi = group[order], edge[order], lo[order], hi[order]
    new_key = np.ones(len(lo), dtype=bool)
    new_key[1:] = (group[1:] != group[:-1]) | (edge[1:] != edge[:-1])
    rank = np.cumsum(new_key) - 1
    span = float(hi.max()) + 1.0
    reach_hi = np.maximum.accumulate(hi + rank * span) - rank * span  # running max within each key
    start = new_key.copy()
    start[1:] |= lo[1:] > reach_hi[:-1]
    first = np.flatnonzero(start)
    return group[first], edge[first], lo[first], np.maximum.reduceat(hi, first)


def _access_walks(sources: Attachment, rows: np.ndarray, budget: np.ndarray,
                  source_group: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Straight walks from the points toward their edges, as far as the budget allows."""
    lead = sources.lead[rows]
    ok = (lead > 0) & np.isfinite(lead) & (budget > 0)
    rows, lead, budget = rows[ok], lead[ok], budget[ok]
    frac = np.minimum(budget / lead, 1.0)[:, None]
    a = sources.xy[rows]
    b = a + (sources.snapped[rows] - a) * frac
    return shapely.linestrings(np.stack([a, b], axis=1)), source_group[rows]


def band_polygons(lines: np.ndarray, group: np.ndarray, n_groups: int, *, width: float, quad_segs: int,
                  workers: int = 1, feedback: Feedback | None = None) -> np.ndarray:
    """One polygon per group: the points within *width* of its lines (empty if none).

    Groups run on *workers* threads (shapely releases the GIL).
    """
    fb = ensure(feedback)
    out = np.array([shapely.Polygon()] * n_groups, dtype=object)
    present = np.unique(group)
    if len(present) == 0:
        return out
    order = np.argsort(group, kind="stable")
    bounds = np.append(np.searchsorted(group[order], present), len(group))
    jobs = [lines[order[bounds[k]:bounds[k + 1]]] for k in range(len(present))]

    def one(k: int) -> None:
        fb.check()
        out[present[k]] = band_polygon(jobs[k], width=width, quad_segs=quad_segs)

    if workers > 1 and len(jobs) > 1:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            for k, _ in enumerate(pool.map(one, range(len(jobs)))):
                fb.progress((k + 1) / len(jobs))
    else:
        for k in range(len(jobs)):
            one(k)
            fb.progress((k + 1) / len(jobs))
    return out


def band_polygon(lines: np.ndarray, *, width: float, quad_segs: int) -> shapely.Geometry:
    """The points within *width* of *lines*, built block by block.

    Buffering thousands of street lines at once spends its time merging overlapping
    buffers. Instead: the blocks the lines enclose (polygonize) are filled, their outline
    is buffered, and each block's core farther than *width* from its streets is cut out
    again. Inside a block only its own streets and the dead ends within it can be near,
    so the result equals the plain buffer (up to the arcs' approximation).
    """
    noded = shapely.get_parts(shapely.node(shapely.multilinestrings(distinct_lines(lines))))
    try:
        return _band_by_blocks(noded, width, quad_segs)
    except shapely.errors.GEOSException:  # degenerate blocks (slivers): the plain buffer is always right
        return buffer_lines(noded, width, quad_segs)


def distinct_lines(lines: np.ndarray) -> np.ndarray:
    """*lines* without repeats (either direction): a way listed many times in a damaged file
    adds nothing to the band but makes noding crawl (3,000 copies of one way: minutes)."""
    if len(lines) < 2:
        return lines
    _, first = np.unique(shapely.to_wkb(shapely.normalize(lines)), return_index=True)
    return lines[np.sort(first)]


def buffer_lines(lines: np.ndarray, width: float, quad_segs: int) -> shapely.Geometry:
    """The union of the lines' buffers: chains merged, buffered one by one, then one cascaded
    union (GEOS buffers a large MultiLineString far slower than this)."""
    chains = shapely.get_parts(shapely.line_merge(shapely.multilinestrings(lines)))
    return shapely.union_all(shapely.buffer(chains, width, quad_segs=quad_segs))


def _band_by_blocks(noded: np.ndarray, width: float, quad_segs: int) -> shapely.Geometry:
    faces_gc, cuts, dangles, invalid = shapely.polygonize_full(noded)
    faces = shapely.get_parts(faces_gc)
    if len(faces) == 0:
        return buffer_lines(noded, width, quad_segs)
    filled = shapely.coverage_union_all(faces)
    loose = shapely.get_parts(np.array([cuts, dangles, invalid], dtype=object))
    shapely.prepare(filled)
    inside = shapely.contains_properly(filled, shapely.line_interpolate_point(loose, 0.5, normalized=True))
    rims = shapely.get_parts(shapely.boundary(filled))
    shape = shapely.union(filled, buffer_lines(np.concatenate([rims, loose[~inside]]), width, quad_segs))
    cores = shapely.buffer(faces, -(width + HOLE_MARGIN_M), quad_segs=quad_segs)
    cores = shapely.get_parts(cores[~shapely.is_empty(cores)])
    if len(cores) == 0:
        return shape
    if inside.any():
        cores = _cut(cores, shapely.buffer(loose[inside], width, quad_segs=quad_segs))
    return _punch(shape, cores)


def _cut(cores: np.ndarray, pieces: np.ndarray) -> np.ndarray:
    """*cores* minus the *pieces* that touch them (each core only against its own pieces)."""
    core_i, piece_i = shapely.STRtree(pieces).query(cores, predicate="intersects")
    if len(core_i) == 0:
        return cores
    hit = np.unique(core_i)
    order = np.argsort(core_i, kind="stable")
    bounds = np.searchsorted(core_i[order], hit)
    groups = np.split(piece_i[order], bounds[1:])
    cut = shapely.difference(cores[hit], np.array([shapely.union_all(pieces[g]) for g in groups], dtype=object))
    return np.concatenate([np.delete(cores, hit), shapely.get_parts(cut)])


def _punch(shape: shapely.Geometry, holes: np.ndarray) -> shapely.Geometry:
    """*shape* with *holes* cut out, where every hole lies strictly inside it and apart from
    the others (block cores): the rings are added directly instead of an overlay."""
    holes = holes[~shapely.is_empty(holes)]
    if len(holes) == 0:
        return shape
    if shapely.get_num_interior_rings(holes).any():  # a hole with an island: let GEOS sort it out
        return shapely.difference(shape, shapely.multipolygons(holes))
    parts = shapely.get_parts(shape)
    parts = parts[np.argsort(-shapely.area(parts), kind="stable")]  # the big part first: it holds most
    xy = shapely.get_coordinates(shapely.point_on_surface(holes))
    owner = np.full(len(holes), -1)
    for k, part in enumerate(parts):
        left = np.flatnonzero(owner < 0)
        if len(left) == 0:
            break
        shapely.prepare(part)
        owner[left[shapely.contains_xy(part, xy[left, 0], xy[left, 1])]] = k
    if (owner < 0).any():  # not expected; the overlay is always right
        return shapely.difference(shape, shapely.multipolygons(holes))
    rings = shapely.get_exterior_ring(holes)
    out = [_with_holes(part, rings[owner == k]) for k, part in enumerate(parts)]
    return out[0] if len(out) == 1 else shapely.multipolygons(out)


def _with_holes(part: shapely.Polygon, rings: np.ndarray) -> shapely.Polygon:
    if len(rings) == 0:
        return part
    old = [part.interiors[i] for i in range(len(part.interiors))]
    return shapely.polygons(part.exterior, holes=np.concatenate([old, rings]))
