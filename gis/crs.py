"""Coordinate systems the project works in.

Every layer of a project is held in one metric *working CRS* (CGCS2000 3-degree
Gauss-Krüger, central-meridian form, chosen from the data's centre) so that areas and
distances are measured in metres with a scale error far below 0.1 % inside a district.
The map shows WGS 84 (EPSG:4326); CGCS2000 and WGS 84 agree to centimetres, so the
engine treats EPSG:4490 and EPSG:4326 alike for display.
"""

from __future__ import annotations

from functools import lru_cache

import geopandas as gpd
import numpy as np
from pyproj import CRS

WGS84 = CRS.from_epsg(4326)
CGCS2000 = CRS.from_epsg(4490)

GK_CM_FIRST_EPSG = 4534  # CGCS2000 / 3-degree Gauss-Kruger CM 75E
GK_ZONE_FIRST_EPSG = 4513  # CGCS2000 / 3-degree Gauss-Kruger zone 25 (easting with prefix)
GK_ZONES = range(25, 46)


def in_china(lon: float, lat: float) -> bool:
    """Whether a lon/lat lies in China's bounding box (generous, includes the seas)."""
    return 73.0 <= lon <= 136.0 and 3.0 <= lat <= 54.0


def gk_central_meridian(lon: float) -> int:
    """Central meridian (degrees) of the 3-degree zone containing *lon*."""
    return int(round(lon / 3.0) * 3)


def gk_cm_epsg(lon: float) -> int:
    """EPSG code of the CGCS2000 3-degree GK zone (no prefix) containing *lon*.

    >>> gk_cm_epsg(117.1)
    4548
    """
    cm = min(max(gk_central_meridian(lon), 75), 135)
    return GK_CM_FIRST_EPSG + (cm - 75) // 3


def gk_zone_epsg(zone: int) -> int:
    """EPSG code of CGCS2000 3-degree GK *zone* whose eastings carry the zone prefix.

    >>> gk_zone_epsg(39)
    4527
    """
    if zone not in GK_ZONES:
        raise ValueError(f"3-degree zone {zone} is outside China (25-45)")
    return GK_ZONE_FIRST_EPSG + zone - 25


@lru_cache(maxsize=64)
def metric_crs_for(lon: float, lat: float) -> CRS:
    """The working CRS for data centred on *lon*, *lat*: a GK zone in China, else UTM."""
    if in_china(lon, lat):
        return CRS.from_epsg(gk_cm_epsg(lon))
    zone = int((lon + 180) // 6) + 1
    return CRS.from_epsg((32600 if lat >= 0 else 32700) + zone)


def centre_lonlat(gdf: gpd.GeoDataFrame) -> tuple[float, float]:
    """Centre of the layer's bounds in lon/lat. The layer must have a CRS."""
    if gdf.crs is None:
        raise ValueError("layer has no CRS")
    bounds = gdf.total_bounds
    if CRS.from_user_input(gdf.crs).equals(WGS84) and np.all(np.isfinite(bounds)):
        minx, miny, maxx, maxy = bounds
    elif not np.all(np.isfinite(bounds)):
        minx, miny, maxx, maxy = gdf.to_crs(WGS84).total_bounds
    else:  # the bounds' outline, densified, not every vertex (50,000 compounds: 1 ms, not 0.5 s)
        from gis.io.reproject import exact_transformer  # cached: the import worker made it

        minx, miny, maxx, maxy = exact_transformer(gdf.crs, WGS84).transform_bounds(*bounds, densify_pts=21)
    return (minx + maxx) / 2.0, (miny + maxy) / 2.0


def working_crs_for(gdf: gpd.GeoDataFrame) -> CRS:
    """Working CRS for a project whose first layer is *gdf*."""
    return metric_crs_for(*(round(v, 1) for v in centre_lonlat(gdf)))


def describe(crs: CRS | None) -> str:
    """Short human text for a CRS: 'EPSG:4548 CGCS2000 / 3-degree Gauss-Kruger CM 117E'."""
    if crs is None:
        return "?"
    epsg = crs.to_epsg()
    return f"EPSG:{epsg} {crs.name}" if epsg else crs.name


def require_same_crs(first: CRS, second: CRS, message: str) -> None:
    """The one check that two inputs share a CRS: :class:`~gis.errors.AnalysisError` with the
    marked *message* (placeholders ``{a}``, ``{b}``: the two CRS) when they do not."""
    from gis.errors import AnalysisError

    if not CRS.from_user_input(first).equals(CRS.from_user_input(second)):
        raise AnalysisError(message, a=CRS.from_user_input(first).to_string(),
                            b=CRS.from_user_input(second).to_string())
