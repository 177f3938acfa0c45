"""Gaps in the window: the analysis off the UI thread, the table, the map's red highlight where the
gaps are, the choropleth legend, filters, and row clicks that select and zoom."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor

from gis.domain import Role
from gis.analysis.facilities import facilities_of
from gis.gaps.access import analyse_gaps
from gis.standards import load_standards
from gis.wording import facility_term
from gui.gaps import overlays as ov
from gui.gaps.legend import MAP_BACKGROUND, blend
from gui.i18n import tr_gis
from tests.gui.conftest import run_js
from tests.gui.gaps_fixtures import controller, gap_project, gaps_registered, run, table_keys  # noqa: F401


def engine_gaps(project):
    std = load_standards()
    return analyse_gaps(project.first(Role.COMPOUNDS), facilities_of(project, std), standards=std)


def pixel_at(qtbot, win, point) -> QColor:
    """The map's colour at a lon/lat point."""
    x, y = run_js(qtbot, win.map, f"ocp.containerPoint({point.y}, {point.x})")
    return win.map.grab().toImage().pixelColor(int(round(x)), int(round(y)))


def close(colour: QColor, hex_colour: str, tol: int = 10) -> bool:
    want = QColor(hex_colour)
    return all(abs(a - b) <= tol for a, b in ((colour.red(), want.red()), (colour.green(), want.green()),
                                              (colour.blue(), want.blue())))


def test_run_fills_the_tables_as_the_engine_says(make_window, qtbot):
    project = gap_project()
    win = make_window(project)
    ctl = controller(win)
    assert not ctl.actions["siting"].isEnabled()
    out = run(ctl, qtbot)
    expected = engine_gaps(project)
    assert out.gaps.method == "straight"
    assert np.array_equal(out.gaps.covered, expected.covered)
    summary = ctl.panel.summary.model_.frame
    for t, s in expected.summary().items():
        assert summary.loc[t, "uncovered"] == s["uncovered"]
        assert summary.loc[t, "households_uncovered"] == s["households_uncovered"]
    assert expected.summary()["clinic"]["uncovered"] > 0  # the north rows are far from the south street
    compounds = ctl.panel.compounds.model_.frame
    assert len(compounds) == 16
    assert compounds["n_missing"].tolist() == expected.n_missing().tolist()
    # day care and play areas are absent from the facilities: the dock says so
    assert facility_term("day_care", "en") in " ".join(n.message for n in out.gaps.notices)
    assert ctl.panel.notices.isVisible()
    assert ctl.actions["siting"].isEnabled() and ctl.panel.ranking_button.isEnabled()
    assert ctl.tables_dock.isVisible()


def test_red_highlight_lies_on_the_compounds_lacking_the_type(make_window, qtbot):
    project = gap_project()
    win = make_window(project)
    for layer in project.layers:  # overlays against the plain map background
        layer.visible = False
        project.update_layer(layer)
    ctl = controller(win)
    out = run(ctl, qtbot)
    ctl.panel.show_count.setChecked(False)
    ctl.panel.set_highlighted("clinic")
    ctl.apply_filters()
    qtbot.waitUntil(lambda: ov.HIGHLIGHT in ctl.map.shown)
    qtbot.wait(700)
    lacking = out.gaps.uncovered("clinic")
    served = np.setdiff1d(np.arange(16), lacking)
    assert len(lacking) and len(served)
    compounds = project.first(Role.COMPOUNDS).display_data().geometry
    red = blend(ov.GAP_RED, ov.HIGHLIGHT_OPACITY, MAP_BACKGROUND).name()
    assert close(pixel_at(qtbot, win, compounds.iloc[lacking[0]].representative_point()), red)
    assert not close(pixel_at(qtbot, win, compounds.iloc[served[0]].representative_point()), red)
    # the legend names the gap and counts it
    legend = ctl.map.legend
    assert legend.isVisible()
    texts = [e.text for e in legend.entries]
    assert any(f"{len(lacking)} " in t and "300" in t for t in texts), texts
    # none highlighted: the red goes
    ctl.panel.set_highlighted(None)
    ctl.apply_filters()
    qtbot.wait(700)
    assert ov.HIGHLIGHT not in ctl.map.shown
    assert not close(pixel_at(qtbot, win, compounds.iloc[lacking[0]].representative_point()), red)


def test_choropleth_counts_and_filters(make_window, qtbot):
    project = gap_project()
    win = make_window(project)
    ctl = controller(win)
    out = run(ctl, qtbot)
    n = out.gaps.n_missing()
    counts = {e.text for e in ctl.map.legend.entries}
    for k in np.unique(n):
        assert any(f"{int((n == k).sum())} " in t for t in counts)
    assert ov.COUNT in ctl.map.shown
    assert run_js(qtbot, win.map, "ocp.overlayCount()") >= 1
    # type filter: the table lists only compounds lacking a kindergarten
    ctl.panel.set_highlighted("kindergarten")
    ctl.apply_filters()
    assert sorted(table_keys(ctl.panel.compounds)) == out.gaps.uncovered("kindergarten").tolist()
    # pre-2000 and household filters narrow the table and the map
    ctl.panel.set_highlighted(None)
    ctl.panel.pre_year.setChecked(True)
    ctl.apply_filters()
    years = out.gaps.compounds.build_year
    assert sorted(table_keys(ctl.panel.compounds)) == np.flatnonzero(years <= 2000).tolist()
    hh = out.gaps.compounds.households
    ctl.panel.min_households.setValue(500)
    ctl.apply_filters()
    want = np.flatnonzero((years <= 2000) & (hh >= 500)).tolist()
    assert sorted(table_keys(ctl.panel.compounds)) == want
    shown = sum(int(e.text.split("· ")[-1].split()[0]) for e in ctl.map.legend.entries if "· " in e.text)
    assert shown == len(want)


def test_row_click_selects_and_zooms_and_map_selection_selects_the_row(make_window, qtbot):
    project = gap_project()
    win = make_window(project)
    ctl = controller(win)
    run(ctl, qtbot)
    compounds = project.first(Role.COMPOUNDS)
    table = ctl.panel.compounds
    target = compounds.display_data().geometry.iloc[15].centroid

    def centred() -> bool:
        centre = win.map.view_state.get("center", [0, 0])
        return abs(centre[0] - target.x) < 0.0005 and abs(centre[1] - target.y) < 0.0005

    assert not centred()
    table.selectRow(table_keys(table).index(15))
    assert project.selection(compounds.id) == {15}
    qtbot.waitUntil(centred, timeout=5000)
    assert win.identify.isVisible()
    project.select(compounds.id, [3])  # a click on the map
    assert table.selected_keys() == [3]


def test_missing_inputs_are_explained(make_window, qtbot):
    project = gap_project(buildings=False)
    facilities = project.first(Role.FACILITIES)
    project.remove_layer(facilities.id)
    win = make_window(project)
    ctl = controller(win)
    assert ctl.compute() is None
    assert ctl.panel.status.text() == tr_gis("errors", "The project has no facility layer: add one (File > Add data) "
                                                       "with the facilities' points.")
    assert ctl.outcome is None
