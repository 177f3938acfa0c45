"""Damaged DBF headers, GeoJSON in the wrong encoding, XML entities, and the command line's
caps and quiet stderr: read what can be read and say so, or refuse clearly."""

from __future__ import annotations

import json
import logging
import struct
import time
import warnings
import zipfile

import pytest
from openpyxl import Workbook

from gis import cli
from gis.errors import DataReadError, GisError
from gis.io import gdal_read, inspect_file, limits
from tests.gis.io_samples import NAMES, compounds, write_shp

FIELDS = ["小区名称", "建成年代", "户数", "层数", "电梯"]


@pytest.fixture
def shp(tmp_path):
    return write_shp(compounds(), tmp_path / "小区.shp", encoding="GBK", cpg=False, ldid=0x4D)


def patch_dbf(shp, offset: int, fmt: str, value: int) -> None:
    dbf = shp.with_suffix(".dbf")
    data = bytearray(dbf.read_bytes())
    data[offset:offset + struct.calcsize(fmt)] = struct.pack(fmt, value)
    dbf.write_bytes(bytes(data))


def columns(report) -> list[str]:
    return [f["name"] for f in report.fields()]


# -- DBF headers ----------------------------------------------------------------------------
@pytest.mark.parametrize("offset, fmt, value, repair, says", [
    (4, "<I", 0, "dbf_record_count_fixed", "says 0 records but the file holds 3"),
    (4, "<I", 0xFFFF_FFF0, "dbf_record_count_fixed", "says 4294967280 records but the file holds 3"),
    (8, "<H", 0, "dbf_header_length_fixed", "wrong header length (0); it was set to 193"),
    (8, "<H", 0xFFFF, "dbf_header_length_fixed", "wrong header length (65535)"),
    (10, "<H", 0, "dbf_record_length_fixed", "wrong record length (0); it was set to 339"),
])
def test_dbf_header_that_lies_is_repaired_from_the_file(shp, offset, fmt, value, repair, says):
    patch_dbf(shp, offset, fmt, value)
    report = inspect_file(shp)
    assert columns(report)[:5] == FIELDS
    assert report.data["小区名称"].tolist() == NAMES
    assert report.repairs[repair] == 1
    assert any(says in w for w in report.warnings)
    assert not any("cut in the middle" in w for w in report.warnings)


def test_dbf_field_lengths_that_cannot_be_right_are_named_in_a_warning(shp):
    dbf = shp.with_suffix(".dbf")
    data = bytearray(dbf.read_bytes())
    for pos in range(32 + 16, 193 - 1, 32):
        data[pos] = 255
    dbf.write_bytes(bytes(data))
    report = inspect_file(shp)
    assert report.features == 3
    assert report.repairs["dbf_fields_unreadable"] == 5
    assert any("5 fields (小区名称, 建成年代, 户数, 层数, 电梯) could not be read" in w
               for w in report.warnings)


@pytest.mark.parametrize("field", [0, 3])
def test_dbf_single_field_length_of_255_is_mended(shp, field):
    patch_dbf(shp, 32 * (field + 1) + 16, "<B", 255)
    report = inspect_file(shp)
    assert columns(report)[:5] == FIELDS
    assert report.data["小区名称"].tolist() == NAMES
    assert report.repairs["dbf_field_length_fixed"] == 1
    assert any(f"field '{FIELDS[field]}' a length of 255" in w for w in report.warnings)


def test_dbf_with_more_fields_than_the_column_cap_is_refused(shp):
    limits.configure({"max_columns": 3})
    try:
        with pytest.raises(limits.LimitExceeded, match="max_columns"):
            inspect_file(shp)
    finally:
        limits.configure(None)


# -- .shp and .shx headers -----------------------------------------------------------------
def patch(path, offset: int, fmt: str, value: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset:offset + struct.calcsize(fmt)] = struct.pack(fmt, value)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("offset", [24, 100])  # record count in the header; first record's offset
def test_shx_claiming_absurd_sizes_is_rebuilt_from_the_shp(shp, offset):
    patch(shp.with_suffix(".shx"), offset, ">i", 0x7FFF_FFF0)
    report = inspect_file(shp)
    assert report.data["小区名称"].tolist() == NAMES
    assert report.repairs["shx_rebuilt"] == 1
    assert any(w.startswith("The index (.shx)") and "rebuilt" in w for w in report.warnings)


def test_shp_header_claiming_4_gb_reads_every_feature_and_says_so(shp):
    patch(shp, 24, ">i", 0x7FFF_FFFF)
    report = inspect_file(shp)
    assert report.features == 3
    assert any("header gives a wrong file length (4,294,967,294 bytes" in w for w in report.warnings)


@pytest.mark.parametrize("offset", [144, 148])  # first record's part and point counts
def test_shp_record_claiming_2_billion_points_is_dropped_not_allocated(shp, offset):
    import resource

    patch(shp, offset, "<i", 0x7FFF_FFFF)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    report = inspect_file(shp)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200_000  # KB
    assert report.data["小区名称"].tolist() == NAMES[1:]
    assert any("1 feature without a usable geometry" in w for w in report.warnings)


# -- GeoJSON in another encoding ------------------------------------------------------------
def gbk_geojson(path, cut: int = 0, bad: bytes = b""):
    text = json.dumps({"type": "FeatureCollection", "features": [{
        "type": "Feature", "properties": {"名称": "阳光花园"},
        "geometry": {"type": "Point", "coordinates": [118.1, 24.5]}}]}, ensure_ascii=False)
    data = text.encode("gbk").replace("园".encode("gbk"), "园".encode("gbk") + bad)
    path.write_bytes(data[:len(data) - cut])
    return path


def test_damaged_gbk_geojson_names_the_file_and_the_encoding(tmp_path):
    path = gbk_geojson(tmp_path / "小区.geojson", cut=5)
    with pytest.raises(DataReadError) as err:
        inspect_file(path)
    message = err.value.message
    assert "BytesIO" not in message
    assert str(path) in message and "GB18030" in message and "Choose the file's encoding" in message


def test_bad_bytes_in_a_gbk_geojson_are_reported(tmp_path):
    report = inspect_file(gbk_geojson(tmp_path / "小区.geojson", bad=b"\xff"))
    assert report.features == 1
    assert any("1 character is not valid GB18030" in w for w in report.warnings)


# -- XML: no entity expansion, no external entities -----------------------------------------
BILLION_LAUGHS = ('<!DOCTYPE kml [<!ENTITY l0 "ha">'
                  + "".join(f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
                  + "]>")


def kml(path, doctype: str, name: str):
    """Two placemarks (one name alone would be dropped as bookkeeping), the first named *name*."""
    marks = "".join(f"<Placemark><name>{n}</name><Point><coordinates>118.1,24.5</coordinates>"
                    "</Point></Placemark>" for n in (name, "B"))
    path.write_text(f'<?xml version="1.0"?>{doctype}<kml xmlns="http://www.opengis.net/kml/2.2">'
                    f"<Document>{marks}</Document></kml>", encoding="utf-8")
    return path


def secret(tmp_path):
    (tmp_path / "secret.txt").write_text("TOP-SECRET", encoding="utf-8")
    return f'<!DOCTYPE kml [<!ENTITY s SYSTEM "file://{tmp_path / "secret.txt"}">]>'


def read_or_refuse(path) -> str:
    """The data as text, or the refusal's message (either way: what the user could see)."""
    try:
        return inspect_file(path).data.to_json(ensure_ascii=False)
    except GisError as exc:
        return exc.message


def test_kml_external_entity_is_not_read(tmp_path):
    seen = read_or_refuse(kml(tmp_path / "x.kml", secret(tmp_path), "&s;"))
    assert "TOP-SECRET" not in seen


def test_kml_billion_laughs_is_not_expanded(tmp_path):
    start = time.monotonic()
    seen = read_or_refuse(kml(tmp_path / "x.kml", BILLION_LAUGHS, "&l9;"))
    assert time.monotonic() - start < 30  # expanded: minutes and gigabytes
    assert "hahaha" not in seen


def test_kmz_external_entity_is_not_read(tmp_path):
    inner = kml(tmp_path / "doc.kml", secret(tmp_path), "&s;")
    with zipfile.ZipFile(tmp_path / "x.kmz", "w") as zf:
        zf.write(inner, "doc.kml")
    assert "TOP-SECRET" not in read_or_refuse(tmp_path / "x.kmz")


@pytest.mark.parametrize("doctype, ref, leak", [("secret", "&s;", "TOP-SECRET"),
                                                (BILLION_LAUGHS, "&l9;", "hahaha")])
def test_xlsx_entities_are_not_expanded(tmp_path, doctype, ref, leak):
    wb = Workbook()
    wb.active.append(["名称", "经度", "纬度"])
    wb.active.append(["MARK", 118.1, 24.5])
    wb.save(tmp_path / "plain.xlsx")
    doctype = secret(tmp_path) if doctype == "secret" else doctype
    with zipfile.ZipFile(tmp_path / "plain.xlsx") as src, \
            zipfile.ZipFile(tmp_path / "x.xlsx", "w") as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":  # openpyxl writes inline strings
                data = data.decode().replace("<worksheet", doctype.replace("kml", "worksheet")
                                             + "<worksheet", 1).replace("MARK", ref)
            out.writestr(info, data)
    start = time.monotonic()
    assert leak not in read_or_refuse(tmp_path / "x.xlsx")
    assert time.monotonic() - start < 30  # expanded: minutes and gigabytes


def test_osm_xml_entities_are_refused(tmp_path):
    from gis.network.osm import read_walkable_ways

    path = tmp_path / "x.osm"
    path.write_text(f'<?xml version="1.0"?>{secret(tmp_path).replace("kml", "osm")}'
                    '<osm version="0.6"><node id="1" lat="24.5" lon="118.1"><tag k="name" v="&s;"/>'
                    '</node></osm>', encoding="utf-8")
    with pytest.raises(GisError, match="entities are not supported"):
        read_walkable_ways(path)


@pytest.mark.parametrize("text, message", [
    ('<?xml version="1.0"?><gpx/>', "layer waypoints\\) contains no features"),
    ("not xml at all", "cannot be read"),
])
def test_an_empty_or_broken_gpx_is_refused_clearly(tmp_path, text, message):
    """GPX is read (tests/gis/test_io_gpx.py); one without waypoints or one that is not GPX says so."""
    path = tmp_path / "track.gpx"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataReadError, match=message):
        inspect_file(path)


# -- the command line -----------------------------------------------------------------------
@pytest.fixture
def config(tmp_path, monkeypatch):
    """A settings folder for the command line; caps and warning routing restored after."""
    folder = tmp_path / "config"
    folder.mkdir()
    monkeypatch.setenv("OCP_CONFIG_DIR", str(folder))
    yield folder
    limits.configure(None)
    logging.captureWarnings(False)


def test_cli_applies_the_read_limits_setting(tmp_path, config, capsys):
    (config / "settings.json").write_text(json.dumps({"read_limits": {"max_columns": 2}}))
    path = tmp_path / "p.csv"
    path.write_text("名称,经度,纬度\na,118.1,24.5\n", encoding="utf-8")
    assert cli.run(["inspect", str(path), "--json", "--no-memory"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "max_columns = 2" in err and "read_limits" in err


def test_cli_prints_no_library_warnings(shp, config, capsys, monkeypatch):
    real = gdal_read.pyogrio.read_info

    def noisy(*args, **kwargs):
        warnings.warn("Warning 1: a GDAL complaint", RuntimeWarning)
        return real(*args, **kwargs)

    monkeypatch.setattr(gdal_read.pyogrio, "read_info", noisy)
    assert cli.run(["inspect", str(shp), "--json", "--no-memory"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert json.loads(out)["features"] == 3
