"""Gap table: Chinese or English headers, numbers as numbers, notes with radii and the subsidy rule."""

from __future__ import annotations

import pandas as pd
from openpyxl import load_workbook

from gis.gaps.access import analyse_gaps
from gis.gaps.elevators import ElevatorParams, elevator_needs, load_subsidy_presets
from gis.export.gaps_report import gap_tables, write_csv, write_xlsx
from gis.gaps.zones import pool_gaps
from gis.standards import load_standards
from tests.gis.gaps_fixtures import at, compounds_layer, facilities_layer, square
from tests.gis.test_gaps_elevators import buildings


def results():
    comps = compounds_layer([square(0, 0), square(200, 0)], hh=[120, 80])
    facs = facilities_layer([("clinic", "卫生服务站", at(50, 150)), ("clinic", "社区卫生服务中心", at(1200, 50))])
    gaps = analyse_gaps(comps, facs, standards=load_standards())
    rows = [("C0", 10, 10, 6, "无", 36), ("C1", 210, 10, 5, "无", 20)]
    lifts = elevator_needs(buildings(rows), comps,
                           params=ElevatorParams.from_presets(load_subsidy_presets(), "shenzhen"))
    return gaps, pool_gaps(gaps, {"Z": [0, 1]}, names={"Z": "一片区"}), lifts


def test_english_tables_and_notes():
    gaps, zones, lifts = results()
    tables = gap_tables(gaps, zones=zones, elevators=lifts, language="en")
    headers = [c.header for c in tables.compound_columns]
    assert "Clinic: nearest (m), required 300" in headers and "Measured from" in headers
    notes = dict(tables.notes)
    assert notes["Required distance (m)：Clinic"] == "300, 1,000"
    assert notes["Subsidy rule"] == "Shenzhen (preset not yet checked)"
    assert tables.zones["name"].tolist() == ["一片区"]


def test_csv_and_xlsx_keep_numbers_and_chinese_headers(tmp_path):
    gaps, zones, lifts = results()
    tables = gap_tables(gaps, zones=zones, elevators=lifts)
    csv = pd.read_csv(write_csv(tables, tmp_path / "g.csv"), encoding="utf-8-sig")
    assert csv["小区编号"].tolist() == ["C0", "C1"] and csv["电梯数"].tolist() == [3, 2]
    assert csv["补贴合计(元)"].tolist() == [3 * 250_000, 2 * 200_000]
    wb = load_workbook(write_xlsx(tables, tmp_path / "g.xlsx"))
    assert wb.sheetnames == ["小区缺项", "片区", "说明"]
    ws = wb["小区缺项"]
    head = [c.value for c in ws[1]]
    clinic = head.index("卫生服务站最近距离(m)，要求≤300") + 1
    assert ws.cell(row=2, column=clinic).value == 50 and ws.freeze_panes == "A2"  # a number, not "50.0"
    zone_head = [c.value for c in wb["片区"][1]]
    assert "连片前缺项(小区×类)" in zone_head
