"""Hostile and damaged tables and archives: each stops at a stated cap with a message naming
the setting, or is read as far as it can be with a notice. Never silently wrong."""

from __future__ import annotations

import stat
import time
import zipfile

import pytest
from openpyxl import Workbook

from gis.errors import Cancelled, DataReadError
from gis.feedback import Feedback
from gis.io import inspect_file, limits, sheets, sources
from gis.io.dms import parse_dms
from gis.io.formats import list_layers
from gis.io.tables import read_csv_layer, read_xlsx_layer


@pytest.fixture
def caps():
    """Lower caps for one test: ``caps(max_rows=10)``; the defaults come back afterwards."""
    yield limits.configure
    limits.configure(None)


def cap_error(cap: str):
    return pytest.raises(limits.LimitExceeded, match=rf"reading cap {cap} = .*raise \"{cap}\"")


def points_csv(path, rows: int = 3):
    path.write_text("名称,经度,纬度\n" + "".join(f"p{i},118.1,24.5\n" for i in range(rows)),
                    encoding="utf-8")
    return path


def workbook(path, rows=(("名称", "经度", "纬度"), ("a", 118.1, 24.5))):
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    return wb


def excel_style_xlsx(path, sheet: str, strings: list[str]):
    """A workbook as Excel writes it: text in sharedStrings.xml, *sheet* the <sheetData> body,
    no <dimension> element."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    sst = "".join(f"<si><t xml:space=\"preserve\">{s}</t></si>" for s in strings)
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{ct}.worksheet+xml"/>'
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{ct}.sharedStrings+xml"/>'
            "</Types>"),
        "_rels/.rels": f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" Type="{rel}/'
                       'officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet name="点位" '
                           'sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" Type="{rel}/worksheet" '
            f'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{rel}/sharedStrings" '
            'Target="sharedStrings.xml"/></Relationships>'),
        "xl/sharedStrings.xml": f'<sst xmlns="{main}">{sst}</sst>',
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{main}"><sheetData>{sheet}</sheetData>'
                                    "</worksheet>",
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in parts.items():
            zf.writestr(name, text)
    return path


# -- Excel ----------------------------------------------------------------------------------
def test_xlsx_with_shared_strings_and_no_dimension(tmp_path):
    cell = '<c t="s"><v>{}</v></c>'
    rows = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
            '<c r="C1" t="s"><v>2</v></c></row>'
            '<row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3"><v>118.1</v></c>'
            '<c r="C3"><v>24.5</v></c><c r="E3" t="s"><v>4</v></c></row>'
            + "<row>" + cell.format(4) * 5 + "</row>")  # blank shared strings, no r
    path = excel_style_xlsx(tmp_path / "e.xlsx", rows, ["名称", "经度", "纬度", "阳光花园", "  "])
    raw = read_xlsx_layer(path)
    assert raw.layer == "点位"
    assert list(raw.data.columns) == ["名称", "经度", "纬度", "geometry"]
    assert raw.data["名称"].tolist() == ["阳光花园"]
    assert raw.data.geometry.x.tolist() == [118.1]


def test_xlsx_of_spaces_is_streamed_without_holding_it(tmp_path, caps):
    sheet = ('<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c></row>'
             + ('<row>' + '<c t="s"><v>3</v></c>' * 200 + "</row>") * 200)
    path = excel_style_xlsx(tmp_path / "s.xlsx", sheet, ["名称", "经度", "纬度", " "])
    caps({"max_compression_ratio": 10**6})
    raw = read_xlsx_layer(path)
    assert raw.data.empty and raw.counts == {"no_coordinates_dropped": 0}


def test_xlsx_cell_at_xfd1048576_stops_at_the_column_cap(tmp_path):
    wb = workbook(tmp_path)
    wb.active.cell(row=1_048_576, column=16_384, value=1)
    wb.save(tmp_path / "far.xlsx")
    start = time.monotonic()
    with cap_error("max_columns"):
        read_xlsx_layer(tmp_path / "far.xlsx")
    assert time.monotonic() - start < 5


def test_xlsx_cells_are_counted_while_streaming(tmp_path, caps):
    wb = workbook(tmp_path, [("名称", "经度", "纬度")] + [(" ", " ", " ")] * 400)
    wb.save(tmp_path / "spaces.xlsx")
    caps({"max_cells": 1000})
    with cap_error("max_cells"):
        read_xlsx_layer(tmp_path / "spaces.xlsx")


def test_xlsx_blank_and_trailing_cells_are_ignored(tmp_path, caps):
    wb = workbook(tmp_path)
    ws = wb.active
    ws.cell(row=5000, column=1500, value="   ")  # spaces far away
    ws.cell(row=90_000, column=3).number_format = "0.00"  # formatting only
    wb.save(tmp_path / "t.xlsx")
    caps({"max_columns": 10, "max_rows": 100})
    raw = read_xlsx_layer(tmp_path / "t.xlsx")
    assert list(raw.data.columns) == ["名称", "经度", "纬度", "geometry"]
    assert raw.data["名称"].tolist() == ["a"]


def test_xlsx_rows_past_the_row_cap(tmp_path, caps):
    wb = workbook(tmp_path, [("名称", "经度", "纬度")] + [("a", 118.1, 24.5)] * 30)
    wb.save(tmp_path / "t.xlsx")
    caps({"max_rows": 20})
    with cap_error("max_rows"):
        read_xlsx_layer(tmp_path / "t.xlsx")


def test_xlsx_compressed_beyond_belief_is_refused_unopened(tmp_path, caps, monkeypatch):
    wb = workbook(tmp_path, [("名称", "经度", "纬度")] + [(" ", " ", " ")] * 3000)
    wb.save(tmp_path / "t.xlsx")
    monkeypatch.setattr(sources, "RATIO_GRACE", 0)
    caps({"max_compression_ratio": 5})
    with cap_error("max_compression_ratio"):
        read_xlsx_layer(tmp_path / "t.xlsx")


def test_xlsx_read_reports_progress_and_cancels(tmp_path, monkeypatch):
    monkeypatch.setattr(sheets, "_CHUNK", 256)
    wb = workbook(tmp_path, [("名称", "经度", "纬度")] + [("a", 118.1, 24.5)] * 300)
    wb.save(tmp_path / "t.xlsx")
    seen = []
    with pytest.raises(Cancelled):
        read_xlsx_layer(tmp_path / "t.xlsx", feedback=Feedback(
            lambda f, _m: seen.append(f), cancelled=lambda: any(seen)))
    assert seen[0] == 0 and 0 < seen[-1] < 1  # shown at once, stopped part way


# -- CSV and the coordinate parser ----------------------------------------------------------
def test_csv_of_many_columns_is_refused_from_its_header(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text("经度,纬度," + ",".join(f"c{i}" for i in range(3000)) + "\n118.1,24.5\n")
    with cap_error("max_columns"):
        read_csv_layer(path)


def test_csv_rows_and_cells_are_capped(tmp_path, caps):
    path = points_csv(tmp_path / "p.csv", rows=50)
    caps({"max_rows": 20})
    with cap_error("max_rows"):
        read_csv_layer(path)
    caps({"max_cells": 60})
    with cap_error("max_cells"):
        read_csv_layer(path)


def test_csv_read_stops_at_the_time_cap_and_on_cancel(tmp_path, caps):
    path = points_csv(tmp_path / "p.csv")
    with pytest.raises(Cancelled):
        read_csv_layer(path, feedback=Feedback(cancelled=lambda: True))
    caps({"max_seconds": 1e-9})
    with cap_error("max_seconds"):
        read_csv_layer(path)


def test_a_30_kb_dms_cell_is_skipped_quickly_with_a_notice(tmp_path):
    path = tmp_path / "dms.csv"
    path.write_text("名称,经度,纬度\na,1°" + "1" * 30_000 + "x,24.5\nb,118°6′E,24.5\n",
                    encoding="utf-8")
    start = time.monotonic()
    raw = read_csv_layer(path)
    assert time.monotonic() - start < 2
    assert raw.data["名称"].tolist() == ["b"]
    assert raw.data.geometry.x.tolist() == [pytest.approx(118.1)]
    assert any("length limit of 1000" in n.message for n in raw.notices)


@pytest.mark.parametrize("text, value", [
    ("116°23′45.6″E", 116.396), ("116:23:45", 116 + 23 / 60 + 45 / 3600), ("S 33°52'", -(33 + 52 / 60)),
    ("39度54分北", 39.9), ("E116°", 116.0), ("116°23'45\"W", -(116 + 23 / 60 + 45 / 3600)),
])
def test_dms_forms(text, value):
    assert parse_dms(text) == pytest.approx(value)


def test_dms_parser_is_linear():
    for hostile in ("1°" + "1" * 200_000 + "x", "1° " + " " * 200_000 + "x", "1°" + "1." * 100_000):
        start = time.monotonic()
        assert parse_dms(hostile) != parse_dms(hostile)  # NaN
        assert time.monotonic() - start < 1


# -- zip archives ---------------------------------------------------------------------------
def test_zip_bomb_is_refused_by_its_compression_ratio(tmp_path):
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.csv", b"lon,lat\n" + b"0" * (8 << 20))
    with cap_error("max_compression_ratio"):
        inspect_file(archive)


def test_kmz_bomb_is_refused_before_gdal_unpacks_it(tmp_path):
    with zipfile.ZipFile(tmp_path / "bomb.kmz", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("doc.kml", b"<kml>" + b" " * (8 << 20) + b"</kml>")
    with cap_error("max_compression_ratio"):
        inspect_file(tmp_path / "bomb.kmz")


@pytest.mark.parametrize("cap, value", [("max_member_bytes", 300), ("max_decompressed_bytes", 1000),
                                        ("max_archive_members", 2)])
def test_zip_sizes_and_member_count_are_capped(tmp_path, caps, cap, value):
    archive = tmp_path / "a.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for i in range(3):
            zf.writestr(f"p{i}.csv", points_csv(tmp_path / "p.csv", rows=40).read_bytes())
    caps({cap: value})
    with cap_error(cap):
        inspect_file(archive)


def test_zip_member_larger_than_it_declares_is_refused(tmp_path, caps):
    archive = tmp_path / "liar.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("p.csv", points_csv(tmp_path / "p.csv", rows=200).read_bytes())
    data = bytearray(archive.read_bytes())
    central = data.rfind(b"PK\x01\x02")
    data[central + 24:central + 28] = (100).to_bytes(4, "little")  # uncompressed size: 100
    archive.write_bytes(bytes(data))
    with pytest.raises(DataReadError, match="not a readable zip archive"):
        inspect_file(archive)


def test_zip_slip_members_stay_in_the_temporary_folder(tmp_path):
    archive = tmp_path / "slip.zip"
    body = points_csv(tmp_path / "p.csv").read_bytes()
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("../../escaped.csv", body)
        zf.writestr("/tmp/absolute_escaped.csv", body)
        zf.writestr("C:/windows_escaped.csv", body)
    assert [i.name for i in list_layers(archive)] == ["escaped.csv", "tmp/absolute_escaped.csv",
                                                       "windows_escaped.csv"]
    assert not (tmp_path.parent / "escaped.csv").exists()
    assert not list(tmp_path.parent.parent.glob("escaped.csv"))
    assert inspect_file(archive, layer="escaped.csv").features == 3


@pytest.mark.parametrize("mode", [stat.S_IFLNK | 0o777, stat.S_IFCHR | 0o666, stat.S_IFIFO | 0o644])
def test_links_and_device_files_in_a_zip_are_refused(tmp_path, mode):
    archive = tmp_path / "link.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("p.csv", points_csv(tmp_path / "p.csv").read_bytes())
        info = zipfile.ZipInfo("passwd.csv")
        info.external_attr = mode << 16
        zf.writestr(info, "/etc/passwd")
    with pytest.raises(DataReadError, match=r"link or device file \(passwd.csv\).*refused"):
        inspect_file(archive)


def test_zip_extraction_reports_progress_and_cancels(tmp_path):
    archive = tmp_path / "a.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("p.csv", points_csv(tmp_path / "p.csv", rows=200_000).read_bytes())
    seen = []
    with pytest.raises(Cancelled):
        inspect_file(archive, feedback=Feedback(lambda f, _m: seen.append(f),
                                                cancelled=lambda: len(seen) > 1))
    assert seen and seen[-1] < 0.1  # stopped while unpacking (its tenth of the import)


def test_layer_past_the_vertex_cap_is_refused_before_repairs(tmp_path, caps):
    from tests.gis import io_samples

    path = io_samples.write_shp(io_samples.compounds(), tmp_path / "小区.shp")  # 3 squares, 15 coordinates
    inspect_file(path)
    caps({"max_vertices": 14})
    with cap_error("max_vertices"):
        inspect_file(path)
