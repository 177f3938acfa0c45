"""Saving under faults and concurrency, and opening files another program changed."""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
import tempfile
import threading

import pandas as pd
import pyogrio
import pytest

from gis import project_save
from gis.errors import ProjectError
from gis.project_file import open_project, save_project, save_snapshot, snapshot
from tests.gis.test_project_file import make_project


@pytest.fixture
def saved(tmp_path):
    """A saved project with one unsaved edit, its path and the file's bytes."""
    project = make_project()
    path = save_project(project, tmp_path / "p.gpkg")
    project.zones.rename(1, "未保存")
    return project, path, path.read_bytes()


def assert_untouched(project, path, before, message: str, *expected: str) -> None:
    assert path.read_bytes() == before
    assert project.dirty
    assert [p.name for p in path.parent.iterdir()] == ["p.gpkg"]  # no temp folder left
    assert "unchanged" in message or "not overwritten" in message
    for text in expected:
        assert text in message


# -- faults -----------------------------------------------------------------------------------
def test_full_disk_keeps_the_old_file_and_says_so(saved, monkeypatch):
    project, path, before = saved
    real, calls = pyogrio.write_dataframe, []

    def full(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(pyogrio, "write_dataframe", full)
    with pytest.raises(ProjectError) as err:
        save_project(project)
    assert_untouched(project, path, before, err.value.message, "disk is full", "Save As")


def test_gdal_full_disk_text_is_recognised(saved, monkeypatch):
    project, path, before = saved

    def full(*args, **kwargs):
        raise pyogrio.errors.DataSourceError("sqlite3_exec(COMMIT) failed: database or disk is full")

    monkeypatch.setattr(pyogrio, "write_dataframe", full)
    with pytest.raises(ProjectError, match="disk is full") as err:
        save_project(project)
    assert_untouched(project, path, before, err.value.message)


def test_read_only_file_is_refused_not_chmodded(saved):
    project, path, before = saved
    path.chmod(0o444)
    with pytest.raises(ProjectError) as err:
        save_project(project)
    assert_untouched(project, path, before, err.value.message, "read-only", "Save As")
    assert stat.S_IMODE(path.stat().st_mode) == 0o444
    copy = save_project(project, path.with_name("copy.gpkg"))  # Save As elsewhere works
    assert open_project(copy).zones.zone(1).name == "未保存" and not project.dirty


def test_read_only_folder(saved, monkeypatch):
    """As root a chmod'ed folder stays writable, so the refusal the OS gives is simulated."""
    project, path, before = saved

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(path.parent))

    monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    with pytest.raises(ProjectError) as err:
        save_project(project)
    assert_untouched(project, path, before, err.value.message, "cannot be written to", str(path.parent))


def test_file_locked_by_another_program(saved, monkeypatch):
    """Windows refuses to replace a file another program holds open (sharing violation)."""
    project, path, before = saved

    def locked(src, dst):
        raise PermissionError(errno.EACCES, "The process cannot access the file", str(dst))

    monkeypatch.setattr(project_save.os, "replace", locked)
    with pytest.raises(ProjectError) as err:
        save_project(project)
    assert_untouched(project, path, before, err.value.message, "another program", "Save As")


def test_target_replaced_by_a_folder(saved):
    project, path, _ = saved
    path.unlink()
    path.mkdir()
    with pytest.raises(ProjectError, match="is a folder"):
        save_project(project)
    assert path.is_dir() and not any(path.iterdir()) and project.dirty


def test_file_permissions_are_kept(saved):
    project, path, _ = saved
    path.chmod(0o640)
    save_project(project)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


# -- one save at a time ----------------------------------------------------------------------
def test_concurrent_saves_take_turns_and_the_file_opens(tmp_path):
    project = make_project()
    path = save_project(project, tmp_path / "p.gpkg")
    snaps = []
    for k in range(4):
        project.settings["round"] = k
        snaps.append(snapshot(project))
    errors = []

    def run(snap):
        try:
            save_snapshot(snap, path)
        except Exception as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(s,)) for s in snaps]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    assert open_project(path).settings["round"] in range(4)
    assert [p.name for p in tmp_path.iterdir()] == ["p.gpkg"]


def test_stale_temp_cleanup_spares_a_live_save(tmp_path, monkeypatch):
    project = make_project()
    path = save_project(project, tmp_path / "p.gpkg")
    started, go = threading.Event(), threading.Event()
    real = pyogrio.write_dataframe

    def slow(*args, **kwargs):
        started.set()
        go.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(pyogrio, "write_dataframe", slow)
    project.settings["v"] = 2
    saver = threading.Thread(target=save_project, args=(project,))
    saver.start()
    assert started.wait(30)
    live = [p for p in tmp_path.iterdir() if p.name.startswith(".p.saving-")]
    project_save.remove_stale_temps(path)  # what another save's start-up does
    assert live and all(p.exists() for p in live)
    go.set()
    saver.join(60)
    assert open_project(path).settings["v"] == 2 and not project.dirty


def test_edit_during_a_save_keeps_the_project_dirty(tmp_path):
    project = make_project()
    snap = snapshot(project)
    project.zones.rename(1, "保存后改的")
    save_snapshot(snap, tmp_path / "p.gpkg")
    assert project.mark_saved(str(tmp_path / "p.gpkg"), snap.revision) is False
    assert project.dirty and project.path == str(tmp_path / "p.gpkg")
    assert open_project(tmp_path / "p.gpkg").zones.zone(1).name == "城东片区"


# -- files changed by another program ---------------------------------------------------------
def edit(path, *sql: str) -> None:
    """Change the file as another program would (GDAL's triggers need these SQL functions)."""
    with sqlite3.connect(path) as con:
        for name in ("ST_IsEmpty", "ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY"):
            con.create_function(name, 1, lambda g: 0)
        for statement in sql:
            con.execute(statement)


def messages(project) -> str:
    return "\n".join(n.message for n in project.notices)


def test_text_in_number_columns_opens_empty_with_a_notice_never_zero(tmp_path):
    path = save_project(make_project(), tmp_path / "p.gpkg")
    edit(path, """UPDATE "小区边界" SET "户数"='约300' WHERE fid=1""",
         """UPDATE "小区边界" SET "建成年代"='1990年代' WHERE fid=2""",
         """UPDATE "小区边界" SET "建成年代"=' 1995 ' WHERE fid=3""",
         """UPDATE "小区边界" SET "容积率"='高' WHERE fid=4""",
         """UPDATE "小区边界" SET "有电梯"='是' WHERE fid=1""")
    project = open_project(path)
    data = project.layers[1].data
    assert pd.isna(data["户数"][0]) and list(data["户数"][2:]) == [300, 80, 45]
    assert pd.isna(data["建成年代"][1]) and data["建成年代"][2] == 1995 and data["建成年代"][0] == 1985
    assert pd.isna(data["容积率"][3]) and pd.isna(data["有电梯"][0])
    text = messages(project)
    for column, value in (("户数", "约300"), ("建成年代", "1990年代"), ("容积率", "高"), ("有电梯", "是")):
        assert f"column {column}" in text and value in text
    assert project.zones is not None and len(project.layers) == 4


def test_deleted_layer_opens_the_rest_and_lists_it(tmp_path):
    path = save_project(make_project(), tmp_path / "p.gpkg")
    edit(path, 'DROP TABLE "道路"')
    project = open_project(path)
    assert [lyr.name for lyr in project.layers] == ["设施", "小区边界", "空图层"]
    assert "Layer 道路 was left out" in messages(project)
    assert "barrier layer" in messages(project) and project.zones is not None


def test_deleted_compounds_or_rows_leave_the_zones_out(tmp_path):
    path = save_project(make_project(), tmp_path / "p.gpkg")
    edit(path, 'DELETE FROM "小区边界" WHERE fid=5')
    project = open_project(path)
    assert len(project.layers[1].data) == 4 and project.zones is None
    assert "has 4 features, but the project saved 5" in messages(project)
    assert "renovation zones were left out" in messages(project)


def test_column_type_changed_and_column_dropped(tmp_path):
    path = save_project(make_project(), tmp_path / "p.gpkg")
    edit(path, 'ALTER TABLE "小区边界" RENAME COLUMN "户数" TO "old"',
         'ALTER TABLE "小区边界" ADD COLUMN "户数" TEXT',
         """UPDATE "小区边界" SET "户数" = CASE WHEN fid = 2 THEN '不详' ELSE CAST("old" AS TEXT) END""",
         'ALTER TABLE "小区边界" DROP COLUMN "old"',
         'ALTER TABLE "小区边界" RENAME COLUMN "小区名称" TO "n"',
         'ALTER TABLE "小区边界" ADD COLUMN "小区名称" INTEGER',
         'UPDATE "小区边界" SET "小区名称" = "n"',
         'ALTER TABLE "小区边界" DROP COLUMN "n"',
         'ALTER TABLE "小区边界" DROP COLUMN "容积率"')
    project = open_project(path)
    data = project.layers[1].data
    assert str(data["户数"].dtype) == "Int64"
    assert list(data["户数"].astype(object).where(data["户数"].notna(), None)) == [120, None, 300, 80, 45]
    assert [None if pd.isna(v) else v for v in data["小区名称"]] == ["幸福里", "东风小区", None, "河西新村",
                                                                   "人民路32号院"]
    assert data["容积率"].isna().all()
    text = messages(project)
    assert "不详" in text and "column 容积率 is missing" in text
    assert os.path.getsize(path) > 0


def test_outlines_are_computed_once_and_kept_by_the_plan(tmp_path, monkeypatch):
    from gis.zones import outline

    project = make_project()
    assert project.zones.cached_outlines() == {}
    real, groups = outline.outlines, []

    def counting(geoms, members, **kwargs):
        groups.append(len(members))
        return real(geoms, members, **kwargs)

    monkeypatch.setattr(outline, "outlines", counting)
    path = save_project(project, tmp_path / "p.gpkg")
    assert groups == [2] and sorted(project.zones.cached_outlines()) == [1, 2]
    save_project(project)  # nothing changed: no outline is computed again
    project.zones.add(1, [2])
    save_project(project)  # only the changed zone
    assert groups == [2, 1]
    outline_1 = project.zones.cached_outlines()[1]
    assert outline_1.equals(open_project(path).zones.outline(1))


def test_a_file_that_cannot_be_read_says_so(tmp_path, monkeypatch):
    """Windows refuses to open a file another program holds locked (simulated: as root here)."""
    from pathlib import Path

    path = save_project(make_project(), tmp_path / "p.gpkg")
    real = Path.open

    def locked(self, *args, **kwargs):
        if self == path:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", locked)
    with pytest.raises(ProjectError, match="Could not read .*locked"):
        open_project(path)
