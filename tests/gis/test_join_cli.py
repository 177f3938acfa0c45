"""``python main.py join``: the JSON contract, --out, and the refusals, run as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd
from shapely.geometry import box

from gis.people.marks import source_column

ROOT = Path(__file__).resolve().parents[2]
NAMES = ["阳光花园", "幸福里小区", "光明新村一期", "光明新村二期", "复兴路32号院", "东风宿舍", "东风宿舍"]


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "join", *map(str, args)],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)


def compounds(tmp_path: Path, *, ids: bool = True) -> Path:
    geoms = [box(500_000 + i * 200, 2_500_000, 500_100 + i * 200, 2_500_100) for i in range(len(NAMES))]
    data = {"小区名称": NAMES}
    if ids:
        data = {"小区编号": [f"XQ{i}" for i in range(len(NAMES))], **data}
    path = tmp_path / "小区.gpkg"
    gpd.GeoDataFrame(data, geometry=geoms, crs="EPSG:4547").to_file(path)
    return path


def survey(tmp_path: Path) -> Path:
    path = tmp_path / "街道.xlsx"
    rows = pd.DataFrame({"小区名称": ["阳光花园", "幸福里", "光明新村", "复兴路３２号", "东风宿舍", "无名", "阳光花园(2期)"],
                         "户数": [100, "不详", 30, -4, 50, 60, 70]})
    with pd.ExcelWriter(path) as w:
        pd.DataFrame([["小区人口统计"]]).to_excel(w, sheet_name="统计", index=False, header=False)
        rows.to_excel(w, sheet_name="统计", index=False, startrow=1)
    return path


def test_json_contract_and_out(tmp_path):
    out = tmp_path / "joined.gpkg"
    proc = run(compounds(tmp_path), survey(tmp_path), "--out", out, "--json")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert set(result) == {"matched", "ambiguous", "unmatched", "notices", "seconds"}
    assert result["matched"] == [{"row": 0, "id": "XQ0", "score": 100.0},
                                 {"row": 1, "id": "XQ1", "score": 95.0},
                                 {"row": 3, "id": "XQ4", "score": 100.0},
                                 {"row": 6, "id": "XQ0", "score": 90.0}]
    assert result["ambiguous"] == [{"row": 2, "candidates": ["XQ2", "XQ3"]},
                                   {"row": 4, "candidates": ["XQ5", "XQ6"]}]
    assert result["unmatched"] == [5]
    codes = {(n["code"], n["message"]) for n in result["notices"]}
    assert any(c == "join.not_a_number" and "Row 1" in m for c, m in codes)
    assert any(c == "join.negative" and "Row 3" in m for c, m in codes)
    joined = gpd.read_file(out, layer="compounds")
    assert joined["户数"].iloc[0] == 170.0  # rows 0 and 6 (阳光花园 and its 2期) added up
    assert pd.isna(joined["户数"].iloc[1]) and pd.isna(joined["户数"].iloc[4])  # bad counts never 0
    assert joined[source_column("户数")].iloc[0] == "survey"


def test_ids_are_row_numbers_without_an_id_field(tmp_path):
    proc = run(compounds(tmp_path, ids=False), survey(tmp_path), "--sheet", "统计", "--json")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["matched"][0] == {"row": 0, "id": 0, "score": 100.0}
    assert result["ambiguous"][1]["candidates"] == [5, 6]


def test_a_table_without_a_name_column_exits_2_naming_table_field(tmp_path):
    path = tmp_path / "t.csv"
    pd.DataFrame({"甲": ["阳光花园"], "户数": [1]}).to_csv(path, index=False)
    proc = run(compounds(tmp_path), path, "--json")
    assert proc.returncode == 2 and proc.stdout == ""
    assert "--table-field" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    proc = run(compounds(tmp_path), path, "--table-field", "甲", "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["matched"] == [{"row": 0, "id": "XQ0", "score": 100.0}]


def test_by_address_and_the_answers_the_command_asks_for(tmp_path):
    geoms = [box(500_000 + i * 200, 2_500_000, 500_100 + i * 200, 2_500_100) for i in range(2)]
    plain = tmp_path / "plain.gpkg"
    gpd.GeoDataFrame({"备注": ["a", "b"], "门牌": ["复兴路32号", "长安街1号"]}, geometry=geoms,
                     crs="EPSG:4547").to_file(plain)
    table = tmp_path / "t.csv"
    pd.DataFrame({"小区名称": ["x", "y"], "地址": ["北京市海淀区复兴路32号院", "长安街１号"]}).to_csv(table, index=False)
    proc = run(plain, table, "--by", "address", "--json")  # the compounds' address column is not named 地址
    assert proc.returncode == 2 and "--compound-address-field" in proc.stderr
    proc = run(plain, table, "--by", "address", "--compound-address-field", "门牌", "--json")
    assert proc.returncode == 0, proc.stderr
    assert [(m["row"], m["id"]) for m in json.loads(proc.stdout)["matched"]] == [(0, 0), (1, 1)]
    proc = run(plain, table, "--json")  # by name: the compounds have no name column
    assert proc.returncode == 2 and "--field compounds.name" in proc.stderr
