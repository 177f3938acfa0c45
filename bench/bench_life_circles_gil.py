"""Which calls of a city's life-circle run keep the GIL long (the window's UI thread waits for them).

    .venv/bin/python bench/bench_life_circles_gil.py [FACILITIES=1000] [EDGES=100000] [--switch-ms MS]

The city of bench_window_life_circles, its network built first (as the window does in the
background); then the run the window's Compute makes (gui.lifecircles.preparing.computed: the
engine, each type's overlays in a second thread). A heartbeat thread stands in for the UI thread:
it sleeps 1 ms in a loop, and a gap over 50 ms means it could not get the GIL (or a core). Each
gap is blamed on the innermost timed call that returned as it ended (see blame): the tracing steps of
gis/network/field_areas.py (timed by wrapping them here, the module is not changed) and the
overlay steps of gui/lifecircles/overlays.py and gis/packed_rings.py. A control measures the heartbeat
while the main thread only sleeps, and another process samples the heartbeat thread's state in
the gaps (asleep: it waits for the GIL; runnable: for a core). Printed: the gaps, what the
heartbeat waited for, and per call how many gaps over 50 and 100 ms it covered, the longest, and
how long its calls took. --switch-ms sets the GIL switch interval (5 ms by default).

Measured (1000 facilities, 100,962 road lines): the heartbeat waited for the GIL in 80-99 % of the
gaps' time. At load 2.1-2.3, no gap over 100 ms (longest 93 ms, 99 ms); at load 4.5-5, 8-9 gaps
over 100 ms, longest 153-167 ms. No single call holds the GIL long: on the city's biggest traced
window (1485 x 1489 nodes, 297,744 points) alone with a heartbeat, contourpy's filled() held it at
most 10 ms, _drop_small, _thin and shapely.from_ragged_array 1 ms each; the window's overlay steps
(overlays.band_frames of one type, network_frame) at most 14 and 25 ms. The gaps are the UI
thread losing the GIL to the run's several busy threads one after another (trace on the engine's
threads, the overlay thread), longer as the machine is loaded; a 1 ms switch interval helped
little (longest 84 against 93 ms, load 2.1-2.3).
"""

from __future__ import annotations

import collections
import functools
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_window_life_circles import city_project, load  # noqa: E402

GAP_S = 0.05
SLACK_S = 0.01
calls: list[tuple[str, int, float, float]] = []  # name, thread, start, end


def timed(name: str, fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        t = time.monotonic()
        try:
            return fn(*args, **kwargs)
        finally:
            calls.append((name, threading.get_ident(), t, time.monotonic()))
    return wrapper


def instrument() -> None:
    """Wrap the steps that run on the workers (module attributes only; no file changes)."""
    import shapely

    from gis.network import contour_pool
    from gis.network import field_areas as fa
    from gis.packed_rings import PackedRings
    from gui.lifecircles import overlays

    for name in ("trace", "_drop_small", "_thin", "_ring_areas", "_gap", "foot", "_window", "_box"):
        setattr(fa, name, timed(f"field_areas.{name}", getattr(fa, name)))
    for name in ("distances", "_scatter_whole", "_add_parts", "_edge_dist", "_ray_dist", "levels"):
        setattr(fa.Field, name, timed(f"field_areas.Field.{name}", getattr(fa.Field, name)))

    made = contour_pool.new_generator  # field_areas traces with generators made (and kept) there

    def new_generator(*args, **kwargs):
        gen = made(*args, **kwargs)
        return type("Timed", (), {"filled": staticmethod(timed("contourpy filled", gen.filled))})()

    contour_pool.new_generator = new_generator

    class Shapely:  # field_areas' shapely with from_ragged_array timed
        def __getattr__(self, name):
            return getattr(shapely, name)

    Shapely.from_ragged_array = staticmethod(timed("shapely.from_ragged_array (field_areas.trace)",
                                                   shapely.from_ragged_array))
    fa.shapely = Shapely()
    for name in ("_drawable", "_wgs84", "type_frames"):
        setattr(overlays, name, timed(f"overlays.{name}", getattr(overlays, name)))
    PackedRings.of = classmethod(timed("PackedRings.of", PackedRings.of.__func__))
    PackedRings.packed = timed("PackedRings.packed", PackedRings.packed)


SAMPLER = """
import sys, time
path, out = f"/proc/{sys.argv[1]}/task/{sys.argv[2]}/stat", open(sys.argv[3], "w")
while True:
    try:
        state = open(path).read().rsplit(")", 1)[1].split()[0]
    except OSError:
        break
    out.write(f"{time.monotonic()} {state}\\n")
    time.sleep(0.002)
"""


def states(tid: int, path: str) -> subprocess.Popen:
    """Another process (it needs no GIL) samples the state of thread *tid* every 2 ms: R waits for
    a core (or runs), S sleeps (in a gap: waits for the GIL)."""
    return subprocess.Popen([sys.executable, "-c", SAMPLER, str(os.getpid()), str(tid), path])


def heartbeat(gaps: list, stop: threading.Event, tid: list) -> None:
    tid.append(threading.get_native_id())
    last = time.monotonic()
    while not stop.is_set():
        time.sleep(0.001)
        now = time.monotonic()
        if now - last > GAP_S:
            gaps.append((last, now))
        last = now


def beating(work) -> tuple[list[tuple[float, float]], list[tuple[float, str]]]:
    """The heartbeat's gaps while *work* runs, and its thread's sampled states."""
    gaps, stop, tid = [], threading.Event(), []
    beat = threading.Thread(target=heartbeat, args=(gaps, stop, tid), daemon=True)
    beat.start()
    while not tid:
        time.sleep(0.001)
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as f:
        sampler = states(tid[0], f.name)
        time.sleep(0.3)
        work()
        stop.set()
        beat.join()
        sampler.wait(timeout=5)
        seen = [(float(t), st) for t, st in (line.split() for line in f.read().splitlines() if line.count(" ") == 1)]
    return gaps, seen


def waited(gaps, seen) -> str:
    """Of the gaps' sampled time: the share the heartbeat slept (waited for the GIL) and ran or
    waited for a core."""
    inside = [st for t, st in seen if any(a + 0.002 <= t <= b - 0.001 for a, b in gaps)]
    if not inside:
        return "no samples inside the gaps"
    return (f"in the gaps the heartbeat waited for the GIL (asleep) {inside.count('S') / len(inside) * 100:.0f} % "
            f"and for a core (runnable) {inside.count('R') / len(inside) * 100:.0f} % of {len(inside)} samples")


def blame(gaps, me: int) -> dict[str, list[float]]:
    """Each gap: the innermost timed call on another thread that held the GIL through it, that is
    which began before the gap and returned as it ended (within :data:`SLACK_S`: the heartbeat runs
    as soon as the GIL is let go); else "covered by" the innermost call running through it (a
    step that holds the GIL in one of its inner calls, or the load)."""
    out = collections.defaultdict(list)
    for a, b in gaps:
        held = [(e - s, n) for n, th, s, e in calls if th != me and s <= a + SLACK_S and b - SLACK_S <= e <= b]
        cover = [(e - s, n) for n, th, s, e in calls if th != me and min(e, b) - max(s, a) >= 0.8 * (b - a)]
        name = min(held)[1] if held else f"covered by {min(cover)[1]}" if cover else "(no timed call running)"
        out[name].append(b - a)
    return out


def main(n_fac: int, n_edges: int) -> None:
    from gis.analysis.life_circles import LifeCircleRequest, prepare_network
    from gis.analysis.session import ResultCache
    from gis.domain import Role
    from gis.feedback import Feedback
    from gis.standards import load_standards
    from gui.lifecircles.preparing import computed

    project = city_project(n_fac, n_edges)
    request = LifeCircleRequest(facilities=project.layers_by_role(Role.FACILITIES)[0], standards=load_standards(),
                                mode="network", roads=project.layers_by_role(Role.ROADS)[0].data)
    cache = ResultCache()
    prepare_network(request, cache=cache)
    control, _ = beating(lambda: time.sleep(5))
    print(f"control, 5 s of sleep: {len(control)} heartbeat gaps > {GAP_S * 1000:.0f} ms, longest "
          f"{max([b - a for a, b in control], default=0) * 1000:.0f} ms; {load()}")
    instrument()
    if "--switch-ms" in sys.argv:  # a shorter GIL switch interval (the default is 5 ms)
        sys.setswitchinterval(float(sys.argv[sys.argv.index("--switch-ms") + 1]) / 1000)
    print(f"GIL switch interval {sys.getswitchinterval() * 1000:.1f} ms")
    t, c = time.monotonic(), time.process_time()
    gaps, seen = beating(lambda: computed(request, cache, Feedback(), "piece"))
    print(f"run with overlays: {time.monotonic() - t:.2f} s wall, {time.process_time() - c:.2f} s CPU; "
          f"{len(gaps)} gaps > {GAP_S * 1000:.0f} ms, {sum(b - a > 0.1 for a, b in gaps)} > 100 ms, longest "
          f"{max([b - a for a, b in gaps], default=0) * 1000:.0f} ms; {load()}")
    print("  gaps over 50 ms: " + waited(gaps, seen))
    print("  gaps over 100 ms: " + waited([(a, b) for a, b in gaps if b - a > 0.1], seen))
    durations = collections.defaultdict(list)
    for n, _th, s, e in calls:
        durations[n].append(e - s)
    for name, lost in sorted(blame(gaps, threading.get_ident()).items(), key=lambda x: -max(x[1])):
        took = durations.get(name.removeprefix("covered by "), [0.0])
        print(f"  {name}: {len(lost)} gaps > 50 ms, {sum(g > 0.1 for g in lost)} > 100 ms, longest "
              f"{max(lost) * 1000:.0f} ms; its {len(took)} calls took up to {max(took) * 1000:.0f} ms, "
              f"{sum(took):.2f} s in all")


if __name__ == "__main__":
    a = [x for k, x in enumerate(sys.argv[1:]) if not x.startswith("--") and sys.argv[k] != "--switch-ms"]
    main(int(a[0]) if a else 1000, int(a[1]) if len(a) > 1 else 100_000)
