"""The plan dock's leftovers of issue 14: funding channels in the zone and compound tables,
elevator votes typed per compound and per building (undoable), the explicit consent switch,
and the dock's English wording not cut off."""

from __future__ import annotations

import numpy as np
import pytest

from gis.money import wan_number
from gis.programme.catalogue import CHANNELS
from gis.programme.tables import compound_table, zone_table
from tests.gui.test_programme_window import controller, planned, project_file, warnings  # noqa: F401 (fixtures)


def _column(table, key):
    return [c.key for c in table.model_.columns].index(key)


def _cells(table, key) -> list[str]:
    col = _column(table, key)
    model = table.model_
    return [model.data(model.index(r, col)) for r in range(model.rowCount())]


def test_zone_and_compound_tables_split_the_cost_by_channel(planned):
    _win, ctl = planned
    prog, tables = ctl.programme, ctl.tables
    zones, compounds = zone_table(prog), compound_table(prog)
    assert zones[list(CHANNELS)].sum(axis=1).to_numpy() == pytest.approx(zones["cost"].to_numpy())
    for table, frame in ((tables.zones, zones), (tables.compounds, compounds)):
        headers = [c.header for c in table.model_.columns]
        assert all(any("万元" in h and h.startswith(name) for h in headers)
                   for name in ("中央补助", "地方财政", "居民出资"))
        paying = [ch for ch in CHANNELS if frame[ch].sum() > 0]
        assert len(paying) >= 3
        for ch in paying:
            cells = _cells(table, ch)  # 万元, the one money rule (gis.money): 487.85 / 465.2
            assert cells == [wan_number(v) for v in frame[ch]]
            assert [float(c.replace(",", "")) * 1e4 for c in cells] == pytest.approx(list(frame[ch]), abs=50)


FAIL = [30, 18, 10, np.nan, np.nan, np.nan]  # 18 of 30 take part: below 2/3
PASS = [30, 24, 20, 3000, 2400, 2000]


def test_an_elevator_vote_typed_for_a_compound_holds_its_elevators_and_undoes(planned, warnings):
    _win, ctl = planned
    prog = ctl.programme
    ctl.show_items("compound", 0)  # C0: two elevators proposed
    lift = prog.contents.find("compound", 0, "elevator")
    cost = prog.result().costs.line_cost[lift]
    vote = ctl.tables.contents.vote
    assert ctl.tables.contents.pages.isTabVisible(1) and "尚无表决" in vote.verdict.text()
    vote.type_vote(FAIL)
    assert prog.result().held[lift] == 1 and prog.result().costs.line_cost[lift] == 0
    assert "未通过" in vote.verdict.text() and np.isnan(prog.consent.votes[0, 3])
    ctl.stack.undo()
    assert prog.result().costs.line_cost[lift] == pytest.approx(cost) and not prog.consent.elevator_voted()[0]
    vote.type_vote(PASS)
    assert prog.result().held[lift] == 0 and "通过" in vote.verdict.text()
    assert prog.consent.votes[0].tolist() == PASS
    vote.clear_button.click()
    assert not prog.consent.elevator_voted()[0]
    ctl.stack.undo()
    ctl.stack.undo()
    vote.type_vote([30, 20, 25, np.nan, np.nan, np.nan])  # more agree than take part: refused, nothing changes
    assert warnings and "参与" in warnings[-1] and not prog.consent.elevator_voted().any()


def test_an_elevator_vote_typed_for_one_building(planned):
    _win, ctl = planned
    prog = ctl.programme
    lifts = prog.facts.lifts
    assert lifts is not None and len(lifts)
    b = int(np.flatnonzero(lifts.elevators > 0)[0])
    fid = int(lifts.compound[b])
    ctl.show_items("compound", fid)
    vote = ctl.tables.contents.vote
    assert vote.target.findData(b) > 0 and vote.target.count() == 1 + int((lifts.compound == fid).sum())
    vote.type_vote(FAIL, building=b)
    lift = prog.contents.find("compound", fid, "elevator")
    share = lifts.elevators[b] / prog.facts.elevators[fid]
    assert prog.result().held[lift] == pytest.approx(min(share, 1.0))
    assert not prog.consent.elevator_voted()[fid] and prog.consent.buildings_failed()[b]
    ctl.stack.undo()
    assert not prog.consent.buildings_failed().any() and prog.result().held[lift] == 0


def test_the_consent_switch_says_how_many_are_unasked_and_undoes(planned):
    _win, ctl = planned
    prog, switch = ctl.programme, ctl.panel.consent_switch
    n = len(prog.facts)
    assert not switch.box.isChecked() and "均视为同意" in switch.text.text()
    ctl.show_items("compound", 0)
    ctl.tables.contents.agree.setValue(90)
    ctl.tables.contents.total.setValue(100)
    ctl.tables.contents.consent_button.click()
    assert prog.consent.known and switch.box.isChecked()
    assert f"{n} 个小区中有 {n - 1} 个尚未征询" in switch.text.text()
    assert f"{n - 1} 个尚未征询的小区进入储备库" in ctl.panel.status.text()
    waiting = len(prog.result().reserve)
    assert waiting > 0
    switch.box.click()  # not required: everyone agrees, the count is kept
    assert not prog.consent.known and len(prog.result().reserve) == 0 and prog.consent.asked("enter")[0]
    assert not switch.box.isChecked() and f"{n} 个小区中 1 个已有征询数据" in switch.text.text()
    ctl.stack.undo()
    assert prog.consent.known and switch.box.isChecked() and len(prog.result().reserve) == waiting
    ctl.stack.undo()
    assert not prog.consent.known and not prog.consent.asked("enter").any()


def test_english_titles_and_item_names_are_not_cut_off(make_window, project_file, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QTabBar

    from gis.project_file import open_project
    from gis.settings import Settings
    from gui.i18n import install_translator

    install_translator(QApplication.instance(), "en")
    try:
        win = make_window(open_project(project_file), settings=Settings(autosave_minutes=0), size=(1600, 1000))
        ctl = controller(win)
        ctl.show_docks()
        ctl.compute()
        qtbot.waitUntil(lambda: ctl.programme is not None, timeout=60000)
        ctl.show_items("compound", 0)
        qtbot.wait(100)
        bars = [b for b in win.findChildren(QTabBar) if b.parent() is win and b.count()]
        titles = {b.tabText(k) for b in bars for k in range(b.count())}
        assert "Renovation programme" in titles and "Programme tables" in titles
        assert all(b.elideMode() == Qt.TextElideMode.ElideNone and b.usesScrollButtons() for b in bars)
        tree = ctl.tables.contents.tree
        names = [tree.topLevelItem(k).child(j) for k in range(tree.topLevelItemCount())
                 for j in range(tree.topLevelItem(k).childCount())]
        assert any(c.text(0) == "Drainage and sewer separation" for c in names)
        metrics = tree.fontMetrics()
        for child in names:
            assert child.toolTip(0) == child.text(0)
            assert tree.columnWidth(0) >= metrics.horizontalAdvance(child.text(0)) + 2 * tree.indentation()
        header = ctl.tables.zones.model_
        assert header.headerData(7, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == (
            "Central subsidy (10,000 yuan)")
    finally:
        install_translator(QApplication.instance(), "zh_CN")
