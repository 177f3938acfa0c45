"""A survey table (街道 spreadsheet, CSV or XLSX) read for joining: its rows, and which columns
hold the compound name, the address and the people counts.

Rows are the table's data rows, 0-based, in file order (the ``row`` of the join's output).
Title rows above an Excel header are skipped: the header is the first of the top rows that
names the name column. A name column that cannot be found is a question for the user
(:class:`~gis.errors.NeedsAnswer`, answered by ``--table-field``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from gis.domain import FieldRole
from gis.errors import DataReadError, NeedsAnswer
from gis.feedback import Feedback, ensure
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io import sheets
from gis.io.fields import guess_fields, normalise
from gis.io.notices import short_list
from gis.io.tables import frame_below, read_csv_frame
from gis.people.counts import BadCell, parse_counts

PEOPLE_ROLES = (FieldRole.HOUSEHOLDS, FieldRole.POPULATION, FieldRole.ELDERLY, FieldRole.CHILDREN)
NAME_COLUMNS = ("小区名称", "小区名", "小区", "名称", "项目名称", "住宅小区", "小区(院落)名称",
                "院落名称", "楼院名称", "name", "xqmc", "mc", "compound", "compound_name")
NAME_WORDS = ("小区", "名称", "院落")
NOT_NAME_WORDS = ("编号", "代码", "地址", "id", "街道", "社区", "区县", "数", "人口", "年")
ADDRESS_COLUMNS = ("地址", "详细地址", "小区地址", "门牌地址", "门牌号", "坐落", "坐落地址", "位置",
                   "address", "addr", "dz", "xxdz")
ADDRESS_WORDS = ("地址", "坐落", "address")
_HEADER_ROWS = 15
TABLE_SUFFIXES = (".csv", ".txt", ".xlsx", ".xlsm")


@dataclass
class SurveyTable:
    """The rows of a survey table and the roles of its columns."""

    path: Path
    frame: pd.DataFrame  # data rows 0..n-1, columns named as in the header
    name_column: str
    sheet: str | None = None
    address_column: str | None = None
    people: dict[FieldRole, str] = field(default_factory=dict)
    counts: dict[FieldRole, np.ndarray] = field(default_factory=dict)  # NaN: blank or unusable
    bad: list[BadCell] = field(default_factory=list)  # negative or non-numeric counts, per row

    def __len__(self) -> int:
        return len(self.frame)


def read_survey(path: str | Path, *, name_field: str | None = None, address_field: str | None = None,
                sheet: str | None = None, feedback: Feedback | None = None) -> SurveyTable:
    """The survey table at *path* (CSV or XLSX), its name, address and people columns found.

    Raises
    ------
    DataReadError
        The file is missing, not a table, or has no such sheet.
    NeedsAnswer
        No column holds compound names, or *name_field* / *address_field* is not a column
        (``params["option"]`` is ``--table-field``).
    """
    path = Path(path)
    if not path.exists():
        raise DataReadError(QT_TRANSLATE_NOOP("errors", "{path} does not exist."), path=str(path))
    suffix = path.suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        raise DataReadError(QT_TRANSLATE_NOOP(
            "errors", "{path} is not a table: a survey table is a .csv or .xlsx file."), path=str(path))
    if suffix in (".xlsx", ".xlsm"):
        frame, sheet = _xlsx_frame(path, sheet, name_field, feedback)
    else:
        frame, _enc = read_csv_frame(path, feedback=feedback)
    frame = frame.astype(object).where(frame.notna(), None).reset_index(drop=True)
    name = _given(frame, name_field, path) if name_field else find_name_column(frame.columns)
    if name is None:
        raise NeedsAnswer("join.no_name_field", QT_TRANSLATE_NOOP(
            "errors", "{path}: no column holds compound names (found: {columns}). Say which with "
                      "{option} COLUMN."),
            path=str(path), columns=short_list(frame.columns, 12) or "none", option="--table-field",
            choices=[str(c) for c in frame.columns])  # the window offers these
    address = _given(frame, address_field, path) if address_field else find_address_column(frame.columns)
    table = SurveyTable(path, frame, name, sheet, address, people_columns(frame, skip=(name, address)))
    for role, column in table.people.items():
        table.counts[role], bad = parse_counts(frame[column], column)
        table.bad += bad
    table.bad.sort(key=lambda b: (b.row, b.column))
    return table


def _given(frame: pd.DataFrame, column: str, path: Path) -> str:
    if column in frame.columns:
        return column
    raise NeedsAnswer("join.no_such_field", QT_TRANSLATE_NOOP(
        "errors", "{path} has no column '{column}' (found: {columns}). Give one of them to {option}."),
        path=str(path), column=column, columns=short_list(frame.columns, 12), option="--table-field")


def find_name_column(columns) -> str | None:
    """The column that holds compound names: a known name first, else one with 小区/名称 in it."""
    return _find(columns, NAME_COLUMNS, NAME_WORDS, NOT_NAME_WORDS)


def find_address_column(columns) -> str | None:
    """The column that holds addresses (地址, 详细地址, address …), or None."""
    return _find(columns, ADDRESS_COLUMNS, ADDRESS_WORDS, ("编号", "代码"))


def _find(columns, exact: tuple[str, ...], words: tuple[str, ...], not_words: tuple[str, ...]) -> str | None:
    keys = {c: normalise(c) for c in columns if isinstance(c, str)}
    for name in exact:
        for column, key in keys.items():
            if key == name:
                return column
    for column, key in keys.items():
        if any(w in key for w in words) and not any(w in key for w in not_words):
            return column
    return None


def people_columns(frame: pd.DataFrame, *, skip=()) -> dict[FieldRole, str]:
    """Which columns hold households, population, 60+ and 0-6 counts, by their names only
    (a column of bad values is still the column: its bad cells are reported, not its role lost)."""
    names = [c for c in frame.columns if c not in skip]
    probe = pd.DataFrame({c: [1] for c in names})
    return guess_fields(probe, roles=PEOPLE_ROLES)


def _xlsx_frame(path: Path, sheet: str | None, name_field: str | None,
                feedback: Feedback | None) -> tuple[pd.DataFrame, str]:
    names = sheets.sheet_names(path)
    if sheet is not None and sheet not in names:
        raise DataReadError(QT_TRANSLATE_NOOP(
            "errors", "{path} has no sheet '{layer}'. It has: {names}."),
            path=str(path), layer=sheet, names=", ".join(names))
    order = [sheet] if sheet is not None else names
    fb = ensure(feedback)
    for i, name in enumerate(order):
        raw = sheets.read_sheet(path, name, fb.sub(i / len(order), (i + 1) / len(order)))
        header = _header_row(raw, name_field)
        if header is not None or name == order[-1]:
            return (frame_below(raw, header or 0) if not raw.empty else pd.DataFrame()), name
    raise AssertionError("unreachable")


def _header_row(raw: pd.DataFrame, name_field: str | None) -> int | None:
    """The first of the top rows naming the name column (title rows above it are skipped)."""
    for i in range(min(_HEADER_ROWS, len(raw))):
        cells = [str(v).strip() for v in raw.iloc[i] if v is not None and not pd.isna(v)]
        if (name_field in cells) if name_field else find_name_column(cells) is not None:
            return i
    return None
