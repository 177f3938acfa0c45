"""Tiny sample data for the import tests (made here, never copied from real data)."""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyogrio
from shapely.geometry import Point, box

# three compounds in Beijing's 西城区, lon/lat
LON0, LAT0 = 116.36, 39.91
NAMES = ["阳光花园", "幸福里小区", "和平里北街7号院"]


def compounds(crs: str = "EPSG:4490") -> gpd.GeoDataFrame:
    """Three square compounds (~180 m) with the attributes planners' tables have."""
    d = 0.002
    geoms = [box(LON0 + i * 0.004, LAT0, LON0 + i * 0.004 + d, LAT0 + d) for i in range(3)]
    gdf = gpd.GeoDataFrame({
        "小区名称": NAMES,
        "建成年代": ["1985年", "1992", "80年代"],
        "户数": [320, 150, 96],
        "层数": ["6层", "5", "7"],
        "电梯": ["无", "有", "否"],
    }, geometry=geoms, crs="EPSG:4490")
    return gdf.to_crs(crs) if crs != "EPSG:4490" else gdf


def facilities() -> gpd.GeoDataFrame:
    names = ["金台社区卫生服务站", "阳光长者食堂", "红黄蓝幼儿园", "XX宠物诊所", "便利店"]
    cats = ["医疗保健服务;诊所;诊所", "餐饮服务;中餐厅;中餐厅", "科教文化服务;学校;幼儿园",
            "医疗保健服务;诊所;诊所", "购物服务;便民商店/便利店;便民商店/便利店"]
    pts = [Point(LON0 + 0.001 * i, LAT0 + 0.001) for i in range(len(names))]
    return gpd.GeoDataFrame({"名称": names, "类型": cats}, geometry=pts, crs="EPSG:4490")


def write_shp(gdf: gpd.GeoDataFrame, path: Path, *, encoding: str = "UTF-8", cpg: bool = True,
              ldid: int | None = None, prj: bool = True) -> Path:
    """Write a shapefile with control over .cpg, the DBF LDID byte and .prj."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # GDAL notes that it cuts long field names to 10 bytes
        pyogrio.write_dataframe(gdf, path, encoding=encoding)
    if not cpg:
        path.with_suffix(".cpg").unlink(missing_ok=True)
    if ldid is not None:
        dbf = path.with_suffix(".dbf")
        data = bytearray(dbf.read_bytes())
        data[29] = ldid
        dbf.write_bytes(bytes(data))
    if not prj:
        path.with_suffix(".prj").unlink(missing_ok=True)
    return path


class _GbkInfo(zipfile.ZipInfo):
    """A member whose name is stored as GBK bytes without the UTF-8 flag (Chinese Windows)."""

    def _encodeFilenameFlags(self):  # noqa: N802 (zipfile's name)
        return self.filename.encode("gbk"), self.flag_bits & ~0x800


def zip_files(archive: Path, files: list[Path], *, gbk_names: bool = False,
              folder: str = "") -> Path:
    """Zip *files* (under *folder*); with *gbk_names* names are GBK bytes, no UTF-8 flag."""
    with zipfile.ZipFile(archive, "w") as zf:
        for f in files:
            name = f"{folder}/{f.name}" if folder else f.name
            if gbk_names:
                zf.writestr(_GbkInfo(name), f.read_bytes())
            else:
                zf.write(f, name)
    return archive


def shp_parts(path: Path) -> list[Path]:
    return sorted(p for p in path.parent.iterdir() if p.stem == path.stem)


def gk_points(n: int = 4, *, x0: float = 500_000.0, y0: float = 4_420_000.0,
              prefix: int = 0) -> gpd.GeoDataFrame:
    """Square polygons around (x0 + prefix·1e6, y0) with no CRS (as from a file without .prj)."""
    rng = np.random.default_rng(1)
    xs = x0 + prefix * 1_000_000 + rng.uniform(-2000, 2000, n)
    ys = y0 + rng.uniform(-2000, 2000, n)
    return gpd.GeoDataFrame({"名称": [f"{i}号院" for i in range(n)]},
                            geometry=[box(x, y, x + 100, y + 80) for x, y in zip(xs, ys)])
