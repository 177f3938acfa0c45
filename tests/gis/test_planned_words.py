"""Planned sites in documents: their ids, type keys and flags read as words in the web map's
popups (P-play_area-1 → 规划-儿童活动场地-1), while the layer's data keeps its keys."""

from __future__ import annotations

import geopandas as gpd
import pytest
from shapely.geometry import Point

from gis.export.project_export import html_layers
from gis.export.sources import layer_source
from gis.gaps.siting import planned_layer
from gis.wording import app_columns_in_words, planned_label


@pytest.fixture
def planned():
    frame = gpd.GeoDataFrame({"id": ["P-play_area-1", "P-clinic-2"], "name": ["规划儿童活动场地1", "规划卫生服务站2"],
                              "facility_type": ["play_area", "clinic"], "planned": [True, True],
                              "radius_m": [250.0, 300.0]},
                             geometry=[Point(39_502_000, 4_058_000), Point(39_502_100, 4_058_000)], crs="EPSG:4527")
    return planned_layer(frame, name="规划设施")


def test_planned_label_reads_ids_and_leaves_others():
    assert planned_label("P-nursing_home-3") == "规划-养老院-3"
    assert planned_label("P-nursing_home-3", "en") == "Planned nursing home 3"
    assert planned_label("SS001") is None and planned_label("P-play_area-x") is None and planned_label(None) is None


def test_web_map_popups_show_words_and_the_layer_keeps_keys(planned):
    layer = html_layers([layer_source(planned, "zh_CN")], "zh_CN")[0]
    text = layer.frame.drop(columns=layer.frame.geometry.name).astype(str).to_string()
    for raw in ("P-play_area-1", "play_area", "clinic", "True", "facility_type", "radius_m"):
        assert raw not in text, raw
    assert {"规划-儿童活动场地-1", "儿童活动场地", "是"} <= set(layer.frame.astype(str).to_numpy().ravel())
    assert layer.label_field in layer.frame.columns and layer.frame[layer.label_field].iloc[0] == "规划儿童活动场地1"
    assert planned.data["id"].tolist() == ["P-play_area-1", "P-clinic-2"]  # the stable keys stay


def test_user_layers_are_left_as_they_are():
    frame = gpd.GeoDataFrame({"id": ["P-play_area-1"], "类型": ["clinic"]}, geometry=[Point(0, 0)], crs="EPSG:4527")
    out, label = app_columns_in_words(frame, "id")
    assert out is frame and label == "id"  # no column the app made: the user's values stay
