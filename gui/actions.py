"""Menu and toolbar actions, made one way everywhere."""

from __future__ import annotations

from typing import Callable, Iterable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu


def make_action(parent, text: str, slot: Callable[[], object], shortcut=None, *,
                checkable: bool = False) -> QAction:
    """A QAction calling ``slot()`` (without Qt's *checked* argument) when triggered."""
    act = QAction(text, parent)
    if shortcut:
        act.setShortcut(QKeySequence(shortcut))
    act.setCheckable(checkable)
    act.triggered.connect(lambda _checked=False: slot())
    return act


def fill_menu(menu: QMenu, actions: dict[str, QAction], keys: Iterable[str | None]) -> None:
    """Add ``actions[key]`` for each key in order; ``None`` adds a separator."""
    for key in keys:
        if key is None:
            menu.addSeparator()
        else:
            menu.addAction(actions[key])
