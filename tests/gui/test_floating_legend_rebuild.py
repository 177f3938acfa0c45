"""A floating legend rebuilt shows only its new rows, even before the event loop deletes the old ones."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from gis.standards import load_standards
from gui.gaps.legend import Entry, GapLegend
from gui.lifecircles.legend import MapLegend
from gui.lifecircles.overlays import BandEntry


def shown_labels(panel) -> list[str]:
    return [w.text() for w in panel.findChildren(QLabel) if w.isVisible() and w.text()]


def host(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    return widget


def test_life_circle_legend_rebuilt_shows_each_row_once(qtbot):
    std = load_standards()
    types = [(t.value, g.key) for g in std.groups for t in g.types]
    entries = [BandEntry(t, g, r, (0, 300, 500)[r], (300, 500, 1000)[r], "#e53935", "x", 1.0)
               for t, g in types for r in range(3)]
    view = host(qtbot)
    legend = MapLegend(view)
    legend.show_bands("Life circles", entries, {types[0][0]}, std, required=False)
    first = shown_labels(legend)
    # no event loop in between: the old labels' deleteLater has not run (as in a nested loop)
    legend.show_bands("Life circles", entries, {t for t, _g in types}, std, required=False, outlined=True)
    texts = shown_labels(legend)
    assert len(texts) == len(set(texts)), texts  # "Clinic" twice was the old and the new row
    assert len([w for w in legend.findChildren(QLabel) if w.isVisible()]) == legend.grid.count()
    assert set(first) <= set(texts)


def test_gap_legend_rebuilt_shows_each_row_once(qtbot):
    view = host(qtbot)
    legend = GapLegend(view)
    legend.set_entries("Gaps", [("Served", [Entry("within 300 m", "#1b5e20", "#1b5e20")])])
    legend.set_entries("Gaps", [("Served", [Entry("within 500 m", "#1b5e20", "#1b5e20")])])
    assert "within 300 m" not in shown_labels(legend)
    assert "within 500 m" in shown_labels(legend)
