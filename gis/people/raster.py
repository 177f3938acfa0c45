"""People counted from a population raster (WorldPop-style GeoTIFF: people per cell), area-weighted.

Each compound gets the sum over the cells it overlaps of the cell's count times the share of
the cell's area inside the compound (shares in the raster's own CRS, so degrees for WorldPop's
EPSG:4326; at a compound's scale a share of degree area is a share of ground area). The grid
must be north-up (no rotation), as population grids are. Nodata and negative cells count as 0
people and are counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
from pyproj import CRS

from gis.errors import DataReadError
from gis.feedback import Feedback, ensure
from gis.i18n import QT_TRANSLATE_NOOP

_MAX_WINDOW_CELLS = 4_000_000  # a compound larger than this many cells is a wrong raster or CRS


@dataclass(frozen=True)
class RasterCounts:
    """Per compound the people the raster puts in it (NaN: outside the raster) and cells skipped."""

    counts: np.ndarray
    nodata_cells: int
    outside: int


def raster_counts(path: str | Path, geometries, crs: CRS, *, band: int = 1,
                  feedback: Feedback | None = None) -> RasterCounts:
    """People per compound polygon (*geometries* in *crs*) from band *band* of the raster at *path*.

    Raises
    ------
    DataReadError
        The file is not a readable raster, or has no CRS.
    """
    import rasterio

    fb = ensure(feedback)
    path = Path(path)
    try:
        src = rasterio.open(path)
    except (rasterio.errors.RasterioIOError, OSError) as exc:
        raise DataReadError(QT_TRANSLATE_NOOP("errors", "{path} is not a readable raster ({reason})."),
                            path=str(path), reason=str(exc)) from None
    with src:
        if src.crs is None:
            raise DataReadError(QT_TRANSLATE_NOOP(
                "errors", "{path} has no coordinate system; a population raster needs one."), path=str(path))
        geoms = _in_crs(np.asarray(geometries, dtype=object), crs, CRS.from_user_input(src.crs.to_wkt()))
        counts = np.full(len(geoms), np.nan)
        nodata = outside = 0
        for i, geom in enumerate(geoms):
            if i % 200 == 0:
                fb.check()
                fb.progress(i / max(len(geoms), 1))
            if geom is None or geom.is_empty:
                continue
            window = _window(geom.bounds, src)
            if window is None or window.width * window.height > _MAX_WINDOW_CELLS:
                outside += 1
                continue
            values = src.read(band, window=window, masked=True).astype(float)
            bad = np.ma.getmaskarray(values) | (values.filled(0) < 0)
            nodata += int(bad.sum())
            cells = np.where(bad, 0.0, values.filled(0))
            counts[i] = _weighted(geom, cells, src.window_transform(window))
    fb.progress(1.0)
    return RasterCounts(counts, nodata, outside)


def _window(bounds, src):
    """The raster window of whole cells covering *bounds*, clipped to the raster; None outside it."""
    from rasterio.windows import Window

    t = src.transform  # north-up (no rotation), as population grids are
    cols = [(x - t.c) / t.a for x in bounds[0::2]]
    rows = [(y - t.f) / t.e for y in bounds[1::2]]
    c0, c1 = max(int(np.floor(min(cols))), 0), min(int(np.ceil(max(cols))), src.width)
    r0, r1 = max(int(np.floor(min(rows))), 0), min(int(np.ceil(max(rows))), src.height)
    return Window(c0, r0, c1 - c0, r1 - r0) if c1 > c0 and r1 > r0 else None


def _in_crs(geoms: np.ndarray, crs: CRS, target: CRS) -> np.ndarray:
    if crs.equals(target):
        return geoms
    import geopandas as gpd

    return np.asarray(gpd.GeoSeries(geoms, crs=crs).to_crs(target).values, dtype=object)


def _weighted(geom, cells: np.ndarray, transform) -> float:
    """Sum of *cells* × the share of each cell's area inside *geom*."""
    rows, cols = np.nonzero(cells)
    if rows.size == 0:
        return 0.0
    t = transform
    x0, y0 = t.c + cols * t.a, t.f + rows * t.e
    x1, y1 = x0 + t.a, y0 + t.e
    boxes = shapely.box(np.minimum(x0, x1), np.minimum(y0, y1), np.maximum(x0, x1), np.maximum(y0, y1))
    share = shapely.area(shapely.intersection(boxes, geom)) / shapely.area(boxes)
    return float((cells[rows, cols] * share).sum())
