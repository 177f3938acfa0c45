"""A 20,000 × 20,000 × 3 GeoTIFF without overviews: open to the first drawn view, then panning.

The file (tiled 256, uncompressed, ~1.2 GB, CGCS2000 3° zone CM 117E, 0.1 m pixels) is made
once in the temp folder (never in the repo). Measured in one process:

* open: check the file (gis.raster.source), build the overviews (gis.raster.pyramid), and render
  every tile of the first view (1600 × 1000 px fitted to the image) — the first drawn view; then
  the same with the overviews found in the cache, and in a real window (page drawn, tiles loaded);
* pan: tiles along a pan across the image at a zoom near full resolution (z 20) and at a
  zoomed-out zoom (z 16), each tile warped to Web Mercator and PNG-encoded as the map gets it,
  beside the peer: rasterio reading the same window of the same file into 256 × 256 (no warp,
  no encoding). Median and 95th percentile of each, wall and CPU time, and the ratio.

    python bench/bench_raster.py [--size 20000] [--keep]
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CRS = "EPSG:4548"
ORIGIN = (500_000.0, 4_060_000.0)
PIXEL = 0.1


def make_big(path: Path, size: int) -> None:
    """A striped-colour image written block row by block row (no overviews)."""
    import numpy as np
    import rasterio
    from rasterio.transform import from_origin
    from rasterio.windows import Window

    if path.exists() and path.stat().st_size > size * size * 3:
        return
    profile = dict(driver="GTiff", width=size, height=size, count=3, dtype="uint8", crs=CRS, tiled=True,
                   blockxsize=256, blockysize=256, transform=from_origin(*ORIGIN, PIXEL, PIXEL), BIGTIFF="YES")
    cols = np.arange(size, dtype=np.uint32)
    with rasterio.open(path, "w", **profile) as ds:
        for row in range(0, size, 1024):
            rows = min(1024, size - row)
            r = np.arange(row, row + rows, dtype=np.uint32)[:, None]
            band = ((cols[None, :] // 7 + r // 5) % 256).astype(np.uint8)
            ds.write(np.stack([band, band[::-1], (band + 128).astype(np.uint8)]), window=Window(0, row, size, rows))


def lonlat_tile(lon: float, lat: float, z: int) -> tuple[int, int]:
    n = 2 ** z
    return int((lon + 180) / 360 * n), int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)


def view_tiles(bounds, width_px: int = 1600, height_px: int = 1000) -> list[tuple[int, int, int]]:
    """The tiles Leaflet asks for to show *bounds* (lon/lat) fitted in a width × height view."""
    w, s, e, n = bounds
    for z in range(22, 0, -1):
        x0, y0 = lonlat_tile(w, n, z)
        x1, y1 = lonlat_tile(e, s, z)
        if (x1 - x0 + 1) * 256 <= width_px + 256 and (y1 - y0 + 1) * 256 <= height_px + 256:
            return [(z, x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]
    return [(0, 0, 0)]


def timed(fn, *args):
    w, c = time.perf_counter(), time.process_time()
    fn(*args)
    return (time.perf_counter() - w) * 1000, (time.process_time() - c) * 1000


def pan_tiles(bounds, z: int, count: int) -> list[tuple[int, int, int]]:
    """Tiles a pan across the middle of the image meets, row by row of the view (5 tiles high)."""
    w, s, e, n = bounds
    x0, y0 = lonlat_tile(w + (e - w) * 0.05, n - (n - s) * 0.4, z)
    span = max(1, lonlat_tile(e - (e - w) * 0.05, n, z)[0] - x0)  # pan east, then again from the west
    rows = max(1, min(5, lonlat_tile(w, s, z)[1] - y0))
    return [(z, x0 + (step // rows) % span, y0 + step % rows) for step in range(count)]


def raw_read(ds, to_source, z, x, y):
    """The peer: the same window of the original file, read by rasterio into 256 × 256."""
    from rasterio.errors import WindowError
    from rasterio.windows import Window, from_bounds

    from gis.raster.tiles import tile_bounds

    sb = to_source.transform_bounds(*tile_bounds(z, x, y))
    try:
        window = from_bounds(*sb, transform=ds.transform).intersection(Window(0, 0, ds.width, ds.height))
    except WindowError:  # the tile lies outside the image
        return
    ds.read(window=window, out_shape=(3, 256, 256))


def window_first_view(path: Path | None) -> float:
    """Seconds from showing a window with the raster (or none) to its first view drawn (every tile loaded)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    os.environ.setdefault("OCP_CONFIG_DIR", tempfile.mkdtemp(prefix="ocp-bench-config-"))
    from PySide6.QtCore import QEventLoop, QTimer

    from gis.project import Project
    from gis.raster.layer import open_raster_layer
    from gis.settings import Settings
    from gui.app import setup_app
    from gui.main_window import MainWindow

    setup_app("zh_CN")
    project = Project()
    t0 = time.perf_counter()
    if path is not None:
        project.add_raster(open_raster_layer(path))
    win = MainWindow(project, Settings(autosave_minutes=0))
    win.resize(1600, 1000)
    loop = QEventLoop()
    win.map.drawnAll.connect(loop.quit)
    QTimer.singleShot(120_000, loop.quit)
    win.show()
    win.map.zoom_to_project()
    loop.exec()
    elapsed = time.perf_counter() - t0
    win.shutdown()
    return elapsed


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=20000)
    parser.add_argument("--tiles", type=int, default=200)
    parser.add_argument("--keep", action="store_true", help="keep the big file for the next run")
    args = parser.parse_args()
    import rasterio
    from pyproj import Transformer

    from gis.raster import pyramid
    from gis.raster.source import open_raster
    from gis.raster.tiles import TileSource

    folder = Path(tempfile.gettempdir()) / "ocp-bench-raster"
    folder.mkdir(exist_ok=True)
    os.environ["OCP_CACHE_DIR"] = str(folder / "cache")
    import shutil

    shutil.rmtree(folder / "cache", ignore_errors=True)  # the overviews are part of what is measured
    big = folder / f"ortho_{args.size}.tif"
    t = time.perf_counter()
    make_big(big, args.size)
    print(f"test image {big} ({big.stat().st_size / 2**30:.2f} GiB) ready in {time.perf_counter() - t:.1f} s")
    print(f"load average at start: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")

    wall0, cpu0 = time.perf_counter(), time.process_time()
    info = open_raster(big)
    t_open = time.perf_counter() - wall0
    levels = pyramid.build_pyramid(info)
    t_pyramid = time.perf_counter() - wall0 - t_open
    source = TileSource(info, levels)
    first = view_tiles(info.bounds_lonlat)
    for tile in first:
        source.tile(*tile)
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    print(f"open to first drawn view: {wall:.1f} s wall, {cpu:.1f} s CPU (check {t_open * 1000:.0f} ms, "
          f"overviews {t_pyramid:.1f} s for {len(levels)} levels, {len(first)} tiles of the first view)")
    print(f"overviews on disk: {sum(p.stat().st_size for _, p in levels) / 2**20:.0f} MiB")
    wall0, cpu0 = time.perf_counter(), time.process_time()
    again = TileSource(open_raster(big), pyramid.build_pyramid(open_raster(big)))
    for tile in first:
        again.tile(*tile)
    print(f"open again (overviews found in the cache) to first drawn view: {time.perf_counter() - wall0:.2f} s wall, "
          f"{time.process_time() - cpu0:.2f} s CPU")
    empty = window_first_view(None)  # starts Chromium and loads the page once: the baseline
    print(f"in a window (QtWebEngine page, overviews cached): first view drawn in {window_first_view(big):.2f} s "
          f"(an empty window, the first in the process: {empty:.2f} s)")

    with rasterio.open(big) as ds:
        to_source = Transformer.from_crs("EPSG:3857", CRS, always_xy=True)
        for z in (20, 18, 16):
            tiles = pan_tiles(info.bounds_lonlat, z, args.tiles)
            ours = [timed(source.tile, *tile) for tile in tiles]
            peer = [timed(raw_read, ds, to_source, *tile) for tile in tiles]
            om, pm = statistics.median(w for w, _ in ours), statistics.median(w for w, _ in peer)
            print(f"z{z} pan, {len(tiles)} tiles: ours median {om:.1f} ms, p95 {pct([w for w, _ in ours], .95):.1f} ms "
                  f"(CPU median {statistics.median(c for _, c in ours):.1f} ms) | rasterio window read median "
                  f"{pm:.1f} ms, p95 {pct([w for w, _ in peer], .95):.1f} ms | ratio ours/peer {om / pm:.2f}")
    if not args.keep:
        big.unlink()
        shutil.rmtree(folder / "cache", ignore_errors=True)


if __name__ == "__main__":
    main()
