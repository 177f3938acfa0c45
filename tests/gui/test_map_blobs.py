"""Layer geometry reaches the page as binary it fetches once from ``ocpmap://map/layers/`` (issue 12):
the body is taken when served, a second or guessed fetch fails, and the page may fetch nothing else."""

from __future__ import annotations

import pytest

from gui.map.blobs import blob_store
from tests.gui.conftest import run_js
from tests.gui.test_map_security import run_async


def fetch_text(qtbot, view, url: str) -> str:
    return run_async(qtbot, view, f"const r = await fetch('{url}'); return r.ok ? 'bytes ' + (await r.arrayBuffer())"
                                  ".byteLength : 'status ' + r.status;")


def test_layer_bodies_are_fetched_once_and_then_gone(make_window, project, qtbot):
    served = blob_store().served
    win = make_window(project)
    assert blob_store().served - served == 2  # the compounds and the facilities
    urls = win.map.outbox._urls
    assert urls and not any(blob_store().holds(u) for u in urls)  # nothing of this window waits once drawn
    used = win.map.outbox._urls[-1]
    assert fetch_text(qtbot, win.map, used) == "status 404"  # taken: a second fetch fails
    url = blob_store().put(b"\x01\x02\x03\x04")
    assert fetch_text(qtbot, win.map, url) == "bytes 4"
    assert fetch_text(qtbot, win.map, "ocpmap://map/layers/" + "0" * 32 + ".bin") == "status 404"
    assert fetch_text(qtbot, win.map, "ocpmap://map/layers/../map.js").startswith("error: TypeError")  # the CSP


@pytest.mark.parametrize("url", ["ocpmap://map/map.js", "ocpmap://tiles/x/0/0/0.png", "data:,x"])
def test_the_page_may_fetch_nothing_but_layer_bodies(make_window, project, qtbot, url):
    view = make_window(project).map
    assert fetch_text(qtbot, view, url).startswith("error: TypeError")


def test_bodies_the_page_never_fetched_are_dropped_with_the_view(app):
    from gui.map.outbox import Outbox

    box = Outbox()
    url = blob_store().put(b"1234")
    box._urls.append(url)
    box.close()
    assert not blob_store().holds(url)


def test_messages_after_a_layer_wait_for_its_geometry(make_window, project, qtbot):
    """A selection and a restyle sent right behind a new layer reach the page after its fetch."""
    from tests.gui.test_map_prepare_off_thread import _blocks

    win = make_window(project)
    layer = _blocks(10)
    with qtbot.waitSignal(win.map.drawnAll, timeout=30000):
        project.add_layer(layer)
        project.select(layer.id, {3, 7})
        layer.style.fill = "#123456"
        project.update_layer(layer)
    got = run_js(qtbot, win.map, f"(() => {{ const e = state.layers.get('{layer.id}');"
                                 " return [[...e.tiles.selected].sort(), e.tiles.style.fill]; })()")
    assert got == [[3, 7], "#123456"]



def test_a_big_layers_labels_are_fetched_beside_its_geometry(make_window, project, qtbot):
    """Labels past FETCHED_MIN bytes go as a body too (not through QWebChannel), and the page shows them."""
    import geopandas as gpd
    import numpy as np
    import shapely

    from gis.domain import Role
    from gis.layer import Layer, LayerStyle
    from tests.gui.conftest import X0, Y0

    win = make_window(project)
    i, j = np.divmod(np.arange(3600), 60)
    x, y = X0 + 700 + i * 30.0, Y0 + j * 30.0
    frame = gpd.GeoDataFrame({"name": [f"小区{k:04d}" for k in range(3600)]},
                             geometry=shapely.box(x, y, x + 20, y + 20), crs="EPSG:4527")
    layer = Layer("named", Role.OTHER, frame, style=LayerStyle(label_field="name"))
    served = blob_store().served
    with qtbot.waitSignal(win.map.drawnAll, timeout=30000):
        project.add_layer(layer)
    assert blob_store().served - served == 2  # the geometry and the labels
    assert not any(blob_store().holds(u) for u in win.map.outbox._urls)
    got = run_js(qtbot, win.map, f"(() => {{ const s = state.layers.get('{layer.id}').style;"
                                 " return [s.labels.length, s.labels[7][2], !!s.labelsUrl]; })()")
    assert got == [3600, "小区0007", True]
    with qtbot.waitSignal(win.map.drawnAll, timeout=30000):
        win.map.zoom_to_layer(layer, fids=[7])
    assert run_js(qtbot, win.map, "ocp.labelCount()") > 0


def test_label_bodies_are_written_a_slice_at_a_time_as_the_same_json():
    import json

    from gui.map.outbox import _json_list

    for items in ([], [[117.5, 36.6, "甲"]], [[k * 0.5, k, f"小区{k}"] for k in range(12_345)]):
        assert _json_list(items) == json.dumps(items, ensure_ascii=False)
        assert _json_list(items, step=7) == json.dumps(items, ensure_ascii=False)
