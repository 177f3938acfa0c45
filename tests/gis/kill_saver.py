"""A process that saves a project over and over, for the kill -9 test.

Run as ``python -m tests.gis.kill_saver PATH``: it imports everything once, then for each
line ``fork K`` on stdin forks a child that saves rounds K+1, K+2, ... of :func:`state` to
PATH, appending ``saved k`` to ``PATH.log`` after each, and answers the child's pid. The
test kills children with SIGKILL at random moments (a fork is fast, an import is not).
"""

from __future__ import annotations

import os
import signal
import sys

import geopandas as gpd
import numpy as np
from shapely.geometry import box

from gis.domain import FieldRole, Role
from gis.layer import Layer
from gis.project import Project
from gis.project_file import save_project  # imported before the forks: children start saving at once
from gis.zones.model import ZoneModel

SIDE = 45  # SIDE² compounds
CRS = "EPSG:4547"


def base_project() -> Project:
    """SIDE² square compounds with names, households and a build year, and a zone plan."""
    n = SIDE * SIDE
    ij = np.arange(n)
    geoms = [box(500_000 + (k % SIDE) * 60, 2_500_000 + (k // SIDE) * 60,
                 500_000 + (k % SIDE) * 60 + 50, 2_500_000 + (k // SIDE) * 60 + 50) for k in ij]
    data = gpd.GeoDataFrame({"小区编号": [f"XQ{k:05d}" for k in ij], "小区名称": [f"第{k}小区" for k in ij],
                             "户数": (ij % 500 + 20).astype("int64"), "建成年代": (1970 + ij % 40).astype("int32")},
                            geometry=geoms, crs=CRS)
    project = Project()
    compounds = project.add_layer(Layer("小区边界", Role.COMPOUNDS, data, id="cmp00001",
                                        fields={FieldRole.ID: "小区编号", FieldRole.HOUSEHOLDS: "户数"}))
    model = ZoneModel.from_layer(compounds, gap=15)
    model.merge(range(0, 3), name="片区")
    project.set_zones(model)
    return project


def state(project: Project, k: int) -> Project:
    """Round *k* of the edits (deterministic, so the test can rebuild any round)."""
    data = project.layers[0].data
    ij = np.arange(len(data))
    data["户数"] = (ij % 500 + 20 + k).astype("int64")
    data["小区名称"] = [f"第{i}小区" if i != k % len(data) else f"第{k}轮改名" for i in ij]
    project.settings = {"round": k}
    project.zones.rename(1, f"片区{k}")
    return project


def _saving_child(project: Project, path: str, start: int) -> None:
    log = os.open(f"{path}.log", os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    k = start
    while True:
        k += 1
        save_project(state(project, k), path)
        os.write(log, f"saved {k}\n".encode())


def main(path: str) -> None:
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
    project = base_project()
    print("ready", flush=True)
    for line in sys.stdin:
        start = int(line.split()[1])
        pid = os.fork()
        if pid == 0:
            try:
                _saving_child(project, path, start)
            finally:
                os._exit(1)
        print(pid, flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
