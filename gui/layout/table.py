"""Tables printed on a sheet: the zone proposal's cost table and the map layout's access table
share this painter (a shaded, bold head; numbers right-aligned; a hairline under each row)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from gui.layout.furniture import INK, draw_frame
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
    """Draw *row* in *rect*, columns *widths* px wide, columns in *right* right-aligned (the
    head's text wraps to the row's height)."""
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
        align = Qt.AlignmentFlag.AlignRight if k in right else Qt.AlignmentFlag.AlignLeft
        wrap = Qt.TextFlag.TextWordWrap if row.kind == "head" else Qt.TextFlag(0)
        if row.kind != "head":  # one line: a long name keeps its start and end ("…" between)
            text = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideMiddle, int(cell.width()))
        painter.drawText(cell, int(align | Qt.AlignmentFlag.AlignVCenter | wrap), text)
        x += w
    painter.setPen(QPen(QColor("#9e9e9e"), page.px(0.15)))
    painter.drawLine(rect.bottomLeft(), rect.bottomRight())


# -- the map layout's access table ------------------------------------------------------------
TITLE_MM, HEAD_MM, ROW_MM = 6.0, 8.5, 4.6  # at A4 type size (page.scale 1)
BAND_SHARE = 0.3  # the table takes at most this share of the sheet's body height
SHARES = (2.2, 1.5, 1.1, 1.5, 1.8, 1.5)  # name, demand, flag, supply, access per 1,000, shortfall


def rows_that_fit(page: Page, body_mm: float, table) -> int:
    """Data rows (the "N more" line included) the band shows under a body *body_mm* high."""
    s = page.scale
    room = body_mm * BAND_SHARE - (TITLE_MM + HEAD_MM) * s - 2.0
    return max(1, min(len(table.rows), int(room // (ROW_MM * s))))


def band_height_mm(page: Page, body_mm: float, table) -> float:
    """Height of the band holding *table* (title, head, the rows that fit)."""
    s = page.scale
    return (TITLE_MM + HEAD_MM + ROW_MM * rows_that_fit(page, body_mm, table)) * s + 2.0


def draw_print_table(painter: QPainter, page: Page, band: QRectF, table, rows: list[tuple[str, ...]]) -> None:
    """The table's title, then its head and *rows* (already capped) in a frame filling *band*."""
    s = page.scale
    painter.setPen(INK)
    painter.setFont(font(page, 3.4 * s, bold=True))
    title = QRectF(band.left(), band.top(), band.width(), page.px(TITLE_MM * s))
    painter.drawText(title, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), table.title)
    shares = SHARES[: len(table.headers)]
    widths = [band.width() * w / sum(shares) for w in shares]
    y = title.bottom()
    for kind, cells, h in [("head", table.headers, HEAD_MM)] + [("item", r, ROW_MM) for r in rows]:
        table_row(painter, page, QRectF(band.left(), y, band.width(), page.px(h * s)), widths, Row(kind, cells),
                  right=table.numeric, size_mm=2.8)
        y += page.px(h * s)
    draw_frame(painter, page, QRectF(band.left(), title.bottom(), band.width(), y - title.bottom()), 0.3)
