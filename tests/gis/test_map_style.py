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
