"""Application start-up: environment, fonts, language, the main window, screenshot mode."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

CJK_FAMILIES = ["Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", "Noto Sans CJK SC",
                "Source Han Sans SC", "SimHei"]


def prepare_environment(*, headless: bool) -> None:
    """Set what QtWebEngine needs before QApplication exists."""
    if headless and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if sys.platform.startswith("linux") and hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")


def config_dir() -> Path:
    """Where settings live: $OCP_CONFIG_DIR, else the OS's per-user config folder."""
    env = os.environ.get("OCP_CONFIG_DIR")
    if env:
        return Path(env)
    from PySide6.QtCore import QStandardPaths

    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation))


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="main.py", description="Old Compound Renewal Planner")
    parser.add_argument("path", nargs="*", help="project (.gpkg), data files and rasters to open; default: the demo")
    parser.add_argument("--screenshot", metavar="OUT.png", help="save a grab of the window and exit")
    parser.add_argument("--size", default="1600x1000", help="window size for --screenshot, WxH")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="UI language (default: saved setting)")
    parser.add_argument("--timeout", type=float, default=90.0, help="screenshot wait limit, seconds")
    parser.add_argument("--timing", action="store_true", help="print start-up milestones on stderr")
    from gis.cli.base import add_source_crs

    add_source_crs(parser)  # --screenshot cannot ask: the answer for a data file that does not say
    return parser.parse_args(argv)


def setup_app(language: str):
    """The QApplication with CJK fonts and the translator installed."""
    from PySide6 import QtWebEngineWidgets  # noqa: F401 - must load before QApplication exists
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from gui.app_icon import DESKTOP_ID, app_icon
    from gui.i18n import install_translator
    from gui.map.scheme import prepare_web_engine
    from gui.none_guard import protect_none

    prepare_web_engine()  # the map page's URL scheme and Chromium switches, before QApplication
    protect_none()  # PySide6 6.12 on CPython 3.11 under-counts None (see gui/none_guard.py)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("OldCompoundPlanner")
    app.setOrganizationName("OldCompoundPlanner")
    app.setWindowIcon(app_icon())
    app.setDesktopFileName(DESKTOP_ID)  # Wayland/X11 docks match the window to the menu entry
    font = QFont(app.font())
    font.setFamilies(CJK_FAMILIES + [font.family()])
    app.setFont(font)
    install_translator(app, language)
    return app


def load_initial_project(paths: list[str] | str | None, *, ask: list | None = None,
                         source_crs: str | None = None):
    """The demo district, or the project / data files / rasters at *paths* (one project); the
    window's remembered CRS answers are recalled. With an *ask* list, data files whose coordinate
    system must be chosen go on it; without, they are read in *source_crs* or refused naming
    ``--source-crs`` (see gis.opening)."""
    from gis.opening import open_many

    if not paths:
        from gis.demo import load_demo_project

        return load_demo_project()
    from gui.importing.controller import crs_memory

    return open_many([Path(p) for p in ([paths] if isinstance(paths, str) else paths)], ask=ask,
                     memory=crs_memory(), source_crs=source_crs)


def run_app(argv: list[str]) -> int:
    args = parse_args(argv)
    from gui import startup_timing as timing

    if args.timing:
        timing.enable()
    prepare_environment(headless=bool(args.screenshot))
    from gis.settings import load_settings, save_settings

    settings = load_settings(config_dir())
    from gis.io import limits

    limits.configure(settings.read_limits)
    if args.lang:
        settings.language = args.lang
    app = setup_app(settings.language)
    timing.report("application")
    from gui.single_instance import forward

    if args.path and not args.screenshot and forward(args.path):
        return 0  # the running window opens it
    from gui.heap import set_aside_startup_objects
    from gui.i18n import error_text
    from gui.main_window import MainWindow

    set_aside_startup_objects()  # before any data: full collections no longer walk the modules
    asked: list | None = None if args.screenshot else []  # a screenshot cannot ask: it refuses
    try:
        project = load_initial_project(args.path, ask=asked, source_crs=args.source_crs)
    except Exception as err:  # noqa: BLE001 - shown to the user, then we stop
        print(f"error: {error_text(err)}", file=sys.stderr)  # no-op without a console (Windows)
        if not args.screenshot:
            from gui.frozen_start import show_error

            show_error(error_text(err))  # a file double-clicked in Explorer has no terminal
        return 2
    timing.report("project")
    windows: list[MainWindow] = []

    def open_window(proj) -> MainWindow:
        win = MainWindow(proj, settings)
        win.languageChangeRequested.connect(switch_language)
        windows.append(win)
        return win

    def switch_language(code: str) -> None:
        save_settings(settings, config_dir())
        relaunch_in_language(app, windows[-1], code, open_window)

    win = open_window(project)
    timing.report("window")
    timing.report_first_draw(win.map)
    if args.screenshot:
        from gui.screenshot import take_screenshot

        return take_screenshot(app, win, Path(args.screenshot), args.size, args.timeout)
    win.show()
    win.map.zoom_to_project()
    from gui.importing.controller import ask_in_window

    ask_in_window(win, asked)  # the import dialog asks what the files do not say
    from gui.single_instance import serve

    serve(app, lambda: windows[-1])  # later starts with a path hand it to this window
    from gui.recovery_dialog import offer_recovery

    offer_recovery(win)  # work autosaved by a session that crashed
    code = app.exec()
    save_settings(settings, config_dir())
    return exit_now_if_abandoned(code)


def exit_now_if_abandoned(code: int) -> int:
    """End the process at once when a task stuck in a C call was abandoned on closing (its
    thread would otherwise outlive the window, or report into a destroyed application)."""
    from gui.worker import running

    if running():
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


def relaunch_in_language(app, old, code: str, open_window):
    """Rebuild the main window in language *code* around the same project (nothing is lost)."""
    from gui.i18n import install_translator

    old.settings.language = code
    install_translator(app, code)
    new = open_window(old.project)
    new.restoreGeometry(old.saveGeometry())
    for ctl in new.features:  # analysis results stay on screen
        same = next((f for f in old.features if type(f) is type(ctl)), None)
        if same is not None and hasattr(ctl, "adopt"):
            ctl.adopt(same)
    new.show()
    view = old.map.view_state
    if view.get("center") and view.get("zoom") is not None:  # the same place on the map
        new.map.set_view(list(view["center"]), view["zoom"])
    else:
        new.map.zoom_to_project()
    old.close_guards.clear()
    old.shutdown()
    old.hide()
    old.deleteLater()
    return new
