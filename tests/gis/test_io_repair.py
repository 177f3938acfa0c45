"""Geometry repairs: invalid, empty, Z/M, mixed types, duplicates — all counted."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely
from shapely import wkt

from gis.io.repair import dominant_family, duplicate_rows, repair


def frame(wkts: list[str | None]) -> gpd.GeoDataFrame:
    geoms = [wkt.loads(w) if w else None for w in wkts]
    return gpd.GeoDataFrame({"n": range(len(geoms))}, geometry=geoms, crs="EPSG:4527")


def test_bowtie_is_repaired_keeping_polygonal_parts():
    r = repair(frame(["POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))", "POLYGON ((0 0, 5 0, 5 5, 0 0))"]))
    assert r.counts["invalid_fixed"] == 1
    fixed = r.data.geometry.iloc[0]
    assert fixed.is_valid and fixed.geom_type == "MultiPolygon" and fixed.area == 50.0


def test_spike_and_collapsed_polygons():
    r = repair(frame(["POLYGON ((0 0, 10 0, 10 10, 5 10, 5 15, 5 10, 0 10, 0 0))",  # spike
                      "POLYGON ((0 0, 1 1, 0 0))"]))  # collapses to nothing
    assert r.counts["invalid_fixed"] == 1 and r.counts["invalid_dropped"] == 1
    assert r.data.geometry.iloc[0].geom_type == "Polygon" and r.data.geometry.iloc[0].area == 100.0


def test_empty_null_and_nan_geometries_are_dropped():
    r = repair(frame([None, "POLYGON EMPTY", "POLYGON ((0 0, 1 0, 1 1, 0 0))",
                      "POLYGON ((0 0, 1 0, NaN 1, 0 0))"]))
    assert r.counts["empty_dropped"] == 3 and len(r.data) == 1
    assert r.data["n"].tolist() == [2]


def test_z_and_m_are_dropped():
    r = repair(frame(["POLYGON Z ((0 0 5, 1 0 5, 1 1 5, 0 0 5))",
                      "POLYGON ZM ((0 0 1 2, 2 0 1 2, 2 2 1 2, 0 0 1 2))"]))
    assert r.counts["z_dropped"] == 2 and r.counts["m_dropped"] == 1
    assert not shapely.has_z(r.data.geometry.values).any()


def test_mixed_geometry_types_keep_the_dominant_family():
    r = repair(frame(["POINT (1 1)", "POLYGON ((0 0, 1 0, 1 1, 0 0))", "POLYGON ((5 5, 6 5, 6 6, 5 5))",
                      "LINESTRING (0 0, 3 3)",
                      "GEOMETRYCOLLECTION (POLYGON ((7 7, 8 7, 8 8, 7 7)), POINT (0 0))"]))
    assert r.family == "polygon" and r.counts["other_type_dropped"] == 2
    assert r.data.geom_type.tolist() == ["Polygon", "Polygon", "Polygon"]
    assert any("mixes geometry types" in n.message for n in r.notices)
    forced = repair(frame(["POINT (1 1)", "POLYGON ((0 0, 1 0, 1 1, 0 0))",
                           "POLYGON ((5 5, 6 5, 6 6, 5 5))"]), family="point")
    assert forced.family == "point" and len(forced.data) == 1


def test_duplicates_are_flagged_not_removed():
    r = repair(frame(["POLYGON ((0 0, 1 0, 1 1, 0 0))", "POLYGON ((2 2, 3 2, 3 3, 2 2))",
                      "POLYGON ((1 0, 1 1, 0 0, 1 0))",  # same as row 0, other start vertex
                      "POLYGON ((0 0, 1 1, 1 0, 0 0))"]))  # same as row 0, reversed
    assert r.counts["duplicates"] == 2 and len(r.data) == 4
    assert r.duplicate_of.tolist() == [-1, -1, 0, 0]


def test_duplicate_rows_on_many_geometries_is_exact():
    boxes = shapely.box(np.arange(1000), 0, np.arange(1000) + 0.5, 1)
    geoms = np.concatenate([boxes, boxes[[5, 7]]])
    assert duplicate_rows(geoms)[-2:].tolist() == [5, 7]
    assert (duplicate_rows(geoms)[:1000] == -1).all()


def test_dominant_family_prefers_what_is_asked_for():
    geoms = np.array([wkt.loads("POINT (0 0)"), wkt.loads("POINT (1 1)"),
                      wkt.loads("POLYGON ((0 0, 1 0, 1 1, 0 0))")], dtype=object)
    assert dominant_family(geoms) == "point"
    assert dominant_family(geoms, "polygon") == "polygon"


def test_quick_validity_proof_never_passes_an_invalid_polygon():
    from gis.io.repair import certainly_valid

    rng = np.random.default_rng(3)
    rings = [np.vstack([r := rng.uniform(0, 10, (k, 2)), r[:1]]) for k in rng.integers(3, 12, 5000)]
    crafted = ["POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))",  # bow-tie
               "POLYGON ((0 0, 10 0, 10 10, 5 10, 5 15, 5 10, 0 10, 0 0))",  # spike
               "POLYGON ((0 0, 4 0, 2 2, 4 4, 0 4, 2 2, 0 0))",  # touches itself
               "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0, 10 0, 10 10, 0 10, 0 0))",  # winds twice
               "POLYGON ((0 0, 1 1, 0 0))"]
    geoms = np.array([shapely.polygons(r) for r in rings] + [wkt.loads(w) for w in crafted], dtype=object)
    proven = certainly_valid(geoms)
    assert not (proven & ~shapely.is_valid(geoms)).any()
    assert proven.sum() > 500  # and it does prove many
    # typical outlines (GK coordinates, jittered rectangles, both orientations) pass
    boxes = shapely.box(39_500_000 + np.arange(200) * 50.0, 4_400_000, 39_500_030 + np.arange(200) * 50.0,
                        4_400_020, ccw=False)
    assert certainly_valid(np.asarray(boxes, dtype=object)).all()


def test_only_invalid_rows_are_repaired_in_every_block_and_all_are_reported(monkeypatch):
    from gis.io import repair as repair_module

    boxes = shapely.box(np.arange(12_000) * 50.0, 0, np.arange(12_000) * 50.0 + 30, 20)
    bad_rows = [0, 4_999, 5_000, 5_001, 11_999]  # at block edges (BLOCK = 5,000) and the very last
    for r in bad_rows:  # a bow-tie in the same place
        x = r * 50.0
        boxes[r] = shapely.Polygon([(x, 0), (x + 30, 20), (x + 30, 0), (x, 20), (x, 0)])
    seen = []
    real = repair_module.shapely.make_valid

    def spy(geoms, **kw):
        seen.append(len(np.atleast_1d(geoms)))
        return real(geoms, **kw)

    monkeypatch.setattr(repair_module.shapely, "make_valid", spy)
    r = repair(gpd.GeoDataFrame({"n": range(12_000)}, geometry=boxes, crs="EPSG:4527"))
    assert seen == [len(bad_rows)]  # GEOS repaired the invalid rows only
    assert r.counts["invalid_fixed"] == len(bad_rows) and len(r.data) == 12_000
    assert shapely.is_valid(r.data.geometry.values).all()
    assert any(n.params.get("n") == 5 and "invalid geometries" in n.template for n in r.notices)
    untouched = np.setdiff1d(np.arange(12_000), bad_rows)
    assert shapely.equals_exact(r.data.geometry.values[untouched], boxes[untouched], tolerance=0).all()
