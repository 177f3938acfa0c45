"""Coordinate systems: declared, inferred from the numbers, chosen by the user and remembered."""

from __future__ import annotations

import os

import numpy as np
import pytest
from pyproj import CRS

from gis.errors import CrsError
from gis.io import CrsMemory, build_layer, crs_choices, inspect_file, parse_source_crs, read_layer
from gis.io.crs_detect import infer_crs
from tests.gis.io_samples import compounds, gk_points, write_shp


def test_undeclared_lonlat_in_china_asks_with_cgcs2000_preselected():
    info = infer_crs(np.array([116.3, 116.4]), np.array([39.9, 40.0]))
    assert info.crs.to_epsg() == 4490 and info.needs_choice  # held in CGCS2000 until answered
    assert [c.answer for c in info.candidates] == ["EPSG:4490", "EPSG:4326", "gcj02", "bd09",
                                                   "EPSG:4610", "EPSG:4214"]
    assert [n.code for n in info.notices] == ["crs.lonlat_undeclared"]


def test_lonlat_in_a_wgs84_format_is_wgs84_without_asking():
    info = infer_crs(np.array([116.3, 116.4]), np.array([39.9, 40.0]), geographic_epsg=4326)
    assert info.crs.to_epsg() == 4326 and not info.needs_choice and not info.notices
    assert [c.answer for c in info.candidates] == ["EPSG:4326", "EPSG:4490", "EPSG:4610", "EPSG:4214"]


def test_prefixed_easting_is_its_zone():
    info = infer_crs(np.array([39_500_000.0, 39_510_000.0]), np.array([4_400_000.0, 4_410_000.0]))
    assert info.crs.to_epsg() == 4527 and not info.needs_choice  # zone 39
    assert {c.epsg for c in info.candidates} == {4527, 2363, 2415}  # + Xian 1980, Beijing 1954
    six = infer_crs(np.array([20_500_000.0]), np.array([4_400_000.0]))
    assert six.crs.to_epsg() == 4498  # 6-degree zone 20


def test_easting_near_500000_needs_a_choice_with_ranked_candidates():
    info = infer_crs(np.array([445_000.0, 455_000.0]), np.array([4_400_000.0, 4_410_000.0]))
    assert info.crs is None and info.needs_choice
    codes = [c.epsg for c in info.candidates]
    assert set(range(4534, 4555)) <= set(codes)
    assert codes.index(4548) < codes.index(4534)  # CM 117E (Beijing latitude) before CM 75E
    assert codes[0] in (4547, 4548, 4549)  # the populous eastern zones come first
    assert all(c.score > info.candidates[-1].score for c in info.candidates[:3])


def test_implausible_zones_rank_last():
    # northing at 53.5°N: only the north-eastern zones reach that far in China
    info = infer_crs(np.array([500_000.0]), np.array([5_930_000.0]))
    top = [c.epsg for c in info.candidates[:2]]
    assert set(top) <= {4549, 4550, 4551}
    cm75 = next(c for c in info.candidates if c.epsg == 4534)
    assert "outside China" in cm75.to_json()["reason"]


def test_near_and_history_move_a_zone_to_the_top():
    x, y = np.array([500_000.0]), np.array([2_500_000.0])
    near = infer_crs(x, y, near=(111.1, 22.6))
    assert near.candidates[0].epsg == 4546  # CM 111E, where the project already is
    hist = infer_crs(x, y, history=(4545, 4545))
    assert hist.candidates[0].epsg == 4545
    assert "you chose it" in hist.candidates[0].to_json()["reason"]


def test_local_cad_coordinates_are_not_guessed():
    info = infer_crs(np.array([10.0, 500.0]), np.array([20.0, 300.0]))
    assert info.crs is None and not info.candidates
    assert "local drawing" in info.notices[0].message


def test_parse_source_crs():
    assert parse_source_crs("gcj02") == (None, "gcj02")
    assert parse_source_crs("BD-09") == (None, "bd09")
    assert parse_source_crs("EPSG:4548")[0].to_epsg() == 4548
    assert parse_source_crs("4527")[0].to_epsg() == 4527
    assert parse_source_crs("xian80")[0].to_epsg() == 4610
    with pytest.raises(CrsError, match="Unknown coordinate system"):
        parse_source_crs("mars-grid")


def test_xian80_and_beijing54_are_offered_and_warned_about(tmp_path):
    codes = {code for _, code, _ in crs_choices()}
    assert {4610, 4214, 2349, 2390, 2401, 2442, 4513, 4554} <= codes
    shp = write_shp(gk_points(prefix=0), tmp_path / "a.shp")
    report = inspect_file(shp, source_crs="EPSG:2383")  # Xian 1980 / 3-degree GK CM 114E
    assert report.crs.source == "user" and report.crs.epsg == 2383
    assert any("no published transformation" in w for w in report.warnings)


def test_missing_prj_with_zone_prefix_reads_right(tmp_path):
    gdf = compounds("EPSG:4527")
    shp = write_shp(gdf, tmp_path / "a.shp", encoding="GBK", prj=False)
    report = inspect_file(shp)
    assert report.crs.to_json()["source"] == "inferred" and report.crs.epsg == 4527
    west, south, east, north = report.bounds_wgs84
    assert west == pytest.approx(116.36, abs=1e-4) and south == pytest.approx(39.91, abs=1e-4)


def test_missing_prj_near_500000_asks_then_remembers(tmp_path):
    memory = CrsMemory(tmp_path / "store" / "crs.json")
    shp = write_shp(compounds("EPSG:4548"), tmp_path / "a.shp", encoding="GBK", prj=False)
    report = inspect_file(shp, memory=memory)
    assert report.crs.needs_choice and report.bounds_wgs84 is None
    assert report.to_json()["crs_candidates"][0]["epsg"] in (4547, 4548, 4549)
    with pytest.raises(CrsError, match="cannot be told from the file"):
        build_layer(report)
    chosen = inspect_file(shp, source_crs="EPSG:4548", memory=memory)
    assert chosen.crs.source == "user" and chosen.bounds_wgs84[0] == pytest.approx(116.36, abs=1e-4)
    again = inspect_file(shp, memory=memory)  # the answer is remembered for this file
    assert again.crs.epsg == 4548 and again.crs.source == "user"
    assert any("chose before" in w for w in again.warnings)
    other = write_shp(compounds("EPSG:4548"), tmp_path / "b.shp", encoding="GBK", prj=False)
    ranked = inspect_file(other, memory=memory)  # not remembered, but ranked first
    assert ranked.crs.needs_choice and ranked.crs.candidates[0].epsg == 4548


def test_memory_forgets_a_changed_file(tmp_path):
    memory = CrsMemory(tmp_path / "crs.json")
    f = tmp_path / "x.shp"
    f.write_bytes(b"1234")
    memory.remember(f, "EPSG:4548")
    assert memory.recall(f) == "EPSG:4548"
    f.write_bytes(b"123456")
    os.utime(f, ns=(1, 1))
    assert memory.recall(f) is None
    f.write_bytes(b"1234")
    memory.remember(f, "EPSG:4549")
    memory.forget(f)
    assert memory.recall(f) is None and memory.recent_epsg() == ()
    (tmp_path / "crs.json").write_text("{not json")
    assert memory.recall(f) is None  # a damaged store is ignored, not fatal


def test_declared_crs_that_does_not_fit_the_numbers(tmp_path):
    gdf = compounds("EPSG:4527").set_crs("EPSG:4326", allow_override=True)  # wrong .prj
    shp = write_shp(gdf, tmp_path / "a.shp")
    with pytest.raises(CrsError, match=r"do not fit.*EPSG:4527"):
        inspect_file(shp)
    fixed = inspect_file(shp, source_crs="EPSG:4527")
    assert fixed.crs.epsg == 4527


def test_layer_lands_in_a_metric_working_crs(tmp_path):
    shp = write_shp(compounds(), tmp_path / "a.shp")
    layer = read_layer(shp)
    assert layer.data.crs.to_epsg() == 4548  # CGCS2000 3-degree GK CM 117E for 116.4°E
    assert layer.data.geometry.area.round(-2).tolist() == [38_000.0] * 3  # ~171 m × 222 m
    assert layer.source.crs == "EPSG:4490" and layer.source.crs_source == "prj"
    into = read_layer(shp, crs=CRS.from_epsg(4527))
    assert into.data.crs.to_epsg() == 4527


@pytest.mark.parametrize("northing, expected, city", [
    (4_420_000.0, 4548, "北京"),  # 39.9°N: CM 117E puts the data at Beijing
    (2_550_000.0, 4547, "东莞"),  # 23.0°N: CM 114E puts it in the Pearl River Delta
    (5_070_000.0, 4551, "哈尔滨"),  # 45.8°N: CM 126E puts it at Harbin
])
def test_zones_are_ranked_by_where_people_live(northing, expected, city):
    info = infer_crs(np.array([500_000.0, 501_000.0]), np.array([northing, northing + 800]))
    best = info.candidates[0]
    assert best.epsg == expected and city in best.to_json()["reason"]
    assert f"EPSG:{expected}" in info.notices[0].message


def test_web_mercator_is_offered_never_assumed():
    from pyproj import Transformer

    to_3857 = Transformer.from_crs(4326, 3857, always_xy=True)
    x, y = to_3857.transform([116.40, 116.41], [39.90, 39.91])  # Beijing in web-map metres
    info = infer_crs(np.array(x), np.array(y))
    assert info.crs is None and info.needs_choice and info.candidates[0].epsg == 3857
    assert "BD-09MC" in info.notices[0].message
    # Shanghai in Web Mercator has the numbers of 6-degree zone 13 (Xinjiang): ask, do not guess
    x, y = to_3857.transform([121.47, 121.48], [31.23, 31.24])
    both = infer_crs(np.array(x), np.array(y))
    assert both.crs is None and [c.epsg for c in both.candidates] == [3857, 4491]
    assert "far apart" in both.notices[0].message
