"""Overviews for a large raster that has none, built once into the user's cache folder.

Each level halves the one below (2, 4, 8 ... until it fits in a tile), read in strips with GDAL's
averaging and written as a tiled GeoTIFF, with progress and Cancel. The source file is never
written to. A level set is kept per file (path, size and modification time), so a changed file
gets new overviews. The folder is written under a temporary name and renamed when complete:
a cancelled or failed build leaves nothing behind.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
from pathlib import Path

import numpy as np
import rasterio
from affine import Affine
from rasterio.enums import Resampling
from rasterio.errors import RasterioError
from rasterio.windows import Window

from gis.errors import Cancelled, DataReadError
from gis.feedback import Feedback, ensure
from gis.i18n import QT_TRANSLATE_NOOP
from gis.raster.source import RasterInfo

PYRAMID_FROM_PX = 2048  # images wider or taller than this without overviews get a pyramid
SMALLEST_PX = 256
STRIP_ROWS = 512  # output rows per read/write step
MARGIN_BYTES = 64 * 2**20
LEVEL_NAME = "level_{factor}.tif"


def cache_root() -> Path:
    """The cache folder: $OCP_CACHE_DIR, else the OS's per-user cache folder."""
    env = os.environ.get("OCP_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("OldCompoundPlanner", "OldCompoundPlanner"))


def needs_pyramid(info: RasterInfo) -> bool:
    return info.kind == "gdal" and not info.has_overviews and max(info.width, info.height) > PYRAMID_FROM_PX


def factors(info: RasterInfo) -> list[int]:
    """Reduction factors 2, 4, 8 ... until the image fits in one tile."""
    out, f = [], 2
    while max(info.width, info.height) / (f / 2) > SMALLEST_PX:
        out.append(f)
        f *= 2
    return out


def pyramid_dir(path: str | Path, root: Path | None = None) -> Path:
    """Where the overviews of *path* (as it is now) live."""
    p = Path(path).resolve()
    st = p.stat()
    key = hashlib.sha1(f"{p}|{st.st_size}|{st.st_mtime_ns}".encode()).hexdigest()[:20]
    return (root or cache_root()) / "rasters" / key


def existing_levels(info: RasterInfo, root: Path | None = None) -> list[tuple[int, Path]]:
    """The overview files already built for *info* (empty when there are none)."""
    folder = pyramid_dir(info.path, root)
    levels = [(f, folder / LEVEL_NAME.format(factor=f)) for f in factors(info)]
    return levels if folder.is_dir() and all(p.is_file() for _, p in levels) else []


def build_pyramid(info: RasterInfo, root: Path | None = None, *,
                  feedback: Feedback | None = None) -> list[tuple[int, Path]]:
    """Build (or find) the overviews of *info*; raises Cancelled or DataReadError, leaving nothing."""
    fb = ensure(feedback)
    done = existing_levels(info, root)
    if done:
        return done
    final = pyramid_dir(info.path, root)
    tmp = final.with_name(f"{final.name}.building-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    try:
        _check_space(info, tmp)
        _write_levels(info, tmp, fb)
        shutil.rmtree(final, ignore_errors=True)
        os.replace(tmp, final)
    except BaseException as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if _disk_full(exc):
            raise _full_disk_error(info, tmp.parent, None) from exc
        if isinstance(exc, (Cancelled, DataReadError)):
            raise
        if isinstance(exc, (OSError, RasterioError)):
            raise DataReadError(QT_TRANSLATE_NOOP(
                "errors", "The overviews of {path} could not be built: {reason}"),
                path=Path(info.path).name, reason=str(exc).splitlines()[0][:200]) from exc
        raise
    return existing_levels(info, root)


def _estimate_bytes(info: RasterInfo) -> int:
    pixels = sum((info.width // f + 1) * (info.height // f + 1) for f in factors(info))
    return int(pixels * info.bands * np.dtype(info.dtype).itemsize * (0.25 if _jpeg(info) else 1.0))


def _check_space(info: RasterInfo, folder: Path) -> None:
    need = _estimate_bytes(info) + MARGIN_BYTES
    free = shutil.disk_usage(folder).free
    if free < need:
        raise _full_disk_error(info, folder.parent, (need, free))


def _full_disk_error(info: RasterInfo, folder: Path, sizes: tuple[int, int] | None) -> DataReadError:
    need, free = sizes or (_estimate_bytes(info) + MARGIN_BYTES, shutil.disk_usage(folder).free)
    return DataReadError(QT_TRANSLATE_NOOP(
        "errors", "Not enough disk space for the overviews of {path}: they need about {need} MB and "
                  "{free} MB are free in {folder}. Free some space and add the raster again; the "
                  "project is unchanged."),
        path=Path(info.path).name, need=need // 2**20, free=free // 2**20, folder=str(folder))


def _disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return True
    return isinstance(exc, RasterioError) and "no space left" in str(exc).lower()


def _jpeg(info: RasterInfo) -> bool:
    return info.dtype == "uint8" and info.bands == 3


def _profile(info: RasterInfo, src, width: int, height: int) -> dict:
    profile = {"driver": "GTiff", "width": width, "height": height, "count": src.count, "dtype": src.dtypes[0],
               "crs": src.crs, "transform": src.transform @ Affine.scale(src.width / width, src.height / height),
               "tiled": True, "blockxsize": 256, "blockysize": 256, "nodata": src.nodata}
    if _jpeg(info) and src.nodata is None:
        profile.update(compress="JPEG", photometric="YCBCR", jpeg_quality=88)
    else:
        profile.update(compress="DEFLATE", zlevel=1)
    return profile


def _write_levels(info: RasterInfo, folder: Path, fb: Feedback) -> None:
    levels = factors(info)
    cost = [1.0 / 4 ** k for k in range(len(levels))]  # each level reads a quarter of the one before
    total, done = sum(cost), 0.0
    previous = Path(info.path)
    for k, factor in enumerate(levels):
        target = folder / LEVEL_NAME.format(factor=factor)
        _halve(info, previous, target, factor, fb.sub(done / total, (done + cost[k]) / total))
        done += cost[k]
        previous = target


def _halve(info: RasterInfo, source: Path, target: Path, factor: int, fb: Feedback) -> None:
    """Write *source* at half its size to *target*, strip by strip."""
    with rasterio.open(source) as src:
        width, height = max(1, src.width // 2), max(1, src.height // 2)
        with rasterio.open(target, "w", **_profile(info, src, width, height)) as dst:
            for row in range(0, height, STRIP_ROWS):
                fb.check()
                rows = min(STRIP_ROWS, height - row)
                window = Window(0, row * 2, src.width, min(rows * 2, src.height - row * 2))
                data = src.read(window=window, out_shape=(src.count, rows, width), resampling=Resampling.average)
                dst.write(data, window=Window(0, row, width, rows))
                fb.progress((row + rows) / height, f"1:{factor}")
