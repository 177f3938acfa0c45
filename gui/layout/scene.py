"""What the map shows, as plain data the layout can draw: layers, overlays, legend, extent.

The map page draws each visible project layer with :func:`gis.geojson.style_payload`
(base colours, classified fills, labels) and the overlays the feature controllers send
(zone outlines, service areas, gap highlights). :func:`map_scene` rebuilds the same list
from the same sources, in the same order (layers bottom to top, then overlays), so the
printed map is the one on screen; :func:`view_extent` turns the map's current centre and
metres-per-pixel into the ground rectangle the user is looking at.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Mapping

import geopandas as gpd
import numpy as np
import pandas as pd
from pyproj import CRS, Transformer

from gis.crs import WGS84
from gis.project import Project
from gis.style import LegendEntry, classify
from gui.columns import category_legend

# round denominators no more than ~12 % apart, so the fitted area fills most of the frame
NICE_SCALES = (500, 600, 750, 1000, 1200, 1500, 2000, 2500, 3000, 3500, 4000, 4500, 5000, 6000, 7000, 7500,
               8000, 9000, 10000, 11000, 12000, 12500, 14000, 15000, 16000, 18000, 20000, 22500, 25000, 28000,
               30000, 35000, 40000, 45000, 50000, 60000, 75000, 100000, 125000, 150000, 200000, 250000,
               300000, 400000, 500000, 750000, 1000000)


@dataclass
class DrawLayer:
    """Features drawn alike, with per-feature style arrays (one value per row)."""

    name: str
    kind: str  # polygon | line | point
    geoms: np.ndarray
    fills: list[str]
    strokes: list[str]
    opacities: list[float]
    weights: list[float]  # CSS pixels on screen
    dashes: list[str | None]
    radius: float = 5.0
    labels: list[str] | None = None
    label_bold: bool = False
    legend: list[LegendEntry] = field(default_factory=list)
    legend_title: str | None = None


def _kind_of(geom_types: pd.Series) -> str:
    types = geom_types.dropna()
    if types.empty:
        return "polygon"
    return {"LineString": "line", "MultiLineString": "line", "Point": "point",
            "MultiPoint": "point"}.get(types.mode().iloc[0], "polygon")


def layer_draw(layer) -> DrawLayer:
    """A project layer as the map page draws it (gis.geojson.style_payload's rules)."""
    st = layer.style
    n = len(layer)
    fills = [st.fill] * n
    legend = [LegendEntry(layer.name, st.fill if layer.geom_type != "line" else st.stroke)]
    title = None
    if st.by_field and st.by_field in layer.data.columns:
        cls = classify(layer.data[st.by_field], method=st.method, classes=st.classes, palette=st.palette)
        fills, legend, title = cls.colors, category_legend(layer, list(cls.legend)), layer.name
    kind = layer.geom_type
    strokes = [st.stroke] * n if kind != "point" else ["#ffffff"] * n
    labels = None
    if st.label_field and st.label_field in layer.data.columns:
        labels = ["" if pd.isna(v) else str(v) for v in layer.data[st.label_field]]
    return DrawLayer(layer.name, kind, np.asarray(layer.data.geometry.values, dtype=object), fills, strokes,
                     [st.fill_opacity] * n, [st.weight] * n, [None] * n, st.radius, labels, False,
                     legend, title)


def overlay_draw(name: str, data: gpd.GeoDataFrame, crs: CRS) -> DrawLayer:
    """An overlay (style columns stroke, fill, fillOpacity, weight, dash, label) as map.js draws it."""
    data = data.to_crs(crs)
    n = len(data)

    def col(key: str, default):
        if key not in data.columns:
            return [default] * n
        return [default if v is None or (isinstance(v, float) and math.isnan(v)) else v for v in data[key]]

    strokes = col("stroke", "#d62728")
    fills = [f if f else s for f, s in zip(col("fill", None), strokes)]
    labels = col("label", "") if "label" in data.columns else None
    legend = [LegendEntry(str(t), f) for t, f in zip(col("legend", None), fills) if t]
    radius = float(col("radius", 6.0)[0]) if n else 6.0
    return DrawLayer(name, _kind_of(data.geom_type), np.asarray(data.geometry.values, dtype=object), fills,
                     strokes, [float(v) for v in col("fillOpacity", 0.15)],
                     [float(v) for v in col("weight", 2.0)], col("dash", None), radius,
                     [str(v or "") for v in labels] if labels else None, True, _dedupe(legend))


def _dedupe(entries: list[LegendEntry]) -> list[LegendEntry]:
    seen, out = set(), []
    for e in entries:
        if (e.label, e.color) not in seen:
            seen.add((e.label, e.color))
            out.append(e)
    return out


def zone_overlays(project: Project) -> dict[str, gpd.GeoDataFrame]:
    """The zone outlines as the zones controller sends them to the map (for prints made
    without a map window, e.g. from the command line)."""
    model = project.zones
    out: dict[str, gpd.GeoDataFrame] = {}
    if model is None or project.crs is None:
        return out
    for zid, zone in model.zones.items():
        ok = model.contiguity(zid).ok
        out[f"zone:{zid}"] = gpd.GeoDataFrame(
            {"stroke": [zone.colour], "fill": [zone.colour], "fillOpacity": [0.22], "weight": [3.0],
             "dash": [None if ok else "8 6"], "label": [zone.name], "legend": [zone.name]},
            geometry=[model.outline(zid)], crs=project.crs)
    return out


def map_scene(project: Project, overlays: Mapping[str, gpd.GeoDataFrame] | None = None) -> list[DrawLayer]:
    """Visible layers bottom to top, then the overlays (zones when none are given)."""
    scene = [layer_draw(lyr) for lyr in project.layers if lyr.visible and len(lyr)]
    if overlays is None:
        overlays = zone_overlays(project)
    for name, data in overlays.items():
        if data is not None and len(data):
            scene.append(overlay_draw(name, data, project.crs))
    return scene


def project_bounds(project: Project) -> tuple[float, float, float, float] | None:
    """Bounds of the visible layers in the working CRS (the map's 'zoom to all')."""
    boxes = np.array([lyr.data.total_bounds for lyr in project.layers if lyr.visible and len(lyr)])
    boxes = boxes[np.all(np.isfinite(boxes), axis=1)] if len(boxes) else boxes
    if not len(boxes):
        return None
    return padded((boxes[:, 0].min(), boxes[:, 1].min(), boxes[:, 2].max(), boxes[:, 3].max()))


def view_extent(project: Project, view_state: Mapping | None, size_px: tuple[int, int] | None
                ) -> tuple[float, float, float, float] | None:
    """The ground rectangle the map shows (working CRS), from its centre and metres per pixel.

    Falls back to the project's bounds when the map has not reported a view.
    """
    whole = project_bounds(project)
    if not view_state or not size_px or "center" not in view_state or not view_state.get("mpp"):
        return whole
    lon, lat = view_state["center"]
    x, y = _to_project(project.crs).transform(lon, lat)
    half_w, half_h = size_px[0] * view_state["mpp"] / 2.0, size_px[1] * view_state["mpp"] / 2.0
    seen = (x - half_w, y - half_h, x + half_w, y + half_h)
    if whole is not None and seen[0] <= whole[0] and seen[1] <= whole[1] and seen[2] >= whole[2] \
            and seen[3] >= whole[3]:
        return whole  # the whole project in view ("zoom to all"): print it filling the frame
    return seen


def _to_project(crs: CRS) -> Transformer:
    """WGS 84 -> *crs*, cached per thread (pyproj transformers must not cross threads)."""
    return _cached(crs, threading.get_ident())


@lru_cache(maxsize=16)
def _cached(crs: CRS, _thread: int) -> Transformer:
    return Transformer.from_crs(WGS84, crs, always_xy=True)


def padded(extent: tuple[float, float, float, float], share: float = 0.03) -> tuple[float, float, float, float]:
    """*extent* grown by *share* of its size on every side (points at the edge stay whole)."""
    minx, miny, maxx, maxy = extent
    dx, dy = (maxx - minx) * share, (maxy - miny) * share
    return minx - dx, miny - dy, maxx + dx, maxy + dy


def nice_scale(ground_w: float, ground_h: float, frame_w_mm: float, frame_h_mm: float) -> int:
    """The smallest round scale denominator at which the ground rectangle fits the frame.

    >>> nice_scale(2000, 1000, 200, 150)   # 2 km on 200 mm needs 1:10,000
    10000
    """
    need = max(ground_w / (frame_w_mm / 1000.0), ground_h / (frame_h_mm / 1000.0), 1.0)
    for s in NICE_SCALES:
        if s >= need * 0.999:
            return s
    return int(math.ceil(need / NICE_SCALES[-1])) * NICE_SCALES[-1]
