"""Facility items sized by the zone's shortfall (gis.programme.sizing), else by households."""

from __future__ import annotations

import json

import geopandas as gpd
import numpy as np
import pytest

from gis.cli import plan as plan_cli
from gis.cli import project as project_cli
from gis.programme import Programme, YearPlan, load_catalogue
from gis.programme.contents import propose
from gis.programme.sizing import ZoneShortfall, sizing_notices
from tests.gis.gaps_fixtures import CRS, at, square
from tests.gis.programme_fixtures import small_facts

YEARS = YearPlan((2027, 2028))


def _zone_qty(contents, item: str) -> dict:
    frame = contents.frame()
    rows = frame[(frame["kind"] == "zone") & (frame["item"] == item)]
    return dict(zip(rows["owner"], rows["quantity"]))


def test_a_zone_facility_is_its_shortfall_in_m2_never_below_the_minimum():
    # nursery (places): zone positions 1 and 2 lack it; 40 places x 9 m² = 360, 3 places → the 200 m² minimum
    # clinic (m²): zone positions 0 and 2 lack it; 260.5 m² as it is, unknown (NaN) → the household rule
    facts = small_facts()
    facts.shortfalls = {"nursery": ZoneShortfall("nursery", "places", np.array([0.0, 40.0, 3.0])),
                        "clinic": ZoneShortfall("clinic", "m2", np.array([260.5, 0.0, np.nan]))}
    contents = propose(load_catalogue(), facts)
    assert _zone_qty(contents, "nursery") == {1: 360.0, 2: 200.0}
    assert _zone_qty(contents, "clinic") == {0: 260.5, 2: 150.0}
    zones = {z["id"]: z for z in Programme(facts, load_catalogue(), YEARS).to_json()["zones"]}
    nursery = next(i for i in zones[2]["items"] if i["item"] == "nursery")
    assert nursery["basis"] == "shortfall" and nursery["shortfall_m2"] == 360.0
    clinic_f = next(i for i in zones["c:F"]["items"] if i["item"] == "clinic")
    assert clinic_f == {**clinic_f, "basis": "households"} and "shortfall_m2" not in clinic_f
    said = sizing_notices(load_catalogue(), facts)
    assert [n.params["items"] for n in said] == ["Elderly canteen"]  # the one gap type without a shortfall
    assert all("basis" not in i for c in Programme(facts, load_catalogue(), YEARS).to_json()["compounds"]
               for i in c["items"])  # only facility lines say what they rest on


def test_without_a_shortfall_facilities_keep_the_household_rule_and_say_so():
    facts = small_facts()  # no access results
    contents = propose(load_catalogue(), facts)
    assert _zone_qty(contents, "nursery") == {1: 200.0, 2: 200.0}  # the item's size (no m² per 100 households)
    notes = sizing_notices(load_catalogue(), facts)
    assert [n.code for n in notes] == ["programme.sized_by_households"]
    assert {"Nursery", "Elderly canteen", "Community health station"} <= set(
        s.strip() for s in notes[0].params["items"].split(","))
    facts.shortfalls = {"nursery": ZoneShortfall("nursery", "places", np.array([0.0, 40.0, 3.0]))}
    assert "Nursery" not in sizing_notices(load_catalogue(), facts)[0].params["items"]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """C0-C2 (310 households) form one zone, C3 (2,500 households, far away) is a zone of one; the only
    day-care station is out of everyone's reach, so each zone's shortfall is 20 m² per 100 households; there
    is no kindergarten at all, so C3 falls short by 30 places per 1,000 residents."""
    d = tmp_path_factory.mktemp("sizing")
    gpd.GeoDataFrame({"小区编号": [f"C{i}" for i in range(4)], "户数": [100, 120, 90, 2500], "人口": [300, 350, 250, 6000],
                      "建成年代": [1985, 1990, 1995, 1992]},
                     geometry=[square(c * 110, 0) for c in range(3)] + [square(900, 0)], crs=CRS
                     ).to_file(d / "compounds.gpkg")
    gpd.GeoDataFrame({"名称": ["社区卫生服务站", "养老服务站"], "类型": ["社区卫生服务站", "养老服务站"]},
                     geometry=[at(50, 50), at(9000, 0)], crs=CRS).to_file(d / "facilities.gpkg")
    out = d / "p.gpkg"
    assert project_cli.main(["build", str(out), "--compounds", str(d / "compounds.gpkg"), "--facilities",
                             str(d / "facilities.gpkg"), "--suggest-zones", "--max-compounds", "3"]) == 0
    return out


def test_plan_sizes_day_care_by_the_shortfall_and_clinics_by_households(project, capsys):
    assert plan_cli.main([str(project), "--years", "2027-2028", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    care = {z["id"]: next(i for i in z["items"] if i["item"] == "day_care") for z in out["zones"]}
    assert care["c:C3"]["quantity"] == pytest.approx(500.0)  # 2,500 households x 20 m² / 100
    assert care["c:C3"]["basis"] == "shortfall" and care["c:C3"]["shortfall_m2"] == pytest.approx(500.0)
    assert care[1]["shortfall_m2"] == pytest.approx(62.0) and care[1]["quantity"] == 300.0  # the minimum
    assert care["c:C3"]["cost"] == pytest.approx(500 * 4500)
    clinic = next(i for z in out["zones"] for i in z["items"] if i["item"] == "clinic")
    assert clinic["basis"] == "households"  # the capacity preset has no standard for clinics
    school = {z["id"]: next(i for i in z["items"] if i["item"] == "kindergarten") for z in out["zones"]}
    assert school["c:C3"]["shortfall_m2"] == pytest.approx(6000 * 30 / 1000 * 10)  # 180 places x 10 m² per place
    assert school["c:C3"]["quantity"] == pytest.approx(1800.0) and school["c:C3"]["basis"] == "shortfall"
    said = next(n for n in out["notices"] if n["code"] == "programme.sized_by_requirement")
    assert "Kindergarten, Nursery" in said["message"] and "Elderly day care" not in said["message"]
    assert school[1]["quantity"] == 1200.0 and school[1]["shortfall_m2"] == pytest.approx(270.0)  # the minimum
    said = next(n for n in out["notices"] if n["code"] == "programme.sized_by_households")
    assert "Community health station" in said["message"] and "Elderly day care" not in said["message"]
