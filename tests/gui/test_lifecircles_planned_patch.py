"""A planned site added, moved or removed (and undone, redone) reaches the map as a patch of its
type's packed bands: the page ends up holding exactly the rings of the new bands (none stale,
none missing) and draws what a full redraw draws."""

from __future__ import annotations

from collections import Counter

import geopandas as gpd
import numpy as np
import pytest
from PySide6.QtGui import QUndoStack
from shapely.geometry import Point

from gis.gaps.siting import planned_layer
from gis.packed_rings import PackedRings
from gui.lifecircles.overlays import RINGS, band_name, band_rows
from gui.people.controller import LayerDataCommand
from tests.gui.conftest import X0, Y0, run_js
from tests.gui.lifecircles_fixtures import controller, lifecircles_registered, roads_project, run  # noqa: F401

NAME = band_name("clinic")


def page_rings(qtbot, win) -> Counter:
    """The page's rings of the clinics' bands: (fid, vertices, first x, first y) each."""
    return Counter(tuple(r) for r in run_js(qtbot, win.map, f"ocp.overlayRings({NAME!r})"))


def fresh_rings(ctl) -> Counter:
    """The rings a fresh packing of the clinics' bands holds now (relative to the page's origin)."""
    bands = ctl.outcome.result.bands
    store = PackedRings.of(band_rows(bands, "clinic").geometry.values, bands.crs, ctl._frames[NAME].attrs[RINGS].origin)
    return Counter((int(f), int(b - a), float(store.xy[a, 0]), float(store.xy[a, 1]))
                   for f, a, b in zip(store.fids, store.offsets, store.offsets[1:]))


def settle(qtbot, win, ctl, sent: list) -> None:
    """Wait for the planned task and for the page to report it drew after it."""
    qtbot.waitUntil(lambda: ctl.planned.task is None and not ctl.planned.pending, timeout=20000)
    before = len(sent)
    qtbot.waitUntil(lambda: len(sent) > before and run_js(qtbot, win.map, "ocp.waiting()") == 0, timeout=20000)


def grabbed(win, path) -> np.ndarray:
    img = win.map.grab().toImage()
    img.save(str(path))
    ptr = img.constBits()
    return np.frombuffer(ptr, np.uint8).reshape(img.height(), img.bytesPerLine())[:, :img.width() * 4].copy()


@pytest.fixture
def shown(make_window, roads_project, qtbot):
    win = make_window(roads_project)
    ctl = controller(win)
    ctl.panel.options.set_mode("network")
    run(ctl, qtbot)
    qtbot.waitUntil(lambda: ctl.planned.task is None and ctl.planned.live is not None, timeout=20000)  # made ahead
    return win, ctl


def test_add_move_remove_undo_redo_patch_the_page_to_the_new_bands(shown, roads_project, qtbot, tmp_path):
    win, ctl = shown
    assert NAME in ctl.shown_overlays()
    sent = []
    win.map.bridge.pageDrawn.connect(lambda info: sent.append(info))
    patches = []
    patch_overlay = win.map.patch_overlay
    win.map.patch_overlay = lambda *a: (patches.append(a[2]), patch_overlay(*a))
    site = gpd.GeoDataFrame({"id": ["P-clinic-1"], "name": ["规划卫生服务站1"], "facility_type": ["clinic"],
                             "planned": [True], "radius_m": [300.0]}, geometry=[Point(X0 + 420, Y0 + 560)],
                            crs="EPSG:4527")
    layer = planned_layer(site, name="规划设施")
    roads_project.add_layer(layer)
    settle(qtbot, win, ctl, sent)
    assert patches[-1] is not None and page_rings(qtbot, win) == fresh_rings(ctl)
    added = grabbed(win, tmp_path / "added.png")

    stack = QUndoStack()
    data = layer.data
    moved = data.set_geometry(gpd.GeoSeries([Point(X0 + 130, Y0 + 420)], index=data.index, crs="EPSG:4527")
                              .to_crs(data.crs))  # 290 m west, 140 m south
    stack.push(LayerDataCommand(roads_project, layer, moved, layer.fields, "move"))
    settle(qtbot, win, ctl, sent)
    assert patches[-1] is not None and patches[-1].remove  # the old place's rings dropped
    assert page_rings(qtbot, win) == fresh_rings(ctl)
    after_move = grabbed(win, tmp_path / "moved.png")
    win.map.set_overlay(NAME, None)
    win.map.set_overlay(NAME, ctl._frames[NAME])  # drawn whole: what the patch must look like
    qtbot.waitUntil(lambda: run_js(qtbot, win.map, "ocp.waiting()") == 0, timeout=20000)
    qtbot.wait(400)
    whole = grabbed(win, tmp_path / "moved-whole.png")
    differ = np.abs(after_move.astype(int) - whole.astype(int)).max(axis=-1) > 40
    assert differ.mean() < 0.002, differ.mean()  # no stale ring, none missing
    assert (np.abs(after_move.astype(int) - added.astype(int)).max(axis=-1) > 40).mean() > 0.002  # it moved

    stack.undo()  # back where it was added
    settle(qtbot, win, ctl, sent)
    assert page_rings(qtbot, win) == fresh_rings(ctl)
    stack.redo()
    settle(qtbot, win, ctl, sent)
    assert page_rings(qtbot, win) == fresh_rings(ctl)
    stack.push(LayerDataCommand(roads_project, layer, layer.data.iloc[:0], layer.fields, "remove"))
    settle(qtbot, win, ctl, sent)
    assert page_rings(qtbot, win) == fresh_rings(ctl) and "P-clinic-1" not in ctl.planned.known
    stack.undo()
    settle(qtbot, win, ctl, sent)
    assert page_rings(qtbot, win) == fresh_rings(ctl) and "P-clinic-1" in ctl.planned.known
    assert all(p is not None for p in patches)  # every step a patch, never the whole type
