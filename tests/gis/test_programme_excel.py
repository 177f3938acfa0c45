"""The programme sheets: Chinese headers, numbers as numbers, yuan and 万元, totals that add up."""

from __future__ import annotations

import numpy as np
import pytest
from openpyxl import load_workbook

from gis.export.programme_excel import write_programme
from gis.programme import Consent, Programme, YearPlan, load_catalogue
from tests.gis.programme_fixtures import small_facts


@pytest.fixture()
def workbook(tmp_path):
    facts = small_facts()
    consent = Consent.empty(len(facts), known=True)
    for fid in (0, 1, 3, 5):
        consent.set(fid, "enter", 90, 100)
    consent.votes[3] = [30, 30, 10, np.nan, np.nan, np.nan]  # D votes against its elevators
    prog = Programme(facts, load_catalogue(), YearPlan((2027, 2028), budget=2e7), consent=consent)
    path = write_programme(prog, tmp_path / "plan.xlsx").paths[0]
    return load_workbook(path), prog


def _rows(ws):
    return list(ws.iter_rows(values_only=True))


def test_sheets_and_headers(workbook):
    wb, _ = workbook
    assert wb.sheetnames == ["改造内容", "投资估算", "资金筹措", "年度计划", "储备库", "说明"]
    assert _rows(wb["改造内容"])[0][:6] == ("片区编号", "片区", "小区编号", "小区名称", "类别", "改造内容")
    assert "投资(万元)" in _rows(wb["投资估算"])[0] and "中央补助(万元)" in _rows(wb["资金筹措"])[0]
    assert dict(r[:2] for r in _rows(wb["说明"]))["年度预算"] == "2,000 万元"  # money as the window writes it


def test_contents_are_numbers_in_yuan_with_separators(workbook):
    wb, prog = workbook
    ws = wb["改造内容"]
    head = _rows(ws)[0]
    cost_col = head.index("投资(元)") + 1
    cells = [ws.cell(row=r, column=cost_col) for r in range(2, ws.max_row + 1)]
    assert all(isinstance(c.value, (int, float)) for c in cells)
    assert {c.number_format for c in cells} == {"#,##0"}
    r = prog.result()
    rows = _rows(ws)[1:]
    lines = [row for row in rows[:-1] if row[5] != "小计"]
    subtotals = [row for row in rows if row[5] == "小计"]
    full = r.costs.total() + r.costs.held_cost.sum()
    assert sum(row[9] for row in lines) == pytest.approx(full)
    assert sum(row[9] for row in subtotals) == pytest.approx(full) and rows[-1][:1] + rows[-1][9:10] == ("合计", full)
    a = next(row for row in subtotals if row[2] == "A")
    assert a[10] == pytest.approx(a[9] / 100) and a[11] == pytest.approx(a[9] / 7000)  # per household, per m²
    shared = [row for row in lines if row[3] == "（片区共建）"]
    assert {row[5] for row in shared} >= {"社区卫生服务站", "托育点"}
    assert [row[2] for row in rows[:3]] == ["A", "A", "A"]  # compounds in zone order, their lines together


def test_estimate_and_funding_totals_in_wan(workbook):
    wb, prog = workbook
    total = prog.result().costs.total() / 1e4
    est = _rows(wb["投资估算"])
    assert est[-1][0] == "合计" and est[-1][5] == pytest.approx(total)
    subtotals = [row for row in est if row[1] == "小计"]
    assert [row[0] for row in subtotals] == ["基础类", "完善类", "提升类"]
    assert sum(row[5] for row in subtotals) == pytest.approx(total)
    fund = _rows(wb["资金筹措"])
    assert fund[-1][2] == pytest.approx(total) and sum(fund[-1][3:]) == pytest.approx(total)


def test_years_and_reserve(workbook):
    wb, prog = workbook
    years = _rows(wb["年度计划"])
    r = prog.result()
    assert years[-1][1] == "合计" and years[-1][7] == pytest.approx(r.schedule.spend.sum() / 1e4)
    assert all(row[7] <= 2000 for row in years if row[2] == "小计")  # each year within ¥20 m = 2,000 万元
    head = years[0]
    assert "中央补助(万元)" in head and "居民出资(万元)" in head  # the funding of each year
    channels = [k for k, h in enumerate(head) if str(h).endswith("(万元)") and h != "投资(万元)"]
    assert sum(years[-1][k] for k in channels) == pytest.approx(years[-1][7])
    reserve = _rows(wb["储备库"])[1:]
    reasons = {row[0]: row[6] for row in reserve}
    assert reasons["C"] == "尚未征询居民意愿"
    assert reasons["D"].startswith("加装电梯表决未通过")
    assert "E" not in reasons  # built after the cut-off: nothing to do, nothing to wait for


def test_english_headers(tmp_path):
    prog = Programme(small_facts(), load_catalogue(), YearPlan((2027,)))
    wb = load_workbook(write_programme(prog, tmp_path / "en.xlsx", language="en").paths[0])
    assert wb.sheetnames[:5] == ["Contents", "Investment", "Funding", "Annual plan", "Reserve"]
    assert _rows(wb["Investment"])[0][5] == "Investment (10,000 yuan)"
    unchecked = dict(r[:2] for r in _rows(wb["Notes"]))["Unit costs not yet checked"]
    assert ", " in unchecked and "、" not in unchecked  # an English list


def test_the_report_gains_the_programme_sheets(tmp_path):
    from gis.export.excel import write_report
    from gis.analysis.outputs import PlanOutputs
    from gis.project import Project

    prog = Programme(small_facts(), load_catalogue(), YearPlan((2027,)))
    out = tmp_path / "report.xlsx"
    write_report(Project(), PlanOutputs(programme=prog), out)
    names = load_workbook(out).sheetnames
    assert names[-6:] == ["改造内容", "投资估算", "资金筹措", "年度计划", "储备库", "说明"]


def test_the_exported_report_plans_the_project_and_says_each_notice_once(tmp_path):
    from gis.export.project_export import export_project
    from gis.project import Project
    from tests.gis.gaps_fixtures import compounds_layer, square

    project = Project()
    project.add_layer(compounds_layer([square(0, 0), square(200, 0)]))
    result = export_project(project, tmp_path / "r.xlsx", fmt="xlsx")
    messages = [n.message for n in result.notices]
    assert len(messages) == len(set(messages))
    assert any("no gap analysis" in m for m in messages)
    wb = load_workbook(tmp_path / "r.xlsx")
    assert _rows(wb["年度计划"])[-1][1] == "合计" and _rows(wb["年度计划"])[-1][7] > 0
