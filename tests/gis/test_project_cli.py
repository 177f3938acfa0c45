"""``main.py project build``: the project the window would save from files, zones and analyses."""

from __future__ import annotations

import json

import geopandas as gpd

from gis.cli import project as project_cli
from gis.domain import Role
from gis.project_file import open_project
from tests.gis.gaps_fixtures import CRS, at, square


def test_build_with_zones_and_analyses(tmp_path, capsys):
    comps, fac, out = tmp_path / "compounds.gpkg", tmp_path / "facilities.gpkg", tmp_path / "plan.gpkg"
    gpd.GeoDataFrame({"小区编号": [f"C{i}" for i in range(4)], "户数": [100, 120, 90, 300],
                      "建成年代": [1985, 1990, 1995, 1992]},
                     geometry=[square(c * 110, 0) for c in range(3)] + [square(900, 0)], crs=CRS).to_file(comps)
    gpd.GeoDataFrame({"名称": ["社区卫生服务站"], "类型": ["社区卫生服务站"]}, geometry=[at(50, 50)],
                     crs=CRS).to_file(fac)
    code = project_cli.main(["build", str(out), "--compounds", str(comps), "--facilities", str(fac),
                             "--suggest-zones", "--max-compounds", "3", "--analyse", "--json"])
    printed = json.loads(capsys.readouterr().out)
    assert code == 0
    assert [(lyr["role"], lyr["features"]) for lyr in printed["layers"]] == [("compounds", 4), ("facilities", 1)]
    assert printed["zones"] == 1 and printed["gaps"]["clinic"]["covered"] == 4 - 1  # C3 is 850 m away
    project = open_project(out)
    assert [lyr.role for lyr in project.layers] == [Role.COMPOUNDS, Role.FACILITIES]
    # named and styled by role, as a legend should read (the file stays in the layer's source)
    assert [lyr.name for lyr in project.layers] == ["小区", "设施"]
    assert project.layers[0].style.fill != project.layers[1].style.fill
    assert project.layers[0].source.path.endswith("compounds.gpkg")
    (zone,) = project.zones.zones.values()
    assert zone.members == {0, 1, 2} and zone.name == "片区 1"
    assert project.settings["pre_year"] == 2000 and project.settings["gap_tolerance_m"] == 30.0


def test_build_refuses_like_the_other_commands(tmp_path, capsys):
    fac = tmp_path / "facilities.gpkg"
    gpd.GeoDataFrame({"名称": ["社区卫生服务站"]}, geometry=[at(50, 50)], crs=CRS).to_file(fac)
    code = project_cli.main(["build", str(tmp_path / "p.gpkg"), "--compounds", str(fac), "--facilities", str(fac)])
    assert code == 2 and "--compounds needs polygon" in capsys.readouterr().err
    assert project_cli.main(["nothing"]) == 2
