"""Broken and awkward inputs: each gives a clear, typed message or a repaired layer — never a
crash. One test per kind, as planners meet them."""

from __future__ import annotations

import json
import os

import pandas as pd
import pyogrio
import pytest

from gis.errors import Cancelled, CrsError, DataReadError
from gis.feedback import Feedback
from gis.io import build_layer, inspect_file, read_layer
from tests.gis.io_samples import NAMES, compounds, gk_points, shp_parts, write_shp, zip_files


@pytest.fixture
def shp(tmp_path):
    """A good GBK shapefile (three compounds) to break."""
    return write_shp(compounds(), tmp_path / "good" / "小区.shp", encoding="GBK", cpg=False, ldid=0x4D)


def names(report) -> list[str]:
    return report.data.iloc[:, 0].tolist()


# -- shapefile parts ------------------------------------------------------------------------
def test_missing_shx_is_rebuilt_without_touching_the_folder(shp):
    shp.with_suffix(".shx").unlink()
    report = inspect_file(shp)
    assert report.repairs["shx_rebuilt"] == 1 and names(report) == NAMES
    assert not shp.with_suffix(".shx").exists()  # the user's folder is left as it was


def test_missing_dbf_gives_geometries_only(shp):
    shp.with_suffix(".dbf").unlink()
    report = inspect_file(shp)
    assert report.features == 3 and report.fields() == []
    assert any(".dbf) is missing" in w for w in report.warnings)


def test_missing_prj_is_inferred(shp):
    shp.with_suffix(".prj").unlink()
    report = inspect_file(shp)
    assert report.crs.source == "inferred" and report.crs.epsg == 4490 and report.crs.needs_choice


def test_garbage_prj_is_reported_and_inferred(shp):
    shp.with_suffix(".prj").write_text("this is not a projection")
    report = inspect_file(shp)
    assert report.crs.source == "inferred" and report.crs.epsg == 4490
    assert any(".prj file could not be understood" in w for w in report.warnings)


def test_missing_shp(shp):
    shp.unlink()
    with pytest.raises(DataReadError, match="its .dbf exists: the shapefile has no geometries"):
        inspect_file(shp)
    with pytest.raises(DataReadError, match="whose .shp is missing"):
        inspect_file(shp.with_suffix(".dbf"))


def test_truncated_shp_drops_the_cut_features(shp):
    data = shp.read_bytes()
    shp.write_bytes(data[:-40])  # the last polygon loses its end
    report = inspect_file(shp)
    assert report.features == 2 and report.repairs["truncated_dropped"] == 1
    assert any("cut off" in w for w in report.warnings)


def test_shp_cut_inside_its_header(shp):
    shp.write_bytes(shp.read_bytes()[:50])
    with pytest.raises(DataReadError, match="header is damaged or cut off"):
        inspect_file(shp)


def test_truncated_dbf_reads_the_whole_records_and_says_what_was_lost(shp):
    dbf = shp.with_suffix(".dbf")
    dbf.write_bytes(dbf.read_bytes()[:-30])
    report = inspect_file(shp)
    assert names(report) == NAMES[:2]
    assert report.repairs["dbf_records_missing_dropped"] == 1
    assert any("says 3 records but the file holds 2" in w for w in report.warnings)
    assert any("1 feature has no record in the .dbf" in w for w in report.warnings)


def test_zero_features(tmp_path):
    empty = compounds().iloc[:0]
    path = tmp_path / "empty.gpkg"
    pyogrio.write_dataframe(empty, path, layer="小区")
    with pytest.raises(DataReadError, match="contains no features"):
        inspect_file(path)


def test_dbf_in_the_wrong_encoding(tmp_path):
    path = write_shp(compounds(), tmp_path / "a.shp", encoding="GBK", cpg=False)
    path.with_suffix(".cpg").write_text("UTF-8")  # the .cpg lies
    report = inspect_file(path)
    assert names(report) == NAMES and any("says UTF-8" in w for w in report.warnings)


def test_utf8_dbf_with_a_gbk_language_driver(tmp_path):
    path = write_shp(compounds().rename(columns={"小区名称": "名称"}), tmp_path / "a.shp",
                     encoding="UTF-8", cpg=False, ldid=0x4D)
    report = inspect_file(path)
    assert report.encoding.name == "UTF-8" and names(report) == NAMES


def test_upper_case_extensions(shp):
    for part in shp_parts(shp):
        part.rename(part.with_suffix(part.suffix.upper()))
    report = inspect_file(shp.with_suffix(".SHP"))
    assert names(report) == NAMES and report.encoding.source == "ldid"


def test_non_ascii_path(tmp_path):
    path = write_shp(compounds(), tmp_path / "数据" / "小区边界.shp", encoding="GBK", cpg=False)
    layer = read_layer(path)
    assert layer.name == "小区边界" and layer.data.iloc[:, 0].tolist() == NAMES


# -- geometry ---------------------------------------------------------------------------------
def _geojson(tmp_path, features, name="a.geojson"):
    path = tmp_path / name
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"名称": f"{i}号"}, "geometry": g}
        for i, g in enumerate(features)]}, ensure_ascii=False), encoding="utf-8")
    return path


SQUARE = {"type": "Polygon", "coordinates": [[[116.36, 39.91], [116.37, 39.91], [116.37, 39.92],
                                              [116.36, 39.92], [116.36, 39.91]]]}
BOWTIE = {"type": "Polygon", "coordinates": [[[116.36, 39.91], [116.37, 39.92], [116.37, 39.91],
                                              [116.36, 39.92], [116.36, 39.91]]]}


def test_mixed_geometry_types(tmp_path):
    path = _geojson(tmp_path, [SQUARE, SQUARE | {"coordinates": [[[x + 0.02, y] for x, y in
                                                                  SQUARE["coordinates"][0]]]},
                               {"type": "Point", "coordinates": [116.36, 39.91]},
                               {"type": "LineString", "coordinates": [[116.36, 39.91], [116.4, 39.9]]}])
    report = inspect_file(path)
    assert report.family == "polygon" and report.features == 2
    assert report.repairs["other_type_dropped"] == 2
    assert any("mixes geometry types" in w for w in report.warnings)


def test_self_intersection_is_repaired(tmp_path):
    report = inspect_file(_geojson(tmp_path, [BOWTIE, SQUARE]))
    assert report.repairs["invalid_fixed"] == 1 and report.data.is_valid.all()


def test_null_and_empty_geometries_are_dropped(tmp_path):
    report = inspect_file(_geojson(tmp_path, [SQUARE, None, {"type": "Polygon", "coordinates": []}]))
    assert report.features == 1 and report.repairs["empty_dropped"] == 2


def test_all_geometries_unusable(tmp_path):
    with pytest.raises(DataReadError, match="None of the 2 features .* has a usable geometry"):
        inspect_file(_geojson(tmp_path, [None, None]))


def test_z_values_are_dropped(tmp_path):
    cube = {"type": "Polygon", "coordinates": [[[x, y, 12.5] for x, y in SQUARE["coordinates"][0]]]}
    report = inspect_file(_geojson(tmp_path, [cube]))
    assert report.repairs["z_dropped"] == 1 and not report.data.has_z.any()


def test_duplicates_are_flagged_in_the_layer(tmp_path):
    layer = build_layer(inspect_file(_geojson(tmp_path, [SQUARE, SQUARE, BOWTIE])))
    assert layer.source.repairs["duplicates"] == 1
    flags = layer.data["duplicate_of"]
    assert flags.isna().tolist() == [True, False, True] and flags.iloc[1] == 0


# -- coordinates ---------------------------------------------------------------------------------
def test_coordinates_that_do_not_fit_the_declared_crs(tmp_path):
    wrong = gk_points(prefix=39).set_crs("EPSG:4326")  # GK numbers under a lon/lat .prj
    path = write_shp(wrong, tmp_path / "a.shp")
    with pytest.raises(CrsError, match="do not fit .*EPSG:4326.*look like EPSG:4527"):
        inspect_file(path)


def test_a_few_coordinates_out_of_range_are_dropped(tmp_path):
    path = tmp_path / "pts.csv"
    pd.DataFrame({"名称": ["甲", "乙", "丙", "丁"], "经度": [116.36, 116.37, 116.38, 116.37],
                  "纬度": [39.91, 39.92, 239.9, 39.93]}).to_csv(path, index=False)  # 239.9: a typo
    report = inspect_file(path)
    assert report.features == 3 and report.repairs["out_of_range_dropped"] == 1
    assert report.crs.epsg == 4490


def test_lat_lon_typed_the_other_way_round(tmp_path):
    path = tmp_path / "pts.csv"
    pd.DataFrame({"名称": ["甲"], "经度": [39.91], "纬度": [116.36]}).to_csv(path, index=False)
    report = inspect_file(path)
    assert report.data.geometry.x.iloc[0] == 116.36
    assert any("other way round" in w for w in report.warnings)


def test_csv_rows_without_coordinates_are_dropped(tmp_path):
    path = tmp_path / "pts.csv"
    path.write_text("名称,经度,纬度\n甲,116.36,39.91\n乙,,\n丙,不详,39.9\n", encoding="utf-8")
    report = inspect_file(path)
    assert report.features == 1 and report.repairs["no_coordinates_dropped"] == 2


def test_csv_without_coordinate_columns(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("名称,地址\n阳光花园,光明街1号\n", encoding="utf-8")
    with pytest.raises(DataReadError, match="no coordinate columns. Found: 名称, 地址"):
        inspect_file(path)


def test_gcj02_marked_on_projected_data(tmp_path):
    path = write_shp(compounds("EPSG:4548"), tmp_path / "a.shp")
    with pytest.raises(CrsError, match="applies only to lon/lat"):
        inspect_file(path, source_crs="gcj02")


def test_unknown_source_crs(shp):
    with pytest.raises(CrsError, match="Unknown coordinate system 'EPSG:99999999'"):
        inspect_file(shp, source_crs="EPSG:99999999")


def test_undeterminable_crs_refuses_to_build(tmp_path):
    path = write_shp(gk_points(x0=1_000.0, y0=2_000.0), tmp_path / "cad.shp", prj=False)
    report = inspect_file(path)
    assert report.crs.needs_choice and report.to_json()["crs"]["epsg"] is None
    with pytest.raises(CrsError, match="cannot be told from the file"):
        read_layer(path)


# -- files that are not what they claim -----------------------------------------------------------
def test_unsupported_file_type(tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(b"PK\x03\x04 not a gis file")
    with pytest.raises(DataReadError, match=r"\(\.docx\) is not supported. Import one of"):
        inspect_file(path)


def test_old_excel(tmp_path):
    path = tmp_path / "a.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(DataReadError, match="Save it as .xlsx"):
        inspect_file(path)


def test_missing_file(tmp_path):
    with pytest.raises(DataReadError, match="does not exist"):
        inspect_file(tmp_path / "nowhere.gpkg")


def test_empty_file(tmp_path):
    path = tmp_path / "a.geojson"
    path.write_bytes(b"")
    with pytest.raises(DataReadError, match="is empty"):
        inspect_file(path)


def test_truncated_geojson(tmp_path):
    path = _geojson(tmp_path, [SQUARE])
    path.write_bytes(path.read_bytes()[:60])
    with pytest.raises(DataReadError, match="cannot be read"):
        inspect_file(path)


def test_corrupt_geopackage(tmp_path):
    path = tmp_path / "a.gpkg"
    path.write_bytes(os.urandom(4096))
    with pytest.raises(DataReadError, match="cannot be read"):
        inspect_file(path)


def test_geopackage_layer_that_does_not_exist(tmp_path):
    path = tmp_path / "a.gpkg"
    pyogrio.write_dataframe(compounds(), path, layer="小区")
    with pytest.raises(DataReadError, match="has no layer '建筑'. It has: 小区"):
        inspect_file(path, layer="建筑")


def test_empty_zip(tmp_path):
    path = tmp_path / "a.zip"
    zip_files(path, [])
    with pytest.raises(DataReadError, match="contains no file that can be imported"):
        inspect_file(path)


def test_corrupt_zip(tmp_path):
    path = tmp_path / "a.zip"
    path.write_bytes(b"PK\x03\x04" + os.urandom(200))
    with pytest.raises(DataReadError, match="not a readable zip archive"):
        inspect_file(path)


def test_zip_with_gbk_member_names(shp, tmp_path):
    path = zip_files(tmp_path / "数据.zip", shp_parts(shp), gbk_names=True, folder="成果")
    report = inspect_file(path)
    assert report.layer == "小区" and names(report) == NAMES


def test_excel_file_that_is_not_excel(tmp_path):
    path = tmp_path / "a.xlsx"
    path.write_text("名称,经度,纬度\n", encoding="utf-8")
    with pytest.raises(DataReadError, match="not an Excel .xlsx workbook .an .xlsx file is a zip archive"):
        inspect_file(path)


def test_excel_sheet_without_coordinates(tmp_path):
    path = tmp_path / "a.xlsx"
    pd.DataFrame({"名称": ["阳光花园"], "户数": [320]}).to_excel(path, index=False)
    with pytest.raises(DataReadError, match="no coordinate columns. Found: 名称, 户数"):
        inspect_file(path)


def test_a_plain_folder(tmp_path):
    (tmp_path / "资料").mkdir()
    with pytest.raises(DataReadError, match="is a folder"):
        inspect_file(tmp_path / "资料")


def test_kml_without_placemarks(tmp_path):
    path = tmp_path / "a.kml"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2">'
                    "<Document><name>空</name></Document></kml>", encoding="utf-8")
    with pytest.raises(DataReadError, match="contains no"):
        inspect_file(path)


# -- long work stays responsive -----------------------------------------------------------------------
def test_cancel_is_honoured_and_progress_reported(shp):
    seen = []
    with pytest.raises(Cancelled):
        inspect_file(shp, feedback=Feedback(lambda f, m: seen.append(f), lambda: True))
    progress = []
    read_layer(shp, feedback=Feedback(lambda f, m: progress.append(f)))
    assert progress and max(progress) == pytest.approx(1.0) and progress == sorted(progress)


def test_temporary_copies_are_cleaned_up(shp, tmp_path, monkeypatch):
    import tempfile

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    shp.with_suffix(".shx").unlink()
    inspect_file(zip_files(tmp_path / "a.zip", shp_parts(shp)))
    inspect_file(shp)
    assert list(scratch.iterdir()) == []


def test_prj_with_gbk_names(tmp_path):
    from pyproj import CRS

    path = write_shp(compounds("EPSG:2383"), tmp_path / "a.shp", encoding="GBK")
    wkt = CRS.from_epsg(2383).to_wkt("WKT1_ESRI").replace("Xian_1980_3_Degree_GK_CM_114E", "西安80_114E")
    path.with_suffix(".prj").write_bytes(wkt.encode("gbk"))
    report = inspect_file(path)
    assert report.crs.source == "prj" and report.crs.crs.name == "西安80_114E"
    assert report.repairs["prj_recoded"] == 1 and report.bounds_wgs84[0] == pytest.approx(116.36, abs=1e-4)


def test_damaged_geometry_record_is_mended_not_fatal(shp):
    data = bytearray(shp.read_bytes())
    data[-8:] = (12.5).hex().encode()[:8]  # the last vertex no longer closes the last ring
    shp.write_bytes(bytes(data))
    report = inspect_file(shp)
    assert report.features == 3 and report.data.is_valid.all()


def test_random_damage_never_crashes(tmp_path):
    """Flip and cut bytes of every part of good files: a typed error or a layer, nothing else."""
    import random

    from gis.errors import GisError

    base = tmp_path / "base"
    good = write_shp(compounds(), base / "a.shp", encoding="GBK", cpg=False, ldid=0x4D)
    pyogrio.write_dataframe(compounds(), base / "a.gpkg")
    (base / "a.geojson").write_text(compounds().to_json(ensure_ascii=False), encoding="utf-8")
    pd.DataFrame({"名称": NAMES, "经度": [116.36] * 3, "纬度": [39.91] * 3}).to_excel(base / "a.xlsx")
    zip_files(base / "z.zip", shp_parts(good))
    parts = sorted(p.name for p in base.iterdir())
    rng = random.Random(5)
    for i in range(40):
        victim = base / rng.choice(parts)
        original = victim.read_bytes()
        data = bytearray(original)
        for _ in range(rng.randint(1, 6)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        victim.write_bytes(bytes(data[: rng.randrange(len(data) + 1)] if i % 3 == 0 else data))
        target = good if victim.stem == "a" and victim.suffix in (".shp", ".shx", ".dbf", ".prj") else victim
        try:
            inspect_file(target)
        except GisError:
            pass
        finally:
            victim.write_bytes(original)
