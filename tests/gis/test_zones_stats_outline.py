"""Zone outline (closing by the gap) and the zone table."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
from shapely.geometry import Point, box

from gis.domain import FieldRole, Role
from gis.layer import Layer
from gis.zones.model import Policy, ZoneModel
from gis.zones.outline import close_union, gap_lines, hectares, outlines, polsby_popper
from gis.zones.stats import ZoneStats

CRS = "EPSG:4547"
X0, Y0 = 500_000, 2_500_000


def test_outline_fills_street_gaps_and_keeps_square_corners():
    a, b = box(0, 0, 100, 100), box(120, 0, 220, 100)
    closed = close_union(np.array([a, b]), gap=30)
    assert closed.area == pytest.approx(220 * 100)
    assert closed.equals(box(0, 0, 220, 100))
    assert len(closed.exterior.coords) == 5  # square corners: no rounded arcs


def test_outline_leaves_gaps_wider_than_the_tolerance_and_large_courtyards():
    far = close_union(np.array([box(0, 0, 100, 100), box(150, 0, 250, 100)]), gap=30)
    assert far.geom_type == "MultiPolygon" and far.area == pytest.approx(20_000)
    ring = [box(0, 0, 300, 90), box(0, 210, 300, 300), box(0, 100, 90, 200), box(210, 100, 300, 200)]
    court = close_union(np.array(ring), gap=30)
    assert len(court.interiors) == 1  # the 120 m courtyard stays open
    assert court.area == pytest.approx(300 * 300 - 120 * 120)  # 10 m gaps filled


def test_outline_contains_every_member_and_handles_invalid_and_missing():
    from shapely.geometry import Polygon

    invalid = Polygon([(0, 0), (10, 10), (10, 0), (0, 10)])
    out = outlines(np.array([box(0, 0, 50, 50), invalid, None], dtype=object), [[0, 1, 2], [2]], gap=30)
    assert out[0].contains(box(1, 1, 49, 49)) and out[0].is_valid
    assert out[1].is_empty


def test_area_units_and_compactness():
    assert hectares(25_000) == 2.5
    pp = polsby_popper([box(0, 0, 10, 10), Point(0, 0).buffer(10, quad_segs=64), box(0, 0, 100, 1)])
    assert pp[0] == pytest.approx(np.pi / 4)
    assert pp[1] == pytest.approx(1.0, abs=1e-3)
    assert pp[2] < 0.05


def test_gap_lines_point_at_detached_groups():
    geoms = np.array([box(0, 0, 10, 10), box(20, 0, 30, 10), box(100, 0, 110, 10)])
    (line,) = gap_lines(geoms, [[0, 1], [2]])
    assert line.length == pytest.approx(70)


@pytest.fixture
def plan():
    """Four compounds in a row (10 m streets) plus one 200 m away; buildings and facilities."""
    geoms = [box(X0 + i * 110, Y0, X0 + i * 110 + 100, Y0 + 100) for i in range(4)]
    geoms.append(box(X0 + 700, Y0, X0 + 800, Y0 + 100))
    compounds = Layer("小区", Role.COMPOUNDS, gpd.GeoDataFrame({
        "编号": ["A", "B", "C", "D", "E"], "户数": [100, 200, None, 400, 50],
        "建成年代": ["1985年", "1999", "2000", "2008", None]}, geometry=geoms, crs=CRS),
        fields={FieldRole.ID: "编号", FieldRole.HOUSEHOLDS: "户数", FieldRole.BUILD_YEAR: "建成年代"})
    buildings = Layer("楼栋", Role.BUILDINGS, gpd.GeoDataFrame(
        {"n": range(5)}, geometry=[box(X0 + 10, Y0 + 10, X0 + 30, Y0 + 30),
                                   box(X0 + 50, Y0 + 10, X0 + 70, Y0 + 30),
                                   box(X0 + 120, Y0 + 10, X0 + 140, Y0 + 30),
                                   box(X0 + 710, Y0 + 10, X0 + 730, Y0 + 30),
                                   box(X0 + 2000, Y0, X0 + 2010, Y0 + 10)], crs=CRS))
    facilities = Layer("设施", Role.FACILITIES, gpd.GeoDataFrame(
        {"类型": ["clinic", "社区卫生服务站", "kindergarten", "clinic"], "名称": ["a", "b", "c", "d"]},
        geometry=[Point(X0 + 105, Y0 + 50), Point(X0 + 50, Y0 + 50), Point(X0 + 250, Y0 + 50),
                  Point(X0 + 600, Y0 + 50)], crs=CRS),
        fields={FieldRole.FACILITY_TYPE: "类型", FieldRole.NAME: "名称"})
    model = ZoneModel.from_layer(compounds, gap=30)
    return model, compounds, buildings, facilities


def test_zone_table(plan):
    model, compounds, buildings, facilities = plan
    model.merge([0, 1, 2])
    stats = ZoneStats(model, compounds, buildings=buildings, facilities=facilities)
    row = stats.table().loc[1]
    assert row["compounds"] == 3
    assert row["buildings"] == 3
    assert row["households"] == 300 and row["households_missing"] == 1
    assert row["area_m2"] == pytest.approx(320 * 100)  # the two 10 m streets are in the zone
    assert row["area_ha"] == pytest.approx(3.2)
    assert row["compound_area_m2"] == pytest.approx(30_000)
    assert (row["year_min"], row["year_max"]) == (1985, 2000)
    assert row["old_share"] == pytest.approx(1.0)  # 2000 counts as old (by the end of 2000)
    assert row["facilities"] == 3  # the clinic in the street gap counts, the far one not
    assert row["fac_clinic"] == 2 and row["fac_kindergarten"] == 1
    assert bool(row["contiguous"])


def test_zone_table_partial_rows_and_flags(plan):
    model, compounds, *_ = plan
    model.policy = Policy.FLAG
    model.merge([0, 1])
    model.merge([3, 4])  # 4 is 200 m away: flagged
    table = ZoneStats(model, compounds, pre_year=1990).table(zone_ids=[2])
    assert list(table.index) == [2]
    row = table.loc[2]
    assert not bool(row["contiguous"])
    assert row["buildings"] is pd_na() and row["facilities"] is pd_na()
    assert row["old_share"] == pytest.approx(0.0)
    assert row["households"] == 450


def test_buildings_matched_by_compound_id(plan):
    model, compounds, buildings, _ = plan
    buildings.data["所属小区"] = ["D", "D", "D", "E", "A"]
    buildings.fields[FieldRole.COMPOUND_ID] = "所属小区"
    model.merge([2, 3])
    assert ZoneStats(model, compounds, buildings=buildings).table().loc[1, "buildings"] == 3


def test_empty_plan_gives_an_empty_table(plan):
    model, compounds, *_ = plan
    assert len(ZoneStats(model, compounds).table()) == 0


def pd_na():
    import pandas as pd
    return pd.NA
