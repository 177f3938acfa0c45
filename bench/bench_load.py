"""Load and draw the demo district scaled up to 10,000 and 50,000 compounds.

For each size, in a fresh process: a bare ``pyogrio.read_dataframe`` of the file (the
peer), then the app's path with the map window already open (as when a planner adds a
file) — read and reproject into the working CRS on a worker thread (gui.worker.run_task, as
File > Add data does), then make the WGS 84 copy and the map page's packed geometry there in
one pass over the coordinates (gis.packed) with the label positions on a second thread
(gis.map_style.ready_for_map), add the layer to the project on the UI thread, zoom to it
and wait until Leaflet has drawn it — with peak memory (Python process and the QtWebEngine
renderer) and the time of pan and zoom frames once drawn. The geometry (and a big layer's
labels) reach the page as bodies it fetches (gui/map/blobs.py). Each size prints its main
figures on labelled lines, then the steps (read, copy+pack+labels, style and send, fetch,
parse, index, first draw, the frames until the page reports it drawn).

A 5 ms QTimer heartbeat on the UI thread runs from the start of the read until the map
is drawn: ``UI stall ms`` is the longest gap between two beats beyond 5 ms, i.e. the
longest time the window could not respond. It also includes the OS not scheduling the
process on a loaded machine, so the CPU time the process used during that gap is printed
beside it (all threads: a worker holding the GIL shows as CPU close to the gap).

    python bench/bench_load.py [--sizes 10000,50000]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def scaled_compounds(n: int, out: Path) -> Path:
    """Tile the demo compounds (shifted copies) until there are *n*, as a GBK shapefile."""
    import geopandas as gpd
    import pandas as pd
    import shapely

    from gis.demo import demo_paths

    base = gpd.read_file(demo_paths()["compounds"], encoding="gbk")
    minx, miny, maxx, maxy = base.total_bounds
    dx, dy = (maxx - minx) + 300, (maxy - miny) + 300
    copies = -(-n // len(base))
    side = int(copies ** 0.5) + 1
    frames = []
    for k in range(copies):
        part = base.copy()
        part["geometry"] = shapely.transform(part.geometry.values, lambda xy, k=k: xy + [(k % side) * dx, (k // side) * dy])
        frames.append(part)
    big = gpd.GeoDataFrame(pd.concat(frames, ignore_index=True).iloc[:n], crs=base.crs)
    big["小区编号"] = [f"MH{i:06d}" for i in range(len(big))]
    big.to_file(out, encoding="gbk", engine="pyogrio")
    return out


def renderer_peak_kb() -> int:
    """Peak resident memory (VmHWM) of this process's QtWebEngine children, summed."""
    total = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/status") as fh:
                status = fh.read()
        except OSError:
            continue
        if _is_descendant(int(pid)):
            for line in status.splitlines():
                if line.startswith("VmHWM:"):
                    total += int(line.split()[1])
    return total


def renderer_cpu_s() -> float:
    """CPU seconds (user + system) used so far by this process's QtWebEngine children."""
    total = 0
    for pid in (p for p in os.listdir("/proc") if p.isdigit()):
        if _is_descendant(int(pid)):
            try:
                with open(f"/proc/{pid}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def _is_descendant(pid: int) -> bool:
    me = os.getpid()
    while pid > 1:
        try:
            with open(f"/proc/{pid}/status") as fh:
                ppid = int(next(line for line in fh if line.startswith("PPid:")).split()[1])
        except (OSError, StopIteration):
            return False
        if ppid == me:
            return True
        pid = ppid
    return False


class Heartbeat:
    """A 5 ms QTimer on the UI thread that records the longest gap between its beats."""

    def __init__(self, interval_ms: int = 5) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.interval = interval_ms / 1000.0
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._beat)
        self.last = self.last_cpu = 0.0
        self.worst_ms = self.worst_cpu_ms = 0.0

    def start(self) -> None:
        self.last, self.last_cpu = time.perf_counter(), time.process_time()
        self.timer.start()

    def _beat(self) -> None:
        now, cpu = time.perf_counter(), time.process_time()
        gap = (now - self.last - self.interval) * 1000.0
        if gap > self.worst_ms:  # and what the process ran meanwhile (little: the OS ran others)
            self.worst_ms, self.worst_cpu_ms = gap, (cpu - self.last_cpu) * 1000.0
        self.last, self.last_cpu = now, cpu

    def stop(self) -> None:
        self._beat()
        self.timer.stop()


def measure(path: Path) -> dict:
    """Run in a child process: peer read, then the app's load-and-draw."""
    import resource

    import pyogrio

    pyogrio.read_dataframe(path)  # warm the file cache for both
    t = time.perf_counter()
    pyogrio.read_dataframe(path)
    peer = time.perf_counter() - t

    from gui.app import prepare_environment, setup_app

    prepare_environment(headless=True)
    app = setup_app("zh_CN")
    from PySide6.QtCore import QEventLoop, QTimer

    from gis.project import Project
    from gui.map.view import MapView
    from gis.opening import read_data_layer
    from gui.worker import run_task
    from gis.map_style import ready_for_map  # the import worker prepares the layer for the map too

    from gui.heap import set_aside_startup_objects

    set_aside_startup_objects()  # as the app does once its modules are imported (gui.app.run_app)
    project = Project()
    view = MapView(project)
    view.resize(1600, 1000)
    loop = QEventLoop()
    view.bridge.pageReady.connect(loop.quit)
    view.show()
    loop.exec()  # the window is open and its map page loaded before the clock starts
    beat = Heartbeat()
    QTimer.singleShot(300_000, loop.quit)
    read_done: dict = {}

    marks: dict[str, float] = {}  # epoch seconds of each step (the page's clock is the epoch too)
    cpu: dict[str, float] = {}  # process CPU seconds at the worker's steps (they run one after another)

    def read(fb):
        layer = read_data_layer(path, feedback=fb)
        marks["read"], cpu["read"] = time.time(), time.process_time()
        ready_for_map(layer)  # WGS 84 copy + packed geometry in one pass, label positions beside: as File > Add data
        marks["packed"], cpu["packed"] = time.time(), time.process_time()
        return layer

    view.bridge.layerAdded.connect(lambda *_: marks.setdefault("sent", time.time()))

    def add(layer) -> None:
        read_done["s"] = time.perf_counter() - t0
        marks["added"] = time.time()
        view.drawnAll.connect(loop.quit)  # from now on "drawn" includes this layer
        project.add_layer(layer)
        view.zoom_to_layer(layer)

    t0, c0, w0 = time.perf_counter(), time.process_time(), renderer_cpu_s()
    marks["start"], cpu["start"] = time.time(), time.process_time()
    beat.start()
    run_task(view, "read", read, add, show_dialog=False)
    loop.exec()
    ready = time.perf_counter() - t0
    marks["ready"] = time.time()
    py_cpu, web_cpu = time.process_time() - c0, renderer_cpu_s() - w0
    beat.stop()
    layer = project.layers[0]
    t_read = read_done.get("s", float("nan"))

    def frames(kind: str) -> list[float]:
        box: dict = {}
        view.page().runJavaScript(f"ocp.benchMoves(10, '{kind}')", 0, lambda _r: None)
        deadline = time.time() + 120
        while "r" not in box and time.time() < deadline:
            QTimer.singleShot(100, loop.quit)
            loop.exec()
            view.page().runJavaScript("JSON.stringify(window.ocpBench)", 0,
                                      lambda r: box.setdefault("r", r) if r and r != "null" else None)
        return json.loads(box.get("r", "[]"))

    view.set_view(view.view_state.get("center", [0, 0]), max(view.view_state.get("zoom", 14), 15))
    QTimer.singleShot(1500, loop.quit)
    loop.exec()
    marks.update({k: v / 1000.0 for k, v in page_marks(view, loop).items()})
    pan, zoom = frames("pan"), frames("zoom")
    result = {
        "features": len(layer), "peer_s": peer, "read_s": t_read, "ready_s": ready, "stall_ms": beat.worst_ms, "stall_cpu_ms": beat.worst_cpu_ms,
        "py_cpu_s": py_cpu, "web_cpu_s": web_cpu, "load": os.getloadavg()[0],
        "pan_ms_median": sorted(pan)[len(pan) // 2] if pan else None,
        "zoom_ms_median": sorted(zoom)[len(zoom) // 2] if zoom else None,
        "py_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "renderer_peak_mb": renderer_peak_kb() / 1024,
        "steps": steps(marks),
        "worker_cpu": {"read": cpu["read"] - cpu["start"], "copy+pack+labels": cpu["packed"] - cpu["read"]},
    }
    view.shutdown()
    return result


STEPS = (("read", "read"), ("copy+pack+labels", "packed"), ("to UI thread", "added"),
         ("style + send", "sent"), ("to page", "received"), ("fetch", "fetched"), ("parse style", "parsed"),
         ("index", "indexed"), ("first draw", "drawn"), ("frames", "reported"), ("drawn signal", "ready"))


def page_marks(view, loop) -> dict:
    """The page's timings (map.js ``ocp.timings``: epoch ms of its steps for the last layer)."""
    from PySide6.QtCore import QTimer

    box: dict = {}
    view.page().runJavaScript("ocp.timings()", 0, lambda r: box.setdefault("r", r))
    while "r" not in box:
        QTimer.singleShot(50, loop.quit)
        loop.exec()
    return json.loads(box["r"] or "{}")


def steps(marks: dict) -> list:
    """``[name, seconds]`` of each step from the one before it (None when a mark is missing)."""
    out, last = [], marks.get("start")
    for name, key in STEPS:
        at = marks.get(key)
        out.append([name, at - last if at is not None and last is not None else None])
        last = at if at is not None else last
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,50000")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(Path(args.child))))
        return
    print(f"{'compounds':>10} {'pyogrio s':>10} {'app read s':>10} {'map ready s':>11} {'ratio':>7} "
          f"{'UI stall ms':>11} {'py CPU s':>8} {'web CPU s':>9} {'load':>5} {'pan ms':>7} {'zoom ms':>8} "
          f"{'py MB':>7} {'web MB':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            path = scaled_compounds(n, Path(tmp) / f"compounds_{n}.shp")
            out = subprocess.run([sys.executable, __file__, "--child", str(path)], capture_output=True,
                                 text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
            lines = [ln for ln in out.stdout.splitlines() if ln.startswith("{")]
            if out.returncode or not lines:
                print(f"{n:>10} failed: {out.stderr.strip()[-400:]}")
                continue
            r = json.loads(lines[-1])
            print(f"{r['features']:>10,} {r['peer_s']:>10.2f} {r['read_s']:>10.2f} {r['ready_s']:>11.2f} "
                  f"{r['ready_s'] / r['peer_s']:>6.1f}x {r['stall_ms']:>5.0f} ({r['stall_cpu_ms']:>3.0f}) {r['py_cpu_s']:>8.2f} {r['web_cpu_s']:>9.2f} {r['load']:>5.1f} "
                  f"{r['pan_ms_median'] or 0:>7.0f} "
                  f"{r['zoom_ms_median'] or 0:>8.0f} {r['py_peak_mb']:>7.0f} {r['renderer_peak_mb']:>7.0f}")
            for label, value in (("file to drawn map s", f"{r['ready_s']:.2f}"),
                                 ("peer pyogrio.read_dataframe s", f"{r['peer_s']:.2f}"),
                                 ("ratio", f"{r['ready_s'] / r['peer_s']:.1f}x"),
                                 ("UI stall ms", f"{r['stall_ms']:.0f} (CPU {r['stall_cpu_ms']:.0f})"),
                                 ("load (1 min)", f"{r['load']:.1f}")):
                print(f"  {n} {label}: {value}")
            print("           steps s: " + ", ".join(f"{name} {sec:.2f}" if sec is not None else f"{name} ?"
                                               for name, sec in r["steps"]))
            print("  worker CPU s: " + ", ".join(f"{name} {sec:.2f}" for name, sec in r["worker_cpu"].items()))
    print("ratio = app time to a drawn map (window open) / bare pyogrio.read_dataframe of the same file; "
          "UI stall = longest the UI thread did not respond in that time (in brackets: CPU ms the app's "
          "processes ran meanwhile, all threads; near 0 = the OS ran other work); py/web CPU = CPU seconds the app and "
          "its QtWebEngine processes used until drawn (what load does not inflate); load = 1-min load average; "
          "steps = wall seconds of each step after the one before (the page's from map.js ocp.timings()); worker CPU = "
          "CPU seconds of the worker's steps, which load inflates least")


if __name__ == "__main__":
    main()
