"""One small valid file of every supported format, for the fuzz test to damage.

Each :class:`Sample` names the path the importer is given (``target``: a .shp, a zip, a
.gdb folder ...) and the files a mutant may damage (``victims``, all inside one folder so a
case can copy the folder and damage its copy).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

import ezdxf
import osmium
import pandas as pd
import pyogrio

from tests.gis.fuzz_worker import OSM
from tests.gis.io_samples import LAT0, LON0, NAMES, compounds, facilities, shp_parts, write_shp, zip_files

INSPECT = "inspect"  # the entry point of every sample but the OSM ones


@dataclass(frozen=True)
class Sample:
    fmt: str
    folder: Path  # everything the sample consists of lives here
    target: str  # path relative to folder given to the reader
    victims: tuple[str, ...]  # files (relative to folder) a mutant may damage
    entry: str = INSPECT


def _write(gdf, path: Path, **kw) -> Path:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # GDAL's notes on field types of some drivers
        pyogrio.write_dataframe(gdf, path, **kw)
    return path


def _files(folder: Path) -> tuple[str, ...]:
    return tuple(sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()))


def _shp(d: Path) -> str:
    write_shp(compounds(), d / "小区.shp", encoding="GBK", cpg=True)
    return "小区.shp"


def _shp_zip(d: Path) -> str:
    parts = shp_parts(write_shp(compounds(), d / "src" / "a.shp", encoding="GBK", cpg=False, ldid=0x4D))
    zip_files(d / "数据.zip", parts, folder="成果")
    for p in parts:
        p.unlink()
    (d / "src").rmdir()
    return "数据.zip"


def _gpkg(d: Path) -> str:
    path = _write(compounds(), d / "a.gpkg", layer="小区")
    _write(facilities(), path, layer="设施")
    return "a.gpkg"


def _geojson(d: Path) -> str:
    (d / "a.geojson").write_text(compounds().to_json(ensure_ascii=False), encoding="utf-8")
    return "a.geojson"


def _kml(d: Path) -> str:
    _write(compounds().to_crs(4326), d / "a.kml", driver="KML")
    return "a.kml"


def _kmz(d: Path) -> str:
    _write(compounds().to_crs(4326), d / "a.kmz", driver="LIBKML")
    return "a.kmz"


def _gdb(d: Path) -> str:
    gdb = _write(compounds("EPSG:4548"), d / "成果.gdb", layer="XQ", driver="OpenFileGDB")
    _write(facilities().to_crs(4548), gdb, layer="SS", driver="OpenFileGDB")
    return "成果.gdb"


def _dxf(d: Path) -> str:
    """GK zone 39 coordinates with prefix; closed polylines, a label, block inserts, a line."""
    x0, y0 = 39_500_000.0, 4_400_000.0
    doc = ezdxf.new("R2010")
    msp = doc.modelspace()
    doc.layers.add("小区边界")
    block = doc.blocks.new("TREE")
    block.add_circle((0, 0), 2)
    block.add_lwpolyline([(0, 0), (3, 0), (3, 3)], close=True)
    msp.add_lwpolyline([(x0, y0), (x0 + 100, y0), (x0 + 100, y0 + 80), (x0, y0 + 80)], close=True,
                       dxfattribs={"layer": "小区边界"})
    msp.add_text("阳光花园", dxfattribs={"layer": "小区边界", "insert": (x0 + 40, y0 + 40)})
    msp.add_blockref("TREE", (x0 + 10, y0 + 10))
    grid = msp.add_blockref("TREE", (x0 + 50, y0 + 10))  # a MINSERT: 2 x 2 trees
    grid.dxf.column_count, grid.dxf.row_count, grid.dxf.column_spacing, grid.dxf.row_spacing = 2, 2, 5, 5
    msp.add_line((x0, y0 + 100), (x0 + 300, y0 + 100), dxfattribs={"layer": "道路"})
    msp.add_mtext("幸福里", dxfattribs={"insert": (x0 + 200, y0 + 40)})
    doc.saveas(d / "a.dxf")
    return "a.dxf"


def _table() -> pd.DataFrame:
    return pd.DataFrame({"名称": NAMES, "经度": [LON0, "116°21′40.5″E", LON0 + 0.01],
                         "纬度": [LAT0, 39.912, "N39.9°"], "户数": [320, 150, 96]})


def _csv(d: Path) -> str:
    _table().to_csv(d / "a.csv", index=False, encoding="utf-8-sig")
    return "a.csv"


def _xlsx(d: Path) -> str:
    with pd.ExcelWriter(d / "a.xlsx") as writer:
        pd.DataFrame([["某街道 小区台账"]]).to_excel(writer, sheet_name="台账", index=False,
                                                    header=False)
        _table().to_excel(writer, sheet_name="台账", index=False, startrow=2)
    return "a.xlsx"


def _osm(d: Path, name: str, fmt: str = "") -> str:
    """A 4 x 4 lattice of footways over the compounds (XML or PBF by the suffix or *fmt*)."""
    writer = osmium.SimpleWriter(osmium.io.File(str(d / name), fmt) if fmt else str(d / name))
    try:
        for k in range(16):
            i, j = divmod(k, 4)
            writer.add_node(osmium.osm.mutable.Node(id=k + 1, location=(LON0 + i * 0.001, LAT0 + j * 0.001),
                                                    tags={"name": f"路口{k}"} if k % 5 == 0 else {}))
        for i in range(4):
            writer.add_way(osmium.osm.mutable.Way(id=i + 1, nodes=[i * 4 + j + 1 for j in range(4)],
                                                  tags={"highway": "footway", "name": "幸福路"}))
            writer.add_way(osmium.osm.mutable.Way(id=i + 11, nodes=[j * 4 + i + 1 for j in range(4)],
                                                  tags={"highway": "residential"}))
    finally:
        writer.close()
    return name


BUILDERS = {
    "shp": _shp, "shp.zip": _shp_zip, "gpkg": _gpkg, "geojson": _geojson, "kml": _kml, "kmz": _kmz,
    "gdb": _gdb, "dxf": _dxf, "csv": _csv, "xlsx": _xlsx,
    "osm": lambda d: _osm(d, "roads.osm"),
    "pbf": lambda d: _osm(d, "roads.osm.pbf", "pbf,pbf_compression=none"),  # damage the data, not zlib
}
FORMATS = tuple(BUILDERS)


def build(fmt: str, root: Path) -> Sample:
    """Write the *fmt* sample into a new folder under *root*."""
    folder = root / fmt.replace(".", "_")
    folder.mkdir(parents=True)
    target = BUILDERS[fmt](folder)
    entry = OSM if fmt in ("osm", "pbf") else INSPECT
    return Sample(fmt, folder, target, _files(folder), entry)

