"""2SFCA / E2SFCA: equal to PySAL's ``access`` on the same inputs, and the catchment pairs they
run on equal brute-force distances (straight and along the network)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import shapely

from gis.gaps.access import prepare_origins
from gis.supply.fca import pair_weights, step_weights, two_step
from gis.supply.pairs import Pairs, catchment_pairs
from tests.gis.gaps_fixtures import CRS, X0, Y0, grid_network

access = pytest.importorskip("access")


def random_district(seed: int, n_compounds: int = 60, n_facilities: int = 15, span: float = 1500.0):
    rng = np.random.default_rng(seed)
    corner = rng.uniform(0, span, (n_compounds, 2)) + [X0, Y0]
    size = rng.uniform(30, 120, (n_compounds, 2))
    polygons = shapely.box(corner[:, 0], corner[:, 1], corner[:, 0] + size[:, 0], corner[:, 1] + size[:, 1])
    points = shapely.points(rng.uniform(0, span, (n_facilities, 2)) + [X0, Y0])
    demand = rng.integers(20, 900, n_compounds).astype(float)
    supply = rng.integers(30, 300, n_facilities).astype(float)
    return polygons, points, demand, supply


def pysal_access(pairs: Pairs, demand, supply, method: str, catchment: float) -> np.ndarray:
    """PySAL on the full cost matrix (every compound x facility), cut at the catchment by PySAL."""
    n_c, n_f = pairs.n_compounds, pairs.n_facilities
    dense = np.full((n_c, n_f), catchment * 10.0)  # beyond the catchment unless a pair says otherwise
    dense[pairs.comp, pairs.fac] = pairs.dist
    cost = pd.DataFrame({"origin": np.repeat(np.arange(n_c), n_f), "dest": np.tile(np.arange(n_c, n_c + n_f), n_c),
                         "cost": dense.ravel()})
    demand_df = pd.DataFrame({"pop": demand}, index=pd.Index(np.arange(n_c), name="geoid"))
    supply_df = pd.DataFrame({"cap": supply}, index=pd.Index(np.arange(n_c, n_c + n_f), name="geoid"))
    model = access.Access(demand_df=demand_df, demand_index=True, demand_value="pop", supply_df=supply_df,
                          supply_index=True, supply_value="cap", cost_df=cost, cost_origin="origin",
                          cost_dest="dest", cost_name="cost")
    if method == "2sfca":
        out = model.two_stage_fca(max_cost=catchment)
    else:
        third = catchment / 3
        weight = access.weights.step_fn({third: 1.0, 2 * third: 0.68, catchment: 0.22})
        out = model.enhanced_two_stage_fca(max_cost=catchment, weight_fn=weight)
    return out.iloc[:, 0].reindex(np.arange(n_c)).fillna(0.0).to_numpy()


@pytest.mark.parametrize("method", ["2sfca", "e2sfca"])
@pytest.mark.parametrize("seed", [1, 2])
def test_equals_pysal_access_within_1e_9(method, seed):
    polygons, points, demand, supply = random_district(seed)
    origins = prepare_origins(_frame(polygons))
    pairs = catchment_pairs(origins, points, 400.0)
    assert len(pairs) > 50  # a real test: many pairs, many compounds sharing facilities
    ours = two_step(pairs, demand=demand, supply=supply, method=method).access
    theirs = pysal_access(pairs, demand, supply, method, 400.0)
    assert (ours > 0).sum() > 10 and (ours == 0).sum() > 0
    np.testing.assert_allclose(ours, theirs, rtol=1e-9, atol=0)


def test_ratio_and_supply_conservation():
    polygons, points, demand, supply = random_district(3)
    pairs = catchment_pairs(prepare_origins(_frame(polygons)), points, 400.0)
    r = two_step(pairs, demand=demand, supply=supply)
    reaching = np.isfinite(r.ratio)
    # every facility's supply is shared out over the demand in its catchment, none is lost or made up
    assert r.received.sum() == pytest.approx(supply[reaching].sum(), rel=1e-12)
    j = int(np.flatnonzero(reaching)[0])
    in_reach = pairs.comp[pairs.fac == j]
    assert r.ratio[j] == pytest.approx(supply[j] / demand[in_reach].sum(), rel=1e-12)


def test_unknown_demand_is_left_out_not_read_as_zero_access():
    pairs = Pairs(np.array([0, 1]), np.array([0, 0]), np.array([0.0, 10.0]), 2, 1, 300.0, "straight")
    r = two_step(pairs, demand=np.array([100.0, np.nan]), supply=np.array([50.0]))
    assert r.ratio[0] == pytest.approx(0.5)  # the unknown compound does not dilute the ratio
    assert r.access.tolist() == [0.5, 0.5] and np.isnan(r.received[1])


def test_e2sfca_step_weights_on_thirds_of_the_catchment():
    d = np.array([0.0, 100.0, 100.0001, 200.0, 250.0, 300.0, 300.1])
    assert step_weights(d, 300.0).tolist() == [1.0, 1.0, 0.68, 0.68, 0.22, 0.22, 0.0]
    pairs = Pairs(np.zeros(2, np.int64), np.arange(2), np.array([50.0, 250.0]), 1, 2, 300.0, "straight")
    assert pair_weights(pairs, "2sfca").tolist() == [1.0, 1.0]
    assert pair_weights(pairs, "e2sfca").tolist() == [1.0, 0.22]


def test_straight_pairs_equal_brute_force_polygon_distances():
    polygons, points, *_ = random_district(4, 40, 12)
    pairs = catchment_pairs(prepare_origins(_frame(polygons)), points, 300.0)
    dense = shapely.distance(polygons[:, None], points[None, :])
    want = np.argwhere(dense <= 300.0)
    assert sorted(zip(pairs.comp.tolist(), pairs.fac.tolist())) == sorted(map(tuple, want.tolist()))
    np.testing.assert_allclose(pairs.dist, dense[pairs.comp, pairs.fac], rtol=1e-12)
    inside = shapely.contains(polygons[:, None], points[None, :])
    assert np.all(pairs.dist[inside[pairs.comp, pairs.fac]] == 0.0)


def test_network_pairs_equal_nearest_walks_per_facility():
    graph = grid_network(6, 200.0)
    rng = np.random.default_rng(5)
    corner = rng.uniform(20, 1000, (25, 2)) + [X0, Y0]
    polygons = shapely.box(corner[:, 0], corner[:, 1], corner[:, 0] + 60, corner[:, 1] + 60)
    points = shapely.points(rng.uniform(0, 1200, (8, 2)) + [X0, Y0])
    origins = prepare_origins(_frame(polygons), network=graph)
    pairs = catchment_pairs(origins, points, 450.0)
    assert len(pairs) > 20
    sources = origins.sources(points)
    got = {(c, f): d for c, f, d in zip(pairs.comp.tolist(), pairs.fac.tolist(), pairs.dist.tolist())}
    for j in range(len(points)):
        dist, _ = origins.nearest(sources, np.array([j]), cutoff=450.0)
        for i in range(len(polygons)):
            if np.isfinite(dist[i]):
                assert got[(i, j)] == pytest.approx(dist[i], abs=1e-6)
            else:
                assert (i, j) not in got


def _frame(polygons):
    import geopandas as gpd

    return gpd.GeoDataFrame(geometry=list(polygons), crs=CRS)


@pytest.mark.parametrize("method", ["2sfca", "e2sfca"])
def test_equals_pysal_access_on_network_distances(method):
    graph = grid_network(6, 200.0)
    rng = np.random.default_rng(8)
    corner = rng.uniform(20, 1000, (40, 2)) + [X0, Y0]
    polygons = shapely.box(corner[:, 0], corner[:, 1], corner[:, 0] + 60, corner[:, 1] + 60)
    points = shapely.points(rng.uniform(0, 1200, (10, 2)) + [X0, Y0])
    pairs = catchment_pairs(prepare_origins(_frame(polygons), network=graph), points, 500.0)
    demand, supply = rng.integers(20, 900, 40).astype(float), rng.integers(30, 300, 10).astype(float)
    ours = two_step(pairs, demand=demand, supply=supply, method=method).access
    assert (ours > 0).sum() > 10
    np.testing.assert_allclose(ours, pysal_access(pairs, demand, supply, method, 500.0), rtol=1e-9, atol=0)
