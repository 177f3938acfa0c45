"""The check-up ranking dialog: weights change the order at once, the pre-year filter, zero
weights refused with a reason, saving the planner's weights, and rows that zoom to the compound."""

from __future__ import annotations

import json

import numpy as np

from gis.domain import Role
from gui.gaps.ranking_dialog import USER_FILE, RankingDialog
from tests.gui.gaps_fixtures import controller, gap_project, gaps_registered, run  # noqa: F401


def only(dialog, weights: dict) -> None:
    for key, spin in dialog.spins.items():
        spin.setValue(weights.get(key, 0.0))
    dialog.recompute()


def test_weights_and_year_filter_order_the_list(make_window, qtbot, gaps_registered):
    project = gap_project()
    win = make_window(project)
    ctl = controller(win)
    assert ctl.open_ranking() is None  # nothing to rank yet
    out = run(ctl, qtbot)
    dialog = ctl.open_ranking()
    assert dialog.isVisible() and dialog.ranking is not None
    assert dialog.use_year.isChecked() and dialog.year.value() == 2000
    assert len(dialog.ranked_fids()) == 11  # built 1980, 1982, ... 2000
    only(dialog, {"age": 1.0})
    assert dialog.ranked_fids() == list(range(11)), "oldest first"
    dialog.use_year.setChecked(False)
    dialog.recompute()
    assert len(dialog.ranked_fids()) == 16
    only(dialog, {"gap_clinic": 1.0, "age": 0.01})
    lacking = set(out.gaps.uncovered("clinic").tolist())
    top = dialog.ranked_fids()[:len(lacking)]
    assert set(top) == lacking
    # a click zooms to the compound and selects it
    dialog.table.selectRow(0)
    assert project.selection(project.first(Role.COMPOUNDS).id) == {top[0]}
    # no positive weight: refused with a reason, the list stays
    shown = dialog.ranked_fids()
    only(dialog, {})
    assert dialog.ranked_fids() == shown
    assert dialog.status.text()
    # the planner's weights are saved and come back in a new dialog
    only(dialog, {"age": 0.4, "density": 0.6})
    dialog.save()
    saved = json.loads((gaps_registered / USER_FILE).read_text(encoding="utf-8"))
    assert {i["key"]: i["weight"] for i in saved["indicators"]} == {"age": 0.4, "density": 0.6}
    again = RankingDialog(ctl)
    assert again.spins["density"].value() == 0.6 and again.spins["elderly_gaps"].value() == 0.0
    again.recompute()
    assert np.isclose(again.ranking.table["score"].max(), dialog.ranking.table["score"].max())
    again.close()
    dialog.close()
