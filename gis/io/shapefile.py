"""Shapefiles: missing or damaged parts, the attribute encoding, the .prj.

A missing ``.shx`` is rebuilt from the ``.shp`` (in a temporary copy; the user's folder is
left untouched). A ``.shp`` shorter than its header says is truncated: the features whose
geometry is cut off are dropped and counted. A missing ``.dbf`` gives geometries without
attributes; a missing ``.prj`` leaves the CRS to inference; an unreadable one is reported.
"""

from __future__ import annotations

import shutil
import struct
import tempfile
from pathlib import Path

import numpy as np
import shapely
from pyproj import CRS

from gis.errors import DataReadError
from gis.feedback import Feedback
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.encoding import decoder_name, shapefile_encoding
from gis.io.gdal_read import gdal_config, read_frame
from gis.io.notices import notice
from gis.io.raw import RawLayer
from gis.io.sources import sibling

_PARTS = (".shp", ".shx", ".dbf", ".prj", ".cpg")


def header_length(shp: Path) -> int | None:
    """File length in bytes that the .shp header declares (None when the header is short)."""
    with open(shp, "rb") as f:
        head = f.read(100)
    if len(head) < 100:
        return None
    code, = struct.unpack(">i", head[0:4])
    if code != 9994:
        return None
    words, = struct.unpack(">i", head[24:28])
    return words * 2


def read_shapefile(shp: Path, *, encoding: str | None = None,
                   feedback: Feedback | None = None) -> RawLayer:
    """Read a shapefile with its encoding and declared CRS (see the module text)."""
    declared = header_length(shp)
    if declared is None:
        raise DataReadError(QT_TRANSLATE_NOOP(
            "errors", "{path} is not a valid shapefile: its header is damaged or cut off."),
            path=str(shp))
    parts = {ext: sibling(shp, ext) for ext in _PARTS[1:]}
    enc = shapefile_encoding(parts[".dbf"], parts[".cpg"], user=encoding)
    notes = list(enc.notices)
    counts: dict[str, int] = {}
    if parts[".dbf"] is None:
        notes.append(notice(QT_TRANSLATE_NOOP(
            "io", "The attribute table (.dbf) is missing: only geometries were imported.")))
    if parts[".shx"] is None:
        frame = _read_without_shx(shp, parts, enc.name, feedback, notes)
        counts["shx_rebuilt"] = 1
        notes.append(notice(QT_TRANSLATE_NOOP(
            "io", "The index (.shx) was missing and was rebuilt from the .shp.")))
    else:
        frame = read_frame(shp, encoding=decoder_name(enc.name), feedback=feedback, notices=notes)
    if shp.stat().st_size < declared:
        frame, cut = _drop_cut_features(frame)
        counts["truncated_dropped"] = cut
        notes.append(notice(QT_TRANSLATE_NOOP(
            "io", "The .shp is cut off ({size:,} of {declared:,} bytes): {n} features lost their "
                  "geometry and were dropped. Copy the file again if you have the whole one."),
            size=shp.stat().st_size, declared=declared, n=cut))
    crs, source = frame.crs, ("prj" if frame.crs is not None else None)
    if parts[".prj"] is not None and crs is None:
        notes.append(notice(QT_TRANSLATE_NOOP(
            "io", "The .prj file could not be understood; the coordinate system was inferred.")))
    return RawLayer(frame, "ESRI Shapefile", shp.stem, [], CRS.from_user_input(crs) if crs else None,
                    source, enc, counts, notes)


def _read_without_shx(shp: Path, parts: dict, encoding: str, feedback, notes):
    tmp = Path(tempfile.mkdtemp(prefix="ocp_shx_"))
    try:
        copy = tmp / "layer.shp"
        shutil.copyfile(shp, copy)
        for ext, part in parts.items():
            if part is not None:
                shutil.copyfile(part, tmp / f"layer{ext}")
        with gdal_config(SHAPE_RESTORE_SHX="YES"):
            return read_frame(copy, encoding=decoder_name(encoding), feedback=feedback, notices=notes)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _drop_cut_features(frame):
    geoms = np.asarray(frame.geometry.values, dtype=object)
    lost = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    return frame.loc[~lost].reset_index(drop=True), int(lost.sum())
