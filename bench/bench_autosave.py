"""Autosave of the demo district and of the demo tiled to 10,000 compounds.

For each size: the time the UI thread spends taking the snapshot (``recovery.capture``),
the time of the whole autosave on a worker thread (snapshot rebuilt, GeoPackage written,
differences from the file's summary), and how long the UI thread's event loop stalls
while it runs (the largest gap between 5 ms timer ticks, against the same loop idle).
The peer is a plain ``save_project`` of the same project (what File > Save writes). The
copy is written by the helper process (gis/recovery_helper.py), as the window does.

    python bench/bench_autosave.py [--sizes demo,10000]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def build_project(size: str):
    """The demo project, its compounds tiled to *size* when a number, with a zone plan."""
    from gis.demo import load_demo_project
    from gis.domain import Role
    from gis.opening import read_data_layer
    from gis.zones.model import ZoneModel

    project = load_demo_project()
    compounds = project.first(Role.COMPOUNDS)
    if size != "demo":
        from bench.bench_load import scaled_compounds

        big = read_data_layer(scaled_compounds(int(size), Path(tempfile.mkdtemp()) / "c.shp"))
        compounds.set_data(big.data.to_crs(project.crs))
    model = ZoneModel.from_layer(compounds)
    project.set_zones(model)
    taken: set[int] = set()
    for fid in range(0, model.n, 20):  # a zone of two neighbours every 20 compounds
        pair = [fid] + [int(n) for n in model.adjacency.neighbours(fid)[:1]]
        if len(pair) == 2 and not taken & set(pair):
            model.merge(pair)
            taken |= set(pair)
    return project


def measure(size: str) -> dict:
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QWidget

    from gis import recovery, recovery_helper
    from gis.owner import Owner
    from gis.project_diff import summarize
    from gis.project_file import save_project
    from gui.worker import run_task

    project = build_project(size)
    folder = Path(tempfile.mkdtemp())
    t = time.perf_counter()
    save_project(project, folder / "peer.gpkg")
    peer = time.perf_counter() - t
    baseline = summarize(project)
    project.zones.merge([int(f) for f in project.zones.unassigned()[:1]])  # an edit
    parent, gaps, clock = QWidget(), [], QElapsedTimer()
    ticker = QTimer()
    ticker.setInterval(5)
    ticker.timeout.connect(lambda: (gaps.append(clock.restart())))

    def loop_gaps(run) -> tuple[float, float]:
        gaps.clear()
        clock.start()
        ticker.start()
        result = run()
        ticker.stop()
        return result, max(gaps[1:] or [0])

    def idle():
        loop = QEventLoop()
        QTimer.singleShot(2000, loop.quit)
        loop.exec()

    _, idle_gap = loop_gaps(idle)

    def autosave():
        loop, out = QEventLoop(), {}
        t0 = time.perf_counter()
        snap = recovery.capture(project)
        out["capture_ms"] = (time.perf_counter() - t0) * 1000
        gpkg, note = recovery.session_paths(folder, Owner.current())
        run_task(parent, "", lambda fb: recovery_helper.write_copy(snap, gpkg, note, Owner.current(),
                                                                   project_path=None, baseline=baseline,
                                                                   feedback=fb),
                 lambda _e: (out.setdefault("total_s", time.perf_counter() - t0), loop.quit()),
                 on_error=lambda e: (print("failed:", e), loop.quit()), show_dialog=False)
        loop.exec()
        return out

    cold, cold_gap = loop_gaps(autosave)  # the first starts the helper process
    out, busy_gap = loop_gaps(autosave)
    return {"helper_mb": helper_peak_mb(), "size": size, "compounds": int(project.zones.n), "capture_ms": out["capture_ms"],
            "autosave_s": out["total_s"], "peer_save_s": peer, "max_gap_idle_ms": idle_gap,
            "max_gap_autosave_ms": busy_gap, "max_gap_first_ms": cold_gap, "first_s": cold["total_s"]}


def helper_peak_mb() -> float:
    """Peak memory of the helper process (Linux; 0 elsewhere)."""
    from gis import recovery_helper

    pids = list(getattr(recovery_helper._pool, "_processes", None) or {})
    try:
        text = Path(f"/proc/{pids[0]}/status").read_text()
        return int(next(l.split()[1] for l in text.splitlines() if l.startswith("VmHWM"))) / 1024
    except (IndexError, OSError, StopIteration):
        return 0.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="demo,10000")
    args = parser.parse_args()
    from gui.app import setup_app

    setup_app("en")
    for size in args.sizes.split(","):
        r = measure(size)
        print(f"{r['size']:>6} ({r['compounds']} compounds): UI snapshot {r['capture_ms']:.1f} ms, "
              f"autosave {r['autosave_s']:.2f} s (first, starting the helper: {r['first_s']:.2f} s; plain save {r['peer_save_s']:.2f} s, "
              f"ratio {r['autosave_s'] / r['peer_save_s']:.2f}); UI loop max gap "
              f"{r['max_gap_autosave_ms']:.0f} ms during autosave ({r['max_gap_first_ms']:.0f} ms the first) "
              f"vs {r['max_gap_idle_ms']:.0f} ms idle; helper peak {r['helper_mb']:.0f} MB")


if __name__ == "__main__":
    main()
