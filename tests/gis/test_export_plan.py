"""What the exports are built from: engine results with and without planned facilities, zone cards."""

from __future__ import annotations

import numpy as np
import pytest
from pyproj import CRS

from gis.errors import ExportError
from gis.analysis.facilities import facilities_of, has_planned
from gis.analysis.outputs import collect_outputs
from gis.export.summary import plan_summary, zone_summaries
from gis.export.target import resolve_target
from gis.wording import crs_text, field_name, term
from gis.feedback import Feedback
from gis.errors import Cancelled
from gis.standards import load_standards
from tests.gis.export_samples import sample_project


@pytest.fixture(scope="module")
def planned_project():
    return sample_project(planned=True)


def test_planned_facilities_count_only_after(planned_project):
    standards = load_standards()
    assert has_planned(planned_project) and not has_planned(sample_project())
    assert len(facilities_of(planned_project, standards, planned=True)) == 4
    assert len(facilities_of(planned_project, standards, planned=False)) == 3
    after = collect_outputs(planned_project, steps=("gaps",))
    before = collect_outputs(planned_project, steps=("gaps",), planned=False)
    k = after.gaps.types.index("day_care")
    assert before.gaps.covered[:, k].sum() == 0 < after.gaps.covered[:, k].sum()
    assert after.gaps.method == "network"  # walked along the roads layer


def test_zone_cards_before_and_after(planned_project):
    after = collect_outputs(planned_project, steps=("zones", "gaps", "elevators"))
    before = collect_outputs(planned_project, steps=("gaps",), planned=False)
    cards = zone_summaries(planned_project, after=after, before=before)
    assert [c.name for c in cards] == ["西南片区", "东北片区"]
    sw = cards[0]
    assert sw.compounds == 4 and sw.households == 480
    assert "day_care" in sw.missing(before=True) and "day_care" not in sw.missing(before=False)
    assert sw.elevator_buildings == 4 and sw.elevators == 8
    assert sw.cost == pytest.approx(8 * after.elevators.params.cost_per_elevator)
    assert sw.subsidy is not None and sw.subsidy < sw.cost
    total = plan_summary(planned_project, cards, title="全部")
    assert total.compounds == 6 and total.elevators == 12 and total.extra["zones"] == 2
    members = planned_project.zones.assignment == sw.zone_id  # counted compound by compound
    assert sw.gaps_counted(before=False) == after.gaps.n_missing()[members].sum()
    assert sw.gaps_counted(before=True) == before.gaps.n_missing()[members].sum() > sw.gaps_counted(before=False)
    assert sw.lacking(before=True) == (before.gaps.n_missing()[members] > 0).sum()
    assert total.gaps_counted(before=True) == sum(c.gaps_counted(before=True) for c in cards)


def test_engine_gaps_become_notices_not_crashes():
    project = sample_project()
    project.remove_layer(project.layers[1].id)  # no buildings: no elevator analysis
    out = collect_outputs(project, steps=("zones", "gaps", "elevators"))
    assert out.elevators is None and out.gaps is not None
    assert any("elevator" in n.message for n in out.notices)


def test_cancel_stops_collecting():
    fb = Feedback(cancelled=lambda: True)
    with pytest.raises(Cancelled):
        collect_outputs(sample_project(), feedback=fb)


def test_targets_and_wording():
    gk = CRS.from_epsg(4548)
    assert resolve_target(None, gk).crs.equals(gk)
    assert resolve_target("EPSG:4527", gk).crs.to_epsg() == 4527
    assert resolve_target("gcj02", gk).gcj02 and resolve_target("wgs84", gk).crs.to_epsg() == 4326
    with pytest.raises(ExportError):
        resolve_target(None, None)
    assert crs_text(CRS.from_epsg(4527)) == "CGCS2000 3度带高斯-克吕格投影，第 39 带（EPSG:4527）"
    assert term("households") == "户数" and term("households", "en") == "Households"
    assert field_name("members") == "含小区" and np.all([len(field_name(k).encode()) <= 10 for k in
                                                        ("zone_id", "n_missing", "elevator_buildings")])


@pytest.mark.parametrize("fmt", ["kml", "dxf", "gpkg", "xlsx", "html"])
def test_writers_stop_when_cancelled_and_leave_no_file(tmp_path, fmt):
    project = sample_project()
    outputs = collect_outputs(project)
    calls = {"n": 0}

    def cancelled() -> bool:  # let the analyses through, stop in the writer
        calls["n"] += 1
        return calls["n"] > 3

    out = tmp_path / f"plan.{fmt}"
    from gis.export.project_export import export_project

    with pytest.raises(Cancelled):
        export_project(project, out, fmt=fmt, outputs=outputs, feedback=Feedback(cancelled=cancelled))
    assert list(tmp_path.iterdir()) == []
