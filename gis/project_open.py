"""Opening a project file that another program may have changed: what can be read, opens.

A layer whose table is gone or unreadable is left out, a missing column opens empty, text
where numbers were saved (SQLite lets any program write it) opens as empty values rather
than GDAL's silent 0, and a zone plan whose compounds changed is left out. Each of these
becomes a :class:`~gis.io.notices.Notice` in ``project.notices`` for the window to list.
"""

from __future__ import annotations

import sqlite3
import warnings
from dataclasses import fields
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
from pyproj import CRS

from gis.analysis.facilities import relabel_planned
from gis.domain import FieldRole, Role
from gis.errors import Cancelled
from gis.feedback import Feedback
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.notices import Notice, notice, short_list
from gis.layer import Layer, LayerStyle, SourceInfo
from gis.project import Project
from gis.project_codec import is_numeric_spec, missing, reason, restore
from gis.raster.layer import restore_rasters

_INTEGER_KINDS = ("integer", "null")
_REAL_KINDS = ("integer", "real", "null")


def build_project(path: Path, meta: dict, fb: Feedback) -> Project:
    """The project described by *meta*, with notices for what could not be restored."""
    crs = CRS.from_user_input(meta["crs"]) if meta.get("crs") else None
    project = Project(crs=crs)
    notes: list[Notice] = []
    entries = meta["layers"]
    con = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        for k, entry in enumerate(entries):
            fb.check()
            fb.progress(k / (len(entries) + 1), entry.get("name", ""))
            layer = _layer_or_notice(path, con, tables, entry, crs, notes)
            if layer is not None:
                relabel_planned(layer)
                project.layers.append(layer)
    finally:
        con.close()
    project.settings = dict(meta.get("settings") or {})
    project.view = dict(meta.get("view") or {})
    project.rasters = restore_rasters(meta.get("rasters") or [], path, notes)
    if meta.get("zones"):
        fb.progress(len(entries) / (len(entries) + 1))
        _attach_zones(project, meta, fb, notes)
    project.notices = notes
    project.layers_changed.emit()
    return project


def _layer_or_notice(path, con, tables, entry, crs, notes: list[Notice]) -> Layer | None:
    name = entry.get("name", entry.get("table", "?"))
    if entry.get("table") not in tables:
        notes.append(notice(QT_TRANSLATE_NOOP(
            "errors", "Layer {layer} was left out: its table {table} is missing from the file "
                      "(another program removed it)."), layer=name, table=entry.get("table")))
        return None
    try:
        return _read_layer(path, con, entry, crs, notes)
    except Cancelled:
        raise
    except Exception as exc:  # an unreadable table: open the rest
        notes.append(notice(QT_TRANSLATE_NOOP("errors", "Layer {layer} was left out: {reason}"),
                            layer=name, reason=reason(exc)))
        return None


def _read_layer(path: Path, con, entry: dict, crs, notes: list[Notice]) -> Layer:
    with warnings.catch_warnings():  # e.g. "referenced in gpkg_contents": already a notice
        warnings.simplefilter("ignore", RuntimeWarning)
        raw = pyogrio.read_dataframe(path, layer=entry["table"], fid_as_index=True)
    if len(raw) != entry["count"]:
        notes.append(notice(QT_TRANSLATE_NOOP(
            "errors", "Layer {layer} has {found} features, but the project saved {saved}: another "
                      "program changed it."), layer=entry["name"], found=len(raw), saved=entry["count"]))
    out = {}
    for spec in entry["columns"]:
        series = _column(con, raw, entry, spec, notes)
        out[spec["name"]] = restore(series, spec).reset_index(drop=True)
    data = gpd.GeoDataFrame(out, geometry=raw.geometry.values, index=pd.RangeIndex(len(raw)))
    if entry["geometry"] != "geometry":
        data = data.rename_geometry(entry["geometry"])
    if crs is not None:
        data = data.set_crs(crs, allow_override=True)
    known_roles = {r.value for r in FieldRole}
    return Layer(
        name=entry["name"], role=Role(entry["role"]), data=data,
        fields={FieldRole(r): c for r, c in entry["fields"].items() if r in known_roles},
        source=_dataclass_from(SourceInfo, entry.get("source")),
        visible=bool(entry.get("visible", True)),
        style=_dataclass_from(LayerStyle, entry.get("style")), id=entry["id"])


def _column(con, raw: gpd.GeoDataFrame, entry: dict, spec: dict, notes: list[Notice]) -> pd.Series:
    """One stored column as saved, or repaired with a notice."""
    stored, table = spec["stored"], entry["table"]
    if stored not in raw.columns:
        notes.append(notice(QT_TRANSLATE_NOOP(
            "errors", "Layer {layer}: column {column} is missing from the file; it was opened empty."),
            layer=entry["name"], column=spec["name"]))
        return pd.Series([None] * len(raw), index=raw.index, dtype=object)
    series = raw[stored]
    if is_numeric_spec(spec):
        return _numbers(con, series, table, stored, spec, entry["name"], notes)
    if pd.api.types.is_numeric_dtype(series.dtype) and spec["dtype"] in ("str", "string", "object",
                                                                        "category"):
        # the column was re-declared as numbers: GDAL would read its text as 0
        values = _sqlite_values(con, table, stored, "1")
        return values.reindex(series.index).map(lambda v: None if missing(v) else str(v))
    return series


def _numbers(con, series: pd.Series, table: str, stored: str, spec: dict, layer: str,
             notes: list[Notice]) -> pd.Series:
    """Numbers as saved; cells holding text become empty (never GDAL's silent 0)."""
    integer = spec["dtype"].lower().startswith(("int", "uint", "bool"))
    kinds = _INTEGER_KINDS if integer else _REAL_KINDS
    odd = _sqlite_values(con, table, stored, f"typeof({_quote(stored)}) NOT IN {kinds!r}")
    if odd.empty:
        return series
    parsed = pd.to_numeric(odd.map(lambda v: str(v).strip()), errors="coerce")
    if integer:
        parsed = parsed.where(parsed.notna() & (parsed % 1 == 0))
    bad = odd[parsed.isna()]
    fixed = series.astype(object).copy()
    common = odd.index.intersection(fixed.index)
    fixed.loc[common] = [None if pd.isna(v) else (int(v) if integer else float(v)) for v in parsed[common]]
    if len(bad):
        notes.append(notice(QT_TRANSLATE_NOOP(
            "errors", "Layer {layer}: {count} values of column {column} are not numbers (e.g. {examples}); "
                      "they were opened as empty values."),
            layer=layer, column=spec["name"], count=len(bad), examples=short_list(bad.astype(str), 3)))
    return pd.to_numeric(fixed, errors="coerce") if not integer else fixed


def _sqlite_values(con, table: str, column: str, where: str) -> pd.Series:
    rows = con.execute(f"SELECT fid, {_quote(column)} FROM {_quote(table)} WHERE {where}").fetchall()
    return pd.Series([v for _, v in rows], index=[f for f, _ in rows], dtype=object)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _dataclass_from(cls, values: dict | None):
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in (values or {}).items() if k in names})



# -- the zone plan ---------------------------------------------------------------------------
def _attach_zones(project: Project, meta: dict, fb: Feedback, notes: list[Notice]) -> None:
    plan = meta["zones"]
    saved = {e["id"]: e for e in meta["layers"]}
    compounds = next((lyr for lyr in project.layers if lyr.id == plan.get("layer_id")), None)
    if compounds is None or len(compounds.data) != saved[compounds.id]["count"]:
        notes.append(notice(QT_TRANSLATE_NOOP(
            "errors", "The renovation zones were left out: their compounds layer is missing or was "
                      "changed by another program.")))
        return
    if plan.get("barrier_layer_id") and all(lyr.id != plan["barrier_layer_id"] for lyr in project.layers):
        notes.append(notice(QT_TRANSLATE_NOOP(
            "errors", "The barrier layer of the renovation zones is missing; neighbours are found "
                      "without barriers.")))
    try:
        project.set_zones(_read_zones(project, compounds, plan, fb))
    except Cancelled:
        raise
    except Exception as exc:  # a hand-edited plan: the layers still open
        notes.append(notice(QT_TRANSLATE_NOOP(
            "errors", "The renovation zones were left out: {reason}"), reason=reason(exc)))


def _read_zones(project: Project, compounds: Layer, data: dict, fb: Feedback):
    from gis.analysis.zones import NeighbourRule, neighbour_graph
    from gis.zones.barriers import BarrierChoice
    from gis.zones.model import ZoneModel

    barriers = next((lyr for lyr in project.layers if lyr.id == data.get("barrier_layer_id")), None)
    choice = BarrierChoice.from_dict(data.get("barrier_filter"))
    adjacency = neighbour_graph(NeighbourRule(compounds, barriers, choice, gap_m=float(data["gap"])), feedback=fb)
    return ZoneModel.from_dict(data, adjacency, compounds.data.geometry.values)
