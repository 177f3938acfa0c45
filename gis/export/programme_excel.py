"""The programme workbook (``plan --out plan.xlsx``) and the programme sheets of the report.

>>> # write_programme(programme, "plan.xlsx")   # 改造内容, 投资估算, 资金筹措, 年度计划, 储备库, 说明
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from gis.export.cells import append_row
from gis.export.sheet import write_sheet
from gis.export.programme_sheets import SHEETS, word
from gis.export.result import ExportResult, atomic_path
from gis.money import money
from gis.programme.model import Programme
from gis.wording import check_language, joined


def add_programme_sheets(wb: Workbook, programme: Programme, language: str) -> None:
    """Append the five programme sheets to *wb*."""
    for key, build in SHEETS:
        frame, columns, empty = build(programme, language)
        write_sheet(wb.create_sheet(word(key, language)), frame, columns, language, empty=empty)


def write_programme(programme: Programme, path: str | Path, *, language: str = "zh_CN",
                    notices=()) -> ExportResult:
    """Write the programme workbook: its five sheets and a notes sheet (sources, settings, notices)."""
    lang = check_language(language)
    wb = Workbook()
    wb.remove(wb.active)
    add_programme_sheets(wb, programme, lang)
    _notes(wb.create_sheet("说明" if lang == "zh_CN" else "Notes"), programme, lang, notices)
    wb.properties.title = "老旧小区改造计划" if lang == "zh_CN" else "Old compound renovation programme"
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return ExportResult([Path(path)])


def _notes(ws, programme: Programme, lang: str, notices) -> None:
    zh = lang == "zh_CN"
    cat, years = programme.catalogue, programme.years
    rows = [("改造内容与单价" if zh else "Catalogue", cat.name),
            ("来源" if zh else "Source", (cat.source_zh or cat.source) if zh else cat.source),
            ("实施年度" if zh else "Years", f"{years.years[0]}–{years.years[-1]}"),
            ("年度预算" if zh else "Annual budget",
             money(years.budget, lang) if years.budget else ("未设定（平均分摊）" if zh else "none (spread evenly)")),
            ("入库同意率" if zh else "Consent threshold", f"{programme.consent.threshold:.0%}")]
    unchecked = [it.label(lang) for it in cat.items if not it.checked]
    if unchecked:
        rows.append(("未核实单价" if zh else "Unit costs not yet checked", joined(unchecked, lang)))
    rows += [("提示" if zh else "Notice", n.in_language(lang)) for n in notices]
    append_row(ws, ["项目" if zh else "Item", "内容" if zh else "Value"])
    for row in rows:
        append_row(ws, list(row))
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 100
