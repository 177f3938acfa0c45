"""Save and open a project as ONE GeoPackage file.

The file holds every layer as a GeoPackage table in the working CRS, the zone outlines
as ``renovation_zones`` (so any GIS can show them), and a non-spatial table
``planner_project`` whose JSON describes the project: layer order, names, roles, field
mapping, source info, style and visibility, the column names and dtypes needed to
restore each table exactly, the zone plan (members by fid), the settings and the map
view.

Saving is atomic and serialised (gis/project_save.py): a snapshot is written to a private
temporary folder beside the file, flushed and moved over the old file with
:func:`os.replace`; saves of one file in a process take turns; a crash or an error
mid-save leaves the previous file byte-identical. Opening tolerates files that another
program changed (gis/project_open.py): what can be read opens, the rest is listed in
``project.notices``.

Exactness: geometries, attribute values and dtypes round-trip (numbers, nullable
integers and booleans, strings incl. Chinese, datetimes to the millisecond,
categories). Object columns holding mixed Python values come back as text.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from gis.errors import Cancelled, ProjectError
from gis.feedback import Feedback, ensure
from gis.i18n import QT_TRANSLATE_NOOP
from gis.project import Project
from gis.project_codec import FORMAT, META_TABLE, SUFFIX, VERSION, ZONES_TABLE, reason
from gis.project_open import build_project
from gis.project_save import ProjectSnapshot, finish_save, snapshot, write_snapshot

__all__ = ["FORMAT", "VERSION", "META_TABLE", "ZONES_TABLE", "ProjectSnapshot", "is_project",
           "open_project", "save_project", "snapshot", "save_snapshot", "finish_save"]


# -- public API ---------------------------------------------------------------------------
def is_project(path: str | Path) -> bool:
    """Whether *path* is a GeoPackage written by :func:`save_project`."""
    try:
        return _read_meta(Path(path)).get("format") == FORMAT
    except ProjectError:
        return False


def save_project(project: Project, path: str | Path | None = None, *,
                 feedback: Feedback | None = None) -> Path:
    """Write *project* to *path* (default: where it was opened or last saved).

    The old file stays intact until the new one is complete. Afterwards ``project.path``
    is *path*, and the project is clean unless it was edited while the save ran. Call it on
    the thread that edits the project (or take a :func:`snapshot` there and pass it to
    :func:`save_snapshot` in the background).

    Raises
    ------
    ProjectError
        No path, a folder that does not exist, a name not ending in .gpkg, settings that
        cannot be written as JSON, a read-only file, or a failed write (the message gives
        the reason and says the file on disk is unchanged).
    """
    target = target_path(project, path)
    snap = snapshot(project)
    save_snapshot(snap, target, feedback=feedback)
    finish_save(project, snap, target)
    return target


def save_snapshot(snap: ProjectSnapshot, path: str | Path, *,
                  feedback: Feedback | None = None) -> Path:
    """Write a :func:`snapshot` to *path* atomically (the live project is not touched)."""
    return write_snapshot(snap, _checked(Path(path)), feedback=feedback)


def open_project(path: str | Path, *, feedback: Feedback | None = None) -> Project:
    """Read a project saved by :func:`save_project`, as it was saved.

    Layers, columns or a zone plan that another program removed or damaged are left out
    (or opened empty) and described in ``project.notices``.

    Raises
    ------
    ProjectError
        The file is missing, is not a GeoPackage, is a GeoPackage of another program,
        was written by a newer version, or its project description is damaged.
    """
    fb = ensure(feedback)
    path = Path(path)
    meta = _read_meta(path)
    if meta.get("format") != FORMAT:
        raise _not_ours(path)
    if int(meta.get("version", 0)) > VERSION:
        raise ProjectError(QT_TRANSLATE_NOOP(
            "errors", "{path} was saved by a newer version of the planner; update the program "
                      "to open it."), path=str(path))
    try:
        project = build_project(path, meta, fb)
    except Cancelled:
        raise
    except Exception as exc:  # a damaged or hand-edited description: say so, never crash
        raise ProjectError(QT_TRANSLATE_NOOP(
            "errors", "{path} is damaged and cannot be opened: {reason}"),
            path=str(path), reason=reason(exc)) from exc
    project.path = str(path)
    project.mark_dirty(False)
    fb.progress(1.0)
    return project


# -- saving -------------------------------------------------------------------------------
def target_path(project: Project, path) -> Path:
    """Where a save of *project* goes (checked: a .gpkg name in an existing folder)."""
    if path is None and project.path is None:
        raise ProjectError(QT_TRANSLATE_NOOP("errors", "Choose a file name to save the project."))
    return _checked(Path(path if path is not None else project.path))


def _checked(path: Path) -> Path:
    target = path.absolute()
    if target.suffix.lower() != SUFFIX:
        raise ProjectError(QT_TRANSLATE_NOOP(
            "errors", "Project files end in .gpkg; {path} does not."), path=str(target))
    if not target.parent.is_dir():
        raise ProjectError(QT_TRANSLATE_NOOP(
            "errors", "The folder {folder} does not exist."), folder=str(target.parent))
    return target



# -- opening ------------------------------------------------------------------------------
def _read_meta(path: Path) -> dict:
    if not path.is_file():
        raise ProjectError(QT_TRANSLATE_NOOP("errors", "{path} does not exist."), path=str(path))
    _check_readable(path)
    try:
        con = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise _not_gpkg(path) from exc
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "gpkg_contents" not in tables:
            raise _not_gpkg(path)
        if META_TABLE not in tables:
            raise _not_ours(path)
        rows = dict(con.execute(f'SELECT "key", "value" FROM "{META_TABLE}"').fetchall())
    except sqlite3.DatabaseError as exc:
        raise _not_gpkg(path) from exc
    finally:
        con.close()
    try:
        meta = json.loads(rows["project"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ProjectError(QT_TRANSLATE_NOOP(
            "errors", "{path} is damaged: its project description cannot be read."),
            path=str(path)) from exc
    return meta if isinstance(meta, dict) else {}


def _check_readable(path: Path) -> None:
    """A file another program holds locked (Windows) or that we may not read: say so."""
    try:
        with path.open("rb") as fh:
            fh.read(16)
    except OSError as exc:
        raise ProjectError(QT_TRANSLATE_NOOP(
            "errors", "Could not read {path}: {reason}. Another program may hold it locked, or you "
                      "may not read it; close the other program or ask for access, then open it "
                      "again."), path=str(path), reason=reason(exc)) from exc


def _not_gpkg(path: Path) -> ProjectError:
    return ProjectError(QT_TRANSLATE_NOOP(
        "errors", "{path} is not a GeoPackage project file."), path=str(path))


def _not_ours(path: Path) -> ProjectError:
    return ProjectError(QT_TRANSLATE_NOOP(
        "errors", "{path} is a GeoPackage, but not a project of this planner. Add its layers "
                  "to a project instead (Add layer)."), path=str(path))
