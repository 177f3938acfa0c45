"""Long work in the window: Cancel appears without progress, and closing the window stops
every task and lets the process exit (even with a read stuck in one C call)."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path

from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from gui.worker import run_task

ROOT = Path(__file__).resolve().parents[2]


def _until_cancelled(started: threading.Event):
    def fn(feedback):
        started.set()
        while True:  # reports no progress at all, but polls Cancel
            feedback.check()
            time.sleep(0.02)
    return fn


def test_cancel_appears_for_work_that_reports_no_progress(app, qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    task = run_task(parent, "Reading", _until_cancelled(threading.Event()), lambda _: None)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in parent.findChildren(QProgressDialog)),
                    timeout=3000)
    dialog = next(d for d in parent.findChildren(QProgressDialog) if d.isVisible())
    with qtbot.waitSignal(task.signals.cancelled, timeout=3000):
        dialog.findChild(QPushButton).click()
    assert task.done.wait(2)


def test_closing_the_window_cancels_every_task(make_window, project, qtbot):
    win = make_window(project)
    started = threading.Event()
    polite = run_task(win, "Analysis", _until_cancelled(started), lambda _: None)
    stuck = run_task(win, "Stuck read", lambda fb: time.sleep(30), lambda _: None)  # never checks
    assert started.wait(3)
    win.close_guards.clear()  # no unsaved-changes question (tested with the project controller)
    t0 = time.perf_counter()
    win.close()
    assert not win.isVisible()
    assert time.perf_counter() - t0 < 5
    assert polite.done.is_set() and polite.is_cancelled()
    assert stuck.is_cancelled() and stuck.thread.daemon and not stuck.done.is_set()  # abandoned


_SCRIPT = """
import sys, time
sys.path.insert(0, {root!r})
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import gui.app as app_module
import gui.importing.controller as controller

def stuck_read(*args, **kwargs):
    print("import started", flush=True)
    time.sleep(120)  # a read stuck in one long C call: it never checks Cancel

controller.inspect_file = stuck_read

def start_import():
    win = next(w for w in QApplication.topLevelWidgets() if type(w).__name__ == "MainWindow")
    ctl = next(f for f in win.features if isinstance(f, controller.ImportController))
    ctl.open_paths([{data!r}])
    QTimer.singleShot(1000, lambda: (print("closing", flush=True), win.close()))

setup = app_module.setup_app
def setup_and_schedule(language):
    app = setup(language)
    QTimer.singleShot(500, start_import)
    return app
app_module.setup_app = setup_and_schedule
sys.exit(app_module.run_app(["--lang", "en"]))
"""


def test_the_process_exits_when_its_window_closes_during_an_import(tmp_path):
    data = tmp_path / "a.geojson"
    data.write_text(json.dumps({"type": "FeatureCollection", "features": []}))
    proc = subprocess.Popen([sys.executable, "-c", _SCRIPT.format(root=str(ROOT), data=str(data))],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        lines = []
        for line in proc.stdout:  # the window opens, the import starts, the window closes
            lines.append(line.strip())
            if line.startswith("closing"):
                break
        closed = time.perf_counter()
        code = proc.wait(timeout=60)
        after_close = time.perf_counter() - closed
    finally:
        proc.kill()
    assert lines[-2:] == ["import started", "closing"], proc.stderr.read()
    assert code == 0 and after_close < 8
