"""The whole window in a child process: an edit, its autosave, kill -9; the next start offers it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from gis import project_lock
from gis.project_file import open_project, save_project
from gis.settings import Settings
from gui.recovery_dialog import KEEP, offer_recovery

from tests.gui.conftest import small_project
from tests.gui.test_autosave_gui import zoned

ROOT = Path(__file__).resolve().parents[2]

# argv: project path. Opens it in the window, merges two compounds into a zone, waits for
# the autosave and prints "ready", then runs until killed.
CHILD = """
import sys
from PySide6.QtCore import QTimer
from gui.app import setup_app
app = setup_app("zh_CN")
from gis.project_file import open_project
from gis.settings import Settings
from gui.autosave import AutosaveController
from gui.main_window import MainWindow
win = MainWindow(open_project(sys.argv[1]), Settings())
win.show()
auto = next(f for f in win.features if isinstance(f, AutosaveController))
auto.soon.setInterval(100)
win.project.zones.merge([4, 5])
def check():
    if auto.last_copy:
        print("ready", flush=True)
    else:
        QTimer.singleShot(100, check)
check()
app.exec()
"""


def children(pid: int) -> list[int]:
    """Processes whose parent is *pid* (Linux /proc; empty elsewhere)."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return Path(f"/proc/{pid}/stat").exists() and Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] == "Z"


def test_killed_window_is_offered_at_the_next_start_and_keeping_it_gives_the_edit(
        make_window, qtbot, tmp_path, monkeypatch):
    config = tmp_path / "config"
    monkeypatch.setenv("OCP_CONFIG_DIR", str(config))
    target = tmp_path / "规划.gpkg"
    save_project(zoned(small_project()), target)
    original = target.read_bytes()
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(target)], cwd=ROOT, env=dict(os.environ),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "ready", child.stderr.read()[-2000:]
        helpers = [p for p in children(child.pid) if "spawn" in Path(f"/proc/{p}/cmdline").read_text()]
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
    assert child.returncode == -signal.SIGKILL and target.read_bytes() == original
    deadline = time.time() + 20  # the autosave helper ends with the process it served
    while helpers and not all(gone(p) for p in helpers) and time.time() < deadline:
        time.sleep(0.2)
    assert all(gone(p) for p in helpers)

    offered = []
    win = make_window(small_project(), settings=Settings())
    kept = offer_recovery(win, ask=lambda entry: offered.append(entry) or KEEP)
    assert kept is offered[0] and len(offered) == 1
    assert kept.project_path == str(target) and time.time() - kept.saved < 120
    assert [d.text for d in kept.differences] == ["Zones: 1 → 2; 1 new or changed, 0 removed."]
    qtbot.waitUntil(lambda: win.project.path == str(target), timeout=20000)
    assert win.project.dirty and len(win.project.zones) == 2
    assert len(open_project(target).zones) == 1  # the file is as last saved until the user saves
    assert project_lock.read_lock(project_lock.lock_path(target)).mine  # the dead one's lock, taken over
