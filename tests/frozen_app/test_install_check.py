"""The start-up self-check of an installed folder, run unfrozen on a temporary copy."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from gis import paths
from gis.install_check import DAMAGED, MANIFEST, MISSING, Problem, check_install, problem_message, write_manifest
from gui import frozen_start

QM = "resources/i18n/app_zh_CN.qm"
PAK = "PySide6/Qt/resources/qtwebengine_resources.pak"


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    """A copy of what the build puts in _internal: our resources and a stand-in Qt resource."""
    root = tmp_path / "安装 目录" / "_internal"
    shutil.copytree(paths.RESOURCES, root / "resources")
    (root / PAK).parent.mkdir(parents=True)
    (root / PAK).write_bytes(b"\x05" * 50_000)
    write_manifest(root)
    return root


def test_whole_folder_passes(bundle):
    assert check_install(bundle) == []


def test_deleted_qm_and_missing_webengine_resource_are_named(bundle):
    (bundle / QM).unlink()
    (bundle / PAK).unlink()
    assert sorted(check_install(bundle), key=lambda p: p.path) == [Problem(PAK, MISSING), Problem(QM, MISSING)]


def test_damaged_files_caught_by_size_and_by_content(bundle):
    with open(bundle / PAK, "r+b") as f:
        f.truncate(1000)
    qm = bundle / QM
    data = bytearray(qm.read_bytes())
    data[100] ^= 0xFF  # same size, other bytes
    qm.write_bytes(bytes(data))
    assert {(p.path, p.kind) for p in check_install(bundle)} == {(PAK, DAMAGED), (QM, DAMAGED)}


def test_missing_or_unreadable_manifest(bundle):
    (bundle / MANIFEST).write_text("{not json", encoding="utf-8")
    assert check_install(bundle) == [Problem(MANIFEST, DAMAGED)]
    (bundle / MANIFEST).unlink()
    assert check_install(bundle) == [Problem(MANIFEST, MISSING)]


def test_message_names_files_and_says_reinstall_in_both_languages(bundle):
    (bundle / QM).unlink()
    problems = check_install(bundle)
    en, zh = problem_message(problems, "en"), problem_message(problems, "zh_CN")
    assert QM in en and "missing" in en and "reinstall" in en
    assert QM in zh and "缺失" in zh and "重新安装" in zh


def test_long_lists_are_counted_not_all_named(bundle):
    problems = [Problem(f"f{i}.dll", MISSING) for i in range(12)]
    text = problem_message(problems, "en")
    assert "(12 files)" in text and "f4.dll" in text and "f5.dll" not in text


def test_command_stops_with_one_line_naming_the_file(bundle, monkeypatch, capsys):
    (bundle / QM).unlink()
    monkeypatch.setattr(paths, "ROOT", bundle)
    assert frozen_start.check(["inspect", "x.shp"], command=True) == frozen_start.EXIT_BROKEN
    err = capsys.readouterr().err
    assert err.startswith("error: ") and QM in err and err.count("\n") == 1


def test_whole_install_lets_the_app_start(bundle, monkeypatch):
    monkeypatch.setattr(paths, "ROOT", bundle)
    assert frozen_start.check(["inspect", "x.shp"], command=True) is None


def test_window_executable_given_a_command_points_to_the_console_one(bundle, monkeypatch):
    shown = []
    monkeypatch.setattr(paths, "ROOT", bundle)
    monkeypatch.setattr(frozen_start, "show_error", shown.append)
    monkeypatch.setattr(sys, "stdout", None)  # a windowed executable on Windows
    monkeypatch.setattr(sys, "stderr", None)
    assert frozen_start.check(["gaps", "--json"], command=True) == frozen_start.EXIT_BROKEN
    assert len(shown) == 1 and "ocp.exe gaps --help" in shown[0] and "控制台" in shown[0]
