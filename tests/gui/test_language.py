"""The UI is Chinese by default and switches to English in place, keeping the project."""

from __future__ import annotations

from gis.settings import Settings
from gui.app import relaunch_in_language
from gui.main_window import MainWindow


def menu_titles(win) -> list[str]:
    return [a.text() for a in win.menuBar().actions()]


def test_switch_to_english_and_back_keeps_the_project(app, make_window, project, qtbot):
    win = make_window(project, settings=Settings(language="zh_CN"))
    assert "文件(&F)" in menu_titles(win)
    made = []

    def open_window(proj):
        new = MainWindow(proj, win.settings)
        made.append(new)
        return new

    english = relaunch_in_language(app, win, "en", open_window)
    try:
        assert english.project is project
        assert "&File" in menu_titles(english)
        assert english.settings.language == "en"
        chinese = relaunch_in_language(app, english, "zh_CN", open_window)
        assert "文件(&F)" in menu_titles(chinese)
        assert len(chinese.project.layers) == 2
    finally:
        for w in made:
            w.close_guards.clear()
            w.shutdown()
            w.close()
            w.deleteLater()
