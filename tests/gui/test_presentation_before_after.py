"""Presentation "before / after" (B): the map's gap colours, the legend and the card's numbers switch."""

from __future__ import annotations

from PySide6.QtCore import Qt

from gis.colours import gap_count_colour
from gis.domain import Role
from gui.gaps.legend import MAP_BACKGROUND, blend
from gui.gaps.overlays import COUNT_OPACITY
from gui.none_guard import protect_none
from tests.gis.export_samples import sample_project
from tests.gui.conftest import color_pixels, settle
from tests.gui.gaps_fixtures import controller, gaps_registered, run  # noqa: F401

protect_none()


def gap_pixels(win, classes) -> dict[int, int]:
    """Pixels of the map in the choropleth colour of each count of missing services."""
    image = win.map.grab().toImage()
    return {k: color_pixels(image, blend(gap_count_colour(k), COUNT_OPACITY, MAP_BACKGROUND).name(), tol=6)
            for k in classes}


def test_before_shows_the_gaps_without_the_planned_site_on_map_legend_and_card(make_window, qtbot):
    from gui.exports import ExportsController

    project = sample_project(planned=True)
    project.first(Role.COMPOUNDS).visible = False  # the gap colours over the bare map, untinted
    win = make_window(project)
    gaps = controller(win)
    run(gaps, qtbot, mode="straight")
    mode = next(f for f in win.features if isinstance(f, ExportsController)).start_presentation()
    qtbot.waitUntil(lambda: not mode._pending, timeout=60000)
    n_after, n_before = mode._after.gaps.n_missing(), mode._before.gaps.n_missing()
    assert (n_before >= n_after).all() and (n_before > n_after).any()  # the planned day care closes gaps
    classes = sorted(set(n_after) | set(n_before))
    only_after = [k for k in classes if k not in set(n_before)]
    only_before = [k for k in classes if k not in set(n_after)]
    assert only_after and only_before
    card, legend = mode.screen.card, gaps.map.legend
    assert legend.CORNER == "bottom-left", "the legend goes under the card, the plan gets the width"
    settle(qtbot, win, 1200)
    after = gap_pixels(win, classes)
    after_card, after_legend = card.pooling.text(), [e.text for e in legend.entries]

    qtbot.keyClick(mode.screen, Qt.Key.Key_B)
    settle(qtbot, win, 1200)
    before = gap_pixels(win, classes)
    print("gap-colour pixels after", after, "before", before)
    for k in only_after:
        assert after[k] > 2000 and before[k] < after[k] / 20, (k, after, before)
    for k in only_before:
        assert before[k] > 2000 and after[k] < before[k] / 20, (k, after, before)
    assert [e.text for e in legend.entries] != after_legend
    in_zones = project.zones.assignment >= 0
    assert card.tr("{n} services missing in all.").format(n=int(n_before[in_zones].sum())) in card.pooling.text()
    assert card.pooling.text() != after_card
    mode.show(0)
    member = project.zones.assignment == mode.summaries[0].zone_id
    assert card.tr("{n} services missing in all.").format(n=int(n_before[member].sum())) in card.pooling.text()

    settle(qtbot, win, 1200)
    outline = color_pixels(win.map.grab().toImage(), "#111111", tol=12)  # the zone's focus outline
    assert outline > 500
    qtbot.keyClick(mode.screen, Qt.Key.Key_B)  # after again: instantly, nothing is measured again
    assert not mode._pending
    settle(qtbot, win, 1200)
    kept = color_pixels(win.map.grab().toImage(), "#111111", tol=12)
    assert kept > 0.8 * outline, f"the zone's outline went under the gap colours ({kept} of {outline} pixels)"
    assert card.tr("{n} services missing in all.").format(n=int(n_after[member].sum())) in card.pooling.text()
    mode.overview()
    settle(qtbot, win, 1200)
    again = gap_pixels(win, classes)
    assert all(again[k] > 2000 for k in only_after) and all(again[k] < 100 for k in only_before), again
    qtbot.keyClick(mode.screen, Qt.Key.Key_B)
    mode.stop()  # the map shows the gaps panel's result again, its legend where it was
    assert legend.CORNER == "bottom-right" and legend.scale == 1.0
    settle(qtbot, win, 1200)
    back = gap_pixels(win, classes)
    assert all(back[k] < 0.05 * max(before[k], 100) for k in only_before), back
