"""What a meeting sees on the map: zoom to all clear of the legends, the focused compound outlined."""

from __future__ import annotations

from tests.gui.gaps_fixtures import analysed_window, gaps_registered  # noqa: F401
from tests.gui.test_presentation import _box_share


def test_zoom_to_all_keeps_the_data_clear_of_the_legend(make_window, qtbot):
    win, ctl, project = analysed_window(make_window, qtbot, size=(1200, 700))
    legend = ctl.map.legend
    assert legend.isVisible()
    win.map.zoom_to_project()
    bounds = [min(b) for b in zip(*(lyr.display_data().total_bounds[:2] for lyr in project.layers))] + \
             [max(b) for b in zip(*(lyr.display_data().total_bounds[2:] for lyr in project.layers))]

    def clear() -> bool:
        w, _h, left, width = _box_share(qtbot, win.map, bounds)
        return left + w * width <= legend.x() + 1

    qtbot.waitUntil(clear, timeout=5000)
    w, h, left, width = _box_share(qtbot, win.map, bounds)
    room_w, room_h = legend.x() - legend.MARGIN - 40, win.map.height() - 40  # the fit's padding
    assert max(w * width / room_w, h * win.map.height() / room_h) > 0.93, "zoom to all leaves the view half empty"


def test_a_compound_focused_from_the_gap_table_is_outlined_above_the_gap_colours(make_window, qtbot):
    from tests.gui.conftest import color_pixels, settle

    win, ctl, project = analysed_window(make_window, qtbot)
    ctl.panel.show_count.setChecked(True)  # the choropleth fills every compound
    settle(qtbot, win)
    highlight = "#00c8ff"
    assert color_pixels(win.map.grab().toImage(), highlight, tol=6) < 20
    ctl.focus_compound(15)
    settle(qtbot, win, 800)
    ring = color_pixels(win.map.grab().toImage(), highlight, tol=6)
    assert ring > 200, f"the focused compound's outline is hidden ({ring} highlight pixels)"
    project.select(ctl.compounds.id, [])
    settle(qtbot, win, 600)
    assert color_pixels(win.map.grab().toImage(), highlight, tol=6) < 20


def test_zone_fills_do_not_tint_the_gap_colours(make_window, qtbot):
    from gis.domain import Role
    from gis.zones.model import ZoneModel
    from gui.layout.overlays import overlay_frames
    from tests.gui.conftest import settle
    from tests.gui.test_gaps_map import pixel_at

    win, ctl, project = analysed_window(make_window, qtbot)
    compounds = project.first(Role.COMPOUNDS)
    ctl.panel.show_count.setChecked(True)
    ctl.apply_filters()
    settle(qtbot, win, 800)
    from shapely.geometry import Point

    boxes = [compounds.display_data().geometry.iloc[k].bounds for k in (0, 5, 10)]
    points = [Point(x0 + 0.15 * (x1 - x0), y0 + 0.15 * (y1 - y0)) for x0, y0, x1, y1 in boxes]  # clear of labels
    before = [pixel_at(qtbot, win, p) for p in points]
    model = ZoneModel.from_layer(compounds)
    project.set_zones(model)
    model.merge(list(range(len(compounds))), name="全区", colour="#ff0000")
    settle(qtbot, win, 800)
    after = [pixel_at(qtbot, win, p) for p in points]
    for b, a in zip(before, after):
        assert abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) <= 6, \
            f"the zone fill tints the gap colour: {b.name()} became {a.name()}"
    assert overlay_frames(win.map, project)["zone:1"]["fillOpacity"].iloc[0] == 0.0  # prints alike
    ctl.panel.show_count.setChecked(False)
    ctl.apply_filters()
    settle(qtbot, win, 600)
    assert win.map.overlays["zone:1"]["fillOpacity"].iloc[0] > 0  # filled again without the choropleth


def test_a_click_inside_a_compound_picks_the_compound_and_buildings_on_purpose(make_window, qtbot):
    from gis.domain import Role
    from tests.gis.export_samples import sample_project
    from tests.gui.conftest import run_js, settle

    project = sample_project()
    win = make_window(project)
    compounds, buildings = project.first(Role.COMPOUNDS), project.first(Role.BUILDINGS)
    inside = buildings.display_data().geometry.iloc[0].representative_point()  # a building in a compound
    win.map.zoom_to_layer(buildings, [0])
    settle(qtbot, win, 600)

    def picked():
        return run_js(qtbot, win.map, f"hitTest(L.latLng({inside.y}, {inside.x}))")

    win.layers.select_layer(project.layers[-1])  # whatever is on top of the list
    qtbot.waitUntil(lambda: (picked() or {}).get("id") == compounds.id, timeout=5000)
    win.layers.select_layer(buildings)  # buildings, on purpose
    qtbot.waitUntil(lambda: (picked() or {}).get("id") == buildings.id, timeout=5000)


def test_siting_numbers_are_placed_before_zone_labels_and_drawn_above_them(make_window, qtbot):
    from gis.domain import Role
    from gis.zones.model import ZoneModel
    from gui.gaps import overlays as ov
    from tests.gui.conftest import run_js, settle
    from tests.gui.test_gaps_siting import pick, suggest

    win, ctl, project = analysed_window(make_window, qtbot)
    compounds = project.first(Role.COMPOUNDS)
    model = ZoneModel.from_layer(compounds)
    project.set_zones(model)
    model.merge(list(range(len(compounds))), name="全区片区名称很长很长", colour="#4e79a7")
    dialog = ctl.open_siting()
    pick(dialog.type, "clinic")
    dialog.k.setValue(2)
    n = len(suggest(dialog, qtbot).chosen)
    assert ov.SITING in ctl.map.shown
    settle(qtbot, win, 800)
    labels = run_js(qtbot, win.map, "state.labels.getLayers().map((l) => l.getContent())")
    assert labels[:n] == [str(k) for k in range(1, n + 1)], labels  # the sites' numbers win the space
    assert run_js(qtbot, win.map, "[...state.overlays.entries()].filter(([n, o]) => o.ocpTop).map(([n]) => n)") \
        == [ov.SITING]
    dialog.reject()
