"""Opening the app loads only what drawing the demo needs: the heavy engines load on first use.

scipy (networks, adjacency, access; about 0.35 s of CPU and numpy.testing, f2py with it) is not
imported by building the main window with every feature controller (gui/startup_timing.py
reports what the start-up costs).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOT_AT_START = ("scipy",)

BUILD_WINDOW = """
import json, sys
from gui.app import setup_app
from gui.main_window import MainWindow
from gis.project import Project
from gis.settings import Settings
app = setup_app("zh_CN")
win = MainWindow(Project(), Settings(autosave_minutes=0))
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules})))
win.shutdown()
"""


@pytest.mark.slow
def test_the_main_window_is_built_without_the_heavy_engines():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QTWEBENGINE_DISABLE_SANDBOX="1")
    run = subprocess.run([sys.executable, "-c", BUILD_WINDOW], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    loaded = set(json.loads(run.stdout.strip().splitlines()[-1]))
    assert {"PySide6", "geopandas", "gui"} <= loaded  # it did build the window
    assert not loaded & set(NOT_AT_START), f"imported at start-up: {sorted(loaded & set(NOT_AT_START))}"
