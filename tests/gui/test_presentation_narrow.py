"""Presentation on a narrow screen (offscreen's default 800 × 800): the control bar fits the screen
in both languages, its buttons shown whole (by their symbols, full labels in tooltips, when short of
room), and the map legend says whether it shows the district before or after the plan (B)."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt

from gui.i18n import install_translator
from gui.none_guard import protect_none
from gui.presentation import PresentationMode
from tests.gui.conftest import settle
from tests.gui.test_presentation import outputs, planned_project  # noqa: F401

protect_none()
SHOTS = os.environ.get("OCP_SHOTS")  # a folder: save what the test looked at


@pytest.fixture(params=["zh_CN", "en"])
def language(app, request):
    install_translator(app, request.param)
    yield request.param
    install_translator(app, "zh_CN")


def bar_fits(screen) -> None:
    width = screen.screen().geometry().width()
    bar = screen.bar
    assert screen.width() <= width and bar.width() <= width, (bar.geometry().getRect(), width)
    assert bar.x() >= 0 and bar.x() + bar.width() <= screen.width() and bar.y() + bar.height() < screen.height()
    for b in bar.labels:
        assert b.width() >= b.sizeHint().width(), f"{b.text()} is cut"
        assert b.toolTip() or bar.labels[b][0] == b.text(), "a button by its symbol tells its label in a tooltip"


def test_the_bar_fits_an_800_px_screen_and_the_legend_says_before_or_after(
        language, make_window, planned_project, qtbot):  # noqa: F811
    win = make_window(planned_project)
    after, before = outputs(planned_project)
    mode = PresentationMode(win, after=after, before=before)
    mode.start()
    screen = mode.screen
    qtbot.waitUntil(lambda: screen.isVisible() and screen.width() > 0, timeout=5000)
    settle(qtbot, win, int(os.environ.get("OCP_SETTLE", "600")))
    assert screen.screen().geometry().width() == 800
    bar_fits(screen)
    card = screen.card
    assert card.x() + card.width() <= 0.6 * screen.width(), "the fit keeps clear of the card only up to 60 %"
    assert all(line.width() >= min(line.sizeHint().width(), card.contentsRect().width()) for line in card.lines.values())
    legend = mode.gap_colours.controller.map.legend
    words = {"zh_CN": ("改造后", "改造前"), "en": ("After the plan", "Before the plan")}[language]
    assert legend.isVisible() and legend.title.startswith(words[0] + " · "), legend.title
    if SHOTS:
        screen.grab().save(os.path.join(SHOTS, f"present-800-{language}.png"))
    mode.show_card_lines("x", [], "A very long position text that would not fit the bar of a narrow screen " * 2)
    bar_fits(screen)
    assert screen.bar.position.toolTip().startswith("A very long"), "the elided position in full"
    mode.overview()
    qtbot.keyClick(screen, Qt.Key.Key_B)
    settle(qtbot, win, 600)
    if SHOTS:
        screen.grab().save(os.path.join(SHOTS, f"present-800-{language}-before.png"))
    assert mode.before and legend.title.startswith(words[1] + " · "), legend.title
    assert legend.print_rows()[0] == legend.title  # a printed legend says it too
    qtbot.keyClick(screen, Qt.Key.Key_B)
    assert legend.title.startswith(words[0] + " · "), legend.title
    mode.stop()
    assert not legend.title.startswith(words), "the gaps panel's legend as it was"


def test_a_very_narrow_bar_shows_symbols_with_their_labels_in_tooltips(app, qtbot):
    from PySide6.QtCore import QObject, Slot
    from PySide6.QtWidgets import QWidget

    from gui.presentation_bar import MARGIN, ControlBar

    class Mode(QObject):
        @Slot()
        def previous(self): ...

        next = stop = previous

        @Slot(bool)
        def set_before(self, on): ...

        set_by_year = set_before

    host = QWidget()
    qtbot.addWidget(host)
    bar = ControlBar(host, Mode(host))
    bar.set_position("西南片区（第 1 个，共 12 个）")
    bar.fit(2000)
    assert bar.before_button.text() == bar.labels[bar.before_button][0] and not bar.before_button.toolTip()
    bar.fit(480)
    assert bar.width() <= 480 - 2 * MARGIN
    assert [b.text() for b in bar.labels] == ["◀", "▶", "B", "Y", "Esc"]
    assert all(b.toolTip() == full for b, (full, _) in bar.labels.items())
    bar.fit(2000)  # room again: the full labels and the whole position come back
    assert bar.position.text() == "西南片区（第 1 个，共 12 个）" and bar.exit_button.text() == bar.labels[bar.exit_button][0]
