"""Suggested zones: gis.zones.suggest beside plain spopt max-p on the same compounds.

    .venv/bin/python bench/bench_suggest.py [N_COMPOUNDS=1500 | PATH] [MIN_HH=1000] [MAX_HH=2500] [TIMEOUT_S=120]

With a number: that many synthetic compounds (bench/synthetic_city.py). With a path:
a compounds file in a metric CRS or with one (households = a ``户数``/``households``
column, else building floor area ``Building_a`` / 90 m²).

Both get the same old compounds (built by 2000) and the same neighbour graph (30 m
gap). spopt max-p honours only the floor (MIN_HH); our suggestion also honours the
ceiling (MAX_HH) and the 2-compound minimum. Prints time, zones, compounds left out,
constraint violations (checked the same way for both) and compactness (mean
Polsby-Popper of the zone outlines), and the ratios.

spopt runs in a child process stopped after TIMEOUT_S seconds: max-p does not finish on
50,000 compounds. When it is stopped, both methods also run on a 1,500-compound city
for the ratio, and the output says so.
"""

from __future__ import annotations

import sys
import time
import multiprocessing
from collections import Counter
import warnings
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from libpysal.weights import W  # noqa: E402
from spopt.region import MaxPHeuristic  # noqa: E402
from synthetic_city import city  # noqa: E402

from gis.crs import working_crs_for  # noqa: E402
from gis.domain import FieldRole, Role  # noqa: E402
from gis.layer import Layer  # noqa: E402
from gis.zones.adjacency import build_adjacency  # noqa: E402
from gis.zones.outline import outlines, polsby_popper  # noqa: E402
from gis.zones.stats import CompoundFacts  # noqa: E402
from gis.zones.suggest import Constraints, check_zones, suggest  # noqa: E402

MAXP_CONSTRUCTIONS, MAXP_SA = 20, 3  # spopt's defaults are 99 and 10; kept modest here


def load(arg: str) -> Layer:
    if arg.isdigit():
        gdf, _ = city(int(arg))
        return Layer("synthetic", Role.COMPOUNDS, gdf,
                     fields={FieldRole.HOUSEHOLDS: "户数", FieldRole.BUILD_YEAR: "建成年代"})
    gdf = gpd.read_file(arg)
    gdf = gdf.to_crs(working_crs_for(gdf))
    fields = {}
    for name in ("户数", "households", "HOUSEHOLDS"):
        if name in gdf:
            fields[FieldRole.HOUSEHOLDS] = name
    if not fields and "Building_a" in gdf:
        gdf["户数_估"] = (gdf["Building_a"] / 90.0).round()
        fields[FieldRole.HOUSEHOLDS] = "户数_估"
    return Layer(Path(arg).stem, Role.COMPOUNDS, gdf, fields=fields)


def spopt_maxp(layer: Layer, adj, eligible: np.ndarray, hh: np.ndarray, floor: float):
    """Plain spopt max-p over the eligible compounds, with its default island policy.

    spopt's 'drop' and 'keep' island policies fail on this kind of graph (IndexError in
    enclave assignment), so islands are linked to their nearest region ('single'), as
    spopt does by default: those links are not real contiguity and show as violations.
    """
    idx = np.flatnonzero(eligible)
    pos = {int(f): k for k, f in enumerate(idx)}
    neighbours = {k: [pos[int(u)] for u in adj.neighbours(int(f)) if int(u) in pos]
                  for k, f in enumerate(idx)}
    sub = layer.data.iloc[idx].reset_index(drop=True)
    c = sub.geometry.centroid
    sub["x"], sub["y"], sub["hh"] = c.x.to_numpy(), c.y.to_numpy(), hh[idx]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        w = W(neighbours, silence_warnings=True)
        model = MaxPHeuristic(sub, w, ["x", "y"], "hh", floor, top_n=2,
                              max_iterations_construction=MAXP_CONSTRUCTIONS,
                              max_iterations_sa=MAXP_SA, policy="single")
        model.solve()
    labels = np.asarray(model.labels_)
    return [frozenset(idx[labels == r].tolist()) for r in np.unique(labels[labels > 0])]


def grade(name, zones, seconds, layer, adj, hh, area, limits, eligible):
    placed = set().union(*zones) if zones else set()
    violations = check_zones(zones, adj, hh, area, limits)
    pp = polsby_popper(outlines(layer.data.geometry.values, zones, gap=adj.gap))
    left_out = int(eligible.sum()) - len(placed)
    kinds = Counter(v.kind for v in violations)
    print(f"{name:<22} {seconds:8.2f} s  zones {len(zones):5d}  left out {left_out:5d}  "
          f"violations {len(violations):4d}  compactness {np.nanmean(pp):.3f}"
          + (f"  ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))})" if kinds else ""))
    return seconds, len(violations), float(np.nanmean(pp))


def spopt_with_timeout(timeout: float, *args):
    """spopt_maxp(*args) in a forked child; (zones, seconds), or (None, timeout) when stopped."""
    ctx = multiprocessing.get_context("fork")
    here, there = ctx.Pipe(duplex=False)
    child = ctx.Process(target=lambda: there.send(spopt_maxp(*args)), daemon=True)
    t0 = time.perf_counter()
    child.start()
    done = here.poll(timeout)
    zones = here.recv() if done else None
    seconds = time.perf_counter() - t0
    child.terminate()
    child.join()
    return zones, seconds


def main(arg: str, min_hh: float, max_hh: float, timeout: float = 120.0) -> None:
    layer = load(arg)
    adj = build_adjacency(layer.data, gap=30.0)
    facts = CompoundFacts(layer)
    cons = Constraints(min_households=min_hh, max_households=max_hh)
    t0, c0 = time.perf_counter(), time.process_time()
    ours = suggest(adj, facts, layer.data.geometry.values, constraints=cons)
    t_ours, c_ours = time.perf_counter() - t0, time.process_time() - c0
    excluded = np.concatenate([v for k, v in ours.excluded.items() if k != "too_large"] or [[]])
    eligible = np.ones(adj.n, dtype=bool)
    eligible[excluded.astype(int)] = False
    hh = np.nan_to_num(facts.households)
    limits = cons.limits(use_households=True)
    print(f"{layer.name}: {adj.n:,} compounds, {int(eligible.sum()):,} built by 2000; "
          f"households per zone {min_hh:g}-{max_hh:g}")
    a = grade("gis.zones.suggest", ours.zones, t_ours, layer, adj, hh, facts.area, limits, eligible)
    print(f"(gis.zones.suggest CPU {c_ours:.2f} s)")
    theirs, t_theirs = spopt_with_timeout(timeout, layer, adj, eligible, hh, min_hh)
    if theirs is None:
        print(f"spopt MaxPHeuristic did not finish in {timeout:g} s on {int(eligible.sum()):,} compounds "
              f"(stopped); the ratio below is on a 1,500-compound city")
        if arg != "1500":
            main("1500", min_hh, max_hh, timeout)
        return
    b = grade("spopt MaxPHeuristic", theirs, t_theirs, layer, adj, hh, facts.area, limits, eligible)
    print(f"(spopt max-p: {MAXP_CONSTRUCTIONS} constructions, {MAXP_SA} annealing rounds)")
    print(f"ratio spopt / ours: time {b[0] / a[0]:.1f} x, violations {b[1]} vs {a[1]}, "
          f"compactness {a[2] / b[2]:.2f} x ours")


if __name__ == "__main__":
    args = sys.argv[1:] + ["1500", "1000", "2500", "120"][len(sys.argv[1:]):]
    main(args[0], float(args[1]), float(args[2]), float(args[3]))
