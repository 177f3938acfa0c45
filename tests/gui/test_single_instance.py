"""A later start with a path hands it to the running window over a local socket."""

from __future__ import annotations

import socket
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtNetwork import QLocalSocket

from gui.single_instance import InstanceServer, forward, open_in_window, server_name

ROOT = Path(__file__).resolve().parents[2]
FORWARD = ("import sys; from PySide6.QtCore import QCoreApplication; app = QCoreApplication([]);"
           "from gui.single_instance import forward; sys.exit(0 if forward(sys.argv[1], name=sys.argv[2]) else 3)")


@pytest.fixture
def name() -> str:
    return f"ocp-test-{uuid.uuid4().hex[:10]}"


def _start_forward(path: str, name: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", FORWARD, path, name], cwd=ROOT)


def test_path_from_a_second_start_reaches_the_running_one(app, qtbot, name, tmp_path):
    server = InstanceServer(name=name)
    assert server.listen()
    target = tmp_path / "片区 规划" / "小区边界.gpkg"
    with qtbot.waitSignal(server.openRequested, timeout=20000) as got:
        proc = _start_forward(str(target), name)
    assert got.args == [str(target)]
    assert proc.wait(20) == 0  # acknowledged: the second start exits
    qtbot.waitUntil(lambda: not server.server.findChildren(QLocalSocket))  # each connection cleaned up
    server.server.close()


def test_nothing_running_means_start_normally(app, name):
    assert forward("/tmp/x.gpkg", name=name, timeout_ms=300) is False


def test_socket_left_by_a_crash_is_replaced_and_a_live_one_kept(app, name):
    if sys.platform == "win32":
        pytest.skip("named pipes vanish with their process")
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(str(Path(QDir.tempPath()) / name))  # bound, never listening: what a crash leaves
    stale.close()
    first = InstanceServer(name=name)
    assert first.listen()
    assert not InstanceServer(name=name).listen()  # the first one is alive: this start runs beside it
    first.server.close()
    assert InstanceServer(name=name).listen()  # gone: the next start serves


def test_names_differ_per_settings_folder(monkeypatch):
    monkeypatch.setenv("OCP_CONFIG_DIR", "/tmp/a")
    a = server_name()
    monkeypatch.setenv("OCP_CONFIG_DIR", "/tmp/b")
    assert server_name() != a and a.startswith("OldCompoundPlanner-")


@pytest.fixture
def other_project(tmp_path) -> Path:
    from gis.project_file import save_project
    from tests.gui.conftest import small_project

    path = tmp_path / "另一个 项目.gpkg"
    save_project(small_project(2), path)
    return path


def test_forwarded_file_opens_in_the_window(make_window, project, qtbot, other_project):
    win = make_window(project)
    project.mark_dirty(False)
    open_in_window(win, str(other_project))
    qtbot.waitUntil(lambda: win.project.path is not None and Path(win.project.path) == other_project,
                    timeout=20000)
    assert len(win.project.layers[0].data) == 4


def test_unsaved_changes_are_asked_about_first(make_window, project, qtbot, other_project, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Cancel)
    win = make_window(project)
    project.mark_dirty()
    open_in_window(win, str(other_project))
    qtbot.wait(300)
    assert len(asked) == 1 and win.project is project  # cancelled: nothing replaced
