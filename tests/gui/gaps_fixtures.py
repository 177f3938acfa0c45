"""Shared helpers of the gap GUI tests: a project with years, people, buildings and streets; runs."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
from shapely.geometry import box

from gis.domain import FieldRole, Role
from gis.layer import Layer, LayerStyle
from tests.gui.conftest import small_project
from tests.gui.lifecircles_fixtures import street_lines

SPEC = "gui.gaps.controller:GapsController"


def gap_project(*, roads: bool = False, buildings: bool = True):
    """small_project's 16 compounds (4 x 4, 140 m apart) with build years and people, one
    walk-up per compound (3–8 floors, every third with an elevator), and optionally streets.

    Compounds k = 0..15 are built in 1980 + 2k (so 0..10 are from 2000 or before).
    """
    project = small_project()
    compounds = project.first(Role.COMPOUNDS)
    data = compounds.data.copy()
    data["建成年代"] = 1980 + 2 * np.arange(len(data))
    data["老年人口"] = (data["户数"] * 0.5).round().astype(int)
    data["常住人口"] = data["户数"] * 2
    compounds.set_data(data)
    compounds.fields.update({FieldRole.BUILD_YEAR: "建成年代", FieldRole.ELDERLY: "老年人口",
                             FieldRole.POPULATION: "常住人口"})
    if buildings:
        project.add_layer(building_layer(compounds))
    if roads:
        lines = gpd.GeoDataFrame({"名称": [f"路{k}" for k in range(len(street_lines()))]},
                                 geometry=street_lines(), crs="EPSG:4527")
        project.add_layer(Layer("道路", Role.ROADS, lines, fields={FieldRole.NAME: "名称"},
                                style=LayerStyle(stroke="#3b3b3b", weight=1.0)))
    project.mark_dirty(False)
    return project


def building_layer(compounds: Layer) -> Layer:
    """One 40 x 12 m building in the middle of each compound: floors 3 + k % 6, households
    floors x 4, an elevator in every third (k % 3 == 2)."""
    centres = compounds.data.geometry.centroid
    k = np.arange(len(centres))
    floors = 3 + k % 6
    frame = gpd.GeoDataFrame({"楼栋编号": [f"B{i:02d}" for i in k], "小区编号": compounds.data["小区编号"],
                              "层数": floors, "电梯": np.where(k % 3 == 2, "有", "无"), "户数": floors * 4},
                             geometry=[box(c.x - 20, c.y - 6, c.x + 20, c.y + 6) for c in centres],
                             crs=compounds.data.crs)
    return Layer("建筑", Role.BUILDINGS, frame,
                 fields={FieldRole.ID: "楼栋编号", FieldRole.COMPOUND_ID: "小区编号", FieldRole.FLOORS: "层数",
                         FieldRole.ELEVATOR: "电梯", FieldRole.HOUSEHOLDS: "户数"},
                 style=LayerStyle(fill="#8c8c8c"))


def walk_ups(project, min_floors: int = 4) -> np.ndarray:
    """Rows of the fixture's buildings that need an elevator."""
    b = project.first(Role.BUILDINGS).data
    return np.flatnonzero((b["层数"] >= min_floors) & (b["电梯"] == "无"))


@pytest.fixture(autouse=True)
def gaps_registered(monkeypatch, tmp_path):
    """The controller in the window, and a fresh settings folder."""
    import gui.features as features

    if SPEC not in features.CONTROLLERS:
        monkeypatch.setattr(features, "CONTROLLERS", features.CONTROLLERS + [SPEC])
    monkeypatch.setenv("OCP_CONFIG_DIR", str(tmp_path / "config"))
    return tmp_path / "config"


def controller(win):
    from gui.gaps.controller import GapsController

    return next(f for f in win.features if isinstance(f, GapsController))


def run(ctl, qtbot, *, mode: str = "straight", timeout: int = 60000):
    """Analyse in *mode* and wait; the outcome."""
    (ctl.panel.network if mode == "network" else ctl.panel.straight).setChecked(True)
    task = ctl.compute()
    assert task is not None, ctl.panel.status.text()
    qtbot.waitUntil(lambda: ctl.task is None, timeout=timeout)
    assert ctl.outcome is not None, ctl.panel.status.text()
    return ctl.outcome


def table_keys(table) -> list:
    """Keys of the rows a FrameTable shows, in view order."""
    return [table.key_at(r) for r in range(table.proxy.rowCount())]


def analysed_window(make_window, qtbot, **size):
    """The gap project in a window, analysed in straight-line mode: (window, controller, project)."""
    project = gap_project()
    win = make_window(project, **size)
    ctl = controller(win)
    run(ctl, qtbot)
    return win, ctl, project
