"""What a print draws above the layers: the zone plan's outlines, then the map's other overlays.

Zone outlines are rebuilt from the project's zone plan (the source of truth); the other overlays
(service areas, gap highlights, siting previews) are the frames the map view shows now
(``MapView.overlays``), never a re-parse of the JSON sent to the page.
"""

from __future__ import annotations

import geopandas as gpd

from gis.project import Project
from gui.layout.scene import zone_overlays

ZONE_PREFIX = "zone:"


def overlay_frames(view, project: Project) -> dict[str, gpd.GeoDataFrame]:
    """Overlays as frames in draw order: the zone plan's outlines, then the others the view shows."""
    out = {name: frame.assign(fillOpacity=0.0) if view.fills_muted(name) else frame  # as the map draws them
           for name, frame in zone_overlays(project).items()}
    out.update({name: frame for name, frame in view.overlays.items() if not name.startswith(ZONE_PREFIX)})
    return out
