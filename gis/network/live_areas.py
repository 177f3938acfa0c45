"""A network-mode result kept up to date as single facilities are added, moved or removed.

Facilities are keyed by id. A change redraws only its type, and only around the facility:
the type's field is recomputed in the window the facility's walk can touch, from the type's
facilities whose reach meets that window, and spliced into the type's areas and bands
(:mod:`gis.network.field_patch`); every other type's areas and bands stay as they are. A type
that had no areas yet (or has no facilities left) is drawn whole
(:func:`gis.network.grid_service.type_areas`). The per-facility areas of the result are left
alone (they are drawn on demand).

>>> # live = LiveAreas(graph, facilities, params, result); changed = live.place("P-clinic-1", "clinic", pt)
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import shapely

from gis.network.attach import Attachment, attach
from gis.network.field_patch import concat, meets, patch, reach_boxes, splice, windows_of
from gis.network.graph import WalkGraph
from gis.network.grid_service import grid_of, type_areas
from gis.network.inputs import Facilities
from gis.network.service_area import ServiceAreaParams, ServiceAreaResult, _type_rows, bands_frame


class LiveAreas:
    """Per-type areas and bands of *result*, updated one facility at a time."""

    def __init__(self, graph: WalkGraph, facilities: Facilities, params: ServiceAreaParams,
                 result: ServiceAreaResult) -> None:
        self.graph, self.params, self.result = graph, replace(params, method="grid"), result
        self.crs = facilities.crs
        self.touched: dict[str, list | None] = {}  # type -> the boxes re-traced since taken (None: whole)
        att = self._attach(facilities.points)
        self.points = {str(i): (str(t), p, att.subset([k]))
                       for k, (i, t, p) in enumerate(zip(facilities.ids, facilities.types, facilities.points))}

    def place(self, facility_id: str, facility_type: str, point) -> str:
        """Add the facility, or move it (and change its type); returns the type(s) redrawn."""
        ftype = str(facility_type)
        old = self.points.get(str(facility_id))
        new = self._attach(np.array([point], dtype=object))
        self.points[str(facility_id)] = (ftype, point, new)
        changed = [new]
        if old is not None and old[0] != ftype:
            self._update(old[0], [old[2]])
        elif old is not None:
            changed.append(old[2])
        self._update(ftype, changed)
        return ftype

    def remove(self, facility_id: str) -> str | None:
        """Take the facility out; returns its type (redrawn), or None when it was not there."""
        old = self.points.pop(str(facility_id), None)
        if old is None:
            return None
        self._update(old[0], [old[2]])
        return old[0]

    def take_touched(self) -> dict[str, list | None]:
        """The boxes (polygons in the result's CRS) each type was re-traced in since the last call;
        None for a type drawn whole. Outside its boxes every ring of the type is as it was."""
        touched, self.touched = self.touched, {}
        return touched

    def _attach(self, points: np.ndarray) -> Attachment:
        return attach(self.graph, points, max_distance=self.params.max_access_m, count_access=self.params.count_access)

    def _members(self, facility_type: str) -> list[Attachment]:
        return [a for t, _, a in self.points.values() if t == facility_type]

    def _update(self, facility_type: str, changed: list[Attachment]) -> None:
        """Redraw the type around the *changed* facilities (their old and new places)."""
        members = self._members(facility_type)
        per_type = self.result.per_type
        rows = np.flatnonzero((per_type["type"] == facility_type).to_numpy())
        distances = self.params.distances_for(facility_type)
        if not members or len(rows) != len(distances):
            return self._redraw(facility_type)
        sg = grid_of(self.graph, self.params.edge_buffer_m)
        dmax = float(max(distances))
        every = concat(members)
        boxes = reach_boxes(self.graph, sg, every, dmax)
        areas, bands = self._type_polygons(facility_type, rows)
        for w in windows_of(sg, reach_boxes(self.graph, sg, concat(changed), dmax)):
            p = patch(self.graph, sg, every.subset(np.flatnonzero(meets(boxes, w))), distances, w)
            areas = [splice(a, p.box, b) for a, b in zip(areas, p.areas)]
            bands = [areas[0]] + [splice(a, p.box, b) for a, b in zip(bands[1:], p.bands[1:])]
            if self.touched.get(facility_type, []) is not None:
                self.touched[facility_type] = self.touched.get(facility_type, []) + [p.box]
        self._store(facility_type, rows, len(members), areas, bands)

    def _type_polygons(self, facility_type: str, rows: np.ndarray) -> tuple[list, list]:
        """The type's areas by distance and its bands by ring."""
        per_type, b = self.result.per_type, self.result.bands
        areas = per_type.geometry.values[rows[np.argsort(per_type["distance_m"].to_numpy()[rows], kind="stable")]]
        ring_rows = np.flatnonzero((b["type"] == facility_type).to_numpy())
        bands = b.geometry.values[ring_rows[np.argsort(b["ring"].to_numpy()[ring_rows], kind="stable")]]
        return list(areas), list(bands)

    def _store(self, facility_type: str, rows: np.ndarray, count: int, areas: list, bands: list) -> None:
        per_type = self.result.per_type.copy()
        order = rows[np.argsort(per_type["distance_m"].to_numpy()[rows], kind="stable")]
        per_type.loc[per_type.index[order], "geometry"] = np.array(areas, dtype=object)
        per_type.loc[per_type.index[order], "area_m2"] = shapely.area(np.array(areas, dtype=object))
        per_type.loc[per_type.index[order], "facilities"] = count
        b = self.result.bands.copy()
        ring_rows = np.flatnonzero((b["type"] == facility_type).to_numpy())
        ring_rows = ring_rows[np.argsort(b["ring"].to_numpy()[ring_rows], kind="stable")]
        b.loc[b.index[ring_rows], "geometry"] = np.array(bands, dtype=object)
        b.loc[b.index[ring_rows], "area_m2"] = shapely.area(np.array(bands, dtype=object))
        result = replace(self.result, per_type=per_type)
        result._bands = b
        self.result = result

    def _redraw(self, facility_type: str) -> None:
        """Draw the type whole (or take it out when it has no facilities)."""
        self.touched[facility_type] = None
        members = self._members(facility_type)
        distances = self.params.distances_for(facility_type)
        kept = self.result.per_type[self.result.per_type["type"] != facility_type]
        kept_bands = self.result.bands[self.result.bands["type"] != facility_type]
        if members:
            areas, rings = type_areas(self.graph, concat(members), distances, buffer_m=self.params.edge_buffer_m,
                                          workers=self.params.workers)
            rows = _type_rows([(facility_type, d, len(members), a) for d, a in zip(distances, areas)], self.crs)
            bands = bands_frame([(facility_type, k, distances[k - 1] if k else 0.0, d, ring)
                                 for k, (d, ring) in enumerate(zip(distances, rings))], self.crs)
            kept, kept_bands = _joined(kept, rows), _joined(kept_bands, bands)
        result = replace(self.result, per_type=kept.sort_values(["type", "distance_m"], kind="stable")
                         .reset_index(drop=True))
        result._bands = kept_bands.sort_values(["type", "ring"], kind="stable").reset_index(drop=True)
        self.result = result


def _joined(a, b):
    if a.empty:
        return b
    return type(b)(pd.concat([a, b], ignore_index=True), geometry="geometry", crs=b.crs)
