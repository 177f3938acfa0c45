"""The Windows installer (packaging/installer.nsi), built with makensis and run under wine.

A stand-in app folder (wine's own hostname.exe as OldCompoundPlanner.exe and ocp.exe, a Chinese
file name in _internal) is built into a setup program by tools/build_installer.py, installed
silently for a user named "张 三" in a wine prefix under a Chinese path with a space, first an
earlier build in an English locale, then the update over it in a Chinese one; then uninstalled
silently. The wine part is slow (about a minute on this loaded machine, a third of it creating
the prefix) and runs only with PACKAGE_SMOKE=1, makensis and wine on PATH and the zh_CN.UTF-8
locale (``.ci/run`` sets them up then).
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUILDER = ROOT / "tools" / "build_installer.py"
USER = "张 三"
INSTALL = f"C:\\users\\{USER}\\AppData\\Local\\Programs\\OldCompoundPlanner"
SHORTCUT = "AppData/Roaming/Microsoft/Windows/Start Menu/Programs/老旧小区改造规划.lnk"
PROG_KEY = r"HKCU\Software\Classes\OldCompoundPlanner.Project"
UNINST_KEY = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\OldCompoundPlanner"
GPKG_KEY = r"HKCU\Software\Classes\.gpkg"
APPS_KEY = r"HKCU\Software\Classes\Applications\OldCompoundPlanner.exe"
SETTINGS = "AppData/Local/OldCompoundPlanner/OldCompoundPlanner/settings.json"

sys.path.insert(0, str(ROOT / "tools"))
import build_installer  # noqa: E402


def _has_chinese_locale() -> bool:
    """Wine takes the UI language and the file-name code page from it (without it, it writes nothing)."""
    found = subprocess.run(["locale", "-a"], capture_output=True, text=True) if shutil.which("locale") else None
    return bool(found) and "zh_CN.utf8" in found.stdout.replace("UTF-8", "utf8")


needs_makensis = pytest.mark.skipif(shutil.which("makensis") is None,
                                    reason="needs makensis on PATH (Debian: apt-get install nsis)")
wine_run = [
    pytest.mark.slow,
    pytest.mark.package,
    pytest.mark.skipif(os.environ.get("PACKAGE_SMOKE") != "1",
                       reason="set PACKAGE_SMOKE=1 to install under wine (about a minute)"),
    pytest.mark.skipif(not (shutil.which("makensis") and shutil.which("wine")),
                       reason="needs makensis and wine on PATH (Debian: dpkg --add-architecture i386; "
                              "apt-get install nsis wine wine32:i386)"),
    pytest.mark.skipif(not _has_chinese_locale(),
                       reason="needs the zh_CN.UTF-8 locale (localedef -i zh_CN -f UTF-8 zh_CN.UTF-8)"),
]


# a tiny real Windows program (wine's hostname.exe), so the installed one can be run
HOSTNAME_EXE = sorted(glob.glob("/usr/lib/*/wine/*-windows/hostname.exe"), reverse=True)  # x86_64 first


def _windows_exe() -> bytes:
    return Path(HOSTNAME_EXE[0]).read_bytes() if HOSTNAME_EXE else b"MZ stand-in"


def _payload(folder: Path, extra: str | None = None) -> Path:
    exe = _windows_exe()
    (folder / "_internal" / "data" / "demo 演示").mkdir(parents=True)
    (folder / "OldCompoundPlanner.exe").write_bytes(exe)
    (folder / "ocp.exe").write_bytes(exe)
    (folder / "_internal" / "data" / "demo 演示" / "小区边界.txt").write_text("小区", encoding="utf-8")
    if extra:
        (folder / extra).write_bytes(b"old")
    return folder


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")}


def test_numeric_version_has_four_parts():
    assert build_installer.numeric_version("0.1.0") == "0.1.0.0"
    assert build_installer.numeric_version("2.3rc1") == "2.3.1.0"
    assert build_installer.numeric_version("1.2.3.4.5") == "1.2.3.0"


def test_payload_list_removes_top_level_entries_quoted(tmp_path):
    _payload(tmp_path)
    (tmp_path / "a$b.txt").write_text("x")
    nsh = build_installer.payload_nsh(tmp_path)
    assert nsh.splitlines()[1:] == ["!macro PAYLOAD_REMOVE",
                                    '  Delete "$INSTDIR\\OldCompoundPlanner.exe"',
                                    '  Delete "$INSTDIR\\a$$b.txt"',
                                    '  Delete "$INSTDIR\\ocp.exe"',
                                    '  RMDir /r "$INSTDIR\\_internal"',
                                    "!macroend"]


def test_missing_payload_is_named(tmp_path):
    missing = tmp_path / "dist" / "OldCompoundPlanner"
    with pytest.raises(build_installer.InstallerError, match="missing or empty.*dev.sh package"):
        build_installer.build(missing, tmp_path / "setup.exe")


@needs_makensis
def test_cli_builds_a_windows_program(tmp_path):
    payload = _payload(tmp_path / "应用 文件夹")
    out = tmp_path / "out" / "setup.exe"
    run = subprocess.run([sys.executable, str(BUILDER), str(payload), "--out", str(out), "--fast"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert out.read_bytes()[:2] == b"MZ"
    assert "Built" in run.stdout and "note:" not in run.stdout


# ---- under wine ----

@pytest.fixture(scope="module")
def wine(tmp_path_factory):
    """Runs a wine command in a fresh prefix under a Chinese path with a space, for user 张 三."""
    prefix = tmp_path_factory.mktemp("wine") / "wine 前缀"
    env = dict(os.environ, WINEPREFIX=str(prefix), WINEDEBUG="-all", USER=USER,
               WINEDLLOVERRIDES="mscoree,mshtml=", LANG="C.UTF-8", LC_ALL="C.UTF-8")

    def run(*args: str, lang: str | None = None, check: bool = True, wait: bool = False) -> subprocess.CompletedProcess:
        e = dict(env, LANG=lang, LC_ALL=lang) if lang else env
        done = subprocess.run(args, env=e, capture_output=True, timeout=180)
        if wait:  # for every wine process: an uninstaller goes on from a copy in %TEMP%
            subprocess.run(["wineserver", "-w"], env=e, timeout=180)
        assert not check or done.returncode == 0, (args, done.stderr[-2000:])
        return done

    run("wineboot", "-i")
    run.home = prefix / "drive_c" / "users" / USER
    yield run
    subprocess.run(["wineserver", "-k"], env=env, timeout=60)


def _export(wine, key: str, tmp: Path) -> str:
    """The key as a .reg text (wine reg export writes UTF-16, so Chinese survives)."""
    out = tmp / "key.reg"
    wine("wine", "reg", "export", key, str(out), "/y")
    return out.read_text(encoding="utf-16")


def _reg_str(value: str) -> str:
    """*value* as a .reg file writes a string: backslashes doubled, quotes escaped."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _exists(wine, key: str) -> bool:
    return wine("wine", "reg", "query", key, check=False).returncode == 0


@pytest.fixture(scope="module")
def installed(wine, tmp_path_factory):
    """An earlier build (with a file the update drops) installed in English, then the update in Chinese."""
    tmp = tmp_path_factory.mktemp("setup")
    old = build_installer.build(_payload(tmp / "old", extra="stale-tool.exe"), tmp / "old-setup.exe")
    wine("wine", str(old), "/S")
    english = _export(wine, PROG_KEY, tmp)
    payload = _payload(tmp / "程序 文件")
    wine("wine", str(build_installer.build(payload, tmp / "setup.exe")), "/S", lang="zh_CN.UTF-8")
    return {"payload": payload, "english": english, "folder": wine.home / "AppData/Local/Programs/OldCompoundPlanner"}


class TestUnderWine:
    pytestmark = wine_run

    def test_files_land_in_the_per_user_folder(self, installed):
        folder = installed["folder"]
        assert _files(folder) == _files(installed["payload"]) | {"uninstall.exe"}  # stale-tool.exe went
        assert (folder / "ocp.exe").read_bytes() == (installed["payload"] / "ocp.exe").read_bytes()

    def test_installed_program_runs(self, wine, installed):
        if not HOSTNAME_EXE:
            pytest.skip("no Windows program found to stand in for the app")
        done = wine("wine", f"{INSTALL}\\ocp.exe")
        assert done.stdout.strip()  # hostname.exe printed the host name

    def test_start_menu_entry_points_at_the_app(self, wine, installed):
        link = (wine.home / SHORTCUT).read_bytes()
        assert "OldCompoundPlanner.exe".encode("utf-16-le") in link
        assert not (wine.home / "Desktop" / "老旧小区改造规划.lnk").exists()  # opt-in only

    def test_open_with_for_gpkg_without_taking_it_over(self, wine, installed, tmp_path):
        prog = _export(wine, PROG_KEY, tmp_path)
        assert '@="老旧小区改造规划 项目"' in prog  # pages in the locale's language: Chinese
        assert "@=\"Old Compound Renewal Planner project\"" in installed["english"]  # and English
        assert "@=" + _reg_str(f'"{INSTALL}\\OldCompoundPlanner.exe" "%1"') in prog
        gpkg = _export(wine, GPKG_KEY, tmp_path)
        assert '"OldCompoundPlanner.Project"=""' in gpkg
        assert "@=" not in gpkg  # the default program for .gpkg is not set
        assert '".gpkg"=""' in _export(wine, APPS_KEY, tmp_path)

    def test_uninstall_entry(self, wine, installed, tmp_path):
        entry = _export(wine, UNINST_KEY, tmp_path)
        version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
        assert f'"DisplayVersion"="{version}"' in entry
        assert '"DisplayName"="老旧小区改造规划 (Old Compound Renewal Planner)"' in entry
        assert '"QuietUninstallString"=' + _reg_str(f'"{INSTALL}\\uninstall.exe" /S') in entry

    def test_uninstall_removes_everything_and_keeps_settings(self, wine, installed):
        settings = wine.home / SETTINGS
        settings.parent.mkdir(parents=True, exist_ok=True)
        settings.write_text("{}", encoding="utf-8")
        wine("wine", f"{INSTALL}\\uninstall.exe", "/S", wait=True)
        for _ in range(60):  # it goes on from a copy in %TEMP%, as on Windows (wineserver -w waits for it)
            if not installed["folder"].exists():
                break
            time.sleep(1)
        assert not installed["folder"].exists(), sorted(_files(installed["folder"]))
        assert not (wine.home / SHORTCUT).exists()
        assert [k for k in (PROG_KEY, UNINST_KEY, GPKG_KEY, APPS_KEY) if _exists(wine, k)] == []
        assert settings.read_text(encoding="utf-8") == "{}"
