"""The command line refuses where the window would ask (exit 2, one line naming the option that
answers), and answers right once told: issue 10's cases on small hand-made files."""

from __future__ import annotations

import json

import geopandas as gpd
import pytest
from pyproj import Transformer
from shapely import LineString, Point

from gis.cli import gaps, service_areas, zones
from gis.io.chinese_datums import wgs84_to_gcj02
from tests.gis.gaps_fixtures import CRS, X0, Y0, at, square

ASCII = {"小区编号": "code", "小区名称": "name", "户数": "hh", "建成年代": "year"}  # shapefile field names
TO_LONLAT = Transformer.from_crs(CRS, "EPSG:4326", always_xy=True)


def cli(capsys, module, *args) -> tuple[int, dict | None, str]:
    """Exit code, the JSON printed (None when nothing) and stderr of one in-process command."""
    try:
        code = module.main([str(a) for a in args])
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip() else None), err


def refused(code: int, err: str, *words: str) -> bool:
    line = err.strip()
    return code == 2 and len(line.splitlines()) == 1 and all(w in line for w in words)


def lonlat(x: float, y: float) -> tuple[float, float]:
    return TO_LONLAT.transform(X0 + x, Y0 + y)


@pytest.fixture
def district(tmp_path):
    """Two compounds (A1 holds a clinic at its centre, A2 west of it), and a street south."""
    paths = {"compounds": tmp_path / "compounds.gpkg", "roads": tmp_path / "roads.gpkg"}
    gpd.GeoDataFrame({"小区编号": ["A1", "A2"], "小区名称": ["幸福里", "和平里"], "户数": [120, 80],
                      "建成年代": [1985, 1992]}, geometry=[square(0, 0), square(-100, 0)],
                     crs=CRS).to_file(paths["compounds"])
    gpd.GeoDataFrame({"名称": ["南街"]}, geometry=[LineString([(X0 - 200, Y0 - 10), (X0 + 600, Y0 - 10)])],
                     crs=CRS).to_file(paths["roads"])
    return tmp_path, paths


def amap_clinics(folder, *, shift: bool = True):
    """The clinic in A1 as AMap publishes it: GCJ-02 lon/lat in a file with AMap's columns."""
    lon, lat = lonlat(50, 50)
    glon, glat = wgs84_to_gcj02(lon, lat) if shift else (lon, lat)
    path = folder / "clinics.geojson"
    gpd.GeoDataFrame({"name": ["幸福社区卫生服务站"], "type": ["医疗保健服务;诊所;社区卫生服务站"],
                      "typecode": ["090601"], "pname": ["广东省"]},
                     geometry=[Point(float(glon), float(glat))], crs="EPSG:4326").to_file(path)
    return path


def test_gcj02_facilities_are_refused_until_declared_then_measured_right(capsys, district):
    folder, p = district
    clinics = amap_clinics(folder)
    code, _, err = cli(capsys, gaps, "--compounds", p["compounds"], "--facilities", clinics, "--json")
    assert refused(code, err, "gcj02", "--facilities-crs")
    code, out, err = cli(capsys, gaps, "--compounds", p["compounds"], "--facilities", clinics,
                         "--facilities-crs", "gcj02", "--json")
    assert code == 0, err
    a1, a2 = out["compounds"]
    assert a1["nearest_m"]["clinic"] == pytest.approx(0.0, abs=1.0)  # inside A1 once shifted back
    assert a2["nearest_m"]["clinic"] == pytest.approx(50.0, abs=1.0)  # from its east edge
    assert all({"code", "level", "message"} == set(n) for n in out["notices"])


def test_unknown_gauss_kruger_zone_is_refused_naming_the_option(capsys, district, tmp_path):
    folder, p = district
    shp = tmp_path / "noprj.shp"
    gpd.read_file(p["compounds"]).rename(columns=ASCII).to_file(shp, encoding="utf-8")
    shp.with_suffix(".prj").unlink()
    code, _, err = cli(capsys, zones, shp, "--json")
    assert refused(code, err, "--compounds-crs")
    code, out, err = cli(capsys, zones, shp, "--compounds-crs", "EPSG:4547", "--json")
    assert code == 0, err
    code, out, err = cli(capsys, zones, shp, "--source-crs", "EPSG:4547", "--json")  # the old name
    assert code == 0, err


def test_points_as_compounds_and_swapped_inputs_are_refused(capsys, district):
    folder, p = district
    clinics = amap_clinics(folder, shift=False)
    code, _, err = cli(capsys, zones, clinics, "--compounds-crs", "wgs84")
    assert refused(code, err, "point", "--compounds")
    code, _, err = cli(capsys, gaps, "--compounds", clinics, "--facilities", p["compounds"],
                       "--compounds-crs", "wgs84")
    assert refused(code, err, "point", "--compounds")


def test_facility_layer_without_a_known_type_is_refused_naming_the_types(capsys, district, tmp_path):
    folder, p = district
    pois = tmp_path / "pois.gpkg"
    gpd.GeoDataFrame({"名称": ["幸福里3栋", "和平里5栋", "新华书店"], "类型": ["住宅", "住宅", "书店"]},
                     geometry=[at(10, 10), at(-50, 50), at(30, 30)], crs=CRS).to_file(pois)
    code, out, err = cli(capsys, gaps, "--compounds", p["compounds"], "--facilities", pois, "--json")
    assert refused(code, err, "None of the 3 facilities", "found:", "--field facilities.type") and out is None
    code, _, err = cli(capsys, service_areas, pois)
    assert refused(code, err, "found:")


def test_facilities_far_from_the_network_are_left_out_or_refused(capsys, district, tmp_path):
    folder, p = district
    fac = tmp_path / "fac.gpkg"
    gpd.GeoDataFrame({"编号": ["F1", "F2"], "名称": ["社区卫生服务站", "幸福幼儿园"], "类型": ["社区卫生服务站", "幼儿园"]},
                     geometry=[at(50, 0), at(50, 900_000)], crs=CRS).to_file(fac)
    code, out, err = cli(capsys, service_areas, fac, "--network", p["roads"], "--distances", "100", "--json")
    assert code == 0, err
    assert [a["facility"] for a in out["areas"]] == ["F1"]
    off = [n for n in out["notices"] if n["code"] == "network.facilities_off_network"]
    assert len(off) == 1 and off[0]["message"].endswith(": 幸福幼儿园")  # the name, not the id F2
    far = tmp_path / "far.gpkg"
    gpd.read_file(fac).iloc[[1]].to_file(far)
    code, _, err = cli(capsys, service_areas, far, "--network", p["roads"], "--distances", "100")
    assert refused(code, err, "within 500 m of the walking network")


def test_household_limits_need_a_households_field(capsys, district, tmp_path):
    folder, p = district
    plain = tmp_path / "plain.gpkg"
    gpd.read_file(p["compounds"]).rename(columns={"户数": "HH_X"}).to_file(plain)
    code, _, err = cli(capsys, zones, plain, "--min-households", 100, "--json")
    assert refused(code, err, "--field compounds.households=COLUMN")
    code, out, err = cli(capsys, zones, plain, "--min-households", 100, "--field", "compounds.households=HH_X",
                         "--json")
    assert code == 0, err
    assert [z["households"] for z in out["zones"]] == [200]
    code, _, err = cli(capsys, zones, plain, "--field", "compounds.nothing=HH_X")
    assert refused(code, err, "--field takes ROLE.KEY=COLUMN")


def test_shapefile_without_dbf_is_refused(capsys, district, tmp_path):
    folder, p = district
    shp = tmp_path / "nodbf.shp"
    gpd.read_file(p["compounds"]).rename(columns=ASCII).to_file(shp, encoding="utf-8")
    shp.with_suffix(".dbf").unlink()
    code, _, err = cli(capsys, zones, shp, "--min-households", 100)
    assert refused(code, err, ".dbf")


@pytest.mark.parametrize("lang, name", [("zh", "片区 1"), ("en", "Zone 1")])
def test_zone_names_follow_lang(capsys, district, lang, name):
    folder, p = district
    code, out, err = cli(capsys, zones, p["compounds"], "--lang", lang, "--json")
    assert code == 0, err
    assert [z["name"] for z in out["zones"]] == [name]


def test_field_option_names_the_facility_type_column(capsys, district, tmp_path):
    folder, p = district
    fac = tmp_path / "fac.gpkg"
    gpd.GeoDataFrame({"编号": ["F1", "F2"], "标签": ["甲", "乙"], "设施分项": ["社区卫生服务站", "幼儿园"]},
                     geometry=[at(50, 50), at(-50, 50)], crs=CRS).to_file(fac)
    code, _, err = cli(capsys, gaps, "--compounds", p["compounds"], "--facilities", fac)
    assert refused(code, err, "--field facilities.type=COLUMN")
    code, out, err = cli(capsys, gaps, "--compounds", p["compounds"], "--facilities", fac,
                         "--field", "facilities.type=设施分项", "--json")
    assert code == 0, err
    a1, a2 = out["compounds"]
    assert a1["nearest_m"]["clinic"] == 0.0 and a2["nearest_m"]["kindergarten"] == 0.0


def test_inspect_and_export_json_carry_coded_notices(capsys, district, tmp_path):
    from gis.cli import export, inspect

    folder, p = district
    code, out, _ = cli(capsys, inspect, amap_clinics(folder), "--json", "--no-memory")
    assert code == 0 and "crs.looks_like_datum" in [n["code"] for n in out["notices"]]
    project = tmp_path / "plan.gpkg"
    assert cli(capsys, zones, p["compounds"], "--out", project, "--json")[0] == 0
    code, out, err = cli(capsys, export, project, "--format", "xlsx", "--out", tmp_path / "r.xlsx", "--json")
    assert code == 0, err
    assert all(set(n) == {"code", "level", "message"} for n in out["notices"]) and out["notices"]
