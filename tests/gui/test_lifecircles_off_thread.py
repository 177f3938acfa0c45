"""The network-mode overlays are prepared in the worker: a city's network frame (every edge
merged per piece) took seconds on the UI thread when the bands were drawn."""

from __future__ import annotations

import threading

import gui.lifecircles.controller as controller_module
from gui.lifecircles.overlays import NETWORK
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
    ctl.panel.network.show_box.setChecked(True)
    assert NETWORK in ctl.shown_overlays()
    labels = ctl._frames[NETWORK]["label"].dropna().tolist()
    assert labels and all("2" in label for label in labels)  # the footpath: piece 2, labelled in the worker
