"""Service areas by the distance-field method (:mod:`gis.network.field_areas`): per type with
their bands, per facility, and a type's bands updated when one facility is added, moved or
removed (:class:`TypeAreas`, keyed by facility id; other types are not touched).
"""

from __future__ import annotations

import functools
import threading
import weakref
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import shapely

from gis.feedback import Feedback, ensure
from gis.network.attach import Attachment, attach
from gis.network.distance import Reach, _ranges, reach
from gis.network.field_areas import Field, Group, Rays, split_outlines
from gis.network.graph import WalkGraph
from gis.network.polygons import edge_ends
from gis.network.street_grid import StreetGrid, near_pairs, street_grid
from gis.network.tile_trace import trace_tiles

MIN_WALK_M = 1e-6  # shorter walks from a point to its street are not drawn (the foot is)
TILE_BATCH = 8  # facilities whose areas are traced in one pass (trace_tiles)
_GRIDS: "weakref.WeakKeyDictionary[WalkGraph, dict]" = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def grid_of(graph: WalkGraph, buffer_m: float, *, workers: int = 1) -> StreetGrid:
    """The street grid of *graph* for *buffer_m*, built once per network and buffer (on *workers*
    threads)."""
    with _LOCK:
        per_graph = _GRIDS.setdefault(graph, {})
        lock = per_graph.setdefault(("lock", float(buffer_m)), threading.Lock())
    with lock:
        if float(buffer_m) not in per_graph:
            per_graph[float(buffer_m)] = street_grid(graph, buffer_m, workers=workers)
        return per_graph[float(buffer_m)]


def has_grid(graph: WalkGraph, buffer_m: float) -> bool:
    """Whether :func:`grid_of` has the street grid of *graph* for *buffer_m* already."""
    with _LOCK:
        return float(buffer_m) in _GRIDS.get(graph, {})


def source_rays(graph: WalkGraph, sources: Attachment, shift: np.ndarray, cutoff: float) -> tuple[Rays, np.ndarray]:
    """Each attached source's walks off the network's nodes: along its own edge both ways from
    its foot, and the straight walk from the point to the foot (when counted). Returns the rays
    and the source of each."""
    s = np.flatnonzero(sources.attached & (cutoff + shift - sources.lead > 0))
    e, scale = sources.edge[s], graph.geometry_scale[sources.edge[s]]
    foot = sources.offset[s] * scale
    reach_g = (cutoff + shift[s] - sources.lead[s]) * scale
    lines = graph.lines
    parts, owners = [], []
    for lo, hi, backward in ((np.maximum(foot - reach_g, 0.0), foot, True),
                             (foot, np.minimum(foot + reach_g, lines.length[e]), False)):
        pieces = lines.substrings(e, lo, hi)
        coords, owner = shapely.get_coordinates(pieces, return_index=True)
        parts.append(_polyline_rays(coords, owner, backward, (sources.lead[s] - shift[s]), 1.0 / scale))
        owners.append(parts[-1][1])
    walk = np.flatnonzero(sources.attached & (sources.lead > 0) & (sources.access > MIN_WALK_M))
    a, b = sources.xy[walk], sources.snapped[walk]
    vec = b - a
    length = np.hypot(vec[:, 0], vec[:, 1])
    walks = Rays(a, vec / np.maximum(length, 1e-12)[:, None], length, -shift[walk],
                 sources.lead[walk] / np.maximum(sources.access[walk], 1e-12))
    rays = [p[0] for p in parts] + [walks]
    owner = np.concatenate([s[o] for o in owners] + [walk])
    return Rays(*(np.concatenate([getattr(r, k) for r in rays]) for k in ("p0", "unit", "length", "v0", "rate"))), owner


def _polyline_rays(coords: np.ndarray, owner: np.ndarray, backward: bool, v0: np.ndarray,
                   rate: np.ndarray) -> tuple[Rays, np.ndarray]:
    """The straight pieces of sub-lines starting at their foot (the end when *backward*)."""
    if backward:  # walk from the last vertex: reverse each line's vertices
        order = np.lexsort((-np.arange(len(owner)), owner))
        coords, owner = coords[order], owner[order]
    same = owner[1:] == owner[:-1]
    a, b, k = coords[:-1][same], coords[1:][same], owner[:-1][same]
    vec = b - a
    length = np.hypot(vec[:, 0], vec[:, 1])
    before = np.concatenate([[0.0], np.cumsum(length)])[:-1]
    first = np.searchsorted(k, k, side="left")
    walked = before - before[first] if len(k) else before
    keep = length > 0
    rays = Rays(a[keep], (vec / np.maximum(length, 1e-12)[:, None])[keep], length[keep],
                (v0[k] + walked * rate[k])[keep], rate[k][keep])
    return rays, k[keep]


def group_of(graph: WalkGraph, r: Reach, sources: Attachment, rows: np.ndarray, shift: np.ndarray,
             rays: Rays, ray_owner: np.ndarray) -> Group:
    """One group made of the sources *rows* (of *r* and *sources*): what
    :func:`gis.network.polygons.edge_ends` gives for one group, on dense per-edge arrays (no sort)."""
    member = np.zeros(r.n_sources, dtype=bool)
    member[rows] = True
    keep = member[r.source]
    node, val = r.node[keep], (r.dist - shift[r.source])[keep]
    indptr, inc_edge, inc_side = graph.incidence
    at = _ranges(indptr[node], indptr[node + 1])
    edge, side, val = inc_edge[at], inc_side[at], np.repeat(val, indptr[node + 1] - indptr[node])
    du, dv = np.full(graph.n_edges, np.inf), np.full(graph.n_edges, np.inf)
    np.minimum.at(du, edge[side == 0], val[side == 0])
    np.minimum.at(dv, edge[side == 1], val[side == 1])
    reached = np.flatnonzero(np.isfinite(du) | np.isfinite(dv))
    return Group(reached, du[reached], dv[reached], rays.take(np.flatnonzero(member[ray_owner])))


def per_source_groups(graph: WalkGraph, r: Reach, sources: Attachment, shift: np.ndarray, rays: Rays,
                      ray_owner: np.ndarray) -> list[Group]:
    """One group per source."""
    n = r.n_sources
    ends = edge_ends(graph, r, np.arange(n), shift)
    cut = np.searchsorted(ends.group, np.arange(n + 1))
    order = np.argsort(ray_owner, kind="stable")
    rcut = np.searchsorted(ray_owner[order], np.arange(n + 1))
    return [Group(ends.edge[cut[i]:cut[i + 1]], ends.du[cut[i]:cut[i + 1]], ends.dv[cut[i]:cut[i + 1]],
                  rays.take(order[rcut[i]:rcut[i + 1]])) for i in range(n)]


def type_group(graph: WalkGraph, sources: Attachment, distances, *, shift: np.ndarray | None = None,
               feedback: Feedback | None = None) -> Group:
    """What a type's *sources* walk within the largest of *distances* (the street grid is not needed:
    this runs while it is built). *shift*: see :func:`type_areas`."""
    shift = np.zeros(len(sources)) if shift is None else np.asarray(shift, dtype=float)
    cutoff = float(max(distances)) + float(shift.max(initial=0.0))
    r = reach(graph, sources, cutoff, feedback=feedback)
    rays, owner = source_rays(graph, sources, shift, float(max(distances)))
    return group_of(graph, r, sources, np.arange(len(sources)), shift, rays, owner)


def type_areas(graph: WalkGraph, sources: Attachment, distances, *, buffer_m: float,
               shift: np.ndarray | None = None, bands: bool = True, workers: int = 1,
               feedback: Feedback | None = None, group: Group | None = None) -> tuple[list, list]:
    """The dissolved area at each distance of a type's *sources*, and its bands (traced on
    *workers* threads).

    With *shift*, source ``i`` counts its walks as ``dist - shift[i]`` (each facility at its
    own radius: ask for distance 0). *group*: :func:`type_group` of the same, when made already."""
    fb = ensure(feedback)
    if group is None:
        group = type_group(graph, sources, distances, shift=shift, feedback=fb.sub(0.0, 0.3))
    fb.check()
    out = Field(grid_of(graph, buffer_m, workers=workers), group).areas_and_bands(distances, bands=bands,
                                                                                  workers=workers)
    fb.progress(1.0)
    return out


def facility_areas(graph: WalkGraph, sources: Attachment, distances, *, buffer_m: float, workers: int = 1,
                   feedback: Feedback | None = None) -> np.ndarray:
    """(n_sources, n_distances) polygons: each source's own area at each distance."""
    fb = ensure(feedback)
    cutoff = float(max(distances))
    r = reach(graph, sources, cutoff, feedback=fb.sub(0.0, 0.1))
    zero = np.zeros(len(sources))
    rays, owner = source_rays(graph, sources, zero, cutoff)
    by_owner = np.argsort(owner, kind="stable")  # each source's rays in a run, in their order
    rays, owner = rays.take(by_owner), owner[by_owner]
    groups = per_source_groups(graph, r, sources, zero, rays, owner)
    sg = grid_of(graph, buffer_m)
    ray_pairs = _split_pairs(near_pairs(sg.grid, rays.as_segments(), sg.reach_m),
                             np.searchsorted(owner, np.arange(len(sources) + 1)))
    out = np.empty((len(sources), len(distances)), dtype=object)
    step = max(1, min(TILE_BATCH, len(sources) // 4))  # a few batches at least (progress, cancel)
    cuts = list(range(0, len(sources), step)) + [len(sources)]

    def one(b: int) -> None:  # a batch of facilities, their areas traced together
        fb.check()
        tiles = []
        for i in range(cuts[b], cuts[b + 1]):
            walked = len(groups[i].edge) or len(groups[i].rays.length)
            tiles += Field(sg, groups[i], ray_pairs[i]).tiles(distances) if walked else [(np.zeros((0, 0)), (0.0, 0.0))] * len(
                distances)
        drawn = np.empty(len(tiles), dtype=object)
        drawn[:] = trace_tiles(tiles, sg.grid.cell)
        out[cuts[b]:cuts[b + 1]] = drawn.reshape(-1, len(distances))

    _run(one, len(cuts) - 1, workers, fb.sub(0.1, 1.0))
    return out


def _split_pairs(pairs: tuple[np.ndarray, ...], cut: np.ndarray) -> list[tuple[np.ndarray, ...]]:
    """:func:`near_pairs` of segments ``cut[i]:cut[i + 1]`` for each i, from those of all segments
    (found in one call: ~0.5 ms a call for a facility's few rays), segments counted from ``cut[i]``."""
    node, seg, dist = pairs
    at = np.searchsorted(seg, cut).tolist()
    return [(node[a:b], seg[a:b] - np.int32(c), dist[a:b]) for a, b, c in zip(at[:-1], at[1:], cut[:-1].tolist())]


def _run(one, n: int, workers: int, fb: Feedback) -> None:
    if workers > 1 and n > 1:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            for k, _ in enumerate(pool.map(one, range(n))):
                if k % 16 == 0:
                    fb.progress((k + 1) / n)
    else:
        for k in range(n):
            one(k)
            if k % 16 == 0:
                fb.progress((k + 1) / n)
    fb.progress(1.0)


def run_types(jobs: list, workers: int, fb: Feedback) -> list:
    """``job(feedback)`` for each job, on *workers* threads; results in order."""
    out = [None] * len(jobs)

    def one(k: int) -> None:
        fb.check()
        out[k] = jobs[k](fb.sub(k / len(jobs), (k + 1) / len(jobs)))

    _run(one, len(jobs), workers, fb)
    return out


def types_areas(graph: WalkGraph, types: list[tuple[Attachment, tuple]], *, buffer_m: float, workers: int = 1,
                groups: list | None = None, feedback: Feedback | None = None,
                each=None) -> list[tuple[list, list]]:
    """:func:`type_areas` (areas and bands) of several types, given as (sources, distances): their
    fields and tracings share *workers* threads (no thread waits for one type's last outline);
    *groups*: :func:`type_group` of some types made already (None for the others); *each(k, result)*
    is called with each type's result in order, as soon as it is traced (on the calling thread)."""
    fb = ensure(feedback)
    sg = grid_of(graph, buffer_m, workers=workers)
    groups = groups if groups is not None else [None] * len(types)

    def stage(k: int) -> list:
        sources, distances = types[k]
        group = groups[k] if groups[k] is not None else type_group(graph, sources, distances)
        return Field(sg, group).outline_jobs(distances)

    split: dict = {}

    def finished(k: int, outlines: list) -> None:
        split[k] = split_outlines(outlines, len(types[k][1]), True)
        if each is not None:
            each(k, split[k])

    run_staged([functools.partial(stage, k) for k in range(len(types))], workers, fb, finished)
    return [split[k] for k in range(len(types))]


def run_staged(stages: list, workers: int, fb: Feedback, each=None) -> list[list]:
    """For each ``stage() -> [job, ...]``, the results of its jobs, in order. Stages and jobs share
    *workers* threads: a stage queues its jobs, then the stage *workers* places later (so the
    jobs of a stage come before the stages after it, and few stages' data wait at once).
    *each(k, results)*, if given, gets each stage's results in order as soon as they are in."""
    n = len(stages)
    if workers <= 1 or n == 0:
        out = []
        for k, stage in enumerate(stages):
            fb.check()
            out.append([job() for job in stage()])
            if each is not None:
                each(k, out[-1])
            fb.progress((k + 1) / n)
        return out
    started: dict = {}
    with ThreadPoolExecutor(max_workers=workers) as pool:
        def run(k: int) -> list:
            fb.check()
            futures = [pool.submit(job) for job in stages[k]()]
            if k + workers < n:
                started[k + workers] = pool.submit(run, k + workers)
            return futures

        for k in range(min(workers, n)):
            started[k] = pool.submit(run, k)
        out = []
        try:
            for k in range(n):
                out.append([f.result() for f in started[k].result()])
                if each is not None:
                    each(k, out[-1])
                fb.progress((k + 1) / n)
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    return out
