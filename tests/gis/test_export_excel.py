"""The Excel report read back with openpyxl: sheets, Chinese headers, frozen header, numbers as numbers."""

from __future__ import annotations

import openpyxl
import pytest

from gis.analysis.outputs import PlanOutputs, collect_outputs
from gis.export.project_export import export_project
from tests.gis.export_samples import EVIL, sample_project

SHEETS = ["片区", "小区缺项", "加装电梯", "补贴估算", "体检排名", "改造内容", "投资估算", "资金筹措", "年度计划", "储备库",
          "说明"]


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    project = sample_project()
    out = tmp_path_factory.mktemp("xlsx") / "report.xlsx"
    export_project(project, out, fmt="xlsx")
    return openpyxl.load_workbook(out)


def headers(ws) -> list[str]:
    return [c.value for c in ws[1]]


def column(ws, header: str) -> list:
    k = headers(ws).index(header) + 1
    return [ws.cell(row=r, column=k).value for r in range(2, ws.max_row + 1)]


def test_sheets_and_frozen_bold_chinese_headers(workbook):
    assert workbook.sheetnames[:5] == SHEETS[:5] and workbook.sheetnames[-1] == SHEETS[-1]
    for name in SHEETS[:-1]:
        ws = workbook[name]
        assert ws.freeze_panes == "A2"
        assert all(c.font.bold for c in ws[1])
        assert ws.auto_filter.ref.startswith("A1:")
        assert ws.column_dimensions["B"].width >= 8
    assert headers(workbook["片区"])[:5] == ["片区编号", "片区", "小区数", "楼栋数", "户数"]


def test_zone_sheet_numbers_are_numbers(workbook):
    ws = workbook["片区"]
    assert column(ws, "片区") == ["西南片区", "东北片区"]
    hh = column(ws, "户数")
    assert hh == [480, 330] and all(isinstance(v, int) for v in hh)
    area = column(ws, "片区面积(公顷)")
    assert area[0] > 4 * 1.44 and area[1] > 2 * 1.44  # member compounds of 1.44 ha plus the streets
    k = headers(ws).index("片区面积(公顷)") + 1
    assert ws.cell(row=2, column=k).number_format == "#,##0.00"
    assert ws.cell(row=2, column=k).data_type == "n"
    assert column(ws, "需加装电梯楼栋") == [4, 2]
    assert column(ws, "老旧小区占比") == [1.0, 1.0]


def test_gap_sheet_lists_compounds_with_gaps_and_distances(workbook):
    ws = workbook["小区缺项"]
    assert len(column(ws, "小区编号")) == 9  # nursing homes are missing everywhere
    assert EVIL in column(ws, "小区")  # text stays text
    counts = column(ws, "缺项数")
    assert counts == sorted(counts, reverse=True) and all(isinstance(v, int) for v in counts)
    dist_header = next(h for h in headers(ws) if h.startswith("卫生服务站最近距离"))
    distances = column(ws, dist_header)
    assert all(v is None or isinstance(v, (int, float)) for v in distances) and any(distances)


def test_elevator_and_subsidy_sheets_total(workbook):
    el = workbook["加装电梯"]
    assert len(column(el, "楼栋编号")) == 9 and set(column(el, "层数")) == {6}
    sub = workbook["补贴估算"]
    ids = column(sub, "小区编号")
    assert ids[-1] == "合计"
    cost = column(sub, "总造价(元)")
    assert cost[-1] == pytest.approx(sum(cost[:-1]))
    assert all(c.font.bold for c in sub[sub.max_row])


def test_ranking_sheet_is_ranked(workbook):
    ws = workbook["体检排名"]
    ranks = column(ws, "排名")
    assert ranks == list(range(1, len(ranks) + 1))
    scores = column(ws, "得分")
    assert scores == sorted(scores, reverse=True)


def test_missing_analyses_are_explained_not_faked(tmp_path):
    from gis.export.excel import write_report

    project = sample_project(zones=False)
    out = tmp_path / "empty.xlsx"
    write_report(project, PlanOutputs(), out)
    wb = openpyxl.load_workbook(out)
    assert wb["片区"]["A2"].value == "项目尚未划定改造片区。"
    assert wb["加装电梯"].max_row == 2 and "建筑图层" in wb["加装电梯"]["A2"].value


def test_english_report(tmp_path):
    project = sample_project()
    outputs = collect_outputs(project, steps=("zones", "gaps"))
    out = tmp_path / "en.xlsx"
    export_project(project, out, fmt="xlsx", language="en", outputs=outputs)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[0] == "Zones" and headers(wb["Zones"])[4] == "Households"
    listed = column(wb["Compound gaps"], "Missing services") + column(wb["Zones"], "Missing services")
    assert any(", " in v for v in listed) and not any("、" in v for v in listed), listed  # English lists


def test_notes_sheet_speaks_the_report_language(tmp_path):
    from gis.io.notices import notice

    project = sample_project()
    outputs = PlanOutputs(notices=[notice("Left out of the export: {reason}",
                                          reason="the gap analysis needs a compounds and a facilities layer")])
    for lang, sheet, expected in (("zh_CN", "说明", "未导出：缺项分析需要小区图层和设施图层"),
                                  ("en", "Notes", "Left out of the export: the gap analysis needs")):
        out = tmp_path / f"{lang}.xlsx"
        export_project(project, out, fmt="xlsx", language=lang, outputs=outputs)
        notes = [row[1] for row in openpyxl.load_workbook(out)[sheet].iter_rows(values_only=True)]
        assert any(str(v).startswith(expected) for v in notes), notes


def test_access_sheets_per_type_with_units_and_flags(workbook):
    # the sample's clinic, canteen and kindergarten each get access, capacity and zone sheets
    access = [n for n in workbook.sheetnames if n.endswith(("可达性", "容量", "片区")) and n != "片区"]
    assert access == [f"{t}{s}" for t in ("卫生服务站", "老年食堂", "幼儿园") for s in ("可达性", "容量", "片区")]
    comp = workbook["卫生服务站可达性"]
    assert headers(comp) == ["编号", "名称", "户数(户)", "需求数据", "可达供给(每千户m²)", "分得供给(m²)"]
    assert set(column(comp, "需求数据")) == {"录入"}
    fac = workbook["卫生服务站容量"]
    assert column(fac, "容量数据") == ["默认"] and column(fac, "容量(m²)") == [150]
    received = sum(v for v in column(comp, "分得供给(m²)") if v)
    assert received == pytest.approx(150.0)  # the one clinic's 150 m² shared out, none lost
