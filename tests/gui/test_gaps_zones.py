"""Zone view of the gaps: pooling per zone, what each zone gains, live updates on zone edits,
and zone rows that select their compounds."""

from __future__ import annotations

import numpy as np

from gis.domain import Role
from gis.zones.model import ZoneModel
from gui.gaps.wording import type_label
from tests.gui.gaps_fixtures import controller, gap_project, gaps_registered, run  # noqa: F401


def test_pooling_per_zone_and_its_gain(make_window, qtbot):
    project = gap_project()
    win = make_window(project)
    ctl = controller(win)
    out = run(ctl, qtbot)
    assert not ctl.panel.zone_hint.isHidden() and ctl.panel.zones.model_.rowCount() == 0
    column = [0, 1, 2, 3]  # the west column, south (near the clinic) to north
    lacking = [f for f in column if not out.gaps.covered[f, out.gaps.column("clinic")]]
    assert lacking and len(lacking) < 4, "some of the column lack a clinic, some do not"
    compounds = project.first(Role.COMPOUNDS)
    model = ZoneModel.from_layer(compounds, gap=30.0)
    project.set_zones(model)
    model.merge(column, name="西片区")
    zid = next(iter(model.zones))
    frame = ctl.panel.zones.model_.frame
    assert frame.index.tolist() == [zid]
    row = frame.loc[zid]
    assert row["name"] == "西片区"
    assert type_label("clinic") in row["gained_text"]
    assert type_label("clinic") not in row["after_text"]
    hh = out.gaps.compounds.households
    assert ctl.zone_gaps.gained_households[0, out.gaps.column("clinic")] == hh[lacking].sum()
    assert ctl.panel.zone_hint.isHidden()
    names = ctl.panel.compounds.model_.frame["zone"]
    assert (names[column] == "西片区").all() and (names.drop(index=column) == "").all()
    # a zone row selects its members
    ctl.panel.zones.selectRow(0)
    assert project.selection(compounds.id) == set(column)
    # editing the zone updates the pooled gaps
    model.remove(zid, [0])
    row = ctl.panel.zones.model_.frame.loc[zid]
    assert row["compounds"] == 3
    still = out.gaps.covered[[1, 2, 3]].any(axis=0)
    assert row["after_n"] == int((~still).sum())
    project.set_zones(None)
    assert ctl.zone_gaps is None and ctl.panel.zones.model_.rowCount() == 0
    assert np.all(ctl.panel.compounds.model_.frame.columns != "zone")
