"""The HTML export of a hostile project, opened in a real browser engine: no payload runs
(layer name, compound names, title, colours), the page still draws, its CSP breaks nothing,
and the CSP itself stops script that was slipped in afterwards and any fetch."""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, QEvent, QUrl
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWebEngineWidgets import QWebEngineView

from gis.export.project_export import export_project
from gui.none_guard import protect_none
from tests.gis.hostile_samples import LAYER, SCRIPTS, TITLE, hostile_project
from tests.gui.test_html_map_browser import OPEN_EVIL_POPUP, Recorder, js

protect_none()


READ_OWN_FILE_AND_INJECT = """(function () {
  document.body.insertAdjacentHTML('beforeend', '<img src=x onerror="window.__pwned=1">');
  var xhr = new XMLHttpRequest();
  xhr.onload = function () { window.__fetched = 'read'; };
  xhr.onerror = function () { window.__fetched = 'blocked'; };
  try { xhr.open('GET', location.href); xhr.send(); } catch (e) { window.__fetched = 'blocked'; }
  return 0;
})()"""


class ConsolePage(QWebEnginePage):
    """Keeps every console message (CSP violations are reported there)."""

    def __init__(self, profile, parent=None) -> None:
        super().__init__(profile, parent)
        self.messages: list[str] = []

    def javaScriptConsoleMessage(self, level, message, line, source) -> None:  # noqa: N802 (Qt override)
        self.messages.append(message)


def test_no_payload_runs_and_the_page_draws(app, qtbot, tmp_path):
    out = tmp_path / "plan.html"
    export_project(hostile_project(), out, fmt="html", title=TITLE)
    view = QWebEngineView()
    page = ConsolePage(view.page().profile(), view)
    view.setPage(page)
    recorder = Recorder()
    page.profile().setUrlRequestInterceptor(recorder)
    view.resize(1000, 700)
    view.show()
    try:
        with qtbot.waitSignal(view.loadFinished, timeout=30000):
            view.load(QUrl.fromLocalFile(str(out)))
        qtbot.wait(500)  # an <img src=x onerror> would have fired by now
        assert js(qtbot, view, "typeof window.__pwned") == "undefined"
        assert js(qtbot, view, "document.title") == TITLE  # the title is text
        assert [m for m in page.messages if "Content Security Policy" in m] == []  # the CSP breaks nothing
        # the page draws: Leaflet, the layer control with every layer, shapes
        assert js(qtbot, view, "typeof L") == "object"
        labels = js(qtbot, view, "Array.from(document.querySelectorAll('.leaflet-control-layers-overlays "
                                 "label')).map(function (l) { return l.textContent.trim(); })")
        assert LAYER in labels and len(labels) >= 5  # the hostile layer name shown as text
        assert js(qtbot, view, "document.querySelectorAll('path.leaflet-interactive').length + "
                               "document.querySelectorAll('canvas').length") > 0
        assert js(qtbot, view, "document.querySelectorAll('img[src=\"x\"], svg[onload]').length") == 0
        by_id = OPEN_EVIL_POPUP.replace("小区名称", "小区编号")
        text = js(qtbot, view, by_id % json.dumps(SCRIPTS[0]))
        assert text is not None and SCRIPTS[0] in text  # a compound's id in its popup, as text
        # the CSP: script slipped in after load does not run, and nothing can be fetched
        js(qtbot, view, READ_OWN_FILE_AND_INJECT)
        qtbot.waitUntil(lambda: js(qtbot, view, "window.__fetched || null") is not None, timeout=5000)
        assert js(qtbot, view, "window.__fetched") == "blocked"
        assert js(qtbot, view, "typeof window.__pwned") == "undefined"
        assert any("Content Security Policy" in m for m in page.messages)
        assert recorder.remote == []
    finally:
        view.close()
        page.profile().setUrlRequestInterceptor(None)
        view.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
