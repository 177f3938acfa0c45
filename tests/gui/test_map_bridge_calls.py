"""Every bridge slot called from the page with garbage: each call is logged and dropped, nothing
raises, and the app keeps working (issue 11: JSONDecodeError, KeyError, a 200k-point lasso)."""

from __future__ import annotations

import json
import math

from tests.gui.conftest import run_js

BIG_RING = "JSON.stringify(Array.from({length: 200000}, (_, i) => [117 + Math.cos(i) * 0.01, 36.6 + Math.sin(i) * 0.01]))"


def garbage(layer_id: str) -> list[str]:
    """Calls that break the bridge's contract, one rejection each."""
    lid = json.dumps(layer_id)
    return [
        "featureClicked('no-such-layer', 1, false)", "featureClicked({}, 'x', null)",
        f"featureClicked({lid}, -1, false)", f"featureClicked({lid}, 1.5, false)",
        f"featureClicked({lid}, 1000000, false)", f"featureClicked({lid}, 1, 'yes')",
        "featureClicked('x'.repeat(1000000), 1, false)",
        "mapClicked('a', 1, true)", "mapClicked(NaN, 1, false)", "mapClicked(1e308, 0, false)",
        "mapClicked(200, 0, false)", "mapClicked(0, 91, false)", "mapClicked(1, 2, 1)",
        "regionSelected('{bad json', true)", "regionSelected('[[1,2],[3]]', true)", "regionSelected('\"x\"', true)",
        "regionSelected('[[1e999,2],[3,4],[5,6]]', true)", "regionSelected('[[NaN,1],[2,3],[4,5]]', false)",
        f"regionSelected({BIG_RING}, false)", "regionSelected('['.repeat(100000), false)",
        "regionSelected('[[1,2],[3,4],[5,6]]', 'true')", "regionSelected(12345, true)",
        "mouseMoved('x', null)", "mouseMoved(NaN, NaN)", "mouseMoved(181, 0)",
        "viewChanged('{bad')", "viewChanged('[]')", "viewChanged(JSON.stringify({center: 'x', zoom: 'y', mpp: -1}))",
        "viewChanged('x'.repeat(5000000))", "viewChanged(JSON.stringify({center: [1, 2]}))",
        "viewChanged(JSON.stringify({center: [1, 2], zoom: 1e9, mpp: 1}))", "viewChanged(42)",
        "drawn('{bad')", "drawn(JSON.stringify({layers: 'many'}))", "drawn('['.repeat(100000))",
        "drawn(JSON.stringify({layers: -1}))", "drawn(null)",
        "overlayClicked(null, '{}')", "overlayClicked('a', '[1]')", "overlayClicked('a', '{bad')",
        "overlayClicked('x'.repeat(1000), '{}')", "overlayClicked('a', JSON.stringify({k: 'x'.repeat(100000)}))",
    ]


def call_all(qtbot, view, calls: list[str]) -> None:
    run_js(qtbot, view, "(() => { " + " ".join(f"bridge.{c};" for c in calls) + " return 1; })()")


def test_garbage_calls_are_dropped_and_the_app_keeps_working(make_window, project, qtbot):
    win = make_window(project)
    bridge, compounds = win.map.bridge, project.layers[0]
    emitted = []
    for signal in (bridge.featureClick, bridge.mapClick, bridge.regionSelect, bridge.cursorMoved,
                   bridge.viewChange, bridge.pageDrawn, bridge.overlayClick):
        signal.connect(lambda *args, s=signal: emitted.append(args))
    project.select(compounds.id, {2})
    view_before = dict(win.map.view_state)
    calls = garbage(compounds.id)
    emitted.clear()
    call_all(qtbot, win.map, calls)
    qtbot.waitUntil(lambda: bridge.rejected >= len(calls), timeout=20000)
    call_all(qtbot, win.map, ["ready(1, 2, 3)", "featureClicked()", "regionSelected()"])  # QWebChannel refuses these
    run_js(qtbot, win.map, "(() => { const t = qt.webChannelTransport; t.send('not json'); t.send('[]');"
                           " t.send(JSON.stringify({type: 6, object: 'bridge', method: 9999, args: [], id: 1}));"
                           " t.send(JSON.stringify({type: 6, object: 'nothing', method: 1, args: []}));"
                           " t.send(JSON.stringify({type: 7, object: 'bridge', property: 9999, value: 1})); return 1; })()")
    call_all(qtbot, win.map, ["deleteLater()"])  # QWebChannel offers it: the bridge refuses to go
    qtbot.waitUntil(lambda: bridge.rejected == len(calls) + 1, timeout=5000)
    qtbot.wait(300)
    assert bridge.objectName() == "" and bridge.rejected == len(calls) + 1
    assert [args for args in emitted if args and not isinstance(args[0], dict)] == []  # no click or region passed on
    assert project.selection(compounds.id) == {2}
    assert win.map.view_state == view_before and all(math.isfinite(v) for v in win.map.view_state["center"])
    assert run_js(qtbot, win.map, "ocp.layerCount()") == 2
    with qtbot.waitSignal(project.selection_changed, timeout=5000):  # real calls still work
        call_all(qtbot, win.map, [f"featureClicked({json.dumps(compounds.id)}, 5, false)"])
    assert project.selection(compounds.id) == {5}


def test_a_long_lasso_is_thinned_and_still_selects(make_window, project, qtbot):
    win = make_window(project)
    compounds = project.layers[0]
    win.layers.select_layer(compounds)
    minx, miny, maxx, maxy = compounds.display_data().total_bounds
    cx, cy, r = (minx + maxx) / 2, (miny + maxy) / 2, max(maxx - minx, maxy - miny)
    rings = []
    win.map.bridge.regionSelect.connect(lambda ring, _additive: rings.append(len(ring)))
    ring = (f"JSON.stringify(Array.from({{length: 30000}}, (_, i) => [{cx} + {r} * Math.cos(i / 30000 * 2 * Math.PI),"
            f" {cy} + {r} * Math.sin(i / 30000 * 2 * Math.PI)]))")
    with qtbot.waitSignal(project.selection_changed, timeout=10000):
        call_all(qtbot, win.map, [f"regionSelected({ring}, false)"])
    assert rings == [20000]
    assert project.selection(compounds.id) == set(range(len(compounds)))
