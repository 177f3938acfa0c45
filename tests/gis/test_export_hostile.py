"""Hostile names, ids, layer names, titles and colours through every export format.

Spreadsheets hold them as text (never a formula or an error value), the HTML page holds
them as escaped text under a nonce-only CSP, KML stays well-formed XML, DXF opens, and the
GIS formats keep the data exactly as it was.
"""

from __future__ import annotations

import csv
import html
import json
import re
import xml.etree.ElementTree as ET
import zipfile

import ezdxf
import pyogrio
import pytest
from openpyxl import load_workbook

from gis.domain import FieldRole, Role
from gis.export.cells import text_cell, xml_text
from gis.export.project_export import export_project
from gis.gaps.access import analyse_gaps
from gis.export.gaps_report import gap_tables, write_csv, write_xlsx
from gis.gaps.zones import pool_gaps
from gis.standards import load_standards
from tests.gis.hostile_samples import COLOUR, LAYER, NAMES, SCRIPTS, TITLE, ZONE_NAME, hostile_project

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
KML = "{http://www.opengis.net/kml/2.2}"


@pytest.fixture(scope="module")
def project():
    return hostile_project()


def _values(project) -> tuple[list[str], list[str]]:
    layer = project.first(Role.COMPOUNDS)
    return (layer.data[layer.fields[FieldRole.NAME]].tolist(), layer.data[layer.fields[FieldRole.ID]].tolist())


def _xml_read(text: str) -> str:
    return text.replace("\r", "\n")  # XML readers normalise line ends


def _assert_no_formula_cells(path) -> list[str]:
    """Every cell of every sheet: no formula, no error value, no text that starts like a formula."""
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/sheet"):
                assert b"<f>" not in zf.read(name) and b't="e"' not in zf.read(name), name
    texts = []
    for ws in load_workbook(path):
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type in ("s", "n"), (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(FORMULA_START), (ws.title, cell.coordinate)
                    texts.append(cell.value)
    return texts


# -- spreadsheets -----------------------------------------------------------------------------
def test_excel_report_holds_every_payload_as_text(project, tmp_path):
    out = tmp_path / "report.xlsx"
    export_project(project, out, fmt="xlsx")
    texts = set(_assert_no_formula_cells(out))
    names, ids = _values(project)
    for value in names + ids + [ZONE_NAME]:  # neutralised, control characters replaced
        assert _xml_read(text_cell(value)) in texts, value
    households = next(ws for ws in load_workbook(out) if ws.title == "小区缺项")
    head = [c.value for c in households[1]]
    assert all(isinstance(r[head.index("户数")], int) for r in households.iter_rows(min_row=2, values_only=True))


def _gap_tables(project):
    comps, facs = project.first(Role.COMPOUNDS), project.first(Role.FACILITIES)
    gaps = analyse_gaps(comps, facs, standards=load_standards())
    return gap_tables(gaps, zones=pool_gaps(gaps, {"Z": [0, 1]}, names={"Z": ZONE_NAME}))


def test_gaps_xlsx_and_csv_hold_every_payload_as_text(project, tmp_path):
    tables = _gap_tables(project)
    texts = set(_assert_no_formula_cells(write_xlsx(tables, tmp_path / "gaps.xlsx")))
    names, ids = _values(project)
    assert {_xml_read(text_cell(v)) for v in names + ids + [ZONE_NAME]} <= texts
    with open(write_csv(tables, tmp_path / "gaps.csv"), encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    cells = [c for row in rows for c in row]
    assert not [c for c in cells if c.startswith(FORMULA_START)]
    assert {text_cell(v) for v in names + ids} <= set(cells)
    head = rows[0]
    assert rows[1][head.index("户数")].isdigit()  # numbers stay plain numbers
    raw = (tmp_path / "gaps.csv").read_text(encoding="utf-8-sig")
    assert '"\'=cmd|\' /C calc\'!A0"' in raw  # text quoted: a ; or , inside cannot start a new cell


# -- KML, DXF ---------------------------------------------------------------------------------
def test_kml_is_well_formed_with_names_as_text_and_valid_colours(project, tmp_path):
    out = tmp_path / "plan.kml"
    export_project(project, out, fmt="kml", title=TITLE)
    doc = ET.parse(out).getroot().find(f"{KML}Document")  # a control character would make this fail
    assert doc.findtext(f"{KML}name") == TITLE
    placemarks = [p.findtext(f"{KML}name") for p in doc.iter(f"{KML}Placemark")]
    names, _ = _values(project)
    assert {_xml_read(xml_text(n)) for n in names} <= set(placemarks)
    assert LAYER in {f.findtext(f"{KML}name") for f in doc.findall(f"{KML}Folder")}
    colours = [c.text for c in doc.iter(f"{KML}color")]
    assert colours and all(re.fullmatch(r"[0-9a-f]{8}", c) for c in colours)
    assert b"<script" not in out.read_bytes()


def test_dxf_opens_with_labels_and_a_default_colour_for_a_hostile_one(project, tmp_path):
    out = tmp_path / "plan.dxf"
    export_project(project, out, fmt="dxf")
    doc = ezdxf.readfile(out)
    texts = {e.dxf.text for e in doc.modelspace().query("TEXT")}
    names, _ = _values(project)
    assert set(names[:7]) <= texts  # CAD evaluates nothing: labels are the names as they are
    compounds = [lyr for lyr in doc.layers if lyr.dxf.name.startswith("小区")]
    assert compounds and all(lyr.rgb == (0x4E, 0x79, 0xA7) for lyr in compounds)


# -- GIS formats: the data itself, unchanged ----------------------------------------------------
@pytest.mark.parametrize("fmt", ["gpkg", "geojson", "shp"])
def test_gis_formats_keep_the_values_exactly(project, tmp_path, fmt):
    out = tmp_path / f"compounds.{fmt}"
    renamed = export_project(project, out, fmt=fmt, layers=["compounds"]).renamed.get(LAYER, {})
    back = pyogrio.read_dataframe(out)
    names, ids = _values(project)
    assert back[renamed.get("小区名称", "小区名称")].tolist() == names
    assert back[renamed.get("小区编号", "小区编号")].tolist() == ids


# -- the offline HTML page ------------------------------------------------------------------
@pytest.fixture(scope="module")
def page(project, tmp_path_factory) -> str:
    out = tmp_path_factory.mktemp("hostile") / "plan.html"
    export_project(project, out, fmt="html", title=TITLE)
    return out.read_text(encoding="utf-8")


def test_page_has_only_its_two_scripts_both_with_the_csp_nonce(page):
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page).group(1)
    assert "default-src 'none'" in policy and "connect-src 'none'" in policy and "unsafe-inline' " not in \
        policy.split("script-src")[1].split(";")[0]
    nonce = re.search(r"script-src 'nonce-([\w-]+)'", policy).group(1)
    scripts = re.findall(r"<script\b([^>]*)>", page, re.I)
    assert scripts == [f' nonce="{nonce}"'] * 2
    assert page.index("Content-Security-Policy") < page.lower().index("<script")


def test_page_holds_no_raw_payload(page):
    for payload in SCRIPTS[:4] + [LAYER, TITLE, COLOUR, ZONE_NAME]:
        assert payload not in page, payload
    assert "\u2028" not in page and "\u2029" not in page
    assert html.unescape(re.search(r"<title>(.*)</title>", page).group(1)) == TITLE
    assert "window.__pwned='colour'" not in page.replace("\\u0027", "'").split("L.geoJson")[0]


def test_layer_name_reaches_the_layer_control_escaped(page):
    escaped = html.escape(LAYER)  # Leaflet writes it with innerHTML: it must be HTML text
    control = page[page.index("overlays"):]
    assert json.dumps(escaped).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") in control


def test_hostile_colours_fall_back_and_opacity_stays_a_number(page):
    styles = re.findall(r'"fillColor": "([^"]*)"', page)
    assert styles and all(re.fullmatch(r"#[0-9a-f]{6}([0-9a-f]{2})?", s) for s in styles)
    assert all(re.fullmatch(r"[0-9.]+", v) for v in re.findall(r'"fillOpacity": ([^,}]*)', page))
