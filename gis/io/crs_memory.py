"""Remembering the coordinate system the user chose for a file.

A small JSON store keyed by the file's absolute path and layer; an answer is recalled only
while the file's size and modification time are unchanged. The store lives in the
application's config folder (``$OCP_CONFIG_DIR`` if set); tests give their own path.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

FILE_NAME = "crs_choices.json"
MAX_ENTRIES = 500
_APP = "OldCompoundPlanner"


def default_config_dir() -> Path:
    """``$OCP_CONFIG_DIR``, else the per-user folder Qt's AppConfigLocation also uses."""
    env = os.environ.get("OCP_CONFIG_DIR")
    if env:
        return Path(env)
    if sys.platform.startswith("win"):
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Preferences"
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / _APP / _APP


class CrsMemory:
    """The user's CRS answers per file (``answer`` is what :func:`parse_source_crs` reads)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    @classmethod
    def default(cls) -> "CrsMemory":
        return cls(default_config_dir() / FILE_NAME)

    def _load(self) -> dict:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _save(self, data: dict) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, self.path)

    @staticmethod
    def _key(file: str | Path, layer: str | None) -> tuple[str, dict | None]:
        path = Path(file).resolve()
        try:
            st = path.stat()
        except OSError:
            return f"{path}|{layer or ''}", None
        return f"{path}|{layer or ''}", {"size": st.st_size, "mtime_ns": st.st_mtime_ns}

    def recall(self, file: str | Path, layer: str | None = None) -> str | None:
        """The answer stored for *file* (and *layer*), if the file has not changed since."""
        key, stamp = self._key(file, layer)
        entry = self._load().get(key)
        if not isinstance(entry, dict) or stamp is None:
            return None
        if entry.get("size") != stamp["size"] or entry.get("mtime_ns") != stamp["mtime_ns"]:
            return None
        answer = entry.get("answer")
        return answer if isinstance(answer, str) else None

    def remember(self, file: str | Path, answer: str, layer: str | None = None) -> None:
        """Store *answer* for *file*; a store that cannot be written is left alone."""
        key, stamp = self._key(file, layer)
        if stamp is None:
            return
        data = self._load()
        data.pop(key, None)
        data[key] = {**stamp, "answer": answer, "when": time.time()}
        if len(data) > MAX_ENTRIES:
            data = dict(list(data.items())[-MAX_ENTRIES:])
        try:
            self._save(data)
        except OSError:
            pass

    def forget(self, file: str | Path, layer: str | None = None) -> None:
        """Drop the answer stored for *file* (the file is then inferred afresh)."""
        key, _ = self._key(file, layer)
        data = self._load()
        if data.pop(key, None) is not None:
            try:
                self._save(data)
            except OSError:
                pass

    def recent_epsg(self, limit: int = 50) -> tuple[int, ...]:
        """EPSG codes of recent answers, newest first (a hint for ranking candidates)."""
        codes = []
        for entry in reversed(list(self._load().values())):
            answer = entry.get("answer", "") if isinstance(entry, dict) else ""
            if isinstance(answer, str) and answer.upper().startswith("EPSG:"):
                try:
                    codes.append(int(answer[5:]))
                except ValueError:
                    continue
            if len(codes) >= limit:
                break
        return tuple(codes)


def recall_noted(memory: CrsMemory | None, file: str | Path, layer: str | None, notes: list) -> str | None:
    """The answer *memory* holds for *file* (and *layer*), saying so on *notes* (a Notice): a
    remembered answer is used, never silently."""
    from gis.i18n import QT_TRANSLATE_NOOP
    from gis.io.notices import notice

    answer = memory.recall(file, layer) if memory is not None else None
    if answer:
        notes.append(notice(QT_TRANSLATE_NOOP(
            "io", "Using the coordinate system you chose before for this file: {answer}."), answer=answer))
    return answer
