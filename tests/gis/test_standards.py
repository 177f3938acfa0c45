"""The life-circle standards preset: shipped values, time mode, validation, user copies, versions."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from gis import standards as st
from gis.domain import CHILD_TYPES, ELDERLY_TYPES, FacilityType
from gis.paths import PRESETS
from gis.standards import PresetError, load_standards


@pytest.fixture
def std():
    return load_standards()


def test_levels_follow_gb50180(std):
    assert [(lvl.key, lvl.distance_m) for lvl in std.levels] == [
        ("block", 250.0), ("5min", 300.0), ("10min", 500.0), ("15min", 1000.0)]
    assert std.level("15min").range_m == (800.0, 1000.0) and std.level("block").range_m == (150.0, 250.0)
    assert not std.level("5min").checked  # STANDARDS.md: residents not yet checked
    assert std.ring_distances() == (300.0, 500.0, 1000.0)
    assert std.source.text and "GB 50180-2018" in std.source.title


def test_every_facility_type_has_a_level_and_radius(std):
    got = {t.value: (std.required(t).level, std.required(t).distance_m) for t in FacilityType}
    assert got == {"clinic": ("5min", 300.0), "elderly_canteen": ("5min", 300.0), "day_care": ("5min", 300.0),
                   "nursing_home": ("15min", 1000.0), "kindergarten": ("5min", 300.0),
                   "nursery": ("5min", 300.0), "play_area": ("block", 250.0)}
    assert not std.required("clinic").checked and std.required("nursing_home").checked


def test_a_health_centre_serves_the_15_minute_level(std):
    centre = std.required("clinic", name="明湖街道社区卫生服务中心")
    assert (centre.level, centre.distance_m, centre.variant) == ("15min", 1000.0, "centre")
    assert std.required("clinic", variant="centre").distance_m == 1000.0
    assert std.required("clinic", name="阳光社区卫生服务站").variant is None


def test_groups_are_yi_lao_and_yi_xiao(std):
    groups = {g.label_zh: g.types for g in std.groups}
    assert groups == {"一老": ELDERLY_TYPES, "一小": CHILD_TYPES}
    assert std.group_of("kindergarten").key == "children"


def test_time_mode_uses_each_groups_speed(std):
    timed = std.with_time_mode(True)
    assert timed.required("clinic").distance_m == 300.0  # 5 min x 1.0 m/s
    assert timed.required("kindergarten").distance_m == 360.0  # 5 min x 1.2 m/s
    assert timed.required("play_area").distance_m == 250.0  # the block level has no minutes
    assert timed.ring_distances("day_care") == (300.0, 600.0, 900.0)
    slow = std.with_time_mode(True, elderly_speed_mps=0.8)
    assert slow.required("nursing_home").distance_m == 720.0
    assert std.required("kindergarten").distance_m == 300.0  # the original is unchanged


def test_classify_prefers_the_longest_name(std):
    assert std.classify("明湖社区卫生服务中心") is FacilityType.CLINIC
    assert std.classify("夕阳红日间照料中心") is FacilityType.DAY_CARE
    assert std.classify("金色童年托育中心") is FacilityType.NURSERY
    assert std.classify("便利店") is None


@pytest.mark.parametrize("edit, words", [
    (lambda s: s.level("15min").__setattr__("distance_m", 1200.0), "outside its range"),
    (lambda s: s.rule("clinic").__setattr__("level", "20min"), "unknown level"),
    (lambda s: s.time_mode.__setattr__("elderly_speed_mps", 5.0), "Walking speed"),
    (lambda s: s.facilities.pop(), "No rule for"),
])
def test_unusable_edits_are_refused(std, edit, words):
    edit(std)
    assert std.problems()
    with pytest.raises(PresetError, match=words):
        std.validate()


def test_a_user_copy_is_saved_beside_the_settings_and_never_over_the_shipped_file(std, tmp_path):
    shipped = (PRESETS / "standards.json").read_bytes()
    std.level("15min").distance_m = 800.0
    std.time_mode.enabled = True
    path = st.save_user_standards(std, tmp_path)
    again = st.load_user_standards(tmp_path)
    assert path.parent == tmp_path and again.level("15min").distance_m == 800.0 and again.time_mode.enabled
    assert again.to_dict() == std.to_dict()
    with pytest.raises(PresetError, match="cannot be overwritten"):
        st.save_standards(std, PRESETS / "standards.json")
    assert (PRESETS / "standards.json").read_bytes() == shipped
    assert st.reset_user_standards(tmp_path).level("15min").distance_m == 1000.0
    assert st.load_user_standards(tmp_path).level("15min").distance_m == 1000.0


def test_older_versions_migrate_and_newer_ones_are_refused(std, monkeypatch):
    raw = std.to_dict()
    old = dict(raw, version=0)
    old["walk"] = old.pop("time_mode")  # pretend version 0 called it "walk"
    monkeypatch.setitem(st.MIGRATIONS, 0, lambda d: {**{k: v for k, v in d.items() if k != "walk"},
                                                    "time_mode": d["walk"], "version": 1})
    assert st.Standards.from_dict(old).to_dict() == raw
    with pytest.raises(PresetError, match="newer version"):
        st.Standards.from_dict(dict(raw, version=st.CURRENT_VERSION + 1))


def test_broken_files_give_a_preset_error(tmp_path):
    bad = tmp_path / "standards.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(PresetError, match="Cannot read"):
        load_standards(bad)
    bad.write_text(json.dumps({"version": 1, "levels": []}), encoding="utf-8")
    with pytest.raises(PresetError, match="malformed"):
        load_standards(bad)


def test_with_time_mode_keeps_the_preset_valid(std):
    assert replace(std.with_time_mode(True), name="x").validate().name == "x"
