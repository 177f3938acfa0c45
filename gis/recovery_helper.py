"""Write recovery copies in a helper process, so the UI process keeps its interpreter lock.

Writing a GeoPackage (pyogrio) holds Python's GIL for whole layers: 0.6 s for 10,000
compounds, during which the UI thread of the same process cannot run, even when the write
is on a worker thread. So the worker thread only *packs* the snapshot (geometries to WKB in
small chunks, releasing the GIL between them) and hands the bytes to one long-lived helper
process (``spawn``: no fork of a Qt process), which rebuilds the project and calls
:func:`gis.recovery.write_copy` (that is, :func:`gis.project_file.save_project`).
"""

from __future__ import annotations

import copy
import multiprocessing
import os
import pickle
import threading
import time
from concurrent.futures import ProcessPoolExecutor, TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from gis.errors import ProjectError
from gis.feedback import Feedback, ensure
from gis.i18n import QT_TRANSLATE_NOOP
from gis.owner import Owner
from gis.project import Project
from gis.project_diff import Summary, summarize

CHUNK = 2000  # geometries per WKB conversion: short GIL holds on the worker thread
_POLL_S = 0.2
_WATCH_S = 1.0  # how often the helper checks that the app still runs
_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()


def write_copy(snapshot, gpkg: Path, note: Path, owner: Owner, *, project_path: str | None,
               baseline: Summary | Path | None, feedback: Feedback | None = None):
    """Like :func:`gis.recovery.write_copy`, run in the helper process.

    *baseline* may be the project file's path (the helper opens and summarises it).
    Returns ``(baseline summary, Entry)``. Cancelling stops waiting, not the helper.
    """
    fb = ensure(feedback)
    fb.check()
    payload = pack(snapshot)
    fb.check()
    future = _executor().submit(_write_packed, payload, gpkg, note, owner, project_path, baseline)
    while True:
        try:
            return future.result(timeout=_POLL_S)
        except FutureTimeout:
            fb.check()
        except BrokenProcessPool as exc:
            _reset()
            raise ProjectError(QT_TRANSLATE_NOOP(
                "errors", "The autosave helper process stopped; the next autosave starts a new one."),
                ) from exc


def shutdown() -> None:
    """Stop the helper after its current copy (the app is closing)."""
    global _pool
    with _pool_lock:
        pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


def _executor() -> ProcessPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            me = Owner.current()
            _pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_watch_parent, initargs=(me,))
        return _pool


def _reset() -> None:
    global _pool
    with _pool_lock:
        _pool = None


# -- packing: the worker thread of the UI process -----------------------------------------------
def pack(snapshot) -> bytes:
    """The snapshot as bytes; geometries go as WKB, converted a chunk at a time."""
    project = snapshot.project
    layers = []
    for layer in project.layers:
        data = layer.data
        geom = data.geometry
        shell = copy.copy(layer)
        shell.data, shell._display = None, None
        values = np.asarray(geom.values, dtype=object)
        wkb = [shapely.to_wkb(values[i:i + CHUNK]) for i in range(0, len(values), CHUNK)]
        attrs = pd.DataFrame(data.drop(columns=geom.name))
        layers.append((shell, attrs, wkb, geom.name, data.crs))
    state = {"crs": project.crs, "layers": layers, "settings": project.settings, "view": project.view,
             "plan": snapshot.plan, "adjacency": snapshot.adjacency}
    return pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)


def unpack(payload: bytes):
    """The snapshot (a :class:`gis.recovery.Capture`) from :func:`pack`'s bytes."""
    from gis.recovery import Capture

    state = pickle.loads(payload)
    project = Project(crs=state["crs"])
    for shell, attrs, wkb, name, crs in state["layers"]:
        shapes = shapely.from_wkb(np.concatenate(wkb)) if wkb else np.empty(0, dtype=object)
        frame = gpd.GeoDataFrame(attrs, geometry=gpd.GeoSeries(shapes, index=attrs.index, crs=crs))
        shell.data = frame.rename_geometry(name) if name != "geometry" else frame
        project.layers.append(shell)
    project.settings, project.view = state["settings"], state["view"]
    geometries = None
    if state["plan"] is not None:
        compounds = next((lyr for lyr in project.layers if lyr.id == state["plan"].get("layer_id")), None)
        geometries = None if compounds is None else compounds.data.geometry.values
    return Capture(project, state["plan"], state["adjacency"], geometries)


# -- the helper process -------------------------------------------------------------------------
_busy = threading.Lock()  # held while a copy is written: the watcher lets it finish


def _watch_parent(parent: Owner) -> None:
    """End the helper when the app process is gone (killed): never outlive it."""
    def watch():
        while parent.alive() is not False:
            time.sleep(_WATCH_S)
        with _busy:
            os._exit(0)

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()


def _write_packed(payload: bytes, gpkg: Path, note: Path, owner: Owner, project_path, baseline):
    with _busy:
        return _write_unpacked(payload, gpkg, note, owner, project_path, baseline)


def _write_unpacked(payload: bytes, gpkg: Path, note: Path, owner: Owner, project_path, baseline):
    from gis import recovery

    if isinstance(baseline, Path):
        baseline = _file_summary(baseline)
    entry = recovery.write_copy(unpack(payload), gpkg, note, owner, project_path=project_path,
                                baseline=baseline)
    return baseline, entry


def _file_summary(path: Path) -> Summary | None:
    from gis.errors import GisError
    from gis.project_file import open_project

    try:
        return summarize(open_project(path))
    except GisError:
        return None
