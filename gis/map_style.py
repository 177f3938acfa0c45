"""Style payloads for the map page: base style, per-feature colours and label points.

Geometry travels separately (gis/packed.py); attributes stay in Python and are looked up
by feature id (identify, table).
"""

from __future__ import annotations

import gc
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import numpy as np
import shapely

from gis.crs import WGS84
from gis.io.reproject import frame_transformer, transform_coords
from gis.layer import Layer, kept_per_data
from gis.packed import Packed, packed
from gis.style import classify

DECIMALS = 6  # label positions, ~0.1 m


def style_payload(layer: Layer) -> dict:
    """How the page should draw *layer*: base style, optional per-feature colours, labels."""
    st = layer.style
    payload = {
        "id": layer.id,
        "kind": layer.geom_type,
        "visible": layer.visible,
        "fill": st.fill,
        "stroke": st.stroke,
        "fillOpacity": st.fill_opacity,
        "weight": st.weight,
        "radius": st.radius,
        "colors": None,
        "labels": None,
    }
    if st.by_field and st.by_field in layer.data.columns:
        payload["colors"] = classify(layer.data[st.by_field], method=st.method,
                                     classes=st.classes, palette=st.palette).colors
    if st.label_field and st.label_field in layer.data.columns:
        payload["labels"] = label_points(layer, st.label_field)
        payload["labelZoom"] = 14 if len(layer) < 1000 else 15 if len(layer) < 5000 else 16
    return payload


def label_points(layer: Layer, field: str) -> list[list]:
    """``[lng, lat, text]`` per feature at a point inside it (rounded, WGS 84)."""
    ok, xy = label_positions(layer)
    column = layer.data[field]
    texts = column.where(column.notna(), "").astype(str).to_numpy()[ok].tolist()  # no "nan" labels
    with _collector_paused():  # 50,000 new lists set off full collections over every object: 80 ms, not 20
        return [[x, y, t] for (x, y), t in zip(xy.tolist(), texts)]


@contextmanager
def _collector_paused():
    """Python's cycle collector off meanwhile (lists of numbers and text hold no cycles)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@kept_per_data
def label_positions(layer: Layer) -> tuple[np.ndarray, np.ndarray]:
    """The features that have a geometry (mask) and a point inside each (lon/lat, rounded), kept
    on the layer until its data is replaced. The points are found in the layer's own CRS and then
    transformed, so this needs no WGS 84 copy and can run beside :func:`gis.packed.packed`."""
    data = layer.data
    geoms = np.asarray(data.geometry.values, dtype=object)
    ok = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    xy = shapely.get_coordinates(shapely.point_on_surface(geoms[ok]))  # GEOS lets go of the GIL meanwhile
    to_lonlat = frame_transformer(data, WGS84) if len(xy) else None
    return ok, (xy if to_lonlat is None else transform_coords(to_lonlat, xy)).round(DECIMALS)  # not round() each


@contextmanager
def labels_meanwhile(layer: Layer):
    """Work out *layer*'s label positions on a second thread while the block runs (packing its
    geometry: both let go of the GIL for most of their time, so on two cores they overlap)."""
    if not layer.style.label_field:
        yield
        return
    with ThreadPoolExecutor(1, thread_name_prefix="ocp-labels") as pool:
        labels = pool.submit(label_positions, layer)
        yield
        labels.result()


def ready_for_map(layer: Layer) -> Packed:
    """Everything the map page needs of *layer* that takes time, made now (call it off the UI
    thread): the WGS 84 copy and packed geometry (gis.packed) and the label positions."""
    with labels_meanwhile(layer):
        return packed(layer)
