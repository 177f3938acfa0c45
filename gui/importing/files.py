"""Which picked or dropped paths are datasets to import."""

from __future__ import annotations

from pathlib import Path

from gis.io.sources import KINDS, SIDECARS

SUFFIXES = frozenset(KINDS) | {".zip", ".xls"}  # .xls is refused with advice by the importer


def dataset_paths(paths) -> list[Path]:
    """The datasets *paths* stand for, in order and once each.

    A shapefile's sidecars (.dbf, .prj, …) stand for its .shp, a file inside a ``.gdb``
    folder for the folder. Other paths are kept as they are: the importer explains what is
    wrong with them.
    """
    out: list[Path] = []
    for raw in paths:
        path = _dataset_of(Path(raw))
        if path not in out:
            out.append(path)
    return out


def importable(path) -> bool:
    """Whether *path* looks like something the importer reads (for accepting a drag)."""
    from gis.raster.source import is_raster_path

    path = _dataset_of(Path(path))
    name = path.name.lower()
    return is_raster_path(path) or path.suffix.lower() in SUFFIXES or path.suffix.lower() == ".gdb" or \
        any(name.endswith(ext) for ext in SIDECARS)  # a lone sidecar: the importer explains


def _dataset_of(path: Path) -> Path:
    for parent in (path, *path.parents):
        if parent.suffix.lower() == ".gdb" and parent.is_dir():
            return parent
    name = path.name.lower()
    sidecar = next((ext for ext in SIDECARS if name.endswith(ext)), None)
    if sidecar is not None:
        shp = path.with_name(path.name[: -len(sidecar)] + ".shp")
        if shp.exists():
            return shp
    return path
