"""The offline HTML map names the compounds once zoomed in (as text, never HTML)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QUrl
from PySide6.QtWebEngineWidgets import QWebEngineView

from gis.export.project_export import export_project
from tests.gis.export_samples import EVIL, sample_project
from tests.gui.test_html_map_browser import js

LABELS = "Array.from(document.querySelectorAll('.ocp-label')).map(e => e.textContent)"


def test_compound_names_show_from_zoom_16(app, qtbot, tmp_path):
    out = tmp_path / "plan.html"
    export_project(sample_project(), out, fmt="html", layers=["zones", "gaps", "compounds"])
    view = QWebEngineView()
    view.resize(1000, 700)
    view.show()
    try:
        with qtbot.waitSignal(view.loadFinished, timeout=30000):
            view.load(QUrl.fromLocalFile(str(out)))
        name = next(k for k in js(qtbot, view, "Object.keys(window)") if k.startswith("map_"))
        js(qtbot, view, f"({name}.setZoom(14, {{animate: false}}), 0)")
        qtbot.waitUntil(lambda: "幸福里5号院" not in js(qtbot, view, LABELS), timeout=5000)
        assert "西南片区" in js(qtbot, view, LABELS)  # zones always, compounds only close up
        js(qtbot, view, f"({name}.setZoom(17, {{animate: false}}), 0)")
        qtbot.waitUntil(lambda: "幸福里5号院" in js(qtbot, view, LABELS), timeout=5000)
        shown = js(qtbot, view, LABELS)
        assert shown.count("幸福里5号院") == 1, "compound names labelled twice"
        assert EVIL in shown  # the hostile name as text ...
        assert js(qtbot, view, "document.querySelectorAll('img[src=\"x\"]').length") == 0  # ... never as HTML
    finally:
        view.close()
        view.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
