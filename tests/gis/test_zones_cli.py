"""``python main.py zones``: the JSON contract, ids, warnings, --out, and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import pytest
from shapely.geometry import LineString, box

from gis.project_file import open_project

ROOT = Path(__file__).resolve().parents[2]
X0, Y0 = 500_000, 2_500_000


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "zones", *map(str, args)],
                          capture_output=True, text=True, timeout=240, cwd=ROOT)


def compounds(tmp_path: Path, *, with_fields: bool = True) -> Path:
    """Two rows of 4 compounds (10 m streets) and a lone compound 300 m away; GK CM 114E."""
    geoms = [box(X0 + c * 110, Y0 + r * 110, X0 + c * 110 + 100, Y0 + r * 110 + 100)
             for r in range(2) for c in range(4)] + [box(X0 + 800, Y0, X0 + 900, Y0 + 100)]
    data = {}
    if with_fields:
        data = {"小区编号": [f"XQ{i:02d}" for i in range(9)],
                "户数": [200, 250, 300, 150, 220, 180, 260, 240, 500],
                "建成年代": [1985, 1990, 1995, 2005, 1988, 1992, 1999, 2000, 1980]}
    path = tmp_path / ("小区.gpkg" if with_fields else "plain.gpkg")
    gpd.GeoDataFrame(data, geometry=geoms, crs="EPSG:4547").to_file(path)
    return path


def test_json_contract_with_id_and_households(tmp_path):
    out = tmp_path / "zones.gpkg"
    proc = run(compounds(tmp_path), "--min-households", 400, "--max-households", 700,
               "--out", out, "--json")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert set(result) >= {"zones", "unassigned", "seconds", "warnings"}
    assert result["warnings"] == []
    assert result["excluded"]["too_new"] == ["XQ03"]  # built 2005; 2000 still counts as old
    placed = [c for z in result["zones"] for c in z["compounds"]]
    assert "XQ03" not in placed and "XQ08" not in placed  # too new / alone
    assert "XQ08" in result["unassigned"]
    for zone in result["zones"]:
        assert set(zone) >= {"id", "compounds", "households", "area_m2", "contiguous"}
        assert 400 <= zone["households"] <= 700 and zone["contiguous"] is True
        assert zone["area_m2"] >= zone["compound_area_m2"] > 0
    assert sorted(placed + result["unassigned"]) == sorted(f"XQ{i:02d}" for i in range(9) if i != 3)
    project = open_project(out)
    assert len(project.zones) == len(result["zones"])
    saved = gpd.read_file(out, layer="renovation_zones")
    assert sorted(map(json.loads, saved["member_ids"])) == sorted(z["compounds"] for z in result["zones"])


def test_row_index_ids_and_warnings_without_fields(tmp_path):
    proc = run(compounds(tmp_path, with_fields=False), "--max-compounds", 3, "--json")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert any("households" in w for w in result["warnings"])
    assert any("build-year" in w for w in result["warnings"])
    assert all(z["households"] is None for z in result["zones"])
    placed = sorted(c for z in result["zones"] for c in z["compounds"])
    assert placed == list(range(8)) and result["unassigned"] == [8]
    assert all(len(z["compounds"]) <= 3 for z in result["zones"])


def test_barrier_splits_zones(tmp_path):
    road = tmp_path / "road.gpkg"
    gpd.GeoDataFrame({"名称": ["主干路"]}, geometry=[LineString([(X0 + 215, Y0 - 50), (X0 + 215, Y0 + 300)])],
                     crs="EPSG:4547").to_file(road)
    proc = run(compounds(tmp_path, with_fields=False), "--barriers", road, "--json")
    result = json.loads(proc.stdout)
    groups = sorted(sorted(z["compounds"]) for z in result["zones"])
    assert groups == [[0, 1, 4, 5], [2, 3, 6, 7]]


def test_text_output(tmp_path):
    proc = run(compounds(tmp_path), "--max-compounds", 4)
    assert proc.returncode == 0 and proc.stdout.splitlines()[0].startswith("2 zones of")


@pytest.mark.parametrize("args, words", [
    (["missing.shp"], "does not exist"),
    (["{compounds}", "--min-households", "900", "--max-households", "100"], "minimum households"),
    (["{compounds}", "--gap", "-3"], "gap"),
    (["{compounds}", "--max-compounds", "x"], "invalid int"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path, args, words):
    path = compounds(tmp_path)
    proc = run(*[a.format(compounds=path) for a in args])
    assert proc.returncode == 2
    assert proc.stdout == "" and len(proc.stderr.strip().splitlines()) == 1
    assert words in proc.stderr and "Traceback" not in proc.stderr
