"""``main.py gaps``: the JSON contract, the output folder and clean failures (subprocess)."""

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
TYPES = ["clinic", "elderly_canteen", "day_care", "nursing_home", "kindergarten", "nursery", "play_area"]


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("gaps_cli")
    paths = {k: d / f"{k}.gpkg" for k in ("compounds", "facilities", "buildings", "roads", "zones")}
    # A1 spans x 0..100, A2 x -100..0; the clinic stands 250 m east of A1 (350 m from A2)
    gpd.GeoDataFrame({"小区编号": ["A1", "A2"], "小区名称": ["幸福里", "和平里"], "户数": [120, 80],
                      "建成年代": [1985, 1992]},
                     geometry=[square(0, 0), square(-100, 0)], crs=CRS).to_file(paths["compounds"])
    gpd.GeoDataFrame({"名称": ["幸福社区卫生服务站", "XX宠物诊所", "阳光幼儿园"],
                      "类型": ["社区卫生服务站", "诊所", "幼儿园"]},
                     geometry=[at(350, 50), at(50, 40), at(-50, 150)], crs=CRS).to_file(paths["facilities"])
    gpd.GeoDataFrame({"楼栋编号": ["A1-1", "A1-2", "A2-1"], "小区编号": ["A1", "A1", "A2"],
                      "层数": [6, 3, 5], "电梯": ["无", "无", "有"], "户数": [24, 18, 30]},
                     geometry=[square(10, 10, 20), square(50, 10, 20), square(-80, 10, 20)],
                     crs=CRS).to_file(paths["buildings"])
    gpd.GeoDataFrame({"名称": ["南街"]}, geometry=[LineString([(X0 - 200, Y0 - 20), (X0 + 600, Y0 - 20)])],
                     crs=CRS).to_file(paths["roads"])
    gpd.GeoDataFrame({"片区编号": ["Z1"], "名称": ["东片区"]},
                     geometry=[box(X0 - 150, Y0 - 50, X0 + 150, Y0 + 150)], crs=CRS).to_file(paths["zones"])
    return paths


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", "gaps", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=240)


def test_json_contract_straight_line_with_buildings_and_zones(files):
    proc = run("--compounds", str(files["compounds"]), "--facilities", str(files["facilities"]),
               "--buildings", str(files["buildings"]), "--zones", str(files["zones"]), "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert set(out) >= {"compounds", "zones", "summary", "seconds"}
    assert out["method"] == "straight"
    a1, a2 = out["compounds"]
    assert set(a1) == {"id", "name", "missing", "nearest_m", "elevator_buildings", "elevator_households"}
    assert (a1["id"], a1["name"], a2["id"]) == ("A1", "幸福里", "A2")
    assert list(a1["nearest_m"]) == TYPES
    assert a1["nearest_m"]["clinic"] == pytest.approx(250.0) and a2["nearest_m"]["clinic"] == pytest.approx(350.0)
    assert "clinic" not in a1["missing"] and "clinic" in a2["missing"]
    assert a1["nearest_m"]["nursing_home"] is None  # none in the data
    assert "kindergarten" not in a1["missing"]  # 阳光幼儿园 is 50 m from A1
    assert (a1["elevator_buildings"], a1["elevator_households"]) == (1, 24)
    assert (a2["elevator_buildings"], a2["elevator_households"]) == (0, 0)
    assert out["zones"] == [{"id": "Z1", "missing": ["elderly_canteen", "day_care", "nursing_home", "nursery",
                                                     "play_area"]}]
    assert out["summary"]["clinic"] == {"covered": 1, "uncovered": 1, "households_uncovered": 80}
    assert list(out["summary"]) == TYPES


def test_network_mode_and_the_output_folder(files, tmp_path):
    out_dir = tmp_path / "out"
    proc = run("--compounds", str(files["compounds"]), "--facilities", str(files["facilities"]),
               "--network", str(files["roads"]), "--buildings", str(files["buildings"]),
               "--zones", str(files["zones"]), "--out", str(out_dir), "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["method"] == "network"
    a1 = out["compounds"][0]
    # boundary point (75, 0): 20 m to the street, 275 m east, 70 m up to the clinic
    assert a1["nearest_m"]["clinic"] == pytest.approx(20 + 275 + 70, abs=1.0)
    assert "clinic" in a1["missing"]
    csv = (out_dir / "gaps.csv").read_bytes()
    assert csv.startswith(b"\xef\xbb\xbf") and "小区编号".encode() in csv.splitlines()[0]
    ws = load_workbook(out_dir / "gaps.xlsx")["小区缺项"]
    head = [c.value for c in ws[1]]
    assert ws.freeze_panes == "A2" and head[:2] == ["小区编号", "小区"]
    households = head.index("户数") + 1
    assert isinstance(ws.cell(row=2, column=households).value, int)
    layers = {name for name, _ in __import__("pyogrio").list_layers(out_dir / "gaps.gpkg")}
    assert layers == {"compound_gaps", "zone_gaps", "elevator_buildings"}
    gpkg = gpd.read_file(out_dir / "gaps.gpkg", layer="compound_gaps")
    assert gpkg["id"].tolist() == ["A1", "A2"] and gpkg.crs.to_epsg() == 4547


def test_ids_fall_back_to_row_index(files, tmp_path):
    plain = tmp_path / "plain.gpkg"
    gpd.GeoDataFrame({"备注": ["x", "y"]}, geometry=[square(0, 0), square(-100, 0)], crs=CRS).to_file(plain)
    proc = run("--compounds", str(plain), "--facilities", str(files["facilities"]), "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert [c["id"] for c in out["compounds"]] == [0, 1]
    assert out["summary"]["clinic"]["households_uncovered"] is None


@pytest.mark.parametrize("args, words", [
    (["--compounds", "nope.shp", "--facilities", "nope.csv"], "does not exist"),
    (["--facilities", "x.csv"], "--compounds"),
    (["--compounds", "c", "--facilities", "f", "--min-floors", "1"], "min-floors"),
])
def test_bad_input_exits_2_with_one_line(args, words):
    proc = run(*args)
    assert proc.returncode == 2
    assert words in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    assert "Traceback" not in proc.stderr


def test_unknown_subsidy_preset_is_a_clean_error(files):
    proc = run("--compounds", str(files["compounds"]), "--facilities", str(files["facilities"]),
               "--buildings", str(files["buildings"]), "--subsidy", "atlantis")
    assert proc.returncode == 2 and "shenzhen" in proc.stderr


def test_zones_from_a_saved_project_pool_by_its_zone_outlines(tmp_path, capsys):
    """`zones --out plan.gpkg` then `gaps --zones plan.gpkg`: the zones are the plan's, with its ids."""
    import json as _json

    from gis.cli import run
    from gis.demo import demo_paths

    paths = demo_paths()
    plan = tmp_path / "plan.gpkg"
    assert run(["zones", str(paths["compounds"]), "--min-households", "1000", "--max-households", "3000",
                "--out", str(plan), "--json"]) == 0
    made = _json.loads(capsys.readouterr().out)
    assert run(["gaps", "--compounds", str(paths["compounds"]), "--facilities", str(paths["facilities"]),
                "--facilities-crs", "cgcs2000", "--zones", str(plan), "--json"]) == 0  # as the demo README says
    gaps = _json.loads(capsys.readouterr().out)
    assert sorted(z["id"] for z in gaps["zones"]) == sorted(z["id"] for z in made["zones"])
