"""Life circles in the window: buffer and network bands on the map, toggles, network pieces,
the result cache, Cancel, the result layer and an OSM network source."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton
from shapely.geometry import Point

from gis.domain import Role
from gui.lifecircles.legend import MAP_BACKGROUND
from gui.lifecircles.overlays import NETWORK, band_name
from gui.lifecircles.palette import BAND_OPACITY, band_colour, over, piece_colour
from tests.gui.conftest import X0, Y0, color_pixels, run_js
from tests.gui.lifecircles_fixtures import (PX0, controller, hide_layers, lifecircles_registered,  # noqa: F401
                                            roads_project, run, wait_drawn)

CLINIC_INNER = over(band_colour("clinic", 0), MAP_BACKGROUND, BAND_OPACITY)


def band_pixels(win, colour: str = CLINIC_INNER) -> int:
    return color_pixels(win.map.grab().toImage(), colour, tol=6)


def test_buffer_bands_appear_and_go_with_their_group(make_window, roads_project, qtbot):
    win = make_window(roads_project)
    ctl = controller(win)
    hide_layers(roads_project, qtbot, win, roles=(Role.COMPOUNDS, Role.ROADS))
    assert band_pixels(win) == 0
    ctl.panel.options.set_mode("buffer")
    out = run(ctl, qtbot)
    assert set(out.result.bands["type"]) == {"clinic", "elderly_canteen", "kindergarten", "nursery", "nursing_home"}
    clinic = out.result.bands[(out.result.bands["type"] == "clinic")].sort_values("ring")
    assert clinic["outer_m"].tolist() == [300.0, 500.0, 1000.0]
    # a 300 m circle: area within 1% of pi r^2
    assert abs(clinic["area_m2"].iloc[0] - np.pi * 300**2) / (np.pi * 300**2) < 0.01
    # first time only the first type is shown, so bands do not hide one another
    assert ctl.panel.legend.visible_types() == {"clinic"}
    assert band_name("clinic") in ctl.shown_overlays()
    wait_drawn(qtbot, win)
    shown = band_pixels(win)
    assert shown > 3000, shown
    assert ctl.map_legend.isVisible()

    ctl.panel.legend.set_group_visible("elderly", False)
    assert ctl.shown_overlays() == set()
    wait_drawn(qtbot, win)
    assert band_pixels(win) < 30
    assert not ctl.map_legend.isVisible()

    ctl.panel.legend.set_group_visible("elderly", True)  # all four 一老 types
    assert {band_name(t) for t in ("clinic", "elderly_canteen", "nursing_home")} <= ctl.shown_overlays()
    assert band_name("kindergarten") not in ctl.shown_overlays()
    ctl.panel.legend.set_group_visible("children", True)
    assert band_name("kindergarten") in ctl.shown_overlays()
    ctl.panel.legend.set_type_visible("clinic", False)
    assert band_name("clinic") not in ctl.shown_overlays()


def test_network_bands_follow_the_streets(make_window, roads_project, qtbot):
    win = make_window(roads_project)
    ctl = controller(win)
    hide_layers(roads_project, qtbot, win, roles=(Role.COMPOUNDS, Role.ROADS))
    assert ctl.panel.options.mode == "network"  # a road layer is there
    out = run(ctl, qtbot)
    assert out.network is not None and out.network.components.count == 2
    bands = out.result.bands
    inner = bands[(bands["type"] == "clinic") & (bands["ring"] == 0)].geometry.iloc[0]
    # the clinic stands on the south street at x = X0 + 130; a compound's core, 60 m from
    # every street, is out of the walkable band although it lies within 300 m in a straight line
    core = Point(PX0 + 60, Y0 + 60)
    assert core.distance(Point(PX0 + 130, Y0 - 10)) < 300
    assert not inner.contains(core)
    assert inner.contains(Point(PX0 + 130, Y0 + 100))  # on the street north of the clinic
    assert inner.area < 0.6 * np.pi * 300**2
    wait_drawn(qtbot, win)
    assert band_pixels(win) > 1000

    # the network: summary, the disconnected footpath listed, drawn in its piece colour
    panel = ctl.panel.network
    footpath = out.network.components
    assert panel.pieces.count() == 1 and footpath.edges[1] == 1 and footpath.nodes[1] == 2
    assert "1" in panel.pieces.item(0).text() and "270" in panel.pieces.item(0).text()  # 150 + 120 m
    assert color_pixels(win.map.grab().toImage(), piece_colour(1), tol=10) == 0
    panel.show_box.setChecked(True)
    assert NETWORK in ctl.shown_overlays()
    wait_drawn(qtbot, win)
    assert color_pixels(win.map.grab().toImage(), piece_colour(1), tol=10) > 50
    assert ctl.actions["network"].isChecked()
    # double-clicking the piece in the list zooms the map to it
    zoom = run_js(qtbot, win.map, "ocp.zoom()")
    panel.pieces.itemDoubleClicked.emit(panel.pieces.item(0))
    qtbot.waitUntil(lambda: run_js(qtbot, win.map, "ocp.zoom()") > zoom, timeout=5000)


def test_unchanged_inputs_reuse_the_stored_result(make_window, roads_project, qtbot):
    win = make_window(roads_project)
    ctl = controller(win)
    ctl.panel.options.set_mode("network")
    first = run(ctl, qtbot)
    misses = ctl.cache.misses
    assert not first.from_cache
    again = run(ctl, qtbot)
    assert again.from_cache and again.result is first.result and ctl.cache.misses == misses
    assert "reused" in ctl.panel.status.text() or "复用" in ctl.panel.status.text()

    # moving a facility makes the result stale; the network is reused, the areas recomputed
    layer = roads_project.first(Role.FACILITIES)
    moved = layer.data.copy()
    moved.loc[0, "geometry"] = Point(PX0 + 270, Y0 + 130)
    layer.set_data(gpd.GeoDataFrame(moved, crs=layer.data.crs))
    roads_project.update_layer(layer)
    assert ctl.stale
    third = run(ctl, qtbot)
    assert not third.from_cache and third.network is first.network
    assert ctl.cache.misses == misses + 1
    assert not ctl.stale

    # switching to time mode changes the distances: recomputed
    ctl.panel.options.set_timed(True)
    fourth = run(ctl, qtbot)
    assert not fourth.from_cache
    assert fourth.params.distances_for("clinic") == (300.0, 600.0, 900.0)  # 1.0 m/s for 一老
    assert fourth.params.distances_for("kindergarten") == (360.0, 720.0, 1080.0)  # 1.2 m/s


def test_cancel_stops_the_run_and_keeps_nothing(make_window, roads_project, qtbot):
    # a 90 x 90 street grid (16,000 edges) and 300 facilities: seconds of work
    n, step = 90, 40.0
    xs = PX0 - 1000 + np.arange(n) * step
    ys = Y0 - 1000 + np.arange(n) * step
    lines = [shapely.LineString([(x, ys[0]), (x, ys[-1])]) for x in xs]
    lines += [shapely.LineString([(xs[0], y), (xs[-1], y)]) for y in ys]
    roads = roads_project.first(Role.ROADS)
    roads.set_data(gpd.GeoDataFrame({"名称": ["路"] * len(lines)}, geometry=lines, crs=roads.data.crs))
    rng = np.random.default_rng(3)
    fac = roads_project.first(Role.FACILITIES)
    pts = [Point(x, y) for x, y in zip(rng.uniform(xs[0], xs[-1], 300), rng.uniform(ys[0], ys[-1], 300))]
    names = rng.choice(["社区卫生服务站", "幼儿园", "长者食堂"], 300)
    fac.set_data(gpd.GeoDataFrame({"名称": names}, geometry=pts, crs=fac.data.crs))
    win = make_window(roads_project)
    ctl = controller(win)
    ctl.panel.options.set_mode("network")
    task = ctl.compute()
    assert task is not None
    dialog = win.findChild(QProgressDialog)
    assert dialog is not None
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)  # the dialog's Cancel button
    qtbot.waitUntil(lambda: ctl.task is None, timeout=60000)
    assert ctl.outcome is None
    assert ctl.shown_overlays() == set()
    assert ctl.panel.options.compute_button.isEnabled()
    assert ctl.panel.status.text() != ""
    assert len(ctl.cache) <= 1  # at most the network, never a half-made result


def test_result_becomes_a_project_layer(make_window, roads_project, qtbot):
    win = make_window(roads_project)
    ctl = controller(win)
    ctl.panel.options.set_mode("buffer")
    out = run(ctl, qtbot)
    layer = ctl.add_layer()
    assert layer is roads_project.first(Role.SERVICE_AREAS)
    assert len(layer.data) == len(out.result.bands)
    assert {"type", "group", "inner_m", "outer_m", "area_m2", "label"} <= set(layer.data.columns)
    assert layer.data.crs.equals(roads_project.crs)
    assert roads_project.dirty


def test_network_mode_without_a_network_says_what_to_do(make_window, project, qtbot):
    win = make_window(project)  # no road layer
    ctl = controller(win)
    assert ctl.panel.options.mode == "buffer"  # the default follows what the project has
    ctl.panel.options.set_mode("network")
    assert ctl.compute() is None
    assert ctl.panel.status.text()
    assert ctl.outcome is None


OSM_XML = """<?xml version='1.0' encoding='UTF-8'?>
<osm version="0.6" generator="test">
{nodes}
  <way id="1"><nd ref="1"/><nd ref="2"/><nd ref="3"/><tag k="highway" v="footway"/></way>
  <way id="2"><nd ref="2"/><nd ref="4"/><tag k="highway" v="residential"/></way>
  <way id="3"><nd ref="4"/><nd ref="5"/><tag k="highway" v="motorway"/></way>
</osm>
"""


def test_network_from_an_osm_file(make_window, roads_project, qtbot, tmp_path):
    from pyproj import Transformer

    to_lonlat = Transformer.from_crs("EPSG:4527", "EPSG:4326", always_xy=True)
    xy = [(X0 - 10, Y0 - 10), (X0 + 270, Y0 - 10), (X0 + 550, Y0 - 10), (X0 + 270, Y0 + 400), (X0 + 270, Y0 + 900)]
    nodes = "\n".join(f'  <node id="{k + 1}" lat="{lat:.7f}" lon="{lon:.7f}"/>'
                      for k, (lon, lat) in enumerate(to_lonlat.transform(*p) for p in xy))
    path = tmp_path / "walk.osm"
    path.write_text(OSM_XML.format(nodes=nodes), encoding="utf-8")
    win = make_window(roads_project)
    ctl = controller(win)
    ctl.panel.options.set_mode("network")
    ctl.panel.options.set_osm_path(str(path))
    out = run(ctl, qtbot)
    assert out.network.report.source == "osm"
    assert out.network.n_edges == 3  # the motorway is not walkable
    inner = out.result.bands[(out.result.bands["type"] == "clinic") & (out.result.bands["ring"] == 0)]
    # the clinic at X0 + 130 walks 140 m east to the junction, then 160 m north
    assert inner.geometry.iloc[0].contains(Point(PX0 + 270, Y0 + 140))
    assert not inner.geometry.iloc[0].contains(Point(PX0 + 270, Y0 + 200))


def test_selecting_a_facility_outlines_its_own_areas(make_window, roads_project, qtbot):
    from gui.lifecircles.overlays import SELECTED

    win = make_window(roads_project)
    ctl = controller(win)
    ctl.panel.options.set_mode("network")
    out = run(ctl, qtbot)
    facilities = roads_project.first(Role.FACILITIES)
    roads_project.select(facilities.id, [0])  # the only clinic
    qtbot.waitUntil(lambda: SELECTED in ctl.shown_overlays(), timeout=20000)
    frame = ctl._selected_frame
    assert len(frame) == 3 and frame["dash"].isna().sum() == 1  # 300 m solid, 500 and 1000 m dashed
    # one clinic: its own 300 m area is the type's innermost band
    own = frame.to_crs(roads_project.crs).geometry.iloc[0]
    band = out.result.bands.query("type == 'clinic' and ring == 0").geometry.iloc[0]
    assert abs(own.area - band.area) / band.area < 0.02
    roads_project.select(facilities.id, [])
    qtbot.waitUntil(lambda: SELECTED not in ctl.shown_overlays(), timeout=5000)
