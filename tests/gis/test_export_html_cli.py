"""The offline HTML map (no CDN, no keys, no paths, escaped values) and the export CLI contract."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyogrio
import pytest

from gis.cli import run
from gis.export.html_map import leaflet_css, leaflet_js
from gis.export.project_export import export_project
from gis.paths import ROOT
from gis.project_file import save_project
from tests.gis.export_samples import EVIL, sample_project


@pytest.fixture(scope="module")
def html(tmp_path_factory) -> str:
    out = tmp_path_factory.mktemp("html") / "plan.html"
    export_project(sample_project(planned=True), out, fmt="html", title="明湖区改造")
    return out.read_text(encoding="utf-8")


def test_one_self_contained_file_without_remote_references(html):
    refs = re.findall(r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*[\"']?([^\"' >]+)", html, re.I)
    assert refs == []  # every script and style is inline
    assert not re.search(r"url\(\s*['\"]?https?:", html)
    assert "L.map(" in html and leaflet_js()[:4000] in html  # Leaflet itself is inlined
    assert "cdn." not in html and "jquery" not in html.lower() and "bootstrap" not in html.lower()
    assert "key=" not in html.lower() and "apikey" not in html.lower() and "access_token" not in html.lower()
    assert str(ROOT) not in html and "/tmp/" not in html and "file://" not in html


def test_layers_are_toggleable_with_text_popups(html):
    assert "L.control.layers(" in html
    for name in ("改造片区", "服务缺口", "服务范围", "小区边界", "规划设施"):
        assert json.dumps(name) in html or json.dumps(name, ensure_ascii=False) in html, name
    assert ".textContent = String(value)" in html and "innerHTML" not in html.split("var map_")[1]


def test_attribute_values_are_escaped(html):
    assert EVIL not in html  # never raw in the page ...
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in html  # ... but present, as escaped JSON text


def test_leaflet_icons_are_data_uris():
    css = leaflet_css()
    assert "images/" not in css and "data:image/png;base64," in css


def test_cli_writes_a_project_as_gpkg_and_reports_json(tmp_path, capsys):
    project_path = tmp_path / "plan.gpkg"
    save_project(sample_project(), project_path)
    out = tmp_path / "out" / "zones.gpkg"
    code = run(["export", str(project_path), "--format", "gpkg", "--out", str(out), "--layer", "zones", "--json"])
    assert code == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["paths"] == [str(out)] and summary["seconds"] > 0
    assert [name for name, _ in pyogrio.list_layers(out)] == ["zones"]


def test_cli_kml_in_gcj02_and_shapefile_gbk(tmp_path, capsys):
    project_path = tmp_path / "plan.gpkg"
    save_project(sample_project(), project_path)
    assert run(["export", str(project_path), "--format", "kml", "--crs", "gcj02",
                "--out", str(tmp_path / "p.kml")]) == 0
    assert run(["export", str(project_path), "--format", "shp", "--encoding", "gbk", "--layer", "zones",
                "--out", str(tmp_path / "z.shp")]) == 0
    assert (tmp_path / "z.cpg").read_text() == "936"
    printed = capsys.readouterr().out.split()
    assert str(tmp_path / "p.kml") in printed and str(tmp_path / "z.shp") in printed


@pytest.mark.parametrize("args, message", [
    (["--format", "doc"], "Unknown export format doc"),
    (["--format", "kml", "--crs", "4527"], "longitude/latitude"),
    (["--format", "dxf", "--crs", "gcj02"], "metres"),
    (["--format", "gpkg", "--layer", "花园"], "No layer called 花园"),
])
def test_cli_bad_input_is_one_line_exit_2(tmp_path, capsys, args, message):
    project_path = tmp_path / "plan.gpkg"
    save_project(sample_project(zones=False), project_path)
    code = run(["export", str(project_path), "--out", str(tmp_path / "x.out"), *args])
    err = capsys.readouterr().err.strip()
    assert code == 2 and err.startswith("error: ") and message in err and "\n" not in err
    assert "Traceback" not in err


def test_cli_missing_project_file(tmp_path, capsys):
    code = run(["export", str(tmp_path / "none.gpkg"), "--format", "gpkg", "--out", str(tmp_path / "x.gpkg")])
    assert code == 2 and "none.gpkg" in capsys.readouterr().err
    assert not Path(tmp_path / "x.gpkg").exists()
