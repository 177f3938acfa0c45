"""Reading through GDAL (pyogrio): typed errors, GDAL config for one read, chunks for Cancel.

GDAL config options are process-wide: :func:`gdal_config` sets them around one read, so
imports that need options (DXF encoding, .shx rebuild) should not run in parallel threads.
"""

from __future__ import annotations

import logging
import warnings
from contextlib import contextmanager
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import pyogrio.raw
from pyogrio.errors import DataLayerError, DataSourceError, FeatureError, FieldError
from shapely.errors import GEOSException

from gis.errors import DataReadError
from gis.feedback import Feedback, ensure
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io import limits
from gis.io.notices import Notice, notice

log = logging.getLogger(__name__)
CHUNK = 10_000
"""Features per read by offset (``skip_features``: Shapefile, FileGDB) when a layer has more;
Cancel and progress are checked between reads. Larger than gis.feedback.SLICE because every read
opens the file again (.dbf, .prj, the CRS, ~3 ms): 50,000 compounds in reads of 5,000 took
1.06-1.16x the CPU of one read, in reads of 10,000 ~1.0x (load 2.4-2.8). A GBK shapefile read
holds the GIL: 10,000 features ~45 ms of UI stall, 20,000 ~120 ms, one read of 50,000 ~220 ms."""
ID_RANGE = 20_000
"""Feature ids per read of a GeoPackage (``where`` on the id: an indexed lookup, where an offset
makes SQLite step over every earlier row). Each read reopens the file (5-9 ms), but GDAL reads
a GeoPackage without the GIL, so ranges can be larger: longest UI stall ~24 ms at 20,000; 50,000
compounds cost 1.00-1.08x the CPU of one read (1.34x in ranges of 5,000)."""
_SEEKABLE = (".shp", ".gpkg", ".gdb")  # formats whose feature count and seeking are cheap
# pyogrio / GDAL / shapely failures on a damaged file; NameError covers a pyogrio bug on
# .prj files that are not UTF-8 (UnboundLocalError), which callers avoid but must not crash on
GDAL_ERRORS = (DataSourceError, DataLayerError, FeatureError, FieldError, OSError,
               UnicodeDecodeError, ValueError, RuntimeError, GEOSException, NameError)


@contextmanager
def gdal_config(**options: object):
    """Set GDAL config options for the duration of a read, then restore them."""
    before = {k: pyogrio.get_gdal_config_option(k) for k in options}
    pyogrio.set_gdal_config_options(options)
    try:
        yield
    finally:
        pyogrio.set_gdal_config_options(before)


def unreadable(path: Path | str, exc: BaseException) -> DataReadError:
    """A DataReadError for a file GDAL could not read, with GDAL's reason."""
    reason = str(exc).split("; It might help")[0].strip() or type(exc).__name__
    return DataReadError(QT_TRANSLATE_NOOP(
        "errors", "{path} cannot be read: {reason}. Check that the file is complete and in a "
                  "supported format."), path=str(path), reason=reason)


@contextmanager
def _warnings_to_log():
    """GDAL warnings of a metadata call go to the log (the read itself makes them notices)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    for w in caught:
        log.info("GDAL: %s", w.message)


def list_layers(path: Path | str) -> list[tuple[str, str]]:
    """(name, geometry type) of each layer; DataReadError when GDAL cannot open *path*."""
    try:
        with _warnings_to_log():
            return [(str(n), str(t)) for n, t in pyogrio.list_layers(path)]
    except GDAL_ERRORS as exc:
        raise unreadable(path, exc) from None


def info(path: Path | str, layer: str | None = None, **kwargs) -> dict:
    """``pyogrio.read_info`` with GDAL errors as DataReadError."""
    try:
        with _warnings_to_log():
            return pyogrio.read_info(path, layer=layer, **kwargs)
    except GDAL_ERRORS as exc:
        raise unreadable(path, exc) from None


def read_frame(path, *, layer: str | None = None, encoding: str | None = None,
               feedback: Feedback | None = None, notices: list[Notice] | None = None,
               **kwargs) -> gpd.GeoDataFrame:
    """The whole layer as a GeoDataFrame, in chunks when the driver can seek.

    GDAL warnings are collected into *notices*; GDAL errors become DataReadError. Damaged
    geometry records (an unclosed ring after a flipped byte) are mended where possible
    (``on_invalid="fix"``), else read as empty, rather than failing the whole file.
    """
    fb = ensure(feedback)
    watch = limits.Watch(getattr(path, "name", path), fb)  # progress (and Cancel) from the start
    kwargs.setdefault("on_invalid", "fix")
    seekable_format = str(getattr(path, "suffix", "")).lower() in _SEEKABLE
    meta = info(path, layer, encoding=encoding) if seekable_format else {}
    total = int(meta.get("features", -1) or -1)
    seekable = bool(meta.get("capabilities", {}).get("fast_set_next_by_index"))
    if total > limits.active().max_rows:
        raise limits.exceeded("max_rows", path=getattr(path, "name", path), value=total)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            by_id = meta.get("driver") == "GPKG"
            large = seekable and total > (ID_RANGE if by_id else CHUNK)
            first = _first_fid(path, layer, meta, kwargs) if large and by_id else None
            if first is not None:
                frame = _read_fid_ranges(path, layer, encoding, meta["fid_column"], first, total, watch, kwargs)
            elif large:
                frame = _read_chunks(path, layer, encoding, total, watch, kwargs)
            else:
                frame = pyogrio.read_dataframe(path, layer=layer, encoding=encoding, **kwargs)
        except GDAL_ERRORS as exc:
            raise unreadable(getattr(path, "name", path), exc) from None
    if notices is not None:
        notices.extend(_warning_notices(caught))
    watch.step(1.0)
    return frame


def _read_chunks(path, layer, encoding, total, watch: limits.Watch, kwargs) -> gpd.GeoDataFrame:
    parts = []
    for start in range(0, total, CHUNK):
        watch.step(start / total)
        parts.append(pyogrio.read_dataframe(path, layer=layer, encoding=encoding,
                                            skip_features=start, max_features=CHUNK, **kwargs))
    return _joined(parts)


def _first_fid(path, layer, meta: dict, kwargs) -> int | None:
    """The lowest feature id of a GeoPackage layer to read in id ranges, else None.

    A range is an indexed rowid lookup, where ``skip_features`` makes SQLite step over every
    feature before it: 50,000 compounds took 1.3-1.6 times one plain read by offset, 1.0-1.08
    times by id range (see ID_RANGE)."""
    if not meta.get("fid_column") or {"where", "sql"} & set(kwargs):
        return None
    try:
        _, fids, *_ = pyogrio.raw.read(path, layer=layer, columns=[], read_geometry=False,
                                       return_fids=True, max_features=1)
    except GDAL_ERRORS:
        return None
    return int(fids[0]) if len(fids) else None


def _read_fid_ranges(path, layer, encoding, fid: str, first: int, total: int, watch: limits.Watch,
                     kwargs) -> gpd.GeoDataFrame:
    """The layer in ranges of ID_RANGE ids from *first*, until all *total* features are read;
    past twice as many ids as features (ids with large gaps), the rest in one read."""
    parts, got, start = [], 0, first
    while got < total:
        watch.step(got / total)
        rest = start - first > 2 * total
        where = f'"{fid}" >= {start}' + ("" if rest else f' AND "{fid}" < {start + ID_RANGE}')
        parts.append(pyogrio.read_dataframe(path, layer=layer, encoding=encoding, where=where, **kwargs))
        got, start = got + len(parts[-1]), start + ID_RANGE
        if rest:
            break
    return _joined(parts)


def _joined(parts: list[gpd.GeoDataFrame]) -> gpd.GeoDataFrame:
    parts = [part for part in parts if len(part)] or parts[:1]  # an id range in a gap reads nothing
    frame = pd.concat(parts, ignore_index=True)
    for name in frame.columns:  # text all null in one part is object there, str elsewhere: infer
        if frame[name].dtype == object and len({str(part[name].dtype) for part in parts}) > 1:
            frame[name] = pd.Series(frame[name].to_numpy(dtype=object))  # as over one whole read
    return gpd.GeoDataFrame(frame, geometry=parts[0].geometry.name, crs=parts[0].crs)


def _warning_notices(caught) -> list[Notice]:
    seen, out = set(), []
    for w in caught:
        text = str(w.message).strip()
        if not text or text in seen or issubclass(w.category, (DeprecationWarning, FutureWarning)):
            continue
        seen.add(text)
        out.append(notice(QT_TRANSLATE_NOOP("io", "GDAL reported: {message}"), message=text[:300]))
    return out
