"""Siting: maximal covering picks the obviously best sites; accepted sites close the gaps."""

from __future__ import annotations

import dataclasses

import geopandas as gpd
import numpy as np
import pytest

from gis.errors import AnalysisError
from gis.gaps.access import analyse_gaps
from gis.gaps.siting import (SitingParams, _mclp, accept_sites, coverage_table, greedy_cover, planned_facilities,
                             planned_layer, suggest_sites)
from gis.standards import load_standards
from tests.gis.gaps_fixtures import CRS, at, compounds_layer, facilities_layer, river_network, square


@pytest.fixture(scope="module")
def std():
    return load_standards()


def cluster():
    # three compounds in a row (x 0..500) and one far west; no clinic anywhere
    comps = compounds_layer([square(0, 0), square(200, 0), square(400, 0), square(-3000, 0)],
                            hh=[100, 100, 100, 50])
    facs = facilities_layer([("nursery", "托儿所", at(0, 5000))])
    cands = gpd.GeoDataFrame({"lot": ["空地甲", "空地乙"]}, geometry=[at(200, 50), at(-2950, 50)], crs=CRS)
    return comps, facs, cands


@pytest.mark.parametrize("method", ["mclp", "greedy"])
def test_the_site_among_the_cluster_is_picked_first(std, method):
    comps, facs, cands = cluster()
    gaps = analyse_gaps(comps, facs, standards=std)
    one = suggest_sites(gaps, SitingParams("clinic", k=1, method=method), candidates=cands)
    assert one.method == method
    assert one.sites_frame()["lot"].tolist() == ["空地甲"]
    assert one.newly[0].tolist() == [0, 1, 2]
    assert (one.before["weight"], one.after["weight"]) == (0.0, 300.0)
    two = suggest_sites(gaps, SitingParams("clinic", k=2, method=method), candidates=cands)
    assert two.sites_frame()["lot"].tolist() == ["空地甲", "空地乙"]
    assert two.gain.tolist() == [300.0, 50.0]
    assert coverage_table(two).loc["after", "compounds"] == 4


def test_mclp_is_optimal_where_greedy_is_not():
    # sites: 0 covers {0, 1}, 1 covers {2, 3}, 2 covers {1, 2}; middle demands weigh a bit more
    cand = np.array([0, 0, 1, 1, 2, 2])
    comp = np.array([0, 1, 2, 3, 1, 2])
    weight = np.array([2.0, 2.1, 2.1, 2.0])
    greedy = greedy_cover(cand, comp, weight, 2)
    assert greedy[0] == 2 and weight.sum() - weight[[0, 3]].min() == pytest.approx(6.2)
    assert sorted(_mclp(cand, comp, weight, 2, 30.0).tolist()) == [0, 1]


def test_compounds_are_the_default_candidates_and_served_ones_are_not_demand(std):
    comps, _, _ = cluster()
    facs = facilities_layer([("clinic", "卫生室", at(-2950, 50))])  # serves the west compound
    gaps = analyse_gaps(comps, facs, standards=std)
    result = suggest_sites(gaps, SitingParams("clinic", k=3), candidates=None)
    assert result.sites_frame()["candidate"].tolist() == ["C1"]  # the middle compound covers all three
    assert result.after["compounds"] == 4 and len(result.chosen) == 1  # no useless extra sites


def test_network_siting_does_not_count_compounds_across_a_river(std):
    comps = compounds_layer([square(50, -120), square(250, 240)], hh=[10, 100])
    facs = facilities_layer([("nursery", "托儿所", at(5000, 5000))])
    cands = gpd.GeoDataFrame({"lot": ["南岸", "北岸"]}, geometry=[at(100, -10), at(300, 210)], crs=CRS)
    straight = suggest_sites(analyse_gaps(comps, facs, standards=std), SitingParams("clinic", k=1),
                             candidates=cands)
    walked = suggest_sites(analyse_gaps(comps, facs, standards=std, network=river_network()),
                           SitingParams("clinic", k=1), candidates=cands)
    assert straight.newly[0].tolist() == [0, 1]  # 220 m apart across the river
    assert walked.newly[0].tolist() == [1]
    assert walked.sites_frame()["lot"].tolist() == ["北岸"]


def test_accepted_sites_update_the_gaps(std):
    comps, facs, cands = cluster()
    gaps = analyse_gaps(comps, facs, standards=std, network=None)
    result = suggest_sites(gaps, SitingParams("day_care", k=2), candidates=cands)
    planned = planned_facilities(result)
    assert planned["id"].tolist() == ["P-day_care-1", "P-day_care-2"] and planned["planned"].all()
    assert planned["name"].tolist() == ["规划-日间照料中心-1", "规划-日间照料中心-2"]  # as tables read the id
    assert planned_facilities(result, rows=[1], language="en")["name"].tolist() == ["Planned elderly day care 1"]
    play = dataclasses.replace(result, facility_type="play_area")  # a type whose English name is capitalised
    assert planned_facilities(play, rows=[0], language="en")["name"].tolist() == ["Planned children's play area 1"]
    assert planned_facilities(play, rows=[0])["name"].tolist() == ["规划-儿童活动场地-1"]
    again = analyse_gaps(comps, accept_sites(gaps.facilities, planned), standards=std)
    k = again.column("day_care")
    assert again.covered[:, k].tolist() == result.covered_after.tolist() == [True] * 4
    layer = planned_layer(planned)
    again2 = analyse_gaps(comps, layer, standards=std)
    assert again2.covered[:, k].all()


def test_bad_requests_are_typed_errors(std):
    comps, facs, cands = cluster()
    gaps = analyse_gaps(comps, facs, standards=std)
    for bad in (SitingParams("library"), SitingParams("clinic", k=0), SitingParams("clinic", method="magic")):
        with pytest.raises(AnalysisError):
            suggest_sites(gaps, bad, candidates=cands)
    with pytest.raises(AnalysisError):
        suggest_sites(gaps, SitingParams("clinic"), candidates=cands.set_crs(None, allow_override=True))
