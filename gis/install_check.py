"""Start-up self-check of an installed (frozen) app folder: every shipped file present and whole.

The build (``packaging/OldCompoundPlanner.spec``) writes :data:`MANIFEST` into the bundle
folder: each file's size, and a SHA-256 of the small files the app reads itself (translations,
map page, presets, demo). At start-up :func:`check_install` compares the folder with it, so a
deleted .qm or a missing QtWebEngine resource is named with advice to reinstall, instead of a
blank map or a silent crash. Sizes only for the large files: checking stays well under 0.1 s.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from gis.i18n import QT_TRANSLATE_NOOP, translate

MANIFEST = "install-manifest.json"
HASHED_TOP = ("resources", "data")  # bundle folders whose files are also hashed
HASH_SUFFIXES = (".qm",)  # and these anywhere (Qt's and the app's translations)
HASH_MAX_BYTES = 2 * 1024 * 1024
SHOWN = 5  # files named in the message; the rest are counted

MESSAGE = QT_TRANSLATE_NOOP(
    "install", "The program folder is incomplete or damaged ({count} files): {files}. "
               "Please reinstall Old Compound Renewal Planner (run its installer again, or copy "
               "the whole folder again).")
MISSING = QT_TRANSLATE_NOOP("install", "missing")
DAMAGED = QT_TRANSLATE_NOOP("install", "damaged")


@dataclass(frozen=True)
class Problem:
    """A shipped file (path relative to the bundle folder) that is missing or damaged."""

    path: str
    kind: str  # MISSING | DAMAGED


def _hashed(rel: str) -> bool:
    return rel.split("/", 1)[0] in HASHED_TOP or rel.endswith(HASH_SUFFIXES)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build_manifest(root: Path) -> dict:
    """The manifest of the folder *root* as it is now (called by the build)."""
    files = {}
    for path in sorted(p for p in Path(root).rglob("*") if p.is_file() and p.name != MANIFEST):
        rel = path.relative_to(root).as_posix()
        size = path.stat().st_size
        entry = {"size": size}
        if _hashed(rel) and size <= HASH_MAX_BYTES:
            entry["sha256"] = _digest(path)
        files[rel] = entry
    return {"version": 1, "files": files}


def write_manifest(root: Path) -> Path:
    """Write :data:`MANIFEST` into *root* and return its path."""
    out = Path(root) / MANIFEST
    out.write_text(json.dumps(build_manifest(root), ensure_ascii=False, indent=0), encoding="utf-8")
    return out


def check_install(root: Path) -> list[Problem]:
    """Files of *root*'s manifest that are missing or damaged (the manifest itself included)."""
    root = Path(root)
    try:
        manifest = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
        files = manifest["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return [Problem(MANIFEST, MISSING if not (root / MANIFEST).exists() else DAMAGED)]
    problems = []
    for rel, entry in files.items():
        path = root / rel
        try:
            size = path.stat().st_size
        except OSError:
            problems.append(Problem(rel, MISSING))
            continue
        if size != entry.get("size") or ("sha256" in entry and _digest(path) != entry["sha256"]):
            problems.append(Problem(rel, DAMAGED))
    return problems


def problem_message(problems: list[Problem], language: str = "en") -> str:
    """One paragraph naming the first files and asking to reinstall, in *language* (zh/en)."""
    named = [f"{p.path} ({translate('install', p.kind, language)})" for p in problems[:SHOWN]]
    if len(problems) > SHOWN:
        named.append("…")
    template = translate("install", MESSAGE, language)
    return template.format(count=len(problems), files=", ".join(named))
