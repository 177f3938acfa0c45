"""Shared helpers of the life-circle GUI tests: a project with streets, the controller, runs."""

from __future__ import annotations

import geopandas as gpd
import pytest
from shapely.geometry import LineString

from gis.domain import FieldRole, Role
from gis.layer import Layer, LayerStyle
from tests.gui.conftest import X0, Y0, small_project

SPEC = "gui.lifecircles.controller:LifeCirclesController"
PX0 = X0 - 39_000_000  # the same origin in the project's CRS (EPSG:4548, no zone prefix)
STREET = 140.0  # the compounds of small_project repeat every 140 m with 20 m streets between


def street_lines(n_side: int = 4) -> list[LineString]:
    """Centre lines of the streets around small_project's compounds, plus a loose footpath."""
    lo, hi = -10.0, (n_side - 1) * STREET + 130.0
    lines = [LineString([(X0 + lo + k * STREET, Y0 + lo), (X0 + lo + k * STREET, Y0 + hi)])
             for k in range(n_side + 1)]
    lines += [LineString([(X0 + lo, Y0 + lo + k * STREET), (X0 + hi, Y0 + lo + k * STREET)])
              for k in range(n_side + 1)]
    # a footpath in a park 300 m east, joined to nothing: a disconnected piece
    lines.append(LineString([(X0 + hi + 300, Y0 + 100), (X0 + hi + 300, Y0 + 250), (X0 + hi + 420, Y0 + 250)]))
    return lines


def project_with_roads():
    """small_project (16 compounds, 5 facilities on the south street) plus its streets."""
    project = small_project()
    roads = gpd.GeoDataFrame({"名称": [f"路{k}" for k in range(len(street_lines()))]},
                             geometry=street_lines(), crs="EPSG:4527")
    project.add_layer(Layer("道路", Role.ROADS, roads, fields={FieldRole.NAME: "名称"},
                            style=LayerStyle(stroke="#3b3b3b", weight=1.0)))
    return project


@pytest.fixture
def roads_project():
    return project_with_roads()


@pytest.fixture(autouse=True)
def lifecircles_registered(monkeypatch, tmp_path):
    """The controller in the window, and standards saved into a fresh settings folder."""
    import gui.features as features

    if SPEC not in features.CONTROLLERS:
        monkeypatch.setattr(features, "CONTROLLERS", features.CONTROLLERS + [SPEC])
    monkeypatch.setenv("OCP_CONFIG_DIR", str(tmp_path / "config"))
    return tmp_path / "config"


def controller(win):
    from gui.lifecircles.controller import LifeCirclesController

    return next(f for f in win.features if isinstance(f, LifeCirclesController))


def run(ctl, qtbot, timeout: int = 60000):
    """Start a run and wait for it to finish; the outcome."""
    task = ctl.compute()
    assert task is not None, ctl.panel.status.text()
    qtbot.waitUntil(lambda: ctl.task is None, timeout=timeout)
    return ctl.outcome


def wait_drawn(qtbot, win, ms: int = 700) -> None:
    """Let the page draw the overlays just sent."""
    qtbot.wait(ms)


def hide_layers(project, qtbot, win, roles=(Role.COMPOUNDS,)) -> None:
    """Hide layers so overlays are seen against the plain map background."""
    for layer in project.layers:
        if layer.role in roles:
            layer.visible = False
            project.update_layer(layer)
    wait_drawn(qtbot, win)
