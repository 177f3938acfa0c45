"""Building the walking network: messy road layers are snapped and noded, pieces are reported,
OSM files give walkable ways only."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
from shapely.geometry import LineString, MultiLineString, Point, Polygon

from gis.errors import AnalysisError, CrsError
from gis.network.build import build_network, network_from_lines
from gis.network.osm import is_walkable, network_from_osm
from tests.gis.network_fixtures import CRS, X0, Y0


def roads(*geoms, crs=CRS) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"名称": [f"路{i}" for i in range(len(geoms))]},
                            geometry=[g if g is None else _shift(g) for g in geoms], crs=crs)


def _shift(g):
    from shapely import affinity

    return affinity.translate(g, X0, Y0)


def test_crossing_lines_are_noded():
    net = network_from_lines(roads(LineString([(0, 50), (100, 50)]), LineString([(50, 0), (50, 100)])))
    assert net.summary() == {"nodes": 5, "edges": 4, "components": 1}
    assert net.report.crossings_split == 2
    assert sorted(net.length) == pytest.approx([50, 50, 50, 50])


def test_ends_are_snapped_and_dead_ends_joined_within_the_tolerance():
    net = network_from_lines(roads(
        LineString([(0, 0), (100, 0)]),
        LineString([(101.5, 0.5), (200, 0)]),  # starts 1.6 m from the first road's end
        LineString([(50, 1.2), (50, 80)]),  # stops 1.2 m short of the first road (a T): split + link
        LineString([(150, 5), (150, 80)]),  # 5 m short: beyond the 2 m tolerance
    ), snap_tolerance_m=2.0)
    assert net.report.snapped_ends == 1 and net.report.snapped_to_edges == 1
    assert net.components.count == 2  # the 5 m gap stays a gap
    pieces = net.components.pieces()
    assert pieces[0]["edges"] == 5 and pieces[1] == {"nodes": 2, "edges": 1, "length_m": 75.0}


def test_without_snapping_the_pieces_stay_apart():
    net = network_from_lines(roads(LineString([(0, 0), (100, 0)]), LineString([(101.5, 0.5), (200, 0)]),
                                   LineString([(50, 1.2), (50, 80)])), snap_tolerance_m=0.0)
    assert net.components.count == 3 and net.report.snapped_ends == 0


def test_detached_pieces_are_reported_largest_first():
    net = network_from_lines(roads(
        LineString([(0, 0), (500, 0)]), LineString([(500, 0), (500, 500)]),
        LineString([(2000, 0), (2030, 0)]),  # a yard road on its own
        MultiLineString([[(3000, 0), (3000, 40)], [(3000, 40), (3040, 40)]]),  # a park path
    ))
    assert net.components.count == 3
    assert [p["length_m"] for p in net.components.pieces()] == [1000.0, 80.0, 30.0]
    labels = net.edges_frame()["component"]
    assert sorted(labels.value_counts().to_dict().items()) == [(0, 2), (1, 2), (2, 1)]


def test_non_lines_and_empty_rows_are_left_out():
    net = network_from_lines(roads(LineString([(0, 0), (10, 0)]), None, Point(5, 5),
                                   Polygon([(0, 0), (1, 0), (1, 1)])))
    assert net.n_edges == 1 and net.report.dropped == 2 and net.report.input_features == 4


def test_bad_road_layers_get_a_clear_error():
    with pytest.raises(CrsError, match="no coordinate system"):
        network_from_lines(gpd.GeoDataFrame(geometry=[LineString([(0, 0), (1, 1)])]))
    with pytest.raises(AnalysisError, match="no lines"):
        network_from_lines(roads(Polygon([(0, 0), (1, 0), (1, 1)])))


def test_a_lon_lat_layer_is_measured_in_metres():
    lonlat = gpd.GeoDataFrame(geometry=[LineString([(117.0, 36.0), (117.01, 36.0)])], crs="EPSG:4326")
    net = network_from_lines(lonlat)
    assert net.crs.to_epsg() == 4548 and net.length[0] == pytest.approx(900, rel=0.01)


def test_build_network_reads_a_road_file(tmp_path):
    path = tmp_path / "roads.gpkg"
    roads(LineString([(0, 50), (100, 50)]), LineString([(50, 0), (50, 100)])).to_file(path)
    assert build_network(path).summary() == {"nodes": 5, "edges": 4, "components": 1}


def test_build_network_refuses_undeclared_lon_lat_naming_the_option(tmp_path):
    """A road shapefile in lon/lat inside China without .prj: the CLI's one-line question, or the answer."""
    from gis.errors import NeedsAnswer
    from tests.gis.io_samples import LAT0, LON0, write_shp

    lines = [LineString([(LON0, LAT0 + 0.001), (LON0 + 0.004, LAT0 + 0.001)]),
             LineString([(LON0 + 0.002, LAT0), (LON0 + 0.002, LAT0 + 0.003)])]
    path = write_shp(gpd.GeoDataFrame({"name": ["a", "b"]}, geometry=lines, crs="EPSG:4490"),
                     tmp_path / "roads.shp", prj=False)
    with pytest.raises(NeedsAnswer, match="Say which with --network-crs cgcs2000 .or wgs84, gcj02, bd09"):
        build_network(path)
    plain, shifted = build_network(path, source_crs="cgcs2000"), build_network(path, source_crs="gcj02")
    assert plain.summary() == {"nodes": 5, "edges": 4, "components": 1}
    assert plain.crs == shifted.crs and np.hypot(*(plain.xy.min(0) - shifted.xy.min(0))) > 100  # GCJ-02: hundreds of m


OSM = """<?xml version='1.0' encoding='UTF-8'?>
<osm version="0.6" generator="test">
  {nodes}
  <way id="1"><nd ref="1"/><nd ref="2"/><nd ref="3"/><tag k="highway" v="footway"/></way>
  <way id="2"><nd ref="4"/><nd ref="2"/><nd ref="5"/><tag k="highway" v="residential"/></way>
  <way id="3"><nd ref="3"/><nd ref="6"/><tag k="highway" v="motorway"/></way>
  <way id="4"><nd ref="5"/><nd ref="6"/><tag k="highway" v="service"/><tag k="access" v="private"/></way>
  <way id="5"><nd ref="5"/><nd ref="7"/><tag k="highway" v="path"/><tag k="access" v="no"/><tag k="foot" v="yes"/></way>
  <way id="6"><nd ref="7"/><nd ref="8"/><nd ref="99"/><nd ref="9"/><nd ref="10"/><tag k="highway" v="steps"/></way>
  <way id="7"><nd ref="1"/><nd ref="4"/><tag k="building" v="yes"/></way>
  <way id="8"><nd ref="3"/><nd ref="5"/><nd ref="6"/><nd ref="3"/><tag k="highway" v="pedestrian"/><tag k="area" v="yes"/></way>
</osm>
"""


def test_osm_gives_walkable_ways_split_where_they_meet(tmp_path):
    # ids 1..10 on a 100 m (about 0.0009 deg) lattice near 117 E, 36 N; node 99 is missing
    coords = {1: (0, 0), 2: (1, 0), 3: (2, 0), 4: (1, 1), 5: (1, -1), 6: (2, -1), 7: (1, -2),
              8: (1, -3), 9: (1, -5), 10: (1, -6)}
    nodes = "\n  ".join(f'<node id="{k}" lat="{36 + y * 0.0009:.7f}" lon="{117 + x * 0.0011:.7f}" version="1"/>'
                        for k, (x, y) in coords.items())
    path = tmp_path / "tiny.osm"
    path.write_text(OSM.format(nodes=nodes), encoding="utf-8")
    net = network_from_osm(path)
    # footway 1-2-3 split at 2; residential 4-2-5 split at 2; path 5-7 (foot=yes wins);
    # steps 7-8 then 9-10 (the missing node cuts the way); motorway, private and area left out
    assert net.n_edges == 7 and net.report.input_features == 7
    assert net.components.count == 2
    assert net.crs.to_epsg() == 4548
    assert net.length.sum() == pytest.approx(7 * 100, rel=0.02)


def test_walkable_filter_matches_pyrosm_rules():
    assert is_walkable({"highway": "footway"}) and is_walkable({"highway": "primary"})
    assert is_walkable({"highway": "track", "access": "no", "foot": "yes"})
    for tags in ({"highway": "motorway"}, {"highway": "cycleway"}, {"highway": "footway", "area": "yes"},
                 {"highway": "service", "service": "private"}, {"highway": "path", "foot": "no"},
                 {"highway": "primary", "sidewalk": "separate"}, {"building": "yes"}):
        assert not is_walkable(tags), tags


def test_osm_pbf_agrees_with_pyrosm_walking_network():
    pyrosm = pytest.importorskip("pyrosm")
    path = pyrosm.get_data("test_pbf")
    net = network_from_osm(path)
    _, edges = pyrosm.OSM(path).get_network(network_type="walking", nodes=True)
    theirs = edges.to_crs(net.crs).length.sum()
    assert net.length.sum() == pytest.approx(theirs, rel=0.005)
    assert np.all(net.length > 0)


def test_roads_joined_by_long_jumps_and_pieces_are_pointed_out():
    net = network_from_lines(roads(LineString([(0, 0), (100, 0), (3000, 2000), (3100, 2000)]),  # a 3.5 km jump
                                   LineString([(0, 500), (100, 500)])))
    assert net.report.long_segments == 1
    text = " ".join(n.message for n in net.report.notices(net.components))
    assert "2 disconnected pieces" in text and "longer than 1000 m" in text
