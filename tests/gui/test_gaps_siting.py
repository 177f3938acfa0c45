"""Siting suggestions in the window: preview of sites and newly served compounds, coverage before
and after, candidates from a layer's selection, and accepted sites that become planned facilities
and close the gaps."""

from __future__ import annotations

import geopandas as gpd
from shapely.geometry import Point

from gis.domain import Role
from gis.analysis.facilities import planned_rows
from gis.layer import Layer
from gui.gaps import overlays as ov
from tests.gui.conftest import X0, Y0
from tests.gui.gaps_fixtures import controller, gap_project, gaps_registered, run  # noqa: F401


def suggest(dialog, qtbot):
    assert dialog.suggest() is not None, dialog.status.text()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=60000)
    assert dialog.result is not None, dialog.status.text()
    return dialog.result


def pick(combo, key) -> None:
    combo.setCurrentIndex(combo.findData(key))


def test_preview_accept_and_the_gaps_close(make_window, qtbot):
    project = gap_project()
    win = make_window(project)
    ctl = controller(win)
    out = run(ctl, qtbot)
    lacking = out.gaps.uncovered("clinic")
    dialog = ctl.open_siting()
    pick(dialog.type, "clinic")
    assert dialog.radius.value() == 300
    pick(dialog.method, "greedy")
    dialog.k.setValue(1)
    result = suggest(dialog, qtbot)
    assert len(result.chosen) == 1 and result.method == "greedy"
    assert ov.SITING in ctl.map.shown and ov.SITING_COVERED in ctl.map.shown
    gained = set(result.newly[0].tolist())
    assert gained and gained <= set(lacking.tolist())
    coverage = dialog.coverage.model_.frame
    assert coverage["compounds"].tolist() == [16 - len(lacking), 16 - len(lacking) + len(gained)]
    assert dialog.sites.model_.rowCount() == 1 and dialog.accept_button.isEnabled()

    dialog.accept_sites()
    planned = ctl.planned_layer()
    assert planned is not None and planned.role == Role.FACILITIES and planned_rows(planned).all()
    assert planned.data["id"].tolist() == ["P-clinic-1"]
    assert planned.data["name"].tolist() == ["规划-卫生服务站-1"]
    qtbot.waitUntil(lambda: ctl.task is None and ctl.outcome is not out, timeout=60000)
    after = ctl.outcome.gaps.uncovered("clinic")
    assert set(after.tolist()) == set(lacking.tolist()) - gained
    assert ov.SITING not in ctl.map.shown
    assert "P-clinic-1" in ctl.planned_ids()

    if len(after):  # the next site is numbered on
        dialog.refresh("clinic")
        pick(dialog.method, "greedy")
        suggest(dialog, qtbot)
        dialog.accept_sites()
        assert planned.data["id"].tolist()[-1] == "P-clinic-2"
        qtbot.waitUntil(lambda: ctl.task is None, timeout=60000)
    dialog.close()


def test_candidates_from_the_selected_features_of_a_layer(make_window, qtbot):
    project = gap_project()
    lots = gpd.GeoDataFrame({"名称": ["空地甲", "空地乙"]},
                            geometry=[Point(X0 + 130, Y0 + 410), Point(X0 + 410, Y0 + 410)], crs="EPSG:4527")
    layer = project.add_layer(Layer("空地", Role.OTHER, lots))
    win = make_window(project)
    ctl = controller(win)
    run(ctl, qtbot)
    project.select(layer.id, [1])
    dialog = ctl.open_siting()
    pick(dialog.type, "clinic")
    pick(dialog.candidates, layer.id)
    assert dialog.selected_only.isEnabled() and dialog.selected_only.isChecked()
    pick(dialog.method, "greedy")
    dialog.k.setValue(2)
    result = suggest(dialog, qtbot)
    assert result.candidates["名称"].tolist() == ["空地乙"]
    assert len(result.chosen) == 1
    dialog.close()
    assert ov.SITING not in ctl.map.shown, "closing the dialog drops the preview"
