"""The analysis seam: declared parameters, coded notices, outcomes and the project session."""

from __future__ import annotations

import gc
import weakref

import pytest

from gis import defaults
from gis.analysis.gaps import GapRequest
from gis.analysis.life_circles import LifeCircleRequest
from gis.analysis.outcome import Outcome
from gis.analysis.params import declared, defaults_of, validate
from gis.analysis.session import _SESSIONS, session_for
from gis.analysis.zones import NeighbourRule, ZoneRequest
from gis.errors import AnalysisError
from gis.io.notices import coded, notice
from gis.project import Project
from gis.settings import Settings
from tests.gis.gaps_fixtures import compounds_layer, square


def test_each_default_is_declared_once_and_read_everywhere():
    assert defaults_of(NeighbourRule)["gap_m"] == Settings().gap_tolerance_m == defaults.GAP_M
    assert defaults_of(ZoneRequest)["pre_year"] == Settings().pre_year == defaults.PRE_YEAR
    lc = defaults_of(LifeCircleRequest)
    assert (lc["edge_buffer_m"], lc["snap_tolerance_m"]) == (defaults.EDGE_BUFFER_M, defaults.SNAP_M)
    assert defaults_of(GapRequest)["snap_tolerance_m"] == defaults.SNAP_M
    for cls in (NeighbourRule, ZoneRequest, LifeCircleRequest, GapRequest):
        assert all(p.help for _, p in declared(cls)), cls


def test_out_of_range_parameters_name_themselves():
    layer = compounds_layer([square(0, 0)])
    with pytest.raises(AnalysisError, match="gap_m must be between 0 and 500 m, not -3"):
        validate(NeighbourRule(layer, gap_m=-3))
    validate(NeighbourRule(layer))


def test_notices_have_stable_codes_and_json_rows():
    given = coded("crs.looks_like_datum", "This looks like {datum} data.", datum="gcj02")
    assert given.to_json() == {"code": "crs.looks_like_datum", "level": "warning",
                               "message": "This looks like gcj02 data."}
    derived = notice("{n} features were dropped: {ids}", n=3, ids="a")
    assert derived.code == "note.features_were_dropped" == notice("{n} features were dropped: {ids}", n=9).code
    outcome = Outcome(request=None, notices=[given, given, derived])
    assert [r["code"] for r in outcome.notices_json()] == ["crs.looks_like_datum", "note.features_were_dropped"]


def test_session_keeps_outcomes_tells_listeners_and_knows_staleness():
    project = Project()
    layer = project.add_layer(compounds_layer([square(0, 0), square(200, 0)]))
    session = session_for(project)
    assert session_for(project) is session and session.is_stale("gaps")
    heard = []
    session.outcome_changed.connect(lambda name, outcome: heard.append((name, outcome)))
    outcome = Outcome(request=None, revision=session.revision)
    session.store("gaps", outcome)
    assert heard == [("gaps", outcome)] and session.latest("gaps") is outcome and not session.is_stale("gaps")
    project.update_layer(layer)  # style or visibility: still current
    assert not session.is_stale("gaps")
    layer.set_data(layer.data.iloc[:1])
    project.update_layer(layer)
    assert session.is_stale("gaps")
    alive = weakref.ref(project)
    del project, layer, session, outcome, heard
    gc.collect()
    assert alive() is None, "a session does not keep its project alive"
    assert all(p is not None for p in _SESSIONS.keys())


def test_project_settings_are_typed_with_defaults():
    from gis.analysis.project_settings import ProjectSettings

    project = Project()
    assert ProjectSettings.of(project) == ProjectSettings(pre_year=2000, gap_tolerance_m=30.0, elevator_min_floors=4)
    project.settings.update(pre_year="1995", elevator_min_floors="x", subsidy_rule="shenzhen")
    got = ProjectSettings.of(project)
    assert (got.pre_year, got.elevator_min_floors, got.subsidy_rule) == (1995, 4, "shenzhen")
    ProjectSettings(gap_tolerance_m=50.0).store(project)
    assert project.settings["gap_tolerance_m"] == 50.0 and "subsidy_rule" in project.settings


def test_facilities_far_from_every_compound_are_flagged_not_silently_lacking():
    from types import SimpleNamespace

    import numpy as np

    from gis.analysis.gaps import far_apart

    far = far_apart(SimpleNamespace(nearest_m=np.array([[1_345_000.0, np.inf], [1_400_000.0, 1_500_000.0]])))
    assert [n.code for n in far] == ["gaps.facilities_far_away"] and "1,345 km" in far[0].message
    assert far_apart(SimpleNamespace(nearest_m=np.array([[250.0, 1_345_000.0]]))) == []
    assert far_apart(SimpleNamespace(nearest_m=np.array([[np.inf]]))) == []  # unreachable: said elsewhere
