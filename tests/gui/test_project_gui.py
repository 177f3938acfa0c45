"""Save, reopen and the unsaved-changes question, through the window as a user would."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from gis import project_file
from gui.i18n import error_text


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


def saved_window(make_window, project, tmp_path):
    """A window on *project* saved once to tmp_path/规划.gpkg, then edited."""
    win = make_window(project)
    ctl = project_controller(win)
    path = tmp_path / "规划.gpkg"
    project_file.save_project(project, path)
    project.layers[0].style.fill = "#00ff00"
    project.update_layer(project.layers[0])
    assert win.windowTitle().startswith("*")
    return win, ctl, path


def record_saves(ctl) -> list:
    saves = []
    ctl.saves.saved.connect(lambda project, path, clean: saves.append((path, clean)))
    return saves


def test_quick_saves_merge_and_end_clean(make_window, project, qtbot, tmp_path):
    win, ctl, path = saved_window(make_window, project, tmp_path)
    saves = record_saves(ctl)
    with qtbot.waitSignal(ctl.saves.idle, timeout=30000):
        for _ in range(3):  # Ctrl+S three times in a row
            assert ctl.save()
        assert ctl.saves.busy
    assert saves == [(str(path), True), (str(path), True)]  # the first, then one merged follow-up
    assert not project.dirty and not win.windowTitle().startswith("*")
    assert project_file.open_project(path).layers[0].style.fill == "#00ff00"
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted([path.name, f".{path.name}.lock"]), "no temp left; the open project's lock"


def test_edit_during_a_save_keeps_the_star(make_window, project, qtbot, tmp_path):
    win, ctl, path = saved_window(make_window, project, tmp_path)
    with qtbot.waitSignal(ctl.saves.idle, timeout=30000):
        ctl.save()
        project.layers[1].style.fill = "#0000ff"  # after the snapshot, before the rename
        project.update_layer(project.layers[1])
    assert project.dirty and win.windowTitle().startswith("*")
    assert project_file.open_project(path).layers[1].style.fill != "#0000ff"


def test_quit_during_a_save_waits_for_it(make_window, project, qtbot, tmp_path, monkeypatch):
    win, ctl, path = saved_window(make_window, project, tmp_path)
    saves = record_saves(ctl)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("nothing is unsaved"))
    ctl.save()
    assert ctl.saves.busy
    assert win.close() is True  # returns once the save is done
    assert saves == [(str(path), True)] and not ctl.saves.busy
    assert project_file.open_project(path).layers[0].style.fill == "#00ff00"


def test_discard_on_quit_does_not_abort_a_running_save(make_window, project, qtbot, tmp_path, monkeypatch):
    win, ctl, path = saved_window(make_window, project, tmp_path)
    saves = record_saves(ctl)
    ctl.save()
    project.layers[1].style.fill = "#0000ff"  # an edit the running save does not hold
    project.update_layer(project.layers[1])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    assert win.close() is True
    assert saves == [(str(path), False)]
    again = project_file.open_project(path)
    assert again.layers[0].style.fill == "#00ff00" and again.layers[1].style.fill != "#0000ff"


def test_failed_save_says_why_and_offers_save_as(make_window, project, qtbot, tmp_path, monkeypatch):
    win, ctl, path = saved_window(make_window, project, tmp_path)
    before = path.read_bytes()
    path.chmod(0o444)
    shown = []
    monkeypatch.setattr(ctl, "ask_save_as", lambda err: shown.append(error_text(err)) or True)
    copy = tmp_path / "副本.gpkg"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(copy), ""))
    with qtbot.waitSignal(ctl.saves.idle, timeout=30000):
        ctl.save()
    assert len(shown) == 1 and "只读" in shown[0]
    assert path.read_bytes() == before
    assert project_file.open_project(copy).layers[0].style.fill == "#00ff00"
    assert not project.dirty and str(copy) in win.windowTitle()


def test_opening_a_changed_file_lists_what_was_left_out(make_window, project, qtbot, tmp_path):
    import sqlite3

    win = make_window(project)
    ctl = project_controller(win)
    path = project_file.save_project(project, tmp_path / "规划.gpkg")
    with sqlite3.connect(path) as con:
        con.execute('DROP TABLE "设施"')
    ctl.open_path(str(path))
    qtbot.waitUntil(lambda: win.project is not project, timeout=20000)
    assert [lyr.name for lyr in win.project.layers] == ["小区边界"]
    assert ctl.notice_box.isVisible() and "设施" in ctl.notice_box.informativeText()
    ctl.notice_box.grab().save("/tmp/saves-notices.png")
    ctl.notice_box.close()
