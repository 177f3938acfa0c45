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
    dialog = EstimateDialog(project, layer, tmp_path)
    assert dialog.spins["persons_per_household"].value() == 2.62
    dialog.spins["persons_per_household"].setValue(3.0)
    dialog.resize(760, 640)
    dialog.show()
    qtbot.wait(100)
    dialog.grab().save("/tmp/people_estimate.png")
    request = dialog.request()
    assert request.preset.persons_per_household == 3.0 and request.buildings is None
    dialog.save()
    assert EstimateDialog(project, layer, tmp_path).spins["persons_per_household"].value() == 3.0
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
    ctl.stack.undo()
    assert list(layer.data.columns) == list(before.columns)
