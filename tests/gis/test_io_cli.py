"""``python main.py inspect``: the JSON contract and exit codes, run as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gis.cli import inspect as inspect_cli
from tests.gis.io_samples import compounds, write_shp

ROOT = Path(__file__).resolve().parents[2]
KEYS = {"features", "geometry_type", "crs", "crs_candidates", "encoding", "bounds_wgs84", "role",
        "fields", "repairs", "warnings", "sample"}


def run(*args: str, config: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, OCP_CONFIG_DIR=str(config))
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "inspect", *args], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120)


def test_json_for_a_gbk_shapefile_without_prj(tmp_path):
    shp = write_shp(compounds("EPSG:4527"), tmp_path / "数据" / "小区边界.shp", encoding="GBK",
                    cpg=False, ldid=0x4D, prj=False)
    out = run(str(shp), "--json", config=tmp_path / "cfg")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert KEYS <= set(data)
    assert data["features"] == 3 and data["geometry_type"] == "Polygon"
    assert data["crs"]["epsg"] == 4527 and data["crs"]["source"] == "inferred"
    assert data["crs_candidates"][0]["epsg"] == 4527 and data["crs_candidates"][0]["reason"]
    assert data["encoding"] == {"name": "GBK", "source": "ldid"}
    assert data["bounds_wgs84"][0] == pytest.approx(116.36, abs=1e-4)
    assert data["role"] == "compounds"
    assert {"name": "小区名称", "dtype": "str", "role": "name"} in data["fields"]
    assert data["repairs"]["invalid_fixed"] == 0 and "empty_dropped" in data["repairs"]
    assert data["sample"][0] == {"name": "阳光花园", "build_year": 1985, "households": 320,
                                 "floors": 6, "elevator": False}


def inspect_json(capsys, monkeypatch, config: Path, *args: str) -> dict:
    """Run the command in this process (faster than a subprocess) and parse its JSON."""
    monkeypatch.setenv("OCP_CONFIG_DIR", str(config))
    assert inspect_cli.main([*args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_source_crs_gcj02_and_the_remembered_zone(tmp_path, capsys, monkeypatch):
    geojson = tmp_path / "amap_aoi.json"
    fc = json.loads(compounds().to_json())
    fc.pop("crs")
    geojson.write_text(json.dumps(fc, ensure_ascii=False), encoding="utf-8")
    cfg = tmp_path / "cfg"
    plain = inspect_json(capsys, monkeypatch, cfg, str(geojson))
    shifted = inspect_json(capsys, monkeypatch, cfg, str(geojson), "--source-crs", "gcj02")
    assert shifted["crs"]["source"] == "user" and shifted["crs"]["datum_shift"] == "gcj02"
    west = (plain["bounds_wgs84"][0] - shifted["bounds_wgs84"][0]) * 111_320 * 0.77
    assert 300 < west < 700  # AMap's offset at Beijing is ~500 m east

    shp = write_shp(compounds("EPSG:4548"), tmp_path / "b.shp", prj=False)
    first = inspect_json(capsys, monkeypatch, cfg, str(shp))
    assert first["crs"]["epsg"] is None and first["crs"]["needs_choice"] and first["bounds_wgs84"] is None
    assert {c["epsg"] for c in first["crs_candidates"]} >= set(range(4534, 4555))
    inspect_json(capsys, monkeypatch, cfg, str(shp), "--source-crs", "EPSG:4548")
    again = inspect_json(capsys, monkeypatch, cfg, str(shp))
    assert again["crs"]["epsg"] == 4548 and again["crs"]["source"] == "user"
    assert (cfg / "crs_choices.json").exists()
    fresh = inspect_json(capsys, monkeypatch, cfg, str(shp), "--no-memory")
    assert fresh["crs"]["epsg"] is None


def test_text_output(tmp_path, capsys):
    shp = write_shp(compounds(), tmp_path / "a.shp", encoding="GBK")
    assert inspect_cli.main([str(shp), "--no-memory"]) == 0
    out = capsys.readouterr().out
    assert "features: 3 Polygon" in out and "阳光花园" in out and "encoding: GBK (from cpg)" in out


@pytest.mark.parametrize("make, needle", [
    (lambda d: d / "missing.shp", "does not exist"),
    (lambda d: (d / "x.docx").write_bytes(b"nope") and d / "x.docx", "not supported"),
    (lambda d: (d / "bad.gpkg").write_bytes(os.urandom(2048)) and d / "bad.gpkg", "cannot be read"),
])
def test_unreadable_input_exits_2_with_one_line(tmp_path, make, needle):
    out = run(str(make(tmp_path)), "--json", config=tmp_path / "cfg")
    assert out.returncode == 2 and out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and needle in lines[0]
    assert "Traceback" not in out.stderr


@pytest.mark.parametrize("args", [["--source-crs", "mars"], ["--encoding", "klingon"], ["--bogus"],
                                  [], ["--role", "castle"]])
def test_bad_options_exit_2_with_one_line(tmp_path, capsys, args):
    shp = write_shp(compounds(), tmp_path / "a.shp")
    argv = ([str(shp)] if args != [] else []) + args + ["--no-memory"]
    capsys.readouterr()
    try:
        code = inspect_cli.main(argv)
    except SystemExit as exit_:  # argparse's own errors
        code = exit_.code
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1 and err.startswith("error:"), err


def test_geometry_choice_for_a_mixed_layer(tmp_path, capsys, monkeypatch):
    import geopandas as gpd
    from shapely.geometry import Point, box

    mixed = gpd.GeoDataFrame({"名称": ["甲", "乙", "丙"]},
                             geometry=[box(116.36, 39.91, 116.37, 39.92), Point(116.36, 39.91),
                                       Point(116.37, 39.92)], crs="EPSG:4490")
    path = tmp_path / "mixed.geojson"
    path.write_text(mixed.to_json(), encoding="utf-8")
    points = inspect_json(capsys, monkeypatch, tmp_path / "cfg", str(path))
    polygons = inspect_json(capsys, monkeypatch, tmp_path / "cfg", str(path), "--geometry", "polygon")
    assert (points["geometry_type"], points["features"]) == ("Point", 2)
    assert (polygons["geometry_type"], polygons["features"]) == ("Polygon", 1)
    assert polygons["repairs"]["other_type_dropped"] == 2
