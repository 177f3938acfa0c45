"""Spreadsheet cells from data: formulas neutralised (OWASP), numbers kept, control characters replaced."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from openpyxl import Workbook

from gis.export.cells import append_row, cell_value, csv_frame, text_cell, xml_text
from tests.gis.hostile_samples import CONTROL, FORMULAS


@pytest.mark.parametrize("payload", FORMULAS)
def test_text_that_starts_like_a_formula_gets_a_quote(payload):
    assert text_cell(payload) == "'" + payload


@pytest.mark.parametrize("text", ["幸福里1号院", "MH001", "a=1", "1-2", "", "'already quoted"])
def test_ordinary_text_is_unchanged(text):
    assert text_cell(text) == text


def test_numbers_stay_numbers_and_missing_values_are_empty():
    assert cell_value(-3.5) == -3.5 and isinstance(cell_value(np.int64(-7)), int)
    assert cell_value(np.float32(2.5)) == 2.5 and cell_value(True) is True
    assert cell_value(float("nan")) is None and cell_value(float("inf")) is None
    assert cell_value(pd.NA) is None and cell_value(None) is None
    assert cell_value(["=a", "b"]) == "'=a、b"  # a list is joined, then neutralised


def test_control_characters_are_replaced_not_fatal():
    assert xml_text(CONTROL[0]) == "响铃\ufffd小区"
    assert text_cell("\x00=1") == "\ufffd=1" and text_cell("\t=1") == "'\t=1"  # tab is legal, but a start


def test_xlsx_rows_write_strings_never_formulas_or_errors():
    wb = Workbook()
    ws = wb.active
    append_row(ws, ["=1+1", "#N/A", -5, 2.5, "bell\x07", None, "ok"])
    cells = ws[1]
    assert [c.data_type for c in cells] == ["s", "s", "n", "n", "s", "n", "s"]
    assert [c.value for c in cells] == ["'=1+1", "#N/A", -5, 2.5, "bell\ufffd", None, "ok"]


def test_csv_frame_neutralises_text_and_headers_and_keeps_numbers():
    frame = pd.DataFrame({"=HEAD": ["=1+1", "x", None], "n": [-1, 2, 3],
                          "mixed": pd.Series([-1.5, "+2", "ok"], dtype=object)})
    out = csv_frame(frame)
    assert list(out.columns) == ["'=HEAD", "n", "mixed"]
    assert out.iloc[:, 0].tolist()[:2] == ["'=1+1", "x"] and pd.isna(out.iloc[2, 0])
    assert out["n"].tolist() == [-1, 2, 3] and out["n"].dtype == frame["n"].dtype
    assert out["mixed"].tolist() == [-1.5, "'+2", "ok"]  # a negative number is a number
    assert frame.iloc[0, 0] == "=1+1"  # the input is not touched
