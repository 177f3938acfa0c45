"""The exported HTML map in a real browser engine, offline: Leaflet runs, layers toggle, popups show
a compound called <img src=x onerror=alert(1)> as text."""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, QEvent, QUrl
from PySide6.QtWebEngineCore import QWebEngineUrlRequestInterceptor
from PySide6.QtWebEngineWidgets import QWebEngineView

from gis.export.project_export import export_project
from gui.none_guard import protect_none
from tests.gis.export_samples import EVIL, sample_project

protect_none()

OPEN_EVIL_POPUP = """(function () {
  var hit = null, group = null;
  Object.keys(window).forEach(function (k) {
    var g = window[k];
    if (k.indexOf('geo_json_') === 0 && g && g.eachLayer) {
      g.eachLayer(function (l) {
        if (!hit && l.feature && l.feature.properties['小区名称'] === %s) { hit = l; group = g; }
      });
    }
  });
  if (!hit) { return null; }
  hit.fire('click', {latlng: hit.getBounds().getCenter()}, true);
  return group.getPopup().getElement().textContent;
})()"""


class Recorder(QWebEngineUrlRequestInterceptor):
    """Blocks and remembers every request that would leave the machine."""

    def __init__(self) -> None:
        super().__init__()
        self.remote: list[str] = []

    def interceptRequest(self, info) -> None:  # noqa: N802 (Qt override)
        url = info.requestUrl()
        if url.scheme() not in ("file", "data", "blob", "about"):
            self.remote.append(url.toString())
            info.block(True)


def js(qtbot, view, expression: str):
    box = {}
    view.page().runJavaScript(f"JSON.stringify({expression})", 0, lambda r: box.setdefault("r", r))
    qtbot.waitUntil(lambda: "r" in box, timeout=10000)
    return json.loads(box["r"])


def test_offline_page_runs_and_escapes_popups(app, qtbot, tmp_path):
    out = tmp_path / "plan.html"
    export_project(sample_project(), out, fmt="html", layers=["zones", "gaps", "compounds", "facilities"])
    view = QWebEngineView()
    recorder = Recorder()
    view.page().profile().setUrlRequestInterceptor(recorder)
    view.resize(1000, 700)
    view.show()
    try:
        with qtbot.waitSignal(view.loadFinished, timeout=30000):
            view.load(QUrl.fromLocalFile(str(out)))
        assert js(qtbot, view, "typeof L") == "object"
        assert js(qtbot, view, "document.querySelectorAll('.leaflet-control-layers-selector').length") == 4
        assert js(qtbot, view, "document.querySelectorAll('path.leaflet-interactive').length + "
                               "document.querySelectorAll('canvas').length") > 0
        text = js(qtbot, view, OPEN_EVIL_POPUP % json.dumps(EVIL))
        assert text is not None and EVIL in text  # shown as text ...
        assert js(qtbot, view, "document.querySelectorAll('img[src=\"x\"]').length") == 0  # ... never as HTML
        assert recorder.remote == []
    finally:
        view.close()
        view.page().profile().setUrlRequestInterceptor(None)
        view.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_raster_shows_as_an_image_under_the_layers(app, qtbot, tmp_path):
    from gis.raster.layer import open_raster_layer
    from tests.gis.export_samples import X0, Y0
    from tests.gis.raster_samples import geotiff

    project = sample_project()
    project.add_raster(open_raster_layer(geotiff(tmp_path / "o.tif", size=800, crs="EPSG:4527",
                                                 origin=(X0 - 200, Y0 + 600))))
    out = tmp_path / "plan.html"
    export_project(project, out, fmt="html", layers=["compounds"])
    view = QWebEngineView()
    recorder = Recorder()
    view.page().profile().setUrlRequestInterceptor(recorder)
    view.resize(1000, 700)
    view.show()
    try:
        with qtbot.waitSignal(view.loadFinished, timeout=30000):
            view.load(QUrl.fromLocalFile(str(out)))
        qtbot.waitUntil(lambda: js(qtbot, view, "(document.querySelector('img.leaflet-image-layer') || {}).naturalWidth"
                                   " || 0") > 0, timeout=10000)  # decoded: the page's CSP let the data: image in
        assert js(qtbot, view, "document.querySelectorAll('img.leaflet-image-layer').length") == 1
        assert recorder.remote == []
    finally:
        view.close()
        view.page().profile().setUrlRequestInterceptor(None)
        view.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
