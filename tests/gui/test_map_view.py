"""The map renders layers, hides them, and syncs selection with the attribute table."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from tests.gui.conftest import COMPOUND_FILL, color_pixels, run_js, settle


def grab_map(win):
    return win.map.grab().toImage()


def test_map_draws_compound_fill(make_window, project, qtbot):
    win = make_window(project)
    assert run_js(qtbot, win.map, "ocp.layerCount()") == 2
    assert color_pixels(grab_map(win), COMPOUND_FILL) > 5000


def test_hiding_a_layer_removes_it_from_the_rendering(make_window, project, qtbot):
    win = make_window(project)
    layer = project.layers[0]
    before = color_pixels(grab_map(win), COMPOUND_FILL)
    with qtbot.waitSignal(win.map.drawnAll, timeout=10000):
        layer.visible = False
        project.update_layer(layer)
    settle(qtbot, win)
    assert before > 5000
    assert color_pixels(grab_map(win), COMPOUND_FILL) == 0
    with qtbot.waitSignal(win.map.drawnAll, timeout=10000):
        layer.visible = True
        project.update_layer(layer)
    settle(qtbot, win)
    assert color_pixels(grab_map(win), COMPOUND_FILL) > 5000


def click_feature(qtbot, win, layer, fid, modifier=Qt.KeyboardModifier.NoModifier):
    """A real mouse click at a point inside feature *fid*, as the user would click."""
    pt = layer.display_data().geometry.iloc[fid].representative_point()
    x, y = run_js(qtbot, win.map, f"ocp.containerPoint({float(pt.y)!r}, {float(pt.x)!r})")
    target = win.map.focusProxy() or win.map
    QTest.mouseClick(target, Qt.MouseButton.LeftButton, modifier, QPoint(round(x), round(y)))


def test_click_on_compound_selects_its_row(make_window, project, qtbot):
    win = make_window(project)
    compounds = project.layers[0]
    with qtbot.waitSignal(project.selection_changed, timeout=10000):
        click_feature(qtbot, win, compounds, 5)
    assert win.current_layer() is compounds
    assert project.selection(compounds.id) == {5}
    assert win.table.selected_fids() == [5]
    assert win.identify.topLevelItemCount() > 3
    with qtbot.waitSignal(project.selection_changed, timeout=10000):
        click_feature(qtbot, win, compounds, 9, Qt.KeyboardModifier.ControlModifier)
    assert win.table.selected_fids() == [5, 9]


def test_table_selection_highlights_on_map(make_window, project, qtbot):
    win = make_window(project)
    compounds = project.layers[0]
    win.layers.select_layer(compounds)
    highlight = "#00c8ff"
    assert color_pixels(grab_map(win), highlight) < 50
    with qtbot.waitSignal(win.map.drawnAll, timeout=10000):
        win.table.selectRow(win.table.row_of(3))
    settle(qtbot, win)
    assert project.selection(compounds.id) == {3}
    assert color_pixels(grab_map(win), highlight) > 200

