"""Every supported format read end to end: shp, zip, gpkg, GeoJSON, KML/KMZ, .gdb, DXF, CSV, XLSX."""

from __future__ import annotations

import json
import warnings

import ezdxf
import openpyxl
import pandas as pd
import pyogrio
import pytest

from gis.domain import FieldRole, Role
from gis.io import inspect_file, list_layers, read_layer
from tests.gis.io_samples import NAMES, compounds, facilities, shp_parts, write_shp, zip_files


def _write(gdf, path, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # GDAL's notes on field types of some drivers
        pyogrio.write_dataframe(gdf, path, **kw)
    return path


def test_shapefile(tmp_path):
    r = inspect_file(write_shp(compounds(), tmp_path / "小区.shp", encoding="GBK"))
    assert (r.driver, r.features, r.geometry_type, r.crs.source) == ("ESRI Shapefile", 3, "Polygon", "prj")
    assert r.sample()[0] == {"name": "阳光花园", "build_year": 1985, "households": 320, "floors": 6,
                             "elevator": False}


def test_zipped_shapefile_in_a_folder(tmp_path):
    shp = write_shp(compounds(), tmp_path / "src" / "小区.shp", encoding="GBK", cpg=False, ldid=0x4D)
    archive = zip_files(tmp_path / "data.zip", shp_parts(shp), folder="成果")
    r = inspect_file(archive)
    assert r.features == 3 and r.encoding.source == "ldid" and r.data.iloc[0, 0] == NAMES[0]
    assert [i.name for i in list_layers(archive)] == ["小区"]


def test_zip_with_several_datasets_offers_them_as_layers(tmp_path):
    a = write_shp(compounds(), tmp_path / "src" / "a.shp")
    b = _write(facilities(), tmp_path / "src" / "b.geojson")
    archive = zip_files(tmp_path / "two.zip", shp_parts(a) + [b])
    assert [i.name for i in list_layers(archive)] == ["a.shp", "b.geojson"]
    r = inspect_file(archive, layer="b.geojson")
    assert r.features == 5 and r.layer == "b.geojson" and r.layers == ["a.shp", "b.geojson"]
    first = inspect_file(archive)
    assert first.layer == "a.shp" and first.features == 3


def test_geopackage_layer_choice(tmp_path):
    gpkg = _write(compounds(), tmp_path / "a.gpkg", layer="小区")
    _write(facilities(), gpkg, layer="设施")
    layers = list_layers(gpkg)
    assert [(i.name, i.features) for i in layers] == [("小区", 3), ("设施", 5)]
    default = inspect_file(gpkg)
    assert default.layer == "小区" and any("2 layers" in w for w in default.warnings)
    chosen = inspect_file(gpkg, layer="设施")
    assert chosen.role is Role.FACILITIES and chosen.crs.source == "metadata"


def test_geojson_legacy_crs_member(tmp_path):
    gdf = compounds("EPSG:32650")
    fc = json.loads(gdf.to_json())
    fc["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32650"}}
    path = tmp_path / "utm.geojson"
    path.write_text(json.dumps(fc, ensure_ascii=False), encoding="utf-8")
    r = inspect_file(path)
    assert r.crs.epsg == 32650 and r.crs.source == "metadata"
    assert r.bounds_wgs84[0] == pytest.approx(116.36, abs=1e-4)


def _without_crs_member(gdf) -> str:
    fc = json.loads(gdf.to_json())
    fc.pop("crs", None)
    return json.dumps(fc, ensure_ascii=False)


def test_geojson_without_crs_member_is_inferred(tmp_path):
    path = tmp_path / "plain.json"
    path.write_text(_without_crs_member(compounds()), encoding="utf-8")
    r = inspect_file(path)
    assert r.crs.source == "inferred" and r.crs.epsg == 4326  # RFC 7946
    gk = tmp_path / "gk.geojson"  # GK numbers exported without a crs member
    gk.write_text(_without_crs_member(compounds("EPSG:4527")), encoding="utf-8")
    r = inspect_file(gk)
    assert r.crs.epsg == 4527 and r.crs.source == "inferred"


def test_geojson_in_gbk(tmp_path):
    path = tmp_path / "gbk.geojson"
    path.write_bytes(compounds().to_json(ensure_ascii=False).encode("gbk"))
    r = inspect_file(path)
    assert r.encoding.name == "GB18030" and r.data["小区名称"].tolist() == NAMES


@pytest.mark.parametrize("suffix, driver", [(".kml", "KML"), (".kmz", "LIBKML")])
def test_kml_and_kmz(tmp_path, suffix, driver):
    path = _write(compounds().to_crs(4326), tmp_path / f"a{suffix}", driver=driver)
    r = inspect_file(path)
    assert r.features == 3 and r.crs.epsg == 4326 and r.crs.source == "metadata"
    assert r.field_map[FieldRole.NAME] == "小区名称" and r.data["小区名称"].tolist() == NAMES
    assert "tessellate" not in r.data.columns  # KML bookkeeping columns are dropped


def test_file_geodatabase_folder_and_a_file_inside(tmp_path):
    gdb = _write(compounds("EPSG:4548"), tmp_path / "成果.gdb", layer="XQ", driver="OpenFileGDB")
    _write(facilities().to_crs(4548), gdb, layer="SS", driver="OpenFileGDB")
    r = inspect_file(gdb, layer="XQ")
    assert r.driver == "OpenFileGDB" and r.crs.epsg == 4548 and r.crs.source == "metadata"
    inner = next(p for p in gdb.iterdir() if p.suffix == ".gdbtable")
    assert inspect_file(inner, layer="SS").features == 5  # picking a file in the folder works
    assert {i.name for i in list_layers(gdb)} == {"XQ", "SS"}


def _dxf(path, *, version="R2010", codepage=None, origin=(39_500_000.0, 4_400_000.0)):
    """A drawing in GK zone 39 coordinates (with prefix), as survey institutes deliver them."""
    doc = ezdxf.new(version)
    if codepage:
        doc.encoding = "cp936"
    msp = doc.modelspace()
    doc.layers.add("小区边界")
    doc.layers.add("道路")

    def at(*pts):
        return [(origin[0] + x, origin[1] + y) for x, y in pts]

    msp.add_lwpolyline(at((0, 0), (100, 0), (100, 80), (0, 80)), close=True,
                       dxfattribs={"layer": "小区边界"})
    msp.add_lwpolyline(at((200, 0), (300, 0), (300, 80), (200, 80), (200, 0)),  # closed by vertices
                       dxfattribs={"layer": "小区边界"})
    msp.add_text("阳光花园", dxfattribs={"layer": "小区边界", "insert": at((40, 40))[0]})
    msp.add_lwpolyline(at((0, 100), (300, 100)), dxfattribs={"layer": "道路"})
    doc.saveas(path)
    if codepage:  # ezdxf writes GBK text but keeps ANSI_1252 in the header
        path.write_bytes(path.read_bytes().replace(b"ANSI_1252", codepage.encode()))
    return path


def test_dxf_closed_polylines_become_polygons_with_layer_names(tmp_path):
    path = _dxf(tmp_path / "总图.dxf")
    r = inspect_file(path)
    assert r.family == "polygon" and r.features == 2
    assert r.crs.epsg == 4527 and r.crs.source == "inferred"  # zone 39 from the eastings
    assert r.data["Layer"].tolist() == ["小区边界", "小区边界"]
    assert r.data["Text"].tolist()[0] == "阳光花园"  # the label inside the outline
    assert r.field_map[FieldRole.NAME] == "Text" and r.role is Role.COMPOUNDS
    assert r.layers == ["小区边界", "道路"]
    assert r.data.geometry.area.tolist() == [8000.0, 8000.0]
    roads = inspect_file(path, layer="道路")
    assert roads.family == "line" and roads.features == 1 and roads.role is Role.ROADS


def test_dxf_r2000_in_gbk(tmp_path):
    path = _dxf(tmp_path / "old.dxf", version="R2000", codepage="ANSI_936")
    r = inspect_file(path, layer="小区边界")
    assert r.encoding.name == "GBK" and r.data["Text"].tolist()[0] == "阳光花园"


def test_dxf_whose_header_names_the_wrong_code_page(tmp_path):
    path = _dxf(tmp_path / "old.dxf", version="R2000", codepage="ANSI_1252")
    r = inspect_file(path, layer="小区边界")
    assert r.encoding.name == "GB18030" and r.data["Text"].tolist()[0] == "阳光花园"
    assert any("says CP1252" in w for w in r.warnings)


def test_dxf_local_coordinates_ask_for_a_crs(tmp_path):
    r = inspect_file(_dxf(tmp_path / "a.dxf", origin=(0.0, 0.0)))
    assert r.crs.crs is None and "local drawing" in " ".join(r.warnings)


def test_csv_with_chinese_headers_in_gbk(tmp_path):
    f = facilities()
    table = f.drop(columns="geometry").assign(经度=f.geometry.x, 纬度=f.geometry.y)
    path = tmp_path / "设施.csv"
    table.to_csv(path, index=False, encoding="gbk")
    r = inspect_file(path)
    assert r.encoding.name == "GB18030" and r.crs.epsg == 4490 and r.crs.source == "inferred"
    assert r.role is Role.FACILITIES and r.data["名称"].iloc[0] == "金台社区卫生服务站"
    assert r.data.geometry.x.iloc[0] == pytest.approx(f.geometry.x.iloc[0])


@pytest.mark.parametrize("xname, yname", [("lon", "lat"), ("lng", "lat"), ("longitude", "latitude"),
                                          ("WGS84_X", "WGS84_Y"), ("POINT_X", "POINT_Y")])
def test_csv_coordinate_column_names(tmp_path, xname, yname):
    path = tmp_path / "p.csv"
    pd.DataFrame({"name": ["a", "b"], xname: [116.1, 116.2], yname: [39.9, 39.8]}).to_csv(path, index=False)
    r = inspect_file(path)
    assert r.features == 2 and r.data.geometry.y.tolist() == [39.9, 39.8]


def test_csv_semicolons_and_dms(tmp_path):
    path = tmp_path / "dms.csv"
    path.write_text("名称;经度;纬度\n甲;116°23′45.6″E;39°54′27″N\n", encoding="utf-8")
    r = inspect_file(path)
    assert r.data.geometry.x.iloc[0] == pytest.approx(116 + 23 / 60 + 45.6 / 3600)
    assert r.data.geometry.y.iloc[0] == pytest.approx(39 + 54 / 60 + 27 / 3600)


def test_xlsx_with_title_rows_and_surveying_xy(tmp_path):
    f = facilities().to_crs("EPSG:4548")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "养老设施"
    ws.append(["某区养老服务设施一览表"])
    ws.append([])
    ws.append(["序号", "名称", "类型", "X坐标", "Y坐标"])
    for i, (name, cat, p) in enumerate(zip(f["名称"], f["类型"], f.geometry)):
        ws.append([i + 1, name, cat, round(p.y, 3), round(p.x, 3)])  # X north, Y east
    wb.create_sheet("说明").append(["本表由街道提供"])
    path = tmp_path / "设施.xlsx"
    wb.save(path)
    assert [i.name for i in list_layers(path)] == ["养老设施", "说明"]
    r = inspect_file(path, source_crs="EPSG:4548")
    assert r.layer == "养老设施" and r.features == 5 and r.role is Role.FACILITIES
    assert any("surveying convention" in w for w in r.warnings)
    lon = r.preview().geometry.x.iloc[0]
    assert lon == pytest.approx(facilities().geometry.x.iloc[0], abs=1e-7)


def test_xlsx_with_lonlat_reads_as_a_layer(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["小区名称", "经度", "纬度", "户数"])
    ws.append(["阳光花园", 116.361, 39.911, 320])
    path = tmp_path / "小区点.xlsx"
    wb.save(path)
    layer = read_layer(path, source_crs="cgcs2000")  # a table never says: the user answers
    assert layer.data.crs.to_epsg() == 4548 and layer.column(FieldRole.HOUSEHOLDS).tolist() == [320]


def test_encoding_choice_on_a_unicode_format_is_reported(tmp_path):
    gpkg = _write(compounds(), tmp_path / "a.gpkg", layer="小区")
    r = inspect_file(gpkg, encoding="GBK")
    assert r.data["小区名称"].tolist() == NAMES and any("encoding choice was not used" in w for w in r.warnings)


def test_large_layers_are_read_in_chunks(tmp_path, monkeypatch):
    from gis.errors import Cancelled
    from gis.feedback import Feedback
    from gis.io import gdal_read

    gpkg = _write(facilities(), tmp_path / "a.gpkg", layer="设施")
    monkeypatch.setattr(gdal_read, "CHUNK", 2)
    r = inspect_file(gpkg)
    assert r.data["名称"].tolist() == facilities()["名称"].tolist() and r.crs.epsg == 4490
    seen = []

    def cancelled() -> bool:  # the user presses Cancel once the second chunk is due
        return len(seen) >= 2

    with pytest.raises(Cancelled):
        inspect_file(gpkg, feedback=Feedback(lambda f, m: seen.append(f), cancelled))


def test_large_geopackages_are_read_in_id_ranges_across_gaps(tmp_path, monkeypatch):
    from gis.errors import Cancelled
    from gis.feedback import Feedback
    from gis.io import gdal_read

    many = facilities().iloc[[i % 5 for i in range(40)]].reset_index(drop=True)
    many["名称"] = [f"设施{i}" for i in range(40)]
    many["fid"] = [*range(1, 11), *range(30, 40), *range(1000, 1010), *range(5000, 5010)]  # ids with gaps
    gpkg = _write(many, tmp_path / "a.gpkg", layer="设施", fid="fid")
    monkeypatch.setattr(gdal_read, "CHUNK", 2)
    monkeypatch.setattr(gdal_read, "ID_RANGE", 4)
    reads = []
    plain_read = pyogrio.read_dataframe
    monkeypatch.setattr(pyogrio, "read_dataframe", lambda *a, **kw: reads.append(kw.get("where")) or plain_read(*a, **kw))
    frame = gdal_read.read_frame(gpkg)
    assert frame["名称"].tolist() == many["名称"].tolist() and frame.crs.to_epsg() == 4490
    assert frame.geometry.equals(many.geometry)
    assert reads[0] == '"fid" >= 1 AND "fid" < 5' and reads[-1] == '"fid" >= 85'  # past 2 × 40 ids: the rest at once
    seen = []

    def cancelled() -> bool:  # the user presses Cancel once the third range is due
        return len(seen) >= 3

    reads.clear()
    with pytest.raises(Cancelled):
        gdal_read.read_frame(gpkg, feedback=Feedback(lambda f, m: seen.append(f), cancelled))
    assert len(reads) == 2


def test_large_gbk_shapefiles_without_cpg_keep_their_names_in_chunks(tmp_path, monkeypatch):
    from gis.io import gdal_read

    shp = write_shp(compounds(), tmp_path / "小区.shp", encoding="GBK", cpg=False, ldid=0x4D)
    monkeypatch.setattr(gdal_read, "CHUNK", 1)
    r = inspect_file(shp)
    assert r.data["小区名称"].tolist() == NAMES and r.crs.epsg == 4490


@pytest.mark.parametrize("suffix", [".shp", ".gpkg"])
def test_reads_in_parts_keep_every_type_and_null_of_one_read(tmp_path, monkeypatch, suffix):
    import datetime as dt

    import geopandas as gpd
    import numpy as np
    from shapely.geometry import MultiPolygon, Point, box

    from gis.io import gdal_read

    n = 11  # parts of 3: nulls fill whole parts of some columns, and only some parts of others
    frame = gpd.GeoDataFrame({
        "名称": [None, None, None] + [f"小区{i}" for i in range(3, n)],
        "户数": [np.nan if i in (4, 9) else i * 10 for i in range(n)],
        "层数": list(range(n)),
        "面积": [np.nan] * 3 + [i * 1.5 for i in range(3, n)],
        "建成": [None if i % 4 == 0 else dt.date(1980 + i, 1, 2) for i in range(n)],
        "电梯": [None if i == 7 else i % 2 == 0 for i in range(n)],
    }, geometry=[None if i == 5 else MultiPolygon([box(i, 0, i + 1, 1), box(i, 2, i + 1, 3)]) if i % 3 == 1
                 else box(i, 0, i + 1, 1) for i in range(n)], crs="EPSG:4490")
    if suffix == ".shp":
        frame = frame.drop(columns="电梯")  # a DBF has no boolean
        path = write_shp(frame, tmp_path / f"小区{suffix}", encoding="GBK", cpg=False, ldid=0x4D)
    else:
        frame["geometry"] = [Point(0, 0) if i == 8 else g for i, g in enumerate(frame.geometry)]  # mixed types
        path = _write(frame, tmp_path / f"小区{suffix}", layer="小区", fid="fid")
    encoding = "GBK" if suffix == ".shp" else None
    whole = pyogrio.read_dataframe(path, encoding=encoding, on_invalid="fix")
    monkeypatch.setattr(gdal_read, "CHUNK", 3)
    monkeypatch.setattr(gdal_read, "ID_RANGE", 3)
    parts = gdal_read.read_frame(path, encoding=encoding)
    assert parts["名称"].isna().sum() == 3 and parts["户数"].isna().sum() == 2
    pd.testing.assert_frame_equal(pd.DataFrame(parts), pd.DataFrame(whole), check_dtype=True, check_exact=True)
    assert parts.crs == whole.crs and isinstance(parts, gpd.GeoDataFrame)
