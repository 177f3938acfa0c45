"""Life circles as the GUI runs them, on the demo district 明湖区: buffer vs network mode.

    .venv/bin/python bench/bench_lifecircles_gui.py [REPEAT=3]

The GUI's run (gis.analysis.life_circles) asks the engine for the per-type areas only and
draws one facility's own areas on demand; the peer is the same run with every facility's
own polygons as well (what the CLI writes). For each: the run from cold, the run again
with unchanged inputs (the result cache), and the overlay frames sent to the map (WGS 84,
simplified) with their GeoJSON size. No window is opened (the GUI path without Qt widgets).

Times are CPU seconds of this process (``time.process_time``; best of REPEAT), since the
machine is shared: CPU time is what other load does not inflate.
"""

from __future__ import annotations

import functools
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gis.demo import load_demo_project  # noqa: E402
from gis.domain import Role  # noqa: E402
from gis.network.cache import ResultCache, cached_service_areas  # noqa: E402
from gis.standards import load_standards  # noqa: E402
from gis.analysis.life_circles import LifeCircleRequest as Request  # noqa: E402
from gis.analysis.life_circles import run as compute  # noqa: E402
from gui.lifecircles.overlays import band_frames, network_frame, required_frames  # noqa: E402

print = functools.partial(print, flush=True)  # noqa: A001


def cpu(fn, repeat: int):
    """(best CPU seconds, last result) of *repeat* calls."""
    best, out = float("inf"), None
    for _ in range(repeat):
        t = time.process_time()
        out = fn()
        best = min(best, time.process_time() - t)
    return best, out


def overlay_cost(outcome, repeat: int) -> tuple[float, int]:
    """CPU seconds to build the map overlays of *outcome*, and their GeoJSON bytes."""
    def build():
        frames = {**band_frames(outcome.result.bands), **required_frames(outcome.result)}
        if outcome.network is not None:
            frames["network"] = network_frame(outcome.network, "{piece} {edges}")
        return frames

    seconds, frames = cpu(build, repeat)
    size = sum(len(f.to_json(drop_id=True)) for f in frames.values())
    return seconds, size


def main(argv: list[str]) -> int:
    repeat = int(argv[0]) if argv else 3
    project = load_demo_project()
    standards = load_standards()
    base = dict(facilities=project.first(Role.FACILITIES), standards=standards)
    roads = project.first(Role.ROADS).data
    print(f"demo: {len(base['facilities'])} facilities, {len(roads)} road lines; best of {repeat}, CPU s")
    rows = {}
    for mode in ("buffer", "network"):
        request = Request(**base, mode=mode, roads=roads if mode == "network" else None)
        cold, outcome = cpu(lambda: compute(request, cache=ResultCache()), repeat)
        cache = ResultCache()
        compute(request, cache=cache)
        warm, again = cpu(lambda: compute(request, cache=cache), repeat)
        assert again.from_cache
        peer, _ = cpu(lambda: cached_service_areas(ResultCache(), outcome.facilities, network=outcome.network,
                                                   params=replace(outcome.params, per_facility=True)), repeat)
        ours_areas, _ = cpu(lambda: cached_service_areas(ResultCache(), outcome.facilities, network=outcome.network,
                                                         params=outcome.params), repeat)
        draw, size = overlay_cost(outcome, repeat)
        rows[mode] = cold
        sec = outcome.result.seconds
        print(f"{mode:8s} run {cold:6.2f} s, of which areas {ours_areas:5.2f} s (engine wall clock: polygons "
              f"{sec.get('polygons', 0):5.2f} s, distances {sec.get('distances', 0):5.2f} s) | again, inputs "
              f"unchanged {warm * 1000:6.1f} ms | overlays {draw:5.2f} s, {size / 1e6:4.1f} MB GeoJSON")
        print(f"{'':8s} peer: every facility's own polygons too {peer:6.2f} s -> GUI areas "
              f"{peer / max(ours_areas, 1e-9):4.1f}x faster")
    print(f"network / buffer (cold run): {rows['network'] / max(rows['buffer'], 1e-9):.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
