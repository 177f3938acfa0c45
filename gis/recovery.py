"""Autosave copies of the open project, for recovery after a crash.

Each window of a running instance keeps at most one copy in ``<config folder>/recovery/``:
a project GeoPackage ``session-<pid>-<start>-<n>.gpkg`` written by
:func:`gis.project_file.save_project` (atomic) and beside it a JSON note: the owner
process, the project's own path (None for a project never saved), the time and what
differs from the project file. The project file
itself is never written here. A clean exit removes the copy; a copy whose owner process
is gone is offered at the next start (:func:`recoverable`) when it is newer than the
project file.

Autosaves leave the UI thread at once: :func:`capture` takes a cheap, independent snapshot
there (layers share their immutable frames, the zone plan is copied as data) and
:func:`write_copy` builds and writes it elsewhere (the window uses the helper process of
:mod:`gis.recovery_helper`).
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from gis.feedback import Feedback, ensure
from gis.owner import Owner
from gis.project import Project
from gis.project_diff import Difference, Summary, differences, summarize

FOLDER = "recovery"
PREFIX = "session-"


@dataclass
class Capture:
    """A snapshot of a project taken on the UI thread; :meth:`build` runs anywhere."""

    project: Project
    plan: dict | None = None  # ZoneModel.to_dict()
    adjacency: object = None
    geometries: object = None

    def build(self) -> Project:
        """The snapshot as a Project of its own (the zone plan rebuilt from its data)."""
        if self.plan is not None and self.project.zones is None:
            from gis.zones.model import ZoneModel

            self.project.set_zones(ZoneModel.from_dict(self.plan, self.adjacency, self.geometries))
        return self.project


@dataclass
class Entry:
    """A recovery copy on disk."""

    gpkg: Path
    note: Path
    owner: Owner
    saved: float  # when the copy was written, epoch seconds
    project_path: str | None
    differences: list[Difference] = field(default_factory=list)

    @property
    def name(self) -> str:
        return Path(self.project_path).name if self.project_path else ""


def folder_in(config_dir: str | Path) -> Path:
    """The recovery folder inside the settings folder."""
    return Path(config_dir) / FOLDER


def session_paths(folder: Path, owner: Owner, serial: int = 1) -> tuple[Path, Path]:
    """The copy and its note for window *serial* of *owner*'s session."""
    stem = f"{PREFIX}{owner.key}-{serial}"
    return folder / f"{stem}.gpkg", folder / f"{stem}.json"


def remove_session(folder: Path, owner: Owner) -> None:
    """Remove every copy of *owner*'s session (its clean end)."""
    for note in Path(folder).glob(f"{PREFIX}{owner.key}-*.json"):
        remove((note.with_suffix(".gpkg"), note))


def capture(project: Project) -> Capture:
    """An independent snapshot of *project*, cheap enough for the UI thread.

    Layer frames are shared, not copied: edits replace a layer's frame (Layer.set_data)
    rather than change it in place. Styles, fields, settings and the view are copied.
    """
    snap = Project(crs=project.crs)
    for layer in project.layers:
        twin = copy.copy(layer)
        twin.data = layer.data.copy(deep=False)
        twin.style, twin.source = copy.copy(layer.style), copy.deepcopy(layer.source)
        twin.fields, twin._display = dict(layer.fields), None
        snap.layers.append(twin)
    snap.settings, snap.view = copy.deepcopy(project.settings), copy.deepcopy(project.view)
    zones = project.zones
    if zones is None:
        return Capture(snap)
    return Capture(snap, zones.to_dict(), zones.adjacency, zones.geometries)


def write_copy(snapshot: Capture, gpkg: Path, note: Path, owner: Owner, *,
               project_path: str | None, baseline: Summary | None,
               feedback: Feedback | None = None) -> Entry:
    """Write a recovery copy *gpkg* and its *note* (the project file is not touched)."""
    from gis.project_file import save_project

    fb = ensure(feedback)
    gpkg.parent.mkdir(parents=True, exist_ok=True)
    project = snapshot.build()
    save_project(project, gpkg, feedback=fb.sub(0.0, 0.9))
    entry = Entry(gpkg, note, owner, time.time(), project_path,
                  differences(baseline, summarize(project)))
    _write_note(entry)
    return entry


def remove(entry_or_paths: Entry | tuple[Path, Path]) -> None:
    """Delete a recovery copy and its note (and leftovers of an interrupted write)."""
    gpkg, note = ((entry_or_paths.gpkg, entry_or_paths.note) if isinstance(entry_or_paths, Entry)
                  else entry_or_paths)
    for path in (note, gpkg, *gpkg.parent.glob(f".{gpkg.stem}.saving-*")):
        try:
            shutil.rmtree(path) if path.is_dir() else path.unlink()  # a save's temp is a folder
        except OSError:
            pass


def recoverable(folder: Path) -> list[Entry]:
    """Copies left by sessions that did not end cleanly, newest first.

    Copies of running instances are skipped; copies older than their project file (saved
    since, by any program) are obsolete and removed, as are notes without a copy.
    """
    found = []
    for note in sorted(Path(folder).glob(f"{PREFIX}*.json")):
        entry = read_note(note)
        if entry is None or entry.owner.alive() or entry.owner.is_me():
            continue
        if not entry.gpkg.is_file() or _older_than_project(entry):
            remove(entry)
            continue
        found.append(entry)
    return sorted(found, key=lambda e: e.saved, reverse=True)


def open_copy(entry: Entry, *, feedback: Feedback | None = None) -> Project:
    """The recovered project: unsaved changes of its original path (None if never saved)."""
    from gis.project_file import open_project

    project = open_project(entry.gpkg, feedback=feedback)
    project.path = entry.project_path
    project.mark_dirty(True)
    return project


def adopt(entry: Entry, gpkg: Path, note: Path, owner: Owner) -> Entry:
    """Move a dead session's copy to *gpkg* and *note* of *owner* (this session's own)."""
    os.replace(entry.gpkg, gpkg)
    mine = Entry(gpkg, note, owner, entry.saved, entry.project_path, entry.differences)
    _write_note(mine)
    remove((entry.gpkg, entry.note))
    return mine


def read_note(note: Path) -> Entry | None:
    try:
        data = json.loads(note.read_text(encoding="utf-8"))
        return Entry(note.with_suffix(".gpkg"), note, Owner.from_dict(data["owner"]),
                     float(data["saved"]), data.get("project_path"),
                     [Difference.from_dict(d) for d in data.get("differences", [])])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write_note(entry: Entry) -> None:
    data = {"owner": entry.owner.to_dict(), "saved": entry.saved, "project_path": entry.project_path,
            "differences": [d.to_dict() for d in entry.differences]}
    tmp = entry.note.with_name(entry.note.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, entry.note)


def _older_than_project(entry: Entry) -> bool:
    if not entry.project_path:
        return False
    try:
        return os.path.getmtime(entry.project_path) > entry.saved
    except OSError:  # the project file is gone: the copy is all there is
        return False
