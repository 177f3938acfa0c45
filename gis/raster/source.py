"""Opening a raster and checking it before it becomes a layer: one clear message per bad file.

Kinds: ``gdal`` (GeoTIFF/COG, or TIF/JPG/PNG with a world file), ``mbtiles`` (SQLite tile
cache) and ``xyz`` (a folder of ``z/x/y.png|jpg`` tiles). Tile caches are Web Mercator, as the
map; GDAL rasters are reprojected on the fly (gis/raster/tiles.py).

>>> info = open_raster("ortho.tif")          # doctest: +SKIP
>>> info.bounds_lonlat                        # doctest: +SKIP
(117.0, 36.6, 117.1, 36.7)
"""

from __future__ import annotations

import sqlite3
import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import rasterio
from pyproj import CRS
from rasterio.errors import NotGeoreferencedWarning, RasterioError
from rasterio.warp import transform_bounds

from gis.errors import DataReadError, NeedsAnswer
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.crs_detect import infer_crs

RASTER_SUFFIXES = (".tif", ".tiff", ".jpg", ".jpeg", ".png", ".mbtiles")
WORLD_FILES = {".tif": (".tfw", ".tifw", ".wld"), ".tiff": (".tfw", ".tiffw", ".wld"),
               ".jpg": (".jgw", ".jpgw", ".wld"), ".jpeg": (".jgw", ".jpegw", ".wld"),
               ".png": (".pgw", ".pngw", ".wld")}
SQLITE_MAGIC = b"SQLite format 3\x00"
TILE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")
WEB_MERCATOR = CRS.from_epsg(3857)


@dataclass(frozen=True)
class RasterInfo:
    """What a checked raster is: kind, size, CRS and where it lies (lon/lat, WGS 84)."""

    path: str
    kind: str  # gdal | mbtiles | xyz
    crs_wkt: str
    bounds_lonlat: tuple[float, float, float, float]
    width: int = 0
    height: int = 0
    bands: int = 0
    dtype: str = "uint8"
    has_overviews: bool = True
    min_zoom: int = 0
    max_zoom: int = 22

    @property
    def crs(self) -> CRS:
        return CRS.from_wkt(self.crs_wkt)


def is_raster_path(path: str | Path) -> bool:
    """Whether *path* is opened as a raster (by suffix, or an XYZ tile folder)."""
    p = Path(path)
    if p.is_dir():
        return _xyz_zooms(p) != []
    return p.suffix.lower() in RASTER_SUFFIXES


def open_raster(path: str | Path, *, crs: str | None = None) -> RasterInfo:
    """Check *path* and describe it; *crs* (any pyproj input) answers a missing coordinate system.

    Raises DataReadError for a file that cannot be shown and NeedsAnswer (code ``raster.crs``)
    for a georeferenced image whose coordinate system is not stated.
    """
    p = Path(path)
    if not p.exists():
        raise DataReadError(QT_TRANSLATE_NOOP("errors", "{path} does not exist."), path=str(p))
    if p.is_dir():
        return _open_xyz(p)
    if p.suffix.lower() == ".mbtiles":
        return _open_mbtiles(p)
    return _open_gdal(p, crs)


# -- GDAL rasters ---------------------------------------------------------------------------------
def _open_gdal(p: Path, crs: str | None) -> RasterInfo:
    world = world_file(p)
    if world is not None:
        check_world_file(world)
    try:
        with quiet_open(p) as ds:
            _check_georeferenced(ds, p, world)
            _check_readable(ds, p)
            source_crs = _source_crs(ds, p, crs)
            bounds = transform_bounds(source_crs, "EPSG:4326", *ds.bounds, densify_pts=21)
            return RasterInfo(str(p), "gdal", source_crs.to_wkt(), tuple(float(b) for b in bounds),
                              ds.width, ds.height, ds.count, ds.dtypes[0], bool(ds.overviews(1)))
    except RasterioError as exc:
        raise DataReadError(QT_TRANSLATE_NOOP(
            "errors", "{path} is not a raster GDAL can read ({reason}). Check that the file is complete "
                      "and is a GeoTIFF, JPG or PNG."), path=p.name, reason=_first_line(exc)) from exc


@contextmanager
def quiet_open(path: str | Path):
    """rasterio.open without the warning for an image that has no georeferencing (we say so ourselves)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NotGeoreferencedWarning)
        ds = rasterio.open(path)
    try:
        yield ds
    finally:
        ds.close()


def world_file(p: Path) -> Path | None:
    """The world file beside image *p* (.tfw, .jgw, .pgw, .wld ...), any case, or None."""
    wanted = WORLD_FILES.get(p.suffix.lower(), ())
    for sibling in p.parent.glob(p.stem + ".*") if p.parent.exists() else ():
        if sibling.suffix.lower() in wanted and sibling.stem == p.stem:
            return sibling
    return None


def check_world_file(world: Path) -> tuple[float, ...]:
    """The six numbers of *world*; a DataReadError when they are missing or make no image."""
    try:
        values = tuple(float(v) for v in world.read_text(encoding="ascii", errors="replace").split()[:6])
    except ValueError:
        values = ()
    if len(values) != 6 or not all(np.isfinite(values)):
        raise DataReadError(QT_TRANSLATE_NOOP(
            "errors", "World file {path} must hold six numbers (pixel size, rotation, origin). "
                      "Correct it or delete it."), path=world.name)
    a, d, b, e = values[:4]
    if a * e - b * d == 0:
        raise DataReadError(QT_TRANSLATE_NOOP(
            "errors", "World file {path} gives a pixel size of zero, so the image has no extent. "
                      "Correct its first and fourth lines (pixel width and height)."), path=world.name)
    return values


def _check_georeferenced(ds, p: Path, world: Path | None) -> None:
    if ds.transform.is_identity and not ds.gcps[0]:
        raise DataReadError(QT_TRANSLATE_NOOP(
            "errors", "{path} has no georeferencing and no world file: the map cannot place it. "
                      "Add a world file ({world}) beside it, or georeference it in a GIS first."),
            path=p.name, world=" / ".join(WORLD_FILES.get(p.suffix.lower(), (".wld",))[:1]))
    if ds.transform.is_identity:
        raise DataReadError(QT_TRANSLATE_NOOP(
            "errors", "{path} is placed by control points only; warp it to a georeferenced GeoTIFF "
                      "in a GIS first."), path=p.name)


def _check_readable(ds, p: Path) -> None:
    """Read the first and the last block of every band: a truncated file fails here, not on the map."""
    rows, cols = ds.block_shapes[0]
    last_row, last_col = (ds.height - 1) // rows, (ds.width - 1) // cols
    try:
        ds.read(window=ds.block_window(1, 0, 0))
        ds.read(window=ds.block_window(1, last_row, last_col))
    except RasterioError as exc:
        raise DataReadError(QT_TRANSLATE_NOOP(
            "errors", "{path} is damaged or incomplete (perhaps a copy that did not finish): {reason}. "
                      "Copy it again."), path=p.name, reason=_first_line(exc)) from exc


def _source_crs(ds, p: Path, answer: str | None) -> CRS:
    if answer is not None:
        return CRS.from_user_input(answer)
    if ds.crs is not None:
        return CRS.from_wkt(ds.crs.to_wkt())
    b = ds.bounds
    info = infer_crs(np.array([b.left, b.right]), np.array([b.bottom, b.top]))
    candidates = list(dict.fromkeys(c.epsg for c in info.candidates if c.datum is None))  # no web-map shift for images
    raise NeedsAnswer("raster.crs", QT_TRANSLATE_NOOP(
        "errors", "{path} does not say which coordinate system its world file uses. Choose it "
                  "(most likely: {likely})."), path=p.name, option="crs",
        likely=f"EPSG:{candidates[0]}" if candidates else "?", candidates=candidates)


# -- tile caches ----------------------------------------------------------------------------------
def _open_mbtiles(p: Path) -> RasterInfo:
    with open(p, "rb") as fh:
        magic = fh.read(len(SQLITE_MAGIC))
    if magic != SQLITE_MAGIC:
        raise DataReadError(QT_TRANSLATE_NOOP(
            "errors", "{path} is not an MBTiles file (it is not an SQLite database). Export the tiles "
                      "again as MBTiles."), path=p.name)
    try:
        con = sqlite3.connect(f"{p.absolute().as_uri()}?mode=ro", uri=True)
        try:
            meta = dict(con.execute("SELECT name, value FROM metadata").fetchall())
            zooms = con.execute("SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles").fetchone()
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise DataReadError(QT_TRANSLATE_NOOP(
            "errors", "{path} is not a readable MBTiles file (no tiles or metadata table: {reason})."),
            path=p.name, reason=str(exc)) from exc
    if zooms[0] is None:
        raise DataReadError(QT_TRANSLATE_NOOP("errors", "{path} holds no tiles."), path=p.name)
    bounds = _mbtiles_bounds(meta.get("bounds"), zooms[0], p)
    return RasterInfo(str(p), "mbtiles", WEB_MERCATOR.to_wkt(), bounds, min_zoom=int(zooms[0]),
                      max_zoom=int(zooms[1]))


def _mbtiles_bounds(text: str | None, zoom: int, p: Path) -> tuple[float, float, float, float]:
    try:
        w, s, e, n = (float(v) for v in str(text).split(","))
        if -180 <= w < e <= 180 and -90 <= s < n <= 90:
            return w, s, e, n
    except ValueError:
        pass
    return tile_range_lonlat_from_db(p, zoom)


def tile_range_lonlat_from_db(p: Path, zoom: int) -> tuple[float, float, float, float]:
    con = sqlite3.connect(f"{p.absolute().as_uri()}?mode=ro", uri=True)
    try:
        x0, x1, r0, r1 = con.execute("SELECT MIN(tile_column), MAX(tile_column), MIN(tile_row), "
                                     "MAX(tile_row) FROM tiles WHERE zoom_level=?", (zoom,)).fetchone()
    finally:
        con.close()
    n = 2 ** zoom
    return tiles_lonlat(zoom, x0, x1, n - 1 - r1, n - 1 - r0)


def _xyz_zooms(folder: Path) -> list[int]:
    try:
        return sorted(int(d.name) for d in folder.iterdir() if d.is_dir() and d.name.isdigit() and int(d.name) <= 24)
    except OSError:
        return []


def _open_xyz(folder: Path) -> RasterInfo:
    zooms = [z for z in _xyz_zooms(folder) if _xyz_tiles(folder, z)]
    if not zooms:
        raise DataReadError(QT_TRANSLATE_NOOP(
            "errors", "Folder {path} holds no map tiles: an XYZ tile folder has zoom folders "
                      "(0–24) with x folders and y.png or y.jpg files."), path=folder.name)
    tiles = _xyz_tiles(folder, zooms[0])
    xs, ys = [t[0] for t in tiles], [t[1] for t in tiles]
    bounds = tiles_lonlat(zooms[0], min(xs), max(xs), min(ys), max(ys))
    return RasterInfo(str(folder), "xyz", WEB_MERCATOR.to_wkt(), bounds, min_zoom=zooms[0], max_zoom=zooms[-1])


def _xyz_tiles(folder: Path, z: int) -> list[tuple[int, int]]:
    found = []
    for xdir in (folder / str(z)).iterdir():
        if xdir.is_dir() and xdir.name.isdigit():
            found += [(int(xdir.name), int(f.stem)) for f in xdir.iterdir()
                      if f.stem.isdigit() and f.suffix.lower() in TILE_SUFFIXES]
    return found


def tiles_lonlat(z: int, x0: int, x1: int, y0: int, y1: int) -> tuple[float, float, float, float]:
    """Lon/lat bounds of XYZ tiles x0..x1, y0..y1 (y down) at zoom *z*."""
    n = 2.0 ** z

    def lat(y: float) -> float:
        return float(np.degrees(np.arctan(np.sinh(np.pi * (1 - 2 * y / n)))))

    return x0 / n * 360 - 180, lat(y1 + 1), (x1 + 1) / n * 360 - 180, lat(y0)


def _first_line(exc: BaseException) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0][:200]
