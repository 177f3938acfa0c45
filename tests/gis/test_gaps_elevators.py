"""Elevator gaps: which buildings, how many elevators, subsidies by preset and residents' share."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest

from gis.domain import FieldRole, Role
from gis.errors import AnalysisError, FieldMappingError
from gis.gaps.elevators import (PRESET_PATH, ElevatorParams, SubsidyPresetError, SubsidyRule, elevator_needs,
                                load_subsidy_presets, save_subsidy_presets)
from gis.layer import Layer
from tests.gis.gaps_fixtures import CRS, compounds_layer, square


@pytest.fixture(scope="module")
def presets():
    return load_subsidy_presets()


def buildings(rows, *, with_ref=True, use=None) -> Layer:
    """rows: (compound code, x, y, floors, elevator, households); 20 m square footprints."""
    frame = gpd.GeoDataFrame({"ref": [r[0] for r in rows], "floors": [r[3] for r in rows],
                              "lift": [r[4] for r in rows], "hh": [r[5] for r in rows]},
                             geometry=[square(r[1], r[2], 20) for r in rows], crs=CRS)
    if use is not None:
        frame["用途"] = use
    fields = {FieldRole.FLOORS: "floors", FieldRole.ELEVATOR: "lift", FieldRole.HOUSEHOLDS: "hh"}
    if with_ref:
        fields[FieldRole.COMPOUND_ID] = "ref"
    return Layer("buildings", Role.BUILDINGS, frame, fields=fields)


ROWS = [("C0", 10, 10, 6, "无", 36),   # candidate: 6 floors x 2 per landing -> 3 stairwells
        ("C0", 50, 10, 3, "无", 18),   # 3 floors: below the threshold
        ("C0", 10, 50, 7, "有", 42),   # has an elevator
        ("C1", 210, 10, "4层", "否", 8),  # candidate, 1 stairwell
        ("C1", 250, 10, 9, "无", None)]  # candidate, households unknown -> 1 elevator


def test_candidates_are_walkups_of_four_floors_and_up_per_compound(presets):
    comps = compounds_layer([square(0, 0), square(200, 0)])
    result = elevator_needs(buildings(ROWS), comps, params=ElevatorParams.from_presets(presets))
    assert result.candidates.tolist() == [0, 3, 4]
    per = result.per_compound()
    assert per["buildings"].tolist() == [1, 2]
    assert per["elevators"].tolist() == [3, 2]
    assert per["households"].tolist() == [36, 8]
    assert any("household" in n.message for n in result.notices)


def test_the_floor_threshold_is_a_setting(presets):
    comps = compounds_layer([square(0, 0), square(200, 0)])
    result = elevator_needs(buildings(ROWS), comps, params=ElevatorParams.from_presets(presets, min_floors=3))
    assert result.candidates.tolist() == [0, 1, 3, 4]


def test_buildings_join_compounds_by_location_without_a_compound_field(presets):
    comps = compounds_layer([square(0, 0), square(200, 0)])
    result = elevator_needs(buildings(ROWS, with_ref=False), comps, params=ElevatorParams())
    assert result.frame["compound"].tolist() == [0, 0, 0, 1, 1]


def test_shenzhen_pays_by_floors_up_to_its_cap(presets):
    rule = presets.rule("shenzhen")
    assert not rule.checked
    assert rule.per_elevator(floors=np.array([3, 4, 6, 8, 12])).tolist() == [0, 150_000, 250_000, 350_000,
                                                                               350_000]
    comps = compounds_layer([square(0, 0), square(200, 0)])
    params = ElevatorParams.from_presets(presets, "shenzhen", cost_per_elevator=600_000)
    result = elevator_needs(buildings(ROWS), comps, params=params)
    per = result.per_compound()
    assert per.loc[0, "subsidy"] == 3 * 250_000
    assert per.loc[1, "subsidy"] == 150_000 + 350_000
    assert per.loc[1, "residents_share"] == 2 * 600_000 - 500_000


def test_changchun_pays_by_plan_year_and_refuses_other_years(presets):
    rule = presets.rule("changchun")
    assert rule.per_elevator(floors=np.array([6]), year=2022).tolist() == [200_000]
    assert rule.per_elevator(floors=np.array([6]), year=2023).tolist() == [150_000]
    assert ElevatorParams.from_presets(presets, "changchun").year == 2025
    with pytest.raises(AnalysisError, match="2021–2022"):
        rule.per_elevator(floors=np.array([6]), year=2026)


def test_ankang_flat_subsidy_and_a_planners_own_figure(presets):
    comps = compounds_layer([square(0, 0), square(200, 0)])
    ankang = elevator_needs(buildings(ROWS), comps, params=ElevatorParams.from_presets(presets, "ankang"))
    assert ankang.totals()["subsidy"] == 5 * 100_000
    assert ankang.totals()["residents_share"] == 5 * (presets.cost_per_elevator - 100_000)
    own = ElevatorParams(rule=SubsidyRule.flat(900_000), cost_per_elevator=500_000)
    capped = elevator_needs(buildings(ROWS), comps, params=own)
    assert capped.totals()["subsidy"] == 5 * 500_000  # never more than the cost
    assert capped.totals()["residents_share"] == 0


def test_per_zone_sums_member_compounds(presets):
    comps = compounds_layer([square(0, 0), square(200, 0), square(400, 0)])
    result = elevator_needs(buildings(ROWS), comps, params=ElevatorParams())
    zones = result.per_zone(np.array([7, 7, -1]))
    assert zones.index.tolist() == [7]
    assert zones.loc[7, "buildings"] == 3 and zones.loc[7, "elevators"] == 5


def test_non_residential_buildings_are_left_out(presets):
    comps = compounds_layer([square(0, 0), square(200, 0)])
    layer = buildings(ROWS, use=["住宅", "住宅", "住宅", "商业", None])
    result = elevator_needs(layer, comps, params=ElevatorParams())
    assert result.candidates.tolist() == [0, 4]


def test_missing_fields_and_bad_presets_are_typed_errors(tmp_path):
    comps = compounds_layer([square(0, 0)])
    layer = buildings(ROWS)
    del layer.fields[FieldRole.ELEVATOR]
    with pytest.raises(FieldMappingError, match="elevator"):
        elevator_needs(layer, comps)
    bad = tmp_path / "p.json"
    bad.write_text('{"rules": [{"key": "x", "kind": "weekly"}], "cost_per_elevator": {"value": 1}}', "utf-8")
    with pytest.raises(SubsidyPresetError):
        load_subsidy_presets(bad)


def test_a_planners_copy_of_the_presets_round_trips(presets, tmp_path):
    from dataclasses import replace

    mine = replace(presets, cost_per_elevator=550_000.0,
                   rules=presets.rules + (SubsidyRule.flat(120_000, name="本市"),))
    again = load_subsidy_presets(save_subsidy_presets(mine, tmp_path / "subsidies.json"))
    assert again == mine
    with pytest.raises(SubsidyPresetError):
        save_subsidy_presets(mine, PRESET_PATH)


def test_compound_ids_match_across_number_and_text_cells():
    from gis.gaps.compounds import compound_row_of

    import pandas as pd

    rows = compound_row_of(np.array([12, 13, "A"], dtype=object), pd.Series([12.0, " 13", "A", "B", None]))
    assert rows.tolist() == [0, 1, 2, -1, -1]
