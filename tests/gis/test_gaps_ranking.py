"""Check-up ranking: weighted indicators, normalised scores, pre-year filter."""

from __future__ import annotations

import numpy as np
import pytest

from gis.errors import AnalysisError
from gis.gaps.access import analyse_gaps
from gis.gaps.elevators import ElevatorParams, elevator_needs
from gis.gaps.ranking import (Indicator, RankingPreset, checkup_ranking, load_ranking_preset,
                              save_ranking_preset)
from gis.standards import load_standards
from tests.gis.gaps_fixtures import at, compounds_layer, facilities_layer, square
from tests.gis.test_gaps_elevators import buildings


@pytest.fixture(scope="module")
def gaps():
    # C0 (1975) lacks everything; C1 (1995) has a clinic, canteen and nursery; C2 (2005)
    # lacks everything; C3 has no build year
    comps = compounds_layer([square(0, 0), square(2000, 0), square(4000, 0), square(6000, 0)],
                            hh=[300, 100, 400, 50], year=[1975, 1995, 2005, None])
    facs = facilities_layer([("clinic", "卫生室", at(2050, 150)), ("elderly_canteen", "老年食堂", at(2050, 150)),
                             ("nursery", "托儿所", at(2050, 150))])
    return analyse_gaps(comps, facs, standards=load_standards())


def test_old_compounds_with_more_gaps_rank_first_and_newer_ones_are_filtered(gaps):
    ranking = checkup_ranking(gaps)
    assert ranking.pre_year == 2000
    assert ranking.order().tolist() == [0, 1]
    t = ranking.table
    assert not t.loc[2, "selected"] and not t.loc[3, "selected"]
    assert t.loc[0, "score"] > t.loc[1, "score"]
    assert t.loc[0, "elderly_gaps"] == 1.0 and t.loc[1, "elderly_gaps"] == 0.5
    all_years = checkup_ranking(gaps, pre_year=None, include_unknown_year=True)
    assert set(all_years.order().tolist()) == {0, 1, 2, 3}
    with_unknown = checkup_ranking(gaps, include_unknown_year=True)
    assert set(with_unknown.order().tolist()) == {0, 1, 3}


def test_points_add_up_to_the_score_and_missing_data_is_left_out(gaps):
    ranking = checkup_ranking(gaps, pre_year=None)
    t = ranking.table
    points = t[[f"{i.key}_points" for i in ranking.indicators]].sum(axis=1, skipna=True)
    assert np.allclose(points, t["score"])
    # no buildings and no population field: elevator need and elderly share drop out
    assert {i.key for i in ranking.indicators} == {"age", "elderly_gaps", "child_gaps", "density"}
    assert any("elevator_need" in n.message for n in ranking.notices)
    assert t.loc[3, "data_share"] < t.loc[0, "data_share"]  # C3 has no year


def test_weights_decide_the_order(gaps):
    by_density = RankingPreset((Indicator("density", 1.0),), pre_year=None)
    assert checkup_ranking(gaps, preset=by_density).order().tolist() == [2, 0, 1, 3]
    by_clinic = RankingPreset((Indicator("gap_clinic", 1.0), Indicator("age", 0.1)), pre_year=None)
    order = checkup_ranking(gaps, preset=by_clinic).order().tolist()
    assert order[-1] == 1  # the only compound with a clinic comes last


def test_elevator_need_enters_with_buildings(gaps):
    comps = compounds_layer([square(0, 0), square(2000, 0), square(4000, 0), square(6000, 0)],
                            hh=[300, 100, 400, 50], year=[1975, 1995, 2005, None])
    rows = [("C0", 10, 10, 3, "无", 30), ("C1", 2010, 10, 6, "无", 24), ("C1", 2050, 10, 6, "有", 24)]
    lifts = elevator_needs(buildings(rows), comps, params=ElevatorParams())
    preset = RankingPreset((Indicator("elevator_need", 1.0),), pre_year=None)
    t = checkup_ranking(gaps, elevators=lifts, preset=preset).table
    assert t.loc[0, "elevator_need"] == 0.0 and t.loc[1, "elevator_need"] == 0.5
    assert np.isnan(t.loc[2, "elevator_need"])


def test_presets_round_trip_and_bad_indicators_are_refused(gaps, tmp_path):
    preset = load_ranking_preset()
    assert preset.pre_year == 2000 and sum(i.weight for i in preset.indicators) == pytest.approx(1.0)
    path = save_ranking_preset(RankingPreset((Indicator("age", 2.0),), pre_year=2004), tmp_path / "r.json")
    again = load_ranking_preset(path)
    assert again.pre_year == 2004 and again.indicators[0].weight == 2.0
    with pytest.raises(AnalysisError, match="beauty"):
        checkup_ranking(gaps, preset=RankingPreset((Indicator("beauty", 1.0),)))
    with pytest.raises(AnalysisError):
        save_ranking_preset(RankingPreset((Indicator("age", 0.0),)), tmp_path / "zero.json")
