"""Import orchestration: inspect a file (everything the dialog and the CLI show), build a Layer.

::

    report = inspect_file("小区边界.shp")                # read, repair, detect, guess
    report.crs.needs_choice, report.crs.candidates      # ask the user when needed
    report = inspect_file(path, source_crs="EPSG:4548")  # … and read again with the answer
    layer = build_layer(report, role=Role.COMPOUNDS)     # typed fields, metric CRS

:func:`read_layer` does both steps at once. Bad input raises :class:`DataReadError`,
:class:`CrsError` or :class:`FieldMappingError` with a message that says what to do.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS

from gis.crs import WGS84, describe, metric_crs_for
from gis.domain import FieldRole, Role
from gis.errors import CrsError, DataReadError, FieldMappingError
from gis.feedback import Feedback, ensure
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io import crs_detect, limits
from gis.io.chinese_datums import geometries_to_wgs84
from gis.io.crs_detect import LONLAT_UNDECLARED, CrsInfo, Spread, infer_crs, parse_source_crs
from gis.io.crs_memory import CrsMemory, recall_noted
from gis.io.encoding import EncodingInfo
from gis.io.facilities import FacilityRules, value_summary
from gis.io.fields import ROLE_FIELDS, guess_fields, typed_columns
from gis.io.formats import read_raw
from gis.io.notices import Notice, coded, notice, short_list
from gis.io.raw import RawLayer, plain_values
from gis.io.repair import REPAIR_KEYS, oversized_notices, repair
from gis.io.reproject import reproject
from gis.io.roles import guess_role, non_residential
from gis.io.sources import open_source
from gis.layer import Layer, SourceInfo
from gis.role_style import role_style

FACILITY_COLUMN = "facility_type"
DUPLICATE_COLUMN = "duplicate_of"
_GEOMETRY_TYPES = {"polygon": "Polygon", "line": "LineString", "point": "Point"}


@dataclass
class ImportReport:
    """What was read and found; ``data`` is repaired and in ``crs.crs`` (None: must choose)."""

    path: str
    driver: str
    layer: str | None
    layers: list[str]
    data: gpd.GeoDataFrame
    family: str
    crs: CrsInfo
    encoding: EncodingInfo | None
    role: Role
    role_reasons: list[Notice]
    field_map: dict[FieldRole, str]
    repairs: dict[str, int]
    notices: list[Notice] = field(default_factory=list)
    duplicate_of: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))
    rules: FacilityRules | None = None
    facility_overrides: dict[str, str | None] = field(default_factory=dict)

    # -- what the dialog shows ---------------------------------------------------------
    @property
    def features(self) -> int:
        return len(self.data)

    @property
    def geometry_type(self) -> str:
        base = _GEOMETRY_TYPES[self.family]
        multi = self.data.geom_type.str.startswith("Multi").any() if len(self.data) else False
        return f"Multi{base}" if multi else base

    @property
    def bounds_wgs84(self) -> list[float] | None:
        if self.crs.crs is None or not len(self.data):
            return None
        return _bounds_wgs84(self.data, self.crs.crs)

    @property
    def warnings(self) -> list[str]:
        return [n.message for n in self.notices]

    def fields(self) -> list[dict]:
        """Attribute columns with their type and mapped role (None when unmapped)."""
        by_column = {col: role for role, col in self.field_map.items()}
        return [{"name": str(c), "dtype": str(self.data[c].dtype),
                 "role": by_column[c].value if c in by_column else None}
                for c in self.data.columns if c != self.data.geometry.name]

    def facility_types(self, overrides: dict[str, str | None] | None = None) -> pd.Series | None:
        """Facility type key per feature (facility layers only)."""
        if self.role is not Role.FACILITIES:
            return None
        return classify_facilities(self.data, self.field_map, self.rules or FacilityRules.load(),
                                   overrides if overrides is not None else self.facility_overrides)

    def facility_summary(self) -> pd.DataFrame | None:
        """Distinct category (or name) values with count and type, for an editable table."""
        types = self.facility_types()
        if types is None:
            return None
        column = self.field_map.get(FieldRole.FACILITY_TYPE) or self.field_map.get(FieldRole.NAME)
        return value_summary(self.data[column], types) if column else None

    def mapped(self, rows: slice | None = None) -> pd.DataFrame:
        """Mapped attributes (typed), one column per field role, for the rows given."""
        part = self.data if rows is None else self.data.iloc[rows]
        typed, _ = typed_columns(part, self.field_map)
        out = pd.DataFrame({role.value: typed[col] for role, col in self.field_map.items()},
                           index=part.index)
        if self.role is Role.FACILITIES:
            out[FieldRole.FACILITY_TYPE.value] = classify_facilities(
                part, self.field_map, self.rules or FacilityRules.load(), self.facility_overrides)
        return out

    def sample(self, n: int = 3) -> list[dict]:
        """The first *n* features' mapped attributes as plain JSON values."""
        return [{k: _plain(v) for k, v in row.items()}
                for row in self.mapped(slice(0, n)).to_dict(orient="records")]

    def preview(self, n: int = 500) -> gpd.GeoDataFrame:
        """The first *n* features in WGS 84 (for a preview map and table)."""
        if self.crs.crs is None:
            raise _choose_crs_error(self)
        return self.data.head(n).to_crs(WGS84)

    def to_json(self) -> dict:
        """The ``inspect --json`` object."""
        return {
            "path": self.path, "driver": self.driver, "layer": self.layer, "layers": self.layers,
            "features": self.features, "geometry_type": self.geometry_type,
            "crs": self.crs.to_json(),
            "crs_candidates": [c.to_json() for c in self.crs.candidates]
            if self.crs.source == "inferred" else [],
            "encoding": self.encoding.to_json() if self.encoding else None,
            "bounds_wgs84": self.bounds_wgs84,
            "role": self.role.value, "role_reasons": [n.message for n in self.role_reasons],
            "fields": self.fields(), "repairs": dict(self.repairs), "warnings": self.warnings,
            "sample": self.sample(3),
        }


# -- public entry points -------------------------------------------------------------------
def inspect_file(path: str | Path, *, layer: str | None = None, encoding: str | None = None,
                 source_crs: str | None = None, role: Role | str | None = None,
                 fields: dict | None = None, facility_overrides: dict | None = None,
                 rules: FacilityRules | None = None, geometry_family: str | None = None,
                 memory: CrsMemory | None = None, near: tuple[float, float] | None = None,
                 feedback: Feedback | None = None) -> ImportReport:
    """Read *path* and find out everything about it (see the module text).

    Parameters
    ----------
    layer : layer, CAD layer, sheet, or dataset inside a zip (default: the first).
    encoding : override the attribute encoding.
    source_crs : the user's answer: ``EPSG:xxxx``, WKT, ``gcj02`` or ``bd09``.
    role, fields : override the guessed layer role and field mapping.
    memory : where CRS answers are remembered per file (none by default).
    near : lon/lat of the project's centre, to rank zone candidates.
    """
    origin = str(Path(path))
    fb = limits.Deadline(feedback, path=Path(origin).name)
    rules = rules or FacilityRules.load()
    raw, fixed, counts, notes = _read_and_repair(path, layer, encoding, geometry_family, fb)
    answer = source_crs or recall_noted(memory, path, raw.layer, notes)
    crs_info, data, dropped = resolve_crs(fixed.data, raw, answer=answer, source_path=origin,
                                          near=near, history=memory.recent_epsg() if memory else ())
    dup = fixed.duplicate_of
    if dropped is not None:
        counts["out_of_range_dropped"] = int(dropped.sum())
        dup = _reindex_duplicates(dup, dropped)
    if source_crs and memory is not None:
        memory.remember(path, source_crs, raw.layer)
    fb.progress(0.9, "")
    notes += crs_info.notices + _datum_hint(origin, data, crs_info, notes) + oversized_notices(data, fixed.family)
    chosen_role, reasons, field_map, extra = _roles_and_fields(data, fixed.family, raw, origin,
                                                               role, fields, rules)
    fb.progress(1.0, "")
    return ImportReport(origin, raw.driver, raw.layer, raw.layers, data, fixed.family, crs_info,
                        raw.encoding, chosen_role, reasons, field_map, counts, notes + extra, dup,
                        rules, dict(facility_overrides or {}))


def _read_and_repair(path, layer, encoding, family, fb: Feedback):
    """Read the dataset and clean its geometries; DataReadError when nothing usable is left."""
    with open_source(path, layer, feedback=fb.sub(0.0, 0.1)) as (source, inner, members):
        raw = read_raw(source, layer=inner, encoding=encoding, feedback=fb.sub(0.1, 0.6))
        if members:
            raw.layers, raw.layer = members, source.member
    _require_features(raw, str(path))
    raw.data = plain_values(raw.data)
    _within_vertex_cap(raw.data, path)
    fixed = repair(raw.data, family=family, prefer=raw.prefer_family, feedback=fb.sub(0.6, 0.8))
    if not len(fixed.data):
        raise DataReadError(QT_TRANSLATE_NOOP(
            "errors", "None of the {n} features in {path} has a usable geometry ({details})."),
            n=len(raw.data), path=str(path),
            details=", ".join(f"{k} {v}" for k, v in fixed.counts.items() if v))
    fb.check()
    counts = {**dict.fromkeys(REPAIR_KEYS, 0), **raw.counts, **fixed.counts}
    return raw, fixed, counts, raw.notices + fixed.notices


def _within_vertex_cap(data: gpd.GeoDataFrame, path) -> None:
    """Refuse a layer with more coordinates than ``max_vertices`` before repairs work on it."""
    count = int(shapely.get_num_coordinates(np.asarray(data.geometry.values)).sum())
    if count > limits.active().max_vertices:
        raise limits.exceeded("max_vertices", path=Path(str(path)).name, value=f"{count:,}")


def build_layer(report: ImportReport, *, crs: CRS | str | None = None, name: str | None = None,
                role: Role | str | None = None, fields: dict | None = None,
                facility_overrides: dict | None = None,
                feedback: Feedback | None = None) -> Layer:
    """The :class:`Layer` for *report*: mapped columns typed, facility types classified,
    duplicates flagged, reprojected to *crs* (default: the metric working CRS for the data).
    """
    fb = ensure(feedback)
    if report.crs.unanswered:
        raise _choose_crs_error(report)
    role = Role(role) if role is not None else report.role
    field_map = _validated_fields(report.data, fields) if fields is not None else (
        report.field_map if role is report.role else
        guess_fields(report.data, roles=ROLE_FIELDS.get(role)))
    data, notes = typed_columns(report.data, field_map)
    field_map = dict(field_map)
    if role is Role.FACILITIES:
        overrides = facility_overrides if facility_overrides is not None else report.facility_overrides
        column = _free_name(data, FACILITY_COLUMN, reuse=field_map.get(FieldRole.FACILITY_TYPE))
        data[column] = classify_facilities(report.data, field_map, report.rules or FacilityRules.load(),
                                           overrides)
        field_map[FieldRole.FACILITY_TYPE] = column
    if (report.duplicate_of >= 0).any():
        flags = pd.Series(report.duplicate_of, index=data.index)
        data[_free_name(data, DUPLICATE_COLUMN)] = flags.where(flags >= 0).astype("Int64")
    fb.check()
    target = CRS.from_user_input(crs) if crs is not None else _working_crs(report)
    data = reproject(data, target, feedback=fb)
    fb.progress(1.0, "")
    source = SourceInfo(
        path=report.path, layer=report.layer, driver=report.driver,
        encoding=report.encoding.name if report.encoding else None,
        encoding_source=report.encoding.source if report.encoding else None,
        crs=report.crs.crs.to_string(), crs_source=report.crs.source,
        datum_shift=report.crs.datum_shift, repairs={k: v for k, v in report.repairs.items() if v},
        warnings=report.warnings + [n.message for n in notes])
    return Layer(name=name or _layer_name(report), role=role, data=data, fields=field_map,
                 source=source, style=role_style(role, field_map))


def read_layer(path: str | Path, *, crs: CRS | str | None = None, name: str | None = None,
               feedback: Feedback | None = None, **options) -> Layer:
    """:func:`inspect_file` then :func:`build_layer` (options as for :func:`inspect_file`)."""
    fb = ensure(feedback)
    report = inspect_file(path, feedback=fb.sub(0.0, 0.8), **options)
    return build_layer(report, crs=crs, name=name, feedback=fb.sub(0.8, 1.0))


def classify_facilities(data: pd.DataFrame, field_map: dict[FieldRole, str],
                        rules: FacilityRules, overrides: dict | None) -> pd.Series:
    """Facility type keys from the mapped name and category columns."""
    names_col = field_map.get(FieldRole.NAME)
    cat_col = field_map.get(FieldRole.FACILITY_TYPE)
    names = data[names_col] if names_col in data.columns else None
    cats = data[cat_col] if cat_col in data.columns else None
    if names is None and cats is None:
        return pd.Series(pd.NA, index=data.index, dtype="string")
    return rules.classify(names, cats, overrides=overrides)


# -- coordinate systems ---------------------------------------------------------------------
def resolve_crs(data: gpd.GeoDataFrame, raw: RawLayer, *, answer: str | None, source_path: str,
                near=None, history=()) -> tuple[CrsInfo, gpd.GeoDataFrame, np.ndarray | None]:
    """The layer's CRS (user answer → declared → inferred), checked against the numbers.

    Returns the CRS info, the data in that CRS (WGS 84 after a GCJ-02/BD-09 shift) and the
    mask of features dropped as out of range (None when none were checked).
    """
    user_crs, datum = parse_source_crs(answer) if answer else (None, None)
    x, y = _centres(data)
    unusable = raw.declared_crs is not None and not crs_detect.converts(raw.declared_crs)
    if user_crs is not None:
        info = CrsInfo(user_crs, "user")
    elif datum is not None:
        info = _datum_info(raw, datum, source_path)
    elif raw.declared_crs is not None and not unusable:
        info = CrsInfo(raw.declared_crs, raw.crs_source or "metadata")
    else:
        info = infer_crs(x, y, geographic_epsg=raw.geographic_epsg, near=near, history=history)
        if unusable:
            info.notices.insert(0, notice(QT_TRANSLATE_NOOP(
                "io", "The coordinate system the file declares ({crs}) cannot be converted to WGS 84 "
                      "(a damaged definition); it was ignored and inferred from the numbers."),
                crs=raw.declared_crs.name))
        if info.crs is None:
            return info, data.set_crs(None, allow_override=True), None
    bad = crs_detect.out_of_range(info.crs, x, y)
    if bad.mean() > 0.5:
        raise _mismatch_error(info, x, y, raw, source_path)
    if bad.any():
        data = data.loc[~bad].reset_index(drop=True)
        info.notices.append(notice(QT_TRANSLATE_NOOP(
            "io", "{n} features lie far outside the area of {crs} (bad coordinates) and were "
                  "dropped."), n=int(bad.sum()), crs=describe(info.crs)))
    data = data.set_crs(info.crs, allow_override=True)
    if datum is not None:
        data = data.set_geometry(geometries_to_wgs84(data.geometry.values, datum), crs=WGS84)
        info.crs, info.datum_shift = WGS84, datum
    _sanity_notices(info, data)
    return info, data, bad


def _datum_info(raw: RawLayer, datum: str, source_path: str) -> CrsInfo:
    declared = raw.declared_crs
    if declared is not None and not declared.is_geographic:
        raise CrsError(QT_TRANSLATE_NOOP(
            "errors", "{path} is in {crs}, a projected system; {datum} applies only to lon/lat "
                      "coordinates. Do not mark this layer as {datum}."),
            path=source_path, crs=describe(declared), datum=datum)
    return CrsInfo(CRS.from_epsg(4326), "user")


def _centres(data: gpd.GeoDataFrame) -> tuple[np.ndarray, np.ndarray]:
    b = shapely.bounds(np.asarray(data.geometry.values, dtype=object))
    return (b[:, 0] + b[:, 2]) / 2.0, (b[:, 1] + b[:, 3]) / 2.0


def _mismatch_error(info: CrsInfo, x, y, raw: RawLayer, path: str) -> CrsError:
    spread = Spread.of(x, y)
    guess = infer_crs(x, y, geographic_epsg=raw.geographic_epsg)
    if guess.crs is not None:
        hint = f"EPSG:{guess.epsg} ({guess.crs.name})"
    elif guess.candidates:
        hint = ", ".join(f"EPSG:{c.epsg}" for c in guess.candidates[:3])
    else:
        return CrsError(QT_TRANSLATE_NOOP(
            "errors", "The coordinates in {path} ({range}) do not fit its coordinate system {crs} "
                      "(from {source}), nor any system used in China. Georeference the data or "
                      "choose the right coordinate system (source CRS)."),
            path=path, range=spread.text(), crs=describe(info.crs), source=info.source)
    return CrsError(QT_TRANSLATE_NOOP(
        "errors", "The coordinates in {path} ({range}) do not fit its coordinate system {crs} "
                  "(from {source}). They look like {hint}. Choose the right coordinate system "
                  "(source CRS)."),
        path=path, range=spread.text(), crs=describe(info.crs), source=info.source, hint=hint)


def _sanity_notices(info: CrsInfo, data: gpd.GeoDataFrame) -> None:
    if crs_detect.is_legacy_datum(info.crs):
        info.notices.append(crs_detect.legacy_datum_notice(info.crs))
    bounds = _bounds_wgs84(data, info.crs)
    lon, lat = (bounds[0] + bounds[2]) / 2.0, (bounds[1] + bounds[3]) / 2.0
    outside = crs_detect.outside_area_notice(info.crs, lon, lat)
    if outside is not None:
        info.notices.append(outside)


def _bounds_wgs84(data: gpd.GeoDataFrame, crs: CRS) -> list[float]:
    minx, miny, maxx, maxy = data.total_bounds
    if crs.equals(WGS84):
        return [float(minx), float(miny), float(maxx), float(maxy)]
    t = crs_detect.to_wgs84(crs)
    return [float(v) for v in t.transform_bounds(minx, miny, maxx, maxy, densify_pts=21)]


def _working_crs(report: ImportReport) -> CRS:
    b = report.bounds_wgs84
    return metric_crs_for(round((b[0] + b[2]) / 2.0, 1), round((b[1] + b[3]) / 2.0, 1))


def _choose_crs_error(report: ImportReport) -> CrsError:
    cands = ", ".join(c.answer for c in report.crs.candidates[:4])
    if cands:
        return CrsError(QT_TRANSLATE_NOOP(
            "errors", "The coordinate system of {path} cannot be told from the file. Choose it "
                      "(source CRS); most likely: {candidates}."),
            path=report.path, candidates=cands)
    detail = "; ".join(n.message for n in report.crs.notices)
    return CrsError(QT_TRANSLATE_NOOP(
        "errors", "The coordinate system of {path} cannot be told from the file. {detail} "
                  "Choose it (source CRS)."), path=report.path, detail=detail)


def _datum_hint(path: str, data: gpd.GeoDataFrame, info: CrsInfo, said: list[Notice]) -> list[Notice]:
    """Suggest marking AMap / Baidu data, never shift on a guess; when the user must choose
    anyway, that datum is ranked first (and nothing is preselected). Coordinate columns named
    as a datum (gcj_lng: the table reader's notice in *said*) rank it too."""
    if info.crs is None or info.datum_shift or not info.crs.is_geographic:
        return []
    name = Path(path).name.lower()
    if "wgs" in name:
        return []
    columns = {str(c).lower() for c in data.columns}
    if any(k in name for k in ("gcj", "amap", "gaode", "高德")) or {"typecode", "pname"} <= columns:
        datum = "gcj02"
    elif any(k in name for k in ("bd09", "baidu", "百度")):
        datum = "bd09"
    else:
        tagged = next((n.params["datum"] for n in said if n.params.get("datum") in _DATUM_HINTS), None)
        if tagged and info.needs_choice:
            crs_detect.rank_datum_first(info, tagged)
        return []
    if info.needs_choice:
        crs_detect.rank_datum_first(info, datum)
    return [coded("crs.looks_like_datum", _DATUM_HINTS[datum], datum=datum)]


def preselected(report: ImportReport) -> str | None:
    """The answer preselected while the user must still choose (``EPSG:4490`` for lon/lat that
    declares nothing): the first candidate when the data is held in it, else None."""
    info = report.crs
    if not info.needs_choice or info.crs is None or not info.candidates:
        return None
    first = info.candidates[0]
    return first.answer if first.datum is None and first.epsg == info.epsg else None


def confirmed(report: ImportReport) -> ImportReport:
    """*report* with its :func:`preselected` answer taken as the user's (no re-read: the data is
    already in it); unchanged when nothing is preselected."""
    if preselected(report) is None:
        return report
    asked = lambda notes: [n for n in notes if n.code != LONLAT_UNDECLARED]  # noqa: E731
    info = replace(report.crs, source="user", needs_choice=False, notices=asked(report.crs.notices))
    return replace(report, crs=info, notices=asked(report.notices))


_DATUM_HINTS = {  # the datum stays a parameter (gui.importing.wording.datum_hint looks for it)
    "gcj02": QT_TRANSLATE_NOOP("io", "This looks like GCJ-02 data (AMap, Tencent). Web-map coordinates are offset "
                                     "by several hundred metres; if so, mark the layer as GCJ-02."),
    "bd09": QT_TRANSLATE_NOOP("io", "This looks like BD-09 data (Baidu). Web-map coordinates are offset "
                                    "by several hundred metres; if so, mark the layer as BD-09."),
}


# -- roles and fields ---------------------------------------------------------------------------
def _roles_and_fields(data, family, raw: RawLayer, path: str, role, fields, rules):
    every = guess_fields(data)
    stem = Path(path).stem
    hint = stem if raw.layer in (None, stem) else f"{stem} {raw.layer}"
    if role is not None:
        chosen, reasons = Role(role), []
    else:
        chosen, reasons = guess_role(data, family, every, hint=hint, rules=rules)
    category = every.get(FieldRole.FACILITY_TYPE)
    warning = non_residential(data[category]) if chosen is Role.COMPOUNDS and category else None
    extra = [warning] if warning is not None else []
    if fields is not None:
        return chosen, reasons, _validated_fields(data, fields), extra
    return chosen, reasons, guess_fields(data, roles=ROLE_FIELDS.get(chosen)), extra


def _validated_fields(data: pd.DataFrame, fields: dict) -> dict[FieldRole, str]:
    mapping = {FieldRole(k): v for k, v in fields.items() if v}
    missing = [c for c in mapping.values() if c not in data.columns]
    if missing:
        raise FieldMappingError(QT_TRANSLATE_NOOP(
            "errors", "The field mapping names columns the layer does not have: {missing}. "
                      "Available: {columns}."), missing=", ".join(missing),
            columns=short_list([c for c in data.columns if c != data.geometry.name], 20))
    return mapping


# -- small helpers --------------------------------------------------------------------------------
def _require_features(raw: RawLayer, path: str) -> None:
    if len(raw.data) == 0:
        where = f" (layer {raw.layer})" if raw.layer else ""
        raise DataReadError(QT_TRANSLATE_NOOP(
            "errors", "{path}{where} contains no features. Check that you picked the right file "
                      "or layer."), path=path, where=where)


def _reindex_duplicates(dup: np.ndarray, dropped: np.ndarray) -> np.ndarray:
    """Duplicate flags after rows were dropped (a copy of a dropped row loses its flag)."""
    new_index = np.cumsum(~dropped) - 1
    kept = dup[~dropped]
    out = np.where(kept >= 0, new_index[np.clip(kept, 0, None)], -1)
    out[(kept >= 0) & dropped[np.clip(kept, 0, None)]] = -1
    return out


def _free_name(data: pd.DataFrame, name: str, *, reuse: str | None = None) -> str:
    if reuse == name or name not in data.columns:
        return name
    k = 2
    while f"{name}_{k}" in data.columns:
        k += 1
    return f"{name}_{k}"


def _layer_name(report: ImportReport) -> str:
    stem = Path(report.path).stem
    return f"{stem} – {report.layer}" if report.layer and report.layer != stem else stem


def _plain(value):
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating,)):
        return float(value)
    if isinstance(value, (np.bool_,)):
        return bool(value)
    if isinstance(value, (pd.Timestamp,)):
        return value.isoformat()
    return value
