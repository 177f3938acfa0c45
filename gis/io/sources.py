"""From the path a user picked to a readable dataset: its kind, zip archives, sidecar files.

A ``.dbf`` / ``.shx`` / ``.prj`` / ``.cpg`` stands for its ``.shp``; a file inside a ``.gdb``
folder for the folder. Zip archives are unpacked into a temporary folder (member names
written by Chinese Windows tools are GBK without the UTF-8 flag and are decoded as such);
an archive holding several datasets offers them as layers.

Archives are hostile until proven otherwise: member paths are confined to the temporary
folder (``../`` and absolute names are cut to their plain parts), symbolic links and device
files are refused, and the member count, each member's compression ratio and unpacked size
and the total unpacked size are capped (:mod:`gis.io.limits`), checked on the declared sizes
first and counted again while streaming.
"""

from __future__ import annotations

import lzma
import shutil
import stat
import tempfile
import zipfile
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterator

from gis.errors import DataReadError
from gis.feedback import Feedback
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io import limits

KINDS = {".shp": "shapefile", ".gpkg": "gpkg", ".geojson": "geojson", ".json": "geojson",
         ".kml": "kml", ".kmz": "kmz", ".gpx": "gpx", ".gdb": "filegdb", ".dxf": "dxf", ".csv": "csv",
         ".txt": "csv", ".xlsx": "xlsx", ".xlsm": "xlsx"}
SIDECARS = (".dbf", ".shx", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".shp.xml")
SUPPORTED_TEXT = QT_TRANSLATE_NOOP(
    "errors", "Shapefile (.shp or zipped), GeoPackage (.gpkg), GeoJSON (.geojson/.json), "
              "KML/KMZ, GPX, File Geodatabase (.gdb folder), DXF, CSV or Excel (.xlsx) point tables")
RATIO_GRACE = 1 << 20  # members smaller than this unpacked are not judged by their ratio
_COPY_CHUNK = 1 << 20


# what zipfile raises on a damaged archive: an unknown version (NotImplementedError), names flagged
# UTF-8 that are not (ValueError), a damaged deflate or LZMA member (zlib.error, LZMAError)
ZIP_ERRORS = (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, ValueError, zlib.error, lzma.LZMAError)


@dataclass(frozen=True)
class Source:
    """A dataset ready to read: *path* may lie in a temporary folder; *origin* is the user's."""

    kind: str
    path: Path
    origin: Path
    member: str | None = None  # the dataset's name inside a zip archive


def kind_of(path: Path) -> str:
    """The dataset kind of *path* (see :data:`KINDS`); DataReadError when unsupported."""
    suffix = path.suffix.lower()
    if suffix in KINDS:
        return KINDS[suffix]
    if suffix == ".xls":
        raise DataReadError(QT_TRANSLATE_NOOP(
            "errors", "{path} is an old Excel .xls workbook. Save it as .xlsx and import that."),
            path=str(path))
    raise DataReadError(QT_TRANSLATE_NOOP(
        "errors", "{path}: this file type ({suffix}) is not supported. Import one of: {formats}."),
        path=str(path), suffix=suffix or "no extension", formats=SUPPORTED_TEXT)


def resolve(path: str | Path) -> Path:
    """The dataset path for what the user picked (sidecar → .shp, file in a .gdb → folder)."""
    path = Path(path)
    for parent in [path, *path.parents]:
        if parent.suffix.lower() == ".gdb" and parent.is_dir():
            return parent
    if not path.exists():
        missing_shp = path.suffix.lower() == ".shp" and sibling(path, ".dbf") is not None
        if missing_shp:
            raise DataReadError(QT_TRANSLATE_NOOP(
                "errors", "{path} is missing, though its .dbf exists: the shapefile has no "
                          "geometries. Copy all parts of the shapefile (.shp, .shx, .dbf, .prj, "
                          ".cpg)."), path=str(path))
        raise DataReadError(QT_TRANSLATE_NOOP("errors", "{path} does not exist."), path=str(path))
    name = path.name.lower()
    if any(name.endswith(ext) for ext in SIDECARS):
        shp = sibling(path, ".shp")
        if shp is None:
            raise DataReadError(QT_TRANSLATE_NOOP(
                "errors", "{path} belongs to a shapefile whose .shp is missing. Copy all parts of "
                          "the shapefile (.shp, .shx, .dbf, .prj, .cpg)."), path=str(path))
        return shp
    if path.is_dir():
        raise DataReadError(QT_TRANSLATE_NOOP(
            "errors", "{path} is a folder. Pick a file in it, or a File Geodatabase folder ending "
                      "in .gdb."), path=str(path))
    if path.stat().st_size == 0:
        raise DataReadError(QT_TRANSLATE_NOOP("errors", "{path} is empty (0 bytes)."),
                            path=str(path))
    return path


def sibling(path: Path, suffix: str) -> Path | None:
    """*path* with *suffix*, matched case-insensitively ('a.SHP' for 'a.dbf')."""
    stem = path.name.split(".")[0] if path.name.lower().endswith(".shp.xml") else path.stem
    try:
        for candidate in path.parent.iterdir():
            if candidate.stem == stem and candidate.suffix.lower() == suffix:
                return candidate
    except OSError:
        return None
    return None


@contextmanager
def open_source(path: str | Path, layer: str | None = None, *, feedback: Feedback | None = None
                ) -> Iterator[tuple[Source, str | None, list[str]]]:
    """Yield ``(source, inner_layer, members)`` for *path*.

    For a zip with several datasets, *layer* picks the member (default: the first) and
    *members* lists them; ``inner_layer`` is what remains to choose inside the dataset.
    """
    real = resolve(path)
    if real.suffix.lower() != ".zip":
        kind = kind_of(real)
        if kind == "kmz":  # GDAL unpacks it itself: check what it would unpack first
            check_zip_file(real)
        yield Source(kind, real, Path(path)), layer, []
        return
    tmp = Path(tempfile.mkdtemp(prefix="ocp_zip_"))
    try:
        members = _unzip(real, tmp, limits.Watch(real, feedback))
        if not members:
            raise DataReadError(QT_TRANSLATE_NOOP(
                "errors", "{path} contains no file that can be imported ({formats})."),
                path=str(real), formats=SUPPORTED_TEXT)
        names = [m.relative_to(tmp).as_posix() for m in members]
        if layer in names:
            chosen, inner = members[names.index(layer)], None
        else:
            chosen, inner = members[0], layer if len(members) == 1 else None
            if layer is not None and len(members) > 1:
                raise DataReadError(QT_TRANSLATE_NOOP(
                    "errors", "{path} has no dataset '{layer}'. It holds: {names}."),
                    path=str(real), layer=layer, names=", ".join(names))
        rel = chosen.relative_to(tmp).as_posix()
        yield Source(kind_of(chosen), chosen, Path(path), rel), inner, names if len(names) > 1 else []
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _member_name(info: zipfile.ZipInfo) -> str:
    """The member's real name: GBK-named members (no UTF-8 flag) are decoded as GB18030."""
    if info.flag_bits & 0x800:
        return info.filename
    raw = info.filename.encode("cp437", errors="replace")
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return info.filename


def _unzip(archive: Path, target: Path, watch: limits.Watch) -> list[Path]:
    """Extract *archive* safely into *target*; return the importable datasets in it."""
    try:
        with zipfile.ZipFile(archive) as zf:
            infos = zf.infolist()
            check_archive(infos, archive)
            total = max(sum(i.file_size for i in infos), 1)
            done = 0
            for info in infos:
                done = _extract(zf, info, target, watch, done, total)
    except ZIP_ERRORS as exc:
        raise _bad_zip(archive, exc) from None
    return _datasets(target)


def check_zip_file(path: Path, unreadable=None) -> None:
    """:func:`check_archive` on the zip file at *path*; when it is no zip, the error from
    ``unreadable(path, exc)`` (default: not a readable zip archive)."""
    try:
        with zipfile.ZipFile(path) as zf:
            check_archive(zf.infolist(), path)
    except ZIP_ERRORS as exc:
        raise (unreadable or _bad_zip)(path, exc) from None


def _bad_zip(path: Path, exc: BaseException) -> DataReadError:
    return DataReadError(QT_TRANSLATE_NOOP(
        "errors", "{path} is not a readable zip archive ({reason})."),
        path=str(path), reason=str(exc))


def check_archive(infos: list[zipfile.ZipInfo], archive: Path) -> None:
    """Refuse an archive by what its directory declares: too many members, links or devices,
    a member too large or compressed beyond belief, too much in all."""
    caps = limits.active()
    if len(infos) > caps.max_archive_members:
        raise limits.exceeded("max_archive_members", path=archive, value=len(infos))
    for info in infos:
        kind = stat.S_IFMT(info.external_attr >> 16)
        if kind and kind not in (stat.S_IFREG, stat.S_IFDIR):
            raise DataReadError(QT_TRANSLATE_NOOP(
                "errors", "{path} holds a link or device file ({member}), which is refused for "
                          "safety. Unzip it yourself and import the data files."),
                path=str(archive), member=_member_name(info))
        if info.file_size > caps.max_member_bytes:
            raise limits.exceeded("max_member_bytes", path=archive, value=info.file_size)
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_GRACE and ratio > caps.max_compression_ratio:
            raise limits.exceeded("max_compression_ratio", path=archive, value=round(ratio))
    total = sum(i.file_size for i in infos)
    if total > caps.max_decompressed_bytes:
        raise limits.exceeded("max_decompressed_bytes", path=archive, value=total)


def _extract(zf: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, watch: limits.Watch,
             done: int, total: int) -> int:
    """Stream one member into *target*; return the running count of unpacked bytes."""
    name = _member_name(info)
    parts = [p for p in PurePosixPath(name.replace("\\", "/")).parts
             if p not in ("", ".", "..", "/") and not p.endswith(":")]
    if not parts or parts[0] == "__MACOSX" or parts[-1].startswith("._"):
        return done
    dest = target.joinpath(*parts)
    if not dest.resolve().is_relative_to(target.resolve()):  # never outside the folder
        return done
    if info.is_dir():
        dest.mkdir(parents=True, exist_ok=True)
        return done
    dest.parent.mkdir(parents=True, exist_ok=True)
    caps, written = limits.active(), 0
    with zf.open(info) as src, open(dest, "wb") as out:
        while chunk := src.read(_COPY_CHUNK):
            written += len(chunk)
            if written > caps.max_member_bytes:
                raise limits.exceeded("max_member_bytes", path=zf.filename, value=f"> {written}")
            if done + written > caps.max_decompressed_bytes:
                raise limits.exceeded("max_decompressed_bytes", path=zf.filename,
                                      value=f"> {done + written}")
            out.write(chunk)
            watch.step((done + written) / total)
    return done + written


_PRIORITY = {"shapefile": 0, "gpkg": 1, "filegdb": 2, "kml": 3, "kmz": 3, "gpx": 3, "geojson": 4, "dxf": 5,
             "xlsx": 6, "csv": 7}  # a zip's default dataset: GIS data before stray tables


def _datasets(root: Path) -> list[Path]:
    """Importable datasets under *root*, the likeliest first."""
    found = []
    for path in sorted(root.rglob("*")):
        if any(p.suffix.lower() == ".gdb" for p in path.relative_to(root).parents if p.name):
            continue  # inside a geodatabase
        if path.is_dir() and path.suffix.lower() == ".gdb":
            found.append(path)
        elif path.is_file() and path.suffix.lower() in KINDS and path.suffix.lower() != ".txt":
            found.append(path)
    return sorted(found, key=lambda p: (_PRIORITY[KINDS[p.suffix.lower()]], p.as_posix()))
