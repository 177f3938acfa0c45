"""The network built ahead of a run (prepare_network) is the one the run uses; a key being
computed on one thread is waited for, not computed again; bands are delivered type by type."""

from __future__ import annotations

import threading
import time
from dataclasses import replace

import geopandas as gpd
import pytest

from gis.analysis.life_circles import LifeCircleRequest, prepare_network, run
from gis.domain import FieldRole, Role
from gis.errors import Cancelled
from gis.feedback import Feedback
from gis.layer import Layer
from gis.network.cache import ResultCache
from gis.network.grid_service import grid_of
from gis.standards import load_standards
from tests.gis.network_fixtures import jittered_grid, random_points

NAMES = ["甲社区卫生服务站", "乙幼儿园", "丙幼儿园", "丁长者食堂", "戊托儿所"]


def request(graph) -> LifeCircleRequest:
    fac = Layer("f", Role.FACILITIES, gpd.GeoDataFrame({"名称": NAMES}, geometry=random_points(graph, len(NAMES)),
                                                        crs=graph.crs), fields={FieldRole.NAME: "名称"})
    return LifeCircleRequest(fac, load_standards(), mode="network", roads=graph.edges_frame())


def test_a_run_after_prepare_network_builds_nothing():
    req, cache = request(jittered_grid(8)), ResultCache()
    network = prepare_network(req, cache=cache)
    grid = grid_of(network, req.edge_buffer_m)
    misses = cache.misses
    outcome = run(req, cache=cache)
    assert outcome.network is network and grid_of(outcome.network, req.edge_buffer_m) is grid
    assert cache.misses == misses + 1  # the areas only


def test_other_roads_are_built_again():
    cache = ResultCache()
    req = request(jittered_grid(8))
    first = prepare_network(req, cache=cache)
    edited = req.roads.iloc[:-3]
    second = prepare_network(replace(req, roads=edited), cache=cache)
    assert second is not first and second.n_edges < first.n_edges
    assert run(replace(req, roads=edited), cache=cache).network is second


def test_a_key_being_computed_is_waited_for():
    cache, calls, out = ResultCache(), [], []

    def slow():
        calls.append(1)
        time.sleep(0.2)
        return object()

    threads = [threading.Thread(target=lambda: out.append(cache.get_or_compute("k", slow))) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1 and len(out) == 3 and out[0] is out[1] is out[2]


def test_a_waiting_run_can_be_cancelled_and_a_failed_key_is_computed_again():
    cache, started, release = ResultCache(), threading.Event(), threading.Event()

    def stuck():
        started.set()
        release.wait(5)
        raise RuntimeError("gone")

    worker = threading.Thread(target=lambda: pytest.raises(RuntimeError, cache.get_or_compute, "k", stuck))
    worker.start()
    started.wait(5)
    with pytest.raises(Cancelled):
        cache.get_or_compute("k", lambda: 1, feedback=Feedback(cancelled=lambda: True))
    release.set()
    worker.join()
    assert cache.get_or_compute("k", lambda: 2) == 2


def test_bands_are_delivered_type_by_type_first_ones_first():
    req = request(jittered_grid(8))
    parts = []
    order = ("nursery", "elderly_canteen")
    result = run(replace(req, first=order), cache=ResultCache(),
                 feedback=Feedback(partial=lambda kind, value: parts.append((kind, value)))).result
    assert parts[0] == ("types", sorted(set(result.bands["type"])))
    bands = [v for k, v in parts[1:] if k == "bands"]
    assert sorted(b["type"].iloc[0] for b in bands) == parts[0][1]
    assert bands[0]["type"].iloc[0] == order[0]  # the first type is drawn alone, before the others start
    for b in bands:  # each type's bands are the result's
        mine = result.bands[result.bands["type"] == b["type"].iloc[0]]
        assert list(b["area_m2"]) == pytest.approx(list(mine["area_m2"]))
