"""Recovery copies, the project lock and a session killed with SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from gis import project_lock, recovery
from gis.owner import Owner
from gis.project_diff import differences, summarize
from gis.project_file import open_project, save_project

from tests.gis.recovery_samples import CHILD, tiny_project

ROOT = Path(__file__).resolve().parents[2]


def dead_owner() -> Owner:
    """An owner on this host whose process is gone (a pid far above the kernel's limit)."""
    return Owner("someone", Owner.current().host, 2 ** 22 + 12345, 1.0)


def live_other_owner() -> Owner:
    """Another process of this host that is running (the test's parent)."""
    from gis.owner import process_start

    ppid = os.getppid()
    return Owner("someone", Owner.current().host, ppid, process_start(ppid))


def write_lock(project_path: Path, owner: Owner, since: float = 1_700_000_000.0) -> None:
    import json

    project_lock.lock_path(project_path).write_text(
        json.dumps({"owner": owner.to_dict(), "since": since}), encoding="utf-8")


def copy_as(owner: Owner, project, folder: Path, project_path, baseline=None) -> recovery.Entry:
    gpkg, note = recovery.session_paths(folder, owner)
    return recovery.write_copy(recovery.capture(project), gpkg, note, owner,
                               project_path=project_path, baseline=baseline)


# -- owner ---------------------------------------------------------------------------------
def test_owner_tells_this_a_dead_and_a_foreign_process_apart():
    me = Owner.current()
    assert me.alive() is True and me.is_me()
    assert dead_owner().alive() is False
    assert Owner("x", me.host, me.pid, (me.started or 0) - 3600).alive() is False  # pid reused
    assert Owner("x", "another-host", me.pid).alive() is None


# -- differences ------------------------------------------------------------------------------
def test_differences_name_layers_features_and_zones():
    project = tiny_project()
    before = summarize(project)
    layer = project.layers[0]
    layer.set_data(layer.data.assign(户数=[100, 101, 555, 103, 104, 105]).iloc[:5])
    project.zones.merge([3, 4])
    texts = [d.text for d in differences(before, summarize(project))]
    assert "小区边界: 1 feature changed or added, 1 removed (6 → 5 in all)." in texts
    assert "Zones: 1 → 2; 1 new or changed, 0 removed." in texts
    assert [d.text for d in differences(before, before)] == [
        "Layers, features, zones and settings are as in the project file."]
    assert differences(None, before)[0].text == "Not in a project file yet: layers 1, zones 1."


def test_reordered_features_are_no_change_but_a_restyle_is():
    project = tiny_project()
    before = summarize(project)
    layer = project.layers[0]
    layer.set_data(layer.data.iloc[::-1])
    layer.style.fill = "#000000"
    texts = [d.text for d in differences(before, summarize(project))]
    assert texts == ["小区边界: style, visibility or field mapping changed."]


# -- copies -------------------------------------------------------------------------------------
def test_capture_is_independent_of_later_edits(tmp_path):
    project = tiny_project()
    snap = recovery.capture(project)
    project.zones.merge([3, 4])
    project.layers[0].style.fill = "#000000"
    project.settings["x"] = 1
    copy = snap.build()
    assert len(copy.zones) == 1 and copy.layers[0].style.fill != "#000000" and copy.settings == {}
    assert len(project.zones) == 2


def test_copy_of_a_live_session_is_not_offered_and_a_dead_ones_is(tmp_path):
    project = tiny_project()
    folder = tmp_path / "recovery"
    copy_as(Owner.current(), project, folder, None)
    copy_as(live_other_owner(), project, folder, None)
    assert recovery.recoverable(folder) == []
    dead = copy_as(dead_owner(), project, folder, None)
    found = recovery.recoverable(folder)
    assert [e.note for e in found] == [dead.note]
    recovered = recovery.open_copy(found[0])
    assert recovered.path is None and recovered.dirty and len(recovered.zones) == 1


def test_copy_older_than_the_project_file_is_obsolete_and_removed(tmp_path):
    target = tmp_path / "规划.gpkg"
    project = tiny_project()
    entry = copy_as(dead_owner(), project, tmp_path / "recovery", str(target))
    save_project(project, target)
    os.utime(target, (entry.saved + 5, entry.saved + 5))
    assert recovery.recoverable(tmp_path / "recovery") == []
    assert not entry.gpkg.exists() and not entry.note.exists()


def test_copy_writes_nothing_beside_the_project(tmp_path):
    target = tmp_path / "规划.gpkg"
    project = tiny_project()
    save_project(project, target)
    before = target.read_bytes()
    project.zones.merge([3, 4])
    copy_as(Owner.current(), project, tmp_path / "recovery", str(target))
    assert target.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == [
        "recovery", "规划.gpkg"]
    assert project.path == str(target) and project.dirty


def test_session_removal_leaves_other_sessions(tmp_path):
    folder = tmp_path / "recovery"
    project = tiny_project()
    mine = copy_as(Owner.current(), project, folder, None)
    other = copy_as(dead_owner(), project, folder, None)
    recovery.remove_session(folder, Owner.current())
    assert not mine.gpkg.exists() and other.gpkg.exists() and other.note.exists()


# -- the lock --------------------------------------------------------------------------------------
def test_lock_is_taken_released_and_refused_to_a_second_instance(tmp_path):
    target = tmp_path / "规划.gpkg"
    lock = project_lock.acquire(target)
    assert lock.mine and project_lock.acquire(target).mine  # ours: taking it again is fine
    project_lock.release(lock)
    assert not project_lock.lock_path(target).exists()
    write_lock(target, live_other_owner())
    held = project_lock.acquire(target)
    assert not held.mine and held.owner.pid == os.getppid() and held.since == 1_700_000_000.0
    project_lock.release(held)  # not ours: stays
    assert project_lock.lock_path(target).exists()


def test_lock_of_a_dead_process_is_taken_over(tmp_path):
    target = tmp_path / "规划.gpkg"
    write_lock(target, dead_owner())
    lock = project_lock.acquire(target)
    assert lock.mine and project_lock.read_lock(lock.path).owner.pid == os.getpid()


def test_lock_that_cannot_be_written_is_no_lock(tmp_path):
    assert project_lock.acquire(tmp_path / "gone" / "规划.gpkg") is None  # e.g. a read-only share


# -- a killed session ----------------------------------------------------------------------------
def test_killed_session_is_recovered_with_its_edit(tmp_path):
    target = tmp_path / "规划.gpkg"
    save_project(tiny_project(), target)
    original = target.read_bytes()
    folder = tmp_path / "recovery"
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(target), str(folder)], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "ready", child.stderr.read()
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
    assert child.returncode == -signal.SIGKILL
    assert target.read_bytes() == original  # the autosave never wrote the project file

    found = recovery.recoverable(folder)
    assert len(found) == 1 and found[0].project_path == str(target)
    assert time.time() - found[0].saved < 60
    texts = sorted(d.text for d in found[0].differences)
    assert texts == ["Zones: 1 → 2; 1 new or changed, 0 removed.",
                     "小区边界: 6 features changed or added, 0 removed (6 → 6 in all)."]
    kept = recovery.open_copy(found[0])
    assert kept.path == str(target) and kept.dirty
    assert sorted(z.name for z in kept.zones.zones.values()) == ["一号片区", "二号片区"]
    assert list(kept.layers[0].data["户数"]) == [999] * 6
    assert len(open_project(target).zones) == 1  # the file is still as last saved

    lock = project_lock.acquire(target)  # the dead session's lock is taken over
    assert lock.mine


def test_pack_and_unpack_for_the_helper_keep_every_value(tmp_path):
    from pandas.testing import assert_frame_equal

    from gis.recovery_helper import pack, unpack

    project = tiny_project(5000)  # more than one WKB chunk
    project.layers[0].style.fill = "#123456"
    twin = unpack(pack(recovery.capture(project))).build()
    assert_frame_equal(twin.layers[0].data, project.layers[0].data)
    assert twin.layers[0].data.crs == project.layers[0].data.crs
    assert twin.layers[0].style.fill == "#123456" and twin.layers[0].id == project.layers[0].id
    assert twin.zones.to_dict() == project.zones.to_dict()
    assert list(twin.zones.geometries) == list(project.zones.geometries)
