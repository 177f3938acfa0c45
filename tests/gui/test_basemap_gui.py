"""An online basemap, once the user turns it on: fetched by the app (the page still requests nothing
outside ocpmap:), drawn under the vectors with its credit; without network a notice, vectors still drawn."""

from __future__ import annotations

import io
import urllib.error

import pytest

from gis.settings import Settings
from tests.gis.raster_samples import png_tile
from tests.gui.conftest import COMPOUND_FILL, color_pixels, run_js, settle

URL = "https://tiles.example.cn/{z}/{x}/{y}.png"


@pytest.fixture
def web(monkeypatch, tmp_path):
    monkeypatch.setenv("OCP_CACHE_DIR", str(tmp_path / "cache"))
    asked = []

    def fake(request, timeout):
        asked.append(request.full_url)
        if web.offline:
            raise urllib.error.URLError("no network")
        return io.BytesIO(png_tile((0, 255, 0)))

    monkeypatch.setattr("urllib.request.urlopen", fake)
    web.offline = False
    web.asked = asked
    return web


def basemap_window(make_window, project, qtbot):
    settings = Settings(autosave_minutes=0, basemap={"kind": "xyz", "url": URL, "attribution": "© 示例规划院"})
    win = make_window(project, settings=settings)
    qtbot.waitUntil(lambda: run_js(qtbot, win.map, "rastersLoading()") == 0, timeout=20000)
    settle(qtbot, win)
    return win


def test_basemap_tiles_come_through_the_app_with_their_credit(make_window, project, web, qtbot):
    win = basemap_window(make_window, project, qtbot)
    image = win.map.grab().toImage()
    assert web.asked and all(u.startswith("https://tiles.example.cn/") for u in web.asked)
    assert color_pixels(image, "#00ff00") > 10000 and color_pixels(image, COMPOUND_FILL) > 5000
    assert run_js(qtbot, win.map, "document.querySelector('.ocp-credit').textContent") == "© 示例规划院"
    assert win.map.page().interceptor.blocked == []  # the page itself reached nothing outside the app


def test_without_network_a_notice_and_the_vectors_still_draw(make_window, project, web, qtbot):
    web.offline = True
    win = basemap_window(make_window, project, qtbot)
    qtbot.waitUntil(lambda: "tiles.example.cn" in win.statusBar().currentMessage(), timeout=10000)
    assert color_pixels(win.map.grab().toImage(), COMPOUND_FILL) > 5000
    assert len(web.asked) <= 2  # one failed request per tile thread, then none for a while (not one per tile)
