"""Life-circle overlays are made ready to send in the worker: GeoJSON written part by part (so the
GIL is let go between chunks) equals shapely's, and every frame carries its body (issue 12)."""

from __future__ import annotations

import json

import numpy as np
import shapely

from gui.lifecircles.overlays import geojson, network_frame
from gui.map.view import BODY, feature_collection


def test_geojson_part_by_part_equals_shapely(monkeypatch):
    holes = shapely.box(0, 0, 10, 10).difference(shapely.box(2, 2, 3, 3))
    many = shapely.Polygon(shapely.box(0, 0, 3000, 10).exterior, [shapely.box(x, 2, x + 1, 3).exterior.coords
                                                                   for x in range(1, 2999, 2)])  # > BIG_PART
    geoms = np.array([shapely.MultiPolygon([holes, shapely.box(20, 0, 21, 1), many]), shapely.MultiPolygon(),
                      shapely.MultiLineString([[(0, 0), (1, 1)], [(2, 2), (3, 3), (4, 2)]]), shapely.Point(1, 2),
                      many, holes], dtype=object)  # a Polygon with many holes is written ring by ring too
    for budget in (7, 40_000):  # coordinates per shapely call: one part or ring over it goes alone
        monkeypatch.setattr("gui.lifecircles.overlays.GEOJSON_COORDS", budget)
        for chunk in (1, 2, 128):
            assert [json.loads(t) for t in geojson(geoms, chunk)] == [json.loads(t) for t in shapely.to_geojson(geoms)]


def test_the_network_frame_carries_its_body():
    from gis.network.graph import graph_from_lines

    lines = shapely.linestrings([[(500000, 4400000), (500100, 4400000)], [(500100, 4400000), (500100, 4400100)],
                                 [(501000, 4400000), (501050, 4400000)]])
    frame = network_frame(graph_from_lines(lines, "EPSG:32650"), "{piece} {edges}")
    stamp, body = frame.attrs[BODY]
    assert stamp == id(frame) and len(frame) == 2  # two pieces
    assert json.loads(body) == json.loads(feature_collection(frame))
