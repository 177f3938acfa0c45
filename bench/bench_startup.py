"""Start-up to a drawn demo: the frozen app, ``python main.py``, and a bare QtWebEngine page as peer.

Each app run is ``--screenshot --timing`` of the demo district; the figures are read from its
stderr (gui/startup_timing.py): *drawn* is when the page first reported every layer drawn at
the map's size, *shown* when the window's picture was steady (the start-up figure), both in
seconds since the process started. *cpu* is the whole run's CPU time, QtWebEngine's helper
processes included. The peer starts Qt, opens a QWebEngineView and draws one canvas in it: what
any QtWebEngine app pays before its own work. ``python main.py`` runs with its bytecode cached
(a warm-up run first, in a temporary PYTHONPYCACHEPREFIX), as a developer's checkout has it.
Runs alternate, so load on the machine hits all alike; the load average is printed.

    python bench/bench_startup.py [--runs 3] [--app dist/OldCompoundPlanner]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMING = re.compile(r"^timing: (\S+) ([\d.]+) s", re.M)

PEER = """
import sys
from PySide6 import QtWebEngineWidgets
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from gui.startup_timing import enable, report
app = QApplication(sys.argv[:1])
view = QtWebEngineWidgets.QWebEngineView()
view.resize(1600, 1000)
view.titleChanged.connect(lambda t: t == "drawn" and (report("shown"), app.quit()))
view.setHtml("<canvas id=c width=1600 height=1000></canvas><script>const x = c.getContext('2d');"
             "for (let i = 0; i < 2000; i++) x.fillRect(i % 40 * 40, i / 40 * 20, 30, 15);"
             "requestAnimationFrame(() => requestAnimationFrame(() => document.title = 'drawn'));</script>")
view.show()
enable()
QTimer.singleShot(60000, app.quit)
app.exec()
"""


def timed(cmd: list[str], env: dict) -> dict:
    """One run: wall and CPU of the whole process tree, and its timing milestones."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    run = subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = {name: float(value) for name, value in TIMING.findall(run.stderr)}
    out.update(wall=wall, cpu=(after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--app", type=Path, default=ROOT / "dist" / "OldCompoundPlanner")
    args = parser.parse_args()
    shot = str(Path(tempfile.mkdtemp()) / "shot.png")
    flags = ["--screenshot", shot, "--timing"]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(QT_QPA_PLATFORM="offscreen", QTWEBENGINE_DISABLE_SANDBOX="1",
               OCP_CONFIG_DIR=tempfile.mkdtemp(prefix="ocp-bench-"), PYTHONPYCACHEPREFIX=tempfile.mkdtemp())
    methods = {"frozen": [str(args.app / "OldCompoundPlanner"), *flags],
               "source": [sys.executable, str(ROOT / "main.py"), *flags],
               "peer": [sys.executable, "-c", PEER]}
    if not (args.app / "OldCompoundPlanner").exists():
        print(f"{args.app} not built: frozen left out (bash dev.sh package)")
        del methods["frozen"]
    timed(methods["source"], env)  # warm-up: bytecode cache and fonts
    results: dict[str, list[dict]] = {name: [] for name in methods}
    load = []
    for _ in range(args.runs):
        for name, cmd in methods.items():
            load.append(os.getloadavg()[0])
            results[name].append(timed(cmd, env))
    print(f"load average {min(load):.1f}-{max(load):.1f} on {os.cpu_count()} cores; {args.runs} runs each, medians")
    for name, runs in results.items():
        figures = "   ".join(f"{key} {statistics.median(r[key] for r in runs):5.2f} s"
                               for key in ("first-draw", "shown", "wall", "cpu") if key in runs[0])
        each = ", ".join(f"{r['shown']:.2f}" for r in runs)
        print(f"{name:7s} {figures}   (shown: {each})")
    peer = statistics.median(r["shown"] for r in results["peer"])
    for name in [n for n in results if n != "peer"]:
        print(f"{name} / peer, time to a drawn page: {statistics.median(r['shown'] for r in results[name]) / peer:.1f}")


if __name__ == "__main__":
    main()
