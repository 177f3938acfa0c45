"""Shapefiles: missing or damaged parts, the attribute encoding, the .prj.

A missing ``.shx``, or one whose entries point outside the ``.shp`` or that GDAL refuses
(a record count past belief), is rebuilt from the ``.shp``; a DBF header that lies is mended
from its field list and size (:mod:`gis.io.dbf`). Field names cut in the middle of a
character (11-byte DBF names, UTF-8 Chinese) are mended, both in a temporary copy: the
user's folder is left untouched. A ``.shp`` shorter than its header says is truncated: the features whose
geometry is cut off are dropped and counted. A missing ``.dbf`` gives geometries without
attributes; a missing ``.prj`` leaves the CRS to inference; an unreadable one is reported.
"""

from __future__ import annotations

import codecs
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
from gis.io import dbf as dbf_check
from gis.io import limits
from gis.io.dbf import DbfHeader
from gis.io.encoding import decoder_name, shapefile_encoding
from gis.io.gdal_read import gdal_config, read_frame
from gis.io.notices import coded, notice
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
    bad_shx = parts[".shx"] is not None and not _shx_fits(parts[".shx"], shp.stat().st_size)
    if bad_shx:
        parts[".shx"] = None  # rebuilt from the .shp, like a missing one
    enc = shapefile_encoding(parts[".dbf"], parts[".cpg"], user=encoding)
    notes, counts = list(enc.notices), {}
    head, checked = _dbf_header(parts[".dbf"], enc.name)
    cut = _cut_field_names(head, enc.name)
    prj_text = _non_utf8_prj(parts[".prj"])
    _part_notices(parts, cut, prj_text, counts, notes, bad_shx)
    counts.update(checked.counts)
    notes += checked.notices
    frame = _read_parts(shp, parts, enc.name, cut + checked.patches, prj_text, feedback,
                        notes, counts)
    _dbf_shortfall(parts[".shx"], frame, checked, counts, notes)
    if shp.stat().st_size < declared:
        frame = _cut_off(frame, shp.stat().st_size, declared, counts, notes)
    crs = CRS.from_user_input(frame.crs) if frame.crs is not None else None
    if parts[".prj"] is not None and crs is None:
        notes.append(notice(QT_TRANSLATE_NOOP(
            "io", "The .prj file could not be understood; the coordinate system was inferred.")))
    return RawLayer(frame, "ESRI Shapefile", shp.stem, [], crs, "prj" if crs else None, enc,
                    counts, notes)


def _dbf_header(dbf: Path | None, encoding: str) -> tuple[DbfHeader | None, dbf_check.DbfCheck]:
    """The DBF's header and the repairs it needs (none without a .dbf)."""
    if dbf is None:
        return None, dbf_check.DbfCheck()
    try:
        return dbf_check.read_header(dbf), dbf_check.check(dbf, decoder_name(encoding))
    except OSError:
        return None, dbf_check.DbfCheck()


def _read_parts(shp: Path, parts: dict, encoding: str, fixes: list, prj_text: str | None,
                feedback, notes: list, counts: dict):
    """Read the shapefile, through a mended copy when needed; a .shx that GDAL refuses
    (a record count or offset past belief) is rebuilt from the .shp and said so."""
    if parts[".shx"] is None or fixes or prj_text is not None:
        return _read_repaired_copy(shp, parts, encoding, fixes, feedback, notes, prj_text)
    try:
        return read_frame(shp, encoding=decoder_name(encoding), feedback=feedback, notices=notes)
    except limits.LimitExceeded:
        raise
    except DataReadError as exc:
        first = exc
    try:
        frame = _read_repaired_copy(shp, {**parts, ".shx": None}, encoding, fixes, feedback,
                                    notes, prj_text)
    except DataReadError:
        raise first from None
    counts["shx_rebuilt"] = 1
    notes.append(notice(QT_TRANSLATE_NOOP(
        "io", "The index (.shx) is damaged ({reason}); it was rebuilt from the .shp."),
        reason=first.params.get("reason", "")))
    return frame


def _cut_off(frame, size: int, declared: int, counts: dict, notes: list):
    """Drop the features a cut-off .shp lost; a header that merely overstates is said so."""
    frame, lost = _drop_cut_features(frame)
    counts["truncated_dropped"] = lost
    if lost == 0:
        notes.append(notice(QT_TRANSLATE_NOOP(
            "io", "The .shp header gives a wrong file length ({declared:,} bytes; the file has "
                  "{size:,}); every feature was read."), size=size, declared=declared))
        return frame
    notes.append(notice(QT_TRANSLATE_NOOP(
        "io", "The .shp is cut off ({size:,} of {declared:,} bytes): {n} features lost their "
              "geometry and were dropped. Copy the file again if you have the whole one."),
        size=size, declared=declared, n=lost))
    return frame


def _dbf_shortfall(shx: Path | None, frame, checked, counts: dict, notes: list) -> None:
    """Say how many features were lost because the .dbf holds fewer records than the .shp."""
    if shx is None or "dbf_record_count_fixed" not in checked.counts:
        return
    lost = (shx.stat().st_size - 100) // 8 - len(frame)
    if lost > 0:
        counts["dbf_records_missing_dropped"] = lost
        notes.append(notice(QT_TRANSLATE_NOOP(
            "io", "{n} features have no record in the .dbf and were dropped. Get an undamaged "
                  "copy of the .dbf to keep them."), n=lost))


def _shx_fits(shx: Path, shp_size: int) -> bool:
    """Whether every .shx entry points at a record inside the .shp, in order (checked with
    numpy on the index alone: 8 bytes a feature)."""
    try:
        data = np.fromfile(shx, dtype=">i4", offset=100)
    except (OSError, ValueError):
        return False
    pairs = data[: len(data) // 2 * 2].reshape(-1, 2).astype(np.int64) * 2
    if not len(pairs):
        return True
    ends = pairs[:, 0] + 8 + pairs[:, 1]
    return bool(pairs[0, 0] == 100 and (pairs[:, 1] >= 0).all() and ends.max() <= shp_size
                and (pairs[1:, 0] >= ends[:-1]).all())


def _part_notices(parts: dict, cut: list, prj_text: str | None, counts: dict, notes: list,
                  bad_shx: bool = False) -> None:
    """Count and explain what is missing or mended among the shapefile's parts."""
    if parts[".dbf"] is None:
        notes.append(coded("io.dbf_missing", QT_TRANSLATE_NOOP(
            "io", "The attribute table (.dbf) is missing: only geometries were imported.")))
    if cut:
        counts["field_names_fixed"] = len(cut)
        notes.append(notice(QT_TRANSLATE_NOOP(
            "io", "{n} field names were cut in the middle of a character by the program that "
                  "wrote the file; the broken character was removed."), n=len(cut)))
    if parts[".shx"] is None:
        counts["shx_rebuilt"] = 1
        notes.append(notice(QT_TRANSLATE_NOOP(
            "io", "The index (.shx) does not match the .shp and was rebuilt from it.")
            if bad_shx else QT_TRANSLATE_NOOP(
            "io", "The index (.shx) was missing and was rebuilt from the .shp.")))
    if prj_text is not None:
        counts["prj_recoded"] = 1
        notes.append(notice(QT_TRANSLATE_NOOP(
            "io", "The .prj is not UTF-8 text (Chinese names in GBK); it was read as GB18030.")))


def _cut_field_names(head: DbfHeader | None, encoding: str) -> list[tuple[int, bytes]]:
    """(header offset, fixed 11-byte name) for DBF field names that end in half a character."""
    codec = decoder_name(encoding)
    fixes = []
    for i, raw in enumerate(head.names if head is not None else []):
        try:
            raw.decode(codec)
        except UnicodeDecodeError:
            whole = codecs.getincrementaldecoder(codec)("replace").decode(raw, final=False)
            fixed = whole.replace("\ufffd", "").encode(codec)[:10]
            if fixed and fixed != raw:
                fixes.append((32 + 32 * i, fixed.ljust(11, b"\0")))
    return fixes


def _non_utf8_prj(prj: Path | None) -> str | None:
    """The text of a .prj that is not UTF-8 (Chinese tools write GBK names into it), else None."""
    if prj is None:
        return None
    try:
        data = prj.read_bytes()
        data.decode("utf-8")
        return None
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")
    except OSError:
        return None


def _read_repaired_copy(shp: Path, parts: dict, encoding: str, fixes, feedback, notes,
                        prj_text: str | None = None):
    """Read a temporary copy: .shx rebuilt when missing, cut field names mended, a non-UTF-8
    .prj rewritten as UTF-8."""
    tmp = Path(tempfile.mkdtemp(prefix="ocp_shp_"))
    try:
        copy = tmp / "layer.shp"
        shutil.copyfile(shp, copy)
        for ext, part in parts.items():
            if part is not None:
                shutil.copyfile(part, tmp / f"layer{ext}")
        if prj_text is not None:
            (tmp / "layer.prj").write_text(prj_text, encoding="utf-8")
        if fixes:
            with open(tmp / "layer.dbf", "r+b") as f:
                for offset, name in fixes:
                    f.seek(offset)
                    f.write(name)
        with gdal_config(SHAPE_RESTORE_SHX="YES"):
            return read_frame(copy, encoding=decoder_name(encoding), feedback=feedback, notices=notes)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _drop_cut_features(frame):
    geoms = np.asarray(frame.geometry.values, dtype=object)
    lost = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    return frame.loc[~lost].reset_index(drop=True), int(lost.sum())
