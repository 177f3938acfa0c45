"""Where a project's raster files are: saved by absolute path and relative to the project file.

Kept free of rasterio, so saving a project does not load GDAL.
"""

from __future__ import annotations

import os
from pathlib import Path


def with_relative(entry: dict, project_path: str | Path | None) -> dict:
    """*entry* plus its path relative to the project file at *project_path*, when there is one."""
    if project_path is None:
        return dict(entry)
    try:
        rel = os.path.relpath(entry["path"], Path(project_path).absolute().parent)
    except ValueError:  # another drive (Windows)
        return dict(entry)
    return dict(entry, relative=Path(rel).as_posix())


def candidates(entry: dict, project_path) -> list[Path]:
    """Where to look for a saved raster: beside the project (relative path) first, then where it was."""
    out = []
    if entry.get("relative") and project_path is not None:
        out.append(Path(project_path).absolute().parent / entry["relative"])
    if entry.get("path"):
        out.append(Path(entry["path"]))
    return out
