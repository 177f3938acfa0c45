"""The plan dock's leftovers of issue 14: funding channels in the zone and compound tables,
elevator votes typed per compound and per building (undoable), the explicit consent switch,
and the dock's English wording not cut off."""

from __future__ import annotations

import numpy as np
import pytest

from gis.programme.catalogue import CHANNELS
from gis.programme.tables import compound_table, zone_table
from tests.gui.test_programme_window import controller, planned, project_file, warnings  # noqa: F401 (fixtures)


def _column(table, key):
    return [c.key for c in table.model_.columns].index(key)


def _cells(table, key) -> list[str]:
    col = _column(table, key)
    model = table.model_
    return [model.data(model.index(r, col)) for r in range(model.rowCount())]


def test_zone_and_compound_tables_split_the_cost_by_channel(planned):
    _win, ctl = planned
    prog, tables = ctl.programme, ctl.tables
    zones, compounds = zone_table(prog), compound_table(prog)
    assert zones[list(CHANNELS)].sum(axis=1).to_numpy() == pytest.approx(zones["cost"].to_numpy())
    for table, frame in ((tables.zones, zones), (tables.compounds, compounds)):
        headers = [c.header for c in table.model_.columns]
        assert all(any("万元" in h and h.startswith(name) for h in headers)
                   for name in ("中央补助", "地方财政", "居民出资"))
        paying = [ch for ch in CHANNELS if frame[ch].sum() > 0]
        assert len(paying) >= 3
        for ch in paying:
            assert _cells(table, ch) == [f"{v / 1e4:,.1f}" for v in frame[ch]]
