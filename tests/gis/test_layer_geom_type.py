"""A layer's geometry family: the one most features have, counted by family, not by exact type."""

from __future__ import annotations

import geopandas as gpd
import shapely

from gis.domain import Role
from gis.layer import Layer


def layer(geoms) -> Layer:
    return Layer("x", Role.COMPOUNDS, gpd.GeoDataFrame(geometry=list(geoms), crs="EPSG:4490"))


def test_polygons_and_multipolygons_count_together():
    box, line = shapely.box(0, 0, 1, 1), shapely.LineString([(0, 0), (1, 1)])
    mixed = [box] * 2 + [shapely.MultiPolygon([box])] * 2 + [line] * 3  # LineString is the commonest exact type
    assert layer(mixed).geom_type == "polygon"


def test_families_and_empty_layers():
    line, point = shapely.LineString([(0, 0), (1, 1)]), shapely.Point(0, 0)
    assert layer([shapely.MultiLineString([line]), line, point]).geom_type == "line"
    assert layer([shapely.MultiPoint([(0, 0)]), None]).geom_type == "point"
    assert layer([None]).geom_type == "polygon"
    assert layer([]).geom_type == "polygon"
