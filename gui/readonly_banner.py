"""The banner over the map when the project is open read-only (another instance has it)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QToolBar

STYLE = ("QToolBar#readonly-banner { background: #fff3cd; border-bottom: 1px solid #d9b44a; "
         "padding: 4px; } QToolBar#readonly-banner QLabel { color: #5c4500; }")


def lock_text(lock, path: str | None) -> str:
    """Who holds the lock of *path* and since when, in the UI language."""
    owner = lock.owner
    since = datetime.fromtimestamp(lock.since).strftime("%Y-%m-%d %H:%M")
    name = Path(path).name if path else ""
    return QCoreApplication.translate(
        "ReadOnlyBanner", "{name} is open in another instance of the planner: user {user} on "
                          "{host} (process {pid}), since {time}.").format(
            name=name, user=owner.user, host=owner.host, pid=owner.pid, time=since)


class ReadOnlyBanner(QToolBar):
    """A full-width strip: why the project is read-only, and a Save As button."""

    def __init__(self, window, save_as) -> None:
        super().__init__(window)
        self.setObjectName("readonly-banner")
        self.setMovable(False)
        self.setFloatable(False)
        self.toggleViewAction().setVisible(False)
        self.setStyleSheet(STYLE)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = QPushButton(self.tr("Save As…"), self)
        self.button.clicked.connect(lambda: save_as())
        self.addWidget(self.label)
        self.addWidget(self.button)
        window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self)
        self.hide()

    def resizeEvent(self, event) -> None:  # noqa: N802
        """Fit the wrapped text's height to the width it got (tool bars ignore height-for-width)."""
        super().resizeEvent(event)
        height = self.label.heightForWidth(self.label.width())
        if height > 0 and height != self.label.height():
            self.label.setFixedHeight(height)

    def show_lock(self, lock, path: str | None) -> None:
        """Show *lock* (another instance's), or hide when None."""
        if lock is None:
            self.hide()
            return
        self.label.setText(self.tr("Read-only. {text} Save is turned off so neither copy overwrites "
                                   "the other; use Save As to keep your changes in a new file.").format(
            text=lock_text(lock, path)))
        self.show()
