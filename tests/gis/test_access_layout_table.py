"""The access table printed on map layouts (gis.export.access_layout): zones or compounds, units
in the headers, flags, digit grouping, worst shortfall first, capped with a count of the rest."""

from __future__ import annotations

from gis.analysis.access import run
from gis.export.access_layout import access_print_table
from tests.gis.gaps_fixtures import at, compounds_layer, square
from tests.gis.test_access_analysis import facility_layer, request_for


def district_result(*, zones: bool):
    compounds = compounds_layer([square(0, 0), square(100, 0), square(1000, 0)], hh=[3000, 2000, 1000],
                                old=[1900, 1200, 30])
    facilities = facility_layer([("day_care", "养老服务站", at(100, 50))], area=[1500])
    groups = ({"Z": [0, 1], "far": [2]}, {"Z": "东片区", "far": "远片区"}) if zones else None
    return run(request_for(compounds, facilities, facility_type="day_care", zones=groups)).result


def test_zone_table_in_chinese_with_units_flags_and_grouping():
    table = access_print_table(district_result(zones=True), "zh_CN")
    assert table.unit_of_rows == "zones"
    assert table.headers[1].endswith("(人)") and "(m²)" in table.headers[3] and "缺口(m²)" == table.headers[5]
    assert "每千人" in table.headers[4]
    assert [r[0] for r in table.rows] == ["东片区", "远片区"] or [r[0] for r in table.rows] == ["远片区", "东片区"]
    east = next(r for r in table.rows if r[0] == "东片区")
    assert east[1] == "3,100" and east[2] == "录入" and east[3] == "1,500.0"
    assert table.numeric == (1, 3, 4, 5)


def test_compound_table_in_english_sorted_and_capped():
    table = access_print_table(district_result(zones=False), "en")
    assert table.unit_of_rows == "compounds"
    assert table.headers[5] == "Shortfall (m²)" and "(people)" in table.headers[1]
    shortfalls = [float(r[5].replace(",", "")) for r in table.rows]
    assert shortfalls == sorted(shortfalls, reverse=True) and shortfalls[0] > 0
    capped = table.capped(2, "en")
    assert len(capped) == 2 and capped[1][0] == "… 2 more compounds"
    assert table.capped(3, "en") == table.rows
    assert access_print_table(district_result(zones=False), "zh_CN").capped(1, "zh_CN")[0][0] == "……另有 3 个小区"


def test_zone_flag_names_its_members_mixed_sources():
    compounds = compounds_layer([square(0, 0), square(100, 0), square(200, 0)], old=[40, 20, 10])
    compounds.data["old_来源"] = [None, "estimated:district_shares", "survey"]
    fac = facility_layer([("day_care", "养老服务站", at(100, 50))])
    zones = ({"A": [0, 1], "B": [2]}, {"A": "甲片区", "B": "乙片区"})
    result = run(request_for(compounds, fac, facility_type="day_care", zones=zones)).result
    flags = {r[0]: r[2] for r in access_print_table(result, "zh_CN").rows}
    assert flags == {"甲片区": "录入/估算", "乙片区": "调查表"}
