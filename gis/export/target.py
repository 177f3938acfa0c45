"""The coordinate system an export is written in.

Planners hand data on in one of three systems: the project's CGCS2000 3-degree
Gauss-Krüger zone (the default; what CAD and ArcGIS users in the district work in),
WGS 84 lon/lat (GeoJSON, KML, web maps) or GCJ-02 lon/lat (AMap / 奥维 basemaps). GCJ-02
has no EPSG code: its coordinates are WGS 84 shifted by the published obfuscation
formula, so files carry the WGS 84 definition and the shift is applied to every vertex
with :func:`gis.io.chinese_datums.wgs84_to_gcj02` (one implementation in the code base).

>>> from pyproj import CRS
>>> resolve_target("gcj02", CRS.from_epsg(4527)).label
'GCJ-02'
>>> resolve_target(None, CRS.from_epsg(4527)).crs.to_epsg()
4527
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS
from pyproj.exceptions import CRSError

from gis.crs import WGS84, describe
from gis.errors import ExportError
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.chinese_datums import wgs84_to_gcj02

GCJ02 = "gcj02"
_WGS84_NAMES = {"wgs84", "wgs 84", "wgs-84", "4326", "epsg:4326"}


@dataclass(frozen=True)
class Target:
    """Where coordinates go: a CRS, and for GCJ-02 the shift applied on top of WGS 84."""

    crs: CRS
    gcj02: bool = False

    @property
    def geographic(self) -> bool:
        return self.crs.is_geographic

    @property
    def label(self) -> str:
        """Short text for notes and file metadata ('GCJ-02', 'EPSG:4527 CGCS2000 / ...')."""
        return "GCJ-02" if self.gcj02 else describe(self.crs)


def resolve_target(spec: str | int | None, project_crs: CRS | None) -> Target:
    """The export target for a user's choice.

    Parameters
    ----------
    spec : str, int or None
        None or "" for the project's working CRS; an EPSG code ("4527", "EPSG:4527",
        4527), "wgs84", or "gcj02".
    project_crs : pyproj.CRS or None
        The project's working CRS (the default target).
    """
    if spec is None or str(spec).strip() == "":
        if project_crs is None:
            raise ExportError(QT_TRANSLATE_NOOP("errors", "The project has no coordinate system yet; "
                                                "add a layer or choose a target CRS."))
        return Target(project_crs)
    text = str(spec).strip().lower()
    if text in (GCJ02, "gcj-02", "gcj"):
        return Target(WGS84, gcj02=True)
    if text in _WGS84_NAMES:
        return Target(WGS84)
    code = text.removeprefix("epsg:")
    if not code.isdigit():
        raise ExportError(QT_TRANSLATE_NOOP("errors", "Unknown target CRS {crs}: give an EPSG code such "
                                            "as 4527, or wgs84, or gcj02."), crs=str(spec))
    try:
        return Target(CRS.from_epsg(int(code)))
    except CRSError:
        raise ExportError(QT_TRANSLATE_NOOP("errors", "EPSG:{code} is not a known coordinate system; "
                                            "check the code (CGCS2000 Gauss-Krüger zones are "
                                            "4513-4554)."), code=code) from None


def to_target(frame: gpd.GeoDataFrame, target: Target) -> gpd.GeoDataFrame:
    """*frame* reprojected into *target* (and shifted to GCJ-02 when asked)."""
    if frame.crs is None:
        raise ExportError(QT_TRANSLATE_NOOP("errors", "The data to export has no coordinate system."))
    out = frame.to_crs(target.crs)
    if target.gcj02:
        out = out.set_geometry(gcj02_geometries(out.geometry.values), crs=target.crs)
    return out


def gcj02_geometries(geometries) -> np.ndarray:
    """Shift WGS 84 lon/lat *geometries* to GCJ-02 (all vertices at once)."""

    def shift(coords: np.ndarray) -> np.ndarray:
        x, y = wgs84_to_gcj02(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(np.asarray(geometries, dtype=object), shift)
