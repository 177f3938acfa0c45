"""2SFCA / E2SFCA: gis.supply beside PySAL ``access`` on the same matrix, on a synthetic city.

    .venv/bin/python bench/bench_access.py [N_COMPOUNDS=20000] [N_FACILITIES=1000] [CATCHMENT_M=1000]

The city is bench_gaps' street grid (80 m blocks, one walled compound per block); all
facilities are of one type. Timed, each the best of 3 runs (2 shared cores):

* the two steps on a ready matrix: :func:`gis.supply.fca.two_step` on the compound–facility
  pairs within the catchment, beside PySAL ``Access.two_stage_fca`` /
  ``enhanced_two_stage_fca`` on the same pairs as its cost table (answers compared, 1e-9);
* the pairs themselves: straight from the compound polygons, and along the network once it is
  built and the compounds attached (``prepare_origins``, shared with the gap analysis):
  :func:`gis.supply.pairs.catchment_pairs`, plus the two steps — what a rerun costs after
  facilities, capacities or demand change.
"""

from __future__ import annotations

import resource
import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import access  # noqa: E402

from bench_gaps import CPU, city, timed  # noqa: E402
from gis.gaps.access import prepare_origins  # noqa: E402
from gis.network.graph import graph_from_lines  # noqa: E402
from gis.supply.fca import two_step  # noqa: E402
from gis.supply.pairs import catchment_pairs  # noqa: E402

CRS = "EPSG:4547"
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

    straight = prepare_origins(compounds)
    pairs, t_pairs = timed(catchment_pairs, straight, points, catchment)
    for method in ("2sfca", "e2sfca"):
        ours, t_ours = timed(two_step, pairs, demand=demand, supply=supply, method=method)
        peer, t_peer = timed(pysal, pairs, demand, supply, method, repeat=1)
        same = np.allclose(ours.access, peer, rtol=1e-9, atol=0)
        print(f"{method:<6} on the matrix ({len(pairs):,} pairs): ours {t_ours:.4f} s, PySAL access {t_peer:.3f} s, "
              f"ratio {t_peer / t_ours:,.0f} x, equal within 1e-9: {same}")
    print(f"straight  pairs {t_pairs:.3f} s + 2SFCA = {t_pairs + t_ours:.3f} s")

    origins, t_prep = timed(prepare_origins, compounds, network=graph, repeat=1)
    net, t_net = timed(catchment_pairs, origins, points, catchment)
    fca, t_fca = timed(two_step, net, demand=demand, supply=supply)
    print(f"network   prepare_origins (once per compounds layer and network): {t_prep:.3f} s, "
          f"{len(origins.targets):,} access points")
    print(f"network   pairs {t_net:.3f} s ({len(net):,} pairs) + 2SFCA {t_fca:.4f} s = {t_net + t_fca:.3f} s "
          f"(target 0.2 s with the network ready)")
    print(f"access > 0 for {(fca.access > 0).mean():.1%} of compounds; median {np.median(fca.access) * 1000:.1f} "
          f"per 1,000 people")
    print("CPU seconds of those runs: " + ", ".join(CPU))
    print(f"peak memory of the process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")


if __name__ == "__main__":
    args = [float(a) for a in sys.argv[1:]]
    full = args + [20_000, 1_000, 1000.0][len(args):]
    main(int(full[0]), int(full[1]), full[2])
