"""A city's bands without a wait: the network is built in the background before Compute (and
again when the roads change), and each type's bands reach the map as soon as they are done."""

from __future__ import annotations

import geopandas as gpd
from shapely.geometry import LineString

import gis.network.cache as cache_module
from gis.analysis.life_circles import WORKERS
from gis.domain import Role
from gui.lifecircles.overlays import band_name
from tests.gui.lifecircles_fixtures import controller, lifecircles_registered, roads_project, run  # noqa: F401


def counting_builds(monkeypatch) -> list:
    calls = []
    build = cache_module.build_network

    def counted(*args, **kwargs):
        calls.append(args)
        return build(*args, **kwargs)

    monkeypatch.setattr(cache_module, "build_network", counted)
    return calls


def test_compute_uses_the_network_built_in_the_background(make_window, roads_project, qtbot, monkeypatch):
    builds = counting_builds(monkeypatch)
    win = make_window(roads_project)
    ctl = controller(win)
    ctl.panel.options.set_mode("network")
    qtbot.waitUntil(lambda: ctl.warmup.graph is not None, timeout=30000)  # built once the window is up
    assert len(builds) == 1
    outcome = run(ctl, qtbot)
    assert len(builds) == 1 and outcome.network is ctl.warmup.graph
    assert ctl.warmup.start() is None  # nothing new to build


def test_an_edited_road_layer_is_built_again(make_window, roads_project, qtbot, monkeypatch):
    builds = counting_builds(monkeypatch)
    win = make_window(roads_project)
    ctl = controller(win)
    ctl.panel.options.set_mode("network")
    qtbot.waitUntil(lambda: ctl.warmup.graph is not None, timeout=30000)
    first = ctl.warmup.graph
    roads = roads_project.layers_by_role(Role.ROADS)[0]
    extra = LineString([(*roads.data.geometry.iloc[0].coords[0],), (roads.data.geometry.iloc[0].coords[0][0] - 200,
                                                                    roads.data.geometry.iloc[0].coords[0][1])])
    roads.data = gpd.GeoDataFrame({"名称": [*roads.data["名称"], "新路"]},
                                  geometry=[*roads.data.geometry, extra], crs=roads.data.crs)
    roads_project.update_layer(roads)  # an edit replaces the layer's data
    qtbot.waitUntil(lambda: ctl.warmup.graph is not first and ctl.warmup.graph is not None, timeout=30000)
    assert len(builds) == 2
    assert ctl.warmup.graph.n_edges == first.n_edges + 1
    outcome = run(ctl, qtbot)
    assert len(builds) == 2 and outcome.network is ctl.warmup.graph


def test_bands_reach_the_map_type_by_type_before_the_run_ends(make_window, roads_project, qtbot):
    win = make_window(roads_project)
    ctl = controller(win)
    ctl.panel.options.set_mode("network")
    parts, sent = [], []
    set_overlay = win.map.set_overlay

    def recording(name, frame, **kw):
        sent.append((name, ctl.task is not None))
        return set_overlay(name, frame, **kw)

    win.map.set_overlay = recording
    on_part = ctl._on_part
    ctl._on_part = lambda run, kind, value: (parts.append((kind, value if kind == "types" else value[0])),
                                             on_part(run, kind, value))
    ctl.compute()
    qtbot.waitUntil(lambda: ctl.task is None, timeout=60000)
    types = parts[0][1]
    assert parts[0][0] == "types" and len(types) == 5
    assert sorted(t for k, t in parts[1:]) == sorted(types)  # every type's overlays, one by one
    first = ctl.panel.legend.visible_types()
    assert len(first) == 1 and first & {t for _, t in parts[1:1 + WORKERS]}  # the shown type is started first
    name = band_name(next(iter(first)))
    assert (name, True) in sent  # drawn while the run still went on
    assert name in ctl.shown_overlays() and [n for n, _ in sent].count(name) == 1  # and not sent again
    assert ctl._frames[name] is not None and len(ctl._frames) >= 5


def test_the_shown_types_are_drawn_first_next_time(make_window, roads_project, qtbot):
    win = make_window(roads_project)
    ctl = controller(win)
    ctl.panel.options.set_mode("network")
    run(ctl, qtbot)
    last = ctl.panel.legend.types()[-1]
    for t in ctl.panel.legend.types():
        ctl.panel.legend.set_type_visible(t, t == last)
    parts = []
    ctl.panel.options.edge_buffer.setValue(ctl.panel.options.edge_buffer.value() + 5)  # not the stored result
    on_part = ctl._on_part
    ctl._on_part = lambda run, kind, value: (parts.append(value[0]) if kind == "frames" else None,
                                             on_part(run, kind, value))
    ctl.compute()
    qtbot.waitUntil(lambda: ctl.task is None, timeout=60000)
    assert not ctl.outcome.from_cache and len(parts) == 5 and last in parts[:WORKERS]


def test_a_cancelled_run_takes_its_early_bands_off_the_map(make_window, roads_project, qtbot):
    win = make_window(roads_project)
    ctl = controller(win)
    ctl.panel.options.set_mode("network")
    drawn_early = []
    on_part = ctl._on_part

    def part_then_cancel(run, kind, value):
        on_part(run, kind, value)
        if ctl._sent and not drawn_early:  # the first type is on the map: the user cancels
            drawn_early.extend(ctl._sent)
            ctl.task.cancel()

    ctl._on_part = part_then_cancel
    ctl.compute()
    qtbot.waitUntil(lambda: ctl.task is None, timeout=60000)
    assert drawn_early and ctl.outcome is None
    assert not (set(drawn_early) & ctl.shown_overlays()) and not any(n in win.map.overlays for n in drawn_early)
