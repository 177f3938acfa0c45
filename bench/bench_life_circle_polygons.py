"""Life-circle polygons at city scale: the distance-field (grid) method beside the naive one.

    .venv/bin/python bench/bench_life_circle_polygons.py [FACILITIES=1000] [EDGES=100000] [NAIVE_SAMPLE=60]

Network: bench_service_areas' jittered 80 m street grid; facilities of 7 types spread at random;
walking distances 300/500/1000 m; edge buffer 30 m (the default).

* ours — :mod:`gis.network.field_areas`: per type, the distance to the streets walked within
  each distance on a 12.5 m grid (all three distances in one pass over the street grid's pairs),
  outlines traced with contourpy (``ServiceAreaParams(method="grid")``, 2 threads); per facility
  the same on the facility's window; one facility's type redrawn by
  :class:`gis.network.live_areas.LiveAreas`. The per-type figure is given three ways: with the
  street grid already built (network setup, timed apart); on a network never used before, as the
  first work of this process (the street grid, the network's edge index, incidence and
  components, and the first import of scipy.sparse.csgraph are counted); and on another new
  network after that (the same minus the import: the app's case once anything ran).
* naive — what peers do: buffer every walked street stretch (the same lines as the exact method)
  by the edge buffer and union them (``shapely.union_all``); bands by differences. Per facility it
  is timed on NAIVE_SAMPLE facilities and scaled (said in the output).

The process first keeps freed memory for reuse as main.py does for the app and the command line
(:func:`gis.allocator.keep_freed_memory`: glibc's thresholds, numpy's huge pages off; said in the
first line). Each goal's figure is printed beside the naive one with the ratio. Times are wall seconds with
CPU seconds of this process beside them: the machine is shared, so the load is printed too.
"""

from __future__ import annotations

import functools
import os
import resource
import sys
import time
from pathlib import Path

import numpy as np
import shapely

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gis.allocator import keep_freed_memory  # noqa: E402

KEPT = keep_freed_memory()  # as main.py does for the app and the command line, before anything is made
from bench.bench_service_areas import CRS, DISTANCES, TYPES, Clock, facilities_on, grid_network  # noqa: E402
from gis.analysis.facilities import subset  # noqa: E402
from gis.network.attach import attach  # noqa: E402
from gis.network.distance import reach  # noqa: E402
from gis.network.graph import graph_from_arrays  # noqa: E402
from gis.network.grid_service import grid_of  # noqa: E402
from gis.network.live_areas import LiveAreas  # noqa: E402
from gis.network.polygons import covered_lines, edge_ends  # noqa: E402
from gis.network.service_area import ServiceAreaParams, service_areas  # noqa: E402

print = functools.partial(print, flush=True)  # noqa: A001
BUFFER = 30.0


def naive_lines(graph, att, groups: np.ndarray, n_groups: int, d: float):
    """The walked lines within *d* of each group (the exact method's lines)."""
    r = reach(graph, att, d)
    zero = np.zeros(len(att))
    ends = edge_ends(graph, r, groups, zero)
    return covered_lines(graph, ends, d, att, groups, zero)


def naive_union(lines: np.ndarray) -> shapely.Geometry:
    return shapely.union_all(shapely.buffer(lines, BUFFER, quad_segs=3))


def naive_types(graph, fac, att) -> int:
    """Per-type areas and bands, naively; returns the polygon count."""
    count = 0
    for ftype in TYPES:
        rows = np.flatnonzero(fac.types == ftype)
        sub = att.subset(rows)
        inner = shapely.Polygon()
        for d in DISTANCES:
            lines, _ = naive_lines(graph, sub, np.zeros(len(rows), dtype=np.int64), 1, d)
            area = naive_union(lines)
            shapely.difference(area, inner)
            inner = area
            count += 2
    return count


def naive_facilities(graph, att, rows: np.ndarray) -> int:
    count = 0
    sub = att.subset(rows)
    for d in DISTANCES:
        lines, group = naive_lines(graph, sub, np.arange(len(rows)), len(rows), d)
        for k in range(len(rows)):
            naive_union(lines[group == k])
            count += 1
    return count


def load() -> str:
    return "load average " + ", ".join(f"{x:.1f}" for x in os.getloadavg()) + f" on {os.cpu_count()} cores"


def row(goal: str, target: str, ours: Clock, naive_wall: float, naive_cpu: float, note: str = "") -> None:
    print(f"{goal:<44} {target:>8} | ours {ours.wall:7.3f} s wall ({ours.cpu:6.3f} s CPU) | naive "
          f"{naive_wall:8.2f} s wall ({naive_cpu:7.2f} s CPU) | {naive_wall / max(ours.wall, 1e-9):6.1f}x wall, "
          f"{naive_cpu / max(ours.cpu, 1e-9):6.1f}x CPU {note}")


def fresh_network_run(xy, u, v, fac, params) -> tuple[Clock, str]:
    """Per-type areas and bands on a network whose street grid, edge index, incidence and
    components are not made yet (its CSR matrix is, as after loading it for the distances)."""
    fresh = graph_from_arrays(xy, u, v, CRS)
    fresh.matrix  # noqa: B018
    with Clock() as clock:
        service_areas(fac, network=fresh, params=params)
    return clock, load()


def main(n_fac: int, n_edges: int, sample: int) -> None:
    xy, u, v = grid_network(n_edges)
    graph = graph_from_arrays(xy, u, v, CRS)
    fac = facilities_on(graph, n_fac)
    att = attach(graph, fac.points)
    graph.matrix  # noqa: B018 (network setup, as for the distances)
    print(f"network: {graph.n_nodes:,} nodes, {graph.n_edges:,} edges; {n_fac} facilities of {len(TYPES)} types; "
          f"distances {DISTANCES}; buffer {BUFFER:g} m; freed memory kept for reuse (glibc, as main.py): {KEPT}; "
          f"{load()}")
    params = ServiceAreaParams(distances=DISTANCES, edge_buffer_m=BUFFER, workers=2, per_facility=False)
    cold, cold_load = fresh_network_run(xy, u, v, fac, params)  # the first in this process: imports cold
    again, again_load = fresh_network_run(xy, u, v, fac, params)  # another new network: imports warm
    with Clock() as setup:
        sg = grid_of(graph, BUFFER, workers=2)
    print(f"network setup once (street grid, {sg.grid.cell:g} m cells, {sg.grid.nx} x {sg.grid.ny} nodes, "
          f"{len(sg.pairs.node):,} node-street pairs): {setup.wall:.2f} s wall ({setup.cpu:.2f} s CPU); {load()}\n")

    with Clock() as ours_types:
        res = service_areas(fac, network=graph, params=params)
    bands = res.bands
    with Clock() as naive_t:
        naive_types(graph, fac, att)
    row("per-type areas + bands (7 x 3), grid built", "<= 2 s", ours_types, naive_t.wall, naive_t.cpu,
        f"[{len(res.per_type)} areas, {len(bands)} bands; {load()}]")
    row("  on a network never used, fresh process", "<= 2 s", cold, naive_t.wall, naive_t.cpu,
        f"[street grid, network indexes, scipy.sparse.csgraph import included; {cold_load}]")
    row("  on a network never used, imports warm", "<= 2 s", again, naive_t.wall, naive_t.cpu,
        f"[street grid and network indexes included; {again_load}]")

    with Clock() as ours_fac:
        per = service_areas(fac, network=graph, params=ServiceAreaParams(
            distances=DISTANCES, edge_buffer_m=BUFFER, workers=2, per_type=False))
    rows = np.arange(min(sample, n_fac))
    with Clock() as naive_f:
        naive_facilities(graph, att, rows)
    scale = n_fac / len(rows)
    row(f"all {len(per.per_facility):,} per-facility polygons", "<= 10 s", ours_fac, naive_f.wall * scale,
        naive_f.cpu * scale, f"[naive timed on {len(rows)} facilities, scaled x{scale:g}]")

    one_params = ServiceAreaParams(distances=DISTANCES, edge_buffer_m=BUFFER, per_type=False)
    picks = np.random.default_rng(1).choice(n_fac, 20, replace=False)
    times, cpus, naive_w, naive_c = [], [], [], []
    for i in picks:
        with Clock() as one:
            service_areas(subset(fac, np.array([i])), network=graph, params=one_params)
        with Clock() as naive_one:
            naive_facilities(graph, attach(graph, fac.points[[i]]), np.array([0]))
        times.append(one.wall), cpus.append(one.cpu), naive_w.append(naive_one.wall), naive_c.append(naive_one.cpu)
    one.wall, one.cpu = float(np.median(times)), float(np.median(cpus))
    row("one facility's 3 polygons on demand (median)", "<= 50 ms", one, float(np.median(naive_w)),
        float(np.median(naive_c)), f"[max {max(times) * 1000:.0f} ms over {len(picks)} facilities]")

    live = LiveAreas(graph, fac, params, res)
    centre = shapely.Point(graph.xy.mean(axis=0))
    steps = [("add", lambda: live.place("P-1", "clinic", centre)),
             ("move", lambda: live.place("P-1", "clinic", shapely.Point(np.asarray(centre.coords[0]) + 400))),
             ("remove", lambda: live.remove("P-1"))]
    clinic = np.flatnonzero(fac.types == "clinic")
    with Clock() as naive_c:
        naive_types_one = naive_lines(graph, att.subset(clinic), np.zeros(len(clinic), dtype=np.int64), 1,
                                      max(DISTANCES))
        for d in DISTANCES:
            naive_union(naive_types_one[0])
    for name, step in steps:
        with Clock() as inc:
            step()
        row(f"{name} one planned clinic: its type's bands", "<= 0.5 s", inc, naive_c.wall, naive_c.cpu,
            "[naive: the clinic type again; others untouched]")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak memory (this process, ours and naive): {peak:,.0f} MB (goal <= 2,048 MB); {load()}")


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:]]
    main(*(args + [1000, 100_000, 60][len(args):]))
