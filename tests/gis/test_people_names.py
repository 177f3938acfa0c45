"""Compound names as keys: widths, spaces, brackets, suffixes, phases, building ranges, prefixes."""

from __future__ import annotations

import pytest

from gis.people.names import full_key, name_key


@pytest.mark.parametrize("a, b", [
    ("阳光花园（一期）", "阳光花园(1期)"),
    ("阳光花园 第一期", "阳光花园1期"),
    ("复兴路３２号院", "复兴路32号"),
    ("ＡＢＣ 小区", "abc小区"),
    ("【幸福里】", "幸福里"),
])
def test_the_same_written_name_has_one_full_key(a, b):
    assert full_key(a) == full_key(b)


@pytest.mark.parametrize("a, b", [
    ("阳光花园", "阳光"), ("阳光小区", "阳光"), ("光明新村", "光明"), ("东风宿舍", "东风"),
    ("阳光花园1-5号楼", "阳光"), ("阳光花园（1#~12#楼）", "阳光"), ("阳光花园3栋", "阳光"),
    ("阳光新村小区", "阳光"), ("阳光花园(东区)", "阳光"),
])
def test_suffixes_building_ranges_and_notes_leave_the_core(a, b):
    assert name_key(a).core == b


def test_phases_are_kept_apart_from_the_core():
    one, two, none = name_key("光明新村一期"), name_key("光明新村（第2期）"), name_key("光明新村")
    assert one.core == two.core == none.core == "光明"
    assert (one.phase, two.phase, none.phase) == ("1", "2", "")
    assert name_key("和平里十二期").phase == "12"


def test_a_name_that_is_only_a_number_or_a_suffix_keeps_it():
    assert name_key("复兴路32号院").core == "复兴路32号"
    assert name_key("花园").core == "花园"
    assert name_key("123小区").core == "123"


def test_administrative_prefixes_are_trimmed_but_not_parts_of_names():
    assert name_key("海淀区八里庄街道阳光小区").trimmed == ("八里庄街道阳光", "阳光")
    assert name_key("朝阳区和平里").trimmed == ("和平里",)
    assert name_key("东区小区").trimmed == ()  # 东区 is the name, not a district
    assert name_key("阳光小区北区").trimmed == ()


def test_blank_names_have_empty_keys():
    assert name_key(None).full == name_key(float("nan")).full == name_key("  ").full == ""


def test_a_hostile_cell_is_keyed_fast():
    """'1-1-1-…x' once backtracked for minutes in the building-range pattern; keys read 100 characters."""
    import time

    start = time.process_time()
    for cell in ("1-" * 20000 + "x", "1号-" * 10000 + "楼x", "（" * 50000):
        assert len(name_key(cell).full) <= 100
    assert time.process_time() - start < 1.0
