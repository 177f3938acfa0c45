"""Label points for the map page: inside each feature, in WGS 84, rounded, empty text for none."""

from __future__ import annotations

import geopandas as gpd
import shapely
from shapely.geometry import Polygon

from gis.domain import Role
from gis.layer import Layer, LayerStyle
from gis.map_style import style_payload


def test_labels_sit_inside_their_features_rounded_to_six_decimals():
    ring = Polygon([(0, 0), (100, 0), (100, 10), (10, 10), (10, 100), (0, 100)])  # an L: its centroid is outside
    frame = gpd.GeoDataFrame({"name": ["甲", None]}, geometry=[ring, ring.buffer(-2)], crs="EPSG:4527")
    frame.geometry = frame.geometry.translate(39_500_000, 4_060_000)
    layer = Layer("c", Role.COMPOUNDS, frame, style=LayerStyle(label_field="name"))
    labels = style_payload(layer)["labels"]
    assert [t for *_, t in labels] == ["甲", ""]
    shown = layer.display_data().geometry.values
    for (x, y, _), geom in zip(labels, shown):
        assert isinstance(x, float) and round(x, 6) == x and round(y, 6) == y
        assert shapely.contains_xy(geom, x, y)


def test_ready_for_map_makes_label_positions_once_beside_the_packing(monkeypatch):
    import threading

    import gis.map_style as map_style
    from gis.map_style import ready_for_map

    squares = [Polygon([(x, 0), (x + 50, 0), (x + 50, 50), (x, 50)]) for x in range(0, 1000, 100)]
    frame = gpd.GeoDataFrame({"name": [f"小区{i}" for i in range(10)]}, geometry=squares, crs="EPSG:4527")
    frame.geometry = frame.geometry.translate(39_500_000, 4_060_000)
    layer = Layer("c", Role.COMPOUNDS, frame, style=LayerStyle(label_field="name"))
    where, real = [], map_style.shapely.point_on_surface

    def spy(geoms):
        where.append(threading.current_thread().name)
        return real(geoms)

    monkeypatch.setattr(map_style.shapely, "point_on_surface", spy)
    got = ready_for_map(layer)
    assert got.head["rings"] == 10 and layer._display is not None
    labels = style_payload(layer)["labels"]  # from what ready_for_map made
    assert len(where) == 1 and where[0].startswith("ocp-labels")
    assert [t for *_, t in labels] == [f"小区{i}" for i in range(10)]
    for (x, y, _), geom in zip(labels, layer.display_data().geometry.values):
        assert shapely.contains_xy(geom, x, y)
    layer.set_data(frame.iloc[:3])  # new data: found again
    assert len(style_payload(layer)["labels"]) == 3 and len(where) == 2
