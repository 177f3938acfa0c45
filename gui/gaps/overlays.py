"""The gap overlays on the map, as GeoDataFrames with the page's style columns.

Names: ``gaps:count`` (choropleth of missing services), ``gaps:type`` (compounds lacking
one type, red), ``gaps:elevators`` (buildings that need an elevator), ``gaps:siting`` and
``gaps:siting-covered`` (suggested sites and the compounds they would newly serve),
``gaps:facilities`` (the highlighted type's facilities on top, planned ones green).
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np

from gis.colours import GAP_COUNT, GAP_OPACITY, gap_count_colour
from gis.gaps.access import GapResult
from gis.gaps.elevators import ElevatorResult
from gis.gaps.siting import SitingResult

COUNT, HIGHLIGHT, ELEVATORS = "gaps:count", "gaps:type", "gaps:elevators"
FACILITIES, SITING, SITING_COVERED = "gaps:facilities", "gaps:siting", "gaps:siting-covered"
ALL = (COUNT, HIGHLIGHT, ELEVATORS, SITING_COVERED, FACILITIES, SITING)  # bottom to top

# 0 missing = green (all served), then light to dark purple (ColorBrewer Purples): red stays
# free for the type highlight, orange for elevators, blue for the river
COUNT_COLOURS = GAP_COUNT  # shared with the exports (gis.colours)
GAP_RED, GAP_RED_DARK = "#e31a1c", "#99000d"
ELEVATOR_FILL, ELEVATOR_STROKE = "#ff7f00", "#7f2704"
SITE_GREEN, SITE_STROKE = "#00a651", "#004d26"
FACILITY_FILL, FACILITY_STROKE = "#ffd700", "#000000"  # the highlighted type's facilities, above all
COUNT_OPACITY, HIGHLIGHT_OPACITY = GAP_OPACITY, 0.7  # fixed, so a new highlight resends no choropleth


count_colour = gap_count_colour


def _compounds(shapes: gpd.GeoSeries, rows: np.ndarray) -> gpd.GeoDataFrame:
    """Compounds *rows* of *shapes* (their polygons as drawn: the layer's WGS 84 copy)."""
    return gpd.GeoDataFrame({"fid": rows}, geometry=np.asarray(shapes.values)[rows], crs=shapes.crs)


def count_frame(gaps: GapResult, shapes: gpd.GeoSeries, mask: np.ndarray) -> gpd.GeoDataFrame:
    """The shown compounds filled by how many services they lack."""
    rows = np.flatnonzero(mask)
    frame = _compounds(shapes, rows)
    n = gaps.n_missing()[rows]
    frame["fill"] = np.asarray(COUNT_COLOURS, dtype=object)[np.minimum(n, len(COUNT_COLOURS) - 1)]
    frame["stroke"] = "#5b5b5b"
    frame["weight"] = 0.6
    frame["fillOpacity"] = COUNT_OPACITY
    return frame


def highlight_frame(gaps: GapResult, shapes: gpd.GeoSeries, facility_type: str,
                    mask: np.ndarray) -> gpd.GeoDataFrame:
    """The shown compounds that lack *facility_type*, in red."""
    rows = np.intersect1d(np.flatnonzero(mask), gaps.uncovered(facility_type))
    frame = _compounds(shapes, rows)
    frame["fill"], frame["stroke"], frame["weight"] = GAP_RED, GAP_RED_DARK, 2.0
    frame["fillOpacity"] = HIGHLIGHT_OPACITY
    return frame


def elevator_frame(elevators: ElevatorResult, shapes: gpd.GeoSeries,
                   compound_mask: np.ndarray | None) -> gpd.GeoDataFrame:
    """Buildings (*shapes*: as drawn) that need an elevator; with *compound_mask*, only
    those in shown compounds."""
    rows = elevators.candidates
    if compound_mask is not None:
        owner = elevators.frame["compound"].to_numpy()[rows]
        rows = rows[(owner >= 0) & compound_mask[np.maximum(owner, 0)]]
    frame = _compounds(shapes, rows)
    frame["fill"], frame["stroke"], frame["weight"], frame["fillOpacity"] = ELEVATOR_FILL, ELEVATOR_STROKE, 0.8, 0.95
    return frame


def facility_frame(gaps: GapResult, facility_type: str, planned_ids: frozenset[str]) -> gpd.GeoDataFrame:
    """The facilities of *facility_type* (planned ones green), drawn above the compounds."""
    fac = gaps.facilities
    rows = np.flatnonzero(fac.types.astype(str) == facility_type)
    planned = np.array([str(fac.ids[r]) in planned_ids for r in rows], dtype=bool)
    frame = gpd.GeoDataFrame({"planned": planned}, geometry=fac.points[rows], crs=fac.crs)
    frame["fill"] = np.where(planned, SITE_GREEN, FACILITY_FILL)
    frame["stroke"] = np.where(planned, SITE_STROKE, FACILITY_STROKE)
    frame["weight"], frame["fillOpacity"] = 1.5, 1.0
    frame["radius"] = np.where(planned, 8, 6)
    return frame


def siting_frames(result: SitingResult, shapes: gpd.GeoSeries) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """``(sites, newly covered compounds)``: numbered green points over dashed green compounds."""
    sites = result.sites_frame()[["order", "geometry"]].copy()
    sites["label"] = sites["order"].astype(str)
    sites["fill"], sites["stroke"], sites["weight"], sites["fillOpacity"], sites["radius"] = (
        SITE_GREEN, SITE_STROKE, 2.0, 0.95, 13)
    newly = np.unique(np.concatenate(result.newly)) if result.newly else np.zeros(0, np.int64)
    covered = _compounds(shapes, newly.astype(np.int64))
    covered["fill"], covered["stroke"], covered["weight"], covered["fillOpacity"], covered["dash"] = (
        SITE_GREEN, SITE_GREEN, 3.5, 0.0, "7 5")  # outlined: the red gap stays visible inside
    return gpd.GeoDataFrame(sites, geometry="geometry", crs=result.candidates.crs), covered
