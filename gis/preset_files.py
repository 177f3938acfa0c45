"""Reading and writing editable presets (JSON): the planner's copy is checked by reading it
back before it replaces the old one, and the shipped file is never overwritten."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

from gis.errors import GisError
from gis.i18n import QT_TRANSLATE_NOOP
from gis.paths import RESOURCES


def read_preset_json(path: Path, error: type[GisError], template: str) -> dict:
    """The JSON at *path*; *error*(*template*, path, reason) when it cannot be read."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise error(template, path=str(path), reason=str(exc)) from None


def save_preset_copy(data: dict, path: str | Path, *, error: type[GisError], shipped: Path | None = None,
                     check: Callable[[Path], object] | None = None) -> Path:
    """Write *data* to *path* atomically, never over *shipped* nor into the shipped resources;
    *check* (when given) reads the copy back before it replaces the old one."""
    path = Path(path).resolve()
    if path.is_relative_to(RESOURCES.resolve()) or (shipped is not None and path == Path(shipped).resolve()):
        raise error(QT_TRANSLATE_NOOP("errors", "The shipped preset cannot be overwritten; save "
                                      "your copy in the settings folder."))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    if check is not None:
        check(tmp)
    tmp.replace(path)
    return path
