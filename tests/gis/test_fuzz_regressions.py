"""What the fuzz test (test_io_fuzz.py) found, one small test per finding, named after the seed
and case that found it (``OCP_FUZZ_SEED=S OCP_FUZZ_CASE=fmt:i`` replays the original)."""

from __future__ import annotations

import json
import re
import time
import zipfile

import numpy as np
import pandas as pd
import pytest
import shapely

from gis.errors import CrsError, DataReadError
from gis.io import inspect_file, read_layer
from gis.io.tables import find_xy
from tests.gis.io_samples import NAMES, compounds, write_shp, zip_files


def test_seed20261202_shp9_nul_byte_in_cpg_falls_back_to_detection(tmp_path):
    shp = write_shp(compounds(), tmp_path / "a.shp", encoding="GBK")
    shp.with_suffix(".cpg").write_bytes(b"\0GBK")  # was: ValueError: embedded null character
    report = inspect_file(shp)
    assert report.data["小区名称"].tolist() == NAMES and report.encoding.source != "cpg"


def test_seed20261202_xlsx8_workbook_listing_no_sheets(tmp_path):
    path = tmp_path / "a.xlsx"
    pd.DataFrame({"名称": NAMES, "经度": [116.36] * 3, "纬度": [39.91] * 3}).to_excel(path, index=False)
    with zipfile.ZipFile(path) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    members["xl/workbook.xml"] = re.sub(rb"<sheet [^>]*/>", b"", members["xl/workbook.xml"])
    with zipfile.ZipFile(path, "w") as zf:
        for name, body in members.items():
            zf.writestr(name, body)
    with pytest.raises(DataReadError, match="not a readable Excel .xlsx workbook .no worksheets"):
        inspect_file(path)  # was: AssertionError("unreachable")


def test_seed1_shpzip67_member_name_flagged_utf8_but_not(tmp_path):
    shp = write_shp(compounds(), tmp_path / "src" / "a.shp")
    archive = zip_files(tmp_path / "a.zip", [shp])
    data = bytearray(archive.read_bytes())
    name_at = data.index(b"a.shp", data.index(b"PK\x01\x02"))
    data[name_at] = 0xFF  # the central directory's name is no longer UTF-8 (flag 0x800 is set)
    data[data.index(b"PK\x01\x02") + 8] |= 0x08
    archive.write_bytes(bytes(data))
    with pytest.raises(DataReadError, match="not a readable zip archive"):
        inspect_file(archive)  # was: UnicodeDecodeError


@pytest.mark.parametrize("lat", ["99999999999999999999999", "-Infinity", ""])
def test_seed1_osm39_coordinate_that_is_not_a_number(tmp_path, lat):
    from gis.network.osm import network_from_osm

    path = tmp_path / "a.osm"
    path.write_text(f'<?xml version="1.0"?><osm version="0.6"><node id="1" lat="{lat}" lon="116.3"/>'
                    '<node id="2" lat="39.9" lon="116.4"/><way id="1"><nd ref="1"/><nd ref="2"/>'
                    '<tag k="highway" v="footway"/></way></osm>', encoding="utf-8")
    with pytest.raises(DataReadError, match="Cannot read the OSM file"):
        network_from_osm(path)  # was: osmium InvalidLocationError


def _geojson(tmp_path, properties: list[dict]):
    gdf = compounds()
    fc = json.loads(gdf.to_json())
    for feature, props in zip(fc["features"], properties):
        feature["properties"].update(props)
    path = tmp_path / "a.geojson"
    path.write_text(json.dumps(fc, ensure_ascii=False), encoding="utf-8")
    return path


def test_seed1_geojson26_arrays_and_objects_in_properties_become_json_text(tmp_path):
    path = _geojson(tmp_path, [{"户数": [], "照片": ["a.jpg", "b.jpg"], "地址": {"街道": "金融街"}},
                               {"照片": [1, 2]}, {}])
    layer = read_layer(path)  # was: TypeError: unhashable type: 'list'
    assert layer.data["照片"].tolist()[:2] == ['["a.jpg", "b.jpg"]', '["1", "2"]']  # GDAL: a string list
    assert layer.data["地址"][0] == '{"街道": "金融街"}'


def test_seed1_geojson92_count_too_large_for_an_integer_is_left_empty(tmp_path):
    path = _geojson(tmp_path, [{"户数": 99999999999999999999999}, {"户数": 1e300}, {}])
    assert inspect_file(path).features == 3  # was: OverflowError: Python int too large to convert to C long
    layer = read_layer(path, fields={"name": "小区名称", "households": "户数"})
    assert layer.data["户数"].tolist()[2] == 96 and layer.data["户数"].isna().tolist() == [True, True, False]
    assert any("2 values in '户数' could not be read" in w for w in layer.source.warnings)


def test_seed2_shp283_duplicate_field_names_are_numbered(tmp_path):
    shp = write_shp(compounds()[["户数", "层数", "geometry"]], tmp_path / "a.shp")
    dbf = shp.with_suffix(".dbf")
    data = dbf.read_bytes().replace("层数".encode(), "户数".encode(), 1)  # two fields named 户数
    dbf.write_bytes(data)
    report = inspect_file(shp)  # was: AttributeError: 'DataFrame' object has no attribute 'dtype'
    assert [f["name"] for f in report.fields()] == ["户数", "户数_2"]


def test_seed2_csv118_a_header_repeating_coordinate_names_is_found_in_linear_time():
    columns = ["名称", "经度", "纬度"] * 3000
    start = time.perf_counter()
    assert find_xy(columns) == ("经度", "纬度", "lon", None)  # was: 9 million pairs, a hang
    assert time.perf_counter() - start < 1.0


def test_seed20261202_osm10000_a_way_listed_3000_times_draws_one_band(tmp_path):
    """service-areas on an OSM file repeating one way 3,000 times ran for minutes (noding)."""
    from gis.network.polygons import band_polygon

    line = shapely.LineString([(0, 0), (100, 0), (100, 100)])
    lines = np.array([line] * 1500 + [line.reverse()] * 1500, dtype=object)
    start = time.perf_counter()
    band = band_polygon(lines, width=30.0, quad_segs=8)
    assert time.perf_counter() - start < 5.0
    assert band.area == pytest.approx(band_polygon(np.array([line]), width=30.0, quad_segs=8).area)



def test_seed3_shp30_prj_naming_an_ellipsoid_of_another_planet_is_ignored(tmp_path):
    shp = write_shp(compounds(), tmp_path / "a.shp")
    prj = shp.with_suffix(".prj")
    prj.write_text(re.sub(r'SPHEROID\["[^"]*",[^,]+,', 'SPHEROID["CGCS-1",1,', prj.read_text()))  # a = 1 m
    report = inspect_file(shp)  # was: ProjError: Non-Earth body vs Earth
    assert report.crs.epsg == 4490 and report.crs.source == "inferred"
    assert any("cannot be converted to WGS 84" in w for w in report.warnings)
    with pytest.raises(CrsError, match="Unknown coordinate system"):
        inspect_file(shp, source_crs=prj.read_text())


def test_seed3_osm99_one_node_far_away_makes_no_grid_of_a_billion_cells():
    """A node typed as lon="0" in a Beijing OSM file: the node grid of the walking search
    allocated 5.5 GB for its empty buckets."""
    from gis.network.distance import _NodeGrid

    grid = _NodeGrid(np.array([[0.0, 0.0], [100.0, 100.0], [1.0e7, 5.0e6]]), 250.0)
    assert grid.ncol * grid.nrow > 7e8 and grid.keys.nbytes < 100
    assert sorted(grid.covering(np.array([-10.0, -10.0]), np.array([110.0, 110.0]))) == [0, 1]
    assert grid.covering(np.array([1e7 - 1, 5e6 - 1]), np.array([1e7 + 1, 5e6 + 1])).tolist() == [2]


def test_seed4_csv703_rows_longer_than_the_header_keep_their_columns(tmp_path):
    """Rows with more fields than the header (a trailing comma, as Excel writes them) made their
    first cells a row index: columns shifted ('contains no features'), and a wide damaged file
    with a 1,000-level index took 40 s."""
    path = tmp_path / "a.csv"
    path.write_text("名称,经度,纬度\n阳光花园,116.36,39.91,\n幸福里,116.37,39.92,\n", encoding="utf-8")
    report = inspect_file(path)
    assert report.data["名称"].tolist() == ["阳光花园", "幸福里"]
    assert report.data.geometry.x.tolist() == [116.36, 116.37]
    wide = tmp_path / "wide.csv"
    wide.write_text(",".join(f"c{i}" for i in range(300)) + "\n" + ",".join(["1"] * 900) + "\n")
    start = time.perf_counter()
    with pytest.raises(DataReadError, match="no coordinate columns"):
        inspect_file(wide)
    assert time.perf_counter() - start < 5.0


def test_seed5_kmz635_a_kmz_linking_its_layer_again_and_again_is_refused_at_the_layer_cap(tmp_path):
    """2 KB of KMZ whose doc.kml repeats one NetworkLink: 3,001 layers, each opening (and
    parsing) all of them again: hours. Now refused after one look, naming the cap."""
    from gis.io.limits import LimitExceeded, active

    link = '<NetworkLink><name>a</name><Link><href>layers/a.kml</href></Link></NetworkLink>'
    layer = compounds().to_crs(4326)
    path = tmp_path / "a.kmz"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("doc.kml", '<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/'
                               'kml/2.2"><Document>' + link * 300 + "</Document></kml>")
        zf.writestr("layers/a.kml", _kml_text(layer))
    start = time.perf_counter()
    with pytest.raises(LimitExceeded, match=f"max_layers = {active().max_layers} .found [0-9]+"):
        inspect_file(path)
    assert time.perf_counter() - start < 15.0


def _kml_text(gdf) -> str:
    import tempfile
    from pathlib import Path

    import pyogrio

    path = Path(tempfile.mkdtemp()) / "a.kml"
    pyogrio.write_dataframe(gdf, path, driver="KML")
    return path.read_text(encoding="utf-8")


def test_seed7_gdb586_a_table_without_geometries_is_skipped_or_named(tmp_path):
    """The first layer of a GeoPackage (or a damaged .gdb catalogue) can be an attribute table:
    it was read as the layer and failed with AttributeError: 'DataFrame' has no 'crs'."""
    import pyogrio

    path = tmp_path / "a.gpkg"
    pyogrio.write_dataframe(pd.DataFrame({"编号": [1, 2]}), path, layer="属性表")
    pyogrio.write_dataframe(compounds(), path, layer="小区")
    report = inspect_file(path)
    assert report.layer == "小区" and report.features == 3
    with pytest.raises(DataReadError, match="layer '属性表' is a table without geometries. Choose a "
                                            "layer with geometries: 小区"):
        inspect_file(path, layer="属性表")


def test_seed9_shpzip348_a_member_marked_lzma_with_other_data(tmp_path):
    archive = tmp_path / "a.zip"
    with zipfile.ZipFile(archive, "w") as zf:  # stored, then marked as method 14 (LZMA)
        zf.writestr("a.csv", b"\x09\x14\x05\x00" + b"\xff" * 5 + "名称,经度,纬度\n".encode())
    data = bytearray(archive.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        at = data.index(signature) + offset
        data[at:at + 2] = (14).to_bytes(2, "little")
    archive.write_bytes(bytes(data))
    with pytest.raises(DataReadError, match="not a readable zip archive"):
        inspect_file(archive)  # was: _lzma.LZMAError: Invalid or unsupported options


def test_seed10_pbf644_damaged_tags_do_not_crash_the_process(tmp_path):
    """osmium's KeyFilter died with SIGSEGV on this damaged PBF (run in a child process, so
    that a crash fails this test instead of ending the test run)."""
    import subprocess
    import sys
    from pathlib import Path

    from tests.gis.fuzz_runner import make_case
    from tests.gis.fuzz_samples import build

    case = make_case(build("pbf", tmp_path / "sample"), 10, 644, tmp_path / "case")
    code = ("import sys\nfrom gis.errors import DataReadError\nfrom gis.network.osm import network_from_osm\n"
            "try:\n    network_from_osm(sys.argv[1])\nexcept DataReadError as exc:\n    print(exc.message)\n")
    out = subprocess.run([sys.executable, "-c", code, str(case.target)], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parents[2], timeout=120)
    assert out.returncode == 0, out.stderr[-500:]
    assert "Cannot read the OSM file" in out.stdout
