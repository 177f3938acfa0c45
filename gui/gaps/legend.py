"""The gap legend floating in the map's bottom-right corner: swatches and counts of what is drawn."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from gui.map.floating import FloatingPanel

MAP_BACKGROUND = "#f4f1ea"  # the map page's background (resources/web/map.css)
TWO_COLUMNS_FROM = 8  # a section with more entries is laid out in two columns
MAX_WIDTH = 250  # narrow, so it fits beside a district fitted to the map rather than over it


@dataclass(frozen=True)
class Entry:
    """One legend row: a swatch (square, dashed square or dot) and its text."""

    text: str
    fill: str
    stroke: str
    opacity: float = 1.0
    shape: str = "square"  # square | dashed | dot


def blend(fill: str, opacity: float, background: str = MAP_BACKGROUND) -> QColor:
    """*fill* at *opacity* over the map background, as it looks on the map."""
    f, b = QColor(fill), QColor(background)
    mix = [round(opacity * a + (1 - opacity) * c) for a, c in
           ((f.red(), b.red()), (f.green(), b.green()), (f.blue(), b.blue()))]
    return QColor(*mix)


def swatch(entry: Entry, size: int = 18) -> QPixmap:
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    dashed = entry.shape == "dashed"
    painter.setPen(QPen(QColor(entry.stroke), 2 if entry.shape != "square" else 1,
                        Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine))
    painter.setBrush(blend(entry.fill, entry.opacity))
    if entry.shape == "dot":
        painter.drawEllipse(2, 2, size - 5, size - 5)
    else:
        painter.drawRect(1, 1, size - 3, size - 3)
    painter.end()
    return pix


class GapLegend(FloatingPanel):
    """A title and one row per entry; hidden while there is nothing to explain."""

    CORNER = "bottom-right"
    MARGIN = 12

    def __init__(self, map_view, object_name: str = "gap-legend") -> None:
        super().__init__(map_view, object_name)
        self.setMaximumWidth(MAX_WIDTH)
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(8, 6, 8, 6)
        self.box.setSpacing(2)
        self.entries: list[Entry] = []
        self.title = ""
        self.hide()

    def set_entries(self, title: str, sections: list[tuple[str, list[Entry]]]) -> None:
        """Rebuild: *sections* are ``(heading, entries)``; empty sections are left out."""
        self.hide()
        self.empty(self.box)
        self.title = title
        self.entries = [e for _h, entries in sections for e in entries]
        self.printed = (title, [{"text": e.text, "fill": blend(e.fill, e.opacity).name(), "stroke": e.stroke,
                                 "dash": "4 3" if e.shape == "dashed" else None,
                                 "kind": "point" if e.shape == "dot" else "polygon"} for e in self.entries])
        if not self.entries:
            return
        head = QLabel(f"<b>{title}</b>")
        head.setWordWrap(True)
        self.box.addWidget(head)
        for heading, entries in sections:
            if not entries:
                continue
            if heading:
                label = QLabel(heading)
                label.setWordWrap(True)
                label.setStyleSheet("color: #424242; font-size: 11px; padding-top: 3px;")
                self.box.addWidget(label)
            self.box.addWidget(self._section(entries))
        self.adjustSize()
        self.place()
        self.show()
        self.raise_()

    @staticmethod
    def _section(entries: list[Entry]) -> QWidget:
        """Rows of swatch + text; a long list (the choropleth's classes) in two columns."""
        widget = QWidget()
        grid = QGridLayout(widget)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        per = -(-len(entries) // 2) if len(entries) > TWO_COLUMNS_FROM else len(entries)
        for k, entry in enumerate(entries):
            r, c = k % per, 2 * (k // per)
            box = QLabel()
            box.setPixmap(swatch(entry))
            grid.addWidget(box, r, c, Qt.AlignmentFlag.AlignCenter)
            text = QLabel(entry.text)
            text.setWordWrap(True)
            grid.addWidget(text, r, c + 1)
        for c in range(0, grid.columnCount(), 2):  # swatches keep their size, texts take the room
            grid.setColumnStretch(c, 0)
            grid.setColumnStretch(c + 1, 1)
        return widget
