"""Writing a project file safely: a snapshot, one save at a time, a fresh temp file.

:func:`snapshot` copies what a save needs on the thread that edits the project (cheap: the
frames are copied, geometries are immutable), so a save can run in the background while
the user works on. :func:`write_snapshot` writes it into a private temporary folder beside
the target, flushes it and moves it over the target with :func:`os.replace`; saves of one
target in this process take turns (a lock per path), and a failure leaves the old file
byte-identical and says why in words the user can act on.
"""

from __future__ import annotations

import copy
import errno
import glob
import json
import os
import shutil
import stat
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio

from gis.domain import FieldRole
from gis.errors import Cancelled, ProjectError
from gis.feedback import Feedback, ensure
from gis.i18n import QT_TRANSLATE_NOOP
from gis.owner import pid_running
from gis.project import Project
from gis.raster.links import with_relative
from gis.project_codec import (FORMAT, META_TABLE, RESERVED, VERSION, ZONES_TABLE, encode, jsonable,
                                reason)

TEMP_MARK = ".saving-"  # temp folders are ".<stem>.saving-<pid>-<random>"


@dataclass(frozen=True)
class SavedLayer:
    """One layer as it was when the snapshot was taken."""

    meta: dict  # id, name, role, fields, source, style, visible, geometry
    data: gpd.GeoDataFrame

    def column(self, role: FieldRole) -> pd.Series | None:
        name = self.meta["fields"].get(role.value)
        return self.data[name] if name is not None and name in self.data.columns else None


@dataclass(frozen=True)
class ProjectSnapshot:
    """Everything a save writes, detached from the live project."""

    meta: dict  # format, version, crs, settings, view, zones (plan as JSON)
    crs: object
    layers: tuple[SavedLayer, ...]
    zone_geometries: np.ndarray | None
    revision: int
    zone_model: object = None  # the live plan, to hand the outlines back to (see finish_save)
    outlines: dict = field(default_factory=dict)  # zone id -> (members, outline): cached + computed


def snapshot(project: Project) -> ProjectSnapshot:
    """Copy what a save of *project* needs; call it on the thread that edits the project."""
    meta = {"format": FORMAT, "version": VERSION, "crs": project.crs.to_wkt() if project.crs else None,
            "settings": copy.deepcopy(project.settings), "view": copy.deepcopy(project.view),
            "zones": project.zones.to_dict() if project.zones is not None else None,
            "rasters": [r.to_dict() for r in project.rasters]}
    try:
        json.dumps(meta, ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        raise ProjectError(QT_TRANSLATE_NOOP(
            "errors", "The project settings cannot be saved: {reason}"), reason=str(exc)) from exc
    layers = tuple(SavedLayer(_layer_meta(lyr), lyr.data.copy()) for lyr in project.layers)
    model = project.zones
    if model is None:
        return ProjectSnapshot(meta, project.crs, layers, None, project.revision)
    members = {zid: zone.members for zid, zone in model.zones.items()}
    cached = {zid: (members[zid], shape) for zid, shape in model.cached_outlines().items() if zid in members}
    return ProjectSnapshot(meta, project.crs, layers, model.geometries, project.revision, model, cached)


def finish_save(project: Project, snap: ProjectSnapshot, path: str | Path) -> bool:
    """After *snap* reached *path*: keep the outlines it computed, mark the project saved.

    Call on the thread that edits the project. True when the project is clean (nothing
    changed since the snapshot).
    """
    if snap.zone_model is not None and project.zones is snap.zone_model:
        project.zones.keep_outlines(snap.outlines)
    return project.mark_saved(str(path), snap.revision)


def _layer_meta(layer) -> dict:
    return {"id": layer.id, "name": layer.name, "role": layer.role.value,
            "fields": {role.value: col for role, col in layer.fields.items()},
            "source": asdict(layer.source), "style": asdict(layer.style), "visible": layer.visible,
            "geometry": layer.data.geometry.name, "count": len(layer.data)}


def write_snapshot(snap: ProjectSnapshot, target: Path, *, feedback: Feedback | None = None) -> Path:
    """Write *snap* over *target* atomically; the project object is not touched.

    Raises ProjectError (the old file is unchanged) or Cancelled.
    """
    fb = ensure(feedback)
    with _turn(target):
        _refuse_unwritable(target)
        remove_stale_temps(target)
        folder = _temp_folder(target)
        try:
            _write_and_replace(snap, folder / target.name, target, fb)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
            _live.discard(str(folder))
    fb.progress(1.0)
    return target


# -- one save at a time, a private temp folder --------------------------------------------
_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()
_live: set[str] = set()  # temp folders of saves running in this process


@contextmanager
def _turn(target: Path):
    """Saves of the same file in this process wait for each other."""
    key = os.path.normcase(os.path.realpath(target))
    with _locks_guard:
        lock = _locks.setdefault(key, threading.Lock())
    with lock:
        yield


def _temp_folder(target: Path) -> Path:
    try:
        folder = Path(tempfile.mkdtemp(prefix=f".{target.stem}{TEMP_MARK}{os.getpid()}-",
                                       dir=target.parent))
    except OSError as exc:
        raise save_error(target, exc) from exc
    _live.add(str(folder))
    return folder


def _write_and_replace(snap: ProjectSnapshot, tmp: Path, target: Path, fb: Feedback) -> None:
    stage = "write"
    try:
        _write_all(snap, tmp, fb, target)
        fb.check()
        _fsync(tmp)
        _copy_mode(target, tmp)
        stage = "replace"
        os.replace(tmp, target)
        _fsync(target.parent)
    except Cancelled:
        raise
    except Exception as exc:  # any failure: the temp folder goes, the old file stays
        raise save_error(target, exc, replacing=stage == "replace") from exc


def _refuse_unwritable(target: Path) -> None:
    if target.is_dir():
        raise ProjectError(QT_TRANSLATE_NOOP(
            "errors", "{path} is a folder, not a project file. Use Save As and choose a file name."),
            path=str(target))
    if target.exists() and read_only(target):
        raise ProjectError(FILE_READ_ONLY, path=str(target))


def read_only(path: Path) -> bool:
    """Whether *path* is marked read-only (no write bit; also true for root and on Windows)."""
    mode = path.stat().st_mode
    return not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK)


def _copy_mode(target: Path, tmp: Path) -> None:
    """The new file keeps the old one's permissions."""
    try:
        os.chmod(tmp, stat.S_IMODE(target.stat().st_mode))
    except FileNotFoundError:
        pass


def remove_stale_temps(target: Path) -> None:
    """Leftovers of saves whose process is gone (or that failed here), never a live save's."""
    for tmp in target.parent.glob(f"{glob.escape('.' + target.stem + TEMP_MARK)}*"):
        pid = tmp.name[len(f".{target.stem}{TEMP_MARK}"):].split("-")[0].split(".")[0]
        if not pid.isdigit() or str(tmp) in _live:
            continue
        if int(pid) == os.getpid() or not pid_running(int(pid)):  # never os.kill: on Windows it ends the process
            if tmp.is_dir():
                shutil.rmtree(tmp, ignore_errors=True)
            else:
                _unlink(tmp)


def _unlink(path: Path) -> None:
    for p in (path, Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            p.unlink()
        except OSError:
            pass


def _fsync(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # directories cannot be fsynced on some systems
    finally:
        os.close(fd)


# -- what went wrong, in words the user can act on ----------------------------------------
FILE_READ_ONLY = QT_TRANSLATE_NOOP(
    "errors", "{path} is read-only, so it was not overwritten. Use Save As to save your changes "
              "under another name or in another folder.")
_DISK_FULL = QT_TRANSLATE_NOOP(
    "errors", "Could not save {path}: the disk is full. The file on disk is unchanged; free some "
              "space, or use Save As to save to another drive.")
_FOLDER_READ_ONLY = QT_TRANSLATE_NOOP(
    "errors", "Could not save {path}: the folder {folder} cannot be written to (it is read-only or "
              "you lack permission). The file on disk is unchanged; use Save As to save elsewhere.")
_IN_USE = QT_TRANSLATE_NOOP(
    "errors", "Could not replace {path}: another program may be using it, or you may not change it. "
              "The file on disk is unchanged; close the other program and save again, or use Save As.")
_FAILED = QT_TRANSLATE_NOOP("errors", "Could not save {path}: {reason}. The file on disk is unchanged.")


def save_error(target: Path, exc: BaseException, *, replacing: bool = False) -> ProjectError:
    """The ProjectError for a save of *target* that failed with *exc*."""
    code = getattr(exc, "errno", None)
    text = str(exc).lower()
    if code == errno.ENOSPC or "disk is full" in text or "no space left" in text:
        return ProjectError(_DISK_FULL, path=str(target))
    if replacing and code in (errno.EACCES, errno.EPERM, errno.EBUSY, errno.ETXTBSY, errno.EISDIR):
        return ProjectError(_IN_USE, path=str(target))
    if code in (errno.EACCES, errno.EPERM, errno.EROFS) or "permission denied" in text \
            or "read-only" in text:
        return ProjectError(_FOLDER_READ_ONLY, path=str(target), folder=str(target.parent))
    return ProjectError(_FAILED, path=str(target), reason=reason(exc))



# -- the tables ---------------------------------------------------------------------------
def _write_all(snap: ProjectSnapshot, tmp: Path, fb: Feedback, target: Path | None = None) -> None:
    meta = dict(snap.meta, saved=time.strftime("%Y-%m-%dT%H:%M:%S"), layers=[],
                rasters=[with_relative(e, target) for e in snap.meta.get("rasters", [])])
    used: set[str] = set()
    count = len(snap.layers) + 2
    for k, layer in enumerate(snap.layers):
        fb.check()
        fb.progress(k / count, layer.meta["name"])
        table = _table_name(layer.meta, used)
        frame, columns = encode(layer.data)
        _write_table(frame, tmp, table, crs=snap.crs or layer.data.crs)
        meta["layers"].append(dict(layer.meta, table=table, columns=columns))
    fb.check()
    if snap.meta["zones"] is not None:
        _write_zones(snap, tmp)
    fb.progress((count - 1) / count)
    rows = pd.DataFrame({"key": ["format", "version", "project"],
                         "value": [FORMAT, str(VERSION), json.dumps(meta, ensure_ascii=False)]})
    pyogrio.write_dataframe(rows, tmp, layer=META_TABLE, driver="GPKG")


def _write_table(frame: gpd.GeoDataFrame, path: Path, table: str, *, crs) -> None:
    if crs is not None:
        frame = frame.set_crs(crs, allow_override=True)
    kinds = set(frame.geometry.geom_type.dropna())
    pyogrio.write_dataframe(frame, path, layer=table, driver="GPKG", promote_to_multi=False,
                            geometry_type=None if kinds else "Unknown")


def _table_name(meta: dict, used: set[str]) -> str:
    base = "".join(ch for ch in meta["name"] if ch.isprintable() and ch not in '"`[]').strip()[:60]
    if not base or base.lower().startswith(("gpkg_", "rtree_", "sqlite_")):
        base = f"layer_{meta['id']}"
    name, k = base, 2
    while name.lower() in used or name.lower() in RESERVED:
        name, k = f"{base}_{k}", k + 1
    used.add(name.lower())
    return name


def _write_zones(snap: ProjectSnapshot, tmp: Path) -> None:
    """The zone outlines with their member ids, for any GIS (the plan itself is in the JSON)."""
    from gis.zones.outline import outlines

    plan = snap.meta["zones"]
    zones = plan["zones"]
    if snap.zone_geometries is None or not zones:
        return
    layer = next((lyr for lyr in snap.layers if lyr.meta["id"] == plan["layer_id"]), None)
    ids = layer.column(FieldRole.ID) if layer is not None else None
    hh = layer.column(FieldRole.HOUSEHOLDS) if layer is not None else None
    hh = pd.to_numeric(hh, errors="coerce").to_numpy(dtype=float) if hh is not None else None

    def member_ids(members):
        return [jsonable(v) for v in ids.iloc[members]] if ids is not None else members

    missing = [z for z in zones if z["id"] not in snap.outlines]
    if missing:  # outlines are costly (buffers of every member): only those not cached
        made = outlines(snap.zone_geometries, [z["members"] for z in missing], gap=float(plan["gap"]))
        snap.outlines.update({z["id"]: (frozenset(z["members"]), shape) for z, shape in zip(missing, made)})
    shapes = [snap.outlines[z["id"]][1] for z in zones]
    frame = gpd.GeoDataFrame({
        "zone_id": [z["id"] for z in zones], "name": [z["name"] for z in zones],
        "colour": [z["colour"] for z in zones], "compounds": [len(z["members"]) for z in zones],
        "member_ids": [json.dumps(member_ids(z["members"]), ensure_ascii=False, default=str)
                       for z in zones],
        "households": [float(np.nansum(hh[z["members"]])) if hh is not None else None for z in zones],
        "area_m2": [float(s.area) for s in shapes]}, geometry=shapes, crs=snap.crs)
    _write_table(frame, tmp, ZONES_TABLE, crs=snap.crs)
