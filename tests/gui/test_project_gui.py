"""Save, reopen and the unsaved-changes question, through the window as a user would."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox

from gis import project_file


def project_controller(win):
    from gui.project_controller import ProjectController

    return next(f for f in win.features if isinstance(f, ProjectController))


def test_save_as_then_open_restores_layers_and_zones(make_window, project, qtbot, tmp_path, monkeypatch):
    win = make_window(project)
    ctl = project_controller(win)
    compounds = project.layers[0]
    project.select(compounds.id, [0, 1])
    from gui.zones.controller import ZonesController

    next(f for f in win.features if isinstance(f, ZonesController)).merge()
    assert win.windowTitle().startswith("*")
    target = tmp_path / "规划方案.gpkg"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert ctl.save_as(blocking=True)
    assert project_file.is_project(target)
    assert not project.dirty and not win.windowTitle().startswith("*")
    assert str(target) in win.windowTitle()
    assert win.settings.recent_files[0] == str(target)

    ctl.new_project()
    assert win.project is not project and win.project.layers == []
    ctl.open_path(str(target))
    qtbot.waitUntil(lambda: len(win.project.layers) == 2, timeout=20000)
    reopened = win.project
    assert [lyr.name for lyr in reopened.layers] == ["小区边界", "设施"]
    assert reopened.zones is not None and len(reopened.zones) == 1
    assert next(iter(reopened.zones.zones.values())).members == {0, 1}
    assert win.layers.tree.topLevelItemCount() == 2


def test_close_with_unsaved_changes_asks_and_can_be_cancelled(make_window, project, monkeypatch):
    win = make_window(project)
    win.close_guards.append(project_controller(win).confirm_discard)  # the fixture cleared none yet
    project.mark_dirty()
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel)
    assert win.close() is False
    assert asked and win.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    assert win.close() is True
