"""Excel sheets read as a stream of cells, within the read caps.

A workbook is a zip archive, so its members are checked like any archive's first
(:func:`gis.io.sources.check_archive`: member count, sizes, compression ratio). A sheet is
then parsed cell by cell (openpyxl's cell reading, our own loop) and never held as XML or
as a dense grid: blank cells (empty or only spaces) are skipped, and trailing blank rows and
columns never count. The declared dimension (``<dimension ref="A1:XFD1048576"/>``) is only a
first look: formatting often inflates it, so the caps are checked on what is actually found,
while streaming: ``max_cells`` on cells parsed, ``max_columns`` / ``max_rows`` on the
furthest cell with a value, and ``max_cells`` again on the grid before it is built.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import numpy as np
import pandas as pd

from gis.errors import Cancelled, DataReadError
from gis.feedback import Feedback
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io import limits
from gis.io.sources import check_archive

_STEP = 50_000  # cells between Cancel / progress checks


def unreadable(path: Path, exc: BaseException) -> DataReadError:
    """The error for a workbook openpyxl or zipfile cannot read."""
    return DataReadError(QT_TRANSLATE_NOOP(
        "errors", "{path} is not a readable Excel .xlsx workbook ({reason})."),
        path=str(path), reason=str(exc) or type(exc).__name__)


def open_workbook(path: Path):
    """The workbook in read-only mode (cached values, no formulas), after the archive checks."""
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(path) as zf:
            check_archive(zf.infolist(), path)
        return load_workbook(path, read_only=True, data_only=True)
    except DataReadError:
        raise
    except Exception as exc:  # noqa: BLE001 - openpyxl fails in many ways on a damaged file
        raise unreadable(path, exc) from None


def sheet_names(path: Path) -> list[str]:
    """Sheet names of a workbook; DataReadError when it is not a readable .xlsx."""
    wb = open_workbook(path)
    try:
        return list(wb.sheetnames)
    finally:
        wb.close()


def read_sheet(path: Path, sheet: str, feedback: Feedback | None = None) -> pd.DataFrame:
    """The non-blank rows and columns of *sheet* as an object grid (header not yet found)."""
    wb = open_workbook(path)
    try:
        ws = wb[sheet]
        size = wb._archive.getinfo(ws._worksheet_path).file_size
        with wb._archive.open(ws._worksheet_path) as src:
            found = _Cells(path, limits.Watch(path, feedback), size)
            found.stream(_Counting(src), _parser(wb))
        return found.frame()
    except (DataReadError, Cancelled):
        raise
    except Exception as exc:  # noqa: BLE001 - zlib, XML and zip errors of a damaged workbook
        raise unreadable(path, exc) from None
    finally:
        wb.close()


def _parser(wb):
    from openpyxl.worksheet._reader import WorkSheetParser

    return WorkSheetParser(None, wb.shared_strings, data_only=True, epoch=wb.epoch,
                           date_formats=wb._date_formats, timedelta_formats=wb._timedelta_formats)


class _Counting:
    """A binary stream that counts the bytes read (progress through the sheet's XML)."""

    def __init__(self, raw) -> None:
        self.raw, self.done = raw, 0

    def read(self, n: int = -1) -> bytes:
        data = self.raw.read(n)
        self.done += len(data)
        return data


class _Cells:
    """Non-blank cell values by column, with the caps counted as they stream in."""

    def __init__(self, path: Path, watch: limits.Watch, size: int) -> None:
        self.path, self.watch, self.size = path, watch, max(size, 1)
        self.caps = limits.active()
        self.columns: dict[int, tuple[list[int], list]] = {}
        self.rows: set[int] = set()
        self.parsed = 0

    def stream(self, src: _Counting, parser) -> None:
        """Parse the sheet XML; keep the tree to the current row (cells are dropped as read)."""
        from openpyxl.worksheet._reader import CELL_TAG, DATA_TAG, ROW_TAG
        from openpyxl.xml.functions import iterparse

        holder = row_el = None
        for event, el in iterparse(src, events=("start", "end")):
            if event == "start":
                if el.tag == DATA_TAG:
                    holder = el
                elif el.tag == ROW_TAG:
                    row_el = el
                    _start_row(parser, el)
                continue
            if el.tag == CELL_TAG:
                self.add(parser.parse_cell(el))
                (row_el if row_el is not None else el).clear()
                self._tick(src)
            elif el.tag == ROW_TAG and holder is not None:
                holder.clear()

    def add(self, cell: dict) -> None:
        self.parsed += 1
        value = cell["value"]
        if value is None or (isinstance(value, str) and not value.strip()):
            return
        row, col = cell["row"], cell["column"]
        if col > self.caps.max_columns:
            raise limits.exceeded("max_columns", path=self.path, value=col)
        if row > self.caps.max_rows:
            raise limits.exceeded("max_rows", path=self.path, value=row)
        rows, values = self.columns.setdefault(col, ([], []))
        rows.append(row)
        values.append(value)
        self.rows.add(row)

    def _tick(self, src: _Counting) -> None:
        if self.parsed > self.caps.max_cells:
            raise limits.exceeded("max_cells", path=self.path, value=f"> {self.caps.max_cells}")
        if self.parsed % _STEP == 0:
            self.watch.step(src.done / self.size)

    def frame(self) -> pd.DataFrame:
        """The grid of rows and columns that hold something, in sheet order."""
        order = sorted(self.rows)
        if len(order) * len(self.columns) > self.caps.max_cells:
            raise limits.exceeded("max_cells", path=self.path, value=len(order) * len(self.columns))
        position = {row: i for i, row in enumerate(order)}
        data = {}
        for col in sorted(self.columns):
            rows, values = self.columns[col]
            column = np.full(len(order), None, dtype=object)
            column[[position[r] for r in rows]] = _objects(values)
            data[col] = column
        return pd.DataFrame(data, index=pd.RangeIndex(len(order)))


def _start_row(parser, el) -> None:
    """What openpyxl's row parsing does first: the row number (given or the next one)."""
    r = el.get("r")
    try:
        parser.row_counter = int(float(r)) if r is not None else parser.row_counter + 1
    except ValueError:
        parser.row_counter += 1
    parser.col_counter = 0


def _objects(values: list) -> np.ndarray:
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out
