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


def test_band_overlays_carry_every_ring_packed_and_the_engines_geometry():
    """Bands travel packed (binary, drawn in tiles), not as GeoJSON: every ring of the exact bands,
    no copy of the geometry made for the page (prints reproject the engine's own)."""
    import numpy as np
    import shapely

    from gis.network.service_area import ServiceAreaParams, service_areas
    from gui.lifecircles.overlays import band_frames, band_name
    from gui.map.view import overlay_packed
    from tests.gis.network_fixtures import jittered_grid, random_points
    from tests.gis.test_network_service_area import facilities

    graph = jittered_grid()
    res = service_areas(facilities(graph, random_points(graph, 3)), network=graph,
                        params=ServiceAreaParams(distances=(200.0, 400.0), per_facility=False))
    fills, outlines = band_frames(res.bands)
    frame = fills[band_name("clinic")]
    exact = res.bands[res.bands["type"] == "clinic"].sort_values("ring", ascending=False).geometry.values
    assert all(a is b for a, b in zip(frame.geometry.values, exact)) and frame.crs == res.bands.crs
    packed, styles = overlay_packed(frame)
    parts = shapely.get_parts(exact)
    assert packed.head["rings"] == len(parts) + int(np.sum(shapely.get_num_interior_rings(parts)))
    assert packed.head["coords"] == int(np.sum(shapely.get_num_coordinates(exact))) and len(styles) == len(exact)
    assert overlay_packed(outlines[band_name("clinic")])[0] is packed  # packed once for both
