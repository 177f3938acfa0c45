"""Spreadsheet cells written from data: text stays text, numbers stay numbers.

Every XLSX and CSV writer of the project passes its values (and its headers) through
here, so a compound called ``=HYPERLINK("http://…"&A2,"点击查看")`` or ``=cmd|' /C calc'!A0``
never becomes a live formula. Following OWASP's CSV-injection advice, text starting with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading single quote, and in
XLSX every such cell (and text that reads like an Excel error, ``#N/A``) is stored as an
explicit string cell. Numbers are left alone: ``-3.5`` is a number, not a formula.
Characters XML forbids (``\\x07`` ...) become U+FFFD instead of aborting the workbook.

>>> text_cell("=1+1")
"'=1+1"
>>> text_cell("幸福里")
'幸福里'
>>> cell_value(-3.5)
-3.5
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"
REPLACEMENT = "\ufffd"
# XML 1.0 forbids these (openpyxl's ILLEGAL_CHARACTERS_RE); tab, LF and CR are allowed.
ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
EXCEL_ERRORS = frozenset(("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"))
LIST_JOIN = "、"


def xml_text(text: str) -> str:
    """*text* with the control characters XML cannot hold replaced by U+FFFD."""
    return ILLEGAL_XML.sub(REPLACEMENT, text)


def text_cell(text: str) -> str:
    """*text* as a spreadsheet shows it, never as a formula: a leading quote when it starts
    like one, XML-illegal characters replaced."""
    text = xml_text(text)
    return QUOTE + text if text.startswith(FORMULA_START) else text


def cell_value(value: object) -> object:
    """One cell: Python numbers for numbers, None for unknown or empty, neutralised text otherwise."""
    if value is None:
        return None
    if isinstance(value, (np.bool_, bool)):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, (np.floating, float)):
        return float(value) if np.isfinite(value) else None
    if isinstance(value, int):
        return value
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, (list, tuple, set, frozenset)):
        value = LIST_JOIN.join(str(v) for v in value)
    return text_cell(str(value)) or None


def append_row(ws, values) -> None:
    """Append *values* to worksheet *ws* as cells (see :func:`cell_value`); text that Excel
    would read as a formula or an error value is forced to a string cell."""
    row = [cell_value(v) for v in values]
    ws.append(row)
    for j, v in enumerate(row, start=1):
        if isinstance(v, str) and (v.startswith(QUOTE) or v in EXCEL_ERRORS):
            ws.cell(row=ws.max_row, column=j).data_type = "s"


def csv_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of *frame* ready for ``to_csv``: headers and text cells neutralised, numbers
    (and missing values) untouched."""
    out = frame.copy()
    out.columns = [text_cell(str(c)) for c in frame.columns]
    for k in range(out.shape[1]):
        col = out.iloc[:, k]
        if col.dtype == object or pd.api.types.is_string_dtype(col.dtype):
            out.isetitem(k, col.map(_csv_text, na_action="ignore").astype(object))
    return out


def _csv_text(value: object) -> object:
    return value if isinstance(value, (int, float, np.number, bool, np.bool_)) else cell_value(value)
