"""Format dispatch: read any supported dataset into a :class:`RawLayer`, list its layers.

Shapefile (also zipped), GeoPackage and File Geodatabase (choice of layer), GeoJSON
(legacy ``crs`` member honoured; without one the numbers decide), KML/KMZ (WGS 84 by
definition; folders are read together unless one is chosen), GPX (see :func:`_gpx_frame`),
DXF (see :mod:`cad`), CSV and Excel point tables (see :mod:`tables`).

Formats that are WGS 84 by their specification (GeoJSON without a ``crs`` member, KML, GPX) are
read as WGS 84 and not asked; a shapefile or table that says nothing is asked.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd
from pyproj import CRS

from gis.errors import DataReadError
from gis.feedback import Feedback, ensure
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io import gdal_read, limits
from gis.io.cad import read_dxf
from gis.io.gpkg_guard import screened
from gis.io.encoding import UTF8, EncodingInfo, decoder_name, text_file_encoding
from gis.io.notices import notice
from gis.io.raw import RawLayer
from gis.io.shapefile import read_shapefile
from gis.io.sources import Source, open_source
from gis.io.tables import read_csv_layer, read_xlsx_layer, xlsx_sheets

_CRS_MEMBER = re.compile(rb'"crs"\s*:\s*\{')
_UNICODE_KINDS = ("gpkg", "filegdb", "kml", "kmz", "gpx", "xlsx")
_KML_COLUMNS = ("Name", "Description", "description", "timestamp", "begin", "end",
                "altitudeMode", "tessellate", "extrude", "visibility", "drawOrder", "icon")
_DRIVERS = {"gpkg": "GPKG", "filegdb": "OpenFileGDB", "kml": "KML", "kmz": "LIBKML",
            "geojson": "GeoJSON", "gpx": "GPX"}
_WGS84_KINDS = ("kml", "kmz", "gpx")  # lon/lat in WGS 84 by the format's specification


@dataclass(frozen=True)
class LayerInfo:
    """One layer a dataset offers: its name, geometry type and feature count (-1: unknown)."""

    name: str
    geometry_type: str = ""
    features: int = -1


def read_raw(source: Source, *, layer: str | None = None, encoding: str | None = None,
             feedback: Feedback | None = None) -> RawLayer:
    """Read *source* (one layer of it) as it is, see the module text."""
    kind = source.kind
    if encoding and kind in _UNICODE_KINDS:
        raw = read_raw(source, layer=layer, feedback=feedback)
        raw.notices.append(notice(QT_TRANSLATE_NOOP(
            "io", "The encoding choice was not used: {driver} files store text as Unicode."),
            driver=raw.driver))
        return raw
    if kind == "shapefile":
        return read_shapefile(source.path, encoding=encoding, feedback=feedback)
    if kind == "dxf":
        return read_dxf(source.path, layer=layer, encoding=encoding, feedback=feedback)
    if kind == "csv":
        return read_csv_layer(source.path, encoding=encoding, feedback=feedback)
    if kind == "xlsx":
        return read_xlsx_layer(source.path, sheet=layer, feedback=feedback)
    if kind == "geojson":
        return _read_geojson(source.path, encoding=encoding, feedback=feedback)
    return _read_multilayer(source, layer=layer, feedback=feedback)


def _read_geojson(path: Path, *, encoding: str | None, feedback) -> RawLayer:
    """GeoJSON: UTF-8 by the standard, but GBK files exist; the ``crs`` member is optional."""
    enc = text_file_encoding(path, user=encoding)
    declared = _has_crs_member(path)
    notes = list(enc.notices)
    if enc.name in (UTF8, "UTF-8-SIG"):
        frame = gdal_read.read_frame(path, feedback=feedback, notices=notes)
    else:  # GDAL reads GeoJSON as UTF-8: recode in memory
        frame = _read_recoded_geojson(path, enc.name, feedback, notes)
    crs = CRS.from_user_input(frame.crs) if declared and frame.crs is not None else None
    if not declared:
        frame = frame.set_crs(None, allow_override=True)
    return RawLayer(frame, "GeoJSON", None, [], crs, "metadata" if crs else None, enc, {}, notes,
                    geographic_epsg=4326)


def _read_recoded_geojson(path: Path, encoding: str, feedback, notes: list):
    """Read a GeoJSON that is not UTF-8 through an in-memory UTF-8 copy; errors name the file
    and the encoding, and replaced bytes are reported."""
    text = path.read_bytes().decode(decoder_name(encoding), errors="replace")
    bad = text.count("\ufffd")
    if bad:
        notes.append(notice(QT_TRANSLATE_NOOP(
            "io", "{n} characters are not valid {encoding} and were replaced by �. Choose the "
                  "file's encoding if names look wrong."), n=bad, encoding=encoding))
    try:
        return gdal_read.read_frame(io.BytesIO(text.encode("utf-8")), feedback=feedback,
                                    notices=notes)
    except DataReadError as exc:
        raise DataReadError(QT_TRANSLATE_NOOP(
            "errors", "{path} cannot be read as GeoJSON in the {encoding} encoding ({reason}; "
                      "{bad} characters were not valid {encoding}). Choose the file's encoding "
                      "(UTF-8, GBK, …), or check that the file is complete."),
            path=str(path), encoding=encoding, reason=exc.params.get("reason", exc.message),
            bad=bad) from None


def _has_crs_member(path: Path) -> bool:
    """Whether the GeoJSON has a (legacy) ``crs`` member: writers put it first or last."""
    with open(path, "rb") as f:
        head = f.read(1 << 20)
        f.seek(max(0, path.stat().st_size - (1 << 16)))
        tail = f.read()
    return _CRS_MEMBER.search(head) is not None or _CRS_MEMBER.search(tail) is not None


def _read_multilayer(source: Source, *, layer: str | None, feedback) -> RawLayer:
    """GeoPackage, File Geodatabase, KML/KMZ, GPX: layer choice, CRS from the metadata. A
    GeoPackage is screened first (:mod:`gis.io.gpkg_guard`): views that never finish are
    left out with a notice, or refused when asked for."""
    fb = ensure(feedback)
    with screened(source, fb.sub(0.0, 0.2)) as screen:
        if layer in screen.refused:
            raise screen.refused[layer]
        raw = _read_screened(screen.source, layer, fb.sub(0.2, 1.0))
        raw.notices[:0] = screen.notices()
        return raw


def _read_screened(source: Source, layer: str | None, feedback) -> RawLayer:
    infos = _layer_infos(source)
    names = [i.name for i in infos]
    if not infos:
        raise DataReadError(QT_TRANSLATE_NOOP("errors", "{path} contains no layers."),
                            path=str(source.origin))
    notes = []
    if layer is not None and layer not in names:
        raise DataReadError(QT_TRANSLATE_NOOP(
            "errors", "{path} has no layer '{layer}'. It has: {names}."),
            path=str(source.origin), layer=layer, names=", ".join(names))
    if layer is None and source.kind in ("kml", "kmz") and len(infos) > 1:
        return _read_kml_folders(source, names, feedback)
    if layer is None:
        spatial = [i for i in infos if i.geometry_type not in ("", "None")] or infos  # not tables
        filled = [i for i in spatial if i.features != 0] or spatial
        layer = filled[0].name
        if len(infos) > 1:
            notes.append(notice(QT_TRANSLATE_NOOP(
                "io", "{path} has {n} layers; read '{layer}'. Choose another with the layer "
                      "option: {names}."), path=source.origin.name, n=len(infos), layer=layer,
                names=", ".join(names)))
    frame = gdal_read.read_frame(source.path, layer=layer, feedback=feedback, notices=notes)
    if not isinstance(frame, gpd.GeoDataFrame):  # an attribute table (or a damaged catalogue)
        raise DataReadError(QT_TRANSLATE_NOOP(
            "errors", "{path}: layer '{layer}' is a table without geometries. Choose a layer with "
                      "geometries: {names}."), path=str(source.origin), layer=layer,
            names=", ".join(i.name for i in infos if i.geometry_type not in ("", "None")) or "-")
    if source.kind in ("kml", "kmz"):
        frame = _drop_empty_kml_columns(frame)
    if source.kind == "gpx":
        frame = _gpx_frame(frame)
    crs = CRS.from_user_input(frame.crs) if frame.crs is not None else None
    return RawLayer(frame, _DRIVERS.get(source.kind, source.kind), layer, names, crs,
                    "metadata" if crs else None, EncodingInfo(UTF8, "format"), {}, notes,
                    geographic_epsg=4326 if source.kind in _WGS84_KINDS else 4490)


def _read_kml_folders(source: Source, names: list[str], feedback) -> RawLayer:
    notes = []
    frames = []
    for name in names:
        part = gdal_read.read_frame(source.path, layer=name, feedback=feedback, notices=notes)
        if len(part):
            frames.append(part.assign(folder=name))
    if not frames:
        frames = [gdal_read.read_frame(source.path, layer=names[0], notices=notes)]
    frame = pd.concat(frames, ignore_index=True)
    frame = frame.set_geometry(frames[0].geometry.name).set_crs(frames[0].crs, allow_override=True)
    frame = _drop_empty_kml_columns(frame)
    notes.append(notice(QT_TRANSLATE_NOOP(
        "io", "Read all {n} KML folders together (column 'folder'); choose one to import only "
              "it."), n=len(names)))
    return RawLayer(frame, _DRIVERS[source.kind], None, names, CRS.from_epsg(4326), "metadata",
                    EncodingInfo(UTF8, "format"), {}, notes, geographic_epsg=4326)


def _drop_empty_kml_columns(frame):
    """KML readers add placemark bookkeeping columns; drop those that hold nothing or only a
    default value."""
    empty = [c for c in _KML_COLUMNS if c in frame.columns and
             frame[c].replace("", None).dropna().nunique() <= 1]
    return frame.drop(columns=empty)


def _gpx_frame(frame):
    """A GPX layer (GDAL's ``waypoints``, ``routes``, ``tracks``, ``route_points``,
    ``track_points``; waypoints are read unless another is chosen) without the many GPX
    elements nobody filled in. GPX 1.1 defines its coordinates as WGS 84 lon/lat (GDAL declares
    EPSG:4326), so, like KML, its coordinate system is not asked; waypoints become points
    (facilities, by the layer name), routes and tracks lines (roads)."""
    empty = [c for c in frame.columns if c != frame.geometry.name and
             frame[c].replace("", None).dropna().empty]
    frame = frame.drop(columns=empty)
    return frame if frame.crs is not None else frame.set_crs(4326)


def list_layers_of(source: Source) -> list[LayerInfo]:
    """Layers of an opened *source* (CAD layers for DXF, sheets for Excel)."""
    if source.kind in ("shapefile", "csv", "geojson"):
        return [LayerInfo(source.path.stem)]
    if source.kind == "xlsx":
        return [LayerInfo(name) for name in xlsx_sheets(source.path)]
    if source.kind == "dxf":
        raw = read_dxf(source.path)
        counts = raw.data["Layer"].value_counts() if "Layer" in raw.data else pd.Series(dtype=int)
        return [LayerInfo(str(name), "", int(n)) for name, n in counts.sort_index().items()]
    with screened(source) as screen:
        return _layer_infos(screen.source)


def _layer_infos(source: Source) -> list[LayerInfo]:
    """Layers GDAL lists in a multi-layer *source*, with their feature counts."""
    layers = gdal_read.list_layers(source.path)
    if len(layers) > limits.active().max_layers:  # each layer opens the dataset again (KML: parses it)
        raise limits.exceeded("max_layers", path=source.origin, value=len(layers))
    out = []
    for name, geom_type in layers:
        meta = gdal_read.info(source.path, name)
        out.append(LayerInfo(name, geom_type, int(meta.get("features", -1))))
    return out


def list_layers(path: str | Path) -> list[LayerInfo]:
    """What the user can choose in *path*: datasets in a zip, layers, CAD layers or sheets."""
    with open_source(path) as (source, _, members):
        if members:
            return [LayerInfo(m) for m in members]
        return list_layers_of(source)
