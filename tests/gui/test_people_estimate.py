"""Estimating people in the window: the dialog's figures and sources, one undoable step, marks."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QMessageBox

from gis.domain import FieldRole, Role
from gis.people import marks
from gui.people.controller import PeopleController
from gui.people.estimate_dialog import EstimateDialog


def controller(win) -> PeopleController:
    return next(f for f in win.features if isinstance(f, PeopleController))


def test_dialog_shows_the_preset_and_estimates_as_one_undoable_step(make_window, project, qtbot, tmp_path,
                                                                    monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    win = make_window(project)
    ctl = controller(win)
    layer = project.first(Role.COMPOUNDS)
    layer.data.loc[[0, 1], "户数"] = np.nan  # two compounds without households; no buildings layer
    layer.data["街道"] = ["明湖街道"] * 8 + ["泉华街道"] * 8
    dialog = EstimateDialog(project, layer, tmp_path)
    assert dialog.area_field.currentData() == "街道" and dialog.area_table.rowCount() == 2
    row = next(i for i in range(2) if dialog.area_table.item(i, 0).text() == "明湖街道")
    dialog.area_table.item(row, 1).setText("0.3")  # 明湖街道's own 60+ share
    dialog.area_table.item(row, 2).setText("0.05")
    dialog.area_table.item(row, 3).setText("街道统计 2023")
    assert dialog.spins["persons_per_household"].value() == 2.62
    dialog.spins["persons_per_household"].setValue(3.0)
    dialog.resize(820, 700)
    dialog.show()
    qtbot.wait(100)
    dialog.grab().save("/tmp/people_estimate.png")
    request = dialog.request()
    assert request.preset.persons_per_household == 3.0 and request.buildings is None
    assert request.area_field == "街道" and [a.area for a in request.preset.by_area] == ["明湖街道"]
    dialog.save()
    again = EstimateDialog(project, layer, tmp_path)
    assert again.spins["persons_per_household"].value() == 3.0 and again.area_table.item(row, 1).text() == "0.3"
    dialog.close()
    before = layer.data.copy()
    task = ctl.estimate(request)
    qtbot.waitUntil(lambda: ctl.stack.count() == 1, timeout=20000)
    assert task.done.is_set()
    people = layer.fields[FieldRole.POPULATION]
    hh = layer.data["户数"].to_numpy(float)
    assert np.isnan(layer.data[people].iloc[0]) and layer.data[people].iloc[2] == round(hh[2] * 3.0)
    assert marks.sources(layer.data, people).iloc[2] == "estimated:households"
    assert marks.sources(layer.data, "户数").iloc[2] == "entered"
    elderly = layer.fields[FieldRole.ELDERLY]
    assert layer.data[elderly].iloc[2] == round(layer.data[people].iloc[2] * 0.3)  # 明湖街道's own share
    assert layer.data[elderly].iloc[10] == round(layer.data[people].iloc[10] * 0.187)  # the default
    ctl.stack.undo()
    assert list(layer.data.columns) == list(before.columns)
