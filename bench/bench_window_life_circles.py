"""The life-circle analysis in the real window (offscreen) at city scale: how long until the
per-type bands are drawn, whether the UI thread stalls, and a selected facility's own areas.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_window_life_circles.py [FACILITIES=1000] [EDGES=100000] [PNG] [--cold]

--cold clears the analysis cache before Compute (the peer: the network built by the run, as before).
--no-freeze: a task's full garbage collections walk every object the window holds (as before
gui.heap.set_aside_before_task).
--stacks: every thread's stack printed for each stall (faulthandler; its watchdog costs stalls itself).

Project: bench_service_areas' jittered 80 m street grid as a road layer, FACILITIES points of five
types (named so their type is recognised) as the facility layer. The window is shown and its map
drawn first, and the walking network and street grid are built in the background (timed, with the
UI thread's stalls meanwhile); then the network life circles are computed from the dock. Timed (wall,
with the load): the first (shown) type's bands on the map, when each type's overlays reached the
window, the run done, all five types' bands on the map once ticked, the longest gaps of a 10 ms
UI-thread timer (stalls > 100 ms are listed with where the UI thread was, sampled every 20 ms, and, on
Linux, how long it ran, waited for a CPU (load) and was blocked (the GIL) in the stall), one
selected facility's own areas (engine time through the cache, then until drawn), and one planned
site added (its type redrawn in the background, then drawn). The window is grabbed into PNG.
"""

from __future__ import annotations

import collections
import faulthandler
import gc
import functools
import os
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")
os.environ.setdefault("OCP_CONFIG_DIR", tempfile.mkdtemp(prefix="ocp-bench-config-"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gis.allocator import keep_freed_memory  # noqa: E402

KEPT = keep_freed_memory()  # as main.py does for the app, before anything is made

import geopandas as gpd  # noqa: E402
import numpy as np  # noqa: E402
import shapely  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bench.bench_service_areas import CRS, grid_network  # noqa: E402
from gis.analysis.life_circles import facility_areas  # noqa: E402
from gis.domain import FieldRole, Role  # noqa: E402
from gis.gaps.siting import planned_layer  # noqa: E402
from gis.layer import Layer, LayerStyle  # noqa: E402
from gis.project import Project  # noqa: E402
from gis.settings import Settings  # noqa: E402

print = functools.partial(print, flush=True)  # noqa: A001
NAMES = ["社区卫生服务站", "长者食堂", "幼儿园", "托儿所", "养老院"]
STALL_MS = 100
DUMP_MS = 90  # with --stacks, the stacks of all threads are dumped this late into a gap of the UI timer
STACKS = "--stacks" in sys.argv  # (re-arming faulthandler's watchdog each tick starts a thread: it costs stalls itself)


def load() -> str:
    return "load average " + ", ".join(f"{x:.1f}" for x in os.getloadavg()) + f" on {os.cpu_count()} cores"


def city_project(n_fac: int, n_edges: int) -> Project:
    xy, u, v = grid_network(n_edges)
    roads = gpd.GeoDataFrame({"名称": [f"路{k}" for k in range(len(u))]},
                             geometry=shapely.linestrings(np.stack([xy[u], xy[v]], axis=1)), crs=CRS)
    rng = np.random.default_rng(9)
    lo, hi = xy.min(axis=0), xy.max(axis=0)
    kinds = rng.integers(0, len(NAMES), n_fac)
    fac = gpd.GeoDataFrame({"名称": [f"{NAMES[k]}{i}" for i, k in enumerate(kinds)]},
                           geometry=shapely.points(rng.uniform(lo, hi, (n_fac, 2))), crs=CRS)
    project = Project()
    project.add_layer(Layer("道路", Role.ROADS, roads, fields={FieldRole.NAME: "名称"},
                            style=LayerStyle(stroke="#3b3b3b", weight=1.0)))
    project.add_layer(Layer("设施", Role.FACILITIES, fac, fields={FieldRole.NAME: "名称"},
                            style=LayerStyle(fill="#1f77b4", radius=4)))
    return project


class Watch:
    """Gaps of a 10 ms timer on the UI thread, and where the UI thread was (sampled)."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.clock.start()
        self.epoch = time.time()  # the clock's 0 as Unix time (to line the gaps up with a profiler's trace)
        self.last, self.gaps = 0, []
        self.timer = QTimer(interval=10, timeout=self._tick)
        self.sched, self.gap_sched = ui_schedstat(), {}  # the UI thread's ns on a CPU and waiting for one
        self.samples: list[tuple[float, str]] = []
        self.others: list[tuple[float, str]] = []
        self.main = threading.main_thread().ident
        self.running = True
        self.dump = tempfile.TemporaryFile()  # every thread's stack, written by faulthandler (no GIL) in a stall
        self.dumped, self.dumps = 0, []
        self.collections: list[tuple[float, float, int, str]] = []  # (start, seconds, generation, thread)
        self._gc_start = 0.0
        gc.callbacks.append(self._gc)
        threading.Thread(target=self._sample, daemon=True).start()
        self.timer.start()

    def _gc(self, phase: str, info: dict) -> None:
        """Python's cyclic collections (they hold the GIL throughout) longer than 10 ms."""
        if phase == "start":
            self._gc_start = time.perf_counter()
        elif time.perf_counter() - self._gc_start > 0.01:
            took = time.perf_counter() - self._gc_start
            self.collections.append((self.now() - took, took, info["generation"], threading.current_thread().name))

    def now(self) -> float:
        return self.clock.elapsed() / 1000.0

    def _tick(self) -> None:
        t = self.clock.elapsed()
        sched = ui_schedstat()
        if t - self.last > STALL_MS:
            self.gaps.append((self.last / 1000.0, (t - self.last) / 1000.0))
            if sched and self.sched:
                self.gap_sched[self.last / 1000.0] = (sched[0] - self.sched[0], sched[1] - self.sched[1])
        self.sched = sched
        size = os.fstat(self.dump.fileno()).st_size
        if size > self.dumped:  # faulthandler's watchdog fired in this gap: what every thread was running
            self.dump.seek(self.dumped)
            self.dumps.append((self.last / 1000.0, self.dump.read(size - self.dumped).decode(errors="replace")))
            self.dumped = size
        self.last = t
        if self.running and STACKS:  # re-armed each tick: it fires only when the UI thread is late by DUMP_MS
            faulthandler.dump_traceback_later(DUMP_MS / 1000.0, file=self.dump)

    def _sample(self) -> None:
        me = threading.get_ident()
        while self.running:
            frames = sys._current_frames()
            frame = frames.get(self.main)
            if frame is not None:
                self.samples.append((self.now(), self._where(frame)))
            busy = [self._where(f, 2) for ident, f in frames.items() if ident not in (me, self.main)
                    and not self._where(f, 1).endswith((" wait", " _wait_for_tstate_lock", " _worker", " select"))]
            if busy:  # where the other threads were (the one that held the GIL in a stall among them)
                self.others.append((self.now(), " | ".join(sorted(busy))))
            time.sleep(0.02)

    @staticmethod
    def _where(frame, depth: int = 3) -> str:
        stack = [f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in traceback.extract_stack(frame)
                 if "site-packages" not in f.filename and "python3" not in f.filename]
        return " < ".join(reversed(stack[-depth:]))

    def report(self, since: float) -> None:
        gaps = [(t, g) for t, g in self.gaps if t >= since]
        gcs = [(a, took, gen) for a, took, gen, _ in self.collections if a >= since]
        print(f"garbage collections over 10 ms: {len(gcs)}" + "".join(
            f", gen {gen} {took * 1000:.0f} ms at {a - since:.2f} s" for a, took, gen in gcs[:6]))
        print(f"UI thread: {len(gaps)} stalls > {STALL_MS} ms, longest {max([g for _, g in gaps], default=0) * 1000:.0f} ms"
              f", total {sum(g for _, g in gaps):.2f} s")
        for t, g in sorted(gaps, key=lambda x: -x[1])[:8]:
            where = collections.Counter(s for ts, s in self.samples if t <= ts <= t + g).most_common(2)
            other = collections.Counter(s for ts, s in self.others if t <= ts <= t + g + 0.02).most_common(1)
            print(f"  at {t - since:6.2f} s (Unix {self.epoch + t:.3f}): {g * 1000:5.0f} ms  UI thread {where}; other threads {other}")
            if t in self.gap_sched:  # ran: its own work; waited for a CPU: load; the rest: GIL or a lock
                ran, queued = (ns / 1e6 for ns in self.gap_sched[t])
                print(f"    UI thread in it: ran {ran:.0f} ms, waited for a CPU {queued:.0f} ms, "
                      f"blocked (GIL, a lock) {g * 1000 - ran - queued:.0f} ms")
            for a, took, gen, name in self.collections:
                if a < t + g and a + took > t:
                    print(f"    in it: a generation-{gen} garbage collection of {took * 1000:.0f} ms in thread {name}")
            for text in (d for ts, d in self.dumps if abs(ts - t) < 1e-6):
                print("    stacks %d ms into it (faulthandler, no GIL needed):\n%s" % (DUMP_MS, short_stacks(text)))


def ui_schedstat() -> tuple[int, int] | None:
    """The calling thread's nanoseconds on a CPU and waiting in a run queue (Linux schedstat)."""
    try:
        with open("/proc/thread-self/schedstat") as f:
            ran, queued = f.read().split()[:2]
    except (OSError, ValueError):
        return None
    return int(ran), int(queued)


def short_stacks(text: str, depth: int = 4) -> str:
    """faulthandler's dump, each thread's innermost DEPTH frames outside site-packages and the stdlib."""
    out = []
    for block in text.strip().split("\n\n"):
        lines = block.splitlines()
        frames = [ln.strip() for k, ln in enumerate(lines[1:]) if k == 0 or ("site-packages" not in ln
                                                                          and "/python3." not in ln)]
        if frames:
            out.append("      " + lines[0].split(" (most recent")[0] + ": " + " < ".join(
                f.replace("File ", "").replace('"', "").rsplit("/", 1)[-1] for f in frames[:depth]))
    return "\n".join(out)


def settle(app, seconds: float = 1.5) -> None:
    """Let the page paint what it reported drawn (before a grab)."""
    end = time.perf_counter() + seconds
    wait(app, lambda: time.perf_counter() > end)


def ring_area(ctl) -> float:
    bands = ctl.outcome.result.bands
    return float(bands.loc[(bands["type"] == "clinic") & (bands["ring"] == 0), "area_m2"].sum())


def wait(app, until, timeout: float = 300.0) -> None:
    end = time.perf_counter() + timeout
    while not until():
        if time.perf_counter() > end:
            raise TimeoutError
        app.processEvents()
        time.sleep(0.005)


def timed_compute(app, ctl, win, watch: Watch, drawn: dict, how: str) -> float:
    """Press Compute; print when the first type's bands and the whole run were on the map."""
    first, arrived = {"sent": None}, []
    on_part = ctl._on_part

    def recording(run, kind, value):
        on_part(run, kind, value)
        first.update(sent=first["sent"] or (watch.now() if ctl._sent else None))
        arrived.append(f"{value[0] if kind == 'frames' else kind} {watch.now() - start:.2f} s")

    ctl._on_part = recording
    start = watch.now()
    assert ctl.compute() is not None, ctl.panel.status.text()
    wait(app, lambda: first["sent"] is not None and drawn["at"] > first["sent"] or ctl.task is None)
    early = drawn["at"] - start if first["sent"] is not None and drawn["at"] > first["sent"] else None
    wait(app, lambda: ctl.task is None)
    computed = watch.now()
    n_bands = len([n for n in ctl._shown if "band" in n])
    wait(app, lambda: drawn["overlays"] >= n_bands and drawn["at"] > max(computed, first["sent"] or 0), timeout=120)
    sec = ctl.outcome.timings
    print(f"life circles, network mode, {how}: {load()}")
    print(f"  first type's bands on the map: {early:.2f} s after Compute" if early is not None else
          "  first type's bands on the map: not before the run ended (stored result)")
    print(f"  run done (every type's bands ready, legend filled): {computed - start:.2f} s after Compute; shown "
          f"bands drawn {drawn['at'] - start:.2f} s after Compute")
    print("  engine split: " + ", ".join(f"{k} {v:.2f} s" for k, v in sec.items()))
    print("  overlays of each type ready in the window (after Compute): " + ", ".join(arrived))
    print("  " + ctl.panel.status.text())
    watch.report(start)
    return start


def peer_draw(app, ctl, win, drawn: dict) -> None:
    """The peer of the page's part: the shown type's bands drawn from their packed body (tiles) and
    from GeoJSON (Leaflet's layer, as before), the bodies made beforehand in both cases."""
    from gui.lifecircles.overlays import geojson
    from gui.map.view import with_body

    name = next(n for n in sorted(ctl._shown) if "band" in n)
    packed = ctl._frames[name]
    wgs = packed.to_crs(4326)  # the bands' frames keep the engine's CRS (their packed body is drawn)
    text = with_body(wgs, geojson(wgs.geometry.values))  # another object: sent as GeoJSON
    times = {}
    for label, frame in (("packed", packed), ("GeoJSON", text), ("packed again", packed)):
        win.map.set_overlay(name, None)
        gone = time.perf_counter()
        wait(app, lambda: drawn["at"] > 0 and time.perf_counter() - gone > 0.3)
        t = time.perf_counter()
        sent = drawn["at"]
        win.map.set_overlay(name, frame)
        wait(app, lambda: drawn["at"] > sent, timeout=120)
        times[label] = time.perf_counter() - t
    best = min(times["packed"], times["packed again"])
    print(f"  page draw of one type's bands: packed (tiles) {best:.2f} s, GeoJSON (Leaflet, before) "
          f"{times['GeoJSON']:.2f} s, ratio {times['GeoJSON'] / max(best, 1e-9):.1f}x; {load()}")


def all_types(app, ctl, watch: Watch, drawn: dict, start: float) -> None:
    """Tick every type: how long until all types' bands are on the map (from the tick, and from Compute)."""
    tick = watch.now()
    for t in ctl.panel.legend.types():
        ctl.panel.legend.set_type_visible(t, True)
    n = len([n for n in ctl._shown if "band" in n])
    wait(app, lambda: drawn["at"] > tick and drawn["overlays"] >= n, timeout=120)
    print(f"  all {n} types' bands on the map: {drawn['at'] - tick:.2f} s after ticking them all "
          f"({drawn['at'] - start:.2f} s after Compute); {load()}")
    watch.report(tick)


def page_value(app, view, expression: str):
    """A JS expression's value in the map page (its text parsed as JSON)."""
    import json

    box = {}
    view.page().runJavaScript(expression, 0, lambda r: box.setdefault("r", r))
    wait(app, lambda: "r" in box, timeout=30)
    return json.loads(box["r"])


def page_is_fresh(app, ctl) -> str:
    """Whether the page's clinic bands hold exactly the rings of a fresh packing (none stale, none
    missing). The page keeps a ring that was re-traced from another start vertex as it was
    (gis.packed_rings._unmatched): such a ring counts as fresh when its start on the page is a vertex
    of an otherwise unmatched fresh ring of the same row and length."""
    from collections import Counter, defaultdict

    from gis.packed_rings import PackedRings
    from gui.lifecircles.overlays import RINGS, band_name, band_rows

    name = band_name("clinic")
    page = Counter(tuple(r) for r in page_value(app, ctl.window.map, f"JSON.stringify(ocp.overlayRings({name!r}))"))
    bands = ctl.outcome.result.bands
    fresh = PackedRings.of(band_rows(bands, "clinic").geometry.values, bands.crs, ctl._frames[name].attrs[RINGS].origin)
    xy = fresh.xy
    rings = [((int(f), int(b - a), float(xy[a, 0]), float(xy[a, 1])), a, b)
             for f, a, b in zip(fresh.fids, fresh.offsets, fresh.offsets[1:])]
    want = Counter(key for key, _, _ in rings)
    same = page & want
    left_page, left_want = page - same, want - same
    rolled = defaultdict(list)  # (row, length) -> vertices of each fresh ring the page lacks
    for key, a, b in rings:
        if left_want[key] > 0:
            rolled[key[:2]].append((key, set(map(tuple, xy[a:b].tolist()))))
    kept = 0
    for (f, n, x, y), count in left_page.items():
        for _ in range(count):
            match = next((c for c in rolled[f, n] if left_want[c[0]] > 0 and (x, y) in c[1]), None)
            if match is None:
                break
            left_want[match[0]] -= 1
            kept += 1
    ok = kept == sum(left_page.values()) and sum(left_want.values()) == 0
    return (f"{'yes' if ok else 'NO'} ({sum(page.values()):,} rings on the page"
            f"{f'; {kept} re-traced from another vertex, kept as they were' if kept else ''})")


def planned_step(app, ctl, watch: Watch, drawn: dict, label: str, act) -> None:
    """One planned clinic added, moved or removed: when its type was swapped in (the worker's step)
    and when the page reported it drew after that (the patch applied and its tiles redrawn)."""
    swapped, show = {}, ctl.show_planned

    def recording(*args):
        show(*args)
        swapped.setdefault("at", watch.now())

    ctl.show_planned = recording
    inner, t0, c0 = ring_area(ctl), watch.now(), time.process_time()
    act()
    wait(app, lambda: "at" in swapped and ctl.planned.task is None and not ctl.planned.pending, timeout=120)
    cpu = time.process_time() - c0
    wait(app, lambda: drawn["at"] > swapped["at"], timeout=60)
    ctl.show_planned = show
    marks = page_value(app, ctl.window.map, "ocp.timings()")
    inside = (f"fetch {marks['patchFetched'] - marks['patchReceived']:.0f} ms, apply and redraw "
              f"{marks['patchApplied'] - marks['patchFetched']:.0f} ms") if "patchApplied" in marks else "sent whole"
    print(f"a planned clinic {label}: its type drawn {drawn['at'] - t0:.2f} s after the action (worker step "
          f"and swap {swapped['at'] - t0:.2f} s, {cpu:.2f} s CPU of this process meanwhile; page "
          f"{drawn['at'] - swapped['at']:.2f} s: {inside}); {ctl.panel.status.text()}; clinic 300 m area "
          f"{inner / 1e6:.2f} -> {ring_area(ctl) / 1e6:.2f} km²; {load()}")
    watch.report(t0)


def main(n_fac: int, n_edges: int, png: str) -> None:
    from gui.map.scheme import prepare_web_engine

    prepare_web_engine()  # the ocpmap: scheme before the application (the map fetches layer bodies from it)
    app = QApplication.instance() or QApplication(sys.argv)
    from gui.lifecircles.controller import LifeCirclesController
    from gui.lifecircles.overlays import SELECTED
    from gui.main_window import MainWindow

    from gui.heap import set_aside_startup_objects

    set_aside_startup_objects()  # as the app does once its modules are imported (gui.app.run_app)
    if "--no-freeze" in sys.argv:  # the peer: a task's full collections walk what the window holds (as before)
        import gui.worker

        gui.worker.set_aside_before_task = lambda: None
    project = city_project(n_fac, n_edges)
    print(f"objects set aside from the collector as each task starts (gui.heap): {'no' if '--no-freeze' in sys.argv else 'yes'}")
    print(f"freed memory kept for reuse (glibc, as main.py): {KEPT}")
    print(f"project: {len(project.layers_by_role(Role.ROADS)[0].data):,} road lines, {n_fac} facilities; {load()}")
    win = MainWindow(project, Settings(autosave_minutes=0))
    win.resize(1400, 900)
    drawn = {"overlays": 0, "at": 0.0}
    watch = Watch()
    print(f"UI-thread timer started at Unix {watch.epoch:.3f}")
    t0 = watch.now()
    win.show()
    win.map.zoom_to_project()
    win.map.bridge.pageDrawn.connect(lambda info: drawn.update(overlays=info.get("overlays", 0), at=watch.now()))
    done = {"map": False}
    win.map.drawnAll.connect(lambda: done.update(map=True))
    wait(app, lambda: done["map"])
    print(f"window with its map drawn: {watch.now() - t0:.1f} s wall; {load()}")
    ctl = next(f for f in win.features if isinstance(f, LifeCirclesController))
    ctl.panel.options.set_mode("network")
    wait(app, lambda: ctl.warmup.task is None and not ctl.warmup.timer.isActive(), timeout=120)
    print(f"walking network and street grid built in the background: ready {watch.now() - t0:.2f} s after the "
          f"window opened; {load()}")
    watch.report(t0)
    time.sleep(0.5)
    cold = "--cold" in sys.argv
    if cold:  # the peer: Compute with nothing built before (as before the background build)
        ctl.cache.clear()
    start = timed_compute(app, ctl, win, watch, drawn, "after the road layer was built in the background"
                          if not cold else "cold: nothing built before (the old path)")
    settle(app)
    win.grab().save(png)
    print(f"grab: {png}")
    peer_draw(app, ctl, win, drawn)
    all_types(app, ctl, watch, drawn, start)
    settle(app)
    win.grab().save(png.replace(".png", "-all.png"))
    for t in ctl.panel.legend.types()[1:]:
        ctl.panel.legend.set_type_visible(t, False)

    outcome = ctl.outcome
    engine = []
    for row in np.random.default_rng(2).choice(len(outcome.rows), 11, replace=False):
        t, c = time.perf_counter(), time.process_time()
        frame = facility_areas(outcome, np.array([row]), cache=ctl.cache)
        engine.append((time.perf_counter() - t, time.process_time() - c))
    fid = int(outcome.rows[len(outcome.rows) // 2])
    sel = watch.now()
    project.select(outcome.request.facilities.id, [fid])
    wait(app, lambda: SELECTED in ctl._shown and drawn["at"] > sel, timeout=60)
    warm = np.median(np.array(engine[1:]), axis=0) * 1000
    print(f"one facility's {len(frame)} own areas, engine time: first {engine[0][0] * 1000:.0f} ms wall "
          f"({engine[0][1] * 1000:.0f} ms CPU), median of 10 more {warm[0]:.0f} ms wall ({warm[1]:.0f} ms CPU); "
          f"selected in the window: outline drawn {watch.now() - sel:.2f} s after the selection; {load()}")
    watch.report(sel)

    centre = shapely.Point(np.mean(project.layers_by_role(Role.ROADS)[0].data.total_bounds.reshape(2, 2), axis=0))
    site = gpd.GeoDataFrame({"id": ["P-clinic-1"], "name": ["规划卫生服务站1"], "facility_type": ["clinic"],
                             "planned": [True], "radius_m": [300.0]}, geometry=[centre], crs=CRS)
    layer = planned_layer(site, name="规划设施")
    moved = layer.data.set_geometry(gpd.GeoSeries([shapely.Point(centre.x + 400, centre.y + 250)],
                                                  index=layer.data.index, crs=CRS))

    def put(data):
        layer.set_data(data)
        project.update_layer(layer)

    steps = [("added", lambda: project.add_layer(layer)), ("moved 470 m", lambda: put(moved)),
             ("removed", lambda: put(layer.data.iloc[:0]))]
    for label, act in steps:
        planned_step(app, ctl, watch, drawn, label, act)
        settle(app, 0.8)
        win.grab().save(png.replace(".png", f"-planned-{label.split()[0]}.png"))
        print(f"  the page's clinic rings after it equal a fresh packing of the new bands: {page_is_fresh(app, ctl)}")
    watch.running = False
    faulthandler.cancel_dump_traceback_later()
    aside = gc.get_freeze_count()
    gc.unfreeze()
    print(f"objects set aside from the collector by the end: {aside:,}; cyclic garbage among them (left "
          f"allocated while set aside), freed by a full collection now: {gc.collect():,}")
    win.close_guards.clear()
    win.shutdown()
    win.close()


if __name__ == "__main__":
    a = [x for x in sys.argv[1:] if not x.startswith("--")]
    main(int(a[0]) if a else 1000, int(a[1]) if len(a) > 1 else 100_000, a[2] if len(a) > 2 else "/tmp/lifecircles-city.png")
