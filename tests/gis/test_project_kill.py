"""kill -9 of a saving process at random moments never leaves a damaged or mixed project."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from gis.project_file import open_project, save_project
from tests.gis import kill_saver
from tests.gis.test_project_file import assert_same_project

ROOT = Path(__file__).resolve().parents[2]
KILLS = 21


def last_saved(log: Path) -> int | None:
    lines = log.read_text().split() if log.exists() else []
    return int(lines[-1]) if lines else None


def test_kill_9_while_saving_leaves_the_previous_or_the_new_state(tmp_path):
    path = tmp_path / "反复保存.gpkg"
    saver = subprocess.Popen([sys.executable, "-m", "tests.gis.kill_saver", str(path)], cwd=ROOT,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    project = kill_saver.base_project()  # while the saver starts up
    began = time.perf_counter()
    save_project(kill_saver.state(project, 0), path)
    one_save = time.perf_counter() - began
    rng, log = random.Random(20261202), Path(f"{path}.log")
    on_disk, seen, inside = 0, set(), 0
    try:
        assert saver.stdout.readline().strip() == "ready"
        for k in range(KILLS):
            saver.stdin.write(f"fork {on_disk}\n")
            saver.stdin.flush()
            child = int(saver.stdout.readline())
            if k % 4 == 1:  # every fourth round lets one save finish, then kills in the next one
                _wait_for_save(log, on_disk)
            time.sleep(rng.uniform(0.0, 1.5) * one_save)
            os.kill(child, signal.SIGKILL)
            _wait_gone(child)
            inside += any(tmp_path.glob(f".反复保存.saving-{child}-*"))  # its temp folder was left
            done = max(on_disk, last_saved(log) or 0)  # the last save that reported back
            reopened = open_project(path)
            r = reopened.settings["round"]
            assert r in (done, done + 1), (on_disk, done, r)  # +1: killed after its rename
            assert_same_project(kill_saver.state(project, r), reopened)
            seen.add(r - on_disk)
            on_disk = r
    finally:
        saver.kill()
        saver.wait()
    print(f"{KILLS} kills ({inside} inside a save), {on_disk} saves completed, steps per kill "
          f"{sorted(seen)}, one save {one_save:.2f} s")
    assert on_disk >= 5 and len(seen) >= 2 and inside >= 5  # kills landed inside and between saves
    save_project(open_project(path))  # the next save clears the dead processes' temp folders
    assert sorted(p.name for p in tmp_path.iterdir()) == ["反复保存.gpkg", "反复保存.gpkg.log"]


def _wait_for_save(log: Path, after: int) -> None:
    for _ in range(3000):
        if (last_saved(log) or 0) > after:
            return
        time.sleep(0.01)


def _wait_gone(pid: int) -> None:
    for _ in range(500):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.01)
