"""The gap table written from the window: gaps.csv, gaps.xlsx and gaps.gpkg with zones and elevators."""

from __future__ import annotations

import pandas as pd
import pyogrio
from openpyxl import load_workbook

from gis.domain import Role
from gis.zones.model import ZoneModel
from tests.gui.gaps_fixtures import controller, gap_project, gaps_registered, run  # noqa: F401


def test_export_writes_the_three_files(make_window, qtbot, tmp_path):
    project = gap_project()
    win = make_window(project)
    ctl = controller(win)
    out = run(ctl, qtbot)
    model = ZoneModel.from_layer(project.first(Role.COMPOUNDS), gap=30.0)
    project.set_zones(model)
    model.merge([0, 1, 2, 3], name="西片区")
    task = ctl.export_to(tmp_path)
    qtbot.waitUntil(lambda: (tmp_path / "gaps.gpkg").exists() and "gaps.gpkg" in ctl.panel.status.text(),
                    timeout=30000)
    del task
    csv = pd.read_csv(tmp_path / "gaps.csv", encoding="utf-8-sig")
    assert len(csv) == 16
    assert csv["缺项数"].tolist() == out.gaps.n_missing().tolist()
    assert (csv["片区"].fillna("") == ["西片区"] * 4 + [""] * 12).all()
    sheets = load_workbook(tmp_path / "gaps.xlsx").sheetnames
    assert len(sheets) == 3  # compounds, zones, notes
    layers = [name for name, _kind in pyogrio.list_layers(tmp_path / "gaps.gpkg")]
    assert {"compound_gaps", "zone_gaps", "elevator_buildings"} <= set(layers)
