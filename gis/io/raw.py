"""What a format reader hands to the importer: features plus what the file itself says."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
from pyproj import CRS

from gis.io.encoding import EncodingInfo
from gis.io.notices import Notice


@dataclass
class RawLayer:
    """Features as read (CRS as declared, or None), before repair and reprojection."""

    data: gpd.GeoDataFrame
    driver: str
    layer: str | None = None
    layers: list[str] = field(default_factory=list)  # what else the dataset offers
    declared_crs: CRS | None = None
    crs_source: str | None = None  # prj | metadata (None: nothing declared)
    encoding: EncodingInfo | None = None
    counts: dict[str, int] = field(default_factory=dict)  # format-level repairs
    notices: list[Notice] = field(default_factory=list)
    prefer_family: str | None = None  # e.g. polygons for DXF
    geographic_epsg: int = 4490  # what lon/lat numbers mean when nothing is declared


_NESTED = (list, tuple, dict, np.ndarray)


def plain_values(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """*frame* with unique column names and with lists, arrays and objects in attribute cells
    (GeoJSON arrays, GDAL list fields) written as JSON text, so that every cell can be
    compared, typed and saved."""
    out = frame
    if frame.columns.has_duplicates:  # two fields cut to the same 10-byte name, damaged headers
        out = frame.set_axis(unique_names([str(c) for c in frame.columns]), axis=1)
        out = out.set_geometry(out.columns[list(frame.columns).index(frame.geometry.name)])
        frame = out
    for i, col in enumerate(frame.columns):
        values = frame.iloc[:, i]
        if col == frame.geometry.name or values.dtype != object:
            continue
        nested = values.map(lambda v: isinstance(v, _NESTED)).to_numpy(bool)
        if nested.any():
            out = out.copy() if out is frame else out
            out.isetitem(i, values.where(~nested, values[nested].map(_json_text)))
    return out


def _json_text(value) -> str:
    return json.dumps(value, ensure_ascii=False, default=lambda v: v.tolist() if hasattr(v, "tolist") else str(v))


def unique_names(names: list[str]) -> list[str]:
    """*names* with repeats numbered: a, a_2, a_3."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name}_{seen[name]}")
    return out
