"""Planned sites (accepted in the siting dialog) drawn into the shown life circles as they come.

A network-mode result is kept in a :class:`gis.network.live_areas.LiveAreas`: each planned site
added, moved or removed redraws only its type's bands, in the background, and the controller
swaps that type's overlay. Sites are keyed by their id in the planned-facility layer.
"""

from __future__ import annotations

import time

import geopandas as gpd
import shapely

from gis.network.inputs import facilities_from_layer
from gis.network.live_areas import LiveAreas
from gui.gaps.planned import planned_layer_of
from gui.lifecircles.overlays import band_frames
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
        if not changes and not gone:
            return
        live, run = self.live, c._run
        self.known = wanted
        self.task = run_task(c.window, c.title(), lambda fb: _apply(live or LiveAreas(  # made in the worker too
            outcome.network, outcome.facilities, outcome.params, outcome.result), changes, gone),
                             lambda done: self._done(run, done), on_error=self._failed, show_dialog=False)

    def _done(self, run: int, done) -> None:
        self.task = None
        if run == self.controller._run:
            self.live, result, types, fills, outlines, seconds = done
            self.controller.show_planned(result, types, fills, outlines, seconds)
        if self.pending:
            self.pending = False
            self.sync()

    def _failed(self, err: BaseException) -> None:
        self.task = None
        self.known = {}
        self.controller.report_error(err)


def _apply(live: LiveAreas, changes: dict, gone: list):
    """Runs in the worker: redraw the changed types; returns *live* and their overlays ready to draw."""
    start = time.perf_counter()
    types = {live.remove(k) for k in gone}
    for k, (ftype, wkb) in changes.items():
        types.add(live.place(k, ftype, shapely.from_wkb(wkb)))
    types.discard(None)
    fills, outlines = band_frames(live.result.bands, types=types)
    return live, live.result, sorted(types), fills, outlines, time.perf_counter() - start
