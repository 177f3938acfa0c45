"""Zone suggestion on a few thousand compounds: no limit broken, checked here by hand (not
only through check_zones), and restarts that cannot win are not polished."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
import shapely

import gis.zones.regions as regions
from gis.domain import FieldRole, Role
from gis.layer import Layer
from gis.zones.adjacency import build_adjacency
from gis.zones.stats import CompoundFacts
from gis.zones.suggest import Constraints, check_zones, suggest

CRS = "EPSG:4547"


@pytest.fixture(scope="module")
def city():
    """60 x 50 compounds of jittered sizes on streets 8-40 m wide (some beyond the 30 m gap)."""
    rng = np.random.default_rng(8)
    xs = np.cumsum(rng.uniform(60, 90, 60) + rng.choice([8.0, 14.0, 40.0], 60, p=[0.5, 0.4, 0.1]))
    ys = np.cumsum(rng.uniform(50, 80, 50) + rng.choice([8.0, 14.0, 40.0], 50, p=[0.5, 0.4, 0.1]))
    x0, y0 = np.meshgrid(xs, ys, indexing="ij")
    w, h = rng.uniform(40, 60, x0.shape), rng.uniform(35, 50, x0.shape)
    geoms = shapely.box(x0.ravel(), y0.ravel(), (x0 + w).ravel(), (y0 + h).ravel())
    frame = gpd.GeoDataFrame({"户数": rng.integers(20, 400, geoms.size), "建成年代": rng.integers(1975, 2012, geoms.size)},
                             geometry=shapely.transform(geoms, lambda c: c + [500_000.0, 2_500_000.0]), crs=CRS)
    layer = Layer("c", Role.COMPOUNDS, frame, fields={FieldRole.HOUSEHOLDS: "户数", FieldRole.BUILD_YEAR: "建成年代"})
    return layer, build_adjacency(frame, gap=30.0), CompoundFacts(layer)


@pytest.mark.parametrize("cons", [
    Constraints(min_households=1000, max_households=2500),
    Constraints(min_households=500, max_households=900, max_compounds=6),
    Constraints(min_households=800, max_households=3000, max_area_m2=30_000, min_compounds=3),
])
def test_no_limit_is_broken(city, cons):
    layer, adj, facts = city
    got = suggest(adj, facts, layer.data.geometry.values, constraints=cons)
    assert len(got.zones) > 50
    hh, area, year = facts.households, facts.area, layer.data["建成年代"].to_numpy()
    seen = set()
    for z in got.zones:
        m = np.fromiter(z, dtype=np.int64)
        assert not seen & z
        seen |= z
        assert cons.min_households <= hh[m].sum() <= cons.max_households
        assert m.size >= cons.min_compounds
        assert m.size <= (cons.max_compounds or m.size) and area[m].sum() <= (cons.max_area_m2 or np.inf)
        assert (year[m] <= 2000).all()
        assert adj.is_contiguous(m)
    assert check_zones(got.zones, adj, np.nan_to_num(hh), area, cons.limits(use_households=True)) == []


def test_only_plans_placing_the_most_are_polished(city, monkeypatch):
    layer, adj, facts = city
    polished = []
    real = regions._improve
    monkeypatch.setattr(regions, "_improve", lambda g, labels, *a, **k: (polished.append(1), real(g, labels, *a, **k)))
    cons = Constraints(min_households=1000, max_households=2500)
    got = suggest(adj, facts, layer.data.geometry.values, constraints=cons, restarts=4)
    assert 1 <= len(polished) < 4
    assert got.violations == []
