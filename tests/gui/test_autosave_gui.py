"""Autosave in the window, the recovery offer and the read-only banner for a locked project."""

from __future__ import annotations

import json
import os

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox

from gis import project_lock, recovery
from gis.owner import Owner, process_start
from gis.project_diff import summarize
from gis.project_file import open_project, save_project
from gis.settings import Settings
from gis.zones.model import ZoneModel
from gui.autosave import AutosaveController
from gui.project_controller import ProjectController
from gui.recovery_dialog import DISCARD, KEEP, RecoveryDialog, offer_recovery

from tests.gui.conftest import small_project


@pytest.fixture
def config(tmp_path, monkeypatch):
    folder = tmp_path / "config"
    monkeypatch.setenv("OCP_CONFIG_DIR", str(folder))
    return folder


def feature(win, cls):
    return next(f for f in win.features if isinstance(f, cls))


def zoned(project):
    project.set_zones(ZoneModel.from_layer(project.layers[0]))
    project.zones.merge([0, 1])
    return project


def saved_project(path):
    save_project(zoned(small_project()), path)
    return open_project(path)


def test_an_edit_is_autosaved_beside_the_settings_and_a_save_removes_the_copy(make_window, qtbot, config,
                                                                              tmp_path):
    target = tmp_path / "规划.gpkg"
    win = make_window(saved_project(target), settings=Settings())
    auto = feature(win, AutosaveController)
    auto.soon.setInterval(50)
    before = target.read_bytes()
    win.project.zones.merge([4, 5])  # a zone edit: copied a moment later
    qtbot.waitUntil(lambda: auto._task is not None, timeout=5000)
    with qtbot.waitSignal(auto._task.signals.finished, timeout=20000):
        pass
    gpkg, note = auto.paths
    assert gpkg.parent == config / "recovery" and gpkg.is_file()
    entry = recovery.read_note(note)
    assert entry.project_path == str(target)
    assert [d.text for d in entry.differences] == ["Zones: 1 → 2; 1 new or changed, 0 removed."]
    assert target.read_bytes() == before and win.project.dirty
    assert "自动保存" in win.statusBar().currentMessage()

    with qtbot.waitSignal(win.projectSaved, timeout=20000):
        feature(win, ProjectController).save()
    qtbot.waitUntil(lambda: not gpkg.exists(), timeout=5000)
    assert len(open_project(target).zones) == 2


def test_clean_close_leaves_no_copy_and_no_lock(make_window, qtbot, config, tmp_path):
    target = tmp_path / "规划.gpkg"
    win = make_window(saved_project(target), settings=Settings())
    auto = feature(win, AutosaveController)
    assert project_lock.lock_path(target).exists()
    win.project.zones.merge([4, 5])
    with qtbot.waitSignal(auto.autosave_now().signals.finished, timeout=20000):
        pass
    assert auto.paths[0].exists()
    assert auto.finish()  # the last close guard: closing was accepted
    assert not auto.paths[0].exists() and not auto.paths[1].exists()
    assert not project_lock.lock_path(target).exists()


def test_the_interval_is_a_setting_and_zero_turns_autosave_off(make_window, qtbot, config, monkeypatch):
    win = make_window(zoned(small_project()), settings=Settings())
    auto = feature(win, AutosaveController)
    assert auto.periodic.isActive() and auto.periodic.interval() == 5 * 60_000
    assert auto.interval_action in win.file_menu.actions() and auto.interval_action.text() == "自动保存间隔…"
    monkeypatch.setattr("gui.autosave.QInputDialog.getInt", lambda *a: (0, True))
    auto.interval_action.trigger()
    assert win.settings.autosave_minutes == 0
    win.project.zones.merge([4, 5])
    assert auto.autosave_now() is None and not auto.periodic.isActive() and not auto.soon.isActive()
    assert not (config / "recovery").exists()


def other_instance_lock(target):
    ppid = os.getppid()  # a live process of this host that is not us
    owner = Owner("张工", Owner.current().host, ppid, process_start(ppid))
    project_lock.lock_path(target).write_text(json.dumps(
        {"owner": owner.to_dict(), "since": 1_767_225_600.0}), encoding="utf-8")  # 2026-01-01 08:00 +8


def test_a_project_open_elsewhere_opens_read_only_with_a_banner(make_window, qtbot, config, tmp_path,
                                                                monkeypatch):
    target = tmp_path / "规划.gpkg"
    project = saved_project(target)
    other_instance_lock(target)
    win = make_window(project)
    auto = feature(win, AutosaveController)
    assert auto.banner.isVisible()
    text = auto.banner.label.text()
    assert "只读" in text and "张工" in text and str(os.getppid()) in text and "2026-01-01" in text
    assert win.grab().save(str(tmp_path / "banner.png"))

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    before = target.read_bytes()
    win.project.zones.merge([4, 5])
    assert feature(win, ProjectController).save(blocking=True) is False
    assert target.read_bytes() == before and "张工" in warnings[0] and "另存为" in warnings[0]

    other = tmp_path / "另存.gpkg"
    monkeypatch.setattr("gui.project_controller.QFileDialog.getSaveFileName", lambda *a, **k: (str(other), ""))
    with qtbot.waitSignal(win.projectSaved, timeout=20000):
        auto.banner.button.click()  # the banner's Save As…
    assert len(open_project(other).zones) == 2 and not auto.banner.isVisible()
    assert project_lock.read_lock(project_lock.lock_path(other)).mine
    assert not project_lock.read_lock(project_lock.lock_path(target)).mine  # theirs, untouched


def dead_copy(config, project, path):
    owner = Owner("张工", Owner.current().host, 2 ** 22 + 77, 1.0)
    gpkg, note = recovery.session_paths(config / "recovery", owner)
    baseline = summarize(open_project(path)) if path else None
    return recovery.write_copy(recovery.capture(project), gpkg, note, owner,
                               project_path=str(path) if path else None, baseline=baseline)


def test_offer_dialog_shows_time_and_differences_in_chinese(app, qtbot, config, tmp_path):
    target = tmp_path / "规划.gpkg"
    project = saved_project(target)
    project.zones.merge([4, 5])
    entry = dead_copy(config, project, target)
    dialog = RecoveryDialog(entry)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "规划.gpkg" in labels and "片区" in labels and "1 → 2" in labels
    assert {dialog.keep.text(), dialog.discard.text(), dialog.later.text()} == {"保留", "丢弃", "以后再说"}
    assert dialog.grab().save(str(tmp_path / "offer.png"))
    dialog.discard.click()
    assert dialog.choice == DISCARD


def test_keeping_the_offer_opens_the_edit_as_unsaved_changes_of_the_original(make_window, qtbot, config,
                                                                               tmp_path):
    target = tmp_path / "规划.gpkg"
    edited = saved_project(target)
    edited.zones.merge([4, 5])
    entry = dead_copy(config, edited, target)
    win = make_window(small_project())
    kept = offer_recovery(win, ask=lambda e: KEEP)
    assert kept.note == entry.note
    qtbot.waitUntil(lambda: win.project.path == str(target), timeout=20000)
    assert win.project.dirty and len(win.project.zones) == 2 and win.windowTitle().startswith("*")
    auto = feature(win, AutosaveController)
    assert auto.paths[0].exists() and not entry.gpkg.exists()  # the copy is this session's now
    assert recovery.recoverable(config / "recovery") == []


def test_discarding_the_offer_deletes_the_copy(make_window, qtbot, config):
    entry = dead_copy(config, zoned(small_project()), None)
    current = small_project()
    win = make_window(current)
    assert offer_recovery(win, ask=lambda e: DISCARD) is None
    qtbot.wait(200)
    assert not entry.gpkg.exists() and not entry.note.exists() and win.project is current
