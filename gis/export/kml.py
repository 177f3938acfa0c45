"""KML for Google Earth and 奥维互动地图: one Folder per layer, names, colours, attributes.

Each feature is a Placemark whose ``<name>`` is its label (zone or compound name), whose
attributes are typed ``<ExtendedData><SchemaData>`` values (the OGC form Google Earth
shows in its balloon and GDAL reads back with Chinese field names intact) and, for
viewers that show only text, a ``<description>`` listing them; its colour is a shared
``<Style>`` (zones keep their plan colour). The file is UTF-8 and written with
:mod:`xml.etree`, so every value is escaped. KML is always lon/lat: WGS 84, or GCJ-02
when the user's basemap is an AMap-style one.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from gis.errors import ExportError
from gis.export.columns import flatten_value
from gis.export.cells import xml_text
from gis.export.result import ExportResult, atomic_path
from gis.export.styling import DEFAULT_FILL, rgb, safe_number
from gis.export.target import Target, to_target
from gis.feedback import Feedback, ensure
from gis.i18n import QT_TRANSLATE_NOOP

KML_NS = "http://www.opengis.net/kml/2.2"
DECIMALS = 7  # ~1 cm
CHECK_EVERY = 2000  # placemarks between two looks at the Cancel button


@dataclass
class KmlFolder:
    """One layer of the KML file.

    ``name_field`` labels each Placemark; ``colours`` gives one #rrggbb per feature (or
    one for all); ``fill_opacity`` applies to polygons.
    """

    name: str
    frame: gpd.GeoDataFrame
    name_field: str | None = None
    colours: Sequence[str] | str = DEFAULT_FILL
    fill_opacity: float = 0.45
    line_width: float = 2.0


def write_kml(folders: Sequence[KmlFolder], path: str | Path, *, target: Target, title: str,
              feedback: Feedback | None = None) -> ExportResult:
    """Write *folders* into one KML document called *title*."""
    if not target.geographic:
        raise ExportError(QT_TRANSLATE_NOOP("errors", "KML is always in longitude/latitude: choose "
                                            "WGS 84 (4326) or GCJ-02 as the target."))
    fb = ensure(feedback)
    ET.register_namespace("", KML_NS)
    root = ET.Element(f"{{{KML_NS}}}kml")
    doc = _sub(root, "Document")
    _sub(doc, "name", title)
    styles: dict[tuple[str, float, float], str] = {}
    for k, folder in enumerate(folders):
        fb.check()
        fb.progress(k / max(1, len(folders)), folder.name)
        _folder(doc, k, folder, to_target(folder.frame, target), styles, fb)
    for k, ((colour, opacity, width), sid) in enumerate(styles.items()):
        doc.insert(1 + k, _style(sid, colour, opacity, width))
    tree = ET.ElementTree(root)
    ET.indent(tree, space=" ")
    with atomic_path(path) as tmp:  # a full disk is an ExportError, and no half-written file stays
        tree.write(tmp, encoding="utf-8", xml_declaration=True)
    fb.progress(1.0)
    return ExportResult([Path(path)])


def _sub(parent: ET.Element, tag: str, text: str | None = None) -> ET.Element:
    el = ET.SubElement(parent, f"{{{KML_NS}}}{tag}")
    if text is not None:
        el.text = xml_text(text)  # a control character in a name would make the file unreadable
    return el


def _folder(doc: ET.Element, index: int, folder: KmlFolder, frame: gpd.GeoDataFrame,
            styles: dict, fb: Feedback) -> None:
    geom_col = frame.geometry.name
    attrs = [str(c) for c in frame.columns if c != geom_col]
    schema_id = f"layer{index}"
    _schema(doc, schema_id, folder.name, frame, attrs)
    el = _sub(doc, "Folder")
    _sub(el, "name", folder.name)
    n = len(frame)
    colours = [folder.colours] * n if isinstance(folder.colours, str) else list(folder.colours)
    names = frame[folder.name_field].tolist() if folder.name_field in frame.columns else [None] * n
    records = frame.drop(columns=geom_col).to_dict("records")
    for k, (geom, label, colour, rec) in enumerate(zip(frame.geometry.values, names, colours, records)):
        if k % CHECK_EVERY == 0:
            fb.check()
        if geom is None or geom.is_empty:
            continue
        key = (str(colour), float(folder.fill_opacity), float(folder.line_width))
        sid = styles.setdefault(key, f"style{len(styles)}")
        pm = _sub(el, "Placemark")
        _sub(pm, "name", "" if _missing(label) else str(label))
        _sub(pm, "description", _description(rec))
        _sub(pm, "styleUrl", f"#{sid}")
        _extended(pm, schema_id, rec)
        pm.append(_geometry(geom))


def _schema(doc: ET.Element, schema_id: str, name: str, frame: gpd.GeoDataFrame, attrs: list[str]) -> None:
    schema = _sub(doc, "Schema")
    schema.set("name", xml_text(name))
    schema.set("id", schema_id)
    for col in attrs:
        field = _sub(schema, "SimpleField")
        field.set("name", xml_text(col))
        field.set("type", _kml_type(frame[col]))


def _kml_type(series: pd.Series) -> str:
    if pd.api.types.is_bool_dtype(series.dtype):
        return "bool"
    if pd.api.types.is_integer_dtype(series.dtype):
        return "int"
    if pd.api.types.is_float_dtype(series.dtype):
        return "double"
    return "string"


def _extended(pm: ET.Element, schema_id: str, record: dict) -> None:
    data = _sub(_sub(pm, "ExtendedData"), "SchemaData")
    data.set("schemaUrl", f"#{schema_id}")
    for key, value in record.items():
        value = flatten_value(value)
        if not _missing(value):  # an empty value would read back as 0 in number fields
            _sub(data, "SimpleData", _text(value)).set("name", xml_text(str(key)))


def _description(record: dict) -> str:
    """'field: value' lines for viewers that show only the description (HTML-escaped,
    because Google Earth renders descriptions as HTML)."""
    lines = []
    for key, value in record.items():
        value = flatten_value(value)
        if not _missing(value):
            lines.append(f"{html.escape(str(key))}: {html.escape(_text(value))}")
    return "<br>".join(lines)


def _text(value: object) -> str:
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    return str(value)


def _missing(value: object) -> bool:
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _style(sid: str, colour: str, opacity: float, width: float) -> ET.Element:
    style = ET.Element(f"{{{KML_NS}}}Style", id=sid)
    line = _sub(style, "LineStyle")
    _sub(line, "color", kml_colour(colour, 1.0))
    _sub(line, "width", f"{width:g}")
    poly = _sub(style, "PolyStyle")
    _sub(poly, "color", kml_colour(colour, opacity))
    icon = _sub(style, "IconStyle")
    _sub(icon, "color", kml_colour(colour, 1.0))
    return style


def kml_colour(colour: str, opacity: float) -> str:
    """'#4e79a7' at 50 % -> '7fa7794e' (KML's aabbggrr); an unusable colour or opacity
    gets the default.

    >>> kml_colour("#4e79a7", 0.5)
    '7fa7794e'
    """
    r, g, b = rgb(colour, DEFAULT_FILL)
    alpha = int(safe_number(opacity, 1.0, 0.0, 1.0) * 255)
    return f"{alpha:02x}{b:02x}{g:02x}{r:02x}"


def _coords(geom) -> str:
    xy = shapely.get_coordinates(geom)
    return " ".join(f"{x:.{DECIMALS}f},{y:.{DECIMALS}f}" for x, y in xy)


def _geometry(geom) -> ET.Element:
    kind = geom.geom_type
    if kind.startswith("Multi") or kind == "GeometryCollection":
        multi = ET.Element(f"{{{KML_NS}}}MultiGeometry")
        for part in geom.geoms:
            if not part.is_empty:
                multi.append(_geometry(part))
        return multi
    if kind == "Point":
        el = ET.Element(f"{{{KML_NS}}}Point")
        _sub(el, "coordinates", _coords(geom))
        return el
    if kind in ("LineString", "LinearRing"):
        el = ET.Element(f"{{{KML_NS}}}LineString")
        _sub(el, "tessellate", "1")
        _sub(el, "coordinates", _coords(geom))
        return el
    el = ET.Element(f"{{{KML_NS}}}Polygon")
    outer = _sub(_sub(el, "outerBoundaryIs"), "LinearRing")
    _sub(outer, "coordinates", _coords(geom.exterior))
    for ring in geom.interiors:
        _sub(_sub(_sub(el, "innerBoundaryIs"), "LinearRing"), "coordinates", _coords(ring))
    return el
