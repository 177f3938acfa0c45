"""packaging/linux/add-to-menu.sh: the per-user Linux menu entry and icons of the program folder."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from gui.app_icon import DESKTOP_ID, ICON_DIR, ICON_SIZES

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(shutil.which("sh") is None, reason="needs a POSIX shell")


def program_folder(parent: Path, name: str) -> Path:
    """A stand-in for dist/OldCompoundPlanner: the script, the icons and an executable."""
    app = parent / name
    shutil.copytree(ICON_DIR, app / "_internal" / "resources" / "icons")
    shutil.copy(ROOT / "packaging" / "linux" / "add-to-menu.sh", app)
    exe = app / "OldCompoundPlanner"
    exe.write_text("#!/bin/sh\n")
    exe.chmod(0o755)
    return app


def exec_argv(entry: str) -> list[str]:
    """The Exec line read as a launcher does: string escapes, then quoting (a backslash inside
    double quotes takes the next character literally), then %% as %."""
    value = next(line.split("=", 1)[1] for line in entry.splitlines() if line.startswith("Exec="))
    value = re.sub(r"\\(.)", lambda m: {"s": " ", "n": "\n", "t": "\t", "\\": "\\"}.get(m[1], m[0]), value)
    args, arg, quoted, chars = [], None, False, iter(value)
    for ch in chars:
        if quoted and ch == "\\":
            arg += next(chars)
        elif ch == '"':
            quoted, arg = not quoted, arg or ""
        elif ch == " " and not quoted:
            args, arg = args + [arg] if arg is not None else args, None
        else:
            arg = (arg or "") + ch
    return [a.replace("%%", "%") for a in args + ([arg] if arg is not None else [])]


def run(app: Path, data: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["sh", str(app / "add-to-menu.sh"), *args], env=dict(os.environ, XDG_DATA_HOME=str(data)),
                          capture_output=True, text=True, timeout=30, check=True)


def test_entry_starts_the_folder_executable_even_with_odd_characters(tmp_path):
    app = program_folder(tmp_path, '程序 文件 "a" $b `c` 50%\\d')
    run(app, tmp_path / "share")
    entry = (tmp_path / "share" / "applications" / f"{DESKTOP_ID}.desktop").read_text(encoding="utf-8")
    assert exec_argv(entry) == [str(app / "OldCompoundPlanner"), "%F"]
    assert f"Icon={DESKTOP_ID}" in entry and "Name[zh_CN]=老旧小区改造规划" in entry
    for size in ICON_SIZES:
        icon = tmp_path / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{DESKTOP_ID}.png"
        assert icon.read_bytes() == (ICON_DIR / f"app-{size}.png").read_bytes()


def test_remove_takes_entry_and_icons_away(tmp_path):
    app = program_folder(tmp_path, "app")
    run(app, tmp_path / "share")
    run(app, tmp_path / "share", "--remove")
    assert not [p for p in (tmp_path / "share").rglob("*") if p.is_file()]


def test_outside_a_program_folder_it_says_so(tmp_path):
    app = program_folder(tmp_path, "app")
    (app / "OldCompoundPlanner").unlink()
    with pytest.raises(subprocess.CalledProcessError) as err:
        run(app, tmp_path / "share")
    assert "run this script from the program folder" in err.value.stderr
