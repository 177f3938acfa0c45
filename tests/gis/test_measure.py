"""Areas and lengths in the working CRS agree with geodesic measurements within 0.5 %."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
from pyproj import Geod
from shapely.geometry import LineString, Polygon

from gis.crs import WGS84, gk_cm_epsg, working_crs_for
from gis.domain import Role
from gis.layer import Layer
from gis.project import Project

GEOD = Geod(ellps="GRS80")  # CGCS2000's ellipsoid


def square(lon: float, lat: float, d: float = 0.004) -> Polygon:
    return Polygon([(lon, lat), (lon + d, lat), (lon + d, lat + d * 0.8), (lon + 0.3 * d, lat + d)])


@pytest.mark.parametrize("lon,lat", [(117.02, 36.65), (112.47, 23.07), (87.6, 43.8), (126.6, 45.7),
                                     (118.0, 24.5)])
def test_area_and_length_match_geodesic(lon, lat):
    poly = square(lon, lat)
    line = LineString([(lon, lat), (lon + 0.01, lat + 0.006), (lon + 0.02, lat)])
    project = Project()
    project.add_layer(Layer("p", Role.COMPOUNDS, gpd.GeoDataFrame(geometry=[poly], crs=WGS84)))
    project.add_layer(Layer("l", Role.ROADS, gpd.GeoDataFrame(geometry=[line], crs=WGS84)))
    assert project.crs.to_epsg() in (gk_cm_epsg(lon - 0.1), gk_cm_epsg(lon + 0.1))  # the data's own zone
    area = project.layers[0].data.geometry.area.iloc[0]
    length = project.layers[1].data.geometry.length.iloc[0]
    geo_area, _ = GEOD.geometry_area_perimeter(poly)
    geo_len = GEOD.geometry_length(line)
    assert abs(area / abs(geo_area) - 1) < 0.005
    assert abs(length / geo_len - 1) < 0.005


def test_utm_input_far_from_its_central_meridian_is_measured_in_a_local_zone():
    # Zhaoqing (112.5E) data delivered in UTM 50N (CM 117E): the working CRS is CM 111/114, not UTM
    poly = square(112.47, 23.07)
    utm = gpd.GeoDataFrame(geometry=[poly], crs=WGS84).to_crs(32650)
    crs = working_crs_for(utm)
    assert crs.to_epsg() in (gk_cm_epsg(112.37), gk_cm_epsg(112.57))
    area = utm.to_crs(crs).area.iloc[0]
    geo_area, _ = GEOD.geometry_area_perimeter(poly)
    assert abs(area / abs(geo_area) - 1) < 0.001
    # the naive UTM area would be off by more than the tolerance
    assert abs(utm.area.iloc[0] / abs(geo_area) - 1) > 0.002
    assert np.isfinite(area)
