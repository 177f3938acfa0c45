"""The presentation's control bar: previous / next, where the tour is, before / after, by year, end.

It fits the screen it is on: full labels where there is room, then smaller type, then each
button by its symbol or key alone (the full label in its tooltip) and the position elided.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

MARGIN = 12  # kept free on each side of the bar
STYLES = (  # (button font px, padding, label font px): the first whose bar fits the screen
    (20, "8px 18px", 20),
    (16, "6px 10px", 16),
    (16, "6px 10px", 16),  # and the buttons by their symbols
)
BAR_CSS = """
QFrame#bar {{ background: rgba(30, 30, 30, 200); border-radius: 8px; }}
QPushButton {{ font-size: {button}px; padding: {padding}; color: white; background: rgba(80, 80, 80, 220);
              border: 1px solid #aaa; border-radius: 6px; }}
QPushButton:checked {{ background: #2b6cb0; }}
QLabel {{ color: white; font-size: {label}px; padding: 0 12px; }}
"""


class ControlBar(QFrame):
    """The buttons of a presentation (*mode*: gui.presentation.PresentationMode)."""

    def __init__(self, parent, mode) -> None:
        super().__init__(parent, objectName="bar")
        row = QHBoxLayout(self)
        self.prev_button = QPushButton()
        self.position = QLabel()
        self.next_button = QPushButton()
        self.before_button = QPushButton(checkable=True)
        self.years_button = QPushButton(checkable=True)
        self.exit_button = QPushButton()
        self.labels = {  # button → (full label, its symbol or key)
            self.prev_button: (self.tr("◀ Previous"), "◀"), self.next_button: (self.tr("Next ▶"), "▶"),
            self.before_button: (self.tr("Before / after (B)"), "B"),
            self.years_button: (self.tr("By year (Y)"), "Y"), self.exit_button: (self.tr("End (Esc)"), "Esc"),
        }
        for w in (self.prev_button, self.position, self.next_button, self.before_button, self.years_button,
                  self.exit_button):
            row.addWidget(w)
        self.prev_button.clicked.connect(mode.previous)
        self.next_button.clicked.connect(mode.next)
        self.before_button.toggled.connect(mode.set_before)
        self.years_button.toggled.connect(mode.set_by_year)
        self.exit_button.clicked.connect(mode.stop)
        self.level = -1
        self._position = ""
        self._style(0)

    def set_position(self, text: str) -> None:
        """Where the tour is ("Overview", a zone's name); elided when the bar is short of room."""
        self._position = text
        self.position.setText(text)
        self.position.setToolTip("")

    def fit(self, width: int) -> None:
        """Take the first style whose bar is at most *width* - 2 × MARGIN wide, eliding the position last."""
        room = width - 2 * MARGIN
        for level in range(len(STYLES)):
            self._style(level)
            if self._wide() <= room:
                break
        else:
            metrics = QFontMetrics(self.position.font())
            over = self._wide() - room
            while over > 0 and self.position.text():
                keep = max(metrics.horizontalAdvance(self.position.text()) - over, 0)
                shorter = metrics.elidedText(self._position, Qt.TextElideMode.ElideRight, keep) if keep else ""
                self.position.setText("" if shorter == self.position.text() else shorter)
                over = self._wide() - room
            self.position.setToolTip(self._position if self.position.text() != self._position else "")
        self.adjustSize()

    def _wide(self) -> int:
        self.layout().invalidate()
        return self.sizeHint().width()

    def _style(self, level: int) -> None:
        self.position.setText(self._position)
        if level == self.level:
            return
        self.level = level
        button, padding, label = STYLES[level]
        self.setStyleSheet(BAR_CSS.format(button=button, padding=padding, label=label))
        short = level == len(STYLES) - 1
        for b, (full, symbol) in self.labels.items():
            b.setText(symbol if short else full)
            b.setToolTip(full if short else "")
        for w in self.labels.keys() | {self.position}:
            w.ensurePolished()
