"""The UI is Chinese by default and switches to English in place, keeping the project, the
analysis results on screen and the map where it was."""

from __future__ import annotations

import pytest

from gis.settings import Settings
from gui.app import relaunch_in_language
from gui.main_window import MainWindow
from tests.gui.gaps_fixtures import analysed_window, controller, gaps_registered  # noqa: F401
from tests.gui.lifecircles_fixtures import lifecircles_registered  # noqa: F401


def menu_titles(win) -> list[str]:
    return [a.text() for a in win.menuBar().actions()]


@pytest.fixture
def relaunch(app):
    """relaunch(window, code): the window rebuilt in language *code*; cleaned up afterwards."""
    from gui.i18n import install_translator

    made = []

    def switch(win, code: str):
        def open_window(proj):
            new = MainWindow(proj, win.settings)
            made.append(new)
            return new

        return relaunch_in_language(app, win, code, open_window)

    yield switch
    for w in made:
        w.close_guards.clear()
        w.shutdown()
        w.close()
        w.deleteLater()
    install_translator(app, "zh_CN")


def test_switch_to_english_and_back_keeps_the_project(make_window, project, relaunch):
    win = make_window(project, settings=Settings(language="zh_CN"))
    assert "文件(&F)" in menu_titles(win)
    english = relaunch(win, "en")
    assert english.project is project
    assert "&File" in menu_titles(english)
    assert english.settings.language == "en"
    chinese = relaunch(english, "zh_CN")
    assert "文件(&F)" in menu_titles(chinese)
    assert len(chinese.project.layers) == 2


def test_switching_language_keeps_results_and_the_view(make_window, qtbot, relaunch):
    from gui.gaps import overlays as ov
    from tests.gui import lifecircles_fixtures as lf

    win, gaps, project = analysed_window(make_window, qtbot)
    life = lf.controller(win)
    life.panel.options.set_mode("buffer")
    lf.run(life, qtbot)
    win.map.zoom_to_layer(project.layers[0], [5])
    qtbot.waitUntil(lambda: win.map.view_state.get("zoom", 0) >= 17, timeout=10000)
    view = dict(win.map.view_state)
    english = relaunch(win, "en")
    new_gaps, new_life = controller(english), lf.controller(english)
    assert new_gaps.outcome is gaps.outcome and ov.COUNT in new_gaps.map.shown
    assert new_gaps.panel.compounds.model_.rowCount() == gaps.panel.compounds.model_.rowCount() > 0
    assert new_life.outcome is life.outcome and new_life.shown_overlays()
    assert "Service gaps" in new_gaps.dock.windowTitle()
    qtbot.waitUntil(lambda: abs(english.map.view_state.get("zoom", 0) - view["zoom"]) < 0.01, timeout=10000)
    centre = english.map.view_state["center"]
    assert abs(centre[0] - view["center"][0]) < 1e-6 and abs(centre[1] - view["center"][1]) < 1e-6
