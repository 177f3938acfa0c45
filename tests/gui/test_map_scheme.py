"""The ocpmap: scheme serves the map page's own files and nothing else; the bridge's checks."""

from __future__ import annotations

import json
import os

import pytest
from PySide6.QtCore import QUrl

from gui.map import payloads as check
from gui.map.scheme import CHROMIUM_FLAGS, WEB_ROOT, prepare_web_engine, resolve


@pytest.mark.parametrize("url, served", [
    ("ocpmap://map/map.html", WEB_ROOT / "map.html"),
    ("ocpmap://map/leaflet/leaflet.js", WEB_ROOT / "leaflet" / "leaflet.js"),
    ("ocpmap://map/qwebchannel.js", ":/qtwebchannel/qwebchannel.js"),
])
def test_serves_the_page_and_its_assets(url, served):
    assert resolve(QUrl(url)) == served


@pytest.mark.parametrize("url", [
    "ocpmap://map/../../gis/paths.py", "ocpmap://map/%2e%2e/%2e%2e/main.py", "ocpmap://map/../../pyproject.toml",
    "ocpmap://map//etc/passwd", "ocpmap://map/leaflet", "ocpmap://map/leaflet/LICENSE", "ocpmap://map/nothing.js",
    "ocpmap://other/map.html", "file:///etc/passwd", "ocpmap://map/qrc:/qtwebchannel/qwebchannel.js",
])
def test_refuses_anything_else(url):
    assert resolve(QUrl(url)) is None


def test_refuses_a_link_out_of_the_web_folder(tmp_path, monkeypatch):
    root = tmp_path / "web"
    root.mkdir()
    (tmp_path / "secret.js").write_text("secret", encoding="utf-8")
    (root / "link.js").symlink_to(tmp_path / "secret.js")
    monkeypatch.setattr("gui.map.scheme.WEB_ROOT", root)
    assert resolve(QUrl("ocpmap://map/link.js")) is None


def test_chromium_switches_are_added_to_the_users_own(monkeypatch):
    monkeypatch.setenv("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")
    prepare_web_engine()
    prepare_web_engine()
    assert os.environ["QTWEBENGINE_CHROMIUM_FLAGS"].split() == ["--disable-gpu", *CHROMIUM_FLAGS]


def test_view_is_checked_and_cleaned():
    payload = '{"center": [1, 2], "zoom": 3, "mpp": 1, "extra": "x"}'
    assert check.view(payload) == {"center": [1.0, 2.0], "zoom": 3.0, "mpp": 1.0}
    with pytest.raises(check.BadCall):
        check.view(payload.replace("[1, 2]", "[181, 2]"))


def test_rings_are_thinned_and_checked():
    ring = [[117 + i * 1e-6, 36.6] for i in range(50_000)]
    thinned = check.ring(json.dumps(ring))
    assert len(thinned) == check.MAX_RING_POINTS and thinned[0] == ring[0]
    for bad in ("[[1, 2], [3, 4]]", '[[1, 2], [3, 4], "x"]', "[[1, 2], [3, 4], [5, true]]", "[[1, 2, 3], [3, 4], [5, 6]]"):
        with pytest.raises(check.BadCall):
            check.ring(bad)


def test_counts_and_flags_take_json_values_only():
    assert check.count(5.0) == 5 and check.flag(False) is False
    for bad in (True, "5", 5.5, -1, float("nan"), None):
        with pytest.raises(check.BadCall):
            check.count(bad)
    with pytest.raises(check.BadCall):
        check.flag(0)
