"""Small hostile files that used to hang or exhaust memory (made here, never copied).

Also runnable to write the issue-sized samples for a by-hand measurement:
``python -m tests.gis.hostile_files OUT_DIR``.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyogrio
from shapely.geometry import box

from tests.gis.io_samples import compounds


def _dxf(blocks: str, entities: str) -> str:
    return ("0\nSECTION\n2\nHEADER\n9\n$ACADVER\n1\nAC1009\n0\nENDSEC\n"
            "0\nSECTION\n2\nBLOCKS\n" + blocks + "0\nENDSEC\n"
            "0\nSECTION\n2\nENTITIES\n" + entities + "0\nENDSEC\n0\nEOF\n")


def _line() -> str:
    return "0\nLINE\n8\n0\n10\n0\n20\n0\n11\n1\n21\n1\n"


def _insert(name: str, *, cols: int = 1, rows: int = 1, x: float = 0.0) -> str:
    grid = f"70\n{cols}\n71\n{rows}\n44\n1\n45\n1\n" if cols > 1 or rows > 1 else ""
    return f"0\nINSERT\n8\n0\n2\n{name}\n10\n{x:g}\n20\n0\n{grid}"


def _block(name: str, body: str) -> str:
    return f"0\nBLOCK\n8\n0\n2\n{name}\n70\n0\n10\n0\n20\n0\n{body}0\nENDBLK\n"


def minsert_dxf(path: Path, cols: int = 30_000, rows: int = 30_000) -> Path:
    """A few hundred bytes: one MINSERT of a one-line block, *cols* × *rows* times."""
    path.write_text(_dxf(_block("B", _line()), _insert("B", cols=cols, rows=rows)))
    return path


def nested_dxf(path: Path, levels: int = 10, fan: int = 5) -> Path:
    """Blocks nested *levels* deep, each inserting the one below *fan* times."""
    blocks = _block("L0", _line())
    for k in range(1, levels):
        blocks += _block(f"L{k}", "".join(_insert(f"L{k - 1}", x=i) for i in range(fan)))
    path.write_text(_dxf(blocks, _insert(f"L{levels - 1}")))
    return path


def recursive_view_gpkg(path: Path) -> Path:
    """A GeoPackage with a good layer and a feature view whose recursive query never ends."""
    pyogrio.write_dataframe(compounds(), path, layer="小区")
    con = sqlite3.connect(path)
    con.executescript("""
        CREATE VIEW endless AS
          WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)
          SELECT n.i AS fid, t.geom AS geom FROM n, "小区" AS t WHERE n.i < 0;
        INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id)
          VALUES ('endless', 'features', 'endless', 4490);
        INSERT INTO gpkg_geometry_columns VALUES ('endless', 'geom', 'POLYGON', 4490, 0, 0);
    """)
    con.commit()
    con.close()
    return path


def stacked_squares(n: int = 20_000, *, crs: str = "EPSG:4547") -> gpd.GeoDataFrame:
    """*n* identical 100 m squares on one spot, plus two ordinary neighbours beside them."""
    x0, y0 = 500_000.0, 4_420_000.0
    geoms = [box(x0, y0, x0 + 100, y0 + 100)] * n
    geoms += [box(x0 + 110, y0, x0 + 210, y0 + 100), box(x0 + 220, y0, x0 + 320, y0 + 100)]
    return gpd.GeoDataFrame({"户数": np.full(len(geoms), 100)}, geometry=geoms, crs=crs)


def bit_flipped_shp(path: Path, *, n: int = 400, flips: int = 200, seed: int = 1) -> Path:
    """A grid of ~130 m compounds whose .shp gets *flips* random bit flips in its coordinates."""
    x0, y0 = 500_000.0, 4_420_000.0
    geoms = [box(x0 + 150 * (i % 20), y0 + 150 * (i // 20), x0 + 150 * (i % 20) + 134,
                 y0 + 150 * (i // 20) + 134) for i in range(n)]
    gdf = gpd.GeoDataFrame({"name": [f"c{i}" for i in range(n)], "hh": np.full(n, 100)},
                           geometry=geoms, crs="EPSG:4547")
    pyogrio.write_dataframe(gdf, path)
    data = bytearray(path.read_bytes())
    rng = np.random.default_rng(seed)
    for pos in rng.integers(100, len(data), flips):
        data[pos] ^= 1 << int(rng.integers(0, 8))
    path.write_bytes(bytes(data))
    return path


if __name__ == "__main__":
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    minsert_dxf(out / "minsert.dxf")
    nested_dxf(out / "nested.dxf")
    recursive_view_gpkg(out / "view.gpkg")
    pyogrio.write_dataframe(stacked_squares(), out / "stacked.gpkg")
    bit_flipped_shp(out / "flipped.shp", n=2_000)
    print("\n".join(str(p) for p in sorted(out.iterdir())))
