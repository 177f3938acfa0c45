"""Big overlays reach the page as a body it fetches (ocpmap://map/layers/), made off the UI thread
when the frame carries it (gui.map.view.with_body); small ones still travel as text (issue 12)."""

from __future__ import annotations

import json

import geopandas as gpd
import numpy as np
import shapely

from gui.map.blobs import blob_store
from gui.map.view import BODY, FETCHED_MIN, overlay_body, with_body
from tests.gui.conftest import run_js


def squares(n: int) -> gpd.GeoDataFrame:
    x = np.arange(n) * 1e-4
    geoms = shapely.box(116.3 + x, 39.9, 116.30005 + x, 39.90005)
    return gpd.GeoDataFrame({"stroke": ["#123456"] * n, "weight": [1.0] * n}, geometry=geoms, crs=4326)


def drawn(qtbot, view, name: str, count: int) -> None:
    qtbot.waitUntil(lambda: run_js(qtbot, view, f"(state.overlays.get('{name}') || {{getLayers: () => []}})"
                                                ".getLayers().length") == count, timeout=20000)


def test_a_big_overlay_is_fetched_and_its_premade_body_sent_as_is(make_window, project, qtbot):
    view = make_window(project).map
    frame = with_body(squares(3000))
    assert len(overlay_body(frame)) >= FETCHED_MIN
    one = with_body(squares(3000).iloc[:1])
    frame.attrs[BODY] = (id(frame), overlay_body(one) + b" " * FETCHED_MIN)  # sent as it is, not rebuilt
    served = blob_store().served
    view.set_overlay("big", frame)
    drawn(qtbot, view, "big", 1)
    view.set_overlay("big", frame.copy())  # another object: its own body, built now
    drawn(qtbot, view, "big", 3000)
    assert blob_store().served - served == 2
    assert not any(blob_store().holds(u) for u in view.outbox._urls)


def test_a_small_overlay_travels_as_text(make_window, project, qtbot):
    view = make_window(project).map
    served = blob_store().served
    view.set_overlay("small", squares(5))
    drawn(qtbot, view, "small", 5)
    assert blob_store().served == served


def test_a_packed_overlay_is_drawn_in_tiles_with_each_features_style(make_window, project, qtbot):
    from gui.map.view import PACKED, with_packed

    view = make_window(project).map
    ring = shapely.Point(116.35, 39.95).buffer(0.01)
    hole = shapely.Point(116.35, 39.95).buffer(0.004)
    frame = with_packed(gpd.GeoDataFrame({"stroke": ["#112233", "#445566"], "fill": ["#ff0000", None],
                                          "fillOpacity": [0.3, 0.0], "weight": [1.5, 2.0], "dash": [None, "4 3"]},
                                         geometry=[ring.difference(hole), hole], crs=4326))
    packed, styles = frame.attrs[PACKED][1:]
    assert packed.head["kind"] == "polygon" and packed.head["rings"] == 3
    assert styles[1] == {"stroke": "#445566", "fill": None, "dash": "4 3", "fillOpacity": 0.0, "weight": 2.0}
    served = blob_store().served
    view.set_overlay("packed", frame)
    qtbot.waitUntil(lambda: run_js(qtbot, view, "(state.overlays.get('packed') || {}).feats ? "
                                                "state.overlays.get('packed').feats.length : -1") == 2, timeout=20000)
    assert blob_store().served - served == 1  # fetched as binary
    assert run_js(qtbot, view, "state.overlays.get('packed').style.features[1].dash") == "4 3"
    view.set_overlay("packed", frame.copy())  # a copy (a muted one) goes as GeoJSON
    drawn(qtbot, view, "packed", 2)
    view.set_overlay("packed", None)
    qtbot.waitUntil(lambda: run_js(qtbot, view, "state.overlays.has('packed')") is False, timeout=20000)


def test_a_packed_overlay_is_drawn_simplified_to_half_a_pixel_at_low_zooms(make_window, project, qtbot):
    from gui.map.view import PACKED, with_packed

    view = make_window(project).map
    ring = shapely.Point(116.35, 39.95).buffer(0.01, 512)  # 2,049 vertices: detail below a pixel at low zooms
    frame = with_packed(gpd.GeoDataFrame({"stroke": ["#112233"], "fill": ["#ff0000"], "fillOpacity": [0.3],
                                          "weight": [1.0], "dash": [None]}, geometry=[ring], crs=4326))
    view.set_overlay("packed", frame)
    qtbot.waitUntil(lambda: run_js(qtbot, view, "!!(state.overlays.get('packed') || {}).feats"), timeout=20000)

    def drawn_at(z: int | None) -> np.ndarray:  # the ring a tile at zoom z draws (None: as sent), world units
        layer = "state.overlays.get('packed')" + (f".levelAt({z})" if z is not None else "")
        return np.array(json.loads(run_js(qtbot, view, f"JSON.stringify(Array.from({layer}.feats[0].parts[0]))"))
                        ).reshape(-1, 2)

    full = drawn_at(None)
    assert len(full) == frame.attrs[PACKED][1].head["coords"] == 2049
    assert run_js(qtbot, view, "(l => l.levelAt(30) === l)(state.overlays.get('packed'))")  # zoomed in: as it is
    for z in (9, 12, 14):
        got = drawn_at(z)
        assert 4 <= len(got) < 0.6 * len(full)
        assert shapely.distance(shapely.points(full), shapely.linestrings(got)).max() <= 0.5 / 2 ** z * 1.001
    dot = drawn_at(1)  # the whole ring within half a pixel: one point, drawn as a dot
    assert len(dot) == 2 and (dot[0] == dot[1]).all()
