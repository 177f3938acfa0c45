"""Elevator gaps in the window: counts per compound and zone, subsidy presets, custom amounts,
plan years, the floor threshold, the marks on the map, and the choice saved with the project."""

from __future__ import annotations

import numpy as np

from gis.domain import Role
from gis.zones.model import ZoneModel
from gui.gaps import overlays as ov
from gui.gaps.elevator_panel import CUSTOM, NONE
from tests.gui.gaps_fixtures import controller, gap_project, gaps_registered, run, walk_ups  # noqa: F401


def recounted(ctl, qtbot, check) -> None:
    qtbot.waitUntil(lambda: ctl.outcome.elevators is not None and check(ctl.outcome.elevators), timeout=10000)


def test_counts_and_subsidy_presets(make_window, qtbot):
    project = gap_project()
    win = make_window(project)
    ctl = controller(win)
    panel = ctl.panel.elevators
    panel.set_rule_key(NONE)
    out = run(ctl, qtbot)
    need = walk_ups(project)
    assert len(need) == 8
    elev = out.elevators
    assert sorted(elev.candidates.tolist()) == need.tolist()
    assert elev.totals()["elevators"] == 16  # 4 households per floor, 2 per landing: 2 stairwells each
    assert elev.totals()["subsidy"] == 0
    rows = ctl.panel.compounds.model_.frame
    assert rows["elevator_buildings"].sum() == 8
    assert rows.loc[need, "elevator_households"].tolist() == project.first(Role.BUILDINGS).data["户数"][need].tolist()
    assert "8" in panel.totals.text()

    panel.set_rule_key("ankang")
    recounted(ctl, qtbot, lambda e: e.params.rule is not None and e.params.rule.key == "ankang")
    assert ctl.outcome.elevators.totals()["subsidy"] == 16 * 100_000
    assert project.settings["subsidy_rule"] == "ankang" and project.dirty

    panel.set_rule_key("changchun")
    assert [panel.year.itemData(i) for i in range(panel.year.count())] == [2021, 2022, 2023, 2024, 2025]
    panel.year.setCurrentIndex(panel.year.findData(2023))
    recounted(ctl, qtbot, lambda e: e.params.rule is not None and e.params.year == 2023)
    assert ctl.outcome.elevators.totals()["subsidy"] == 16 * 150_000

    panel.set_rule_key(CUSTOM)
    panel.custom.setValue(120_000)
    recounted(ctl, qtbot, lambda e: e.params.rule is not None and e.params.rule.key == "custom"
              and e.params.rule.amount == 120_000)
    totals = ctl.outcome.elevators.totals()
    assert totals["subsidy"] == 16 * 120_000
    assert totals["residents_share"] == totals["cost"] - totals["subsidy"]
    assert "subsidy_rule" not in project.settings  # the export reads only preset keys


def test_floor_threshold_marks_and_zones(make_window, qtbot):
    project = gap_project()
    win = make_window(project)
    ctl = controller(win)
    run(ctl, qtbot)
    ctl.panel.show_elevators.setChecked(True)
    ctl.apply_filters()
    assert ov.ELEVATORS in ctl.map.shown
    assert any(str(len(walk_ups(project))) in e.text for e in ctl.map.legend.entries)
    ctl.panel.elevators.min_floors.setValue(6)
    recounted(ctl, qtbot, lambda e: e.params.min_floors == 6)
    assert sorted(ctl.outcome.elevators.candidates.tolist()) == walk_ups(project, 6).tolist()
    assert project.settings["elevator_min_floors"] == 6
    # per zone: a zone of compounds 0, 1, 4, 5 (neighbours across 20 m streets)
    model = ZoneModel.from_layer(project.first(Role.COMPOUNDS), gap=30.0)
    project.set_zones(model)
    model.merge([0, 1, 4, 5])
    zid = next(iter(model.zones))
    panel = ctl.panel.elevators
    panel.group.setCurrentIndex(panel.group.findData("zone"))
    frame = panel.table.model_.frame
    assert frame.index.tolist() == [zid]
    members = np.isin(ctl.outcome.elevators.frame["compound"], [0, 1, 4, 5]) & ctl.outcome.elevators.frame["candidate"]
    assert frame.loc[zid, "buildings"] == int(members.sum())


def test_no_buildings_layer_is_explained(make_window, qtbot):
    project = gap_project(buildings=False)
    win = make_window(project)
    ctl = controller(win)
    out = run(ctl, qtbot)
    assert out.elevators is None
    assert ctl.panel.elevators.totals.text() == ctl.panel.elevators.tr(
        "The project has no buildings layer: add one with floors and elevator fields to count elevator needs.")
