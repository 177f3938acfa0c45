"""Style payloads for the map page: base style, per-feature colours and label points.

Geometry travels separately (gis/packed.py); attributes stay in Python and are looked up
by feature id (identify, table).
"""

from __future__ import annotations

import shapely

from gis.layer import Layer
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
    geoms = layer.display_data().geometry.values
    ok = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    xy = shapely.get_coordinates(shapely.point_on_surface(geoms[ok])).round(DECIMALS).tolist()  # not round() each
    column = layer.data[field]
    texts = column.where(column.notna(), "").astype(str).to_numpy()[ok].tolist()  # no "nan" labels
    return [[x, y, t] for (x, y), t in zip(xy, texts)]
