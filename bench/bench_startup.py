"""Start-up to a drawn demo: the frozen app (dist/OldCompoundPlanner) beside ``python main.py``.

Each run is ``--screenshot`` of the demo district: start, draw every layer, fit again, draw
again, grab, exit (the screenshot mode waits 0.6 s after each of its two draws, so the time to
the first drawn map is about 1.5 s less than the figure). Runs alternate, so load on the
machine hits both alike; CPU time is the processes' own (user + system, children included).

    python bench/bench_startup.py [--runs 3] [--app dist/OldCompoundPlanner]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(cmd: list[str], out: Path) -> tuple[float, float]:
    """(wall, cpu) seconds of one screenshot run."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QTWEBENGINE_DISABLE_SANDBOX="1",
               OCP_CONFIG_DIR=tempfile.mkdtemp(prefix="ocp-bench-"))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([*cmd, "--screenshot", str(out)], cwd=ROOT, env=env, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--app", type=Path, default=ROOT / "dist" / "OldCompoundPlanner")
    args = parser.parse_args()
    methods = {"frozen": [str(args.app / "OldCompoundPlanner")], "source": [sys.executable, str(ROOT / "main.py")]}
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in methods}
    out = Path(tempfile.mkdtemp()) / "shot.png"
    for _ in range(args.runs):
        for name, cmd in methods.items():
            results[name].append(timed(cmd, out))
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; {args.runs} runs each, medians")
    for name, runs in results.items():
        walls, cpus = [w for w, _ in runs], [c for _, c in runs]
        print(f"{name:7s} wall {statistics.median(walls):5.1f} s (min {min(walls):.1f})   "
              f"cpu {statistics.median(cpus):5.1f} s")
    ratio = statistics.median(c for _, c in results["frozen"]) / statistics.median(c for _, c in results["source"])
    print(f"frozen / source CPU: {ratio:.2f}")


if __name__ == "__main__":
    main()
