"""Zone view: pooling services over zone members and what each zone gains."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
from shapely import box

from gis.gaps.access import analyse_gaps
from gis.gaps.zones import pool_gaps, zone_groups_from_frame, zone_groups_from_model
from gis.standards import load_standards
from gis.zones.model import ZoneModel
from tests.gis.gaps_fixtures import CRS, X0, Y0, at, compounds_layer, facilities_layer, square


@pytest.fixture(scope="module")
def result():
    # A (x 0..100) has a clinic and a canteen next door; B (x 1000..) only a nursery;
    # C (x 1100..) nothing near; D far away (x 5000) alone
    comps = compounds_layer([square(0, 0), square(1000, 0), square(1110, 0), square(5000, 0)],
                            hh=[100, 40, 60, 10])
    facs = facilities_layer([("clinic", "卫生室", at(150, 50)), ("elderly_canteen", "老年食堂", at(-50, 50)),
                             ("nursery", "托儿所", at(1050, 150))])
    return analyse_gaps(comps, facs, standards=load_standards())


def test_a_service_counts_for_the_zone_if_any_member_reaches_it(result):
    zones = pool_gaps(result, {1: [0, 1], 2: [2, 3]}, names={1: "东片区", 2: "西片区"})
    assert zones.missing(0) == ["day_care", "nursing_home", "kindergarten", "play_area"]
    assert zones.gained_types(0) == ["clinic", "elderly_canteen", "nursery"]
    k = list(result.types).index("clinic")
    assert zones.gained_compounds[0, k] == 1 and zones.gained_households[0, k] == 40
    kn = list(result.types).index("nursery")
    assert zones.gained_households[0, kn] == 100  # A gains B's nursery
    # C reaches B's nursery on its own, so zone 2 (C, D) has one and D gains it
    assert zones.gained_types(1) == ["nursery"]
    assert zones.gained_households[1, kn] == 10
    assert zones.names == ["东片区", "西片区"]


def test_the_zone_table_counts_gaps_before_and_after(result):
    table = pool_gaps(result, {1: [0, 1]}).table()
    row = table.iloc[0]
    assert row["compounds"] == 2 and row["households"] == 140
    before = (~result.covered[[0, 1]]).sum()
    assert row["gaps_before"] == before
    assert row["gaps_after"] == before - 3
    assert row["clinic_gained_households"] == 40


def test_pooled_service_per_compound_for_the_map(result):
    zones = pool_gaps(result, {1: [0, 1]})
    after = zones.compound_covered(result)
    k = list(result.types).index("clinic")
    assert after[:, k].tolist() == [True, True, False, False]
    assert not result.covered[1, k]


def test_zones_from_a_polygon_layer_and_from_the_plan(result):
    layer = gpd.GeoDataFrame({"zid": ["Z1", "Z2"]}, geometry=[box(X0 - 10, Y0 - 10, X0 + 1300, Y0 + 200),
                                                             box(X0 + 4000, Y0 - 10, X0 + 6000, Y0 + 200)],
                             crs=CRS)
    groups, names = zone_groups_from_frame(result.compounds.geometry, layer, crs=CRS, id_field="zid")
    assert groups == {"Z1": [0, 1, 2], "Z2": [3]}
    assert names == {"Z1": "Z1", "Z2": "Z2"}

    from gis.zones.adjacency import build_adjacency

    comps = gpd.GeoDataFrame(geometry=result.compounds.geometry, crs=CRS)
    model = ZoneModel(build_adjacency(comps, gap=200.0), comps.geometry.values)
    model.merge([1, 2], name="片区一")
    groups, names = zone_groups_from_model(model)
    zones = pool_gaps(result, groups, names=names)
    assert zones.names == ["片区一"] and zones.members[0].tolist() == [1, 2]
    assert np.array_equal(zones.pooled[0], result.covered[[1, 2]].any(axis=0))
