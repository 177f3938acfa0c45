"""What the window shows at start-up: the first dock of each tab group in front, and the
identify panel's 字段/值 header not squeezed before anything is clicked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QStyle, QTabBar


def _zones_dock(win) -> QDockWidget:
    from gui.zones.controller import ZonesController

    return next(f for f in win.features if isinstance(f, ZonesController)).dock


def _front_tab(win, dock: QDockWidget) -> str:
    """The title in front in the dock tab bar that holds *dock*."""
    for bar in win.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
        titles = [bar.tabText(i) for i in range(bar.count())]
        if dock.windowTitle() in titles and bar.isVisible():
            return bar.tabText(bar.currentIndex())
    raise AssertionError(f"no tab bar holds {dock.windowTitle()}")


def test_front_tabs_are_the_first_docks(make_window, project):
    win = make_window(project, size=(1366, 768))
    zones, table = _zones_dock(win), win.table_dock
    right = [zones, *win.tabifiedDockWidgets(zones)]
    assert {d.windowTitle() for d in right} >= {"改造片区", "生活圈", "服务缺项", "改造计划"}
    assert _front_tab(win, zones) == "改造片区"
    assert len(win.tabifiedDockWidgets(table)) > 0 and _front_tab(win, table) == table.windowTitle()


def test_identify_header_titles_fit_their_sections(make_window, project):
    win = make_window(project, size=(1366, 768))
    header = win.identify.header()
    fm = header.fontMetrics()
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    for i, title in enumerate(["字段", "值"]):
        assert win.identify.headerItem().text(i) == title
        needed = fm.horizontalAdvance(title) + 2 * margin + fm.horizontalAdvance("M")  # text, margins, room
        assert header.sectionSize(i) >= needed, (title, header.sectionSize(i), needed)
