"""One report sheet written with openpyxl: a bold shaded frozen header, numbers stored as
numbers with their formats (thousands separators, yuan, percentages), widths that fit Chinese
text, an auto-filter. Every workbook of the project (the report, the programme, access) uses it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from gis.export.cells import append_row, cell_value, text_cell
from gis.wording import term

INT, DEC1, DEC2, PCT, YUAN, YEAR, TEXT = "#,##0", "#,##0.0", "#,##0.00", "0.0%", "#,##0", "0", "@"
HEADER_FILL = PatternFill("solid", fgColor="D9E2F3")
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
THIN = Side(style="thin", color="A6A6A6")
FONT = "微软雅黑"
MAX_WIDTH = 60


@dataclass(frozen=True)
class Column:
    """A report column: data key, header (a wording key or literal text), number format."""

    key: str
    header: str
    fmt: str = TEXT


# -- writing one sheet --------------------------------------------------------------------
def write_sheet(ws, frame: pd.DataFrame | None, columns: list[Column], language: str, *,
                empty: str | None = None) -> None:
    """Header row, values as numbers, formats, widths, frozen header, auto-filter.

    A frame with ``attrs["total_row"]`` has its last row shown as a bold, shaded total.
    """
    headers = [term(c.header, language) for c in columns]
    append_row(ws, headers)
    for cell in ws[1]:
        cell.font = Font(name=FONT, bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(bottom=THIN)
    ws.row_dimensions[1].height = 30
    ws.freeze_panes = "A2"
    rows = 0 if frame is None else len(frame)
    if rows:
        data = [frame[c.key].tolist() if c.key in frame else [None] * rows for c in columns]
        for row in zip(*data):
            append_row(ws, row)
        for j, col in enumerate(columns, start=1):
            if col.fmt == TEXT:
                continue
            for (cell,) in ws.iter_rows(min_row=2, max_row=rows + 1, min_col=j, max_col=j):
                if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
                    cell.number_format = col.fmt
        if frame.attrs.get("total_row"):
            for cell in ws[rows + 1]:
                cell.font = Font(name=FONT, bold=True)
                cell.fill = TOTAL_FILL
                cell.border = Border(top=THIN)
    elif empty:
        ws.cell(row=2, column=1, value=text_cell(empty)).font = Font(name=FONT, italic=True, color="808080")
    last = rows if frame is not None and frame.attrs.get("total_row") else rows + 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(last, 1)}"
    _fit_widths(ws, headers, frame, columns)


def _text_width(value: object) -> int:
    """Display width: Chinese characters count double."""
    text = str(value)
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _fit_widths(ws, headers: list[str], frame: pd.DataFrame | None, columns: list[Column]) -> None:
    for j, (col, head) in enumerate(zip(columns, headers), start=1):
        width = min(_text_width(head), 24) + 2
        if frame is not None and col.key in frame and len(frame):
            sample = frame[col.key].head(500)
            cells = [_display(v, col.fmt) for v in sample]
            width = max(width, max((_text_width(c) for c in cells), default=0) + 2)
        ws.column_dimensions[get_column_letter(j)].width = min(width, MAX_WIDTH)


def _display(value: object, fmt: str) -> str:
    value = cell_value(value)
    if isinstance(value, float):
        return f"{value:,.2f}" if fmt != PCT else f"{value:.1%}"
    if isinstance(value, int):
        return f"{value:,}"
    return "" if value is None else str(value)
