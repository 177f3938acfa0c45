"""Peak memory of the city-scale life-circle run, beside networkx doing only the distances.

    .venv/bin/python bench/bench_memory.py [FACILITIES=1000] [EDGES=100000]

Each run is a fresh child process whose peak resident memory (VmHWM) is read at the end:

* ours — the 100k-edge jittered grid of bench_service_areas.py, 1,000 facilities of 7
  types, ``service_areas`` at 300/500/1000 m with the bands drawn (what the Life circles
  window runs), then the gap matrix of 20,000 compounds against those facilities;
* networkx — the same network as an ``nx.Graph`` and one ``single_source_dijkstra_path_length``
  to 1000 m per facility, results kept (the distance part only of the OSMnx recipe; no
  polygons).

Goal: ours at most 2 GB.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))


def peak_mb() -> float:
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:")) / 1024


def ours(n_fac: int, n_edges: int) -> dict:
    import geopandas as gpd
    import numpy as np
    import shapely

    from bench_service_areas import CRS, DISTANCES, facilities_on, grid_network
    from gis.gaps.access import gap_matrix, prepare_origins
    from gis.network.graph import graph_from_arrays
    from gis.network.service_area import ServiceAreaParams, service_areas
    from gis.standards import load_standards

    xy, u, v = grid_network(n_edges)
    graph = graph_from_arrays(xy, u, v, CRS)
    fac = facilities_on(graph, n_fac)
    t0 = time.process_time()
    res = service_areas(fac, network=graph, params=ServiceAreaParams(distances=DISTANCES))
    bands = res.bands
    areas_cpu = time.process_time() - t0
    rng = np.random.default_rng(3)
    lo = rng.uniform(xy.min(axis=0), xy.max(axis=0) - 60, (20_000, 2))
    compounds = gpd.GeoDataFrame(geometry=shapely.box(*lo.T, *(lo + 50).T), crs=CRS)
    std = load_standards()
    radius = np.array([std.required(t).distance_m for t in fac.types.astype(str)])
    from dataclasses import replace

    origins = prepare_origins(compounds, network=graph)
    matrix = gap_matrix(origins, replace(fac, required_m=radius), types=tuple(sorted(set(fac.types))))
    return {"peak_mb": peak_mb(), "cpu_s": time.process_time() - t0, "areas_cpu_s": areas_cpu,
            "what": f"{graph.n_edges:,} edges, {len(res.per_facility)} facility areas, {len(res.per_type)} type "
                    f"areas, {len(bands)} bands, gap matrix {matrix.nearest_m.shape}"}


def peer(n_fac: int, n_edges: int) -> dict:
    import networkx as nx
    import shapely
    from scipy.spatial import cKDTree

    from bench_service_areas import CRS, DISTANCES, facilities_on, grid_network, nx_graph
    from gis.network.graph import graph_from_arrays

    xy, u, v = grid_network(n_edges)
    graph = graph_from_arrays(xy, u, v, CRS)
    fac = facilities_on(graph, n_fac)
    t0 = time.process_time()
    g = nx_graph(graph)
    nodes = cKDTree(graph.xy).query(shapely.get_coordinates(fac.points))[1]
    kept = [nx.single_source_dijkstra_path_length(g, int(n), cutoff=max(DISTANCES), weight="length") for n in nodes]
    return {"peak_mb": peak_mb(), "cpu_s": time.process_time() - t0,
            "what": f"{sum(map(len, kept)):,} node distances kept"}


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] in ("--ours", "--peer"):
        fn = ours if sys.argv[1] == "--ours" else peer
        print(json.dumps(fn(int(sys.argv[2]), int(sys.argv[3]))))
        return
    args = [int(a) for a in sys.argv[1:]] + [1000, 100_000][len(sys.argv) - 1:]
    out = {}
    for kind in ("ours", "peer"):
        run = subprocess.run([sys.executable, __file__, f"--{kind}", str(args[0]), str(args[1])],
                             capture_output=True, text=True)
        lines = [ln for ln in run.stdout.splitlines() if ln.startswith("{")]
        if run.returncode or not lines:
            print(f"{kind}: failed\n{run.stderr[-1500:]}")
            return
        out[kind] = json.loads(lines[-1])
    o, p = out["ours"], out["peer"]
    print(f"ours     : peak {o['peak_mb']:7.0f} MB, {o['cpu_s']:.1f} s CPU (areas and bands {o['areas_cpu_s']:.1f} s); "
          f"{o['what']}")
    print(f"networkx : peak {p['peak_mb']:7.0f} MB, {p['cpu_s']:.1f} s CPU; {p['what']} (distances only)")
    print(f"ratio ours / networkx peak memory: {o['peak_mb'] / p['peak_mb']:.2f}; goal <= 2048 MB: "
          f"{'met' if o['peak_mb'] <= 2048 else 'NOT met'}")


if __name__ == "__main__":
    main()
