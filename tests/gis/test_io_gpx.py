"""GPX files: WGS 84 by the format (not asked), waypoints as facilities, tracks and routes as roads."""

from __future__ import annotations

import pytest

from gis.domain import Role
from gis.io import build_layer, inspect_file, list_layers

GPX = """<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
 <wpt lat="24.4800" lon="118.0900"><name>社区卫生服务站</name><type>clinic</type></wpt>
 <wpt lat="24.4810" lon="118.0910"><name>幼儿园</name></wpt>
 <rte><name>送餐线</name><rtept lat="24.4800" lon="118.0900"/><rtept lat="24.4805" lon="118.0950"/></rte>
 <trk><name>步行线</name><trkseg>
  <trkpt lat="24.4800" lon="118.0900"/><trkpt lat="24.4820" lon="118.0930"/><trkpt lat="24.4830" lon="118.0960"/>
 </trkseg></trk>
</gpx>
"""


@pytest.fixture
def gpx(tmp_path):
    path = tmp_path / "走访.gpx"
    path.write_text(GPX, encoding="utf-8")
    return path


def test_waypoints_are_read_first_as_facilities_in_wgs84_without_asking(gpx):
    report = inspect_file(gpx)
    assert (report.driver, report.layer, report.family, report.role) == ("GPX", "waypoints", "point", Role.FACILITIES)
    assert report.layers == ["waypoints", "routes", "tracks", "route_points", "track_points"]
    assert report.crs.epsg == 4326 and not report.crs.unanswered
    assert list(report.data["name"]) == ["社区卫生服务站", "幼儿园"]
    assert set(report.data.columns) == {"name", "type", "geometry"}  # GPX's unfilled elements are dropped
    layer = build_layer(report)
    assert len(layer.data) == 2 and layer.data.crs.to_epsg() == 4548  # CGCS2000 GK CM 117E


@pytest.mark.parametrize("name, vertices", [("tracks", 3), ("routes", 2)])
def test_tracks_and_routes_are_roads(gpx, name, vertices):
    report = inspect_file(gpx, layer=name)
    assert (report.family, report.role, report.crs.epsg) == ("line", Role.ROADS, 4326)
    geom = report.data.geometry.iloc[0]
    assert sum(len(g.coords) for g in getattr(geom, "geoms", [geom])) == vertices


def test_gpx_lists_its_layers_and_is_a_known_kind(gpx):
    from gis.io.sources import KINDS
    from gui.importing.files import importable

    assert KINDS[".gpx"] == "gpx" and importable(gpx)
    assert [i.name for i in list_layers(gpx)][:3] == ["waypoints", "routes", "tracks"]
