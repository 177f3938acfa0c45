"""Planned sites accepted in siting are drawn into the shown network life circles at once: only
their type is redrawn (in the background), the other types' bands stay as they were."""

from __future__ import annotations

import geopandas as gpd
import shapely
from shapely.geometry import Point

from gis.domain import Role
from gis.gaps.siting import planned_layer
from tests.gui.conftest import X0, Y0
from tests.gui.lifecircles_fixtures import controller, lifecircles_registered, roads_project, run  # noqa: F401


def clinic_area(ctl) -> float:
    """The clinics' 300 m area (their 1000 m one covers the whole small district already)."""
    return float(ctl.outcome.result.bands.query("type == 'clinic' and ring == 0")["area_m2"].sum())


def test_an_accepted_planned_site_redraws_its_type_only(make_window, roads_project, qtbot, tmp_path):
    win = make_window(roads_project)
    ctl = controller(win)
    ctl.panel.options.set_mode("network")
    out = run(ctl, qtbot)
    before = clinic_area(ctl)
    others = [g for t, g in zip(out.result.bands["type"], out.result.bands.geometry.values) if t != "clinic"]
    site = gpd.GeoDataFrame({"id": ["P-clinic-1"], "name": ["规划卫生服务站1"], "facility_type": ["clinic"],
                             "planned": [True], "radius_m": [300.0]},
                            geometry=[Point(X0 + 420, Y0 + 560)], crs="EPSG:4527")  # far north of the clinic
    layer = planned_layer(site, name="规划设施")
    roads_project.add_layer(layer)
    qtbot.waitUntil(lambda: clinic_area(ctl) > before * 1.2, timeout=20000)
    assert "P-clinic-1" in ctl.planned.known
    bands = ctl.outcome.result.bands
    kept = [g for t, g in zip(bands["type"], bands.geometry.values) if t != "clinic"]
    assert len(kept) == len(others) and all(a is b for a, b in zip(kept, others))  # not redrawn
    inner = bands.query("type == 'clinic' and ring == 0").geometry.iloc[0]
    assert inner.covers(shapely.Point(X0 - 39_000_000 + 420, Y0 + 560))  # the site's own 300 m area
    assert "P-clinic-1" not in set(ctl.outcome.facilities.ids)  # the run's facilities are unchanged
    win.grab().save(str(tmp_path / "planned.png"))  # to look at: the new site's 300 m area drawn

    layer.set_data(layer.data.iloc[:0])  # the site taken back
    roads_project.update_layer(layer)
    qtbot.waitUntil(lambda: abs(clinic_area(ctl) - before) < 1e-6 * before, timeout=20000)
    assert roads_project.first(Role.FACILITIES) is not layer
