"""Save and open a project as ONE GeoPackage file.

The file holds every layer as a GeoPackage table in the working CRS, the zone outlines
as ``renovation_zones`` (so any GIS can show them), and a non-spatial table
``planner_project`` whose JSON describes the project: layer order, names, roles, field
mapping, source info, style and visibility, the column names and dtypes needed to
restore each table exactly, the zone plan (members by fid), the settings and the map
view.

Saving is atomic: everything is written to a temporary file in the same folder,
flushed to disk and only then moved over the old file with :func:`os.replace`, so a
crash or an error mid-save leaves the previous file as it was.

Exactness: geometries, attribute values and dtypes round-trip (numbers, nullable
integers and booleans, strings incl. Chinese, datetimes to the millisecond,
categories). Object columns holding mixed Python values come back as text.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from dataclasses import asdict, fields
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely
from pyproj import CRS

from gis.domain import FieldRole, Role
from gis.errors import Cancelled, GisError, ProjectError
from gis.feedback import Feedback, ensure
from gis.i18n import QT_TRANSLATE_NOOP
from gis.layer import Layer, LayerStyle, SourceInfo
from gis.project import Project

FORMAT = "old-compound-planner"
VERSION = 1
META_TABLE = "planner_project"
ZONES_TABLE = "renovation_zones"
SUFFIX = ".gpkg"
_RESERVED = {META_TABLE, ZONES_TABLE}
_GPKG_COLUMNS = {"fid", "geom"}


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
    is *path* and the project is clean (not dirty).

    Raises
    ------
    ProjectError
        No path, a folder that does not exist, a name not ending in .gpkg, settings
        that cannot be written as JSON, or a failed write (the message gives the reason).
    """
    fb = ensure(feedback)
    target = _target(project, path)
    meta = _project_meta(project)
    tmp = target.with_name(f".{target.stem}.saving-{os.getpid()}{SUFFIX}")
    _remove_stale_temps(target)
    try:
        _write_all(project, meta, tmp, fb)
        _fsync(tmp)
        os.replace(tmp, target)
        _fsync(target.parent)
    except Cancelled:
        _unlink(tmp)
        raise
    except Exception as exc:  # any failure: drop the partial file, keep the old one
        _unlink(tmp)
        raise ProjectError(QT_TRANSLATE_NOOP(
            "errors", "Could not save {path}: {reason}. The file on disk is unchanged."),
            path=str(target), reason=_reason(exc)) from exc
    project.path = str(target)
    project.mark_dirty(False)
    fb.progress(1.0)
    return target


def open_project(path: str | Path, *, feedback: Feedback | None = None) -> Project:
    """Read a project saved by :func:`save_project`, exactly as it was saved.

    Raises
    ------
    ProjectError
        The file is missing, is not a GeoPackage, is a GeoPackage of another program,
        was written by a newer version, or is damaged.
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
        project = _build_project(path, meta, fb)
    except Cancelled:
        raise
    except Exception as exc:  # a damaged or hand-edited file: say so, never crash
        raise ProjectError(QT_TRANSLATE_NOOP(
            "errors", "{path} is damaged and cannot be opened: {reason}"),
            path=str(path), reason=_reason(exc)) from exc
    project.path = str(path)
    project.mark_dirty(False)
    fb.progress(1.0)
    return project


# -- saving -------------------------------------------------------------------------------
def _target(project: Project, path) -> Path:
    if path is None and project.path is None:
        raise ProjectError(QT_TRANSLATE_NOOP("errors", "Choose a file name to save the project."))
    target = Path(path if path is not None else project.path).absolute()
    if target.suffix.lower() != SUFFIX:
        raise ProjectError(QT_TRANSLATE_NOOP(
            "errors", "Project files end in .gpkg; {path} does not."), path=str(target))
    if not target.parent.is_dir():
        raise ProjectError(QT_TRANSLATE_NOOP(
            "errors", "The folder {folder} does not exist."), folder=str(target.parent))
    return target


def _project_meta(project: Project) -> dict:
    meta = {"format": FORMAT, "version": VERSION, "saved": time.strftime("%Y-%m-%dT%H:%M:%S"),
            "crs": project.crs.to_wkt() if project.crs is not None else None,
            "settings": project.settings, "view": project.view, "layers": [], "zones": None}
    if project.zones is not None:
        meta["zones"] = project.zones.to_dict()
    try:
        json.dumps(meta, ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        raise ProjectError(QT_TRANSLATE_NOOP(
            "errors", "The project settings cannot be saved: {reason}"), reason=str(exc)) from exc
    return meta


def _write_all(project: Project, meta: dict, tmp: Path, fb: Feedback) -> None:
    used: set[str] = set()
    count = len(project.layers) + 2
    for k, layer in enumerate(project.layers):
        fb.check()
        fb.progress(k / count, layer.name)
        table = _table_name(layer, used)
        frame, columns = _encode(layer.data)
        _write_table(frame, tmp, table, crs=project.crs or layer.data.crs)
        meta["layers"].append(_layer_meta(layer, table, columns))
    fb.check()
    if project.zones is not None:
        _write_zones(project, tmp)
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


def _layer_meta(layer: Layer, table: str, columns: list[dict]) -> dict:
    return {"id": layer.id, "name": layer.name, "role": layer.role.value, "table": table,
            "fields": {role.value: col for role, col in layer.fields.items()},
            "source": asdict(layer.source), "style": asdict(layer.style), "visible": layer.visible,
            "geometry": layer.data.geometry.name, "columns": columns, "count": len(layer.data)}


def _table_name(layer: Layer, used: set[str]) -> str:
    base = "".join(ch for ch in layer.name if ch.isprintable() and ch not in '"`[]').strip()[:60]
    if not base or base.lower().startswith(("gpkg_", "rtree_", "sqlite_")):
        base = f"layer_{layer.id}"
    name, k = base, 2
    while name.lower() in used or name.lower() in _RESERVED:
        name, k = f"{base}_{k}", k + 1
    used.add(name.lower())
    return name


def _encode(data: gpd.GeoDataFrame) -> tuple[gpd.GeoDataFrame, list[dict]]:
    """A frame GeoPackage can store (safe column names, plain dtypes) + how to undo it."""
    geom = data.geometry.name
    out, columns, taken = {}, [], set(_GPKG_COLUMNS)
    for name in data.columns:
        if name == geom:
            continue
        stored = _stored_name(str(name), taken)
        series = data[name]
        spec = {"name": name, "stored": stored, "dtype": str(series.dtype)}
        if isinstance(series.dtype, pd.CategoricalDtype):
            spec["categories"] = [_jsonable(c) for c in series.cat.categories]
            spec["ordered"] = bool(series.cat.ordered)
        out[stored] = series if _native(series) else _as_text(series)
        columns.append(spec)
    frame = gpd.GeoDataFrame(out, geometry=data.geometry.values, crs=data.crs, index=data.index)
    return frame, columns


def _stored_name(name: str, taken: set[str]) -> str:
    stored, k = name or "field", 2
    while stored.lower() in taken:
        stored, k = f"{name}_{k}", k + 1
    taken.add(stored.lower())
    return stored


def _native(series: pd.Series) -> bool:
    """Whether GeoPackage stores the column as it is (else it goes as text)."""
    t, dtype = pd.api.types, series.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        return False
    return (isinstance(dtype, pd.StringDtype) or t.is_bool_dtype(dtype) or t.is_integer_dtype(dtype)
            or t.is_float_dtype(dtype) or t.is_datetime64_any_dtype(dtype))


def _as_text(series: pd.Series) -> pd.Series:
    if str(series.dtype) == "geometry":
        values = shapely.to_wkt(np.asarray(series.values, dtype=object))
        return pd.Series(values, index=series.index, dtype=object)
    return series.astype(object).map(lambda v: None if _missing(v) else str(v))


def _missing(value) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _jsonable(value):
    return value.item() if isinstance(value, np.generic) else value


def _write_zones(project: Project, tmp: Path) -> None:
    """The zone outlines with their member ids, for any GIS (the plan itself is in the JSON)."""
    model = project.zones
    zones = list(model.zones.values())
    if model.geometries is None or not zones:
        return
    layer = next((lyr for lyr in project.layers if lyr.id == model.layer_id), None)
    ids = layer.column(FieldRole.ID) if layer is not None else None
    hh = layer.column(FieldRole.HOUSEHOLDS) if layer is not None else None
    hh = pd.to_numeric(hh, errors="coerce").to_numpy(dtype=float) if hh is not None else None

    def member_ids(zone):
        fids = sorted(zone.members)
        return [_jsonable(v) for v in ids.iloc[fids]] if ids is not None else fids

    shapes = [model.outline(z.id) for z in zones]
    frame = gpd.GeoDataFrame({
        "zone_id": [z.id for z in zones], "name": [z.name for z in zones],
        "colour": [z.colour for z in zones], "compounds": [len(z.members) for z in zones],
        "member_ids": [json.dumps(member_ids(z), ensure_ascii=False, default=str) for z in zones],
        "households": [float(np.nansum(hh[sorted(z.members)])) if hh is not None else None
                       for z in zones],
        "area_m2": [float(s.area) for s in shapes]}, geometry=shapes, crs=project.crs)
    _write_table(frame, tmp, ZONES_TABLE, crs=project.crs)


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


def _unlink(path: Path) -> None:
    for p in (path, Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            p.unlink()
        except OSError:
            pass


def _remove_stale_temps(target: Path) -> None:
    """Leftovers of saves that crashed (their process is gone)."""
    for tmp in target.parent.glob(f".{target.stem}.saving-*{SUFFIX}"):
        pid = tmp.name[len(f".{target.stem}.saving-"):-len(SUFFIX)]
        if pid.isdigit() and (int(pid) == os.getpid() or not _alive(int(pid))):
            _unlink(tmp)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _reason(exc: BaseException) -> str:
    text = exc.message if isinstance(exc, GisError) else str(exc)
    return (text.splitlines() or [type(exc).__name__])[0]


# -- opening ------------------------------------------------------------------------------
def _read_meta(path: Path) -> dict:
    if not path.is_file():
        raise ProjectError(QT_TRANSLATE_NOOP("errors", "{path} does not exist."), path=str(path))
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


def _not_gpkg(path: Path) -> ProjectError:
    return ProjectError(QT_TRANSLATE_NOOP(
        "errors", "{path} is not a GeoPackage project file."), path=str(path))


def _not_ours(path: Path) -> ProjectError:
    return ProjectError(QT_TRANSLATE_NOOP(
        "errors", "{path} is a GeoPackage, but not a project of this planner. Add its layers "
                  "to a project instead (Add layer)."), path=str(path))


def _build_project(path: Path, meta: dict, fb: Feedback) -> Project:
    crs = CRS.from_user_input(meta["crs"]) if meta.get("crs") else None
    project = Project(crs=crs)
    entries = meta["layers"]
    for k, entry in enumerate(entries):
        fb.check()
        fb.progress(k / (len(entries) + 1), entry.get("name", ""))
        project.layers.append(_read_layer(path, entry, crs))
    project.settings = dict(meta.get("settings") or {})
    project.view = dict(meta.get("view") or {})
    if meta.get("zones"):
        fb.progress(len(entries) / (len(entries) + 1))
        project.set_zones(_read_zones(project, meta["zones"], fb))
    project.layers_changed.emit()
    return project


def _read_layer(path: Path, entry: dict, crs) -> Layer:
    raw = pyogrio.read_dataframe(path, layer=entry["table"])
    if len(raw) != entry["count"]:
        raise ValueError(f"table {entry['table']} has {len(raw)} rows, expected {entry['count']}")
    data = _decode(raw, entry["columns"], entry["geometry"], crs)
    known_roles = {r.value for r in FieldRole}
    return Layer(
        name=entry["name"], role=Role(entry["role"]), data=data,
        fields={FieldRole(r): c for r, c in entry["fields"].items() if r in known_roles},
        source=_dataclass_from(SourceInfo, entry.get("source")),
        visible=bool(entry.get("visible", True)),
        style=_dataclass_from(LayerStyle, entry.get("style")), id=entry["id"])


def _dataclass_from(cls, values: dict | None):
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in (values or {}).items() if k in names})


def _decode(raw: gpd.GeoDataFrame, columns: list[dict], geometry: str, crs) -> gpd.GeoDataFrame:
    out = {}
    for spec in columns:
        out[spec["name"]] = _restore(raw[spec["stored"]], spec)
    frame = gpd.GeoDataFrame(out, geometry=raw.geometry.values, index=pd.RangeIndex(len(raw)))
    if geometry != "geometry":
        frame = frame.rename_geometry(geometry)
    return frame.set_crs(crs, allow_override=True) if crs is not None else frame


def _restore(series: pd.Series, spec: dict) -> pd.Series:
    dtype = spec["dtype"]
    if dtype == "category":
        lookup = {str(c): c for c in spec["categories"]}
        values = series.astype(object).map(lambda v: None if _missing(v) else lookup.get(v, v))
        return pd.Series(pd.Categorical(values, categories=spec["categories"],
                                        ordered=spec["ordered"]), index=series.index)
    if dtype == "object":
        return series.astype(object).where(series.notna(), None)
    if dtype == "geometry":
        return gpd.GeoSeries(shapely.from_wkt(series.astype(object).where(series.notna(), None)),
                             index=series.index)
    if dtype.startswith("timedelta"):
        return pd.to_timedelta(series).astype(dtype)
    try:
        return series.astype(dtype)
    except (TypeError, ValueError):
        return series


def _read_zones(project: Project, data: dict, fb: Feedback):
    from gis.analysis.zones import NeighbourRule, neighbour_graph
    from gis.zones.model import ZoneModel

    compounds = next((lyr for lyr in project.layers if lyr.id == data.get("layer_id")), None)
    if compounds is None:
        raise ValueError("the zone plan's compounds layer is missing")
    from gis.zones.barriers import BarrierChoice

    barriers = next((lyr for lyr in project.layers if lyr.id == data.get("barrier_layer_id")), None)
    choice = BarrierChoice.from_dict(data.get("barrier_filter"))
    adjacency = neighbour_graph(NeighbourRule(compounds, barriers, choice, gap_m=float(data["gap"])), feedback=fb)
    return ZoneModel.from_dict(data, adjacency, compounds.data.geometry.values)
