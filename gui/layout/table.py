"""Tables printed on a sheet: the zone proposal's cost table and the map layout's access table
share this painter (a shaded, bold head; numbers right-aligned; a hairline under each row)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from gui.layout.furniture import INK
from gui.layout.mapdraw import font
from gui.layout.page import Page


@dataclass(frozen=True)
class Row:
    """One line of a table: ``kind`` head | item | subtotal | total."""

    kind: str
    cells: tuple[str, ...]
    cost: float = 0.0


def table_row(painter: QPainter, page: Page, rect: QRectF, widths, row: Row, right=(2, 4),
              size_mm: float = 3.0) -> None:
    """Draw *row* in *rect*, columns *widths* px wide; columns in *right* right-aligned (not in
    the head, whose text wraps to the row's height)."""
    s = page.scale
    bold = row.kind in ("head", "subtotal", "total")
    if row.kind in ("head", "total"):
        painter.fillRect(rect, QColor("#e8e8e8"))
    lines = 2 if row.kind == "head" and rect.height() > page.px(6.5 * s) else 1
    painter.setFont(font(page, min(size_mm * s, rect.height() / lines / page.px(1.0) * 0.62), bold=bold))
    painter.setPen(INK)
    x = rect.left()
    for k, (text, w) in enumerate(zip(row.cells, widths)):
        cell = QRectF(x + page.px(1.0), rect.top(), w - page.px(2.0), rect.height())
        align = Qt.AlignmentFlag.AlignRight if k in right and row.kind != "head" else Qt.AlignmentFlag.AlignLeft
        wrap = Qt.TextFlag.TextWordWrap if row.kind == "head" else Qt.TextFlag(0)
        painter.drawText(cell, int(align | Qt.AlignmentFlag.AlignVCenter | wrap), text)
        x += w
    painter.setPen(QPen(QColor("#9e9e9e"), page.px(0.15)))
    painter.drawLine(rect.bottomLeft(), rect.bottomRight())
