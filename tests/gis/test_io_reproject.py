"""Reprojection on import: the fast transverse Mercator form only where it is exact."""

from __future__ import annotations

import numpy as np
import shapely
from pyproj import CRS

from gis.io.reproject import reproject, transformer_for
from tests.gis.io_samples import compounds

CGCS2000, GK117 = CRS.from_epsg(4490), CRS.from_epsg(4548)


def test_matches_geopandas_to_the_micrometre():
    gdf = compounds()
    ours = reproject(gdf, GK117)
    ref = gdf.to_crs(GK117)
    assert ours.crs == GK117 and ours.index.equals(gdf.index)
    diff = shapely.get_coordinates(ours.geometry.values) - shapely.get_coordinates(ref.geometry.values)
    assert np.abs(diff).max() < 1e-6
    assert shapely.get_coordinates(gdf.geometry.values)[0, 0] < 180  # input left untouched


def test_fast_form_only_inside_its_accurate_range():
    near = transformer_for(CGCS2000, GK117, (116.0, 39.0, 117.5, 40.5))
    assert "approx" in near.definition
    far = transformer_for(CGCS2000, GK117, (70.0, 20.0, 135.0, 50.0))  # 47° from the meridian
    assert "approx" not in far.definition
    datum = transformer_for(CRS.from_epsg(4548), CRS.from_epsg(4527), (400_000, 4.4e6, 600_000, 4.5e6))
    assert "approx" not in datum.definition  # not a plain lon/lat → TM step


def test_zones_that_differ_only_in_false_easting_are_a_shift_equal_to_proj():
    from gis.io.reproject import Shift, _exact

    src, dst = CRS.from_epsg(4527), CRS.from_epsg(4548)  # GK zone 39 with and without "39" in front
    shift = transformer_for(src, dst, (39.4e6, 4.4e6, 39.6e6, 4.5e6))
    assert isinstance(shift, Shift) and (shift.dx, shift.dy) == (-39_000_000.0, 0.0)
    rng = np.random.default_rng(1)
    x, y = rng.uniform(39.3e6, 39.7e6, 1000), rng.uniform(4.3e6, 4.6e6, 1000)
    ex, ey = _exact(src, dst).transform(x, y)
    sx, sy = shift.transform(x.copy(), y.copy(), inplace=True)
    assert np.abs(sx - ex).max() < 1e-6 and np.abs(sy - ey).max() < 1e-6
    # neighbouring zones (another central meridian) are no shift
    assert not isinstance(transformer_for(CRS.from_epsg(4547), dst, (4e5, 4.4e6, 6e5, 4.5e6)), Shift)


def test_back_to_lon_lat_the_fast_form_is_used_inside_its_range_and_matches_to_crs():
    gdf = compounds().to_crs(GK117)
    back = transformer_for(GK117, CGCS2000, tuple(gdf.total_bounds))
    assert "approx" in back.definition and "inv proj=tmerc" in back.definition
    ours, ref = reproject(gdf, CGCS2000), gdf.to_crs(CGCS2000)
    diff = shapely.get_coordinates(ours.geometry.values) - shapely.get_coordinates(ref.geometry.values)
    assert np.abs(diff).max() < 1e-9  # degrees (0.1 mm)
    far = transformer_for(GK117, CGCS2000, (-3e6, 2e6, 4e6, 6e6))  # thousands of km off the meridian
    assert "approx" not in far.definition
