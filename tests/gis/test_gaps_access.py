"""Gap matrix: nearest distances, service at the required level, households and people affected."""

from __future__ import annotations

import numpy as np
import pytest

from gis.errors import AnalysisError, Cancelled
from gis.feedback import Feedback
from gis.gaps.access import NETWORK, STRAIGHT, analyse_gaps, gap_matrix, origins_from_layers
from gis.standards import load_standards
from gis.wording import facility_term
from tests.gis.gaps_fixtures import (at, compounds_layer, facilities_layer, grid_network, river_network,
                                     square)


@pytest.fixture(scope="module")
def std():
    return load_standards()


def test_a_clinic_250_m_away_serves_and_one_350_m_away_does_not(std):
    # compound A spans x 0..100; the clinic stands 250 m east of its edge; B is 100 m further
    comps = compounds_layer([square(0, 0), square(-100, 0)], hh=[120, 80])
    facs = facilities_layer([("clinic", "幸福社区卫生服务站", at(350, 50))])
    result = analyse_gaps(comps, facs, standards=std)
    assert result.method == STRAIGHT
    k = result.column("clinic")
    assert result.nearest_m[:, k] == pytest.approx([250.0, 350.0])
    assert result.covered[:, k].tolist() == [True, False]
    assert result.missing(1)[0] == "clinic"
    s = result.summary()["clinic"]
    assert (s["covered"], s["uncovered"], s["households_uncovered"]) == (1, 1, 80)
    assert s["elderly_uncovered"] == 30 and s["children_uncovered"] == 5


def test_a_facility_inside_the_compound_is_at_distance_zero(std):
    comps = compounds_layer([square(0, 0)])
    facs = facilities_layer([("nursery", "托儿所", at(50, 50))])
    result = analyse_gaps(comps, facs, standards=std)
    assert result.nearest_of(0)["nursery"] == 0.0
    assert result.nearest_facility(0, "nursery") == "F0"


def test_a_health_centre_serves_1000_m_but_a_station_only_300_m(std):
    comps = compounds_layer([square(0, 0), square(0, 2000)])
    facs = facilities_layer([("clinic", "城东社区卫生服务中心", at(900, 50)),
                             ("clinic", "卫生服务站", at(900, 2050))])
    result = analyse_gaps(comps, facs, standards=std)
    k = result.column("clinic")
    assert result.nearest_m[:, k] == pytest.approx([800.0, 800.0])
    assert result.covered[:, k].tolist() == [True, False]


def test_the_nearest_facility_may_not_be_the_one_that_serves(std):
    # a station 320 m away is nearest but too far; a centre 900 m away serves the compound
    comps = compounds_layer([square(0, 0)])
    facs = facilities_layer([("clinic", "卫生服务站", at(420, 50)),
                             ("clinic", "社区卫生服务中心", at(-900, 50))])
    result = analyse_gaps(comps, facs, standards=std)
    assert result.nearest_of(0)["clinic"] == pytest.approx(320.0)
    assert result.nearest_facility(0, "clinic") == "F0"
    assert result.covered[0, result.column("clinic")]


def test_network_and_straight_line_differ_across_a_river(std):
    # compound south of the south street, clinic north of the north street, bridge 1.9 km east
    comps = compounds_layer([square(50, -120)])
    facs = facilities_layer([("clinic", "卫生服务站", at(100, 220))])
    straight = analyse_gaps(comps, facs, standards=std)
    walked = analyse_gaps(comps, facs, standards=std, network=river_network())
    k = straight.column("clinic")
    assert straight.nearest_m[0, k] == pytest.approx(240.0)
    assert straight.covered[0, k]
    assert walked.method == NETWORK
    # out of the compound to the street (20 m), 1.9 km east, the bridge, 1.9 km back, 20 m
    assert walked.nearest_m[0, k] > 3800.0
    assert not walked.covered[0, k]


def test_network_distance_on_a_grid_matches_a_hand_count(std):
    # compound x 250..350, y 80..180 on a 200 m grid; kindergarten 10 m north of street y=400
    comps = compounds_layer([square(250, 80, 100)])
    facs = facilities_layer([("kindergarten", "幼儿园", at(500, 410))])
    result = analyse_gaps(comps, facs, standards=std, network=grid_network())
    # boundary point (325, 180): 20 m up to street y=200, 75 m east to x=400, 200 m north,
    # 100 m east to x=500, 10 m to the kindergarten; straight line would be ~260 m
    assert result.nearest_of(0)["kindergarten"] == pytest.approx(20 + 75 + 200 + 100 + 10)
    assert not result.covered[0, result.column("kindergarten")]


def test_types_the_layer_lacks_are_gaps_everywhere_and_noticed(std):
    comps = compounds_layer([square(0, 0), square(500, 0)])
    facs = facilities_layer([("clinic", "卫生室", at(50, 50))])
    result = analyse_gaps(comps, facs, standards=std)
    assert result.n_missing().tolist() == [6, 7]
    assert result.nearest_of(0)["nursing_home"] is None
    assert any(n.code == "gaps.type_absent" and facility_term("nursing_home", "en") in n.message for n in result.notices)


def test_table_and_frame_hold_one_row_per_compound(std):
    comps = compounds_layer([square(0, 0), square(1000, 0)])
    facs = facilities_layer([("play_area", "儿童活动场地", at(150, 50))])
    result = analyse_gaps(comps, facs, standards=std)
    table = result.table()
    assert list(table["id"]) == ["C0", "C1"]
    assert table.loc[0, "play_area_ok"] and not table.loc[1, "play_area_ok"]
    assert table.loc[0, "play_area_m"] == pytest.approx(50.0)
    assert result.frame().crs.to_epsg() == 4547
    template, params = result.label("play_area")
    assert template.format(**params) == "No play_area within 250 m"


def test_prepared_origins_are_reused_and_cancel_stops_the_matrix(std):
    comps = compounds_layer([square(0, 0)])
    facs = facilities_layer([("clinic", "卫生室", at(50, 250))])
    origins = origins_from_layers(comps, network=grid_network())
    first = analyse_gaps(comps, facs, standards=std, origins=origins)
    again = analyse_gaps(comps, facs, standards=std, origins=origins)
    assert np.array_equal(first.nearest_m, again.nearest_m, equal_nan=True)
    with pytest.raises(Cancelled):
        gap_matrix(origins, first.facilities, feedback=Feedback(cancelled=lambda: True))


def test_a_network_in_another_crs_is_refused(std):
    import geopandas as gpd
    from shapely import LineString

    from gis.network.build import network_from_lines

    comps = compounds_layer([square(0, 0)])
    other = network_from_lines(gpd.GeoSeries([LineString([(0, 0), (100, 0)])], crs="EPSG:3857"))
    with pytest.raises(AnalysisError):
        origins_from_layers(comps, network=other)


def test_the_absent_types_notice_names_types_in_the_language_shown(std):
    comps = compounds_layer([square(0, 0)])
    facs = facilities_layer([("clinic", "卫生服务站", at(50, 50))])
    result = analyse_gaps(comps, facs, standards=std)
    notice = next(n for n in result.notices if n.code == "gaps.type_absent")
    zh, en = notice.in_language("zh_CN"), notice.in_language("en")
    assert "day_care" not in zh + en and "nursery" not in zh + en
    assert "托育" in zh or "托儿" in zh
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in en)
