"""Access notices name types, bases and units in Chinese when shown in Chinese: each English name
has an ``X_zh`` param beside it (gis.i18n.bilingual), so the window, the Excel 说明 sheet and the
command line all read alike."""

from __future__ import annotations

import re

import pytest
from openpyxl import load_workbook

from gis.analysis.access import run
from gis.analysis.outputs import collect_outputs
from gis.domain import FACILITY_LABELS, FIELD_ROLE_LABELS
from gis.export.excel import write_report
from gis.i18n import localised_params, translate_any
from gis.supply.capacity import MEASURE_UNITS
from tests.gis.gaps_fixtures import at, compounds_layer, square
from tests.gis.test_access_analysis import facility_layer, request_for

ENGLISH = re.compile(r"\b(?:" + "|".join(sorted({*FACILITY_LABELS.values(), *FIELD_ROLE_LABELS.values(),
                                                  "places", "beds", "seats"}, key=len, reverse=True)) + r")\b")


@pytest.fixture
def district():
    compounds = compounds_layer([square(0, 0), square(100, 0), square(1000, 0)], hh=[300, 200, 100], old=[90, 60, 30])
    facilities = facility_layer([("day_care", "养老服务站", at(100, 50)), ("clinic", "卫生服务站", at(1050, 50)),
                                 ("clinic", "卫生站", at(5050, 50))],
                                area=[100, 400, None])
    return compounds, facilities


def window_text(note) -> str:
    """What the window shows (gui.i18n.notice_text): the template in Chinese, params as given."""
    return translate_any(note.template, "zh_CN").format(**localised_params(note.params, "zh_CN"))


def test_access_notices_name_types_bases_and_units_in_chinese(district):
    notes = [n for t in ("clinic", "day_care", "kindergarten", "nursing_home")
             for n in run(request_for(*district, facility_type=t)).notices]
    codes = {n.code for n in notes}
    assert {"access.no_standard", "access.standard_unchecked", "access.no_base", "access.type_absent"} <= codes
    for note in notes:
        text = window_text(note)
        assert not ENGLISH.search(text), text
        assert not ENGLISH.search(note.in_language("zh_CN")), note.in_language("zh_CN")
    unchecked = next(n for n in notes if n.code == "access.standard_unchecked")
    assert "日间照料" in window_text(unchecked) and "户数" in window_text(unchecked)
    assert "Elderly day care" in unchecked.message and "Households" in unchecked.message  # the CLI's English


def test_excel_notes_sheet_of_an_access_run_has_no_english_names(district, tmp_path):
    request = request_for(*district, facility_type="day_care")
    out = collect_outputs(request.project, steps=("access",))
    assert out.notices
    path = write_report(request.project, out, tmp_path / "r.xlsx", language="zh_CN").paths[0]
    notes = [str(c.value) for row in load_workbook(path)["说明"].iter_rows() for c in row if c.value]
    text = "\n".join(notes)
    assert "提示" in text and not ENGLISH.search(text), text
