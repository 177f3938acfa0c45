"""Tiny files for the import dialog tests, written into the test's own folder."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pyogrio
from shapely.geometry import box

LON0, LAT0 = 116.36, 39.91  # Beijing 西城区; CGCS2000 3° GK CM 117E is EPSG:4548
NAMES = ["阳光花园", "幸福里小区", "和平里北街7号院"]


def compounds(crs: str = "EPSG:4490") -> gpd.GeoDataFrame:
    """Three ~170 m square compounds with the columns planners' tables have."""
    d = 0.002
    geoms = [box(LON0 + i * 0.004, LAT0, LON0 + i * 0.004 + d, LAT0 + d) for i in range(3)]
    gdf = gpd.GeoDataFrame({"小区名称": NAMES, "建成年代": ["1985年", "1992", "80年代"],
                            "户数": [320, 150, 96], "层数": ["6层", "5", "7"],
                            "电梯": ["无", "有", "否"], "备注": ["甲", "乙", "丙"]},
                           geometry=geoms, crs="EPSG:4490")
    return gdf.to_crs(crs) if crs != "EPSG:4490" else gdf


def shapefile(folder: Path, name: str, gdf: gpd.GeoDataFrame, *, encoding: str = "GBK",
              cpg: bool = True, prj: bool = True) -> Path:
    """A shapefile (GBK by default, as Chinese desktop GIS writes them: 小区名称 fits the DBF's
    10-byte field names only in GBK); without .cpg the DBF language driver byte is cleared too."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.shp"
    pyogrio.write_dataframe(gdf, path, encoding=encoding)
    if not cpg:
        path.with_suffix(".cpg").unlink(missing_ok=True)
        dbf = path.with_suffix(".dbf")
        data = bytearray(dbf.read_bytes())
        data[29] = 0
        dbf.write_bytes(bytes(data))
    if not prj:
        path.with_suffix(".prj").unlink(missing_ok=True)
    return path


def gbk_shapefile(folder: Path) -> Path:
    """Compounds in GBK with no .cpg and no language driver: the importer must detect it."""
    return shapefile(folder, "小区边界", compounds(), encoding="GBK", cpg=False)


def gk_shapefile_without_prj(folder: Path) -> Path:
    """Compounds in CGCS2000 GK CM 117E (eastings near 500,000 m), the .prj lost."""
    return shapefile(folder, "gk_compounds", compounds("EPSG:4548"), prj=False)


def facilities_csv(folder: Path) -> Path:
    """A point table with 经度/纬度 columns, names and AMap-style categories."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = [("金台社区卫生服务站", "医疗保健服务;诊所;诊所", LON0 + 0.001, LAT0 + 0.001),
            ("阳光长者食堂", "餐饮服务;中餐厅;中餐厅", LON0 + 0.002, LAT0 + 0.001),
            ("红黄蓝幼儿园", "科教文化服务;学校;幼儿园", LON0 + 0.003, LAT0 + 0.001),
            ("便民超市", "购物服务;便民商店/便利店;便民商店/便利店", LON0 + 0.004, LAT0 + 0.001)]
    path = folder / "设施.csv"
    lines = ["名称,类型,经度,纬度"] + [f"{n},{c},{x:.6f},{y:.6f}" for n, c, x, y in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def gcj02_geojson(folder: Path, lonlat: list[tuple[float, float]]) -> Path:
    """Points as AMap gives them (GCJ-02 lon/lat, no ``crs`` member)."""
    folder.mkdir(parents=True, exist_ok=True)
    features = [{"type": "Feature", "properties": {"name": f"小区{i}", "type": "住宅区;住宅小区"},
                 "geometry": {"type": "Point", "coordinates": [x, y]}}
                for i, (x, y) in enumerate(lonlat)]
    path = folder / "amap_poi.json"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features},
                               ensure_ascii=False), encoding="utf-8")
    return path


def two_layer_gpkg(folder: Path) -> Path:
    """A GeoPackage with a compounds layer and a facilities layer."""
    from shapely.geometry import Point

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "片区.gpkg"
    pyogrio.write_dataframe(compounds(), path, layer="小区")
    points = gpd.GeoDataFrame({"名称": ["社区卫生服务站", "长者食堂"]},
                              geometry=[Point(LON0 + 0.001, LAT0), Point(LON0 + 0.005, LAT0)],
                              crs="EPSG:4490")
    pyogrio.write_dataframe(points, path, layer="设施")
    return path


def two_folder_kml(folder: Path) -> Path:
    """A KML file with two folders (layers): 小区 (3 placemarks) and 其他 (1)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "片区.kml"
    gdf = compounds()[["小区名称", "geometry"]].rename(columns={"小区名称": "Name"})
    pyogrio.write_dataframe(gdf, path, layer="小区", driver="KML")
    pyogrio.write_dataframe(gdf.iloc[:1], path, layer="其他", driver="KML", append=True)
    return path
