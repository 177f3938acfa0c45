"""GUI fixtures: the app with CJK fonts, a small project, and a window factory that cleans up."""

from __future__ import annotations

import gc
import json

import geopandas as gpd
import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from shapely.geometry import Point, Polygon

from gis.domain import FieldRole, Role
from gis.layer import Layer, LayerStyle
from gis.project import Project
from gis.settings import Settings

from gui.map.scheme import prepare_web_engine  # noqa: E402
from gui.none_guard import protect_none  # noqa: E402

protect_none()  # before any Qt call: PySide6 6.12 on CPython 3.11 under-counts None
prepare_web_engine()  # the map page's scheme must be registered before any QApplication exists

COMPOUND_FILL = "#ff00aa"  # a colour nothing else on the map uses
X0, Y0 = 39_502_000.0, 4_058_000.0  # CGCS2000 GK zone 39 (EPSG:4527)


@pytest.fixture(autouse=True)
def _thawed():
    """What a test's tasks set aside from the cycle collector (gui.heap.set_aside_before_task)
    is given back after it: the session's windows and projects are freed as before."""
    yield
    gc.unfreeze()


@pytest.fixture(scope="session")
def app():
    from gui.app import setup_app

    return setup_app("zh_CN")


def small_project(n_side: int = 4) -> Project:
    """n_side² irregular compounds across 20 m streets, five facilities, in EPSG:4527."""
    rng = np.random.default_rng(7)
    polys, names, households = [], [], []
    for i in range(n_side):
        for j in range(n_side):
            x, y = X0 + i * 140, Y0 + j * 140
            ring = [(x, y), (x + 60, y - rng.uniform(0, 5)), (x + 120, y), (x + 120 + rng.uniform(0, 5), y + 60),
                    (x + 120, y + 120), (x + 60, y + 120 + rng.uniform(0, 5)), (x, y + 120)]
            polys.append(Polygon(ring))
            names.append(f"阳光花园{i * n_side + j + 1}号院")
            households.append(int(rng.integers(80, 900)))
    compounds = gpd.GeoDataFrame({"小区编号": [f"MH{k:03d}" for k in range(len(polys))], "小区名称": names,
                                  "户数": households}, geometry=polys, crs="EPSG:4527")
    facilities = gpd.GeoDataFrame({"名称": ["社区卫生服务站", "长者食堂", "幼儿园", "托儿所", "养老院"]},
                                  geometry=[Point(X0 + 130 + 70 * k, Y0 - 10) for k in range(5)],
                                  crs="EPSG:4527")
    project = Project()
    project.add_layer(Layer("小区边界", Role.COMPOUNDS, compounds,
                            fields={FieldRole.ID: "小区编号", FieldRole.NAME: "小区名称",
                                    FieldRole.HOUSEHOLDS: "户数"},
                            style=LayerStyle(fill=COMPOUND_FILL, fill_opacity=1.0, label_field="小区名称")))
    project.add_layer(Layer("设施", Role.FACILITIES, facilities, fields={FieldRole.NAME: "名称"},
                            style=LayerStyle(fill="#1f77b4", radius=6)))
    return project


@pytest.fixture
def project() -> Project:
    return small_project()


@pytest.fixture
def make_window(app, qtbot):
    """Factory: a shown MainWindow whose map has drawn; closed and deleted afterwards."""
    from gui.main_window import MainWindow

    made = []

    def make(proj: Project, *, size=(1200, 800), settings: Settings | None = None) -> MainWindow:
        win = MainWindow(proj, settings or Settings(autosave_minutes=0))  # on in test_autosave_gui.py
        made.append(win)
        win.resize(*size)
        with qtbot.waitSignal(win.map.drawnAll, timeout=30000):
            win.show()
            win.map.zoom_to_project()
        settle(qtbot, win)
        return win

    yield make
    for win in made:
        try:
            win.close_guards.clear()
            win.shutdown()
            win.close()
            win.deleteLater()
        except RuntimeError:  # already replaced and deleted (e.g. a language switch)
            pass
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def settle(qtbot, win, ms: int = 400) -> None:
    """Wait for the page to finish drawing after a change."""
    qtbot.wait(ms)


def run_js(qtbot, view, expression: str):
    """Evaluate a JS *expression* in the map page and return its value.

    The value travels as JSON: PySide6 6.12 hands JS arrays back as empty strings.
    """
    box = {}
    view.page().runJavaScript(f"JSON.stringify({expression})", 0, lambda r: box.setdefault("r", r))
    qtbot.waitUntil(lambda: "r" in box, timeout=10000)
    return json.loads(box["r"])


def color_pixels(image, hex_color: str, tol: int = 12) -> int:
    """How many pixels of a QImage are within *tol* of *hex_color* on every channel."""
    from PySide6.QtGui import QImage

    img = image.convertToFormat(QImage.Format.Format_RGB32)
    arr = np.frombuffer(img.constBits(), dtype=np.uint8).reshape(img.height(), img.bytesPerLine())
    arr = arr[:, : img.width() * 4].reshape(img.height(), img.width(), 4)
    r, g, b = int(hex_color[1:3], 16), int(hex_color[3:5], 16), int(hex_color[5:7], 16)
    bgr = arr[..., :3].astype(int)
    return int(((abs(bgr[..., 2] - r) <= tol) & (abs(bgr[..., 1] - g) <= tol) & (abs(bgr[..., 0] - b) <= tol)).sum())
