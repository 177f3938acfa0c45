"""Consent tables as planners have them: XLSX or CSV (UTF-8 or GBK), English or Chinese columns."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from gis.programme.consent import ConsentError, read_consent

IDS = np.array(["XQ1", "XQ2", 7], dtype=object)


def test_xlsx_with_chinese_columns_and_stages(tmp_path):
    path = tmp_path / "意愿.xlsx"
    pd.DataFrame({"小区编号": ["XQ1", "XQ2", 7.0], "阶段": ["入库", "设计", "入库"], "同意户数": [85, 40, 10],
                  "总户数": [100, 50, 20]}).to_excel(path, index=False)
    read = read_consent(path, IDS)
    assert read.matched == 3 and read.notices == []
    c = read.consent
    assert c.passes("enter").tolist() == [True, False, False]  # XQ2 only answered the design stage; 7: 50 %
    assert c.ratio("design")[1] == pytest.approx(0.8) and c.passes("design")[1]
    assert c.asked("enter").tolist() == [True, False, True]


def test_gbk_csv_and_a_threshold_setting(tmp_path):
    path = tmp_path / "consent.csv"
    path.write_bytes("id,stage,agree,total\nXQ1,enter,\"1,500\",2000\n".encode("gb18030"))
    assert read_consent(path, IDS, threshold=0.75).consent.passes("enter")[0]  # 75 % at a 75 % threshold
    assert not read_consent(path, IDS).consent.passes("enter")[0]


def test_a_table_without_the_needed_columns_is_refused(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("id,agree,total\nXQ1,1,2\n", encoding="utf-8")
    with pytest.raises(ConsentError, match="no stage column"):
        read_consent(path, IDS)
    with pytest.raises(ConsentError, match="does not exist"):
        read_consent(tmp_path / "missing.csv", IDS)


def test_rows_keyed_by_a_unique_compound_name_are_matched(tmp_path):
    path = tmp_path / "street.csv"
    path.write_text("id,stage,agree,total\n幸福里,enter,9,10\n红旗小区,enter,9,10\nXQ2,enter,1,10\n", encoding="utf-8")
    names = np.array(["幸福里", "红旗小区", "红旗小区"], dtype=object)  # a name two compounds share is ambiguous
    read = read_consent(path, IDS, names=names)
    assert read.consent.passes("enter").tolist() == [True, False, False]
    assert read.consent.asked("enter").tolist() == [True, True, False]
    assert len(read.notices) == 1 and "红旗小区" in read.notices[0].message


def test_an_elevator_vote_out_of_order_is_reported(tmp_path):
    path = tmp_path / "votes.csv"
    path.write_text("id,stage,agree,total,participating,area_total,area_participating,area_agree\n"
                    "XQ1,elevator,20,30,25,3000,2500,2000\n"          # fine: 25/30 take part, 20/25 agree
                    "XQ2,elevator,20,30,18,3000,2500,2000\n"          # more agree than take part
                    "7,elevator,20,30,25,3000,3500,2000\n", encoding="utf-8")  # more area takes part than exists
    read = read_consent(path, IDS)
    assert read.matched == 1 and [n.params["row"] for n in read.notices] == [3, 4]
    assert read.consent.elevator_ok().tolist() == [True, True, True]  # XQ1 passes, the others have no vote
    assert read.consent.elevator_voted().tolist() == [True, False, False]
