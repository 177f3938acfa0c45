"""Exports at district scale, each beside a plain peer way of writing the same thing.

    .venv/bin/python bench/bench_export.py [N_COMPOUNDS=5000]

On a synthetic walled-compound city (bench/synthetic_city.py) with Chinese attributes:

* Shapefile GBK — ours (10-byte field names, GBK check, .cpg 936 + LDID) vs geopandas
  ``to_file`` (pyogrio) with no checks;
* KML — ours (ElementTree, shared styles, SchemaData, description) vs GDAL's LIBKML driver;
* Excel — ours (formats, widths, frozen header, filter) vs ``DataFrame.to_excel``;
* DXF — ours (layers, closed polylines, CJK labels) vs bare ezdxf polylines without labels;
* GCJ-02 — our vectorised shift of every vertex vs a per-vertex Python loop of the same formula;
* HTML — ours (Leaflet inlined, escaped text popups) vs folium's GeoJson + GeoJsonPopup (CDN links).

Prints seconds for each and the ratio ours/peer (above 1 = ours slower, for what it adds).
"""

from __future__ import annotations

import sys
import tempfile
import time
import warnings
from pathlib import Path

import ezdxf
import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_city import city  # noqa: E402

from gis.export.dxf import DxfGroup, write_dxf  # noqa: E402
from gis.export.sheet import DEC1, INT, Column, write_sheet  # noqa: E402
from gis.export.html_map import HtmlLayer, write_html_map  # noqa: E402
from gis.export.kml import KmlFolder, write_kml  # noqa: E402
from gis.export.target import gcj02_geometries, resolve_target  # noqa: E402
from gis.export.vector import write_shapefile  # noqa: E402
from gis.io.chinese_datums import wgs84_to_gcj02  # noqa: E402

NAMES = np.array(["阳光花园", "纺织厂宿舍", "和平里", "幸福新村", "明湖小区", "工人新村"])


def compounds(n: int) -> gpd.GeoDataFrame:
    frame, _ = city(n)
    rng = np.random.default_rng(1)
    k = len(frame)
    frame = frame[["geometry"]].copy()
    frame.insert(0, "小区编号", [f"MH{i:05d}" for i in range(k)])
    frame.insert(1, "小区名称", [f"{NAMES[i % len(NAMES)]}{i}号院" for i in range(k)])
    frame.insert(2, "户数", rng.integers(80, 900, k))
    frame.insert(3, "建成年代", rng.integers(1975, 2015, k))
    frame.insert(4, "占地面积", np.round(frame.geometry.area.to_numpy(), 1))
    return frame


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def report(name: str, ours: float, peer: float) -> None:
    print(f"{name:<14} ours {ours:7.3f} s   peer {peer:7.3f} s   ratio {ours / peer:6.2f}")


def main(n: int) -> None:
    frame = compounds(n)
    gk = resolve_target(None, frame.crs)
    wgs = resolve_target("wgs84", None)
    print(f"{len(frame):,} compounds, {shapely.get_num_coordinates(frame.geometry.values).sum():,} vertices")
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            report("shapefile gbk", timed(lambda: write_shapefile(frame, d / "a.shp", target=gk, encoding="gbk")),
                   timed(lambda: frame.to_file(d / "b.shp", encoding="GBK")))
        lonlat = frame.to_crs(4326)
        report("kml", timed(lambda: write_kml([KmlFolder("小区", frame, "小区名称")], d / "a.kml", target=wgs,
                                              title="bench")),
               timed(lambda: pyogrio.write_dataframe(lonlat, d / "b.kml", driver="LIBKML")))
        table = pd.DataFrame(frame.drop(columns="geometry"))
        cols = [Column("小区编号", "compound_id"), Column("小区名称", "compound"), Column("户数", "households", INT),
                Column("建成年代", "build_year", INT), Column("占地面积", "area_m2", DEC1)]

        def ours_xlsx():
            from openpyxl import Workbook

            wb = Workbook()
            write_sheet(wb.active, table, cols, "zh_CN")
            wb.save(d / "a.xlsx")

        report("excel", timed(ours_xlsx), timed(lambda: table.to_excel(d / "b.xlsx", index=False)))

        def bare_dxf():
            doc = ezdxf.new("R2010")
            msp = doc.modelspace()
            for geom in frame.geometry.values:
                msp.add_lwpolyline(np.asarray(geom.exterior.coords)[:-1, :2].tolist(), close=True)
            doc.saveas(d / "b.dxf")

        report("dxf", timed(lambda: write_dxf([DxfGroup("小区", frame, "#4e79a7", "小区名称")], d / "a.dxf",
                                              target=gk)), timed(bare_dxf))
        geoms = lonlat.geometry.values

        def per_vertex():
            out = []
            for geom in geoms:
                ring = [tuple(np.ravel(wgs84_to_gcj02(x, y))) for x, y in geom.exterior.coords]
                out.append(shapely.Polygon(ring))
            return out

        report("gcj-02", timed(lambda: gcj02_geometries(geoms)), timed(per_vertex))

        def folium_default():
            m = folium.Map(tiles=None)
            gj = folium.GeoJson(lonlat.to_json(), name="小区")
            folium.GeoJsonPopup(fields=["小区名称", "户数"]).add_to(gj)
            gj.add_to(m)
            folium.LayerControl().add_to(m)
            m.save(str(d / "b.html"))

        report("html", timed(lambda: write_html_map([HtmlLayer("小区", frame, "#f3e0b5",
                                                                popup_fields={"小区名称": "小区名称", "户数": "户数"})],
                                                      d / "a.html", title="bench")), timed(folium_default))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
