"""DXF for CAD designers (ezdxf): one CAD layer per zone or per type, in metres.

Polygons become closed LWPOLYLINEs (one per ring, holes included), lines open
LWPOLYLINEs, points a POINT with a small CIRCLE. Labels are TEXT (MTEXT for zone
labels with their figures) in a text style on SimHei (黑体), which every Chinese
Windows has, so Chinese names show in AutoCAD and 天正 without 问号. The drawing is
DXF R2010 (UTF-8), units metres, coordinates in the target CRS — a Gauss-Krüger zone,
because CAD drawings are measured in metres.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import ezdxf
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from ezdxf import units
from ezdxf.enums import TextEntityAlignment

from gis.errors import ExportError
from gis.export.result import ExportResult, atomic_path
from gis.export.styling import DEFAULT_FILL, rgb
from gis.export.target import Target, to_target
from gis.feedback import Feedback, ensure
from gis.i18n import QT_TRANSLATE_NOOP

CHECK_EVERY = 2000  # features between two looks at the Cancel button
TEXT_STYLE = "CJK"
TEXT_FONT = "simhei.ttf"
TEXT_FAMILY = "SimHei"
_BAD_LAYER_CHARS = re.compile(r'[<>/\\":;?*|=`,\x00-\x1f]')


@dataclass
class DxfGroup:
    """Features drawn on one CAD layer (groups naming the same layer share it).

    ``label_field`` labels each feature with TEXT; ``caption`` (optional) is an MTEXT
    block placed inside ``frame``'s first feature (a zone's name and figures);
    ``outline_width`` is the polyline's constant width in metres (0 = hairline).
    """

    layer: str
    frame: gpd.GeoDataFrame
    colour: str = DEFAULT_FILL
    label_field: str | None = None
    caption: str | None = None
    outline_width: float = 0.0


def write_dxf(groups: Sequence[DxfGroup], path: str | Path, *, target: Target,
              feedback: Feedback | None = None) -> ExportResult:
    """Draw *groups* into one DXF file (each on its own layer) in *target* metres."""
    if target.geographic:
        raise ExportError(QT_TRANSLATE_NOOP("errors", "CAD drawings are measured in metres: choose a "
                                            "Gauss-Krüger CRS (the project's default) for DXF, not "
                                            "longitude/latitude."))
    fb = ensure(feedback)
    doc = ezdxf.new("R2010", setup=False)
    doc.units = units.M
    doc.header["$MEASUREMENT"] = 1
    style = doc.styles.add(TEXT_STYLE, font=TEXT_FONT)
    style.set_extended_font_data(family=TEXT_FAMILY)
    msp = doc.modelspace()
    names: set[str] = set()
    made: dict[str, str] = {}  # group layer -> CAD layer (groups may share a layer)
    frames = [to_target(g.frame, target) for g in groups]
    height = label_height(frames)
    for k, (group, frame) in enumerate(zip(groups, frames)):
        fb.check()
        fb.progress(k / max(1, len(groups)), group.layer)
        if group.layer not in made:
            made[group.layer] = unique_layer_name(group.layer, names)
            doc.layers.add(made[group.layer]).rgb = rgb(group.colour, DEFAULT_FILL)
        _draw_group(msp, made[group.layer], frame, group, height, fb)
    _zoom_extents(doc, frames)
    with atomic_path(path) as tmp:
        doc.saveas(tmp)
    fb.progress(1.0)
    return ExportResult([Path(path)])


def unique_layer_name(name: str, taken: set[str]) -> str:
    """A valid, unique CAD layer name (CAD compares them case-insensitively).

    >>> unique_layer_name('片区: 1/2', set())
    '片区_ 1_2'
    """
    base = _BAD_LAYER_CHARS.sub("_", str(name)).strip() or "0_layer"
    candidate, k = base[:255], 1
    while candidate.lower() in taken:
        k += 1
        candidate = f"{base[:250]}_{k}"
    taken.add(candidate.lower())
    return candidate


def label_height(frames: Sequence[gpd.GeoDataFrame]) -> float:
    """Text height in metres: about a tenth of a typical polygon's width, 2-20 m."""
    sizes = []
    for frame in frames:
        geoms = frame.geometry.values
        areas = shapely.area(geoms)
        areas = areas[areas > 0]
        if areas.size:
            sizes.append(np.sqrt(np.median(areas)))
    if not sizes:
        return 5.0
    return float(np.clip(min(sizes) / 10.0, 2.0, 20.0))


def _draw_group(msp, layer: str, frame: gpd.GeoDataFrame, group: DxfGroup, height: float,
                fb: Feedback) -> None:
    attribs = {"layer": layer}
    labels = (frame[group.label_field].tolist() if group.label_field in frame.columns
              else [None] * len(frame))
    for k, (geom, label) in enumerate(zip(frame.geometry.values, labels)):
        if k % CHECK_EVERY == 0:
            fb.check()
        if geom is None or geom.is_empty:
            continue
        _draw_geometry(msp, geom, attribs, group.outline_width, height)
        if label is not None and not pd.isna(label) and str(label).strip():
            anchor = shapely.point_on_surface(geom)
            msp.add_text(str(label), height=height,
                         dxfattribs={**attribs, "style": TEXT_STYLE}).set_placement(
                (anchor.x, anchor.y), align=TextEntityAlignment.MIDDLE_CENTER)
    if group.caption and len(frame):
        anchor = shapely.point_on_surface(frame.geometry.values[0])
        mtext = msp.add_mtext(group.caption, dxfattribs={**attribs, "style": TEXT_STYLE,
                                                         "char_height": height * 2.0})
        mtext.set_location((anchor.x, anchor.y), attachment_point=5)  # middle centre


def _draw_geometry(msp, geom, attribs: dict, width: float, height: float) -> None:
    kind = geom.geom_type
    if kind.startswith("Multi") or kind == "GeometryCollection":
        for part in geom.geoms:
            _draw_geometry(msp, part, attribs, width, height)
    elif kind == "Polygon":
        for ring in (geom.exterior, *geom.interiors):
            xy = np.asarray(ring.coords)[:-1, :2].tolist()  # ezdxf reads lists ~2x faster than arrays
            msp.add_lwpolyline(xy, close=True, dxfattribs={**attribs, "const_width": width})
    elif kind in ("LineString", "LinearRing"):
        msp.add_lwpolyline(np.asarray(geom.coords)[:, :2].tolist(), close=kind == "LinearRing",
                           dxfattribs={**attribs, "const_width": width})
    elif kind == "Point":
        msp.add_point((geom.x, geom.y), dxfattribs=attribs)
        msp.add_circle((geom.x, geom.y), radius=height * 0.6, dxfattribs=attribs)


def _zoom_extents(doc, frames: Sequence[gpd.GeoDataFrame]) -> None:
    """Open the drawing on the data, not on the origin far away from Gauss-Krüger eastings."""
    boxes = [f.total_bounds for f in frames if len(f)]
    boxes = [b for b in boxes if np.all(np.isfinite(b))]
    if not boxes:
        return
    b = np.array(boxes)
    minx, miny, maxx, maxy = b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max()
    doc.header["$EXTMIN"] = (minx, miny, 0)
    doc.header["$EXTMAX"] = (maxx, maxy, 0)
    doc.set_modelspace_vport(height=max(maxy - miny, 1.0) * 1.1,
                             center=((minx + maxx) / 2, (miny + maxy) / 2))
