"""Zone editing in the window: merge by selection, undo/redo, refusal of non-contiguous zones."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QMessageBox

from gis.domain import FieldRole

from tests.gui.conftest import run_js


def zones_controller(win):
    from gui.zones.controller import ZonesController

    return next(f for f in win.features if isinstance(f, ZonesController))


def test_merge_undo_redo_updates_table_and_map(make_window, project, qtbot):
    win = make_window(project)
    ctl = zones_controller(win)
    compounds = project.layers[0]
    project.select(compounds.id, [0, 1, 4])  # neighbours across 20 m streets
    ctl.merge()
    assert project.zones is not None and len(project.zones) == 1
    assert ctl.table.model_.rowCount() == 1
    zone = next(iter(project.zones.zones.values()))
    assert zone.members == {0, 1, 4}
    qtbot.waitUntil(lambda: run_js(qtbot, win.map, "ocp.overlayCount()") >= 1, timeout=5000)
    assert win.windowTitle().startswith("*")
    ctl.undo_action.trigger()
    assert len(project.zones) == 0 and ctl.table.model_.rowCount() == 0
    ctl.redo_action.trigger()
    assert len(project.zones) == 1 and ctl.table.model_.rowCount() == 1
    # selecting the zone row selects its compounds on the map
    ctl.table.selectRow(0)
    assert project.selection(compounds.id) == {0, 1, 4}


def test_non_contiguous_merge_is_refused_with_a_reason(make_window, project, monkeypatch):
    win = make_window(project)
    ctl = zones_controller(win)
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: said.append(a[2]))
    compounds = project.layers[0]
    project.select(compounds.id, [0, 15])  # opposite corners of the 4 x 4 grid
    ctl.merge()
    assert said, "the user is told why"
    assert len(project.zones) == 0
    assert ctl.stack.count() == 0


def test_add_remove_split_rename(make_window, project, monkeypatch):
    win = make_window(project)
    ctl = zones_controller(win)
    compounds = project.layers[0]
    project.select(compounds.id, [0, 1])
    ctl.merge()
    zid = next(iter(project.zones.zones))
    project.select(compounds.id, [0, 1, 2])
    ctl.add_to_zone()
    assert project.zones.zone(zid).members == {0, 1, 2}
    project.select(compounds.id, [2])
    ctl.remove_from_zone()
    assert project.zones.zone(zid).members == {0, 1}
    monkeypatch.setattr("gui.zones.controller.QInputDialog.getText", lambda *a, **k: ("纺织片区", True))
    ctl.table.selectRow(0)
    ctl.rename()
    assert project.zones.zone(zid).name == "纺织片区"
    for _ in range(4):
        ctl.undo_action.trigger()
    assert len(project.zones) == 0


def test_suggest_preview_then_accept_is_one_undoable_edit(make_window, project, qtbot):
    win = make_window(project)
    ctl = zones_controller(win)
    ctl.suggest()
    dialog = ctl.suggest_dialog
    dialog.use_year.setChecked(False)  # the small project has no build years
    dialog.max_compounds.setValue(4)
    dialog.preview()
    qtbot.waitUntil(lambda: dialog.suggestion is not None, timeout=30000)
    suggestion = dialog.suggestion
    assert suggestion.zones and all(2 <= len(z) <= 4 for z in suggestion.zones)
    assert run_js(qtbot, win.map, "ocp.overlayCount()") >= 1
    assert len(project.zones) == 0, "a preview changes nothing"
    dialog.accept_suggestion()
    assert len(project.zones) == len(suggestion.zones)
    assert ctl.stack.count() == 1
    ctl.undo_action.trigger()
    assert len(project.zones) == 0


def test_barrier_settings_block_neighbours_across_an_arterial(make_window, project, qtbot):
    import geopandas as gpd
    from shapely.geometry import LineString

    from gis.domain import FieldRole, Role
    from gis.layer import Layer
    from gis.zones.barriers import BarrierChoice
    from tests.gui.conftest import X0, Y0

    # an arterial along the street between grid columns 0 and 1, and a lane that is not a barrier
    roads = gpd.GeoDataFrame({"等级": ["主干路", "支路"]},
                             geometry=[LineString([(X0 + 130, Y0 - 50), (X0 + 130, Y0 + 600)]),
                                       LineString([(X0 + 270, Y0 - 50), (X0 + 270, Y0 + 600)])],
                             crs="EPSG:4527")
    project.add_layer(Layer("道路", Role.ROADS, roads, fields={FieldRole.ROAD_CLASS: "等级"}))
    win = make_window(project)
    ctl = zones_controller(win)
    compounds = project.layers[0]
    model = ctl.model()
    assert model.check([0, 4]).ok  # columns 0 and 1 are neighbours across a 20 m street
    ctl.apply_settings(30.0, BarrierChoice(project.layers[-1].id, "等级", ("主干路",)))
    qtbot.waitUntil(lambda: model.barrier_filter is not None, timeout=20000)
    assert not model.check([0, 4]).ok, "the arterial now separates them"
    assert model.check([4, 8]).ok, "the 支路 is not a barrier"
    assert compounds.id == model.layer_id


def test_refusal_and_suggestion_summary_read_in_chinese(make_window, project, monkeypatch, qtbot):
    """The refusal of a new zone names no zone that does not exist; the summary shows no raw keys."""
    win = make_window(project)
    ctl = zones_controller(win)
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: said.append(a[2]))
    project.select(project.layers[0].id, [0, 15])
    ctl.merge()
    assert said and "连片" in said[0], said
    assert not re.search(r"片区\s*\d", said[0]) and "contiguous" not in said[0], said[0]
    compounds = project.layers[0]
    compounds.data["建成年代"] = [1990, 2010] * 8
    compounds.fields[FieldRole.BUILD_YEAR] = "建成年代"
    project.select(compounds.id, [0, 1])
    ctl.merge()  # kept fixed by the suggestion
    ctl.suggest()
    dialog = ctl.suggest_dialog
    dialog.use_year.setChecked(True)
    dialog.preview()
    qtbot.waitUntil(lambda: dialog.suggestion is not None, timeout=30000)
    text = dialog.summary.text()
    assert "2000 年以后建成" in text and "已属于保留的片区" in text, text
    assert not re.search(r"[A-Za-z_]{3,}", text), text


def test_zone_table_sorts_names_naturally(make_window, project):
    win = make_window(project)
    ctl = zones_controller(win)
    ids = project.layers[0]
    for k in range(0, 12, 1):
        project.select(ids.id, [k])
        ctl.merge()  # one-compound zones 片区 1 … 片区 12
    table = ctl.table
    names = [table.proxy.index(r, 0).data() for r in range(table.proxy.rowCount())]
    assert names == sorted(names, key=lambda n: int("".join(c for c in n if c.isdigit()))), names
    assert "标题" not in win.windowTitle() and "Planner" not in win.windowTitle()
    assert win.windowTitle().endswith("老旧小区改造规划")


def test_undone_zone_takes_its_label_off_the_map(make_window, project, qtbot):
    """The label of a zone goes with it on undo, without panning the map."""
    win = make_window(project)
    ctl = zones_controller(win)
    project.select(project.layers[0].id, [0, 1, 4])
    ctl.merge()
    count = "document.querySelectorAll('.ocp-overlay-label').length"
    qtbot.waitUntil(lambda: run_js(qtbot, win.map, count) >= 1, timeout=5000)
    ctl.undo_action.trigger()
    qtbot.waitUntil(lambda: run_js(qtbot, win.map, count) == 0, timeout=5000)
