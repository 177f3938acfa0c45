"""Locations of the project's shipped files (resources/, data/)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
DATA = ROOT / "data"
PRESETS = RESOURCES / "presets"
