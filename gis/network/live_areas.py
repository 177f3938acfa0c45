"""A network-mode result kept up to date as single facilities are added, moved or removed.

Facilities are keyed by id. A change redraws only its type: that type's facilities are
attached and searched again (about 150 sources at city scale) and its cover-distance field
traced (:mod:`gis.network.field_areas`); every other type's areas and bands stay as they are.
The per-facility areas of the result are left alone (they are drawn on demand).

>>> # live = LiveAreas(graph, facilities, params, result); changed = live.place("P-clinic-1", "clinic", pt)
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from gis.network.attach import attach
from gis.network.graph import WalkGraph
from gis.network.grid_service import type_areas
from gis.network.inputs import Facilities
from gis.network.service_area import ServiceAreaParams, ServiceAreaResult, _type_rows, bands_frame


class LiveAreas:
    """Per-type areas and bands of *result*, updated one facility at a time."""

    def __init__(self, graph: WalkGraph, facilities: Facilities, params: ServiceAreaParams,
                 result: ServiceAreaResult) -> None:
        self.graph, self.params, self.result = graph, replace(params, method="grid"), result
        self.crs = facilities.crs
        self.points = {str(i): (str(t), p) for i, t, p in zip(facilities.ids, facilities.types, facilities.points)}

    def place(self, facility_id: str, facility_type: str, point) -> str:
        """Add the facility, or move it (and change its type); returns the type(s) redrawn."""
        old = self.points.get(str(facility_id))
        self.points[str(facility_id)] = (str(facility_type), point)
        if old is not None and old[0] != str(facility_type):
            self._redraw(old[0])
        self._redraw(str(facility_type))
        return str(facility_type)

    def remove(self, facility_id: str) -> str | None:
        """Take the facility out; returns its type (redrawn), or None when it was not there."""
        old = self.points.pop(str(facility_id), None)
        if old is None:
            return None
        self._redraw(old[0])
        return old[0]

    def _redraw(self, facility_type: str) -> None:
        pts = np.array([p for t, p in self.points.values() if t == facility_type], dtype=object)
        distances = self.params.distances_for(facility_type)
        kept = self.result.per_type[self.result.per_type["type"] != facility_type]
        kept_bands = self.result.bands[self.result.bands["type"] != facility_type]
        if len(pts):
            att = attach(self.graph, pts, max_distance=self.params.max_access_m,
                         count_access=self.params.count_access)
            areas, rings = type_areas(self.graph, att, distances, buffer_m=self.params.edge_buffer_m)
            rows = _type_rows([(facility_type, d, len(pts), a) for d, a in zip(distances, areas)], self.crs)
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

