"""Siting: spopt's exact MCLP beside the greedy maximal covering, on growing problems.

    .venv/bin/python bench/bench_siting.py [K=10]

Random uncovered compounds (weights = households) and candidate sites in a square city;
coverage within 300 m, straight line. For each size prints both times (model build +
CBC for MCLP), the weight each covers and greedy / optimum (guaranteed >= 1 - 1/e = 0.632).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
from scipy.spatial import cKDTree

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gis.gaps.siting import _mclp, greedy_cover  # noqa: E402


def problem(n_demand: int, n_cand: int, seed: int = 3):
    rng = np.random.default_rng(seed)
    side = 60.0 * np.sqrt(n_demand)  # ~ one compound per 60 m x 60 m
    demand = rng.uniform(0, side, (n_demand, 2))
    sites = rng.uniform(0, side, (n_cand, 2))
    pairs = cKDTree(sites).query_ball_point(demand, 300.0)
    comp = np.repeat(np.arange(n_demand), [len(p) for p in pairs])
    cand = np.concatenate([np.asarray(p, dtype=np.int64) for p in pairs])
    return cand, comp, rng.integers(50, 400, n_demand).astype(float)


def covered(chosen, cand, comp, weight) -> float:
    return float(weight[np.unique(comp[np.isin(cand, chosen)])].sum())


def main(k: int) -> None:
    _mclp(np.array([0]), np.array([0]), np.array([1.0]), 1, 10.0)  # import spopt outside the timing
    print(f"K = {k}, radius 300 m")
    for n_dem, n_cand in ((200, 100), (1000, 300), (3000, 600), (6000, 1000)):
        cand, comp, w = problem(n_dem, n_cand)
        t0 = time.perf_counter()
        g = greedy_cover(cand, comp, w, k)
        tg = time.perf_counter() - t0
        t0 = time.perf_counter()
        m = _mclp(cand, comp, w, k, 120.0)
        tm = time.perf_counter() - t0
        cg, cm = covered(g, cand, comp, w), covered(m, cand, comp, w) if m is not None else float("nan")
        print(f"{n_dem:6,} demand x {n_cand:5,} sites ({len(cand):7,} pairs): greedy {tg:7.3f} s "
              f"covers {cg:9,.0f} | MCLP {tm:7.3f} s covers {cm:9,.0f} | greedy/optimum {cg / cm:.4f} | "
              f"MCLP / greedy time {tm / tg:7.0f} x")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
