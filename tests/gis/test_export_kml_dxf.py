"""KML (Google Earth, 奥维) and DXF (CAD) exports read back with pyogrio, ElementTree and ezdxf."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import ezdxf
import numpy as np
import pyogrio
import pytest

from gis.errors import ExportError
from gis.export.kml import kml_colour
from gis.export.project_export import export_project
from tests.gis.export_samples import EVIL, X0, Y0, sample_project

KML = "{http://www.opengis.net/kml/2.2}"


@pytest.fixture(scope="module")
def project():
    return sample_project()


def test_kml_names_attributes_colours_and_folders(project, tmp_path):
    out = tmp_path / "plan.kml"
    export_project(project, out, fmt="kml", layers=["zones", "compounds"], title="明湖区")
    root = ET.parse(out).getroot()
    doc = root.find(f"{KML}Document")
    assert doc.findtext(f"{KML}name") == "明湖区"
    folders = {f.findtext(f"{KML}name"): f for f in doc.findall(f"{KML}Folder")}
    assert set(folders) == {"改造片区", "小区边界"}
    names = [p.findtext(f"{KML}name") for p in folders["小区边界"].findall(f"{KML}Placemark")]
    assert names[0] == EVIL  # escaped in the XML, the plain text when read
    assert b"&lt;img src=x" in out.read_bytes()
    zone = folders["改造片区"].find(f"{KML}Placemark")
    assert zone.findtext(f"{KML}name") == "西南片区"
    style_id = zone.findtext(f"{KML}styleUrl").lstrip("#")
    style = next(s for s in doc.findall(f"{KML}Style") if s.get("id") == style_id)
    assert style.find(f"{KML}LineStyle").findtext(f"{KML}color") == kml_colour("#4e79a7", 1.0) == "ffa7794e"
    back = pyogrio.read_dataframe(out, layer="小区边界")
    assert back["小区名称"].iloc[4] == "幸福里4号院" and back["户数"].iloc[4] == 140
    lon, lat = back.geometry.iloc[0].exterior.coords[0][:2]
    assert 116.9 < lon < 117.1 and 36.5 < lat < 36.7  # lon/lat, never Gauss-Krüger metres


def test_kml_refuses_projected_target_before_any_work(project, tmp_path):
    with pytest.raises(ExportError, match="longitude/latitude"):
        export_project(project, tmp_path / "x.kml", fmt="kml", crs="4527")
    assert not (tmp_path / "x.kml").exists()


def test_dxf_layer_per_zone_and_per_type_closed_polylines_cjk_text(project, tmp_path):
    out = tmp_path / "plan.dxf"
    export_project(project, out, fmt="dxf", crs="4527")
    doc = ezdxf.readfile(out)
    layers = {layer.dxf.name for layer in doc.layers}
    assert {"片区-西南片区", "片区-东北片区", "小区边界", "建筑", "道路-支路"} <= layers
    assert {"设施-卫生服务站", "设施-老年食堂", "设施-幼儿园"} <= layers  # one CAD layer per type
    msp = doc.modelspace()
    zone_lines = msp.query('LWPOLYLINE[layer=="片区-西南片区"]')
    assert len(zone_lines) >= 1 and all(p.closed for p in zone_lines)
    compounds = msp.query('LWPOLYLINE[layer=="小区边界"]')
    assert len(compounds) == 9 and all(p.closed for p in compounds)
    xy = np.array(compounds[0].get_points("xy"))
    assert abs(xy[:, 0].min() - X0) < 0.01 and abs(xy[:, 1].min() - Y0) < 0.01  # EPSG:4527, zone prefix
    texts = [t.dxf.text for t in msp.query('TEXT[layer=="小区边界"]')]
    assert EVIL in texts and "幸福里4号院" in texts
    caption = msp.query('MTEXT[layer=="片区-西南片区"]')[0].text
    assert caption.startswith("西南片区") and "户数 480" in caption
    style = doc.styles.get(msp.query("TEXT")[0].dxf.style)
    assert style.dxf.font.lower() == "simhei.ttf"
    assert doc.units == ezdxf.units.M


def test_dxf_default_target_is_the_project_zone_without_prefix(project, tmp_path):
    out = tmp_path / "cm.dxf"
    export_project(project, out, fmt="dxf", layers=["compounds"])
    doc = ezdxf.readfile(out)
    xs = np.array([p.get_points("xy")[0][0] for p in doc.modelspace().query("LWPOLYLINE")])
    assert np.all((xs > 400_000) & (xs < 600_000))  # EPSG:4548, central-meridian form
    with pytest.raises(ExportError, match="metres"):
        export_project(project, tmp_path / "ll.dxf", fmt="dxf", crs="wgs84")
