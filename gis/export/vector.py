"""GIS files for designers: GeoPackage, Shapefile and GeoJSON through GDAL (pyogrio).

* GeoPackage — every frame as its own layer of one file, Chinese names kept as they are.
* Shapefile — one layer per file, always with a ``.prj``; UTF-8 with a ``.cpg``, or GBK
  (code page 936: ``.cpg`` "936" and the DBF language driver byte 0x4D, which ArcGIS 9/10
  read) for older ArcGIS. Field names are cut to 10 bytes in that encoding and made
  unique; text longer than a DBF field holds (254 bytes) is shortened; characters GBK
  cannot hold are replaced. Every such change is reported.
* GeoJSON — one layer per file; lon/lat targets follow RFC 7946 (7 decimals).

Frames come in the working CRS and are written in the :class:`~gis.export.target.Target`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

import geopandas as gpd
import pyogrio

from gis.errors import ExportError
from gis.export.columns import string_columns, writable
from gis.export.fieldnames import renamed, shapefile_names
from gis.export.result import ExportResult, atomic_path, ensure_folder, write_failed
from gis.export.target import Target, to_target
from gis.feedback import Feedback, ensure
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.notices import notice

DBF_TEXT_BYTES = 254
GBK_LDID = 0x4D  # DBF language driver id of code page 936 (Chinese GBK, PRC)
SHAPEFILE_ENCODINGS = {"utf-8": ("UTF-8", "UTF-8"), "gbk": ("CP936", "936")}  # GDAL name, .cpg text
SIDE_FILES = (".shp", ".shx", ".dbf", ".prj", ".cpg")
_FAMILIES = {"Polygon": "polygon", "MultiPolygon": "polygon", "LineString": "line",
             "MultiLineString": "line", "Point": "point", "MultiPoint": "point"}


def write_gpkg(frames: Mapping[str, gpd.GeoDataFrame], path: str | Path, *, target: Target,
               feedback: Feedback | None = None) -> ExportResult:
    """Write each frame as a layer (named by its key) of one GeoPackage.

    The file is built next to *path* and moved over it at the end, so an existing file
    survives a failed or cancelled export.
    """
    fb = ensure(feedback)
    path = Path(path)
    if not frames:
        raise ExportError(QT_TRANSLATE_NOOP("errors", "There is nothing to export."))
    with atomic_path(path) as tmp:
        for k, (name, frame) in enumerate(frames.items()):
            fb.check()
            fb.progress(k / len(frames), name)
            _write(writable(to_target(frame, target)), tmp, shown=path, driver="GPKG", layer=name)
    fb.progress(1.0)
    return ExportResult([path])


def write_geojson(frame: gpd.GeoDataFrame, path: str | Path, *, target: Target) -> ExportResult:
    """One GeoJSON file; 7 decimals in lon/lat, 3 (millimetres) in a projected CRS."""
    path = Path(path)
    out = writable(to_target(frame, target))
    options = {"COORDINATE_PRECISION": 7 if target.geographic else 3, "WRITE_NAME": "NO"}
    if target.geographic and not target.gcj02:
        options["RFC7946"] = "YES"
    with atomic_path(path) as tmp:
        _write(out, tmp, shown=path, driver="GeoJSON", layer_options=options)
    return ExportResult([path])


def write_shapefile(frame: gpd.GeoDataFrame, path: str | Path, *, target: Target,
                    encoding: str = "utf-8", layer_name: str | None = None) -> ExportResult:
    """One Shapefile (.shp .shx .dbf .prj .cpg) in UTF-8 or GBK.

    Parameters
    ----------
    frame : GeoDataFrame
        Features of one geometry family (polygons, lines or points).
    path : path ending in .shp
    target : Target
        CRS to write; its .prj is always written.
    encoding : "utf-8" or "gbk", keyword-only
    layer_name : str, optional, keyword-only
        How the layer is called in notices (default: the file name).
    """
    enc = _shapefile_encoding(encoding)
    path = Path(path)
    if path.suffix.lower() != ".shp":
        path = path.with_suffix(".shp")
    name = layer_name or path.stem
    _single_family(frame, name)
    result = ExportResult([path.with_suffix(s) for s in SIDE_FILES])
    out = writable(to_target(frame, target))
    mapping = shapefile_names([c for c in out.columns if c != out.geometry.name], enc)
    out = out.rename(columns=mapping)
    if renamed(mapping):
        result.renamed[name] = renamed(mapping)
        result.notices.append(notice(QT_TRANSLATE_NOOP(
            "io", "{layer}: field names were shortened to the Shapefile limit of 10 bytes: {fields}"),
            layer=name, fields=", ".join(f"{a} → {b}" for a, b in renamed(mapping).items())))
    out = _fit_text(out, enc, name, result)
    _write_shapefile_files(out, path, enc)
    return result


def _shapefile_encoding(encoding: str) -> str:
    enc = str(encoding).strip().lower().replace("_", "-")
    enc = {"utf8": "utf-8", "cp936": "gbk", "936": "gbk", "gb2312": "gbk"}.get(enc, enc)
    if enc not in SHAPEFILE_ENCODINGS:
        raise ExportError(QT_TRANSLATE_NOOP("errors", "Shapefile encoding {encoding} is not offered; "
                                            "choose utf-8 or gbk."), encoding=encoding)
    return enc


def _single_family(frame: gpd.GeoDataFrame, name: str) -> None:
    families = {_FAMILIES.get(t) for t in frame.geom_type.dropna().unique()}
    families.discard(None)
    if len(families) > 1:
        raise ExportError(QT_TRANSLATE_NOOP(
            "errors", "{layer} mixes {kinds}; a Shapefile holds one kind of geometry. Export it as "
            "GeoPackage or GeoJSON."), layer=name, kinds=", ".join(sorted(families)))


def _fit_text(frame: gpd.GeoDataFrame, encoding: str, name: str, result: ExportResult) -> gpd.GeoDataFrame:
    """Replace characters *encoding* lacks and cut text to 254 bytes, reporting both."""
    out = frame.copy()
    unencodable = cut = 0
    for col in string_columns(out):
        values = out[col].to_numpy(dtype=object, copy=True)
        for i, v in enumerate(values):
            if not isinstance(v, str):
                continue
            fixed = v.encode(encoding, errors="replace").decode(encoding)
            if fixed != v:
                unencodable += 1
            raw = fixed.encode(encoding)
            if len(raw) > DBF_TEXT_BYTES:
                fixed = raw[: DBF_TEXT_BYTES - 3].decode(encoding, errors="ignore") + "..."
                cut += 1
            values[i] = fixed
        out[col] = values
    if unencodable:
        result.notices.append(notice(QT_TRANSLATE_NOOP(
            "io", "{layer}: {count} values hold characters {encoding} cannot store; they were "
            "replaced by '?'. Export as UTF-8 to keep them."),
            layer=name, count=unencodable, encoding=encoding.upper()))
    if cut:
        result.notices.append(notice(QT_TRANSLATE_NOOP(
            "io", "{layer}: {count} text values were longer than the Shapefile limit of 254 bytes "
            "and were shortened. GeoPackage keeps them whole."), layer=name, count=cut))
    return out


def _write_shapefile_files(frame: gpd.GeoDataFrame, path: Path, encoding: str) -> None:
    """Write into a temporary folder next to *path*, then move the side files over."""
    import os
    import shutil
    import tempfile

    gdal_name, cpg = SHAPEFILE_ENCODINGS[encoding]
    ensure_folder(path)
    tmp_dir = Path(tempfile.mkdtemp(prefix=f".{path.stem}-", dir=path.parent))
    try:
        tmp = tmp_dir / path.name
        _write(frame, tmp, shown=path, driver="ESRI Shapefile", encoding=gdal_name)
        tmp.with_suffix(".cpg").write_text(cpg, encoding="ascii")
        if encoding == "gbk":
            _set_ldid(tmp.with_suffix(".dbf"), GBK_LDID)
        for suffix in SIDE_FILES:
            os.replace(tmp.with_suffix(suffix), path.with_suffix(suffix))
    finally:
        shutil.rmtree(tmp_dir, ignore_errors=True)


def _set_ldid(dbf: Path, ldid: int) -> None:
    """Set the DBF header's language driver byte (offset 29)."""
    with open(dbf, "r+b") as fh:
        fh.seek(29)
        fh.write(bytes([ldid]))


def _write(frame: gpd.GeoDataFrame, path: Path, *, shown: Path, **kwargs) -> None:
    """pyogrio's write with GDAL's failures turned into an ExportError naming *shown*."""
    try:
        pyogrio.write_dataframe(frame, path, **kwargs)
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError, pyogrio.errors.FieldError,
            pyogrio.errors.GeometryError, OSError, ValueError, TypeError) as exc:
        raise write_failed(shown, exc) from None
