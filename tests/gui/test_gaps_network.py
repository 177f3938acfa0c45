"""Walking distances in the gap view: network mode from the roads layer, the life-circle view's
network reused, results equal to the engine's, and a notice when the data changes afterwards."""

from __future__ import annotations

import numpy as np

from gis.domain import Role
from gis.analysis.facilities import facilities_of
from gis.gaps.access import analyse_gaps
from gis.network.build import build_network
from gis.standards import load_standards
from tests.gui.gaps_fixtures import controller, gap_project, gaps_registered, run  # noqa: F401
from tests.gui.lifecircles_fixtures import controller as lifecircles, lifecircles_registered  # noqa: F401
from tests.gui.lifecircles_fixtures import run as run_lifecircles


def test_network_mode_walks_the_streets_and_reuses_the_life_circle_network(make_window, qtbot):
    project = gap_project(roads=True)
    win = make_window(project)
    ctl = controller(win)
    assert ctl.panel.network.isEnabled()
    ctl.panel.network.setChecked(True)
    assert "道路" in ctl.panel.mode_note.text() and "绕行" in ctl.panel.mode_note.text(), "it says why counts differ"
    lc = lifecircles(win)
    lc.panel.options.set_mode("network")
    areas = run_lifecircles(lc, qtbot)
    assert ctl.cache() is lc.cache
    out = run(ctl, qtbot, mode="network")
    assert out.gaps.method == "network"
    assert out.network is areas.network, "the walking network built for the life circles is reused"
    std = load_standards()
    net = build_network(project.first(Role.ROADS).data, crs=project.crs)
    expected = analyse_gaps(project.first(Role.COMPOUNDS), facilities_of(project, std), standards=std, network=net)
    assert np.array_equal(out.gaps.covered, expected.covered)
    np.testing.assert_allclose(np.nan_to_num(out.gaps.nearest_m, posinf=-1),
                               np.nan_to_num(expected.nearest_m, posinf=-1), atol=0.01)
    straight = run(ctl, qtbot, mode="straight")
    assert straight.gaps.method == "straight"
    # walking round the blocks is longer than the straight line: never fewer gaps
    assert (~out.gaps.covered).sum() >= (~straight.gaps.covered).sum()
    assert (out.gaps.nearest_m[np.isfinite(out.gaps.nearest_m)]
            >= straight.gaps.nearest_m[np.isfinite(out.gaps.nearest_m)] - 1e-6).all()


def test_rerun_reuses_network_and_origins(make_window, qtbot):
    project = gap_project(roads=True)
    win = make_window(project)
    ctl = controller(win)
    first = run(ctl, qtbot, mode="network")
    cache = ctl.cache()
    hits = cache.hits
    second = run(ctl, qtbot, mode="network")
    assert second.network is first.network
    assert second.gaps.origins is first.gaps.origins
    assert cache.hits >= hits + 2


def test_changed_data_is_flagged_until_analysed_again(make_window, qtbot):
    project = gap_project()
    win = make_window(project)
    ctl = controller(win)
    run(ctl, qtbot)
    assert not ctl.stale
    facilities = project.first(Role.FACILITIES)
    moved = facilities.data.copy()
    moved["geometry"] = moved.geometry.translate(0, 300)
    facilities.set_data(moved)
    project.update_layer(facilities)
    assert ctl.stale
    assert ctl.panel.status.text() == ctl.tr("The data changed since this analysis: press Analyse gaps to update it.")
    run(ctl, qtbot)
    assert not ctl.stale


def test_without_roads_only_straight_lines_are_offered(make_window, qtbot):
    project = gap_project()
    win = make_window(project)
    ctl = controller(win)
    assert not ctl.panel.network.isEnabled()
    assert ctl.panel.mode() == "straight"
    out = run(ctl, qtbot, mode="network")  # the disabled choice cannot be taken
    assert out.gaps.method == "straight" and out.network is None
