"""A project's zone-name template is data: only {id} is filled in, nothing is formatted or looked up."""

from __future__ import annotations

import numpy as np
import pytest
from shapely.geometry import box

from gis.zones.adjacency import build_adjacency
from gis.zones.model import DEFAULT_NAME_TEMPLATE, NAME_TEMPLATE_MAX, ZoneModel


@pytest.fixture
def model():
    geoms = np.array([box(x * 110, 0, x * 110 + 100, 100) for x in range(4)], dtype=object)
    return ZoneModel(build_adjacency(geoms, gap=30), geoms)


@pytest.mark.parametrize("template, name", [
    ("片区{id}", "片区1"),
    ("{0.__class__}{id}", "{0.__class__}1"),  # no attribute lookup
    ("{id.__class__.__mro__}", "{id.__class__.__mro__}"),
    ("{id:>3000000000}", "{id:>3000000000}"),  # no 3 GB padding
    ("{}{0}{name}{", "{}{0}{name}{"),  # no IndexError / KeyError / ValueError
])
def test_only_id_is_filled_in(model, template, name):
    model.name_template = template
    model.merge([0, 1])
    assert [z.name for z in model.zones.values()] == [name]


@pytest.mark.parametrize("bad", ["x" * (NAME_TEMPLATE_MAX + 1), "", None, 42, ["{id}"]])
def test_an_unusable_template_gets_the_default(model, bad):
    model.name_template = bad
    assert model.name_template == DEFAULT_NAME_TEMPLATE


def test_a_saved_template_goes_through_the_same_check(model):
    saved = model.to_dict()
    saved["name_template"] = "{0.__init__.__globals__}" * 10
    restored = ZoneModel.from_dict(saved, model.adjacency, model.geometries)
    assert restored.name_template == DEFAULT_NAME_TEMPLATE
    saved["name_template"] = "{0.__init__.__globals__}"
    restored = ZoneModel.from_dict(saved, model.adjacency, model.geometries)
    restored.merge([2, 3])
    assert [z.name for z in restored.zones.values()] == ["{0.__init__.__globals__}"]
