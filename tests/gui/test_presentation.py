"""Presentation mode: full screen, zone tour by keyboard, summary cards, before/after, clean exit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from gis.domain import Role
from gis.analysis.outputs import collect_outputs
from gui.none_guard import protect_none
from gui.presentation import ALARM, LABEL_PX, PresentationMode
from tests.gis.export_samples import sample_project
from tests.gui.conftest import run_js, settle

protect_none()


@pytest.fixture
def planned_project():
    project = sample_project(planned=True)
    project.first(Role.COMPOUNDS).style.label_field = None  # presenting turns the names on
    return project


def outputs(project):
    after = collect_outputs(project, steps=("zones", "gaps", "elevators"))
    before = collect_outputs(project, steps=("gaps",), planned=False)
    return after, before


def test_tour_cards_before_after_and_exit(make_window, planned_project, qtbot):
    win = make_window(planned_project)
    after, before = outputs(planned_project)
    mode = PresentationMode(win, after=after, before=before)
    mode.start()
    screen = mode.screen
    qtbot.waitUntil(lambda: screen.isVisible(), timeout=5000)
    assert screen.windowState() & Qt.WindowState.WindowFullScreen
    assert win.map.parent() is screen and win.centralWidget() is None
    assert mode.index == -1 and "2" in screen.card.lines["missing"].text()  # overview: 2 zones
    assert ALARM not in screen.card.lines["missing"].styleSheet(), "a count of zones is no alarm"
    compounds = planned_project.first(Role.COMPOUNDS)
    assert compounds.style.label_field == "小区名称"
    qtbot.waitUntil(lambda: run_js(qtbot, win.map, "getComputedStyle(document.documentElement)"
                                   ".getPropertyValue('--label-size').trim()") == f"{LABEL_PX}px", timeout=5000)

    qtbot.keyClick(screen, Qt.Key.Key_Right)
    assert mode.index == 0
    card = screen.card
    assert card.title.text() == "西南片区"
    assert "4" in card.lines["compounds"].text() and "480" in card.lines["households"].text()
    after_text = card.lines["missing"].text()
    assert "8" in card.lines["elevators"].text()  # 8 elevators in 4 six-storey walk-ups

    planned_layer = planned_project.layers[-1]
    qtbot.keyClick(screen, Qt.Key.Key_B)
    assert mode.before and not planned_layer.visible and screen.before_button.isChecked()
    before_text = card.lines["missing"].text()
    assert before_text != after_text  # the planned day care closes a gap
    assert ALARM in card.lines["missing"].styleSheet(), "a missing service is red"
    none = card.tr("Gaps: none — every service within reach")
    qtbot.keyClick(screen, Qt.Key.Key_B)
    assert (ALARM in card.lines["missing"].styleSheet()) == (card.lines["missing"].text() != none)
    qtbot.keyClick(screen, Qt.Key.Key_B)
    qtbot.keyClick(screen, Qt.Key.Key_B)
    assert planned_layer.visible and card.lines["missing"].text() == after_text

    qtbot.keyClick(screen, Qt.Key.Key_Right)
    assert mode.index == 1 and card.title.text() == "东北片区"
    qtbot.keyClick(screen, Qt.Key.Key_Right)
    assert mode.index == 1  # stays on the last zone
    qtbot.keyClick(screen, Qt.Key.Key_Left)
    qtbot.keyClick(screen, Qt.Key.Key_Left)
    assert mode.index == -1

    qtbot.keyClick(screen, Qt.Key.Key_B)
    with qtbot.waitSignal(mode.finished, timeout=5000):
        qtbot.keyClick(screen, Qt.Key.Key_Escape)
    assert win.centralWidget() is win.map and not mode.active
    assert planned_layer.visible and compounds.style.label_field is None
    assert not planned_project.dirty  # presenting changes nothing in the plan
    settle(qtbot, win)


def test_figures_are_computed_in_the_background(make_window, planned_project, qtbot):
    win = make_window(planned_project)
    mode = PresentationMode(win)
    mode.start()
    mode.show(0)
    card = mode.screen.card
    assert card.lines["missing"].text() == card.tr("Gaps: computing…") or not mode._pending
    qtbot.waitUntil(lambda: not mode._pending, timeout=60000)
    assert mode.summaries[0].missing_before is not None
    assert card.lines["missing"].text() not in (card.tr("Gaps: computing…"), "")
    mode.stop()
    assert win.centralWidget() is win.map


def test_without_zones_the_card_says_so(make_window, qtbot):
    project = sample_project(zones=False)
    win = make_window(project)
    mode = PresentationMode(win, after=collect_outputs(project, steps=("zones",)))
    mode.start()
    mode.next()
    assert mode.index == -1 and mode.screen.card.title.text()
    mode.stop()


def test_window_menus_reach_exports_layout_and_presentation(make_window, qtbot):
    from gui.exports import ExportsController

    win = make_window(sample_project())
    ctl = next(f for f in win.features if isinstance(f, ExportsController))
    assert ctl.export_action in win.file_menu.actions() and ctl.layout_action in win.file_menu.actions()
    assert ctl.present_action in win.view_menu.actions()
    ctl.present_action.trigger()
    assert ctl.presentation.active
    ctl.detach()  # what closing the window does first: the presentation ends
    assert not ctl.presentation.active and win.centralWidget() is win.map
    dialog = ctl.open_export()
    assert dialog.chosen_layers()[:4] == ["zones", "gaps", "elevators", "service_areas"]
    dialog.close()


def test_exports_reuse_the_gaps_panel_results(make_window, qtbot, tmp_path):
    """The export dialog and the presentation start from the results the gaps panel shows."""
    import openpyxl

    from gis.analysis.gaps import GapOutcome
    from gis.analysis.session import session_for

    from gui.exports import ExportsController

    project = sample_project()
    win = make_window(project)
    ctl = next(f for f in win.features if isinstance(f, ExportsController))
    assert ctl.known_outputs() is None  # no gaps panel results yet
    computed = collect_outputs(project, steps=("gaps", "elevators"))

    session = session_for(project)  # what the gaps panel stores after a run
    session.store("gaps", GapOutcome(request=None, gaps=computed.gaps, network=None, elevators=computed.elevators,
                                     elevator_error=None, revision=session.revision))
    seed = ctl.known_outputs()
    assert seed.gaps is computed.gaps and seed.elevators is computed.elevators
    dialog = ctl.open_export()
    dialog.format.setCurrentIndex(dialog.FORMATS.index("xlsx"))
    out = tmp_path / "report.xlsx"
    dialog.export_to(out)
    qtbot.waitUntil(out.exists, timeout=60000)
    sheet = openpyxl.load_workbook(out)["小区缺项"]
    assert sheet.max_row - 1 == int((computed.gaps.n_missing() > 0).sum())
    compounds = project.first(Role.COMPOUNDS)
    project.update_layer(compounds)  # a style change keeps the results
    assert ctl.known_outputs() is not None
    compounds.set_data(compounds.data.copy())
    project.update_layer(compounds)
    assert ctl.known_outputs() is None  # stale results are not reused
    session.store("gaps", None)


def _box_share(qtbot, view, bounds):
    """The share of the map's width and height that lon/lat *bounds* cover, its left edge, and the map width."""
    minx, miny, maxx, maxy = (float(v) for v in bounds)
    return run_js(qtbot, view, f"(() => {{ const a = map.latLngToContainerPoint([{miny}, {minx}]);"
                               f" const b = map.latLngToContainerPoint([{maxy}, {maxx}]); const s = map.getSize();"
                               " return [(b.x - a.x) / s.x, (a.y - b.y) / s.y, a.x, s.x]; })()")


def test_fits_the_full_screen_clear_of_the_card_and_zones_at_a_sensible_zoom(make_window, planned_project, qtbot):
    import geopandas as gpd

    from gis.crs import WGS84
    from gui.presentation import ZONE_MAX_ZOOM

    win = make_window(planned_project, size=(900, 600))
    after, before = outputs(planned_project)
    mode = PresentationMode(win, after=after, before=before)
    mode.start()
    screen = mode.screen
    qtbot.waitUntil(lambda: screen.isVisible(), timeout=5000)
    bounds = gpd.GeoSeries([mode._plan_outline()], crs=planned_project.crs).to_crs(WGS84).total_bounds

    def fitted():  # filling the room beside the card (the whole width when that room is under 40 %)
        w, h, left, width = _box_share(qtbot, win.map, bounds)
        room = width - mode._clear()[0]
        room = room if room >= 0.4 * width else width
        return width == win.map.width() and 1.0 >= max(w * width / room, h) > 0.6

    qtbot.waitUntil(fitted, timeout=10000)  # fitted to the full-screen size, not the window's
    qtbot.wait(3500)  # the view's own refit on resizing (while a window settles) is over
    screen.showNormal()
    screen.resize(1600, 1000)  # another projector: room for the card beside the plan; fitted again
    qtbot.waitUntil(fitted, timeout=10000)
    card = screen.card
    assert _box_share(qtbot, win.map, bounds)[2] >= card.x() + card.width() - 2, "the card covers the plan"
    bottom = run_js(qtbot, win.map, f"map.latLngToContainerPoint([{bounds[1]}, {bounds[0]}]).y")
    assert bottom <= screen.bar.y() + 2, "the control bar covers the plan"
    qtbot.keyClick(screen, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: mode.index == 0 and win.map.view_state.get("zoom", 99) <= ZONE_MAX_ZOOM, timeout=5000)
    assert win.map.view_state["zoom"] >= ZONE_MAX_ZOOM - 3
    mode.stop()


def test_zone_card_explains_pooled_counting_and_legends_grow(make_window, planned_project, qtbot):
    from gui.gaps.legend import Entry, GapLegend

    win = make_window(planned_project)
    legend = GapLegend(win.map)
    legend.set_entries("缺项", [("", [Entry("缺 1 项", "#cccccc", "#333333")])])
    small = legend.sizeHint()
    after, before = outputs(planned_project)
    mode = PresentationMode(win, after=after, before=before)
    mode.start()
    assert legend.width() >= 1.4 * small.width() and legend.height() >= 1.4 * small.height()
    mode.show(0)
    card = mode.screen.card
    zone = mode.summaries[0]
    pooled = card.tr("Counted for the zone as a whole: a service is in reach when any of its compounds reaches it.")
    assert card.pooling.isVisibleTo(card) and pooled in card.pooling.text()
    lacking = int((after.gaps.n_missing()[list(planned_project.zones.zone(zone.zone_id).members)] > 0).sum())
    assert zone.lacking_compounds == (lacking or None)
    mode.stop()
    assert legend.scale == 1.0 and legend.width() < 1.2 * small.width()


def test_before_after_changes_the_map_and_planned_sites_stay_above_labels(make_window, planned_project, qtbot):
    from tests.gui.conftest import color_pixels, settle

    win = make_window(planned_project)
    after, before = outputs(planned_project)
    mode = PresentationMode(win, after=after, before=before)
    mode.start()
    qtbot.waitUntil(lambda: mode.screen.isVisible(), timeout=5000)
    planned = planned_project.layers[-1]
    point = planned.display_data().geometry.iloc[0]
    mode.view.zoom_to_bounds((point.x - 0.002, point.y - 0.002, point.x + 0.002, point.y + 0.002))
    settle(qtbot, win, 1200)
    green = planned.style.fill
    shown = color_pixels(win.map.grab().toImage(), green, tol=10)
    assert shown > 200, f"the planned site is hidden ({shown} pixels of its colour)"
    qtbot.keyClick(mode.screen, Qt.Key.Key_B)
    settle(qtbot, win, 800)
    assert color_pixels(win.map.grab().toImage(), green, tol=10) < shown / 10, "before/after changed no pixel"
    qtbot.keyClick(mode.screen, Qt.Key.Key_B)
    settle(qtbot, win, 800)
    assert color_pixels(win.map.grab().toImage(), green, tol=10) > 200
    mode.stop()


def test_gaps_analysed_after_a_layer_change_are_reused_by_the_presentation(make_window, qtbot):
    from gui.exports import ExportsController
    from tests.gui.gaps_fixtures import analysed_window

    win, gaps, project = analysed_window(make_window, qtbot)  # straight-line distances
    compounds = project.first(Role.COMPOUNDS)
    compounds.set_data(compounds.data.copy())  # the layer changed (the session's revision moves on)
    project.update_layer(compounds)
    gaps.compute()
    qtbot.waitUntil(lambda: gaps.task is None, timeout=60000)
    ctl = next(f for f in win.features if isinstance(f, ExportsController))
    seed = ctl.known_outputs()
    assert seed is not None and seed.gaps is gaps.outcome.gaps, "the presentation would recompute with defaults"


def test_before_is_measured_like_the_planners_run(make_window, planned_project, qtbot):
    from gui.exports import ExportsController
    from tests.gui.gaps_fixtures import controller, run

    win = make_window(planned_project)
    gaps = controller(win)
    run(gaps, qtbot, mode="straight")  # the project has roads: the default would walk them
    ctl = next(f for f in win.features if isinstance(f, ExportsController))
    ctl.start_presentation()
    mode = ctl.presentation
    qtbot.waitUntil(lambda: not mode._pending, timeout=60000)
    assert mode._after.gaps is gaps.outcome.gaps
    assert mode._before is not None and mode._before.gaps.method == "straight"
    mode.stop()
