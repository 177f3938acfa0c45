"""Access and capacity in the window: the run off the UI thread equals the engine's, the tables
show the entered/default flags, the map draws the choropleth and its legend, Cancel keeps the rest."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from gis.analysis.access import AccessRequest
from gis.analysis.access import run as run_access
from gis.domain import Role
from gis.standards import load_standards
from gui.access import overlay as ov
from gui.access.controller import AccessController
from tests.gui.gaps_fixtures import gap_project, gaps_registered  # noqa: F401
from tests.gui.test_gaps_map import pixel_at


def controller(win) -> AccessController:
    return next(f for f in win.features if isinstance(f, AccessController))


def run(ctl, qtbot):
    task = ctl.compute()
    assert task is not None, ctl.panel.status.text()
    qtbot.waitUntil(lambda: ctl.task is None, timeout=60000)
    assert ctl.outcome is not None, ctl.panel.status.text()
    return ctl.outcome


def test_run_tables_flags_map_and_legend(make_window, qtbot):
    project = gap_project(buildings=False)
    facilities = project.first(Role.FACILITIES)
    data = facilities.data.copy()
    data["床位"] = [None] * (len(data) - 1) + [80]  # one facility has a capacity, the others take defaults
    facilities.set_data(data)
    win = make_window(project)
    ctl = controller(win)
    ctl.show_dock()
    assert ctl.action.text() and ctl.dock.isVisible()
    kinds = project.first(Role.FACILITIES).data
    ftype = "clinic"
    ctl.panel.type.setCurrentIndex(ctl.panel.type.findData(ftype))
    assert "300" in ctl.panel.catchment.specialValueText()
    ctl.panel.supply.setCurrentIndex(ctl.panel.supply.findData("床位"))
    out = run(ctl, qtbot)
    want = run_access(AccessRequest(project, project.first(Role.COMPOUNDS), load_standards(), facility_type=ftype,
                                    supply_field="床位")).result
    np.testing.assert_allclose(out.result.access, want.access)
    comp = ctl.panel.compounds.model_.frame
    assert len(comp) == 16 and comp["demand"].tolist() == want.demand.tolist()  # 老年人口: the elderly group
    fac = ctl.panel.facilities.model_.frame
    assert len(fac) == len(want.facilities) and set(fac["flag_text"]) <= {"录入", "默认", "entered", "default"}
    assert fac["is_default"].sum() == want.capacity.n_default
    assert ctl.tables_dock.isVisible() and ctl.panel.status.text()
    assert set(ov.ALL[:1]) <= set(win.map.overlays) and ov.FACILITIES in win.map.overlays
    assert ctl.map.legend.isVisible() and ctl.map.legend.entries
    assert ctl.map.legend.x() < win.map.width() / 2  # bottom left: the gap legend keeps the right
    qtbot.wait(700)
    none_in_reach = np.flatnonzero(out.result.access == 0)
    some = np.flatnonzero(out.result.access > 0)
    shapes = project.first(Role.COMPOUNDS).display_data().geometry
    far = pixel_at(qtbot, win, shapes.iloc[none_in_reach[0]].representative_point())
    near = pixel_at(qtbot, win, shapes.iloc[some[0]].representative_point())
    assert far != near  # orange where none is in reach, blue where some is
    win.grab().save("/tmp/access_window.png")
    # print layouts take the map's overlays; their legend reads each overlay's classes
    from gui.layout.overlays import overlay_frames
    from gui.layout.scene import overlay_draw

    frames = overlay_frames(win.map, project)
    labels = [e.label for e in overlay_draw(ov.CHOROPLETH, frames[ov.CHOROPLETH], project.crs).legend]
    assert len(labels) == 2 and any("67" in t for t in labels)
    points = [e.label for e in overlay_draw(ov.FACILITIES, frames[ov.FACILITIES], project.crs).legend]
    assert len(points) == 1
    assert len(kinds)


def test_missing_demand_column_is_said_in_the_dock(make_window, qtbot):
    project = gap_project(buildings=False)
    compounds = project.first(Role.COMPOUNDS)
    compounds.fields = {k: v for k, v in compounds.fields.items() if k.value in ("id", "name")}
    win = make_window(project)
    ctl = controller(win)
    task = ctl.compute()
    qtbot.waitUntil(lambda: ctl.task is None, timeout=60000)
    assert task is not None and ctl.outcome is None
    assert "--demand-field" in ctl.panel.status.text() or "需求" in ctl.panel.status.text()


def test_siting_dialog_with_a_capacity_serves_the_unmet_demand_of_the_access_run(make_window, qtbot):
    from tests.gui.gaps_fixtures import controller as gaps_controller
    from tests.gui.gaps_fixtures import run as run_gaps
    from tests.gui.test_gaps_siting import pick, suggest

    project = gap_project(buildings=False)
    win = make_window(project)
    access = controller(win)
    access.panel.type.setCurrentIndex(access.panel.type.findData("kindergarten"))
    unmet_run = run(access, qtbot).result
    assert unmet_run.shortfall is not None  # 30 places per 1,000 residents (常住人口)
    gaps = gaps_controller(win)
    run_gaps(gaps, qtbot)
    dialog = gaps.open_siting()
    pick(dialog.type, "kindergarten")
    dialog.k.setValue(2)
    assert "counts whole" in dialog.capacity.specialValueText() or dialog.capacity.specialValueText()
    dialog.capacity.setValue(20)
    result = suggest(dialog, qtbot)
    assert result.method == "capacity"
    assert all(g <= 20.0 + 1e-9 for g in result.gain) and result.gain.sum() > 0
    assert result.gain.sum() <= unmet_run.shortfall.shortfall.sum() + 1e-9  # places short, not households
    headers = [dialog.sites.model_.headerData(k, Qt.Orientation.Horizontal) for k in range(4)]
    assert headers[3] == dialog.tr("Demand served")
    dialog.grab().save("/tmp/siting_capacity.png")


def test_capacity_preset_editor_saves_the_planners_copy_and_runs_use_it(make_window, qtbot, gaps_registered):
    from gis.supply.capacity import USER_FILE, load_user_capacity

    project = gap_project(buildings=False)
    win = make_window(project)
    ctl = controller(win)
    dialog = ctl.open_preset()
    row = next(r for r in range(dialog.table.rowCount())
               if dialog.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == "kindergarten")
    assert "#ffe8b0" in dialog.table.cellWidget(row, 2).styleSheet()  # the default is not yet checked
    dialog.table.cellWidget(row, 2).setValue(180)
    dialog.table.cellWidget(row, 3).setChecked(True)
    assert dialog.table.cellWidget(row, 2).styleSheet() == ""  # ticked: no longer amber
    dialog.grab().save("/tmp/capacity_preset.png")
    dialog.save()
    assert (gaps_registered / USER_FILE).exists() and load_user_capacity(gaps_registered).of("kindergarten").default == 180
    ctl.panel.type.setCurrentIndex(ctl.panel.type.findData("kindergarten"))
    out = run(ctl, qtbot)
    assert out.result.capacity.values.tolist() == [180.0]
    again = ctl.open_preset()
    again.reset()
    again.save()
    assert not (gaps_registered / USER_FILE).exists()


def test_zone_table_pools_day_care_space(make_window, qtbot):
    from gis.zones.model import ZoneModel

    project = gap_project(buildings=False)
    compounds = project.first(Role.COMPOUNDS)
    model = ZoneModel.from_layer(compounds, gap=30.0)
    project.set_zones(model)
    model.merge([0, 1, 2, 3], name="西片区")
    win = make_window(project)
    ctl = controller(win)
    ctl.panel.type.setCurrentIndex(ctl.panel.type.findData("day_care"))
    out = run(ctl, qtbot).result
    zones = ctl.panel.zones.model_.frame
    assert len(zones) == 1 and zones["name"].tolist() == ["西片区"]
    members = out.zones.members[0]
    assert zones["demand"].iloc[0] == out.demand[members].sum()
    assert zones["pooled_text"].iloc[0] in ("是", "yes")  # elderly-care space may be pooled within a zone
    required = 20 / 100 * compounds.data["户数"].to_numpy()[members].sum()
    assert zones["required"].iloc[0] == pytest.approx(required)
    assert zones["shortfall"].iloc[0] == pytest.approx(max(required - out.fca.received[members].sum(), 0))
    ctl.panel.tabs.setCurrentIndex(2)
    ctl.tables_dock.grab().save("/tmp/access_zones.png")


def test_cancel_keeps_the_previous_result(make_window, qtbot, monkeypatch):
    import time

    import gui.access.controller as module

    project = gap_project(buildings=False)
    win = make_window(project)
    ctl = controller(win)
    first = run(ctl, qtbot)

    def endless(request, *, cache=None, feedback=None):
        while True:  # a run that only stops when cancelled, as a long one would
            feedback.check()
            time.sleep(0.01)

    monkeypatch.setattr(module, "run_access", endless)
    task = ctl.compute()
    assert task is not None and not ctl.panel.run_button.isEnabled()
    task.cancel()
    qtbot.waitUntil(lambda: ctl.task is None, timeout=10000)
    assert ctl.outcome is first and ctl.panel.run_button.isEnabled()
    assert ctl.panel.status.text() == ctl.tr("Cancelled; the map shows the previous result, if any.")
