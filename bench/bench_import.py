"""Benchmark: importing 50,000 compound polygons with gis.io vs a bare pyogrio read + to_crs.

The compounds are made by tiling a generated block of jittered, densified outlines (~40
vertices each, like real AOI data) with GBK attributes (小区名称, 建成年代, 户数, 层数, 电梯),
written once to a temporary shapefile (no .cpg, LDID 0x4D, lon/lat CGCS2000) and GeoPackage.
Both sides read the same file and end in the same metric CRS; the importer also detects the
encoding and CRS, repairs and checks geometries, flags duplicates, maps and types the fields.
Target: importer ≤ 1.5 × bare.

    .venv/bin/python bench/bench_import.py [--n 50000] [--repeat 3] [--format shp|gpkg|both]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyogrio
import shapely

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gis.io import read_layer  # noqa: E402

TARGET = "EPSG:4548"  # CGCS2000 / 3-degree GK CM 117E
LON0, LAT0 = 116.30, 39.85


def _outline(x0, y0, w, h, rng, per_side=10):
    t = np.linspace(0.0, 1.0, per_side, endpoint=False)
    xs = np.concatenate([x0 + w * t, np.full_like(t, x0 + w), x0 + w * (1 - t), np.full_like(t, x0)])
    ys = np.concatenate([np.full_like(t, y0), y0 + h * t, np.full_like(t, y0 + h), y0 + h * (1 - t)])
    j = rng.uniform(-0.00001, 0.00001, size=(2, xs.size))
    return np.column_stack([xs + j[0], ys + j[1]])


def make_compounds(n: int, *, tile: int = 500, seed: int = 3) -> gpd.GeoDataFrame:
    """*n* compounds: a *tile* of outlines repeated on a grid (lon/lat, EPSG:4490)."""
    rng = np.random.default_rng(seed)
    side = int(np.ceil(np.sqrt(tile)))
    block = [_outline((i % side) * 0.0025, (i // side) * 0.0018, 0.0022, 0.0015, rng)
             for i in range(tile)]
    reps = int(np.ceil(n / tile))
    grid = int(np.ceil(np.sqrt(reps)))
    rings = []
    for r in range(reps):
        dx, dy = LON0 + (r % grid) * side * 0.0025, LAT0 + (r // grid) * side * 0.0018
        rings.extend(ring + (dx, dy) for ring in block)
    geoms = shapely.polygons(rings[:n])
    k = np.arange(n)
    return gpd.GeoDataFrame({
        "小区名称": [f"阳光花园{i}号院" for i in k],
        "建成年代": [f"{1975 + i % 40}年" for i in k],
        "户数": rng.integers(40, 900, n),
        "层数": rng.integers(3, 19, n),
        "电梯": np.where(rng.random(n) < 0.3, "有", "无"),
    }, geometry=geoms, crs="EPSG:4490")


def write_files(gdf: gpd.GeoDataFrame, folder: Path) -> dict[str, Path]:
    shp = folder / "小区边界.shp"
    pyogrio.write_dataframe(gdf, shp, encoding="GBK")
    shp.with_suffix(".cpg").unlink()
    dbf = shp.with_suffix(".dbf")
    data = bytearray(dbf.read_bytes())
    data[29] = 0x4D  # GBK language driver, as Chinese ArcGIS writes it
    dbf.write_bytes(bytes(data))
    gpkg = folder / "compounds.gpkg"
    pyogrio.write_dataframe(gdf, gpkg, layer="compounds")
    return {"shp": shp, "gpkg": gpkg}


def bare(path: Path) -> int:
    return len(pyogrio.read_dataframe(path).to_crs(TARGET))


def importer(path: Path) -> int:
    return len(read_layer(path, crs=TARGET).data)


def timed(fn, path: Path) -> tuple[float, float]:
    """(wall, CPU) seconds; CPU time is steadier on a machine shared with other work."""
    w0, c0 = time.perf_counter(), time.process_time()
    fn(path)
    return time.perf_counter() - w0, time.process_time() - c0


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=50_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--format", choices=["shp", "gpkg", "both"], default="both")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        files = write_files(make_compounds(args.n), Path(tmp))
        print(f"made {args.n:,} compounds in {time.perf_counter() - t0:.1f} s")
        assert bare(files["shp"]) == importer(files["shp"]) == args.n  # same result, warmed up
        for fmt in (["shp", "gpkg"] if args.format == "both" else [args.format]):
            path = files[fmt]
            b, i = [], []
            for _ in range(args.repeat):  # alternate so both see the same cache state
                b.append(timed(bare, path))
                i.append(timed(importer, path))
            for k, what in enumerate(("wall", "CPU ")):
                tb = statistics.median(t[k] for t in b)
                ti = statistics.median(t[k] for t in i)
                print(f"{fmt:5s} {what} bare pyogrio.read_dataframe + to_crs: {tb:6.2f} s   "
                      f"gis.io.read_layer: {ti:6.2f} s   ratio {ti / tb:4.2f} (target ≤ 1.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
