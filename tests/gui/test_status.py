"""The status bar shows the cursor in lon/lat and in the current layer's CRS, and the scale."""

from __future__ import annotations

import re

from PySide6.QtCore import QPoint
from PySide6.QtTest import QTest

from gui.status import scale_denominator


def test_cursor_position_and_scale(make_window, project, qtbot):
    compounds = project.layers[0]
    compounds.source.crs = "EPSG:4527"
    win = make_window(project)
    win.layers.select_layer(compounds)
    target = win.map.focusProxy() or win.map
    centre = QPoint(win.map.width() // 2, win.map.height() // 2)
    step = [0]

    def moved() -> bool:  # a real mouse moving over the map until the page reports it
        step[0] += 1
        QTest.mouseMove(target, centre + QPoint(step[0] % 20, step[0] % 20))
        return "°" in win.status.lonlat.text()

    qtbot.waitUntil(moved, timeout=15000)
    lon, lat = (float(v) for v in re.findall(r"(\d+\.\d+)°", win.status.lonlat.text()))
    assert 117.0 < lon < 117.1 and 36.6 < lat < 36.7
    projected = win.status.projected.text()
    assert projected.startswith("EPSG:4527")
    x = float(re.search(r"X ([\d,\.]+)", projected).group(1).replace(",", ""))
    assert 39_500_000 < x < 39_510_000, "easting with the zone-39 prefix"
    assert re.search(r"1:[\d,]+", win.status.scale.text())


def test_scale_denominator_rounds_to_three_figures():
    assert scale_denominator(0.0254 / 96 * 12345) == 12300
    assert scale_denominator(0.0254 / 96 * 999) == 999
