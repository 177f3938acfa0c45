"""Suggested zones: every constraint is honoured, and accepting is one undoable edit."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
from shapely.geometry import box

from gis.domain import FieldRole, Role
from gis.errors import AnalysisError
from gis.layer import Layer
from gis.zones.model import ZoneModel
from gis.zones.stats import CompoundFacts
from gis.zones.suggest import Constraints, accept, suggest_for

CRS = "EPSG:4547"
COLS, ROWS = 8, 6


def make_layer(*, households=True, years=True, seed=5):
    """An 8 x 6 grid of 100 m compounds on 10 m streets; a 60 m avenue after column 3."""
    rng = np.random.default_rng(seed)
    geoms, hh, year = [], [], []
    for r in range(ROWS):
        for c in range(COLS):
            x = 500_000 + c * 110 + (50 if c >= 4 else 0)
            geoms.append(box(x, 2_500_000 + r * 110, x + 100, 2_500_000 + r * 110 + 100))
            hh.append(int(rng.integers(80, 320)))
            year.append(int(rng.integers(1978, 2012)))
    data = {"编号": [f"XQ{i:03d}" for i in range(len(geoms))]}
    fields = {FieldRole.ID: "编号"}
    if households:
        data["户数"] = hh
        fields[FieldRole.HOUSEHOLDS] = "户数"
    if years:
        data["建成年代"] = year
        fields[FieldRole.BUILD_YEAR] = "建成年代"
    gdf = gpd.GeoDataFrame(data, geometry=geoms, crs=CRS)
    return Layer("compounds", Role.COMPOUNDS, gdf, fields=fields)


@pytest.fixture
def layer():
    return make_layer()


@pytest.fixture
def model(layer):
    return ZoneModel.from_layer(layer, gap=30)


def zone_sums(layer, zones, column):
    return [int(layer.data[column].iloc[sorted(z)].sum()) for z in zones]


def assert_contiguous(model, suggestion):
    assert all(model.adjacency.is_contiguous(z) for z in suggestion.zones)
    assert not any(v.kind == "contiguity" for v in suggestion.violations)


def test_min_and_max_households(model, layer):
    s = suggest_for(model, layer, constraints=Constraints(min_households=600, max_households=900,
                                                          pre_year=None))
    sums = zone_sums(layer, s.zones, "户数")
    assert s.zones and all(600 <= h <= 900 for h in sums)
    assert s.violations == []
    assert_contiguous(model, s)
    placed = set().union(*s.zones)
    assert placed.isdisjoint(s.unassigned.tolist())
    assert len(placed) + len(s.unassigned) == layer.data.shape[0]


def test_max_compounds_and_min_compounds(model, layer):
    s = suggest_for(model, layer, constraints=Constraints(max_compounds=3, pre_year=None))
    assert s.zones and all(2 <= len(z) <= 3 for z in s.zones)
    assert_contiguous(model, s)
    # without a floor, zones grow to the ceiling, and left-overs borrow to form zones
    assert s.unassigned.size == 0
    assert np.mean([len(z) for z in s.zones]) >= 2.5


def test_max_area(model, layer):
    s = suggest_for(model, layer, constraints=Constraints(max_area_m2=45_000, pre_year=None))
    assert s.zones and all(len(z) * 10_000 <= 45_000 for z in s.zones)
    assert max(len(z) for z in s.zones) == 4
    assert s.area_m2.max() <= 45_000


def test_only_old_compounds(model, layer):
    s = suggest_for(model, layer, constraints=Constraints(max_compounds=4, pre_year=1995))
    years = layer.data["建成年代"]
    placed = set().union(*s.zones)
    assert placed and all(years.iloc[f] <= 1995 for f in placed)
    assert set(s.excluded["too_new"].tolist()) == set(np.flatnonzero(years > 1995).tolist())
    assert_contiguous(model, s)


def test_default_cut_off_is_2000_inclusive(model, layer):
    layer.data.loc[0:3, "建成年代"] = 2000
    s = suggest_for(model, layer, constraints=Constraints(max_compounds=4))
    assert s.constraints.pre_year == 2000
    assert not set(range(4)) & set(s.excluded["too_new"].tolist())


def test_existing_zones_are_kept(model, layer):
    model.merge([0, 1, 8, 9])
    before = model.snapshot()
    s = suggest_for(model, layer, constraints=Constraints(max_compounds=4, pre_year=None))
    assert set(s.excluded["fixed"].tolist()) == {0, 1, 8, 9}
    assert all(z.isdisjoint({0, 1, 8, 9}) for z in s.zones)
    edit = accept(model, s)
    assert model.zone(1) == before[1]
    assert len(model) == len(s.zones) + 1
    model.apply(edit.inverse())
    assert model.snapshot() == before


def test_replace_existing_zones(model, layer):
    model.merge([0, 1, 8, 9])
    s = suggest_for(model, layer, constraints=Constraints(max_compounds=4, pre_year=None,
                                                          keep_existing=False))
    assert "fixed" not in s.excluded
    edit = accept(model, s)
    assert 1 not in model.zones and len(model) == len(s.zones)
    model.apply(edit.inverse())
    assert set(model.zones) == {1}


def test_avenue_splits_zones(model, layer):
    s = suggest_for(model, layer, constraints=Constraints(pre_year=None))
    left = {r * COLS + c for r in range(ROWS) for c in range(4)}
    assert sorted(sorted(z) for z in s.zones) == sorted([sorted(left),
                                                         sorted(set(range(48)) - left)])


def test_compound_too_big_alone_is_excluded(model, layer):
    layer.data.loc[5, "户数"] = 5000
    s = suggest_for(model, layer, constraints=Constraints(min_households=400, max_households=1200,
                                                          pre_year=None))
    assert 5 in s.excluded["too_large"].tolist()
    assert all(5 not in z for z in s.zones)


def test_missing_households_field_warns_and_ignores_household_limits():
    layer = make_layer(households=False)
    model = ZoneModel.from_layer(layer)
    s = suggest_for(model, layer, constraints=Constraints(min_households=500, max_compounds=3,
                                                          pre_year=None))
    assert any("households" in w.message for w in s.warnings)
    assert all(len(z) <= 3 for z in s.zones)


def test_missing_year_field_warns():
    layer = make_layer(years=False)
    model = ZoneModel.from_layer(layer)
    s = suggest_for(model, layer, constraints=Constraints(max_compounds=3))
    assert any("build-year" in w.message for w in s.warnings)
    assert len(set().union(*s.zones)) > 40


def test_bad_constraints_are_typed_errors(model, layer):
    with pytest.raises(AnalysisError):
        suggest_for(model, layer, constraints=Constraints(min_households=900, max_households=300))
    with pytest.raises(AnalysisError):
        suggest_for(model, layer, constraints=Constraints(max_compounds=0))


def test_reproducible(model, layer):
    c = Constraints(min_households=500, max_households=1000, pre_year=None)
    assert suggest_for(model, layer, constraints=c).zones == suggest_for(model, layer, constraints=c).zones


def test_facts_read_text_years_and_counts():
    layer = make_layer()
    layer.data["建成年代"] = ["1985年"] * 24 + ["2003-06"] * 24
    layer.data["户数"] = ["120户"] * 48
    facts = CompoundFacts(layer)
    assert facts.year[0] == 1985 and facts.year[30] == 2003
    assert facts.households.sum() == 120 * 48


def test_check_zones_reports_each_broken_limit(model, layer):
    from gis.zones.suggest import check_zones

    hh = layer.data["户数"].to_numpy(dtype=float)
    area = np.full(len(hh), 10_000.0)
    limits = Constraints(min_households=10_000, max_compounds=2).limits(use_households=True)
    found = check_zones([frozenset({0, 1, 2}), frozenset({3, 5})], model.adjacency, hh, area, limits)
    kinds = {(v.zone, v.kind) for v in found}
    assert kinds == {(0, "min_households"), (0, "max_compounds"), (1, "min_households"),
                     (1, "contiguity")}
