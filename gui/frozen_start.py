"""Start-up of the frozen (installed) app: the folder self-check, and where to run commands.

A damaged install is named before Qt's web engine starts (a missing QtWebEngine resource would
otherwise abort or leave the map blank): a message box for the window, one line on stderr for
commands. On Windows the window executable has no console, so commands run from the console
executable beside it (``ocp.exe``); the window executable given a command says so.
"""

from __future__ import annotations

import sys

from gis.i18n import QT_TRANSLATE_NOOP, translate

EXIT_BROKEN = 1
CLI_EXE = "ocp.exe"
USE_CONSOLE_EXE = QT_TRANSLATE_NOOP(
    "install", "Commands run in a console window with {exe} from the program folder, e.g. {example}")


def check(argv: list[str], *, command: bool) -> int | None:
    """An exit code when the app must stop (broken install, command without console), else None."""
    from gis.install_check import check_install, problem_message
    from gis.paths import ROOT

    problems = check_install(ROOT)
    if problems:
        return tell([problem_message(problems, lang) for lang in _languages(command)], command=command)
    if command and sys.stdout is None:  # the windowed exe on Windows: output would go nowhere
        texts = [translate("install", USE_CONSOLE_EXE, lang).format(
            exe=CLI_EXE, example=f"{CLI_EXE} {argv[0]} --help") for lang in _languages(False)]
        return tell(texts, command=False)
    return None


def _languages(command: bool) -> list[str]:
    """Commands print English (as every command message); the window shows Chinese, then English
    (the user's language setting may be among the damaged files)."""
    return ["en"] if command else ["zh_CN", "en"]


def tell(texts: list[str], *, command: bool) -> int:
    """Show *texts* (one per language) where the user sees them; return EXIT_BROKEN."""
    text = "\n\n".join(dict.fromkeys(texts))  # the same text twice when a translation is missing
    if sys.stderr is not None:
        print(f"error: {text}" if command else text, file=sys.stderr)
    if not command:
        show_error(text)
    return EXIT_BROKEN


def show_error(text: str) -> None:
    """A message box, where there is a screen to show it on (else nothing: stderr has the text)."""
    title = "老旧小区改造规划 · Old Compound Renewal Planner"
    try:
        from PySide6.QtWidgets import QApplication, QMessageBox

        app = QApplication.instance() or QApplication(sys.argv[:1])
        if app.platformName() == "offscreen":
            return  # nobody would see it (tests, screenshots): stderr has it
        QMessageBox.critical(None, title, text)
    except Exception:  # noqa: BLE001 - Qt itself may be the damaged part
        if sys.platform == "win32":
            import ctypes

            ctypes.windll.user32.MessageBoxW(None, text, title, 0x10)
