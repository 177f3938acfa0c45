"""Inputs of the life-circle analysis: reading layers and normalising facility tables.

Facility files name their columns many ways (``type``/``类型``, ``id``/``编号``) and give the
type as a key (``clinic``), an English label or Chinese text (``社区卫生服务站``). The
:class:`Facilities` record holds one clean array of each, in the working CRS.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS

from gis.crs import WGS84, working_crs_for
from gis.domain import FACILITY_LABELS, FacilityType, FieldRole
from gis.errors import CrsError, DataReadError, FieldMappingError
from gis.i18n import QT_TRANSLATE_NOOP
from gis.layer import Layer
from gis.standards import Standards

ID_FIELDS = ("id", "fid", "编号", "设施编号", "序号", "code", "编码", "osm_id", "poi_id")
TYPE_FIELDS = ("facility_type", "type", "类型", "设施类型", "类别", "category", "kind", "amenity")
NAME_FIELDS = ("name", "名称", "设施名称", "名字")
LON_FIELDS = ("经度", "lon", "lng", "longitude", "x")
LAT_FIELDS = ("纬度", "lat", "latitude", "y")
OTHER = "other"


def read_vector(path: str | Path) -> gpd.GeoDataFrame:
    """A vector file (Shapefile, GeoPackage, GeoJSON, ...) or a CSV with lon/lat columns.

    Uses the project importer (gis.io) when it is installed, else GDAL through pyogrio.
    """
    path = Path(path)
    if not path.exists():
        raise DataReadError(QT_TRANSLATE_NOOP("errors", "{path} does not exist."), path=str(path))
    try:
        from gis.io.importer import read_layer
    except ImportError:
        read_layer = None
    if read_layer is not None:
        result = read_layer(path)
        return result.data if isinstance(result, Layer) else result
    if path.suffix.lower() in (".csv", ".txt"):
        return _read_csv_points(path)
    try:
        return gpd.read_file(path)
    except Exception as exc:  # pyogrio raises several error types for unreadable files
        raise DataReadError(QT_TRANSLATE_NOOP("errors", "Cannot read {path}: {reason}"),
                            path=str(path), reason=str(exc).splitlines()[0]) from exc


def _read_csv_points(path: Path) -> gpd.GeoDataFrame:
    """Points from a CSV with 经度/纬度 (or lon/lat) columns in WGS 84; UTF-8 or GB18030."""
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise DataReadError(QT_TRANSLATE_NOOP("errors", "{path} is neither UTF-8 nor GBK text."), path=str(path))
    from io import StringIO

    table = pd.read_csv(StringIO(text))
    lon, lat = _pick(table.columns, LON_FIELDS), _pick(table.columns, LAT_FIELDS)
    if lon is None or lat is None:
        raise FieldMappingError(QT_TRANSLATE_NOOP("errors", "{path} has no longitude/latitude columns "
                                                  "(经度/纬度 or lon/lat)."), path=str(path))
    x, y = pd.to_numeric(table[lon], errors="coerce"), pd.to_numeric(table[lat], errors="coerce")
    if x.isna().any() or y.isna().any():
        raise FieldMappingError(QT_TRANSLATE_NOOP("errors", "{path}: {count} rows have no usable coordinates."),
                                path=str(path), count=int((x.isna() | y.isna()).sum()))
    return gpd.GeoDataFrame(table, geometry=gpd.points_from_xy(x, y), crs=WGS84)


def _pick(columns, candidates: tuple[str, ...]) -> str | None:
    """The first column whose name matches a candidate (case-insensitive)."""
    lower = {str(c).lower(): c for c in columns}
    return next((lower[c.lower()] for c in candidates if c.lower() in lower), None)


@dataclass(frozen=True, eq=False)
class Facilities:
    """Facility points in a metric CRS with one id, type and name each.

    ``types`` holds FacilityType keys; rows whose type is unknown hold ``"other"``.
    ``required_m`` is each facility's required service radius from the standards.
    """

    ids: np.ndarray
    types: np.ndarray
    names: np.ndarray
    points: np.ndarray
    crs: CRS
    required_m: np.ndarray | None = None
    id_field: str | None = None
    type_field: str | None = None

    def __len__(self) -> int:
        return len(self.points)

    @property
    def fingerprint(self) -> str:
        """A hash of positions, ids, types and radii (for result caches)."""
        h = hashlib.sha1(shapely.get_coordinates(self.points).tobytes())
        for arr in (self.ids, self.types):
            h.update("\x1f".join(map(str, arr)).encode())
        if self.required_m is not None:
            h.update(np.asarray(self.required_m, dtype=float).tobytes())
        h.update(self.crs.to_wkt().encode())
        return h.hexdigest()


def facilities_from_frame(frame: gpd.GeoDataFrame, *, crs: CRS | None = None, id_field: str | None = None,
                          type_field: str | None = None, name_field: str | None = None,
                          standards: Standards | None = None) -> Facilities:
    """Normalise a facility layer: ids (field or row index), types, names, points in *crs*.

    Polygons stand for their interior point. *standards* recognise Chinese type text
    and names and give each facility its required radius.
    """
    if frame.crs is None:
        raise CrsError(QT_TRANSLATE_NOOP("errors", "The facility layer has no coordinate system."))
    if len(frame) == 0:
        raise FieldMappingError(QT_TRANSLATE_NOOP("errors", "The facility layer is empty."))
    crs = CRS.from_user_input(crs) if crs is not None else (
        frame.crs if frame.crs.is_projected else working_crs_for(frame))
    geoms = frame.geometry.to_crs(crs).values
    if shapely.is_missing(geoms).any() or shapely.is_empty(geoms).any():
        raise FieldMappingError(QT_TRANSLATE_NOOP("errors", "{count} facilities have no geometry."),
                                count=int((shapely.is_missing(geoms) | shapely.is_empty(geoms)).sum()))
    points = np.where(shapely.get_type_id(geoms) == shapely.GeometryType.POINT, geoms,
                      shapely.point_on_surface(geoms))
    id_field = id_field or _pick(frame.columns, ID_FIELDS)
    type_field = type_field or _pick(frame.columns, TYPE_FIELDS)
    name_field = name_field or _pick(frame.columns, NAME_FIELDS)
    for given in (id_field, type_field, name_field):
        if given is not None and given not in frame.columns:
            raise FieldMappingError(QT_TRANSLATE_NOOP("errors", "The facility layer has no field {field}."),
                                    field=given)
    ids = frame[id_field].to_numpy(dtype=object) if id_field else np.arange(len(frame), dtype=object)
    names = frame[name_field].fillna("").astype(str).to_numpy() if name_field else np.full(len(frame), "")
    raw_types = frame[type_field].fillna("").astype(str).to_numpy() if type_field else np.full(len(frame), "")
    types = np.array([facility_type_of(t, n, standards) for t, n in zip(raw_types, names)], dtype=object)
    labels = np.array([f"{t} {n}" for t, n in zip(raw_types, names)], dtype=object)
    required = _required(types, labels, standards) if standards is not None else None
    return Facilities(ids=ids, types=types, names=names, points=points, crs=crs,
                      required_m=required, id_field=id_field, type_field=type_field)


def facilities_from_layer(layer: Layer, *, standards: Standards | None = None) -> Facilities:
    """:func:`facilities_from_frame` with the layer's field roles."""
    return facilities_from_frame(layer.data, id_field=layer.fields.get(FieldRole.ID),
                                 type_field=layer.fields.get(FieldRole.FACILITY_TYPE),
                                 name_field=layer.fields.get(FieldRole.NAME), standards=standards)


_LABELS = {text.lower(): ftype.value for ftype, text in FACILITY_LABELS.items()}


def facility_type_of(value: str, name: str = "", standards: Standards | None = None) -> str:
    """The FacilityType key of a type cell (key, English label or Chinese text) or a name.

    Returns the cell itself, lower-cased, when nothing matches, or ``"other"`` when empty.
    """
    text = str(value).strip()
    if text in FacilityType._value2member_map_:
        return text
    if text.lower() in _LABELS:
        return _LABELS[text.lower()]
    if standards is not None:
        for candidate in (text, name):
            found = standards.classify(candidate) if candidate else None
            if found is not None:
                return found.value
    return text.lower() if text else OTHER


def _required(types: np.ndarray, names: np.ndarray, standards: Standards) -> np.ndarray:
    """Required radius per facility (NaN for types the standards do not cover)."""
    out = np.full(len(types), np.nan)
    for i, (ftype, name) in enumerate(zip(types, names)):
        if ftype in FacilityType._value2member_map_:
            out[i] = standards.required(ftype, name=name).distance_m
    return out
