"""Locations of the project's shipped files (resources/, data/), from source or frozen.

From a source checkout they sit beside ``gis/``. In the PyInstaller build (one folder,
``packaging/OldCompoundPlanner.spec``) they sit in the bundle folder ``sys._MEIPASS``
(``OldCompoundPlanner/_internal``); :data:`APP_DIR` is the folder of the executable. Every
shipped path is resolved here, and the app writes nothing into either folder.
"""

from __future__ import annotations

import sys
from pathlib import Path

FROZEN = bool(getattr(sys, "frozen", False))


def bundle_root() -> Path:
    """The folder holding resources/ and data/: the PyInstaller bundle, or the checkout."""
    if FROZEN and hasattr(sys, "_MEIPASS"):
        return Path(sys._MEIPASS).resolve()
    return Path(__file__).resolve().parent.parent


ROOT = bundle_root()
APP_DIR = Path(sys.executable).resolve().parent if FROZEN else ROOT
RESOURCES = ROOT / "resources"
DATA = ROOT / "data"
PRESETS = RESOURCES / "presets"
