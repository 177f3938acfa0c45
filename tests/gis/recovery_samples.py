"""A tiny zoned project for the recovery and lock tests, and a script that autosaves then waits."""

from __future__ import annotations

import geopandas as gpd
from shapely.geometry import box

from gis.domain import FieldRole, Role
from gis.layer import Layer
from gis.project import Project
from gis.zones.model import ZoneModel

CRS = "EPSG:4547"
X0, Y0 = 500_000, 2_500_000


def tiny_project(n: int = 6) -> Project:
    """*n* touching compounds in a row, with one zone over the first two."""
    data = gpd.GeoDataFrame({"小区编号": [f"XQ{k}" for k in range(n)],
                             "户数": [100 + k for k in range(n)]},
                            geometry=[box(X0 + k * 100, Y0, X0 + k * 100 + 100, Y0 + 100) for k in range(n)],
                            crs=CRS)
    project = Project()
    layer = project.add_layer(Layer("小区边界", Role.COMPOUNDS, data,
                                    fields={FieldRole.ID: "小区编号", FieldRole.HOUSEHOLDS: "户数"}))
    project.set_zones(ZoneModel.from_layer(layer, gap=5))
    project.zones.merge([0, 1], name="一号片区")
    return project


# Run in a child process: open the project, take its lock, make an edit, autosave it,
# say "ready" and wait to be killed. argv: project path, recovery folder.
CHILD = """
import sys, time
from pathlib import Path
from gis import project_lock, recovery
from gis.owner import Owner
from gis.project_diff import summarize
from gis.project_file import open_project

path, folder = sys.argv[1], Path(sys.argv[2])
project = open_project(path)
assert project_lock.acquire(path).mine
baseline = summarize(project)
project.zones.merge([3, 4], name="二号片区")
project.layers[0].set_data(project.layers[0].data.assign(户数=999))
gpkg, note = recovery.session_paths(folder, Owner.current())
recovery.write_copy(recovery.capture(project), gpkg, note, Owner.current(), project_path=path,
                    baseline=baseline)
print("ready", flush=True)
time.sleep(120)
"""
