"""Local rasters: opening, checking bad files, rendering Web Mercator tiles."""

from __future__ import annotations

import math

import numpy as np
import pytest
from pyproj import Transformer

from gis.errors import DataReadError, NeedsAnswer
from gis.raster.source import open_raster
from gis.raster.tiles import TileSource
from tests.gis.raster_samples import CRS, ORIGIN, geotiff, mbtiles, png_tile, world_image


def tile_pixel(lon: float, lat: float, z: int) -> tuple[int, int, int, int, int]:
    """(x, y) of the tile holding lon/lat at zoom z, and the pixel (col, row) inside it."""
    n = 2 ** z
    fx = (lon + 180) / 360 * n
    fy = (1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n
    return z, int(fx), int(fy), int((fx % 1) * 256), int((fy % 1) * 256)


def lonlat(x: float, y: float) -> tuple[float, float]:
    return Transformer.from_crs(CRS, "EPSG:4326", always_xy=True).transform(x, y)


def colour_at(source: TileSource, x: float, y: float, z: int = 18) -> tuple[int, ...]:
    z, tx, ty, col, row = tile_pixel(*lonlat(x, y), z)
    rgba = source.render(z, tx, ty)
    assert rgba is not None
    return tuple(int(v) for v in rgba[:, row, col])


def test_geotiff_tile_puts_each_quadrant_where_it_lies(tmp_path):
    info = open_raster(geotiff(tmp_path / "ortho.tif"))
    assert info.kind == "gdal" and (info.width, info.height, info.bands) == (400, 400, 3)
    assert 116.9 < info.bounds_lonlat[0] < 117.1 and 36.6 < info.bounds_lonlat[1] < 36.7
    source = TileSource(info)
    x0, y0 = ORIGIN
    assert colour_at(source, x0 + 100, y0 - 100) == (255, 0, 0, 255)  # red, top-left
    assert colour_at(source, x0 + 300, y0 - 100) == (0, 255, 0, 255)
    assert colour_at(source, x0 + 100, y0 - 300) == (0, 0, 255, 255)
    assert colour_at(source, x0 - 50, y0 + 50)[3] == 0  # outside the image: transparent
    z, tx, ty, _, _ = tile_pixel(*lonlat(x0 + 100, y0 - 100), 18)
    assert source.tile(z, tx, ty).startswith(b"\xff\xd8")  # opaque: JPEG
    assert source.tile(18, 0, 0) is None  # far away: no tile at all


def test_world_file_image_asks_for_its_crs_then_opens(tmp_path):
    image = world_image(tmp_path / "scan.png")
    with pytest.raises(NeedsAnswer) as err:
        open_raster(image)
    assert err.value.code == "raster.crs"
    assert err.value.params["candidates"], "eastings near 500,000 m offer Gauss-Krüger zones"
    info = open_raster(image, crs=CRS)
    assert colour_at(TileSource(info), ORIGIN[0] + 150, ORIGIN[1] - 150) == (255, 255, 255, 255)


@pytest.mark.parametrize("make, words", [
    (lambda d: world_image(d / "plain.png", world=""), "no georeferencing and no world file"),
    (lambda d: world_image(d / "flat.jpg", world="0\n0\n0\n0\n500000\n4060000\n"), "pixel size of zero"),
    (lambda d: world_image(d / "short.jpg", world="1\n0\n"), "six numbers"),
])
def test_bad_georeferencing_gets_one_clear_message(tmp_path, make, words):
    with pytest.raises(DataReadError) as err:
        open_raster(make(tmp_path))
    assert words in err.value.message


def test_truncated_tiff_is_refused_when_opened(tmp_path):
    path = geotiff(tmp_path / "cut.tif", size=600)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(DataReadError) as err:
        open_raster(path)
    assert "damaged or incomplete" in err.value.message


def test_mbtiles_not_sqlite_is_refused(tmp_path):
    path = tmp_path / "tiles.mbtiles"
    path.write_bytes(b"PK\x03\x04 this is a zip, not SQLite" * 20)
    with pytest.raises(DataReadError) as err:
        open_raster(path)
    assert "not an SQLite database" in err.value.message


def test_mbtiles_serves_its_tiles_in_xyz_numbering(tmp_path):
    red = png_tile((255, 0, 0))
    info = open_raster(mbtiles(tmp_path / "t.mbtiles", {(3, 6, 3): red}))
    assert (info.kind, info.min_zoom, info.max_zoom) == ("mbtiles", 3, 3)
    source = TileSource(info)
    assert source.tile(3, 6, 3) == red
    assert source.tile(3, 6, 4) is None


def test_xyz_folder_serves_its_files(tmp_path):
    folder = tmp_path / "tiles"
    (folder / "4" / "13").mkdir(parents=True)
    blue = png_tile((0, 0, 255))
    (folder / "4" / "13" / "6.png").write_bytes(blue)
    info = open_raster(folder)
    assert info.kind == "xyz" and info.bounds_lonlat[0] == pytest.approx(112.5)
    assert TileSource(info).tile(4, 13, 6) == blue


def test_empty_folder_is_not_a_tile_folder(tmp_path):
    with pytest.raises(DataReadError, match="holds no map tiles"):
        open_raster(tmp_path)


def test_one_band_elevations_are_stretched_to_grey(tmp_path):
    import rasterio
    from rasterio.transform import from_origin

    path = tmp_path / "dem.tif"
    values = np.linspace(0, 1000, 200 * 200, dtype=np.float32).reshape(200, 200)
    with rasterio.open(path, "w", driver="GTiff", width=200, height=200, count=1, dtype="float32", crs=CRS,
                       transform=from_origin(*ORIGIN, 1, 1)) as ds:
        ds.write(values, 1)
    source = TileSource(open_raster(path))
    top, bottom = colour_at(source, ORIGIN[0] + 100, ORIGIN[1] - 5), colour_at(source, ORIGIN[0] + 100, ORIGIN[1] - 195)
    assert top[0] == top[1] == top[2] < 30 and bottom[0] > 225
