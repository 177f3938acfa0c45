"""The compound facts every gap analysis reads: ids, names, households, people, years.

Ids follow the rule of every CLI: the layer's ID field when it maps one, else the 0-based
row index. Counts that a layer does not map are ``None``; unreadable cells are NaN.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS

from gis.domain import FieldRole
from gis.errors import CrsError, FieldMappingError
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.fields import parse_count, parse_year
from gis.layer import Layer

M2_PER_HA = 10_000.0


@dataclass(frozen=True, eq=False)
class CompoundTable:
    """Per compound (row = fid): id, name, polygon and the counts the analyses weigh by.

    ``households``, ``population``, ``elderly``, ``children`` and ``build_year`` are float
    arrays (NaN = unknown cell) or None when the layer maps no such field.
    """

    ids: np.ndarray
    names: np.ndarray
    geometry: np.ndarray
    crs: CRS
    households: np.ndarray | None = None
    population: np.ndarray | None = None
    elderly: np.ndarray | None = None
    children: np.ndarray | None = None
    build_year: np.ndarray | None = None
    id_field: str | None = None

    def __len__(self) -> int:
        return len(self.geometry)

    @property
    def area_m2(self) -> np.ndarray:
        return shapely.area(self.geometry)

    def households_or_zero(self) -> np.ndarray:
        """Households with unknown cells (or no field) counted as 0."""
        if self.households is None:
            return np.zeros(len(self))
        return np.nan_to_num(self.households, nan=0.0)

    def json_id(self, row: int) -> object:
        """The id of *row* as a plain JSON value (str, int or float)."""
        return plain(self.ids[row])

    @classmethod
    def from_layer(cls, layer: Layer) -> "CompoundTable":
        """The facts of a compounds layer through its field roles."""
        return cls.from_frame(layer.data, fields=layer.fields)

    @classmethod
    def from_frame(cls, frame: gpd.GeoDataFrame, *, fields: dict[FieldRole, str] | None = None
                   ) -> "CompoundTable":
        """The facts of a compounds GeoDataFrame; *fields* maps roles to its columns.

        Raises
        ------
        CrsError
            The frame has no CRS.
        FieldMappingError
            A mapped column does not exist, or the layer is empty.
        """
        fields = dict(fields or {})
        if frame.crs is None:
            raise CrsError(QT_TRANSLATE_NOOP("errors", "The compound layer has no coordinate system."))
        if len(frame) == 0:
            raise FieldMappingError(QT_TRANSLATE_NOOP("errors", "The compound layer is empty."))
        missing = [c for c in fields.values() if c not in frame.columns]
        if missing:
            raise FieldMappingError(QT_TRANSLATE_NOOP("errors", "The compound layer has no field {field}; "
                                                      "map another one."), field=missing[0])
        frame = frame.reset_index(drop=True)
        id_field = fields.get(FieldRole.ID)
        ids = frame[id_field].to_numpy(dtype=object) if id_field else np.arange(len(frame), dtype=object)
        name_field = fields.get(FieldRole.NAME)
        names = (frame[name_field].fillna("").astype(str).to_numpy(dtype=object) if name_field
                 else np.full(len(frame), "", dtype=object))
        return cls(ids=ids, names=names, geometry=np.asarray(frame.geometry.values, dtype=object),
                   crs=CRS.from_user_input(frame.crs),
                   households=_values(frame, fields, FieldRole.HOUSEHOLDS, parse_count),
                   population=_values(frame, fields, FieldRole.POPULATION, parse_count),
                   elderly=_values(frame, fields, FieldRole.ELDERLY, parse_count),
                   children=_values(frame, fields, FieldRole.CHILDREN, parse_count),
                   build_year=_values(frame, fields, FieldRole.BUILD_YEAR, parse_year),
                   id_field=id_field)


def _values(frame: pd.DataFrame, fields: dict, role: FieldRole, parser) -> np.ndarray | None:
    col = fields.get(role)
    if col is None:
        return None
    return parser(frame[col]).astype("Float64").to_numpy(dtype=float, na_value=np.nan)


def plain(value: object) -> object:
    """A numpy scalar as the Python value JSON can hold; NaN and inf as None."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not np.isfinite(value):
        return None
    return value


def compound_row_of(ids: np.ndarray, refs: pd.Series) -> np.ndarray:
    """Row of the compound each *refs* value names, -1 when none.

    Values compare as trimmed text, whole floats as integers (a DBF may hold 12 as 12.0).
    """
    position = pd.Series(np.arange(len(ids)), index=pd.Index([id_key(v) for v in ids]))
    position = position[~position.index.duplicated()]
    found = position.reindex([id_key(v) for v in refs.to_numpy(dtype=object)])
    return found.fillna(-1).astype(np.int64).to_numpy()


def id_key(value: object) -> str:
    """The text an id is matched by: '12' for 12, 12.0 and ' 12 '."""
    value = plain(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "" if value is None else str(value).strip()


def owner_by_location(points: np.ndarray, polygons: np.ndarray) -> np.ndarray:
    """Row of the first polygon containing each point, -1 when none does."""
    tree = shapely.STRtree(polygons)
    pts, hit = tree.query(points, predicate="within")
    owner = np.full(len(points), -1, dtype=np.int64)
    order = np.lexsort((hit, pts))
    pts, hit = pts[order], hit[order]
    first = np.ones(len(pts), dtype=bool)
    first[1:] = pts[1:] != pts[:-1]
    owner[pts[first]] = hit[first]
    return owner
