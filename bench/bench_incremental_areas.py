"""One planned facility added, moved or removed: its type's bands redrawn in a window (ours)
beside the whole type redrawn (the peer, what LiveAreas did before), on the city-scale network.

    .venv/bin/python bench/bench_incremental_areas.py [FACILITIES=1000] [EDGES=100000] [PLACES=8]

Network and facilities as in bench_life_circle_polygons (jittered 80 m grid, 7 types, 300/500/1000 m,
30 m buffer). For PLACES random places a clinic is added, moved 400 m, and removed; each step is
timed incrementally (:mod:`gis.network.field_patch` via :class:`LiveAreas`) and as the type's full
redraw (:func:`gis.network.grid_service.type_areas` on all its facilities), and the updated polygons
are compared with the full redraw: symmetric difference / area, validity, smallest ring.
Times: median and max, wall with CPU seconds of this process; the load is printed.
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

import numpy as np
import shapely

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_service_areas import CRS, DISTANCES, Clock, facilities_on, grid_network  # noqa: E402
from gis.network.field_patch import concat  # noqa: E402
from gis.network.graph import graph_from_arrays  # noqa: E402
from gis.network.grid_service import grid_of, type_areas  # noqa: E402
from gis.network.live_areas import LiveAreas  # noqa: E402
from gis.network.service_area import ServiceAreaParams, service_areas  # noqa: E402

print = functools.partial(print, flush=True)  # noqa: A001
BUFFER = 30.0
TYPE = "clinic"


def load() -> str:
    return "load average " + ", ".join(f"{x:.1f}" for x in os.getloadavg()) + f" on {os.cpu_count()} cores"


def polygons(result) -> list:
    areas = result.per_type[result.per_type["type"] == TYPE].sort_values("distance_m").geometry.values
    bands = result.bands[result.bands["type"] == TYPE].sort_values("ring").geometry.values
    return list(areas) + list(bands[1:])


def full(graph, live) -> tuple[list, Clock]:
    with Clock() as clock:
        areas, rings = type_areas(graph, concat(live._members(TYPE)), DISTANCES, buffer_m=BUFFER)
    return list(areas) + list(rings[1:]), clock


def quality(got: list, want: list) -> tuple[float, bool, float]:
    off = max(shapely.symmetric_difference(a, b).area / b.area for a, b in zip(got, want))
    rings = shapely.polygons(shapely.get_rings(shapely.get_parts(np.array(got, dtype=object))))
    return off, bool(shapely.is_valid(np.array(got, dtype=object)).all()), float(shapely.area(rings).min())


def main(n_fac: int, n_edges: int, places: int) -> None:
    xy, u, v = grid_network(n_edges)
    graph = graph_from_arrays(xy, u, v, CRS)
    fac = facilities_on(graph, n_fac)
    graph.matrix  # noqa: B018 (network setup, done before any analysis)
    grid_of(graph, BUFFER)
    params = ServiceAreaParams(distances=DISTANCES, edge_buffer_m=BUFFER, workers=2, per_facility=False)
    live = LiveAreas(graph, fac, params, service_areas(fac, network=graph, params=params))
    print(f"network: {graph.n_nodes:,} nodes, {graph.n_edges:,} edges; {n_fac} facilities, "
          f"{(fac.types == TYPE).sum()} of them {TYPE}s; distances {DISTANCES}; {load()}")
    rng = np.random.default_rng(4)
    lo, hi = graph.xy.min(axis=0), graph.xy.max(axis=0)
    times = {k: ([], []) for k in ("add", "move", "remove")}
    worst = [0.0, True, np.inf]
    for k in range(places):
        at = rng.uniform(lo + 500, hi - 500)
        steps = {"add": lambda: live.place("P-1", TYPE, shapely.Point(at)),
                 "move": lambda: live.place("P-1", TYPE, shapely.Point(at + 400.0)),
                 "remove": lambda: live.remove("P-1")}
        for name, step in steps.items():
            with Clock() as inc:
                step()
            want, peer = full(graph, live)
            off, valid, smallest = quality(polygons(live.result), want)
            worst = [max(worst[0], off), worst[1] and valid, min(worst[2], smallest)]
            times[name][0].append(inc)
            times[name][1].append(peer)
    for name, (ours, peer) in times.items():
        w, c = np.array([t.wall for t in ours]), np.array([t.cpu for t in ours])
        pw, pc = np.array([t.wall for t in peer]), np.array([t.cpu for t in peer])
        print(f"{name:<6} one {TYPE}: its type's bands  (goal <= 0.5 s) | ours median {np.median(w):.3f} s wall "
              f"({np.median(c):.3f} s CPU), max {w.max():.3f} s wall ({c.max():.3f} s CPU) | whole type "
              f"median {np.median(pw):.2f} s wall ({np.median(pc):.2f} s CPU) | "
              f"{np.median(pw) / np.median(w):.1f}x wall, {np.median(pc) / np.median(c):.1f}x CPU")
    print(f"quality over {3 * places} updates against the whole type redrawn: symmetric difference <= "
          f"{worst[0]:.2e} of the area, all valid: {worst[1]}, smallest ring {worst[2]:.1f} m²; {load()}")


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:]]
    main(*(args + [1000, 100_000, 8][len(args):]))
