"""From the path a user picked to a readable dataset: its kind, zip archives, sidecar files.

A ``.dbf`` / ``.shx`` / ``.prj`` / ``.cpg`` stands for its ``.shp``; a file inside a ``.gdb``
folder for the folder. Zip archives are unpacked into a temporary folder (member names
written by Chinese Windows tools are GBK without the UTF-8 flag and are decoded as such);
an archive holding several datasets offers them as layers.
"""

from __future__ import annotations

import lzma
import shutil
import tempfile
import zipfile
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterator

from gis.errors import DataReadError
from gis.i18n import QT_TRANSLATE_NOOP

KINDS = {".shp": "shapefile", ".gpkg": "gpkg", ".geojson": "geojson", ".json": "geojson",
         ".kml": "kml", ".kmz": "kmz", ".gdb": "filegdb", ".dxf": "dxf", ".csv": "csv",
         ".txt": "csv", ".xlsx": "xlsx", ".xlsm": "xlsx"}
SIDECARS = (".dbf", ".shx", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".shp.xml")
SUPPORTED_TEXT = QT_TRANSLATE_NOOP(
    "errors", "Shapefile (.shp or zipped), GeoPackage (.gpkg), GeoJSON (.geojson/.json), "
              "KML/KMZ, File Geodatabase (.gdb folder), DXF, CSV or Excel (.xlsx) point tables")
MAX_UNZIPPED = 4 * 1024 ** 3


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
def open_source(path: str | Path, layer: str | None = None) -> Iterator[tuple[Source, str | None, list[str]]]:
    """Yield ``(source, inner_layer, members)`` for *path*.

    For a zip with several datasets, *layer* picks the member (default: the first) and
    *members* lists them; ``inner_layer`` is what remains to choose inside the dataset.
    """
    real = resolve(path)
    if real.suffix.lower() != ".zip":
        yield Source(kind_of(real), real, Path(path)), layer, []
        return
    tmp = Path(tempfile.mkdtemp(prefix="ocp_zip_"))
    try:
        members = _unzip(real, tmp)
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


def _unzip(archive: Path, target: Path) -> list[Path]:
    """Extract *archive* safely into *target*; return the importable datasets in it."""
    try:
        with zipfile.ZipFile(archive) as zf:
            infos = zf.infolist()
            if sum(i.file_size for i in infos) > MAX_UNZIPPED:
                raise DataReadError(QT_TRANSLATE_NOOP(
                    "errors", "{path} unpacks to more than 4 GB. Unzip it and import the file "
                              "inside."), path=str(archive))
            for info in infos:
                _extract(zf, info, target)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, ValueError, zlib.error,
            lzma.LZMAError) as exc:  # the decompressor of a damaged deflate / LZMA member
        # ValueError: names that are not UTF-8 though flagged so (UnicodeDecodeError), bad offsets
        raise DataReadError(QT_TRANSLATE_NOOP(
            "errors", "{path} is not a readable zip archive ({reason})."),
            path=str(archive), reason=str(exc)) from None
    return _datasets(target)


def _extract(zf: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path) -> None:
    name = _member_name(info)
    parts = [p for p in PurePosixPath(name.replace("\\", "/")).parts if p not in ("", ".", "..", "/")]
    if not parts or parts[0] == "__MACOSX" or parts[-1].startswith("._"):
        return
    dest = target.joinpath(*parts)
    if info.is_dir():
        dest.mkdir(parents=True, exist_ok=True)
        return
    dest.parent.mkdir(parents=True, exist_ok=True)
    with zf.open(info) as src, open(dest, "wb") as out:
        shutil.copyfileobj(src, out)


_PRIORITY = {"shapefile": 0, "gpkg": 1, "filegdb": 2, "kml": 3, "kmz": 3, "geojson": 4, "dxf": 5,
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
