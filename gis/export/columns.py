"""Attribute columns made writable by every vector driver.

GDAL drivers take numbers, strings, booleans and dates; a zone's member list or a
compound's list of missing services is a Python list. Lists become text joined by
``;`` (machine-readable, and what the CLI's JSON lists hold), dicts become JSON, and
pandas' nullable integers keep their missing values as nulls.
"""

from __future__ import annotations

import json

import geopandas as gpd
import numpy as np
import pandas as pd

LIST_SEPARATOR = ";"


def flatten_value(value: object) -> object:
    """A list/tuple/set as 'a;b;c', a dict as JSON; anything else unchanged."""
    if isinstance(value, (list, tuple, set, frozenset, np.ndarray)):
        items = sorted(value) if isinstance(value, (set, frozenset)) else list(value)
        return LIST_SEPARATOR.join(str(v) for v in items)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def writable(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """A copy of *frame* whose attribute columns every GDAL driver accepts."""
    out = frame.copy()
    geom = out.geometry.name
    for col in out.columns:
        if col == geom:
            continue
        series = out[col]
        if series.dtype == object:
            out[col] = series.map(flatten_value)
            if out[col].map(lambda v: isinstance(v, (str, type(None))) or _is_na(v)).all():
                out[col] = out[col].astype(object).where(out[col].notna(), None)
        elif isinstance(series.dtype, pd.BooleanDtype):
            out[col] = series.astype(object).where(series.notna(), None)
        elif isinstance(series.dtype, pd.StringDtype) or pd.api.types.is_string_dtype(series.dtype):
            out[col] = series.astype(object).where(series.notna(), None)
    return out


def _is_na(value: object) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def string_columns(frame: pd.DataFrame) -> list[str]:
    """Columns holding text (object or string dtype), geometry excluded."""
    geom = frame.geometry.name if isinstance(frame, gpd.GeoDataFrame) else None
    return [c for c in frame.columns if c != geom and
            (frame[c].dtype == object or pd.api.types.is_string_dtype(frame[c].dtype))]
