"""Keeps a copy of the overlays the map shows, so a print can draw them too.

Feature controllers send overlays (zone outlines, service areas, gap highlights) to the
map page with ``MapView.set_overlay``; the page gets them as JSON through the bridge's
``overlaySet`` signal. :class:`OverlayRecord` listens to that same signal and keeps the
last payload of each overlay, so the layout prints exactly what was sent. Zone outlines
are always rebuilt from the project's zone plan (the source of truth), so a print is
right even for zones drawn before the record started listening.
"""

from __future__ import annotations

import json

import geopandas as gpd
from PySide6.QtCore import QObject

from gis.crs import WGS84
from gis.project import Project
from gui.layout.scene import zone_overlays

RECORD_NAME = "ocp-overlay-record"
ZONE_PREFIX = "zone:"


class OverlayRecord(QObject):
    """The last payload of each overlay sent to one map view (hidden ones excluded)."""

    def __init__(self, view) -> None:
        super().__init__(view)
        self.setObjectName(RECORD_NAME)
        self._payloads: dict[str, dict] = {}
        view.bridge.overlaySet.connect(self._on_overlay)

    def _on_overlay(self, payload: str) -> None:
        try:
            data = json.loads(payload)
        except ValueError:
            return
        name = str(data.get("name", ""))
        if not data.get("geojson") or data.get("visible") is False:
            self._payloads.pop(name, None)
        else:
            self._payloads[name] = data["geojson"]

    def names(self) -> list[str]:
        return list(self._payloads)

    def frames(self, project: Project) -> dict[str, gpd.GeoDataFrame]:
        """Overlays as frames in draw order: the zone plan's outlines, then the others."""
        out = dict(zone_overlays(project))
        for name, geojson in self._payloads.items():
            if name.startswith(ZONE_PREFIX):
                continue
            features = geojson.get("features", [])
            if features:
                out[name] = gpd.GeoDataFrame.from_features(features, crs=WGS84)
        return out


def overlay_record(view) -> OverlayRecord:
    """The record attached to *view* (created on first use)."""
    found = view.findChild(OverlayRecord, RECORD_NAME)
    return found if found is not None else OverlayRecord(view)
