"""What a format reader hands to the importer: features plus what the file itself says."""

from __future__ import annotations

from dataclasses import dataclass, field

import geopandas as gpd
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
