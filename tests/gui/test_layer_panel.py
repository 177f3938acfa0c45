"""Layer panel: visibility checkbox, draw order, and fill by an attribute with a legend."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from gis.style import ramp
from gui.style_dialog import StyleDialog
from tests.gui.conftest import COMPOUND_FILL, color_pixels, run_js, settle


def test_checkbox_hides_layer(make_window, project, qtbot):
    win = make_window(project)
    item = win.layers.tree.topLevelItem(1)  # top-most first: 设施, then 小区边界
    assert item.text(0).startswith("小区边界")
    with qtbot.waitSignal(win.map.drawnAll, timeout=10000):
        item.setCheckState(0, Qt.CheckState.Unchecked)
    settle(qtbot, win)
    assert project.layers[0].visible is False
    assert color_pixels(win.map.grab().toImage(), COMPOUND_FILL) == 0


def test_move_buttons_change_draw_order(make_window, project):
    win = make_window(project)
    compounds, facilities = project.layers
    win.layers.select_layer(compounds)
    win.layers.up.click()
    assert project.layers == [facilities, compounds]
    assert win.layers.tree.topLevelItem(0).text(0).startswith("小区边界")
    assert win.layers.current_layer() is compounds


def test_fill_by_attribute_draws_classes_and_legend(make_window, project, qtbot):
    win = make_window(project)
    compounds = project.layers[0]
    dialog = StyleDialog(compounds, win)
    dialog.field.setCurrentIndex(dialog.field.findData("户数"))
    dialog.method.setCurrentIndex(dialog.method.findData("graduated"))
    dialog.classes.setValue(4)
    dialog.palette.setCurrentIndex(dialog.palette.findData("Blues"))
    dialog.opacity.setValue(1.0)
    with qtbot.waitSignal(win.map.drawnAll, timeout=10000):
        compounds.style = dialog.style()
        project.update_layer(compounds)
    settle(qtbot, win)
    image = win.map.grab().toImage()
    assert color_pixels(image, COMPOUND_FILL) == 0, "single fill replaced by classes"
    darkest = ramp("Blues", 4)[-1]
    assert color_pixels(image, darkest, tol=6) > 500
    item = next(win.layers.tree.topLevelItem(i) for i in range(2)
                if win.layers.tree.topLevelItem(i).text(0).startswith("小区边界"))
    assert item.childCount() == 4, "legend rows under the layer"


RESTYLED = "#00d060"  # a colour nothing else on the map uses


@pytest.mark.parametrize("size, zoom", [((1200, 800), None), ((1000, 700), 16.0), ((1000, 700), 16.45),
                                        ((1400, 900), 17.3)])
def test_restyle_redraws_at_integral_and_fractional_zoom(make_window, project, qtbot, size, zoom):
    """A restyled layer is redrawn at any zoom: the fitted one, or a view set to a whole or a fractional
    zoom (Leaflet's GridLayer.redraw() left the layer blank at fractional zooms)."""
    win = make_window(project, size=size)
    if zoom is not None:
        with qtbot.waitSignal(win.map.drawnAll, timeout=10000):
            win.map.set_view(win.map.view_state["center"], zoom)
        settle(qtbot, win)
        assert run_js(qtbot, win.map, "ocp.zoom()") == pytest.approx(zoom)
    assert color_pixels(win.map.grab().toImage(), COMPOUND_FILL) > 500
    compounds = project.layers[0]
    with qtbot.waitSignal(win.map.drawnAll, timeout=10000):
        compounds.style = replace(compounds.style, fill=RESTYLED)
        project.update_layer(compounds)
    settle(qtbot, win)
    image = win.map.grab().toImage()
    assert color_pixels(image, COMPOUND_FILL) == 0
    assert color_pixels(image, RESTYLED) > 500
