"""Benchmark: the gap view in the window vs the bare engine, on bench_gaps' synthetic grid city.

    .venv/bin/python bench/bench_gaps_gui.py [N_COMPOUNDS=20000] [N_FACILITIES=1000]

GUI side, in an offscreen main window with the compounds, streets and facilities as project
layers: Gaps ▸ Analyse in network mode, timed from the click to the tables filled and the
overlays sent (``done``) and to the page having drawn them (``drawn``); then the same run
again (the walking network and the compounds' access points come from the cache: what
reruns after planned facilities are accepted); then a change of the red highlight.
Peer: the bare engine doing the same analysis — ``build_network`` + ``origins_from_layers``
+ ``analyse_gaps`` (first run) and ``analyse_gaps`` with prepared origins (rerun) — so the
ratios are what the window adds (worker hand-off, tables, overlays as GeoJSON, drawing).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")
os.environ["OCP_CONFIG_DIR"] = tempfile.mkdtemp(prefix="ocp-bench-config-")

import geopandas as gpd  # noqa: E402

from bench_gaps import CRS, city  # noqa: E402


def _spin_until(cond, limit_s: float = 900.0) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    start = time.perf_counter()
    while not cond():
        loop = QEventLoop()
        QTimer.singleShot(5, loop.quit)
        loop.exec()
        if time.perf_counter() - start > limit_s:
            raise SystemExit("timed out")


def project_of(compounds, streets, facilities):
    from gis.domain import FieldRole, Role
    from gis.layer import Layer
    from gis.project import Project

    project = Project()
    project.add_layer(Layer("compounds", Role.COMPOUNDS, compounds,
                            fields={FieldRole.ID: "code", FieldRole.HOUSEHOLDS: "hh"}))
    project.add_layer(Layer("roads", Role.ROADS, gpd.GeoDataFrame(geometry=streets, crs=CRS)))
    project.add_layer(Layer("facilities", Role.FACILITIES, facilities,
                            fields={FieldRole.FACILITY_TYPE: "type", FieldRole.NAME: "name"}))
    return project


def engine(project) -> tuple[float, float]:
    """Seconds of the bare engine: first run (network, origins, matrix) and a rerun (matrix)."""
    from gis.domain import Role
    from gis.analysis.facilities import facilities_of
    from gis.gaps.access import analyse_gaps, origins_from_layers
    from gis.network.build import build_network
    from gis.standards import load_standards

    std = load_standards()
    compounds = project.first(Role.COMPOUNDS)
    t0 = time.perf_counter()
    net = build_network(project.first(Role.ROADS).data, crs=project.crs)
    origins = origins_from_layers(compounds, network=net)
    analyse_gaps(compounds, facilities_of(project, std), standards=std, origins=origins)
    first = time.perf_counter() - t0
    t0 = time.perf_counter()
    analyse_gaps(compounds, facilities_of(project, std), standards=std, origins=origins)
    return first, time.perf_counter() - t0


class Clock:
    """Times a GUI run: click → tables and overlays sent → the page has drawn them."""

    def __init__(self, ctl) -> None:
        self.ctl, self.done, self.drawn = ctl, None, None
        original = ctl._on_done

        def on_done(*args):
            original(*args)
            self.done = time.perf_counter()
            self.drawn = None

        ctl._on_done = on_done
        ctl.window.map.bridge.pageDrawn.connect(self._on_drawn)

    def _on_drawn(self, _info) -> None:
        if self.done is not None and self.drawn is None:
            self.drawn = time.perf_counter()

    def run(self) -> tuple[float, float]:
        self.done = self.drawn = None
        t0 = time.perf_counter()
        self.ctl.compute()
        _spin_until(lambda: self.drawn is not None)
        return self.done - t0, self.drawn - t0


def gui(project) -> dict[str, float]:
    from gis.settings import Settings
    from gui.app import setup_app
    from gui.gaps.controller import GapsController
    from gui.main_window import MainWindow

    setup_app("zh_CN")
    win = MainWindow(project, Settings())
    win.resize(1600, 1000)
    win.show()
    _spin_until(lambda: win.map.ready)
    win.map.zoom_to_project()
    ctl = next(f for f in win.features if isinstance(f, GapsController))
    ctl.panel.network.setChecked(True)
    clock = Clock(ctl)
    out = {}
    out["first_done"], out["first_drawn"] = clock.run()
    out["rerun_done"], out["rerun_drawn"] = clock.run()
    t0 = time.perf_counter()
    ctl.panel.set_highlighted("clinic")
    ctl.apply_filters()
    drawn = []
    win.map.bridge.pageDrawn.connect(lambda _i: drawn.append(time.perf_counter()))
    _spin_until(lambda: bool(drawn))
    out["highlight"] = drawn[0] - t0
    out["compounds"] = len(ctl.outcome.gaps.compounds)
    win.close_guards.clear()
    win.shutdown()
    return out


def main(n: int, m: int) -> None:
    compounds, streets, facilities = city(n, m)
    project = project_of(compounds, streets, facilities)
    print(f"{len(compounds):,} compounds, {len(facilities):,} facilities, {len(streets):,} street pieces")
    e_first, e_rerun = engine(project)
    g = gui(project)
    print(f"engine  first run (network + origins + gaps): {e_first:7.3f} s")
    print(f"window  first run: tables/overlays sent {g['first_done']:7.3f} s, drawn {g['first_drawn']:7.3f} s"
          f"   ratio {g['first_drawn'] / e_first:5.1f} x")
    print(f"engine  rerun (gaps with prepared origins)  : {e_rerun:7.3f} s")
    print(f"window  rerun    : tables/overlays sent {g['rerun_done']:7.3f} s, drawn {g['rerun_drawn']:7.3f} s"
          f"   ratio {g['rerun_drawn'] / e_rerun:5.1f} x")
    print(f"window  red highlight of one type, drawn     : {g['highlight']:7.3f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000, int(sys.argv[2]) if len(sys.argv) > 2 else 1_000)
