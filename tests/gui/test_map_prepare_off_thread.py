"""A layer is prepared for the map (WGS 84 copy, style, packed geometry) off the UI thread, the
window keeps responding meanwhile, and what is sent after it still reaches the page after it."""

from __future__ import annotations

import threading

import geopandas as gpd
import numpy as np
import shapely

import gui.map.outbox as outbox
from gis.domain import Role
from gis.layer import Layer, LayerStyle
from tests.gui.conftest import X0, Y0, color_pixels, run_js, settle

FILL = "#2ca02c"


def _blocks(n_side: int = 40) -> Layer:
    """1,600 squares beside the fixture's compounds, in their CRS."""
    i, j = np.divmod(np.arange(n_side * n_side), n_side)
    x, y = X0 + 700 + i * 12.0, Y0 + j * 12.0
    frame = gpd.GeoDataFrame({"k": np.arange(i.size)}, geometry=shapely.box(x, y, x + 10, y + 10), crs="EPSG:4527")
    return Layer("blocks", Role.OTHER, frame, style=LayerStyle(fill=FILL, fill_opacity=1.0))


def test_preparing_a_layer_runs_off_the_ui_thread_and_the_window_keeps_responding(
        make_window, project, qtbot, monkeypatch):
    win = make_window(project)
    ui = threading.get_ident()
    release, where = threading.Event(), []
    real = outbox.packed

    def slow_packed(layer):
        where.append(threading.get_ident())
        release.wait(20)  # hold the preparation until the UI thread has shown it is free
        return real(layer)

    monkeypatch.setattr(outbox, "packed", slow_packed)
    layer = _blocks()
    project.add_layer(layer)
    win.map.zoom_to_layer(layer)
    project.select(layer.id, {0, 1})  # sent after the layer, so it must wait for it
    qtbot.waitUntil(lambda: bool(where), timeout=10000)  # the worker reached packing (slow on a loaded machine)
    ticks = []
    for _ in range(5):  # the UI thread runs timers and the page answers while the layer is prepared
        qtbot.wait(20)
        ticks.append(run_js(qtbot, win.map, "ocp.layerCount()"))
    assert ticks == [2] * 5 and where and ui not in where and win.map.outbox.pending >= 2
    with qtbot.waitSignal(win.map.drawnAll, timeout=30000):
        release.set()
    settle(qtbot, win)
    assert run_js(qtbot, win.map, "ocp.layerCount()") == 3
    assert win.map.outbox.pending == 0
    assert color_pixels(win.map.grab().toImage(), FILL) > 2000


def test_a_layer_that_cannot_be_prepared_does_not_hold_up_the_others(make_window, project, qtbot, monkeypatch):
    win = make_window(project)
    real = outbox.packed

    def fails_once(layer):
        if layer.name == "broken":
            raise ValueError("cannot pack")
        return real(layer)

    monkeypatch.setattr(outbox, "packed", fails_once)
    broken, good = _blocks(3), _blocks(20)
    broken.name = "broken"
    project.add_layer(broken)
    with qtbot.waitSignal(win.map.drawnAll, timeout=30000):  # not waiting for the broken one forever
        project.add_layer(good)
    settle(qtbot, win)
    assert run_js(qtbot, win.map, "ocp.layerCount()") == 3 and win.map.outbox.pending == 0
