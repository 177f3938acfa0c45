"""A small project file for the plan window tests: 8 compounds (a 3-compound zone suggested,
the others alone or in pairs), one clinic, a day-care station out of everyone's reach (the
day-care items are sized by shortfall), buildings with floors and elevators."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd

from gis.cli import project as project_cli
from tests.gis.gaps_fixtures import CRS, at, square


def build_project_file(folder: Path) -> Path:
    """Write the layers and build ``p.gpkg`` with suggested zones (the command line's way)."""
    xs = [0, 110, 220, 900, 1010, 2000, 2600, 3200]
    gpd.GeoDataFrame({"小区编号": [f"C{i}" for i in range(8)], "小区名称": [f"幸福里{i}号院" for i in range(8)],
                      "户数": [100, 120, 90, 300, 150, 80, 200, 60],
                      "建成年代": [1985, 1990, 1995, 1992, 1988, 2010, 1980, 1998]},
                     geometry=[square(x, 0) for x in xs], crs=CRS).to_file(folder / "compounds.gpkg")
    gpd.GeoDataFrame({"名称": ["社区卫生服务站", "养老服务站"], "类型": ["社区卫生服务站", "养老服务站"]},
                     geometry=[at(50, 50), at(9000, 0)], crs=CRS).to_file(folder / "facilities.gpkg")
    gpd.GeoDataFrame({"层数": [6, 6, 3, 7, 6, 6], "电梯": ["无", "无", "无", "有", "无", "无"],
                      "户数": [24, 36, 12, 28, 30, 24]},
                     geometry=[square(10, 10, 20), square(120, 10, 20), square(230, 10, 20), square(910, 10, 20),
                               square(1020, 10, 20), square(2610, 10, 20)],
                     crs=CRS).to_file(folder / "buildings.gpkg")
    out = folder / "p.gpkg"
    assert project_cli.main(["build", str(out), "--compounds", str(folder / "compounds.gpkg"), "--facilities",
                             str(folder / "facilities.gpkg"), "--buildings", str(folder / "buildings.gpkg"),
                             "--suggest-zones", "--max-compounds", "3"]) == 0
    return out
