"""One answer for every face: the same files through the window (import, dock defaults,
controller run) and through the command line's request give identical outcomes."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
import shapely
from shapely import LineString

from gis.domain import Role
from gis.io.importer import read_layer
from gis.project import Project
from tests.gis.gaps_fixtures import CRS, X0, Y0, at, square
from tests.gui.gaps_fixtures import controller as gaps_controller, gaps_registered  # noqa: F401
from tests.gui.gaps_fixtures import run as run_gaps
from tests.gui.lifecircles_fixtures import controller as lc_controller, lifecircles_registered  # noqa: F401
from tests.gui.lifecircles_fixtures import run as run_lifecircles

ROLES = {"compounds": Role.COMPOUNDS, "facilities": Role.FACILITIES, "buildings": Role.BUILDINGS,
         "roads": Role.ROADS}


@pytest.fixture
def files(tmp_path) -> dict:
    """A 3 x 2 block of compounds on a street grid, four facilities, a walk-up per compound."""
    comps = [square(c * 120, r * 120) for r in range(2) for c in range(3)]
    paths = {k: tmp_path / f"{k}.gpkg" for k in ROLES}
    gpd.GeoDataFrame({"小区编号": [f"C{i}" for i in range(6)], "户数": [120, 80, 200, 150, 90, 60],
                      "建成年代": [1985, 1990, 1995, 1998, 2005, 1988]}, geometry=comps, crs=CRS).to_file(paths["compounds"])
    gpd.GeoDataFrame({"编号": ["F1", "F2", "F3", "F4"], "名称": ["社区卫生服务站", "阳光幼儿园", "长者食堂", "便利店"],
                      "类型": ["社区卫生服务站", "幼儿园", "老年食堂", "便利店"]},
                     geometry=[at(50, -10), at(290, 110), at(170, 230), at(10, 110)], crs=CRS).to_file(paths["facilities"])
    gpd.GeoDataFrame({"楼栋编号": [f"B{i}" for i in range(6)], "小区编号": [f"C{i}" for i in range(6)],
                      "层数": [6, 3, 5, 7, 4, 6], "电梯": ["无"] * 6, "户数": [24] * 6},
                     geometry=[square(c * 120 + 30, r * 120 + 30, 30) for r in range(2) for c in range(3)],
                     crs=CRS).to_file(paths["buildings"])
    lines = [LineString([(X0 - 10, Y0 + y), (X0 + 350, Y0 + y)]) for y in (-10, 110, 230)]
    lines += [LineString([(X0 + x, Y0 - 10), (X0 + x, Y0 + 230)]) for x in (-10, 110, 230, 350)]
    gpd.GeoDataFrame({"名称": [f"路{i}" for i in range(len(lines))]}, geometry=lines, crs=CRS).to_file(paths["roads"])
    return paths


def window_project(files, roles=ROLES) -> Project:
    """What File > Add data makes of the files (nothing to ask: each declares its CRS)."""
    project = Project()
    for key, role in roles.items():
        project.add_layer(read_layer(files[key], role=role))
    project.mark_dirty(False)
    return project


def same_polygons(a: gpd.GeoDataFrame, b: gpd.GeoDataFrame, keys: list[str]) -> None:
    a, b = a.sort_values(keys).reset_index(drop=True), b.sort_values(keys).reset_index(drop=True)
    assert a[keys].equals(b[keys])
    np.testing.assert_allclose(a["area_m2"], b["area_m2"], rtol=0, atol=1e-6)
    diff = shapely.area(shapely.symmetric_difference(a.geometry.values, b.to_crs(a.crs).geometry.values))
    assert (diff <= 1e-6).all()


def test_life_circles_window_and_cli_agree(make_window, qtbot, files):
    from gis.analysis.life_circles import run
    from gis.cli import service_areas

    win = make_window(window_project(files))
    lc = lc_controller(win)
    lc.panel.options.set_mode("network")
    window = run_lifecircles(lc, qtbot)
    args = service_areas.parser().parse_args([str(files["facilities"]), "--network", str(files["roads"])])
    cli = run(service_areas.build_request(args, "network"))
    assert list(window.facilities.ids) == list(cli.facilities.ids) == ["F1", "F2", "F3"]
    same_polygons(window.result.per_type, cli.result.per_type, ["type", "distance_m", "facilities"])
    same_polygons(window.result.required, cli.result.required, ["type", "facilities"])
    assert [n.code for n in window.notices] == [n.code for n in cli.notices]


def test_gaps_window_and_cli_agree(make_window, qtbot, files):
    from gis.analysis.gaps import run
    from gis.cli import gaps

    win = make_window(window_project(files))
    window = run_gaps(gaps_controller(win), qtbot, mode="network")
    args = gaps.parser().parse_args(["--compounds", str(files["compounds"]), "--facilities", str(files["facilities"]),
                                     "--buildings", str(files["buildings"]), "--network", str(files["roads"])])
    cli = run(gaps.build_request(args))
    assert window.gaps.method == cli.gaps.method == "network"
    table = gaps.to_json(window.gaps, None, window.elevators, 0.0)
    assert table == gaps.to_json(cli.gaps, None, cli.elevators, 0.0)
    assert any(c["missing"] for c in table["compounds"]) and any(c["elevator_buildings"] for c in table["compounds"])
    np.testing.assert_array_equal(window.gaps.nearest_m, cli.gaps.nearest_m)
    assert [n.code for n in window.notices] == [n.code for n in cli.notices]


def test_zone_suggestion_window_and_cli_agree(make_window, qtbot, files):
    from gis.cli import zones
    from gui.zones.controller import ZonesController

    win = make_window(window_project(files, {"compounds": Role.COMPOUNDS}))
    ctl = next(f for f in win.features if isinstance(f, ZonesController))
    ctl.suggest()
    dialog = ctl.suggest_dialog
    dialog.max_compounds.setValue(3)
    dialog.preview()
    qtbot.waitUntil(lambda: dialog.suggestion is not None, timeout=30000)
    cli = zones._run(zones.parser().parse_args([str(files["compounds"]), "--max-compounds", "3"]))
    assert dialog.suggestion.zones == cli["suggestion"].zones and dialog.suggestion.zones
    assert dialog.suggestion.excluded["too_new"].tolist() == cli["suggestion"].excluded["too_new"].tolist() == [4]
    dialog.accept_suggestion()
    window_model, cli_model = ctl.model(), cli["model"]
    assert window_model.gap == cli_model.gap == 30.0
    for zid, zone in window_model.zones.items():
        assert zone.members == cli_model.zones[zid].members
        assert shapely.area(shapely.symmetric_difference(window_model.outline(zid), cli_model.outline(zid))) <= 1e-6


def test_the_windows_build_year_cut_off_reaches_exports(make_window, files):
    from gis.settings import Settings
    from gui.exports import ExportsController

    project = window_project(files, {"compounds": Role.COMPOUNDS})
    win = make_window(project, settings=Settings(pre_year=1995))
    ctl = next(f for f in win.features if isinstance(f, ExportsController))
    ctl.open_export().reject()
    assert project.settings["pre_year"] == 1995
    project.settings["pre_year"] = 1990  # a project's own setting is kept
    ctl.open_export().reject()
    assert project.settings["pre_year"] == 1990


def test_ranking_window_and_export_agree(make_window, qtbot, files):
    """The window's check-up ranking (dialog defaults) and the one the Excel report ranks
    (``main.py export --format xlsx``: the same run on a project opened from the files)."""
    from gis.analysis.outputs import collect_outputs

    win = make_window(window_project(files))
    ctl = gaps_controller(win)
    run_gaps(ctl, qtbot, mode="network")
    window = ctl.open_ranking().ranking
    ctl.ranking_dialog.close()
    exported = collect_outputs(window_project(files), steps=("gaps", "elevators", "ranking")).ranking
    assert window.pre_year == exported.pre_year == 2000
    assert list(window.ranked().index) == list(exported.ranked().index) and len(window.ranked())
    columns = ["rank", "score", "selected"]
    assert window.table[columns].equals(exported.table[columns])


def test_siting_dialog_defaults_are_the_declared_request(make_window, qtbot, files):
    """Siting has no command of its own: the dialog's search with its shown defaults equals the
    declared request's run (k, method, weight from SitingRequest; radius from the standard)."""
    from gis.analysis.siting import SitingRequest, run

    win = make_window(window_project(files))
    ctl = gaps_controller(win)
    out = run_gaps(ctl, qtbot, mode="network")
    dialog = ctl.open_siting()
    kind = dialog.type.currentData()
    assert kind and dialog.candidate_frame() is None  # the compounds themselves
    dialog.suggest()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=60000)
    declared = run(SitingRequest(out.gaps, kind)).result  # every parameter at its declared default
    assert dialog.result is not None
    assert dialog.result.chosen.tolist() == declared.chosen.tolist() and len(declared.chosen)
    dialog.close()


def test_access_window_and_cli_agree(make_window, qtbot, files):
    from gis.analysis.access import run
    from gis.cli import access
    from gui.access.controller import AccessController

    win = make_window(window_project(files))
    ctl = next(f for f in win.features if isinstance(f, AccessController))
    ctl.panel.type.setCurrentIndex(ctl.panel.type.findData("kindergarten"))
    ctl.panel.distance.setCurrentIndex(ctl.panel.distance.findData("network"))
    ctl.panel.method.setCurrentIndex(ctl.panel.method.findData("e2sfca"))
    assert ctl.compute() is not None, ctl.panel.status.text()
    qtbot.waitUntil(lambda: ctl.task is None, timeout=60000)
    window = ctl.outcome
    args = access.parser().parse_args(["--compounds", str(files["compounds"]), "--facilities", str(files["facilities"]),
                                       "--network", str(files["roads"]), "--type", "kindergarten",
                                       "--method", "e2sfca"])
    cli = run(access.build_request(args))
    assert window.result.distance == cli.result.distance == "network"
    assert access.to_json(window.result) == access.to_json(cli.result)
    assert any(c["access"] > 0 for c in access.to_json(cli.result)["compounds"])
    assert [n.code for n in window.notices] == [n.code for n in cli.notices]
