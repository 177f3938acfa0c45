"""The content catalogue: the shipped preset and the refusals that name the item."""

from __future__ import annotations

import json

import pytest

from gis.programme.catalogue import (CHANNELS, CatalogueError, PRESET_PATH, catalogue_dict, catalogue_from_dict,
                                     load_catalogue, save_catalogue)


def test_shipped_preset_has_the_three_classes_and_marks_unchecked_costs():
    cat = load_catalogue()
    assert {it.klass for it in cat.items} == {"basic", "improve", "enhance"}
    assert {"water", "gas", "roof", "facade", "elevator", "charging", "clinic", "nursery"} <= set(cat.keys)
    assert all(not it.checked for it in cat.items)  # no price list checked yet: the user must see it
    assert cat.share_matrix().sum(axis=1) == pytest.approx([1.0] * len(cat.items))
    assert cat.item("clinic").per_zone and not cat.item("water").per_zone
    assert cat.source and cat.source_zh


def _raw(**change):
    raw = json.loads(PRESET_PATH.read_text(encoding="utf-8"))
    raw["items"][0].update(change)
    return raw


@pytest.mark.parametrize("change, words", [
    ({"unit": "per_tree"}, "unknown unit per_tree"),
    ({"unit_cost": -5}, "unit cost -5.0 is negative"),
    ({"shares": {"central": 50, "local": 40}}, "add up to 90 %"),
    ({"shares": {"central": 50, "lottery": 50}}, "unknown channel lottery"),
    ({"class": "luxury"}, "unknown class luxury"),
    ({"unit_cost": "cheap"}, "must be a number"),
])
def test_bad_items_are_refused_by_name(change, words):
    with pytest.raises(CatalogueError) as err:
        catalogue_from_dict(_raw(**change))
    assert err.value.params["key"] == "water" and err.value.params["item"] == "Water supply pipes"
    assert words in err.value.message and "Water supply pipes" in err.value.message
    assert err.value.params_in("zh_CN")["item"] == "供水管网改造" and err.value.params_in("en") == err.value.params


def test_a_missing_item_in_use_is_named_in_both_languages():
    from gis.programme import Programme, YearPlan
    from tests.gis.programme_fixtures import small_facts

    cat = load_catalogue()
    prog = Programme(small_facts(), cat, YearPlan((2027,)))
    smaller = catalogue_from_dict({**catalogue_dict(cat), "items": catalogue_dict(cat)["items"][1:]})
    with pytest.raises(CatalogueError) as err:
        prog.set_catalogue(smaller)
    assert err.value.params["item"] == "Water supply pipes" and err.value.params_in("zh")["item"] == "供水管网改造"


def test_a_bad_cap_is_refused():
    raw = _raw(caps=[{"channel": "residents", "per": "tree", "amount": 1}])
    with pytest.raises(CatalogueError, match="unknown cap tree"):
        catalogue_from_dict(raw)


def test_copy_round_trips_and_the_shipped_file_is_protected(tmp_path):
    cat = load_catalogue()
    path = save_catalogue(cat, tmp_path / "mine.json")
    again = load_catalogue(path)
    assert again.items == cat.items and again.elevator_subsidy_rule == cat.elevator_subsidy_rule
    assert catalogue_dict(again)["items"][0]["key"] == "water"
    with pytest.raises(CatalogueError):
        save_catalogue(cat, PRESET_PATH)
    assert list(CHANNELS)[-1] == "elevator_subsidy"
