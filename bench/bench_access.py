"""2SFCA / E2SFCA: gis.supply beside PySAL ``access`` on the same matrix, on a synthetic city.

    .venv/bin/python bench/bench_access.py [N_COMPOUNDS=20000] [N_FACILITIES=1000] [CATCHMENT_M=1000]

The city is bench_gaps' street grid (80 m blocks, one walled compound per block); all
facilities are of one type. Timed in CPU seconds, each the least of 3 runs (2 shared cores):

* the two steps on a ready matrix: :func:`gis.supply.fca.two_step` on the compound–facility
  pairs within the catchment, beside PySAL ``Access.two_stage_fca`` /
  ``enhanced_two_stage_fca`` on the same pairs as its cost table (answers compared, 1e-9);
* the pairs themselves: straight from the compound polygons, and along the network once it is
  built and the compounds attached (``prepare_origins``, shared with the gap analysis):
  :func:`gis.supply.pairs.catchment_pairs`, plus the two steps — what a rerun costs after
  facilities, capacities or demand change — beside the pair finder before it was rewritten
  (``gis/supply/pairs.py`` at commit :data:`BEFORE`, read with git), answers compared exactly.
  The first run on a compounds layer also builds its per-layer index (R-tree and rings, or the
  compounds' links to the network): timed apart as "first run on the layer".
"""

from __future__ import annotations

import resource
import os
import subprocess
import sys
import time
import types
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import access  # noqa: E402

from bench_gaps import city  # noqa: E402
from gis.gaps.access import prepare_origins  # noqa: E402
from gis.network.graph import graph_from_lines  # noqa: E402
from gis.supply.fca import two_step  # noqa: E402
from gis.supply import straight as straight_module, walks  # noqa: E402
from gis.supply.pairs import catchment_pairs  # noqa: E402

CRS = "EPSG:4547"
BEFORE = "e1856f3"  # the access branch before the pair finders were rewritten
ROOT = Path(__file__).resolve().parent.parent


def before_pairs():
    """``catchment_pairs`` as it was at :data:`BEFORE`, or None without git or that commit."""
    try:
        src = subprocess.run(["git", "-C", str(ROOT), "show", f"{BEFORE}:gis/supply/pairs.py"],
                             capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    module = sys.modules["pairs_before"] = types.ModuleType("pairs_before")
    exec(compile(src, f"{BEFORE}:gis/supply/pairs.py", "exec"), module.__dict__)
    return module.catchment_pairs


def timed(fn, *args, repeat: int = 3, **kwargs):
    """Result and least CPU seconds of *repeat* runs (2 shared cores: CPU time, not wall)."""
    best = np.inf
    for _ in range(repeat):
        c0 = time.process_time()
        out = fn(*args, **kwargs)
        best = min(best, time.process_time() - c0)
    return out, best


def same_pairs(a, b) -> bool:
    return all(np.array_equal(getattr(a, k), getattr(b, k)) for k in ("comp", "fac", "dist"))


def cold(origins, points, catchment):
    """A first run on *origins*: the per-layer index is built again."""
    straight_module._SHAPES.pop(origins, None)
    walks._LINKS.pop(origins, None)
    return catchment_pairs(origins, points, catchment)


def compare(label: str, origins, points, catchment, old):
    """Time the pairs now, on a first run and before; print them with the 2SFCA and PySAL."""
    _, t_cold = timed(cold, origins, points, catchment)
    pairs, t_new = timed(catchment_pairs, origins, points, catchment)
    line = f"{label:<9} pairs {t_new:.3f} s ({len(pairs):,} pairs; first run on the layer {t_cold:.3f} s)"
    if old is not None:
        was, t_old = timed(old, origins, points, catchment)
        line += f", before {t_old:.3f} s: {t_old / t_new:.1f} x faster, identical: {same_pairs(was, pairs)}"
    print(line)
    return pairs, t_new
def pysal(pairs, demand, supply, method: str):
    """PySAL's answer on the pairs as its cost table (compounds 0..n-1, facilities n..n+m-1)."""
    n, m, c = pairs.n_compounds, pairs.n_facilities, pairs.catchment_m
    cost = pd.DataFrame({"origin": pairs.comp, "dest": pairs.fac + n, "cost": pairs.dist})
    model = access.Access(demand_df=pd.DataFrame({"pop": demand}, index=pd.Index(np.arange(n), name="geoid")),
                          demand_index=True, demand_value="pop",
                          supply_df=pd.DataFrame({"cap": supply}, index=pd.Index(np.arange(n, n + m), name="geoid")),
                          supply_index=True, supply_value="cap", cost_df=cost, cost_origin="origin",
                          cost_dest="dest", cost_name="cost")
    if method == "2sfca":
        out = model.two_stage_fca(max_cost=c)
    else:
        weight = access.weights.step_fn({c / 3: 1.0, 2 * c / 3: 0.68, c: 0.22})
        out = model.enhanced_two_stage_fca(max_cost=c, weight_fn=weight)
    return out.iloc[:, 0].reindex(np.arange(n)).fillna(0.0).to_numpy()


def main(n: int, m: int, catchment: float) -> None:
    compounds, streets, fac_frame = city(n, m)
    rng = np.random.default_rng(3)
    demand = compounds["hh"].to_numpy(float) * 2.62
    supply = rng.integers(60, 360, m).astype(float)
    points = np.asarray(fac_frame.geometry.values, dtype=object)
    graph = graph_from_lines(streets, CRS)
    graph.matrix, graph.tree  # built with the network, not per analysis
    print(f"{len(compounds):,} compounds x {m:,} facilities, catchment {catchment:g} m, "
          f"network {graph.n_nodes:,} nodes / {graph.n_edges:,} edges")

    old = before_pairs()
    straight = prepare_origins(compounds)
    pairs = catchment_pairs(straight, points, catchment)
    t_peer = {}
    for method in ("2sfca", "e2sfca"):
        ours, t_ours = timed(two_step, pairs, demand=demand, supply=supply, method=method)
        peer, t_peer[method] = timed(pysal, pairs, demand, supply, method, repeat=1)
        same = np.allclose(ours.access, peer, rtol=1e-9, atol=0)
        print(f"{method:<6} on the matrix ({len(pairs):,} pairs): ours {t_ours:.4f} s, PySAL access "
              f"{t_peer[method]:.3f} s, ratio {t_peer[method] / t_ours:,.0f} x, equal within 1e-9: {same}")
    origins, t_prep = timed(prepare_origins, compounds, network=graph, repeat=1)
    print(f"network   prepare_origins (once per compounds layer and network): {t_prep:.3f} s, "
          f"{len(origins.targets):,} access points")
    for label, o in (("straight", straight), ("network", origins)):
        found, t_pairs = compare(label, o, points, catchment, old)
        fca, t_fca = timed(two_step, found, demand=demand, supply=supply)
        print(f"{label:<9} pairs + 2SFCA = {t_pairs + t_fca:.3f} s (target 0.2 s); PySAL's 2SFCA on the ready "
              f"matrix alone {t_peer['2sfca']:.3f} s, ratio {t_peer['2sfca'] / (t_pairs + t_fca):.2f} x")
    print(f"access > 0 for {(fca.access > 0).mean():.1%} of compounds; median {np.median(fca.access) * 1000:.1f} "
          f"per 1,000 people")
    print("times are CPU seconds, the least of 3 runs (PySAL: 1 run); load average "
          + " ".join(f"{x:.1f}" for x in os.getloadavg()) + f" on {os.cpu_count()} cores")
    print(f"peak memory of the process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")


if __name__ == "__main__":
    args = [float(a) for a in sys.argv[1:]]
    full = args + [20_000, 1_000, 1000.0][len(args):]
    main(int(full[0]), int(full[1]), full[2])
