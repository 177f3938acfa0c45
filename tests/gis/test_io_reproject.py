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


def test_to_wgs84_from_a_cgcs2000_or_wgs84_projection_is_what_proj_itself_would_do():
    """The shortcut (the projection's own lon/lat CRS, no search of PROJ's database) changes no number."""
    from pyproj import Transformer

    from gis.crs import WGS84
    from gis.io.reproject import _same_datum_target, exact_transformer

    for epsg in (4527, 4548, 4549, 32650):  # GK zone 39, GK CM 117E and 120E (CGCS2000), UTM 50N (WGS 84)
        src = CRS.from_epsg(epsg)
        assert _same_datum_target(src, WGS84).equals(src.geodetic_crs)  # the shortcut is taken
        ours = exact_transformer(src, WGS84)
        theirs = Transformer.from_crs(src, WGS84, always_xy=True)
        assert ours.definition == theirs.definition
        x, y = np.array([400_000.0, 39_500_000.0 if epsg == 4527 else 500_000.0]), np.array([4.4e6, 4.45e6])
        assert np.allclose(ours.transform(x, y), theirs.transform(x, y), rtol=0, atol=1e-12)
    beijing54 = CRS.from_epsg(2435)  # Beijing 1954 / 3-degree GK CM 117E: a real datum shift, PROJ decides
    assert _same_datum_target(beijing54, WGS84).equals(WGS84)
