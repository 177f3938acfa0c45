"""``python main.py estimate``: the JSON contract, --out, and the refusals, run as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import pytest
from shapely.geometry import box

ROOT = Path(__file__).resolve().parents[2]
X0, Y0, CRS = 500_000, 2_500_000, "EPSG:4547"


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "estimate", *map(str, args)],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    """Compounds A (10 households entered), B (no count, a 20 × 10 m six-floor block), C (nothing)."""
    folder = tmp_path_factory.mktemp("estimate")
    geoms = [box(X0 + i * 200, Y0, X0 + i * 200 + 100, Y0 + 100) for i in range(3)]
    compounds = folder / "小区.gpkg"
    gpd.GeoDataFrame({"小区编号": ["A", "B", "C"], "户数": [10.0, None, None]}, geometry=geoms, crs=CRS
                     ).to_file(compounds)
    block = [box(X0 + 210, Y0 + 10, X0 + 230, Y0 + 20)]
    buildings, flat = folder / "楼栋.gpkg", folder / "无层数.gpkg"
    gpd.GeoDataFrame({"层数": [6]}, geometry=block, crs=CRS).to_file(buildings)
    gpd.GeoDataFrame({"备注": ["x"]}, geometry=block, crs=CRS).to_file(flat)
    return {"compounds": compounds, "buildings": buildings, "flat": flat, "folder": folder}


def test_json_contract_values_sources_and_out(files):
    out = files["folder"] / "估算.gpkg"
    proc = run(files["compounds"], "--buildings", files["buildings"], "--persons-per-household", 3,
               "--out", out, "--json")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert set(result) == {"compounds", "notices", "seconds"}
    a, b, c = result["compounds"]
    assert (a["id"], a["households"], a["sources"]["households"]) == ("A", 10.0, "entered")
    assert b["households"] == round(200 * 6 * 0.9 / 70) and b["sources"]["households"] == "estimated:buildings"
    assert b["population"] == b["households"] * 3 and b["sources"]["population"] == "estimated:households"
    assert c["households"] is None and c["sources"]["households"] == ""
    assert {"people.estimated", "people.still_missing"} <= {n["code"] for n in result["notices"]}
    written = gpd.read_file(out, layer="compounds")
    assert written["户数_来源"].fillna("").tolist() == ["", "estimated:buildings", ""]


@pytest.mark.parametrize("extra, option", [
    ((), "--buildings"),
    (("--buildings", "flat"), "--field buildings.floors"),
    (("--floor-area-field", "面积"), "--floor-area-field"),
    (("--buildings", "buildings", "--elderly-share", 1.5), "--elderly-share"),
])
def test_refusals_exit_2_naming_the_option(files, extra, option):
    args = [files.get(a, a) for a in extra]
    compounds = files["folder"] / "空.gpkg"
    if not compounds.exists():
        gpd.GeoDataFrame({"x": [1]}, geometry=[box(X0, Y0, X0 + 9, Y0 + 9)], crs=CRS).to_file(compounds)
    proc = run(compounds, *args)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith("error: ") and option in proc.stderr and "Traceback" not in proc.stderr
