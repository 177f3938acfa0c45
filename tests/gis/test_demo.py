"""The embedded demo district (data/demo/): contents, encodings, network, planted gaps, loader.

The planted gaps in gaps.json are re-measured here independently of the generator.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pytest
import shapely
from pyproj import CRS
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

import gis.demo
from gis.crs import gk_cm_epsg
from gis.demo import demo_paths, load_demo_project
from gis.domain import FacilityType, FieldRole, Role
from gis.errors import Cancelled, DataReadError
from gis.feedback import Feedback
from gis.paths import DATA

PATHS = demo_paths()
SHAPEFILES = ("compounds", "buildings", "roads", "river", "entrances")
T = FacilityType
CATEGORY = {"社区卫生服务站": T.CLINIC, "社区卫生服务中心": T.CLINIC, "老年食堂": T.ELDERLY_CANTEEN,
            "长者食堂": T.ELDERLY_CANTEEN, "助餐点": T.ELDERLY_CANTEEN, "日间照料中心": T.DAY_CARE,
            "养老驿站": T.DAY_CARE, "养老院": T.NURSING_HOME, "幼儿园": T.KINDERGARTEN,
            "托儿所": T.NURSERY, "托育中心": T.NURSERY, "儿童活动场地": T.PLAY_AREA}
NOT_CARE = {"便利店", "快递站", "药店", "口腔诊所", "社区服务中心", "菜市场"}
PLANTED_PIECES = {"明湖公园步道", "厂区道路"}


@pytest.fixture(scope="module")
def files() -> dict[str, gpd.GeoDataFrame]:
    """Every demo layer read as a user's GIS would: no encoding given (.cpg / LDID decide)."""
    out = {key: pyogrio.read_dataframe(PATHS[key]) for key in SHAPEFILES}
    table = pd.read_csv(PATHS["facilities"], encoding="gbk", dtype={"设施编号": str})
    points = gpd.points_from_xy(table["经度"], table["纬度"], crs="EPSG:4490")
    out["facilities"] = gpd.GeoDataFrame(table, geometry=points).to_crs("EPSG:4527")
    return out


@pytest.fixture(scope="module")
def gaps() -> dict:
    return json.loads(PATHS["gaps"].read_text(encoding="utf-8"))


def _of_type(facilities: gpd.GeoDataFrame, kind: FacilityType) -> np.ndarray:
    keys = facilities["类型"].map({name: t.value for name, t in CATEGORY.items()})
    return np.asarray(facilities.geometry[(keys == kind.value).to_numpy()])


def _boundary_distance(compounds: gpd.GeoDataFrame, points: np.ndarray) -> pd.Series:
    d = shapely.distance(np.asarray(compounds.geometry)[:, None], points[None, :]).min(axis=1)
    return pd.Series(d, index=compounds["小区编号"])


# -- contents -----------------------------------------------------------------
def test_counts_are_in_the_requested_ranges(files):
    c, b, f, e = files["compounds"], files["buildings"], files["facilities"], files["entrances"]
    assert 150 <= len(c) <= 300
    assert 1000 <= len(b) <= 3000
    assert 80 <= len(f) <= 150
    assert 300 <= ((b["层数"] >= 4) & (b["电梯"] == "无")).sum()
    assert e.groupby("小区编号").size().between(1, 3).all()
    assert set(e["小区编号"]) == set(c["小区编号"])
    assert 0.6 <= (c["建成年代"] < 2000).mean() <= 0.8


def test_every_facility_type_is_present_and_shops_are_not_care(files):
    cats = set(files["facilities"]["类型"])
    assert cats <= set(CATEGORY) | NOT_CARE
    assert {CATEGORY[k] for k in cats if k in CATEGORY} == set(FacilityType)
    assert {"便利店", "快递站"} <= cats
    assert (files["facilities"]["类型"] == "养老院").sum() == 1


def test_compound_totals_add_up_from_buildings(files):
    c = files["compounds"].set_index("小区编号")
    per = files["buildings"].groupby("小区编号").agg(n=("楼栋编号", "size"), hh=("户数", "sum"))
    assert (per["n"] == c.loc[per.index, "楼栋数"]).all()
    assert (per["hh"] == c.loc[per.index, "户数"]).all()
    assert c.index.is_unique and c.index.str.fullmatch(r"MH\d{3}").all()
    assert (c["老年人口"] < c["常住人口"]).all() and (c["儿童人口"] < c["老年人口"]).all()
    assert (c["占地面积"] - files["compounds"].area.round().to_numpy()).abs().max() <= 1
    assert c["小区名称"].duplicated().sum() >= 3  # real data repeats names


def test_buildings_follow_the_era_rules(files):
    b = files["buildings"]
    old = b[b["建成年代"] < 1990]
    assert old["层数"].between(2, 6).all() and (old["电梯"] == "无").all()
    new = b[b["建成年代"] >= 2002]
    assert (new.loc[new["层数"] >= 7, "电梯"] == "有").all()
    comps = dict(zip(files["compounds"]["小区编号"], files["compounds"].geometry))
    assert all(comps[cid].contains(g) for cid, g in zip(b["小区编号"], b.geometry))
    tree = shapely.STRtree(b.geometry.values)
    i, j = tree.query(b.geometry.values, predicate="intersects")
    assert (i == j).all()  # no two buildings overlap


def test_compounds_touch_are_separated_by_lanes_and_a_few_overlap(files, gaps):
    c = files["compounds"]
    geoms = np.asarray(c.geometry)
    assert shapely.is_valid(geoms).all()
    tree = shapely.STRtree(geoms)
    i, j = tree.query(geoms, predicate="intersects")
    keep = i < j
    area = shapely.area(shapely.intersection(geoms[i[keep]], geoms[j[keep]]))
    overlapping = {frozenset((c["小区编号"][a], c["小区编号"][b]))
                   for a, b, ar in zip(i[keep], j[keep], area) if ar > 0}
    assert overlapping == {frozenset(p[:2]) for p in gaps["digitising"]["overlapping_pairs"]}
    assert 5 <= len(overlapping) <= 10
    assert (area == 0).sum() >= 30  # many neighbours share an edge exactly
    i, j = tree.query(geoms, predicate="dwithin", distance=10.5)
    gap = shapely.distance(geoms[i[i < j]], geoms[j[i < j]])
    assert ((gap >= 4.9) & (gap <= 10.5)).sum() >= 10  # internal lanes of 5-10 m
    river = files["river"].union_all()
    assert c.intersection(river).area.sum() == 0


def test_entrances_lie_on_their_compound_boundary(files):
    comps = dict(zip(files["compounds"]["小区编号"], files["compounds"].geometry))
    e = files["entrances"]
    off = [comps[cid].exterior.distance(p) for cid, p in zip(e["小区编号"], e.geometry)]
    assert max(off) < 0.02
    assert e["名称"].str.contains("门").all()


# -- encodings and CRS ----------------------------------------------------------
def test_compounds_are_gbk_with_only_the_ldid_byte_to_say_so(files):
    dbf = PATHS["compounds"].with_suffix(".dbf")
    assert not PATHS["compounds"].with_suffix(".cpg").exists()
    raw = dbf.read_bytes()
    assert raw[29] == 0x4D
    names = files["compounds"]["小区名称"]
    assert names.str.fullmatch(r"[\u4e00-\u9fff0-9]+").all()
    assert all(n.encode("gbk") in raw for n in names)
    assert not any(n.encode("utf-8") in raw for n in names)
    assert "小区名称".encode("gbk") in raw[:32 * 12]  # field names are GBK too (<= 10 bytes)


def test_other_shapefiles_say_their_encoding_in_a_cpg(files):
    expected = {"buildings": "GBK", "entrances": "GBK", "roads": "UTF-8", "river": "UTF-8"}
    for key, enc in expected.items():
        assert PATHS[key].with_suffix(".cpg").read_text() == enc
        raw = PATHS[key].with_suffix(".dbf").read_bytes()
        assert files[key]["名称" if key != "buildings" else "电梯"].iloc[0].encode(enc) in raw
    assert set(files["roads"]["等级"]) == {"主干路", "次干路", "支路", "步行道"}
    assert set(files["buildings"]["用途"]) == {"住宅"} and set(files["buildings"]["电梯"]) == {"有", "无"}


def test_shapefiles_are_in_gauss_kruger_zone_39_with_prefixed_eastings(files):
    for key in SHAPEFILES:
        assert CRS.from_user_input(pyogrio.read_info(PATHS[key])["crs"]).to_epsg() == 4527
        minx, miny, maxx, maxy = files[key].total_bounds
        assert 39_500_000 < minx < maxx < 39_503_600 and 4_056_500 < miny < maxy < 4_059_900


def test_facilities_csv_is_excel_style_gbk_with_cgcs2000_lonlat():
    raw = PATHS["facilities"].read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text = raw.decode("gbk")
    lines = text.split("\r\n")
    assert lines[0] == "设施编号,名称,类型,地址,经度,纬度" and not raw.startswith(b"\xef\xbb\xbf")
    table = pd.read_csv(PATHS["facilities"], encoding="gbk", dtype=str)
    assert table["经度"].str.fullmatch(r"117\.0[0-4]\d{4}").all()
    assert table["纬度"].str.fullmatch(r"36\.6[4-7]\d{4}").all()
    assert table["设施编号"].is_unique


# -- the walking network ---------------------------------------------------------
def test_roads_are_noded_at_every_crossing(files):
    lines = np.asarray(files["roads"].geometry)
    tree = shapely.STRtree(lines)
    i, j = tree.query(lines, predicate="intersects")
    ends = [{g.coords[0], g.coords[-1]} for g in lines]
    for a, b in zip(i[i < j], j[i < j]):
        meet = shapely.get_coordinates(lines[a].intersection(lines[b]))
        assert all(tuple(p) in ends[a] and tuple(p) in ends[b] for p in meet), (a, b)


def test_road_network_is_connected_apart_from_the_planted_pieces(files):
    roads = files["roads"]
    ends = [(g.coords[0], g.coords[-1]) for g in roads.geometry]
    ids: dict = {}
    a = [ids.setdefault(e[0], len(ids)) for e in ends]
    b = [ids.setdefault(e[1], len(ids)) for e in ends]
    graph = coo_matrix((np.ones(len(a)), (a, b)), shape=(len(ids), len(ids)))
    n, labels = connected_components(graph, directed=False)
    piece = labels[a]
    main = Counter(piece.tolist()).most_common(1)[0][0]
    assert n == 3
    assert set(roads["名称"][piece != main]) == PLANTED_PIECES
    assert not set(roads["名称"][piece == main]) & PLANTED_PIECES
    degree = Counter(k for e in ends for k in e)
    dead = {roads["名称"][k] for k, e in enumerate(ends) if piece[k] == main and 1 in (degree[e[0]], degree[e[1]])}
    assert 3 <= len(dead) <= 8


def test_river_is_crossed_only_on_a_few_bridges(files):
    river = files["river"].union_all()
    assert 35 < river.area / (river.length / 2) < 45  # ~40 m wide
    crossing = files["roads"][files["roads"].intersects(river)]
    assert 2 <= crossing["名称"].nunique() <= 3
    assert (crossing["等级"] != "步行道").all()


# -- the planted gaps ---------------------------------------------------------------
@pytest.mark.parametrize("gap,kind", [("clinic_north_east", T.CLINIC),
                                      ("elderly_canteen_south_west", T.ELDERLY_CANTEEN),
                                      ("kindergarten_south_east", T.KINDERGARTEN)])
def test_planted_gap_has_no_facility_within_300_m(files, gaps, gap, kind):
    ids = gaps["planted"][gap]["compounds"]
    assert len(ids) >= 3
    d = _boundary_distance(files["compounds"], _of_type(files["facilities"], kind))
    assert (d[ids] > 300).all()
    others = d.drop(ids)
    assert (others <= 300).mean() > 0.9  # the rest of the district is served in a straight line


def test_one_nursing_home_leaves_far_compounds(files, gaps):
    ids = gaps["planted"]["nursing_home_beyond_1000m"]["compounds"]
    d = _boundary_distance(files["compounds"], _of_type(files["facilities"], T.NURSING_HOME))
    assert sorted(d.index[d > 1000]) == sorted(ids)
    assert 0 < len(ids) < len(d)


def test_uncovered_boundary_lists_match_an_independent_measure(files, gaps):
    for kind in FacilityType:
        d = _boundary_distance(files["compounds"], _of_type(files["facilities"], kind))
        radius = gaps["radius_m"][kind.value]
        assert sorted(d.index[d > radius]) == sorted(gaps["uncovered"][kind.value]["boundary"]), kind


def test_river_trap_is_near_in_a_straight_line_but_far_on_foot(files, gaps):
    trap = gaps["planted"]["river_trap"]
    assert trap["compounds"]
    fac = files["facilities"].set_index("设施编号").loc[trap["facility"]]
    assert CATEGORY[fac["类型"]] == T.CLINIC
    river = files["river"].union_all()
    roads = files["roads"]
    bridges = np.asarray(roads.geometry[roads.intersects(river)])
    comps = files["compounds"].set_index("小区编号")
    gates = files["entrances"]
    others = _of_type(files["facilities"], T.CLINIC)
    others = others[~shapely.equals(others, fac.geometry)]
    elsewhere = _boundary_distance(files["compounds"], others)
    for row in trap["compounds"]:
        comp = comps.loc[row["id"]].geometry
        assert comp.centroid.distance(fac.geometry) <= 300  # a buffer analysis calls it served
        assert elsewhere[row["id"]] > 300  # and no other clinic is near, in any measure
        for gate in gates.geometry[gates["小区编号"] == row["id"]]:
            # any walk must cross on a bridge: a lower bound of the walking distance
            via = min(gate.distance(b) + b.distance(fac.geometry) for b in bridges)
            assert via > 300
        assert row["network_m"] > 300


# -- regeneration and the loader ----------------------------------------------------
def test_regenerating_gives_identical_content(tmp_path, monkeypatch):
    """Runs the whole generator (about 4 s) and compares every file with the committed one."""
    spec = importlib.util.spec_from_file_location("generate_demo", DATA / "generate_demo.py")
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    module.generate(tmp_path)
    committed = {p.name for p in PATHS["compounds"].parent.iterdir()}
    assert {p.name for p in tmp_path.iterdir()} == committed
    for name in sorted(committed):
        old, new = (PATHS["compounds"].parent / name).read_bytes(), (tmp_path / name).read_bytes()
        if name.endswith(".dbf"):  # bytes 1-3 hold the date of writing
            old, new = old[:1] + old[4:], new[:1] + new[4:]
        assert old == new, name


def test_load_demo_project_builds_six_layers_with_roles_and_fields():
    seen = []
    project = load_demo_project(Feedback(progress=lambda f, m: seen.append(f)))
    assert [lyr.name for lyr in project.layers] == ["水系", "小区边界", "建筑", "道路", "小区出入口", "设施"]
    assert [lyr.role for lyr in project.layers] == [Role.BARRIERS, Role.COMPOUNDS, Role.BUILDINGS,
                                                    Role.ROADS, Role.ENTRANCES, Role.FACILITIES]
    assert project.crs.to_epsg() == gk_cm_epsg(117.02)
    for lyr in project.layers:
        assert lyr.data.crs.equals(project.crs)
        for role, column in lyr.fields.items():
            assert column in lyr.data.columns, (lyr.name, role)
    compounds = project.first(Role.COMPOUNDS)
    assert compounds.fields[FieldRole.ELDERLY] == "老年人口"
    assert compounds.column(FieldRole.NAME).str.contains("[\u4e00-\u9fff]").all()
    assert compounds.source.encoding_source == "ldid"
    facilities = project.first(Role.FACILITIES)
    assert facilities.geom_type == "point" and facilities.style.by_field == "类型"
    assert compounds.data.union_all().envelope.contains(facilities.data.union_all())
    assert project.first(Role.BUILDINGS).column(FieldRole.COMPOUND_ID).isin(
        compounds.column(FieldRole.ID)).all()
    assert seen == sorted(seen) and seen[-1] == 1.0
    assert not project.dirty


def test_load_demo_project_can_be_cancelled():
    with pytest.raises(Cancelled):
        load_demo_project(Feedback(cancelled=lambda: True))


def test_missing_demo_file_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(gis.demo, "DEMO_DIR", tmp_path)
    with pytest.raises(DataReadError) as err:
        load_demo_project()
    assert "generate_demo.py" in err.value.message and str(tmp_path) in err.value.message
