"""The plan window: a toggle and its undo/redo change the costs back, the map is coloured by
programme year with the reserve marked, presentation steps through the years, the A3 proposal
holds the zone's cost table, refusals are shown, and the window's totals equal ``plan --json``."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QMessageBox

from gis.analysis.session import session_for
from gis.cli import plan as plan_cli
from gis.money import money
from gis.programme.schedule import NONE
from gis.programme.tables import district_totals, zone_items
from gis.project_file import open_project
from gis.settings import Settings
from gui.none_guard import protect_none
from gui.programme import overlays
from gui.programme.proposal import export_proposal, proposal_overlays, proposal_spec, render_proposal
from tests.gui.programme_fixtures import build_project_file

protect_none()
YEARS = (2027, 2031)


@pytest.fixture(scope="module")
def project_file(tmp_path_factory):
    return build_project_file(tmp_path_factory.mktemp("planui"))


@pytest.fixture
def planned(make_window, project_file, qtbot):
    """A window on the project whose programme has been planned (2027-2031, no budget)."""
    win = make_window(open_project(project_file), settings=Settings(autosave_minutes=0))
    ctl = controller(win)
    ctl.panel.set_years(tuple(range(YEARS[0], YEARS[1] + 1)), None)
    ctl.compute()
    qtbot.waitUntil(lambda: ctl.programme is not None, timeout=60000)
    return win, ctl


@pytest.fixture
def warnings(monkeypatch):
    """Message boxes the window would show, recorded instead of shown."""
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a, **k: said.append(text))
    return said


def controller(win):
    return next(f for f in win.features if type(f).__name__ == "ProgrammeController")


def test_toggle_undo_redo_changes_costs_back(planned, qtbot):
    win, ctl = planned
    prog = ctl.programme
    total = district_totals(prog)["cost"]
    fid = 0  # C0: six-storey walk-up, two elevators proposed
    ctl.show_items("compound", fid)
    lift = prog.contents.find("compound", fid, "elevator")
    lift_cost = prog.result().costs.line_cost[lift]
    assert lift_cost > 0
    ctl.tables.contents.check("elevator", False)
    qtbot.waitUntil(lambda: not prog.contents.on[lift], timeout=5000)
    assert district_totals(prog)["cost"] == pytest.approx(total - lift_cost)
    saved = win.project.settings["programme"]["lines"]
    assert {"kind": "compound", "owner": "C0", "item": "elevator", "on": False} .items() <= saved[0].items()
    assert money(total - lift_cost) in ctl.panel.summary.text()
    ctl.stack.undo()
    assert district_totals(prog)["cost"] == pytest.approx(total) and prog.contents.on[lift]
    assert money(total) in ctl.panel.summary.text()
    ctl.stack.redo()
    assert district_totals(prog)["cost"] == pytest.approx(total - lift_cost)
    ctl.stack.undo()


def test_zone_tick_covers_its_members_and_undoes(planned, qtbot):
    _win, ctl = planned
    prog = ctl.programme
    zone = prog.facts.zone_index("1")
    ctl.show_items("zone", zone)
    before = prog.result().zone_cost[zone]
    ctl.tables.contents.check("water", False)
    qtbot.waitUntil(lambda: ctl.stack.canUndo(), timeout=5000)
    members = prog.facts.members[zone]
    lines = [prog.contents.find("compound", int(f), "water") for f in members]
    assert not prog.contents.on[[n for n in lines if n is not None]].any()
    assert prog.result().zone_cost[zone] < before
    ctl.stack.undo()
    assert prog.result().zone_cost[zone] == pytest.approx(before)


def test_a_zone_facility_says_what_its_size_rests_on(planned):
    _win, ctl = planned
    zone = ctl.programme.facts.zone_index("1")
    ctl.show_items("zone", zone)
    tree = ctl.tables.contents.tree
    children = {tree.topLevelItem(k).child(j).data(0, 256): tree.topLevelItem(k).child(j)
                for k in range(tree.topLevelItemCount()) for j in range(tree.topLevelItem(k).childCount())}
    care = children["day_care"].toolTip(1)
    short = ctl.programme.facts.shortfalls["day_care"].amount[zone]
    assert "62.0 m²" in care and short == pytest.approx(62.0)  # 310 households x 20 m² / 100, nothing in reach
    assert "户数" in children["clinic"].toolTip(1) and children["water"].toolTip(1) == ""


def test_map_coloured_by_year_with_reserve_and_legend(planned, qtbot):
    win, ctl = planned
    prog = ctl.programme
    r = prog.result()
    frame = win.map.overlays[overlays.YEAR]
    years = prog.years.years
    for fid, fill in zip(frame["fid"], frame["fill"]):
        assert fill == overlays.year_colour(years, int(r.compound_year[fid]))
    assert len(set(frame["fill"])) >= 3  # zones in several years
    assert overlays.RESERVE not in win.map.overlays
    for fid in range(len(prog.facts)):  # once counts are typed, a compound not asked waits: ask all
        ctl.show_items("compound", fid)
        ctl.type_consent("enter", 60 if fid == 3 else 90, 100)  # C3: 60 % agree -> reserve
    assert list(prog.result().reserve) == [3]
    assert list(win.map.overlays[overlays.RESERVE]["fid"]) == [3]
    assert 3 not in set(win.map.overlays[overlays.YEAR]["fid"])
    texts = [e.text for e in ctl.legend.entries]
    assert any("储备库" in t for t in texts) and any(str(years[0]) in t for t in texts)
    for _ in range(len(prog.facts)):
        ctl.stack.undo()
    assert not prog.consent.known and overlays.RESERVE not in win.map.overlays


def test_pin_and_refused_budget(planned, warnings):
    _win, ctl = planned
    prog = ctl.programme
    zone = prog.facts.zone_index("1")
    ctl.show_items("zone", zone)
    ctl.pin_shown(2031)
    assert prog.result().schedule.year_of_zone[zone] == 2031
    assert "2031 *" in list(ctl.tables.zones.model_.frame["year_text"])
    ctl.stack.undo()
    assert dict(prog.years.pins) == {}
    plan = prog.years
    assert not ctl.set_years(2027, 2031, 1000.0)  # smaller than any zone
    assert warnings and "年度预算 0.1 万元 不足以" in warnings[-1]  # money as the budget box asks for it (万元)
    assert prog.years is plan and prog.result() is not None


def test_catalogue_refusal_is_shown_and_changes_nothing(planned, warnings, tmp_path):
    _win, ctl = planned
    from gis.programme.catalogue import PRESET_PATH

    raw = json.loads(PRESET_PATH.read_text(encoding="utf-8"))
    raw["items"][0]["unit_cost"] = -5
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    total = district_totals(ctl.programme)["cost"]
    assert not ctl.load_catalogue(bad)
    assert warnings and raw["items"][0]["name_zh"] in warnings[-1] and "water" not in warnings[-1]
    assert district_totals(ctl.programme)["cost"] == total
    raw["items"][0]["unit_cost"] = 0
    good = tmp_path / "good.json"
    good.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    assert ctl.load_catalogue(good) and district_totals(ctl.programme)["cost"] < total
    ctl.stack.undo()
    assert district_totals(ctl.programme)["cost"] == pytest.approx(total)


def test_proposal_holds_the_zone_cost_table(planned, tmp_path):
    win, ctl = planned
    prog = ctl.programme
    zone = prog.facts.zone_index("1")
    spec = proposal_spec("zh_CN", dpi=40)
    image = QImage(*__import__("gui.layout.page", fromlist=["Page"]).Page.of(spec).size_px, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    rows = render_proposal(painter, spec, win.project, programme=prog, zone=zone,
                           overlays=proposal_overlays(prog, win.project, zone))
    painter.end()
    items = zone_items(prog, zone)
    assert rows[-1].kind == "total" and rows[-1].cost == pytest.approx(prog.result().zone_cost[zone])
    assert rows[-1].cells[-1] == f"{prog.result().zone_cost[zone]:,.0f}"
    assert sum(r.cost for r in rows if r.kind == "item") == pytest.approx(items["cost"].sum())
    assert "加装电梯" in [r.cells[1] for r in rows]
    out = export_proposal(tmp_path / "zone.png", "png", prog, win.project, zone, proposal_spec("zh_CN", dpi=60))
    assert QImage(str(out)).width() == round(420 / 25.4 * 60)


def test_presentation_steps_through_the_years(planned, qtbot):
    win, ctl = planned
    exports = next(f for f in win.features if type(f).__name__ == "ExportsController")
    mode = exports.start_presentation()
    try:
        mode.set_by_year(True)
        r = ctl.programme.result()
        first = win.map.overlays[overlays.YEAR]
        lit = first[first["fill"] != overlays.LATER]
        assert set(r.compound_year[lit["fid"]]) == {2027}
        assert "2027" in mode.screen.card.title.text()
        mode.next()
        second = win.map.overlays[overlays.YEAR]
        assert (second["fill"] != overlays.LATER).sum() > len(lit)
        assert "2028" in mode.screen.card.title.text()
        mode.set_by_year(False)
    finally:
        mode.stop()
    full = win.map.overlays[overlays.YEAR]
    assert (full["fill"] != overlays.LATER).all()


def test_window_and_cli_give_the_same_totals(planned, project_file, capsys):
    win, ctl = planned
    assert plan_cli.main([str(project_file), "--years", f"{YEARS[0]}-{YEARS[1]}", "--json"]) == 0
    cli = json.loads(capsys.readouterr().out)
    mine = ctl.programme.to_json()
    assert [z["cost"] for z in cli["zones"]] == pytest.approx([z["cost"] for z in mine["zones"]])
    assert [z["year"] for z in cli["zones"]] == [z["year"] for z in mine["zones"]]
    assert [y["cost"] for y in cli["years"]] == pytest.approx([y["cost"] for y in mine["years"]])
    window_total = sum(float(v) for v in ctl.tables.zones.model_.frame["cost"])
    assert window_total == pytest.approx(sum(c["cost"] for c in cli["compounds"]) + sum(
        i["cost"] for z in cli["zones"] for i in z["items"]))
    facilities = [[(i["item"], i["quantity"], i["basis"], i.get("shortfall_m2")) for i in z["items"]]
                  for z in cli["zones"]]
    assert facilities == [[(i["item"], i["quantity"], i["basis"], i.get("shortfall_m2")) for i in z["items"]]
                          for z in mine["zones"]]
    assert {b for z in facilities for it, _q, b, _s in z if it == "day_care"} == {"shortfall"}


def test_excel_report_uses_the_edited_programme(planned, qtbot):
    win, ctl = planned
    ctl.show_items("compound", 0)
    ctl.tables.contents.check("elevator", False)
    qtbot.waitUntil(lambda: ctl.stack.canUndo(), timeout=5000)
    exports = next(f for f in win.features if type(f).__name__ == "ExportsController")
    assert exports.known_outputs().programme is ctl.programme
    assert session_for(win.project).latest("programme").programme is ctl.programme
    assert np.all(ctl.programme.result().compound_year[ctl.programme.result().reserve] == NONE)


def test_catalogue_editor_applies_undoably_and_refuses_bad_shares(planned, tmp_path):
    from gui.programme.catalogue_dialog import COST, CatalogueDialog

    _win, ctl = planned
    prog = ctl.programme
    dialog = CatalogueDialog(ctl)
    water = prog.catalogue.item("water")
    dialog.set_cell("water", COST + 1, "5")  # central share 5 %: the item's shares no longer add up
    total = district_totals(prog)["cost"]
    assert not dialog.apply()
    assert water.name_zh in dialog.message.text() and "water" not in dialog.message.text()
    assert prog.catalogue.item("water") is water
    dialog._fill()
    dialog.set_cell("water", COST, f"{water.unit_cost * 2:,}")
    assert dialog.apply() and prog.catalogue.item("water").unit_cost == water.unit_cost * 2
    assert district_totals(prog)["cost"] > total
    ctl.stack.undo()
    assert prog.catalogue.item("water").unit_cost == water.unit_cost
    saved = dialog.save_to(tmp_path / "mine.json")
    assert saved is not None and "water" in saved.read_text(encoding="utf-8")
    dialog.close()


def test_another_project_clears_the_programme(planned):
    win, ctl = planned
    from gis.project import Project

    assert overlays.YEAR in win.map.overlays and ctl.tables.zones.model_.rowCount()
    win.set_project(Project())
    assert ctl.programme is None and overlays.YEAR not in win.map.overlays
    assert ctl.tables.zones.model_.rowCount() == 0 and not ctl.legend.entries
    assert not ctl.actions["proposal"].isEnabled()


def test_consent_table_import_is_undoable_and_reports_rows(planned, qtbot, tmp_path):
    from openpyxl import load_workbook

    _win, ctl = planned
    prog = ctl.programme
    table = tmp_path / "意愿.csv"
    rows_ = [f"C{i},enter,{50 if i == 6 else 95},100" for i in range(8)] + ["C99,enter,5,5"]
    table.write_text("id,stage,agree,total\n" + "\n".join(rows_) + "\n", encoding="utf-8")
    ctl.import_consent(table)
    qtbot.waitUntil(lambda: prog.consent.known, timeout=10000)
    assert list(prog.result().reserve) == [6]
    assert "8" in ctl.panel.status.text() and "1" in ctl.panel.status.text()  # 8 rows used, 1 left out
    assert any("C99" in ctl.panel.notices.item(k).text() for k in range(ctl.panel.notices.count()))
    book = tmp_path / "plan.xlsx"
    ctl.export_to(book)
    qtbot.waitUntil(book.exists, timeout=10000)
    reserve = load_workbook(book)["储备库"]
    assert [row[0] for row in reserve.iter_rows(min_row=2, values_only=True)][:1] == ["C6"]
    ctl.stack.undo()
    assert not prog.consent.known and len(prog.result().reserve) == 0


def test_household_target_spreads_the_zones(planned):
    _win, ctl = planned
    prog = ctl.programme
    ctl.panel.budget.setValue(100_000)  # 万元: 1e9 yuan a year, room for every zone
    ctl.panel.households.setValue(400)
    ctl.panel.apply_button.click()
    r = prog.result()
    assert prog.years.households == 400 and prog.years.budget == 1e9
    assert all(h <= 400 for h in r.schedule.households)
    zone2 = prog.facts.zone_index("2")  # 450 households: more than a year's target
    assert zone2 in r.schedule.unscheduled
    assert any(n.code == "programme.zone_over_budget" for n in r.notices)
    ctl.stack.undo()
    assert prog.years.households is None and zone2 not in prog.result().schedule.unscheduled
