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
import shapely
from pyproj import CRS

from gis.crs import working_crs_for
from gis.domain import FACILITY_LABELS, FacilityType, FieldRole, Role
from gis.errors import CrsError, DataReadError, FieldMappingError
from gis.i18n import QT_TRANSLATE_NOOP
from gis.layer import Layer
from gis.standards import Standards

ID_FIELDS = ("id", "fid", "编号", "设施编号", "序号", "code", "编码", "osm_id", "poi_id")
TYPE_FIELDS = ("facility_type", "type", "类型", "设施类型", "类别", "category", "kind", "amenity")
NAME_FIELDS = ("name", "名称", "设施名称", "名字")
OTHER = "other"


def read_layer_file(path: str | Path, *, role: Role, source_crs: str | None = None,
                    crs: CRS | None = None, option: str = "--source-crs") -> Layer:
    """A file read by the project importer (gis.io): repaired, fields mapped, metric CRS.

    *source_crs* is the user's word on the file's CRS (``gcj02``, ``EPSG:4326``, ...); without
    it a file whose CRS the user must choose is refused (NeedsAnswer) naming *option*.
    """
    from gis.io.unanswered import layer_or_refusal

    path = Path(path)
    if not path.exists():
        raise DataReadError(QT_TRANSLATE_NOOP("errors", "{path} does not exist."), path=str(path))
    return layer_or_refusal(path, source_crs=source_crs, option=option, role=role, crs=crs)


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
                          standards: Standards | None = None, types_from_names: bool = True) -> Facilities:
    """Normalise a facility layer: ids (field or row index), types, names, points in *crs*.

    Polygons stand for their interior point. *standards* recognise Chinese type text (and
    names, with *types_from_names*) and give each facility its required radius.
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
    types = np.array([facility_type_of(t, n if types_from_names else "", standards)
                      for t, n in zip(raw_types, names)], dtype=object)
    labels = np.array([f"{t} {n}" for t, n in zip(raw_types, names)], dtype=object)
    required = _required(types, labels, standards) if standards is not None else None
    return Facilities(ids=ids, types=types, names=names, points=points, crs=crs,
                      required_m=required, id_field=id_field, type_field=type_field)


def facilities_from_layer(layer: Layer, *, standards: Standards | None = None) -> Facilities:
    """:func:`facilities_from_frame` with the layer's field roles.

    A mapped facility-type field is trusted (the importer fills it from names and
    categories, leaving non-facilities empty), so names are not classified again.
    """
    type_field = layer.fields.get(FieldRole.FACILITY_TYPE)
    return facilities_from_frame(layer.data, id_field=layer.fields.get(FieldRole.ID), type_field=type_field,
                                 name_field=layer.fields.get(FieldRole.NAME), standards=standards,
                                 types_from_names=type_field is None)


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
