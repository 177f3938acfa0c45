"""Planned sites (accepted in the siting dialog) drawn into the shown life circles as they come.

A network-mode result is kept in a :class:`gis.network.live_areas.LiveAreas` (made in the
background as soon as the run is shown, so the first site does not wait for it): each planned
site added, moved or removed redraws only its type's bands, only in the boxes its walk reaches,
in the background. The type's packed rings (:class:`gis.packed_rings.PackedRings`, carried by its
overlays) are patched in those boxes, and the controller sends the page only the rings that
changed (gui.map.view.MapView.patch_overlay). Sites are keyed by their id in the planned-facility layer.
"""

from __future__ import annotations

import time

import geopandas as gpd
import numpy as np
import shapely

from gis.network.inputs import facilities_from_layer
from gis.network.live_areas import LiveAreas
from gui.gaps.planned import planned_layer_of
from gis.packed_rings import PackedRings
from gui.lifecircles.overlays import RINGS, band_name, band_rows, type_frames
from gui.worker import run_task


class PlannedSync:
    """Keeps the controller's network-mode result in step with the project's planned sites."""

    def __init__(self, controller) -> None:
        self.controller = controller
        self.live: LiveAreas | None = None
        self.known: dict[str, tuple[str, bytes]] = {}
        self.task = None
        self.pending = False

    def reset(self) -> None:
        """Forget the sites drawn (a new result came in)."""
        self.live, self.known, self.pending = None, {}, False
        if self.task is not None:
            self.task.cancel()
            self.task = None

    def sites(self, outcome) -> dict[str, tuple[str, bytes]]:
        """The planned sites the result should show: id -> (type, point WKB in the result's CRS)."""
        layer = planned_layer_of(self.controller.project)
        if layer is None or layer.id == outcome.request.facilities.id:
            return {}
        fac = facilities_from_layer(layer, standards=outcome.request.standards)
        pts = gpd.GeoSeries(fac.points, crs=fac.crs).to_crs(outcome.facilities.crs).values
        drawn = set(str(t) for t in outcome.facilities.types) | set(outcome.result.bands["type"])
        return {str(i): (str(t), shapely.to_wkb(p)) for i, t, p in zip(fac.ids, fac.types, pts) if str(t) in drawn}

    def sync(self) -> None:
        """Start redrawing the types whose planned sites changed (one task at a time)."""
        c = self.controller
        outcome = c.outcome
        if outcome is None or outcome.network is None or outcome.params.method != "grid":
            return
        if self.task is not None:
            self.pending = True
            return
        wanted = self.sites(outcome)
        changes = {k: v for k, v in wanted.items() if self.known.get(k) != v}
        gone = [k for k in self.known if k not in wanted]
        if (changes or gone or self.live is None) and c._frames:
            self._start(outcome, wanted, changes, gone)

    def _start(self, outcome, wanted: dict, changes: dict, gone: list) -> None:
        """Apply the changes in a worker (with none: only make the LiveAreas, ahead of the first site)."""
        c = self.controller
        live, run = self.live, c._run
        prefix = band_name("")
        rings = {n[len(prefix):]: f.attrs.get(RINGS) for n, f in c._frames.items() if n.startswith(prefix)}
        self.known = wanted
        self.task = run_task(c.window, c.title(), lambda fb: _apply(live or LiveAreas(
            outcome.network, outcome.facilities, outcome.params, outcome.result), rings, changes, gone),
                             lambda done: self._done(run, done), on_error=self._failed, show_dialog=False)

    def _done(self, run: int, done) -> None:
        self.task = None
        if run == self.controller._run:
            self.live, result, frames, seconds = done
            if frames:
                self.controller.show_planned(result, frames, seconds)
        if self.pending:
            self.pending = False
            self.sync()

    def _failed(self, err: BaseException) -> None:
        self.task = None
        self.known = {}
        self.controller.report_error(err)


def _apply(live: LiveAreas, rings: dict, changes: dict, gone: list):
    """Runs in the worker: redraw the changed types. Returns *live*, its result, type -> (fill
    overlay, outline overlay, the patch from the type's *rings* (the page's) to them, or None when
    it is sent whole), and the seconds taken."""
    start = time.perf_counter()
    live.take_touched()
    types = {live.remove(k) for k in gone}
    for k, (ftype, wkb) in changes.items():
        types.add(live.place(k, ftype, shapely.from_wkb(wkb)))
    types.discard(None)
    touched, bands, frames = live.take_touched(), live.result.bands, {}
    for ftype in sorted(types):
        grp = band_rows(bands, ftype)
        old, boxes = rings.get(ftype), touched.get(ftype)
        if old is None or not boxes:
            store, patch = PackedRings.of(grp.geometry.values, bands.crs), None
        else:
            store, patch = old.patched(grp.geometry.values, shapely.bounds(np.array(boxes, dtype=object)))
        frames[ftype] = (*type_frames(ftype, grp, store), patch)
    return live, live.result, frames, time.perf_counter() - start
