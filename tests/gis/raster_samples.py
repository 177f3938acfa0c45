"""Small rasters made by the tests themselves (rasterio), in a CGCS2000 3-degree zone near Jinan."""

from __future__ import annotations

import sqlite3
import warnings
from pathlib import Path

import numpy as np
import rasterio
from rasterio.transform import from_origin

ORIGIN = (500_000.0, 4_060_000.0)  # EPSG:4548 (CM 117E), Jinan
CRS = "EPSG:4548"


def quadrant_rgb(size: int) -> np.ndarray:
    """Red top-left, green top-right, blue bottom-left, white bottom-right."""
    out = np.zeros((3, size, size), dtype=np.uint8)
    h = size // 2
    out[0, :h, :h] = 255
    out[1, :h, h:] = 255
    out[2, h:, :h] = 255
    out[:, h:, h:] = 255
    return out


def geotiff(path: Path, size: int = 400, pixel: float = 1.0, *, crs: str | None = CRS,
            origin: tuple[float, float] = ORIGIN, **extra) -> Path:
    profile = dict(driver="GTiff", width=size, height=size, count=3, dtype="uint8",
                   transform=from_origin(*origin, pixel, pixel), **extra)
    if crs:
        profile["crs"] = crs
    with rasterio.open(path, "w", **profile) as ds:
        ds.write(quadrant_rgb(size))
    return path


def world_image(path: Path, size: int = 200, pixel: float = 1.0, *, world: str | None = None) -> Path:
    """A PNG/JPG with no CRS and (unless *world* is '') a world file beside it."""
    driver = "PNG" if path.suffix.lower() == ".png" else "JPEG"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", rasterio.errors.NotGeoreferencedWarning)
        ds = rasterio.open(path, "w", driver=driver, width=size, height=size, count=3, dtype="uint8")
    with ds:
        ds.write(quadrant_rgb(size))
    for extra in path.parent.glob(path.name + ".aux.xml"):
        extra.unlink()
    if world != "":
        suffix = {".png": ".pgw", ".jpg": ".jgw"}[path.suffix.lower()]
        text = world if world is not None else f"{pixel}\n0\n0\n{-pixel}\n{ORIGIN[0] + pixel / 2}\n{ORIGIN[1] - pixel / 2}\n"
        path.with_suffix(suffix).write_text(text)
    return path


def png_tile(colour: tuple[int, int, int]) -> bytes:
    from gis.raster.tiles import encode_png

    rgba = np.zeros((4, 256, 256), dtype=np.uint8)
    rgba[:3] = np.array(colour, dtype=np.uint8)[:, None, None]
    rgba[3] = 255
    return encode_png(rgba)


def mbtiles(path: Path, tiles: dict[tuple[int, int, int], bytes]) -> Path:
    """MBTiles with XYZ-numbered *tiles* (stored TMS-flipped, as the format says)."""
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    con.execute("CREATE TABLE tiles (zoom_level INT, tile_column INT, tile_row INT, tile_data BLOB)")
    con.executemany("INSERT INTO metadata VALUES (?, ?)", [("name", "t"), ("format", "png")])
    con.executemany("INSERT INTO tiles VALUES (?, ?, ?, ?)",
                    [(z, x, 2 ** z - 1 - y, data) for (z, x, y), data in tiles.items()])
    con.commit()
    con.close()
    return path
