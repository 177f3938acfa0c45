"""Application settings: one typed schema with defaults, a version and migrations.

Stored as JSON in a folder the caller chooses (the GUI uses the OS config folder, or
``$OCP_CONFIG_DIR``; tests point it at a temporary folder and never see the user's file).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from gis import defaults

SCHEMA_VERSION = 1
FILE_NAME = "settings.json"


@dataclass
class Settings:
    version: int = SCHEMA_VERSION
    language: str = "zh_CN"  # zh_CN | en
    recent_files: list[str] = field(default_factory=list)
    last_dir: str = ""
    label_size: int = 12
    gap_tolerance_m: float = defaults.GAP_M
    pre_year: int = defaults.PRE_YEAR
    elevator_min_floors: int = defaults.MIN_FLOORS
    read_limits: dict = field(default_factory=dict)  # overrides of gis.io.limits.ReadLimits
    autosave_minutes: int = 5  # recovery copy of the open project; 0 = off (gui/autosave.py)
    basemap: dict = field(default_factory=dict)  # online basemap, off by default (gis/raster/basemaps.py)

    def remember_file(self, path: str, *, keep: int = 10) -> None:
        self.recent_files = [path] + [p for p in self.recent_files if p != path][: keep - 1]


def _migrate(raw: dict) -> dict:
    """Bring an older settings dict up to SCHEMA_VERSION (version 0 had no 'version')."""
    version = int(raw.get("version", 0))
    if version < 1:
        raw = dict(raw)
        if "lang" in raw:  # v0 spelled it 'lang'
            raw["language"] = raw.pop("lang")
        raw["version"] = 1
    return raw


def load_settings(folder: Path) -> Settings:
    """Settings from *folder*, defaults where the file is missing or unreadable."""
    path = Path(folder) / FILE_NAME
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    raw = _migrate(raw)
    known = {f.name for f in fields(Settings)}
    settings = Settings(**{k: v for k, v in raw.items() if k in known})
    settings.version = SCHEMA_VERSION
    return settings


def save_settings(settings: Settings, folder: Path) -> None:
    """Write atomically, so a crash never leaves a half-written file."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / (FILE_NAME + ".tmp")
    tmp.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, folder / FILE_NAME)
