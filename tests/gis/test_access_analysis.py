"""The access analysis (gis.analysis.access): capacities entered or default, demand by role with
fallback, shortfall per compound and per zone (pooled or not), refusals naming the option."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest

from gis.analysis.access import AccessRequest, run
from gis.analysis.session import Session
from gis.domain import FieldRole, Role
from gis.errors import FieldMappingError, NeedsAnswer
from gis.layer import Layer
from gis.project import Project
from gis.standards import load_standards
from gis.supply.capacity import DEFAULT, ENTERED, capacity_of, load_capacity
from tests.gis.gaps_fixtures import CRS, at, compounds_layer, square


def facility_layer(rows, *, area=None, places=None) -> Layer:
    """(type, name, point) rows with optional 建筑面积 / 学位 columns."""
    data = {"code": [f"F{i}" for i in range(len(rows))], "type": [r[0] for r in rows], "name": [r[1] for r in rows]}
    fields = {FieldRole.ID: "code", FieldRole.FACILITY_TYPE: "type", FieldRole.NAME: "name"}
    if area is not None:
        data["建筑面积"], fields[FieldRole.FLOOR_AREA] = area, "建筑面积"
    if places is not None:
        data["学位"] = places
    frame = gpd.GeoDataFrame(data, geometry=[r[2] for r in rows], crs=CRS)
    return Layer("facilities", Role.FACILITIES, frame, fields=fields)


def request_for(compounds, facilities, **options) -> AccessRequest:
    project = Project()
    project.add_layer(compounds)
    project.add_layer(facilities)
    return AccessRequest(project, compounds, load_standards(), **options)


@pytest.fixture
def district():
    # C0 and C1 side by side, C2 1 km away; one day-care station of 100 m² between C0 and C1
    compounds = compounds_layer([square(0, 0), square(100, 0), square(1000, 0)], hh=[300, 200, 100],
                                old=[90, 60, 30])
    facilities = facility_layer([("day_care", "养老服务站", at(100, 50)), ("clinic", "卫生服务站", at(1050, 50))],
                                area=[100, 400])
    return compounds, facilities


def test_day_care_access_and_pooled_zone_shortfall(district):
    compounds, facilities = district
    zones = ({"Z": [0, 1], "far": [2]}, {"Z": "东片区", "far": "远片区"})
    outcome = run(request_for(compounds, facilities, facility_type="day_care", zones=zones))
    r = outcome.result
    assert r.demand_role == "elderly" and r.catchment_m == 300.0
    assert r.capacity.flags.tolist() == [ENTERED] and r.capacity.values.tolist() == [100.0]
    np.testing.assert_allclose(r.fca.access, [100 / 150, 100 / 150, 0.0])
    np.testing.assert_allclose(r.fca.received, [60.0, 40.0, 0.0])
    # 20 m² per 100 households: 60 / 40 / 20 m² required
    np.testing.assert_allclose(r.shortfall.required, [60.0, 40.0, 20.0])
    np.testing.assert_allclose(r.shortfall.shortfall, [0.0, 0.0, 20.0])
    z = r.zones
    assert z.pooled and z.names == ["东片区", "远片区"]
    np.testing.assert_allclose(z.supply, [100.0, 0.0])
    np.testing.assert_allclose(z.shortfall, [0.0, 20.0])
    assert r.zone_table()["shortfall"].tolist() == [0.0, 20.0]


def test_zone_not_pooled_sums_member_shortfalls(district):
    compounds, facilities = district
    preset = load_capacity()
    kg = preset.types["kindergarten"]
    assert not kg.provision.pooled
    kids = compounds_layer([square(0, 0), square(100, 0)], hh=[300, 200], kids=[10, 10])
    kids.data["人口"] = [1000, 1000]
    kids.fields[FieldRole.POPULATION] = "人口"
    fac = facility_layer([("kindergarten", "幼儿园", at(50, 50))], places=[40])
    r = run(request_for(kids, fac, facility_type="kindergarten", supply_field="学位",
                        zones=({"Z": [0, 1]}, {}))).result
    np.testing.assert_allclose(r.fca.received, [20.0, 20.0])  # 40 places over 20 children
    np.testing.assert_allclose(r.shortfall.shortfall, [10.0, 10.0])  # 30 per 1,000 residents
    assert r.zones.shortfall.tolist() == [20.0]


def test_default_capacity_is_marked_and_said(district):
    compounds, _ = district
    fac = facility_layer([("day_care", "养老服务站", at(50, 50)), ("day_care", "养老驿站", at(150, 50))],
                         area=[None, "120平方米"])
    outcome = run(request_for(compounds, fac, facility_type="day_care"))
    cap = outcome.result.capacity
    assert cap.flags.tolist() == [DEFAULT, ENTERED] and cap.values.tolist() == [300.0, 120.0]
    assert "supply.capacity_default" in {n.code for n in outcome.notices}
    assert outcome.result.facility_table()["capacity_flag"].tolist() == [DEFAULT, ENTERED]


def test_bad_capacity_cells_are_reported_per_row_not_read_as_zero():
    frame = gpd.GeoDataFrame({"学位": ["90", "-5", "many", None]}, geometry=[at(0, 0)] * 4, crs=CRS)
    cap = capacity_of(frame, np.array(["A", "B", "C", "D"], dtype=object), load_capacity().of("kindergarten"),
                      column="学位")
    assert cap.values.tolist() == [90.0, 270.0, 270.0, 270.0]
    bad = [n for n in cap.notices if n.code == "supply.bad_values"]
    assert bad and bad[0].params["count"] == 2 and bad[0].params["ids"] == "B, C"
    with pytest.raises(FieldMappingError, match="--supply-field"):
        capacity_of(frame, np.arange(4), load_capacity().of("kindergarten"), column="床位")


def test_demand_falls_back_to_households_with_a_notice():
    compounds = compounds_layer([square(0, 0)], hh=[250])
    del compounds.fields[FieldRole.CHILDREN]
    fac = facility_layer([("nursery", "托育中心", at(50, 50))])
    outcome = run(request_for(compounds, fac, facility_type="nursery"))
    assert outcome.result.demand_role == "households" and outcome.result.demand.tolist() == [250.0]
    assert "access.demand_fallback" in {n.code for n in outcome.notices}


def test_refusals_name_the_option(district):
    compounds, facilities = district
    with pytest.raises(NeedsAnswer, match="--demand-field"):
        run(request_for(compounds, facilities, facility_type="day_care", demand_field="人口数"))
    with pytest.raises(NeedsAnswer, match="--supply-field"):
        run(request_for(compounds, facilities, facility_type="day_care", supply_field="面积2"))
    with pytest.raises(NeedsAnswer, match="--network"):
        run(request_for(compounds, facilities, facility_type="day_care", distance="network"))
    bare = compounds_layer([square(0, 0)])
    bare.fields = {FieldRole.ID: "code"}
    with pytest.raises(NeedsAnswer, match="--demand-field"):
        run(request_for(bare, facilities, facility_type="day_care"))


def test_session_runs_access_and_reuses_the_pairs(district):
    compounds, facilities = district
    request = request_for(compounds, facilities, facility_type="day_care", method="e2sfca")
    session = Session(request.project)
    first = session.run("access", request)
    misses = session.cache.misses
    again = session.compute("access", request)
    assert session.latest("access") is first and session.cache.misses == misses
    np.testing.assert_allclose(again.result.access, first.result.access)
    assert first.result.method == "e2sfca"


def test_siting_with_capacities_serves_more_demand_than_plain_covering():
    from gis.analysis.siting import SitingRequest
    from gis.analysis.siting import run as site
    from gis.gaps.access import analyse_gaps

    # one big compound in the west (600 children), two small ones in the east (80 each); no kindergarten
    comps = compounds_layer([square(0, 0), square(2000, 0), square(2150, 0)], kids=[600, 80, 80])
    fac = facility_layer([("nursery", "托育中心", at(0, 5000))])
    lots = gpd.GeoDataFrame({"lot": ["西甲", "西乙", "东"]}, geometry=[at(50, 50), at(60, 60), at(2120, 50)], crs=CRS)
    gaps = analyse_gaps(compounds_layer([square(0, 0), square(2000, 0), square(2150, 0)], hh=[600, 80, 80]), fac,
                        standards=load_standards())
    plain = site(SitingRequest(gaps, "kindergarten", candidates=lots, k=2, method="greedy")).result
    assert plain.sites_frame()["lot"].tolist() == ["西甲", "东"]  # the west compound counts whole once
    access_run = run(request_for(comps, fac, facility_type="kindergarten", demand_field="kids")).result
    capped = site(SitingRequest(gaps, "kindergarten", candidates=lots, k=2, capacity=270.0,
                                access=access_run)).result
    assert capped.method == "capacity"
    # 600 unmet in the west: two sites of 270 there serve 540, more than 270 + 160 with one in the east
    assert sorted(capped.sites_frame()["lot"].tolist()) == ["西乙", "西甲"]
    assert capped.gain.tolist() == [270.0, 270.0] and capped.after["weight"] == 540.0


def test_estimated_demand_is_flagged_from_the_survey_marks():
    compounds = compounds_layer([square(0, 0), square(100, 0), square(200, 0)], old=[40, 20, 10])
    compounds.data["old_来源"] = [None, "estimated:district_shares", "survey"]
    fac = facility_layer([("day_care", "养老服务站", at(100, 50))])
    result = run(request_for(compounds, fac, facility_type="day_care")).result
    assert result.demand_flags.tolist() == ["entered", "estimated", "survey"]
    assert result.compound_table()["demand_flag"].tolist() == ["entered", "estimated", "survey"]
