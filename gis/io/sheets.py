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
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

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


@dataclass
class Book:
    """What reading a sheet needs: the open archive, shared strings, date settings, and the
    worksheets by name. openpyxl's own read-only loading parses every sheet that lacks a
    dimension element from start to end just to size it, so its parts are used instead."""

    archive: zipfile.ZipFile
    strings: list
    epoch: object
    date_formats: set
    timedelta_formats: set
    sheets: dict[str, str]  # name → worksheet part in the archive


@contextmanager
def open_workbook(path: Path) -> Iterator[Book]:
    """The workbook's parts, after the archive checks; DataReadError when unreadable."""
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet

    try:
        with zipfile.ZipFile(path) as zf:
            check_archive(zf.infolist(), path)
        reader = ExcelReader(path, read_only=True, data_only=True)
    except DataReadError:
        raise
    except Exception as exc:  # noqa: BLE001 - openpyxl fails in many ways on a damaged file
        raise unreadable(path, exc) from None
    try:
        try:
            reader.read_manifest()
            reader.read_strings()
            reader.read_workbook()
            apply_stylesheet(reader.archive, reader.wb)
            sheets = {sheet.name: rel.target for sheet, rel in reader.parser.find_sheets()
                      if rel.target in reader.valid_files and "chartsheet" not in rel.Type}
        except Exception as exc:  # noqa: BLE001 - as above
            raise unreadable(path, exc) from None
        wb = reader.wb
        yield Book(reader.archive, reader.shared_strings, wb.epoch, wb._date_formats,
                   wb._timedelta_formats, sheets)
    finally:
        reader.archive.close()


def sheet_names(path: Path) -> list[str]:
    """Worksheet names of a workbook; DataReadError when it is not a readable .xlsx."""
    with open_workbook(path) as book:
        return list(book.sheets)


def read_sheet(path: Path, sheet: str, feedback: Feedback | None = None) -> pd.DataFrame:
    """The non-blank rows and columns of *sheet* as an object grid (header not yet found)."""
    with open_workbook(path) as book:
        try:
            part = book.sheets[sheet]
            size = book.archive.getinfo(part).file_size
            with book.archive.open(part) as src:
                found = _Cells(path, limits.Watch(path, feedback), size)
                found.stream(_Counting(src), _parser(book))
            return found.frame()
        except (DataReadError, Cancelled):
            raise
        except Exception as exc:  # noqa: BLE001 - zlib, XML and zip errors of a damaged workbook
            raise unreadable(path, exc) from None


def _parser(book: Book):
    """openpyxl's cell reader with the workbook's shared strings, epoch and date formats."""
    from openpyxl.worksheet._reader import WorkSheetParser

    return WorkSheetParser(None, book.strings, data_only=True, epoch=book.epoch,
                           date_formats=book.date_formats,
                           timedelta_formats=book.timedelta_formats)


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
