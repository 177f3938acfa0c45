"""The network-mode overlays are prepared in the worker: a city's network frame (every edge
merged per piece) took seconds on the UI thread when the bands were drawn."""

from __future__ import annotations

import threading

import gui.lifecircles.preparing as controller_module
from gui.lifecircles.overlays import NETWORK
from gui.map.view import BODY, PACKED
from tests.gui.lifecircles_fixtures import controller, lifecircles_registered, roads_project, run  # noqa: F401


def test_the_network_overlay_is_made_off_the_ui_thread(make_window, roads_project, qtbot, monkeypatch):
    threads = []
    made = controller_module.network_frame

    def recording(*args):
        threads.append(threading.current_thread())
        return made(*args)

    monkeypatch.setattr(controller_module, "network_frame", recording)
    win = make_window(roads_project)
    ctl = controller(win)
    ctl.panel.options.set_mode("network")
    run(ctl, qtbot)
    assert threads and all(t is not threading.main_thread() for t in threads)
    frames = [*ctl._frames.values(), *ctl._outlines.values()]  # their GeoJSON made there too
    made = [(f.attrs.get(BODY) or f.attrs.get(PACKED))[0] == id(f) for f in frames]  # GeoJSON or packed (bands)
    assert frames and all(made) and any(PACKED in f.attrs for f in frames)
    ctl.panel.network.show_box.setChecked(True)
    assert NETWORK in ctl.shown_overlays()
    labels = ctl._frames[NETWORK]["label"].dropna().tolist()
    assert labels and all("2" in label for label in labels)  # the footpath: piece 2, labelled in the worker


def test_band_overlays_are_sent_rounded_to_a_tenth_of_a_metre():
    import json

    import numpy as np
    import shapely

    from gis.crs import WGS84
    from gis.network.service_area import ServiceAreaParams, service_areas
    from gui.lifecircles.overlays import band_frames, band_name
    from gui.map.view import feature_collection
    from tests.gis.network_fixtures import jittered_grid, random_points
    from tests.gis.test_network_service_area import facilities

    graph = jittered_grid()
    res = service_areas(facilities(graph, random_points(graph, 3)), network=graph,
                        params=ServiceAreaParams(distances=(200.0, 400.0), per_facility=False))
    fills, _ = band_frames(res.bands)
    text = feature_collection(fills[band_name("clinic")])
    coords = np.array([f["geometry"]["coordinates"] for f in json.loads(text)["features"]], dtype=object)
    flat = np.hstack([np.ravel(np.concatenate([np.asarray(r, dtype=float) for p in g for r in p])) for g in coords])
    decimals = [len(repr(float(c)).split(".")[1]) for c in flat]
    assert len(decimals) > 100 and max(decimals) <= 6
    exact = res.bands.sort_values("ring", ascending=False).to_crs(WGS84).geometry.values
    sent = fills[band_name("clinic")].geometry.values
    assert np.allclose(shapely.area(sent), shapely.area(exact), rtol=1e-3)
