"""How a project's tables are stored: the file's constants and the column codec.

GeoPackage holds plain types only; :func:`encode` turns a layer's frame into one it can
store and records how to undo it, :func:`restore` undoes it for one column.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from gis.errors import GisError

FORMAT = "old-compound-planner"
VERSION = 1
META_TABLE = "planner_project"
ZONES_TABLE = "renovation_zones"
SUFFIX = ".gpkg"
RESERVED = {META_TABLE, ZONES_TABLE}
_GPKG_COLUMNS = {"fid", "geom"}


def encode(data: gpd.GeoDataFrame) -> tuple[gpd.GeoDataFrame, list[dict]]:
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
            spec["categories"] = [jsonable(c) for c in series.cat.categories]
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
    return series.astype(object).map(lambda v: None if missing(v) else str(v))


def missing(value) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def jsonable(value):
    return value.item() if isinstance(value, np.generic) else value


def is_numeric_spec(spec: dict) -> bool:
    """Whether the column was saved as numbers or booleans (SQLite may hold text there)."""
    dtype = spec["dtype"]
    if dtype in ("category", "object", "geometry") or dtype.startswith(("datetime", "timedelta")):
        return False
    try:
        kind = np.dtype(dtype.lower().replace("boolean", "bool")).kind
    except TypeError:
        return False
    return kind in "biuf"


def nullable(dtype: str) -> str:
    """The dtype that can hold missing values: int32 -> Int32, bool -> boolean."""
    if dtype in ("bool", "boolean"):
        return "boolean"
    if dtype.startswith("uint"):
        return "UInt" + dtype[4:]
    if dtype.startswith("int"):
        return "Int" + dtype[3:]
    return dtype


def restore(series: pd.Series, spec: dict) -> pd.Series:
    """Undo :func:`encode` for one column."""
    dtype = spec["dtype"]
    if dtype == "category":
        lookup = {str(c): c for c in spec["categories"]}
        values = series.astype(object).map(lambda v: None if missing(v) else lookup.get(v, v))
        return pd.Series(pd.Categorical(values, categories=spec["categories"],
                                        ordered=spec["ordered"]), index=series.index)
    if dtype == "object":
        return series.astype(object).where(series.notna(), None)
    if dtype == "geometry":
        return gpd.GeoSeries(shapely.from_wkt(series.astype(object).where(series.notna(), None)),
                             index=series.index)
    if dtype.startswith("timedelta"):
        return pd.to_timedelta(series).astype(dtype)
    for target in (nullable(dtype),) if series.isna().any() else (dtype, nullable(dtype)):
        try:
            return series.astype(target)
        except (TypeError, ValueError):
            continue
    return series


def reason(exc: BaseException) -> str:
    """The first line of an error, for a message that says why a save or a read failed."""
    text = exc.message if isinstance(exc, GisError) else str(exc)
    return (text.splitlines() or [type(exc).__name__])[0]
