"""The survey join in the window: review rows, candidates on the map, accept / pick / skip,
the join as one undoable step, answers remembered per table file, and the name column asked for."""

from __future__ import annotations

import pandas as pd
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from gis.domain import FieldRole, Role
from gis.people import marks
from gui.people.controller import PeopleController
from gui.people.review import OVERLAY


def controller(win) -> PeopleController:
    return next(f for f in win.features if isinstance(f, PeopleController))


def survey(tmp_path, columns=("小区名称", "户数", "60岁以上")):
    """阳光花园1号院 exactly, 2号院 written 阳光花园２号, an ambiguous 阳光花园, and an unknown name."""
    path = tmp_path / "街道调查.xlsx"
    rows = [["阳光花园1号院", 300, 40], ["阳光花园２号", -5, 50], ["阳光花园", 120, 10], ["人民医院宿舍", 80, 9]]
    pd.DataFrame(rows, columns=list(columns)).to_excel(path, index=False)
    return path


def started(ctl, qtbot, layer, path, **kw):
    task = ctl.start(layer, str(path), **kw)
    qtbot.waitUntil(lambda: task.done.is_set() and ctl.dialog is not None, timeout=20000)
    return ctl.dialog


def test_review_accept_pick_skip_then_join_with_undo(make_window, project, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    win = make_window(project)
    ctl = controller(win)
    layer = project.first(Role.COMPOUNDS)
    before = layer.data.copy()
    dialog = started(ctl, qtbot, layer, survey(tmp_path))
    assert dialog.shown_rows() == [2, 3]  # the ambiguous and the unmatched; exact and 号 vs 号院 are sure
    dialog.filter.setCurrentIndex(1)
    assert dialog.shown_rows() == [0, 1, 2, 3]
    dialog.rows.selectRow(1)  # 阳光花园２号: its -5 households are shown as skipped
    assert "-5" in dialog.cells.item(1, 1).text() and dialog.cells.item(1, 1).text() != "-5"
    dialog.filter.setCurrentIndex(0)
    dialog.rows.selectRow(0)  # 阳光花园: every 阳光花园N号院 is a candidate, drawn on the map
    assert dialog.current_row() == 2 and dialog.candidates.rowCount() == 16
    assert len(win.map.overlays[OVERLAY]) == 16
    dialog.candidates.selectRow(4)
    dialog.accept_row()
    chosen = dialog.answers[2]
    assert dialog.compound_of(2) == chosen
    dialog.rows.selectRow(1)  # 人民医院宿舍: nothing fits; pick compound 7 on the map
    assert dialog.current_row() == 3
    win.map.bridge.featureClick.emit(layer.id, 7, False)
    assert dialog.chosen_candidate() == 7
    dialog.skip_row()
    assert dialog.answers[3] is None
    dialog.accept()
    assert OVERLAY not in win.map.overlays
    data = layer.data
    assert data["户数"].iloc[0] == before["户数"].iloc[0]  # entered households kept
    elderly = layer.fields[FieldRole.ELDERLY]
    assert data[elderly].iloc[0] == 40 and data[elderly].iloc[1] == 50 and data[elderly].iloc[chosen] == 10
    assert marks.sources(data, elderly).iloc[0] == "survey"
    assert data["小区名称_表"].iloc[1] == "阳光花园２号"
    ctl.stack.undo()
    assert list(layer.data.columns) == list(before.columns) and FieldRole.ELDERLY not in layer.fields
    ctl.stack.redo()
    assert layer.data[elderly].iloc[chosen] == 10
    # the answers come back for the same file
    again = started(ctl, qtbot, layer, tmp_path / "街道调查.xlsx")
    assert again.answers == {2: chosen, 3: None}
    again.reject()


def test_a_table_without_a_name_column_asks_which(make_window, project, qtbot, tmp_path, monkeypatch):
    asked = {}

    def choose(parent, title, label, items, current, editable):
        asked["items"] = items
        return "甲", True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    win = make_window(project)
    ctl = controller(win)
    path = survey(tmp_path, columns=("甲", "户数", "60岁以上"))
    task = ctl.start(project.first(Role.COMPOUNDS), str(path))
    qtbot.waitUntil(lambda: ctl.dialog is not None, timeout=20000)
    assert task.done.is_set() and asked["items"] == ["甲", "户数", "60岁以上"]
    assert ctl.dialog.survey.name_column == "甲"
    ctl.dialog.reject()
    QApplication.processEvents()
