"""Web Mercator tiles (256 px, XYZ numbering, as Leaflet asks for them) from a checked raster.

GDAL rasters: the tile's extent is taken to the raster's CRS, the matching window is read from
the overview level whose pixels are closest to (not coarser than) the tile's, and warped to the
tile grid in memory. Each thread keeps its own dataset handles (GDAL handles are not shared
between threads). Tile caches (MBTiles, XYZ folders) hand out their stored tiles unchanged.
"""

from __future__ import annotations

import io
import sqlite3
import threading
import warnings
from functools import cached_property
from pathlib import Path

import numpy as np
import rasterio
from affine import Affine
from PIL import Image
from pyproj import Transformer
from rasterio.crs import CRS as RioCRS
from rasterio.enums import Resampling
from rasterio.errors import NotGeoreferencedWarning
from rasterio.warp import reproject
from rasterio.windows import Window, from_bounds

from gis.raster.source import TILE_SUFFIXES, WEB_MERCATOR, RasterInfo

TILE = 256
HALF_WORLD = 20037508.342789244
MAX_READ = 2 * TILE  # source pixels read per tile side, at most
GDAL_WEB_MERCATOR = RioCRS.from_epsg(3857)
MAX_DECIMATION = 16  # without overviews, a tile reads at most 16 × its size from the full image


def tile_bounds(z: int, x: int, y: int) -> tuple[float, float, float, float]:
    """(west, south, east, north) of XYZ tile z/x/y in Web Mercator metres."""
    size = 2 * HALF_WORLD / 2 ** z
    west, north = -HALF_WORLD + x * size, HALF_WORLD - y * size
    return west, north - size, west + size, north


def valid_tile(z: int, x: int, y: int) -> bool:
    return 0 <= z <= 24 and 0 <= x < 2 ** z and 0 <= y < 2 ** z


def image_mime(data: bytes) -> str:
    if data.startswith(b"\x89PNG"):
        return "image/png"
    if data.startswith(b"\xff\xd8"):
        return "image/jpeg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return "application/octet-stream"


def encode_png(rgba: np.ndarray) -> bytes:
    """A (4, h, w) uint8 array as PNG bytes (fast compression)."""
    return _encode(Image.fromarray(np.ascontiguousarray(rgba.transpose(1, 2, 0)), "RGBA"), "PNG", compress_level=1)


def encode_jpeg(rgb: np.ndarray, quality: int = 88) -> bytes:
    """A (3, h, w) uint8 array as JPEG bytes (for tiles with no transparent pixel: smaller, faster)."""
    return _encode(Image.fromarray(np.ascontiguousarray(rgb.transpose(1, 2, 0)), "RGB"), "JPEG", quality=quality)


def _encode(image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


class TileSource:
    """Renders or looks up tiles of one raster; ``tile(z, x, y)`` -> image bytes or None (no data)."""

    def __init__(self, info: RasterInfo, levels: list[tuple[int, Path]] | None = None) -> None:
        self.info = info
        self.levels = [(1, Path(info.path))] + sorted(levels or [])
        self._local = threading.local()

    @property
    def lacks_overviews(self) -> bool:
        """Whether zoomed-out tiles would have to read the full-size image (no overviews of any kind)."""
        return len(self.levels) == 1 and self.info.kind == "gdal" and not self.info.has_overviews

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        if not valid_tile(z, x, y) or not self._overlaps(tile_bounds(z, x, y)):
            return None
        if self.info.kind == "mbtiles":
            return self._mbtiles(z, x, y)
        if self.info.kind == "xyz":
            return self._xyz(z, x, y)
        rgba = self.render(z, x, y)
        if rgba is None:
            return None
        return encode_jpeg(rgba[:3]) if rgba[3].min() == 255 else encode_png(rgba)

    @cached_property
    def mercator_bounds(self) -> tuple[float, float, float, float]:
        w, s, e, n = self.info.bounds_lonlat
        to_merc = Transformer.from_crs("EPSG:4326", WEB_MERCATOR, always_xy=True)
        (x0, x1), (y0, y1) = to_merc.transform([w, e], [max(s, -85.05), min(n, 85.05)])
        return x0, y0, x1, y1

    def _overlaps(self, b: tuple[float, float, float, float]) -> bool:
        m = self.mercator_bounds
        return b[0] < m[2] and b[2] > m[0] and b[1] < m[3] and b[3] > m[1]

    # -- tile caches ------------------------------------------------------------------------------
    def _mbtiles(self, z: int, x: int, y: int) -> bytes | None:
        con = getattr(self._local, "con", None)
        if con is None:
            con = self._local.con = sqlite3.connect(f"{Path(self.info.path).absolute().as_uri()}?mode=ro",
                                                    uri=True, check_same_thread=False)
        row = con.execute("SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?",
                          (z, x, 2 ** z - 1 - y)).fetchone()
        return bytes(row[0]) if row else None

    def _xyz(self, z: int, x: int, y: int) -> bytes | None:
        folder = Path(self.info.path) / str(z) / str(x)
        for suffix in TILE_SUFFIXES:
            path = folder / f"{y}{suffix}"
            if path.is_file():
                return path.read_bytes()
        return None

    # -- GDAL rasters -------------------------------------------------------------------------------
    @cached_property
    def _gdal_crs(self) -> RioCRS:
        """The raster's CRS for GDAL, by EPSG code when it has one (a WKT2 string costs ~150 ms a warp)."""
        code = self.info.crs.to_epsg()
        return RioCRS.from_epsg(code) if code else RioCRS.from_wkt(self.info.crs_wkt)

    @cached_property
    def _to_source(self) -> Transformer:
        return Transformer.from_crs(WEB_MERCATOR, self.info.crs, always_xy=True)

    def _dataset(self, path: Path):
        handles = self._local.__dict__.setdefault("ds", {})
        if path not in handles:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", NotGeoreferencedWarning)
                handles[path] = rasterio.open(path)
        return handles[path]

    def render(self, z: int, x: int, y: int) -> np.ndarray | None:
        """Tile z/x/y as a (4, 256, 256) RGBA array, or None when the raster has no pixel in it."""
        bounds = tile_bounds(z, x, y)
        sb = self._to_source.transform_bounds(*bounds, densify_pts=8)
        ds = self._dataset(self.level_for(sb)[1])
        read = self.read_window(ds, sb)
        if read is None:
            return None
        rgba, transform = read
        dst_transform = Affine((bounds[2] - bounds[0]) / TILE, 0, bounds[0], 0, -(bounds[3] - bounds[1]) / TILE,
                               bounds[3])
        out = self._affine_warp(rgba, transform, dst_transform)
        if out is None:  # a tile too large for one affine (zoomed far out): GDAL's warp
            out = np.zeros((4, TILE, TILE), dtype=np.uint8)
            reproject(rgba, out, src_transform=transform, src_crs=self._gdal_crs, dst_transform=dst_transform,
                      dst_crs=GDAL_WEB_MERCATOR, resampling=Resampling.bilinear, num_threads=1)
        return out if out[3].any() else None

    def _affine_warp(self, rgba: np.ndarray, src_transform: Affine, dst_transform: Affine) -> np.ndarray | None:
        """Warp by the affine map that fits the exact one on a 5 × 5 grid (None if it is off by ≥ 0.25 px).

        Over one tile down to zoom ~11 the projection change is that close to affine; scipy's
        bilinear resampling then costs a fraction of a GDAL warp.
        """
        from scipy.ndimage import affine_transform

        grid = np.linspace(0, TILE, 5)
        cols, rows = (a.ravel() for a in np.meshgrid(grid, grid))
        xs, ys = dst_transform @ (cols, rows)
        sx, sy = self._to_source.transform(xs, ys)
        scol, srow = ~src_transform @ (np.asarray(sx), np.asarray(sy))
        design = np.column_stack([rows, cols, np.ones_like(rows)])
        coef, *_ = np.linalg.lstsq(design, np.column_stack([srow, scol]), rcond=None)
        if np.abs(design @ coef - np.column_stack([srow, scol])).max() >= 0.25:
            return None
        matrix = coef[:2].T  # (src row, src col) = matrix @ (row, col) + offset, pixel centres at +0.5
        offset = coef[2] + matrix @ np.array([0.5, 0.5]) - 0.5
        opaque = bool(rgba[3].min() == 255)
        out = np.empty((4, TILE, TILE), dtype=np.uint8)
        for band in range(3 if opaque else 4):
            affine_transform(rgba[band], matrix, offset=offset, output_shape=(TILE, TILE), output=out[band],
                             order=1, mode="constant", cval=0)
        if opaque:  # alpha: whether each pixel centre falls inside the source window
            centre = np.arange(TILE) + 0.5
            src_r = matrix[0, 0] * centre[:, None] + matrix[0, 1] * centre[None, :] + coef[2, 0] - 0.5
            src_c = matrix[1, 0] * centre[:, None] + matrix[1, 1] * centre[None, :] + coef[2, 1] - 0.5
            h, w = rgba.shape[1:]
            out[3] = ((src_r > -0.5) & (src_r < h - 0.5) & (src_c > -0.5) & (src_c < w - 0.5)) * np.uint8(255)
        return out

    def level_for(self, sb) -> tuple[int, Path]:
        """The coarsest level with at least ~a tile's pixels across source bounds *sb* (else full size)."""
        across = max(from_bounds(*sb, transform=self._dataset(self.levels[0][1]).transform).width, 1e-9)
        return max((lv for lv in self.levels if across / lv[0] >= TILE * 0.9), default=self.levels[0])

    def read_window(self, ds, sb, max_side: int = MAX_READ):
        """The window of *ds* under *sb* as RGBA (at most *max_side* px a side) and its transform."""
        transform = self._dataset(self.levels[0][1]).transform @ Affine.scale(  # level pixels, base placement
            self.info.width / ds.width, self.info.height / ds.height)
        win = from_bounds(*sb, transform=transform)
        pad = 2 + int(0.03 * max(win.width, win.height))  # the warp's edge pixels need neighbours
        col0, row0 = max(int(np.floor(win.col_off)) - pad, 0), max(int(np.floor(win.row_off)) - pad, 0)
        col1 = min(int(np.ceil(win.col_off + win.width)) + pad, ds.width)
        row1 = min(int(np.ceil(win.row_off + win.height)) + pad, ds.height)
        if col1 <= col0 or row1 <= row0:
            return None
        window = Window(col0, row0, col1 - col0, row1 - row0)
        if max(window.width, window.height) > MAX_DECIMATION * max_side and self.lacks_overviews:
            return None  # zoomed far out on a large image whose overviews are still being built
        scale = min(1.0, max_side / max(window.width, window.height))
        shape = (max(1, round(window.height * scale)), max(1, round(window.width * scale)))
        rgba = self._rgba(ds, window, shape)
        win_transform = rasterio.windows.transform(window, transform)
        return rgba, win_transform @ Affine.scale(window.width / shape[1], window.height / shape[0])

    def _rgba(self, ds, window: Window, shape: tuple[int, int]) -> np.ndarray:
        bands = ds.read(window=window, out_shape=(ds.count, *shape), resampling=Resampling.bilinear)
        rgb = self._colours(ds, bands)
        if all(flag.name == "all_valid" for flag in ds.mask_flag_enums[0]):
            alpha = np.full(shape, 255, dtype=np.uint8)
        else:
            alpha = ds.read_masks(1, window=window, out_shape=shape, resampling=Resampling.nearest)
        return np.concatenate([rgb, alpha[None]], axis=0)

    def _colours(self, ds, bands: np.ndarray) -> np.ndarray:
        """Three uint8 bands: RGB as is, one band as grey or through its colour table, others stretched."""
        if bands.shape[0] == 1 and self._palette is not None:
            return self._palette[bands[0].astype(np.intp) % 256].transpose(2, 0, 1)
        rgb = bands[:3] if bands.shape[0] >= 3 else np.repeat(bands[:1], 3, axis=0)
        if rgb.dtype == np.uint8:
            return rgb
        lo, hi = self._stretch
        return np.clip((rgb.astype(np.float32) - lo) * (255.0 / max(hi - lo, 1e-9)), 0, 255).astype(np.uint8)

    @cached_property
    def _palette(self) -> np.ndarray | None:
        ds = self._dataset(self.levels[0][1])
        try:
            cmap = ds.colormap(1)
        except ValueError:
            return None
        table = np.zeros((256, 3), dtype=np.uint8)
        for k, colour in cmap.items():
            if 0 <= k < 256:
                table[k] = colour[:3]
        return table

    @cached_property
    def _stretch(self) -> tuple[float, float]:
        """2–98 % of the values of the coarsest level (for non-8-bit rasters such as elevations)."""
        ds = self._dataset(self.levels[-1][1])
        scale = min(1.0, 512 / max(ds.width, ds.height))
        sample = ds.read(1, out_shape=(max(1, int(ds.height * scale)), max(1, int(ds.width * scale))), masked=True)
        values = sample.compressed() if np.ma.isMaskedArray(sample) else sample.ravel()
        values = values[np.isfinite(values)] if values.size else values
        if not values.size:
            return 0.0, 1.0
        lo, hi = np.percentile(values, [2, 98])
        return float(lo), float(hi)

    def close(self) -> None:
        for ds in getattr(self._local, "ds", {}).values():
            ds.close()
