"""``main.py access``: the JSON contract and refusals naming the option (subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import pytest
from openpyxl import load_workbook
from shapely import LineString, box

from tests.gis.gaps_fixtures import CRS, X0, Y0, at, square

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("access_cli")
    paths = {k: d / f"{k}.gpkg" for k in ("compounds", "facilities", "roads", "zones")}
    gpd.GeoDataFrame({"小区编号": ["A1", "A2", "A3"], "小区名称": ["幸福里", "和平里", "远方"],
                      "户数": [120, 80, 50], "儿童": [30, 10, 5]},
                     geometry=[square(0, 0), square(-100, 0), square(3000, 0)], crs=CRS).to_file(paths["compounds"])
    gpd.GeoDataFrame({"编号": ["K1", "K2", "S1"], "名称": ["阳光幼儿园", "星星幼儿园", "幸福社区卫生服务站"],
                      "类型": ["幼儿园", "幼儿园", "社区卫生服务站"], "学位": [90, None, 5]},
                     geometry=[at(-50, 150), at(150, 50), at(350, 50)], crs=CRS).to_file(paths["facilities"])
    gpd.GeoDataFrame({"名称": ["南街"]}, geometry=[LineString([(X0 - 200, Y0 - 20), (X0 + 600, Y0 - 20)])],
                     crs=CRS).to_file(paths["roads"])
    gpd.GeoDataFrame({"片区编号": ["Z1"], "名称": ["东片区"]},
                     geometry=[box(X0 - 150, Y0 - 50, X0 + 150, Y0 + 150)], crs=CRS).to_file(paths["zones"])
    return paths


def run(files, *args: str) -> subprocess.CompletedProcess:
    base = ["--compounds", str(files["compounds"]), "--facilities", str(files["facilities"]), "--type", "kindergarten"]
    return subprocess.run([sys.executable, "main.py", "access", *base, *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=240)


@pytest.mark.slow
def test_json_contract_2sfca_straight_with_zones(files, tmp_path):
    out_xlsx = tmp_path / "access.xlsx"
    proc = run(files, "--demand-field", "儿童", "--supply-field", "学位", "--zones", str(files["zones"]), "--json",
               "--out", str(out_xlsx))
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert set(out) == {"compounds", "facilities", "zones", "notices", "seconds"}
    assert [set(c) for c in out["compounds"]] == [{"id", "access", "demand"}] * 3
    assert [set(f) for f in out["facilities"]] == [{"id", "ratio"}] * 2
    assert set(out["zones"][0]) == {"id", "access", "demand", "supply"}
    # K1 (90 places) and K2 (no value: the default 270) both reach A1 and A2 (40 children), not A3
    ratio = {f["id"]: f["ratio"] for f in out["facilities"]}
    assert ratio == {"K1": pytest.approx(90 / 40), "K2": pytest.approx(270 / 40)}
    access = {c["id"]: c["access"] for c in out["compounds"]}
    assert access == {"A1": pytest.approx(9.0), "A2": pytest.approx(9.0), "A3": 0.0}
    zone = out["zones"][0]
    assert (zone["id"], zone["demand"], zone["supply"]) == ("Z1", 40.0, pytest.approx(360.0))
    assert zone["access"] == pytest.approx(9.0)
    assert "supply.capacity_default" in {n["code"] for n in out["notices"]}
    wb = load_workbook(out_xlsx)
    assert wb.sheetnames == ["幼儿园可达性", "幼儿园容量", "幼儿园片区"]
    flags = [c.value for c in wb["幼儿园容量"]["D"]][1:]
    assert [c.value for c in wb["幼儿园容量"][1]][2:4] == ["容量(位)", "容量数据"] and flags == ["录入", "默认"]


@pytest.mark.slow
def test_network_e2sfca_runs_and_refusals_name_the_option(files):
    proc = run(files, "--demand-field", "儿童", "--network", str(files["roads"]), "--method", "e2sfca",
               "--catchment", "600", "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["compounds"][0]["access"] > out["compounds"][1]["access"] > 0 == out["compounds"][2]["access"]
    bad = run(files, "--demand-field", "人口")
    assert bad.returncode == 2 and "--demand-field" in bad.stderr and "Traceback" not in bad.stderr
    bad = run(files, "--supply-field", "床位")
    assert bad.returncode == 2 and "--supply-field" in bad.stderr
    bad = run(files, "--distance", "network")
    assert bad.returncode == 2 and "--network" in bad.stderr
