"""Reading and writing editable presets (JSON): the planner's copy is checked by reading it
back before it replaces the old one, and the shipped file is never overwritten."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

from gis.errors import GisError
from gis.i18n import QT_TRANSLATE_NOOP


def read_preset_json(path: Path, error: type[GisError], template: str) -> dict:
    """The JSON at *path*; *error*(*template*, path, reason) when it cannot be read."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise error(template, path=str(path), reason=str(exc)) from None


def save_preset_copy(data: dict, path: str | Path, *, shipped: Path, check: Callable[[Path], object],
                     error: type[GisError]) -> Path:
    """Write *data* to *path* (never over *shipped*); *check* reads the copy back first."""
    path = Path(path).resolve()
    if path == shipped.resolve():
        raise error(QT_TRANSLATE_NOOP("errors", "The shipped preset cannot be overwritten; save "
                                      "your copy in the settings folder."))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    check(tmp)
    tmp.replace(path)
    return path
