"""Lon/lat in China whose file declares no coordinate system is asked about, never guessed:
CGCS2000 / WGS 84 cannot be told from GCJ-02 (AMap, Tencent) or BD-09 (Baidu) by the numbers."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from gis.cli import export, gaps, inspect, plan, service_areas, zones
from gis.errors import CrsError, NeedsAnswer
from gis.io import CrsMemory, build_layer, inspect_file
from gis.io.chinese_datums import gcj02_to_wgs84
from gis.io.importer import confirmed, preselected
from tests.gis.io_samples import LAT0, LON0, compounds, facilities, write_shp

FOUR = ["EPSG:4490", "EPSG:4326", "gcj02", "bd09"]


def answers(report) -> list[str]:
    return [c.answer for c in report.crs.candidates]


def test_shapefile_without_prj_needs_a_choice_of_the_four(tmp_path):
    shp = write_shp(compounds(), tmp_path / "小区.shp", prj=False)
    report = inspect_file(shp)
    assert report.crs.needs_choice and report.crs.source == "inferred"
    assert answers(report)[:4] == FOUR and preselected(report) == "EPSG:4490"
    assert report.bounds_wgs84[0] == pytest.approx(LON0, abs=1e-6)  # shown where CGCS2000 puts it
    with pytest.raises(CrsError, match="EPSG:4490, EPSG:4326, gcj02, bd09"):
        build_layer(report)
    layer = build_layer(confirmed(report))  # the window's Add with the preselected answer
    assert layer.source.crs_source == "user" and not any("does not say" in w for w in layer.source.warnings)


def test_gcj02_answer_shifts_the_layer_by_hundreds_of_metres(tmp_path):
    shp = write_shp(compounds(), tmp_path / "小区.shp", prj=False)
    plain = build_layer(inspect_file(shp, source_crs="cgcs2000"), crs="EPSG:4548")
    shifted = build_layer(inspect_file(shp, source_crs="gcj02"), crs="EPSG:4548")
    moved = plain.data.centroid.distance(shifted.data.centroid)
    assert ((moved > 200) & (moved < 1000)).all()
    lon, lat = gcj02_to_wgs84(LON0, LAT0)
    assert shifted.data.to_crs(4326).total_bounds[:2] == pytest.approx([lon, lat], abs=5e-5)  # ~5 m of 500


def test_csv_and_xlsx_lonlat_are_asked_and_the_answer_is_remembered(tmp_path):
    memory = CrsMemory(tmp_path / "crs.json")
    table = pd.DataFrame({"名称": ["社区卫生服务站"], "经度": [LON0], "纬度": [LAT0]})
    csv, xlsx = tmp_path / "设施.csv", tmp_path / "设施.xlsx"
    table.to_csv(csv, index=False)
    table.to_excel(xlsx, index=False)
    for path in (csv, xlsx):
        assert inspect_file(path, memory=memory).crs.needs_choice
    inspect_file(csv, source_crs="gcj02", memory=memory)
    again = inspect_file(csv, memory=memory)  # a project opening the file again is not asked
    assert not again.crs.needs_choice and again.crs.datum_shift == "gcj02"


def test_geojson_is_wgs84_by_definition_and_not_asked(tmp_path):
    path = tmp_path / "amap_设施.geojson"
    path.write_text(facilities().to_crs(4326).to_json(), encoding="utf-8")
    (tmp_path / "plain.geojson").write_text(facilities().to_crs(4326).to_json(), encoding="utf-8")
    for name in ("plain.geojson", "amap_设施.geojson"):
        report = inspect_file(tmp_path / name)
        assert report.crs.epsg == 4326 and not report.crs.needs_choice
        assert "gcj02" not in answers(report)
    assert any(n.code == "crs.looks_like_datum" for n in report.notices)  # the hint still shows


@pytest.mark.parametrize("name, columns, first", [
    ("amap_小区.shp", {}, "gcj02"),
    ("百度小区.shp", {}, "bd09"),
    ("小区.shp", {"typecode": "120302", "pname": "福建省"}, "gcj02"),
])
def test_a_name_or_column_hint_ranks_its_datum_first_and_preselects_nothing(tmp_path, name, columns, first):
    shp = write_shp(compounds().assign(**columns), tmp_path / name, prj=False)
    report = inspect_file(shp)
    assert report.crs.needs_choice and answers(report)[0] == first
    assert sorted(answers(report)[:4]) == sorted(FOUR) and preselected(report) is None
    assert confirmed(report) is report  # nothing to confirm: the user picks


def test_coordinate_columns_named_as_gcj02_rank_it_first(tmp_path):
    csv = tmp_path / "设施.csv"
    pd.DataFrame({"名称": ["站"], "gcj_lng": [LON0], "gcj_lat": [LAT0]}).to_csv(csv, index=False)
    report = inspect_file(csv)
    assert answers(report)[0] == "gcj02" and preselected(report) is None


# -- the command line refuses with one line naming the option, and runs once told ----------------
def cli(capsys, module, *args) -> tuple[int, str, str]:
    try:
        code = module.main([str(a) for a in args])
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def files(tmp_path):
    shp = write_shp(compounds(), tmp_path / "小区.shp", prj=False)
    csv = tmp_path / "设施.csv"
    table = facilities().assign(经度=lambda f: f.geometry.x, 纬度=lambda f: f.geometry.y)
    pd.DataFrame(table.drop(columns="geometry")).to_csv(csv, index=False)
    return shp, csv


@pytest.mark.parametrize("module, args, option", [
    (zones, ["{shp}", "--json"], "--compounds-crs cgcs2000"),
    (gaps, ["--compounds", "{shp}", "--facilities", "{csv}", "--facilities-crs", "wgs84", "--json"],
     "--compounds-crs cgcs2000"),
    (gaps, ["--compounds", "{shp}", "--compounds-crs", "gcj02", "--facilities", "{csv}", "--json"],
     "--facilities-crs cgcs2000"),
    (service_areas, ["{csv}", "--json"], "--facilities-crs cgcs2000"),
    (export, ["{shp}", "--format", "geojson", "--out", "{out}", "--json"], "--source-crs cgcs2000"),
    (plan, ["{shp}", "--json"], "--source-crs cgcs2000"),
])
def test_commands_refuse_naming_the_option_then_run_with_it(capsys, files, module, args, option):
    shp, csv = files
    argv = [a.format(shp=shp, csv=csv, out=shp.with_name("out.geojson")) for a in args]
    code, out, err = cli(capsys, module, *argv)
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert option in err and "(or wgs84, gcj02, bd09)" in err and "GCJ-02" in err
    flag, value = option.split()
    code, out, err = cli(capsys, module, *argv, flag, value)
    assert code == 0, err
    assert json.loads(out)


@pytest.mark.parametrize("module, args", [
    (gaps, ["--compounds", "{shp}", "--facilities", "{csv}", "--json"]),
    (export, ["{shp}", "--format", "geojson", "--out", "{out}", "--json"]),
    (plan, ["{shp}", "--json"]),
])
def test_commands_recall_the_answer_given_in_the_window(capsys, files, module, args):
    """The window's CRS memory ($OCP_CONFIG_DIR) answers for the command line too, and it says so."""
    shp, csv = files
    argv = [a.format(shp=shp, csv=csv, out=shp.with_name("out.geojson")) for a in args]
    assert cli(capsys, module, *argv)[0] == 2
    for path in (shp, csv):  # as the import dialog stores an answer
        inspect_file(path, source_crs="gcj02", memory=CrsMemory.default())
    code, out, err = cli(capsys, module, *argv)
    assert code == 0, err
    assert json.loads(out)
    if module is gaps:
        assert "you chose before for this file: gcj02" in out  # the run's notes say so


def test_inspect_shows_the_question_and_its_candidates(capsys, files):
    shp, _ = files
    code, out, _ = cli(capsys, inspect, shp, "--json", "--no-memory")
    data = json.loads(out)
    assert code == 0 and data["crs"]["needs_choice"] and data["crs"]["epsg"] == 4490
    assert [c["answer"] for c in data["crs_candidates"]][:4] == FOUR
    code, out, _ = cli(capsys, inspect, shp, "--no-memory")
    assert "not declared: choose one with --source-crs" in out and "  gcj02  GCJ-02" in out


def test_centres_are_not_moved_by_the_provisional_crs(tmp_path):
    """The report holds the numbers as read: answering CGCS2000 moves nothing."""
    shp = write_shp(compounds(), tmp_path / "小区.shp", prj=False)
    asked, told = inspect_file(shp), inspect_file(shp, source_crs="EPSG:4490")
    assert np.allclose(asked.data.total_bounds, told.data.total_bounds)


def test_opening_a_data_file_puts_it_on_the_ask_list_or_refuses(tmp_path):
    from gis.opening import open_many

    shp = write_shp(compounds(), tmp_path / "小区.shp", prj=False)
    memory, asked = CrsMemory(tmp_path / "crs.json"), []
    project = open_many([shp], ask=asked, memory=memory)
    assert asked == [shp] and not project.layers  # the window's import dialog asks
    with pytest.raises(NeedsAnswer, match="Say which with --source-crs cgcs2000 .or wgs84, gcj02, bd09"):
        open_many([shp], memory=memory)  # nothing can ask (a screenshot, the command line): refused
    told = open_many([shp], source_crs="gcj02")  # the option's answer
    assert told.layers[0].source.datum_shift == "gcj02" and memory.recall(shp, "小区") is None
    memory.remember(shp, "gcj02", "小区")  # as the import dialog stores it (file and layer)
    asked = []
    project = open_many([shp], ask=asked, memory=memory)
    assert asked == [] and project.layers[0].source.datum_shift == "gcj02"  # answered before
    assert open_many([shp], memory=memory).layers[0].source.datum_shift == "gcj02"  # recalled without asking


def test_screenshot_recalls_the_windows_answer_or_names_source_crs(tmp_path, monkeypatch):
    """``main.py --screenshot OUT FILE`` reads the window's CRS memory; unanswered, it names the option."""
    from gui.app import load_initial_project, parse_args
    from gui.importing.controller import crs_memory

    monkeypatch.setenv("OCP_CONFIG_DIR", str(tmp_path / "config"))
    shp = write_shp(compounds(), tmp_path / "小区.shp", prj=False)
    with pytest.raises(NeedsAnswer, match="--source-crs cgcs2000"):
        load_initial_project([str(shp)])
    args = parse_args(["--screenshot", "out.png", "--source-crs", "bd09", str(shp)])
    told = load_initial_project(args.path, source_crs=args.source_crs)
    assert told.layers[0].source.datum_shift == "bd09"
    crs_memory().remember(shp, "gcj02", "小区")
    assert load_initial_project([str(shp)]).layers[0].source.datum_shift == "gcj02"


def test_a_real_process_exits_2_with_the_one_line(files):
    import subprocess
    import sys
    from pathlib import Path

    shp, csv = files
    root = Path(__file__).resolve().parents[2]
    res = subprocess.run([sys.executable, str(root / "main.py"), "gaps", "--compounds", str(shp),
                          "--facilities", str(csv), "--facilities-crs", "wgs84"],
                         capture_output=True, text=True, cwd=root, timeout=120)
    assert res.returncode == 2 and res.stdout == "" and res.stderr.count("\n") == 1
    assert res.stderr.startswith("error: ") and "--compounds-crs cgcs2000" in res.stderr


@pytest.mark.parametrize("x, y, epsg", [("lng_wgs84", "lat_wgs84", 4326), ("经度_CGCS2000", "纬度_CGCS2000", 4490)])
def test_lonlat_columns_named_as_a_system_declare_it(tmp_path, x, y, epsg):
    csv = tmp_path / "设施.csv"
    pd.DataFrame({"名称": ["站"], x: [LON0], y: [LAT0]}).to_csv(csv, index=False)
    report = inspect_file(csv)
    assert not report.crs.needs_choice and report.crs.epsg == epsg and report.crs.source == "metadata"
    assert any("are named as EPSG" in w for w in report.warnings)


def test_columns_naming_two_systems_declare_nothing(tmp_path):
    csv = tmp_path / "设施.csv"
    pd.DataFrame({"名称": ["站"], "lng_wgs84": [LON0], "纬度_CGCS2000": [LAT0]}).to_csv(csv, index=False)
    assert inspect_file(csv).crs.needs_choice
