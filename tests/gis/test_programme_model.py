"""The programme engine: proposal, costs with caps, consent, years, and undoable edits."""

from __future__ import annotations

import numpy as np
import pytest

from gis.errors import AnalysisError
from gis.programme import Programme, YearPlan, load_catalogue, propose
from gis.programme.catalogue import CHANNELS
from gis.programme.consent import Consent, civil_code
from gis.programme.costs import compute_costs
from gis.programme.schedule import schedule, spread, zone_order
from tests.gis.programme_fixtures import small_facts

CH = list(CHANNELS)
YEARS = YearPlan((2027, 2028, 2029))


def _lines(contents, kind):
    f = contents.frame()
    return f[f["kind"] == kind]


def test_proposal_basic_items_for_old_compounds_elevators_and_one_facility_per_zone():
    cat, facts = load_catalogue(), small_facts()
    contents = propose(cat, facts)
    comp = _lines(contents, "compound")
    water = comp[comp["item"] == "water"]
    assert sorted(water["owner"]) == [0, 1, 2, 3, 5]  # E (fid 4) was built after the cut-off
    assert water.set_index("owner")["quantity"][3] == 28000
    lifts = comp[comp["item"] == "elevator"].set_index("owner")["quantity"]
    assert lifts.to_dict() == {1: 2, 3: 4, 5: 1}
    assert "energy" not in set(comp["item"])  # proposed "never": only when ticked
    zone = _lines(contents, "zone")
    got = {(int(o), i) for o, i in zip(zone["owner"], zone["item"])}
    # zone 1 (A-C): B has a canteen and everyone a nursery, so only a clinic; zone 2 pools D's clinic
    assert got == {(0, "clinic"), (1, "elderly_canteen"), (1, "nursery"), (2, "clinic"), (2, "nursery")}
    assert not set(comp["item"]) & {"clinic", "nursery", "elderly_canteen"}  # never once per compound


def test_costs_split_by_channel_with_caps_and_add_up():
    cat, facts = load_catalogue(), small_facts()
    contents = propose(cat, facts)
    costs = compute_costs(contents)
    assert costs.line_funding.sum(axis=1) == pytest.approx(costs.line_cost)
    facade = contents.find("compound", 0, "facade")
    assert costs.line_cost[facade] == pytest.approx(7000 * 120)
    fund = costs.line_funding[facade]
    assert fund[CH.index("residents")] == pytest.approx(7000 * 10)  # capped at ¥10/m², not 10 % (84,000)
    assert fund[CH.index("local")] == pytest.approx(0.3 * 840_000 + 14_000)
    lift = contents.find("compound", 1, "elevator")
    assert costs.line_funding[lift, CH.index("elevator_subsidy")] == pytest.approx(200_000)  # the city's rule
    assert costs.line_funding[lift, CH.index("residents")] == pytest.approx(2 * 700_000 - 200_000)
    clinic = contents.find("zone", 0, "clinic")
    assert costs.line_cost[clinic] == pytest.approx(150 * 4500)
    by_item = costs.by_item().set_index("item")
    assert by_item["cost"].sum() == pytest.approx(costs.total())
    assert costs.zone_cost().sum() == pytest.approx(costs.total())


def test_schedule_fills_years_in_priority_order_under_the_budget():
    cost, hh, n = np.array([100.0, 50, 80, 30]), np.array([10.0, 20, 30, 40]), np.array([1, 1, 1, 1])
    plan = YearPlan((2027, 2028), budget=130)
    s = schedule(plan, cost=cost, households=hh, compounds=n, eligible=np.ones(4, bool),
                 order=np.array([1, 0, 3, 2]), names=list("abcd"))
    assert s.year_of_zone.tolist() == [2028, 2027, -1, 2027]
    assert s.spend.tolist() == [80, 100] and s.unscheduled.tolist() == [2]
    assert [x.code for x in s.notices] == ["programme.years_full"]
    pinned = schedule(YearPlan((2027, 2028), budget=130, pins=((2, 2028),)), cost=cost, households=hh,
                      compounds=n, eligible=np.ones(4, bool), order=np.array([1, 0, 3, 2]), names=list("abcd"))
    assert pinned.year_of_zone.tolist() == [-1, 2027, 2028, 2027]


def test_budget_refusals_and_oversized_zones_are_named():
    args = dict(households=np.ones(2), compounds=np.ones(2), eligible=np.ones(2, bool), order=np.arange(2),
                names=["片区1", "片区2"])
    with pytest.raises(AnalysisError, match="too small for any zone: the smallest costs CNY 50"):
        schedule(YearPlan((2027,), budget=20), cost=np.array([100.0, 50]), **args)
    s = schedule(YearPlan((2027,), budget=60), cost=np.array([100.0, 50]), **args)
    assert s.year_of_zone.tolist() == [-1, 2027] and "片区1" in s.notices[0].message
    with pytest.raises(AnalysisError, match="pinned to 2027 cost CNY 150,"):
        schedule(YearPlan((2027,), budget=120, pins=((0, 2027), (1, 2027))), cost=np.array([100.0, 50]), **args)
    with pytest.raises(AnalysisError, match="outside the programme years"):
        schedule(YearPlan((2027,), budget=120, pins=((0, 2031),)), cost=np.array([100.0, 50]), **args)


def test_budget_messages_say_money_as_the_window_does():
    args = dict(households=np.ones(2), compounds=np.ones(2), eligible=np.ones(2, bool), order=np.arange(2),
                names=["片区1", "片区2"])
    with pytest.raises(AnalysisError) as refused:
        schedule(YearPlan((2027,), budget=20_000_000), cost=np.array([39_800_000.0, 25_000_000]), **args)
    assert refused.value.message == ("The annual budget of CNY 20 million is too small for any zone: the smallest "
                                     "costs CNY 25 million. Raise the budget or split zones.")
    assert refused.value.params_in("zh_CN")["smallest"] == "2,500 万元"
    with pytest.raises(AnalysisError, match="cost CNY 64.8 million, more than the annual budget of CNY 50 million"):
        schedule(YearPlan((2027,), budget=50_000_000, pins=((0, 2027), (1, 2027))),
                 cost=np.array([39_800_000.0, 25_000_000]), **args)
    s = schedule(YearPlan((2027,), budget=30_000_000), cost=np.array([25_000_000.0, 20_000_000]), **args)
    late = next(n for n in s.notices if n.code == "programme.years_full")
    assert "(CNY 20 million)" in late.message and "（2,000 万元）" in late.in_language("zh_CN")
    even = spread(YearPlan((2027, 2028), budget=None), cost=np.array([39_800_000.0, 25_000_000]), **args)
    said = next(n for n in even.notices if n.code == "programme.no_budget")
    assert said.message.endswith("about CNY 32.4 million a year.")


def test_zone_order_takes_the_best_member_rank():
    order = zone_order(np.array([3.0, 1, 4, 2, np.nan, 5]), np.array([0, 0, 0, 1, 1, 2]), 3)
    assert order.tolist() == [0, 1, 2]
    assert zone_order(np.array([np.nan, 1.0]), np.array([0, 1]), 2).tolist() == [1, 0]


def test_programme_years_and_reserve_follow_consent():
    facts = small_facts()
    consent = Consent.empty(len(facts), known=True)
    for fid in (0, 1, 3, 4, 5):
        consent.set(fid, "enter", 85, 100)
    consent.set(2, "enter", 70, 100)  # C: below 80 % → reserve
    prog = Programme(facts, load_catalogue(), YearPlan((2027, 2028), budget=1e9), consent=consent)
    r = prog.result()
    assert r.reserve.tolist() == [2]
    assert r.compound_year.tolist() == [2027, 2027, -1, 2027, 2027, 2027]
    assert r.zone_cost[0] == pytest.approx(r.costs.compound_cost()[[0, 1]].sum() + r.costs.zone_own_cost()[0])
    assert r.schedule.spend.sum() == pytest.approx(r.zone_cost.sum())
    out = prog.to_json()
    assert out["reserve"] == ["C"]
    assert [c["consent_ok"] for c in out["compounds"]] == [True, True, False, True, True, True]
    assert {z["id"]: z["year"] for z in out["zones"]} == {1: 2027, 2: 2027, "c:F": 2027}


def test_not_asked_compounds_wait_and_no_table_means_agreement():
    facts = small_facts()
    asked = Consent.empty(len(facts), known=True)
    asked.set(0, "enter", 90, 100)
    r = Programme(facts, load_catalogue(), YEARS, consent=asked).result()
    assert r.reserve.tolist() == [1, 2, 3, 5]  # E has no work (new): not in the reserve
    assert any(n.code == "programme.reserve" for n in r.notices)
    r = Programme(facts, load_catalogue(), YEARS).result()
    assert r.reserve.size == 0 and any(n.code == "programme.no_consent" for n in r.notices)


def test_civil_code_rule_by_area_and_headcount():
    #            total part agree  area_t area_p area_a
    rows = np.array([[30, 20, 15, 3000, 2000, 1500],   # exactly 2/3 and 3/4: passes
                     [30, 19, 19, 3000, 3000, 3000],   # too few take part by headcount
                     [30, 30, 30, 3000, 3000, 2200],   # area agreement below 3/4
                     [30, 24, 18, np.nan, np.nan, np.nan]])  # no areas: headcount alone
    assert civil_code(*rows.T).tolist() == [True, False, False, True]


def test_failed_elevator_vote_holds_the_elevators_back():
    facts = small_facts()
    prog = Programme(facts, load_catalogue(), YEARS)
    before = prog.set_vote(1, [30, 30, 10, np.nan, np.nan, np.nan])  # B votes no
    assert np.isnan(before).all()
    r = prog.result()
    lift = prog.contents.find("compound", 1, "elevator")
    assert r.held[lift] and r.costs.line_cost[lift] == 0
    assert r.costs.held_cost[lift] == pytest.approx(1_400_000)
    assert not r.held[prog.contents.find("compound", 3, "elevator")]
    prog.set_vote(1, before)  # undo: no vote recorded, the elevators go ahead
    assert not prog.result().held[lift]


def test_edits_are_undoable_and_reschedule():
    prog = Programme(small_facts(), load_catalogue(), YearPlan((2027, 2028), budget=1e9))
    seen = []
    prog.changed.connect(lambda: seen.append(1))
    before = prog.result().costs.total()
    edit = prog.toggle("compound", 1, "elevator", False)
    assert prog.result().costs.total() == pytest.approx(before - 1_400_000)
    prog.contents.apply(edit.inverse())
    assert prog.result().costs.total() == pytest.approx(before)
    added = prog.toggle("compound", 0, "energy", True)  # not proposed: added with the facts' quantity
    assert prog.result().costs.total() == pytest.approx(before + 7000 * 80)
    prog.contents.apply(added.inverse())
    assert prog.result().costs.total() == pytest.approx(before)
    old = prog.pin(2, 2028)
    assert prog.result().schedule.year_of_zone[2] == 2028
    prog.set_years(old)
    assert prog.result().schedule.year_of_zone[2] == 2027
    assert len(seen) == 6


def test_without_a_budget_the_work_is_spread_over_the_years():
    r = Programme(small_facts(), load_catalogue(), YearPlan((2027, 2028, 2029))).result()
    assert set(r.schedule.year_of_zone.tolist()) == {2027, 2028, 2029}
    assert any(n.code == "programme.no_budget" for n in r.notices)


def test_a_failed_vote_per_building_holds_that_buildings_elevators_only():
    from gis.programme.facts import BuildingLifts

    facts = small_facts(lifts=BuildingLifts(np.array(["B1", "B2", "B3"], dtype=object), np.array([3, 3, 1]),
                                            np.array([3, 1, 2])))
    prog = Programme(facts, load_catalogue(), YEARS)
    assert prog.consent.building_votes.shape == (3, 6)
    prog.set_vote(0, [30, 30, 10, np.nan, np.nan, np.nan], building=True)  # B1 (3 of D's 4 elevators) votes no
    prog.set_vote(1, [30, 30, 29, np.nan, np.nan, np.nan], building=True)  # B2 votes yes
    r = prog.result()
    lift = prog.contents.find("compound", 3, "elevator")
    assert r.held[lift] == pytest.approx(0.75)
    assert r.costs.line_cost[lift] == pytest.approx(700_000) and r.costs.held_cost[lift] == pytest.approx(2_100_000)
    # the subsidy cap shrinks with the elevators that go ahead: ¥100,000 each
    assert r.costs.line_funding[lift, CH.index("elevator_subsidy")] == pytest.approx(100_000)


def test_edits_survive_as_state_keyed_by_ids():
    from gis.programme.state import programme_state, restore_consent, restore_contents

    facts = small_facts()
    prog = Programme(facts, load_catalogue(), YearPlan((2027, 2028), budget=1e9, pins=((2, 2028),)))
    prog.toggle("compound", 1, "elevator", False)
    prog.toggle("compound", 0, "energy", True)
    prog.contents.set_lines([prog.contents.find("zone", 0, "clinic")], quantity=400)
    prog.set_consent(3, "enter", 60, 100)
    state = programme_state(prog)
    assert {(r["owner"], r["item"], r["on"]) for r in state["lines"]} == {
        ("B", "elevator", False), ("A", "energy", True), (1, "clinic", True)}
    assert state["pins"] == [["c:F", 2028]] and state["consent"]["stages"][0]["id"] == "D"
    again = Programme(facts, load_catalogue(), YearPlan((2027, 2028), budget=1e9, pins=((2, 2028),)),
                      consent=Consent.empty(len(facts)))
    assert restore_contents(again.contents, state) == [] and restore_consent(again.consent, state, facts) == []
    assert again.result().costs.total() == pytest.approx(prog.result().costs.total())
    assert again.result().reserve.tolist() == prog.result().reserve.tolist() != []
    state["lines"].append({"kind": "compound", "owner": "Z", "item": "water", "on": True, "quantity": 1})
    assert [n.code for n in restore_contents(again.contents, state)] == ["programme.edits_lost"]


def test_annual_household_and_compound_targets_cap_each_year():
    args = dict(cost=np.array([10.0, 10, 10]), households=np.array([300.0, 300, 300]),
                compounds=np.array([2, 1, 1]), eligible=np.ones(3, bool), order=np.arange(3), names=list("abc"))
    s = schedule(YearPlan((2027, 2028), households=600), **args)
    assert s.year_of_zone.tolist() == [2027, 2027, 2028]
    (short,) = s.notices  # 2028 holds 300 households of the 600 asked for
    assert short.code == "programme.below_target" and short.params["year"] == 2028 and short.params["done"] == 300
    s = schedule(YearPlan((2027, 2028), compounds=2), **args)
    assert s.year_of_zone.tolist() == [2027, 2028, 2028]


def test_facts_say_what_they_could_not_measure():
    from gis.gaps.compounds import CompoundTable
    from gis.programme.facts import PlanFacts
    from tests.gis.gaps_fixtures import compounds_layer, square

    layer = compounds_layer([square(0, 0), square(200, 0)], hh=[100, None], year=[1990, 1995])
    from types import SimpleNamespace

    other_layers_plan = SimpleNamespace(n=5, zones={1: SimpleNamespace(members=frozenset({0, 1}), name="片区 1")})
    facts = PlanFacts.from_results(CompoundTable.from_layer(layer), dwelling_m2=60, zones=other_layers_plan)
    assert facts.floor_area_m2.tolist() == [6000, 0] and facts.zone_ids == ["c:C0", "c:C1"]
    codes = {n.code for n in facts.notices}
    assert {"programme.floor_area_estimated", "programme.floor_area_unknown", "programme.no_gaps",
            "programme.zones_mismatch"} <= codes


def test_a_facility_proposed_for_old_compounds_goes_once_to_every_zone_sized_by_households():
    from dataclasses import replace

    cat = load_catalogue()
    cat = cat.with_item(replace(cat.item("service_room"), propose="old"))
    zone = _lines(propose(cat, small_facts()), "zone")
    rooms = zone[zone["item"] == "service_room"].set_index("owner")["quantity"]
    # 30 m² per 100 households, at least 150 m²: zone 1 has 600 households, zone 2 900, F 50
    assert rooms.to_dict() == {0: 180.0, 1: 270.0, 2: 150.0}
    prog = Programme(small_facts(), cat, YEARS)
    assert prog.toggle("zone", 0, "nursing_home", True).lines  # a zone-level item added by hand
    line = prog.contents.find("zone", 0, "nursing_home")
    assert prog.contents.quantity[line] == 1500 and prog.contents.on[line]


def test_tables_for_views_and_the_zone_layout():
    from gis.programme.tables import compound_table, district_totals, zone_items, zone_table

    facts = small_facts()
    consent = Consent.empty(len(facts), known=True)
    for fid in (0, 2, 3, 4, 5):
        consent.set(fid, "enter", 90, 100)  # B (fid 1) has not been asked
    prog = Programme(facts, load_catalogue(), YearPlan((2027, 2028), budget=1e9), consent=consent)
    r = prog.result()
    comp = compound_table(prog)
    assert comp.loc[0, "per_household"] == pytest.approx(comp.loc[0, "cost"] / 100)
    assert comp.loc[0, "per_m2"] == pytest.approx(comp.loc[0, "cost"] / 7000)
    assert comp["reserve"].tolist() == [False, True, False, False, False, False]
    assert comp[CH].sum(axis=1).to_numpy() == pytest.approx(comp["cost"].to_numpy())
    zones = zone_table(prog)
    assert zones.loc[0, "households"] == 400 and zones.loc[0, "compounds"] == 2  # A and C; B waits
    assert zones["cost"].sum() == pytest.approx(r.schedule.spend.sum())
    items = zone_items(prog, 0)
    assert items["cost"].sum() == pytest.approx(zones.loc[0, "cost"])
    assert items.loc[items["item"] == "water", "quantity"].item() == 7000 + 21000  # A and C, not B
    assert items.loc[items["item"] == "clinic", "shared"].item()
    assert items["item"].tolist()[0] == "water"  # catalogue order
    total = district_totals(prog)
    assert total["cost"] == pytest.approx(r.costs.total()) and total["reserve"] == 1
    assert sum(total[ch] for ch in CH) == pytest.approx(total["cost"])


def test_an_edited_catalogue_reprices_the_lines_and_is_undoable():
    from dataclasses import replace

    from gis.programme.catalogue import CatalogueError

    prog = Programme(small_facts(), load_catalogue(), YEARS)
    before = prog.result().costs.total()
    cat = prog.catalogue
    dearer = cat.with_item(replace(cat.item("water"), unit_cost=45))
    reordered = replace(dearer, items=tuple(reversed(dearer.items)))
    old = prog.set_catalogue(reordered)
    water = 7000 + 14000 + 21000 + 28000 + 3500  # floor area of the old compounds
    assert prog.result().costs.total() == pytest.approx(before + 10 * water)
    assert prog.contents.find("compound", 0, "water") is not None
    prog.set_catalogue(old)
    assert prog.result().costs.total() == pytest.approx(before)
    smaller = replace(cat, items=tuple(it for it in cat.items if it.key != "elevator"))
    with pytest.raises(CatalogueError, match="lines of Elevators,"):
        prog.set_catalogue(smaller)


def test_the_docks_lookups_and_a_whole_item_tick():
    prog = Programme(small_facts(), load_catalogue(), YEARS)
    c = prog.contents
    assert prog.facts.compound_index("D") == 3 and prog.facts.compound_index("nope") is None
    assert prog.facts.zone_index("c:F") == 2 and prog.facts.zone_index("片区2") == 1
    lines = c.lines_of("compound", 1)
    assert {c.catalogue.items[i].key for i in c.item[lines]} >= {"water", "elevator"}
    edit = c.toggle_item("elevator", False)  # the dock's tick on the item for every compound
    assert len(edit.lines) == 3 and not c.on[list(edit.lines)].any()
    assert prog.result().costs.by_item().set_index("item").loc["elevator", "cost"] == 0
    c.apply(edit.inverse())
    assert prog.result().costs.by_item().set_index("item").loc["elevator", "cost"] == pytest.approx(7 * 700_000)
    with pytest.raises(AnalysisError, match="zero or more"):
        c.set_lines(lines[:1], quantity=-1)


def test_without_a_budget_the_spread_respects_the_annual_household_target():
    from gis.programme.schedule import spread

    args = dict(cost=np.array([100.0, 10, 10, 10]), households=np.array([300.0, 300, 300, 700]),
                compounds=np.ones(4, int), eligible=np.ones(4, bool), order=np.arange(4), names=list("abcd"))
    s = spread(YearPlan((2027, 2028), households=600), **args)
    assert (s.households <= 600).all()
    assert s.year_of_zone.tolist()[:3] in ([2027, 2028, 2028], [2028, 2027, 2027], [2027, 2027, 2028],
                                           [2027, 2028, 2027])
    assert s.year_of_zone[3] == -1 and s.unscheduled.tolist() == [3]  # 700 households: above the target alone
    (over,) = [n for n in s.notices if n.code == "programme.over_target"]
    assert over.params["zones"] == "d" and over.params["count"] == 1
    free = spread(YearPlan((2027, 2028)), **args)  # no target: everything placed
    assert (free.year_of_zone != -1).all() and len(free.unscheduled) == 0


def test_consent_switched_off_keeps_the_counts_and_survives_as_state():
    from gis.programme.state import programme_state, restore_consent

    facts = small_facts()
    prog = Programme(facts, load_catalogue(), YEARS)
    prog.set_consent(3, "enter", 60, 100)  # the first count makes consent required: the unasked wait
    assert prog.consent.known and len(prog.result().reserve) == 5
    assert prog.require_consent(False) is True
    assert len(prog.result().reserve) == 0 and prog.consent.asked("enter")[3]
    again = Consent.empty(len(facts))
    restore_consent(again, programme_state(prog), facts)
    assert not again.known and again.asked("enter")[3]
    prog.require_consent(True)
    restore_consent(again, programme_state(prog), facts)
    assert again.known
