"""Survey join: what is matched, what is listed as ambiguous, and what lands on the compounds."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import box

from gis.domain import FieldRole
from gis.errors import NeedsAnswer
from gis.people import marks
from gis.people.join import joined_frame, match_table
from gis.people.matching import NameIndex
from gis.people.table import read_survey


def table(tmp_path, rows: dict, name="调查表.csv"):
    path = tmp_path / name
    pd.DataFrame(rows).to_csv(path, index=False)
    return read_survey(path)


def compounds(names, **columns):
    geoms = [box(500_000 + i * 200, 2_500_000, 500_100 + i * 200, 2_500_100) for i in range(len(names))]
    return gpd.GeoDataFrame({"小区名称": names, **columns}, geometry=geoms, crs="EPSG:4547")


def matched(index: NameIndex, name: str):
    m = index.match(name)
    return m.status, m.fid, m.score


def test_exact_and_evened_out_names_are_matched_with_their_score():
    index = NameIndex(["阳光花园", "幸福里小区", "复兴路32号院", "光明新村一期", "海淀区金桂苑"])
    assert matched(index, "阳光花园") == ("matched", 0, 100.0)
    assert matched(index, "阳光花园 ") == ("matched", 0, 100.0)
    assert matched(index, "幸福里") == ("matched", 1, 95.0)  # suffix absent
    assert matched(index, "复兴路３２号") == ("matched", 2, 100.0)  # full width, 号院 vs 号
    assert matched(index, "光明新村（1期）") == ("matched", 3, 100.0)
    assert matched(index, "光明新村1期1-5号楼") == ("matched", 3, 95.0)
    assert matched(index, "金桂苑") == ("matched", 4, 95.0)  # the compound carries a district prefix
    assert matched(index, "八里庄街道阳光花园") == ("matched", 0, 95.0)  # the row carries one
    assert matched(index, "八里庄街道阳光") == ("matched", 0, 90.0)  # prefix and suffix


def test_duplicate_compound_names_are_ambiguous_never_the_first():
    index = NameIndex(["东风宿舍", "阳光", "东风宿舍"])
    m = index.match("东风宿舍")
    assert m.status == "ambiguous" and sorted(f for f, _ in m.candidates) == [0, 2]
    assert m.fid is None


def test_a_name_without_phase_fits_every_phase_and_is_listed():
    index = NameIndex(["光明新村一期", "光明新村二期"])
    m = index.match("光明新村")
    assert m.status == "ambiguous" and sorted(f for f, _ in m.candidates) == [0, 1]
    assert index.match("光明新村三期").status == "unmatched"  # another phase is not a match


def test_near_names_are_scored_and_two_similar_ones_never_guessed():
    index = NameIndex(["春晖里东院", "春晖园小区", "和平西苑"])
    status, fid, score = matched(index, "春晖里东院区")
    assert (status, fid) == ("matched", 0) and 80 <= score <= 89
    two = NameIndex(["春晖里东院", "春晖里西院"])
    m = two.match("春晖里院")
    assert m.status == "ambiguous" and sorted(f for f, _ in m.candidates) == [0, 1]
    far = index.match("人民医院宿舍")
    assert far.status == "unmatched" and far.fid is None


def test_an_address_settles_a_name_several_compounds_share(tmp_path):
    survey = table(tmp_path, {"小区名称": ["东风宿舍", "东风宿舍"], "地址": ["f路9号", "g路1号"]})
    result = match_table(survey, ["东风宿舍", "东风宿舍"], addresses=["f路1号", "f路９号"])
    assert [m.status for m in result.matches] == ["matched", "ambiguous"]
    assert result.matches[0].fid == 1


def test_join_by_address(tmp_path):
    survey = table(tmp_path, {"名称": ["a", "b"], "详细地址": ["北京市海淀区复兴路32号院", "无此路"]})
    result = match_table(survey, ["x", "y"], by="address", addresses=["长安街1号", "复兴路32号"])
    assert result.matches[0].fid == 1 and result.rows("unmatched") == [1]
    with pytest.raises(NeedsAnswer) as err:
        match_table(survey, ["x", "y"], by="address", addresses=None)
    assert err.value.params["option"] == "--compound-address-field"


def test_bad_counts_are_reported_per_row_and_skipped_never_zero(tmp_path):
    survey = table(tmp_path, {"小区名称": ["阳光", "幸福里", "和平里"], "户数": ["-5", "不详", "320户"],
                              "常住人口": [10, 20, 30]})
    assert survey.people == {FieldRole.HOUSEHOLDS: "户数", FieldRole.POPULATION: "常住人口"}
    result = match_table(survey, ["阳光", "幸福里", "和平里"])
    codes = {(n.code, n.params.get("row")) for n in result.notices}
    assert ("join.negative", 0) in codes and ("join.not_a_number", 1) in codes
    frame, fields, _ = joined_frame(compounds(["阳光", "幸福里", "和平里"]), {}, survey, result.assignment())
    households = frame[fields[FieldRole.HOUSEHOLDS]]
    assert households.isna().tolist() == [True, True, False] and households[2] == 320


def test_entered_values_win_and_survey_values_are_marked(tmp_path):
    survey = table(tmp_path, {"小区名称": ["阳光", "幸福里", "和平里一期", "和平里二期"],
                              "户数": [100, 200, 30, 40], "备注": ["x", "y", "z", "w"]})
    layer = compounds(["阳光", "幸福里", "和平里"], hh=[55.0, np.nan, np.nan])
    result = match_table(survey, layer["小区名称"].tolist())
    frame, fields, notes = joined_frame(layer, {FieldRole.HOUSEHOLDS: "hh"}, survey, result.assignment())
    assert frame["hh"].tolist() == [55.0, 200.0, 70.0]  # entered kept; two phases added up
    assert marks.sources(frame, "hh").tolist() == ["entered", "survey", "survey"]
    assert frame["小区名称"].tolist() == ["阳光", "幸福里", "和平里"]  # the layer's own column untouched
    assert frame["小区名称_表"].tolist()[:2] == ["阳光", "幸福里"] and frame["备注"][1] == "y"
    assert {n.code for n in notes} == {"join.entered_kept", "join.rows_combined"}
    assert layer["hh"].isna().sum() == 2  # the input frame is not changed


def test_answers_override_matches(tmp_path):
    survey = table(tmp_path, {"小区名称": ["阳光", "光明新村"], "户数": [1, 2]})
    result = match_table(survey, ["阳光", "光明新村一期", "光明新村二期"])
    assert result.assignment({1: 2, 0: None}) == {1: 2}


def test_a_table_without_a_name_column_asks_for_table_field(tmp_path):
    path = tmp_path / "t.csv"
    pd.DataFrame({"甲": ["阳光"], "户数": [1]}).to_csv(path, index=False)
    with pytest.raises(NeedsAnswer) as err:
        read_survey(path)
    assert err.value.params["option"] == "--table-field" and "甲" in err.value.message
    assert read_survey(path, name_field="甲").name_column == "甲"


def test_excel_title_rows_above_the_header_are_skipped(tmp_path):
    path = tmp_path / "街道.xlsx"
    with pd.ExcelWriter(path) as w:
        pd.DataFrame([["某某街道小区人口统计表"]]).to_excel(w, index=False, header=False)
        pd.DataFrame({"序号": [1, 2], "小区名称": ["阳光", "幸福里"], "60岁以上": [5, 6]}).to_excel(
            w, index=False, startrow=2)
    survey = read_survey(path)
    assert survey.name_column == "小区名称" and len(survey) == 2
    assert survey.people == {FieldRole.ELDERLY: "60岁以上"}


def test_another_suffix_scores_lower_than_none_and_one_core_of_two_compounds_is_listed():
    index = NameIndex(["阳光花园", "幸福新村", "幸福宿舍"])
    assert matched(index, "阳光小区") == ("matched", 0, 85.0)
    m = index.match("幸福")
    assert m.status == "ambiguous" and sorted(f for f, _ in m.candidates) == [1, 2]
    assert matched(index, "幸福新村（1-3栋）") == ("matched", 1, 95.0)


def test_courtyard_numbers_prefix_levels_and_notes_as_real_names_need():
    """Cases from a real AOI file (names re-typed here): courtyards 1-3号院 of one 二区, 都市 that
    is not a city, a (西区) note that tells two compounds apart, and a phase on one side only."""
    yards = NameIndex(["星荷路二区-1号院", "星荷路二区-2号院", "星荷路二区-3号院"])
    assert matched(yards, "端州区星荷路二区３号院")[:2] == ("matched", 2)
    assert yards.match("星荷路二区").status == "ambiguous"
    assert matched(NameIndex(["都市华庭", "华庭花园"]), "端州区都市华庭") == ("matched", 0, 95.0)
    assert matched(NameIndex(["中安智谷(西区)", "中安智谷(东区)"]), "端州区中安智谷（西区）")[:2] == ("matched", 0)
    phases = NameIndex(["嘉湖美都", "嘉湖美都-2期"])
    assert matched(phases, "端州区嘉湖美都")[:2] == ("matched", 0)
    assert matched(phases, "嘉湖美都（1-3栋）") == ("matched", 0, 95.0)
    assert matched(phases, "嘉湖美都二期") == ("matched", 1, 100.0)
