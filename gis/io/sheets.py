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
from xml.parsers import expat

import numpy as np
import pandas as pd

from gis.errors import Cancelled, DataReadError
from gis.feedback import Feedback
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io import limits
from gis.io.sources import check_zip_file

_CHUNK = 1 << 20  # bytes of sheet XML between Cancel / progress / time checks


def unreadable(path: Path, exc: BaseException) -> DataReadError:
    """The error for a workbook openpyxl or zipfile cannot read."""
    if isinstance(exc, zipfile.BadZipFile):  # its reason is English: say what it means instead
        return DataReadError(QT_TRANSLATE_NOOP(
            "errors", "{path} is not an Excel .xlsx workbook (an .xlsx file is a zip archive, this one is not): "
            "open it in Excel or WPS and save it as .xlsx."), path=str(path))
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

    check_zip_file(path, unreadable)
    try:
        reader = ExcelReader(path, read_only=True, data_only=True)
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
        if not book.sheets:  # a damaged workbook.xml can list none
            raise unreadable(path, ValueError("no worksheets"))
        return list(book.sheets)


def read_sheet(path: Path, sheet: str, feedback: Feedback | None = None) -> pd.DataFrame:
    """The non-blank rows and columns of *sheet* as an object grid (header not yet found)."""
    with open_workbook(path) as book:
        try:
            part = book.sheets[sheet]
            size = book.archive.getinfo(part).file_size
            with book.archive.open(part) as src:
                found = _Cells(path, limits.Watch(path, feedback), size, book)
                found.stream(src)
            return found.frame()
        except (DataReadError, Cancelled):
            raise
        except Exception as exc:  # noqa: BLE001 - zlib, XML and zip errors of a damaged workbook
            raise unreadable(path, exc) from None


class _Cells:
    """Non-blank cell values by column, with the caps counted as they stream in.

    The sheet XML is fed to expat in 1 MB pieces (Cancel, progress and time checked
    between them) and no tree is built: a cell is converted as openpyxl would (shared
    string, number, date by its style, boolean, inline string) when its element ends.
    """

    def __init__(self, path: Path, watch: limits.Watch, size: int, book: Book) -> None:
        self.path, self.watch, self.size, self.book = path, watch, max(size, 1), book
        self.caps = limits.active()
        self.columns: dict[int, tuple[list[int], list]] = {}
        self.rows: set[int] = set()
        self.parsed = 0
        self.row = self.col = self.style = 0
        self.kind, self.raw, self.buf, self.inline = "n", None, None, []
        from openpyxl.utils.cell import coordinate_to_tuple  # openpyxl loads with the first sheet, not the app
        from openpyxl.utils.datetime import from_excel, from_ISO8601
        from openpyxl.worksheet._reader import _cast_number

        self.cell_ref, self.iso_date, self.excel_date, self.number = (coordinate_to_tuple, from_ISO8601, from_excel,
                                                                      _cast_number)

    def stream(self, src) -> None:
        parser = expat.ParserCreate(namespace_separator="}")
        parser.buffer_text = True
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._text
        done = 0
        while chunk := src.read(_CHUNK):
            parser.Parse(chunk, False)
            done += len(chunk)
            self.watch.step(done / self.size)
        parser.Parse(b"", True)

    def _start(self, name: str, attrs: dict) -> None:
        tag = name.rpartition("}")[2]
        if tag == "c":
            ref = attrs.get("r")
            if ref:
                self.row, self.col = self.cell_ref(ref)
            else:
                self.col += 1
            self.kind, self.style = attrs.get("t", "n"), int(attrs.get("s") or 0)
            self.raw, self.inline = None, []
        elif tag == "v" or tag == "t" and self.kind == "inlineStr":
            self.buf = []
        elif tag == "row":
            ref = attrs.get("r")
            self.row, self.col = int(float(ref)) if ref else self.row + 1, 0

    def _text(self, data: str) -> None:
        if self.buf is not None:
            self.buf.append(data)

    def _end(self, name: str) -> None:
        tag = name.rpartition("}")[2]
        if tag == "v" and self.buf is not None:
            self.raw, self.buf = "".join(self.buf), None
        elif tag == "t" and self.buf is not None:
            self.inline.append("".join(self.buf))
            self.buf = None
        elif tag == "c":
            self.add(self.row, self.col, self._value())
            if self.parsed > self.caps.max_cells:
                raise limits.exceeded("max_cells", path=self.path, value=f"> {self.caps.max_cells}")

    def _value(self):
        """The cell's value as openpyxl gives it with ``data_only`` (cached formula results)."""
        kind, raw = self.kind, self.raw
        if kind == "inlineStr":
            return "".join(self.inline) if self.inline else None
        if raw is None or raw == "":
            return None
        if kind == "s":
            return self.book.strings[int(raw)]
        if kind == "b":
            return bool(int(raw))
        if kind == "d":
            return self.iso_date(raw)
        if kind != "n":
            return raw  # str (a formula's text result), e (an error such as #N/A)
        number = self.number(raw)
        if self.style not in self.book.date_formats:
            return number
        try:
            return self.excel_date(number, self.book.epoch,
                              timedelta=self.style in self.book.timedelta_formats)
        except (OverflowError, ValueError):
            return "#VALUE!"

    def add(self, row: int, col: int, value) -> None:
        self.parsed += 1
        if value is None or (isinstance(value, str) and not value.strip()):
            return
        if col > self.caps.max_columns:
            raise limits.exceeded("max_columns", path=self.path, value=col)
        if row > self.caps.max_rows:
            raise limits.exceeded("max_rows", path=self.path, value=row)
        rows, values = self.columns.setdefault(col, ([], []))
        rows.append(row)
        values.append(value)
        self.rows.add(row)

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


def _objects(values: list) -> np.ndarray:
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out
