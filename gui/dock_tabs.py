"""Tabified docks show their whole titles: the window's dock tab bars never elide a title
("Renovation program…" at 1600 px in English); when the tabs do not fit, the bar scrolls."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QTabBar


class WholeDockTabs(QObject):
    """An event filter on a QMainWindow: each dock tab bar it polishes shows whole titles."""

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.ChildPolished and isinstance(event.child(), QTabBar):
            whole_titles(event.child())
        return False


def whole_titles(bar: QTabBar) -> None:
    bar.setElideMode(Qt.TextElideMode.ElideNone)
    bar.setUsesScrollButtons(True)


def keep_dock_tabs_whole(window) -> None:
    """Dock tab bars of *window*, present and future, show whole titles."""
    window._whole_dock_tabs = WholeDockTabs(window)
    window.installEventFilter(window._whole_dock_tabs)
    for bar in window.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
        whole_titles(bar)


def raise_first_tabs(window) -> None:
    """In each group of tabified docks, the dock added first is the front tab (the layers and the
    first workflow step, not whichever feature happened to be added last)."""
    from PySide6.QtWidgets import QDockWidget

    seen: set = set()
    for dock in window.findChildren(QDockWidget):  # in the order they were added
        if dock in seen or dock.isHidden():
            continue
        group = [dock, *window.tabifiedDockWidgets(dock)]
        seen.update(group)
        if len(group) > 1:
            dock.raise_()
