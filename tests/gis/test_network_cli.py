"""``main.py service-areas`` through a subprocess: JSON contract, GeoPackage output, errors."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import pyogrio
import pytest
from pyproj import Transformer
from shapely.geometry import LineString

ROOT = Path(__file__).resolve().parents[2]
GK = "EPSG:4548"  # CGCS2000 GK CM 117E
X0, Y0 = 500_000.0, 4_000_000.0


WGS = ("--facilities-crs", "wgs84")  # the CSV does not say; the fixture wrote WGS 84 lon/lat


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "service-areas", *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """A 3 x 3 street grid (200 m) as a GeoPackage and three facilities as a GBK CSV."""
    folder = tmp_path_factory.mktemp("cli")
    lines = [LineString([(X0, Y0 + k * 200), (X0 + 400, Y0 + k * 200)]) for k in range(3)]
    lines += [LineString([(X0 + k * 200, Y0), (X0 + k * 200, Y0 + 400)]) for k in range(3)]
    gpd.GeoDataFrame({"名称": [f"路{i}" for i in range(6)]}, geometry=lines, crs=GK).to_file(folder / "roads.gpkg")
    to_lonlat = Transformer.from_crs(GK, "EPSG:4326", always_xy=True)
    rows = [("SS001", "阳光社区卫生服务站", "社区卫生服务站", X0 + 100, Y0 + 200),
            ("SS002", "红星幼儿园", "幼儿园", X0 + 200, Y0 + 300),
            ("SS003", "某某便利店", "便利店", X0 + 300, Y0)]
    text = "设施编号,名称,类型,经度,纬度\r\n" + "".join(
        f"{i},{n},{t},{lon:.7f},{lat:.7f}\r\n" for i, n, t, (lon, lat) in
        ((i, n, t, to_lonlat.transform(x, y)) for i, n, t, x, y in rows))
    (folder / "facilities.csv").write_bytes(text.encode("gbk"))
    return folder


def test_network_mode_prints_the_json_contract_and_writes_wgs84_polygons(files):
    out = files / "areas.gpkg"
    res = run(str(files / "facilities.csv"), *WGS, "--network", str(files / "roads.gpkg"),
              "--distances", "100,300", "--out", str(out), "--json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert set(data) >= {"areas", "network", "seconds"} and data["seconds"] > 0
    assert data["network"] == {"nodes": 9, "edges": 12, "components": 1}
    assert [(a["facility"], a["type"], a["distance_m"]) for a in data["areas"]] == [
        ("SS001", "clinic", 100.0), ("SS001", "clinic", 300.0),
        ("SS002", "kindergarten", 100.0), ("SS002", "kindergarten", 300.0)]
    first = data["areas"][0]["area_m2"]  # 200 m of street x (2 x 30 m band) + two half discs
    assert first == pytest.approx(200 * 60 + math.pi * 30 ** 2, rel=0.01)
    assert any("某某便利店" in n["message"] for n in data["notices"])  # the shop is left out, and said so by name
    layers = dict(pyogrio.list_layers(out))
    assert {"service_areas", "per_type"} <= set(layers)
    assert [(r["type"], r["distance_m"]) for r in data["per_type"]] == [
        ("clinic", 100.0), ("clinic", 300.0), ("kindergarten", 100.0), ("kindergarten", 300.0)]
    per_type = gpd.read_file(out, layer="per_type")
    assert per_type["area_m2"].tolist() == pytest.approx([r["area_m2"] for r in data["per_type"]], abs=0.1)
    written = gpd.read_file(out, layer="service_areas")
    assert written.crs.to_epsg() == 4326
    assert list(written.columns) == ["facility", "type", "distance_m", "area_m2", "geometry"]
    assert written["area_m2"].tolist() == pytest.approx([a["area_m2"] for a in data["areas"]], abs=0.1)
    assert written.to_crs(GK).area.iloc[0] == pytest.approx(first, rel=1e-4)


@pytest.mark.parametrize("per, layers", [("type", {"per_type"}), ("facility", {"service_areas"})])
def test_per_chooses_the_polygons(files, tmp_path, per, layers):
    out = tmp_path / "areas.gpkg"
    res = run(str(files / "facilities.csv"), *WGS, "--network", str(files / "roads.gpkg"), "--distances", "300",
              "--per", per, "--out", str(out), "--json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert bool(data["areas"]) == (per == "facility") and bool(data["per_type"]) == (per == "type")
    assert set(dict(pyogrio.list_layers(out))) == layers


def test_the_exact_method_draws_the_same_ground(files):
    grid, exact = (json.loads(run(str(files / "facilities.csv"), *WGS, "--network", str(files / "roads.gpkg"),
                                  "--distances", "300", "--method", m, "--json").stdout) for m in ("grid", "exact"))
    for a, b in zip(grid["per_type"], exact["per_type"]):
        assert a["type"] == b["type"] and a["area_m2"] == pytest.approx(b["area_m2"], rel=0.03)


def test_buffer_mode_and_minutes(files):
    res = run(str(files / "facilities.csv"), *WGS, "--minutes", "5", "--speed", "1.0", "--json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["network"] == {"nodes": 0, "edges": 0, "components": 0}
    assert {a["distance_m"] for a in data["areas"]} == {300.0}
    assert data["areas"][0]["area_m2"] == pytest.approx(math.pi * 300 ** 2, rel=0.005)
    preset_speeds = json.loads(run(str(files / "facilities.csv"), *WGS, "--minutes", "5", "--json").stdout)
    assert {a["type"]: a["distance_m"] for a in preset_speeds["areas"]} == {"clinic": 300.0,
                                                                           "kindergarten": 360.0}


def test_row_index_when_there_is_no_id_field(tmp_path):
    path = tmp_path / "f.geojson"
    gpd.GeoDataFrame({"名称": ["阳光社区卫生服务站", "红星幼儿园"]},
                     geometry=gpd.points_from_xy([117.0, 117.01], [36.1, 36.1]), crs="EPSG:4326").to_file(path)
    res = run(str(path), "--distances", "200", "--json")
    assert res.returncode == 0, res.stderr
    assert [(a["facility"], a["type"]) for a in json.loads(res.stdout)["areas"]] == [(0, "clinic"),
                                                                                  (1, "kindergarten")]


@pytest.mark.parametrize("args, words", [
    (["missing.csv"], "does not exist"),
    (["{csv}", *WGS, "--mode", "network"], "needs --network"),
    (["{csv}", *WGS, "--distances", "300,abc"], "numbers"),
    (["{csv}", *WGS, "--distances", "300", "--minutes", "5"], "not allowed with"),
    (["{csv}", *WGS, "--speed", "1.0"], "goes with --minutes"),
])
def test_unusable_input_exits_2_with_one_line(files, args, words, capsys):
    from gis import cli

    try:
        code = cli.run(["service-areas", *[a.format(csv=files / "facilities.csv") for a in args]])
    except SystemExit as exc:  # argparse errors leave through SystemExit, as in main.py
        code = exc.code
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.startswith("error: ") and err.count("\n") == 1 and words in err


def test_a_broken_network_file_exits_2_in_a_real_process(files):
    res = run(str(files / "facilities.csv"), *WGS, "--network", str(files / "facilities.csv"))
    assert res.returncode == 2 and res.stdout == "" and res.stderr.startswith("error: ")
    assert "Traceback" not in res.stderr and res.stderr.count("\n") == 1
