"""The page's draw of one type's life-circle bands at city scale: simplified to half a pixel at low
zooms (tiled.js levelAt) beside the full detail at every zoom (the peer, as before), in one run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_band_draw.py [FACILITIES=1000] [EDGES=100000] [PNG]

The city of bench_window_life_circles (a road layer of EDGES lines, FACILITIES points of five types)
in the real window, its map fitted to the district; the first type's bands are computed once by the
engine, packed, and drawn alternately both ways (3 times each; the least wall time from sending
the overlay until the page reported it drawn, with the load). Both are grabbed at the fitted zoom and 2
zooms in (x4), and the grabs compared pixel by pixel. PNG names the grabs (-simplified / -full, -x4).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")
os.environ.setdefault("OCP_CONFIG_DIR", tempfile.mkdtemp(prefix="ocp-bench-config-"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bench.bench_window_life_circles import city_project, load, settle, wait  # noqa: E402
from gis.settings import Settings  # noqa: E402


def pixels(image) -> np.ndarray:
    image = image.convertToFormat(image.Format.Format_RGB32)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, :4 * image.width()]


def difference(a, b) -> str:
    d = np.abs(pixels(a).astype(int) - pixels(b).astype(int)).reshape(a.height(), a.width(), 4)[..., :3].max(axis=2)
    return (f"{int((d > 0).sum()):,} of {d.size:,} pixels differ ({(d > 0).mean() * 100:.2f} %), "
            f"{int((d > 16).sum()):,} by more than 16 of 255, largest {int(d.max())}")


def main(n_fac: int, n_edges: int, png: str) -> None:
    from gui.map.scheme import prepare_web_engine

    prepare_web_engine()
    app = QApplication.instance() or QApplication(sys.argv)
    from gis.analysis.life_circles import run as compute
    from gui.lifecircles.controller import LifeCirclesController
    from gui.lifecircles.overlays import band_frames, band_name
    from gui.main_window import MainWindow
    from gui.map.view import PACKED

    win = MainWindow(city_project(n_fac, n_edges), Settings(autosave_minutes=0))
    win.resize(1400, 900)
    win.show()
    win.map.zoom_to_project()
    drawn, done = {"at": 0.0}, {"map": False}
    win.map.drawnAll.connect(lambda: done.update(map=True))
    win.map.bridge.pageDrawn.connect(lambda _info: drawn.update(at=time.perf_counter()))
    wait(app, lambda: done["map"])
    ctl = next(f for f in win.features if isinstance(f, LifeCirclesController))
    ctl.panel.options.set_mode("network")
    request = ctl.request()
    bands = compute(request, cache=ctl.cache).result.bands
    ftype = next(t.value for g in request.standards.groups for t in g.types if t.value in set(bands["type"]))
    name = band_name(ftype)
    t, c = time.perf_counter(), time.process_time()
    shown = band_frames(bands, types={ftype})[0][name]
    print(f"{ftype} bands packed in the worker: {time.perf_counter() - t:.2f} s wall, "
          f"{time.process_time() - c:.2f} s CPU; {shown.attrs[PACKED][1].head['coords']:,} coordinates, "
          f"{shown.attrs[PACKED][1].head['rings']:,} rings; {load()}")
    variants = {"simplified": True, "full": False}  # the peer: full detail at every zoom

    def draw(simplified: bool) -> float:
        win.map.page().runJavaScript(f"ocp.benchSimplify({str(simplified).lower()})")
        win.map.set_overlay(name, None)
        gone = time.perf_counter()
        wait(app, lambda: drawn["at"] > gone and time.perf_counter() - gone > 0.3)
        sent = time.perf_counter()
        win.map.set_overlay(name, shown)
        wait(app, lambda: drawn["at"] > sent, timeout=120)
        return drawn["at"] - sent

    fitted = {}
    win.map.page().runJavaScript("JSON.stringify([map.getCenter(), map.getZoom()])", 0, lambda v: fitted.update(v=v))
    wait(app, lambda: "v" in fitted)

    def zoom(by: int) -> None:  # from the fitted view (the same for both)
        sent = time.perf_counter()
        win.map.page().runJavaScript(f"(([c, z]) => map.setView(c, z + {by}, {{animate: false}}))({fitted['v']})")
        wait(app, lambda: drawn["at"] > sent, timeout=120)
        settle(app, 1.0)

    times = {label: [] for label in variants}
    for _ in range(3):
        for label, simplified in variants.items():
            times[label].append(draw(simplified))
    best = {label: min(v) for label, v in times.items()}
    print(f"page draw of the {ftype} bands, district fitted in the window: simplified {best['simplified']:.2f} s, "
          f"full detail (before) {best['full']:.2f} s, ratio {best['full'] / best['simplified']:.1f}x; {load()}")
    grabs = {}
    for label, simplified in variants.items():
        draw(simplified)
        zoom(0)
        grabs[label] = win.map.grab().toImage()
        zoom(2)
        grabs[label + "-x4"] = win.map.grab().toImage()
    draw(False)  # the floor: the same frame drawn twice
    zoom(0)
    again = win.map.grab().toImage()
    for key, image in grabs.items():
        image.save(png.replace(".png", f"-{key}.png"))
    print(f"grabs: {png.replace('.png', '-*.png')}")
    print(f"fitted zoom: {difference(grabs['simplified'], grabs['full'])}")
    print(f"fitted zoom, full detail drawn twice (the floor): {difference(again, grabs['full'])}")
    print(f"zoomed in x4: {difference(grabs['simplified-x4'], grabs['full-x4'])}")
    win.close_guards.clear()
    win.shutdown()
    win.close()


if __name__ == "__main__":
    a = sys.argv[1:]
    main(int(a[0]) if a else 1000, int(a[1]) if len(a) > 1 else 100_000, a[2] if len(a) > 2 else "/tmp/band-draw.png")
