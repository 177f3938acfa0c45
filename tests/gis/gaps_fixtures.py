"""Tiny hand-made districts with known answers, shared by the gap tests (metres, EPSG:4547)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
from shapely import LineString, Point, box

from gis.domain import FieldRole, Role
from gis.layer import Layer
from gis.network.build import network_from_lines

CRS = "EPSG:4547"
X0, Y0 = 500_000.0, 2_500_000.0  # every coordinate below is offset by this origin


def at(x: float, y: float) -> Point:
    return Point(X0 + x, Y0 + y)


def square(x: float, y: float, size: float = 100.0):
    """A compound: the square with south-west corner (x, y)."""
    return box(X0 + x, Y0 + y, X0 + x + size, Y0 + y + size)


COMPOUND_FIELDS = {FieldRole.ID: "code", FieldRole.NAME: "name", FieldRole.HOUSEHOLDS: "hh",
                   FieldRole.ELDERLY: "old", FieldRole.CHILDREN: "kids", FieldRole.BUILD_YEAR: "year"}


def compounds_layer(geoms, *, hh=None, old=None, kids=None, year=None, codes=None) -> Layer:
    n = len(geoms)
    frame = gpd.GeoDataFrame({
        "code": codes if codes is not None else [f"C{i}" for i in range(n)],
        "name": [f"小区{i}" for i in range(n)],
        "hh": hh if hh is not None else [100] * n,
        "old": old if old is not None else [30] * n,
        "kids": kids if kids is not None else [5] * n,
        "year": year if year is not None else [1990] * n,
    }, geometry=list(geoms), crs=CRS)
    return Layer("compounds", Role.COMPOUNDS, frame, fields=dict(COMPOUND_FIELDS))


def facilities_layer(rows: list[tuple[str, str, Point]]) -> Layer:
    """Facilities from (type, name, point) rows."""
    frame = gpd.GeoDataFrame({"fid_code": [f"F{i}" for i in range(len(rows))],
                              "type": [r[0] for r in rows], "name": [r[1] for r in rows]},
                             geometry=[r[2] for r in rows], crs=CRS)
    return Layer("facilities", Role.FACILITIES, frame,
                 fields={FieldRole.ID: "fid_code", FieldRole.FACILITY_TYPE: "type", FieldRole.NAME: "name"})


def river_network():
    """Two streets 200 m apart (a river between them) joined only by a bridge at x = 2000."""
    lines = [LineString([(X0, Y0), (X0 + 2000, Y0)]),
             LineString([(X0, Y0 + 200), (X0 + 2000, Y0 + 200)]),
             LineString([(X0 + 2000, Y0), (X0 + 2000, Y0 + 200)])]
    return network_from_lines(gpd.GeoSeries(lines, crs=CRS), snap_tolerance_m=1.0)


def grid_network(n: int = 6, step: float = 200.0):
    """A square street grid of n x n blocks, *step* metres apart, from (0, 0)."""
    lines = []
    for k in range(n + 1):
        lines.append(LineString([(X0, Y0 + k * step), (X0 + n * step, Y0 + k * step)]))
        lines.append(LineString([(X0 + k * step, Y0), (X0 + k * step, Y0 + n * step)]))
    return network_from_lines(gpd.GeoSeries(lines, crs=CRS), snap_tolerance_m=1.0)


def xy(points) -> np.ndarray:
    return np.array([[p.x - X0, p.y - Y0] for p in points])
