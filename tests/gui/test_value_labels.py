"""Known values read as words in the Chinese UI: planned sites' ids in tables, category legends
(facility types, yes/no) on screen and in print; the user's own values stay as they are."""

from __future__ import annotations

import geopandas as gpd
from shapely.geometry import Point

from gis.domain import FieldRole, Role
from gis.layer import Layer, LayerStyle
from gis.project import Project
from gis.wording import planned_label
from gui.columns import value_text
from tests.gui.ui_text import english_words

X0, Y0 = 39_502_000.0, 4_058_000.0


def facility_project() -> Project:
    """Facilities styled by a type column named 类型 (not facility_type) and by a flag column."""
    kinds = ["clinic", "clinic", "kindergarten", "菜市场", "play_area"]
    frame = gpd.GeoDataFrame({"名称": list("甲乙丙丁戊"), "类型": kinds, "在用": [True, False, True, True, False]},
                             geometry=[Point(X0 + 50 * k, Y0) for k in range(5)], crs="EPSG:4527")
    project = Project()
    project.add_layer(Layer("设施", Role.FACILITIES, frame, fields={FieldRole.NAME: "名称", FieldRole.FACILITY_TYPE: "类型"},
                            style=LayerStyle(by_field="类型", method="categorized")))
    project.add_layer(Layer("在用", Role.OTHER, frame.copy(), style=LayerStyle(by_field="在用")))
    return project


def test_planned_site_ids_read_as_labels(app):
    assert planned_label("P-play_area-1") == "规划-儿童活动场地-1"
    assert planned_label("P-clinic-12", "en") == "Planned clinic 12"
    assert planned_label("MH001") is None and planned_label("P-unknown-1") is None
    assert value_text("id", "P-play_area-1") == "规划-儿童活动场地-1"
    assert value_text("id", "P-2") == "P-2"  # a user's id that only looks similar stays


def _legend_texts(panel) -> list[str]:
    tree = panel.tree
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return [item.child(c).text(0) for item in items for c in range(item.childCount())]


def test_layer_panel_legend_words_known_values(app, qtbot):
    from gui.layer_panel import LayerPanel

    panel = LayerPanel(facility_project())
    qtbot.addWidget(panel)
    legends = _legend_texts(panel)
    assert sorted(legends) == sorted(["卫生服务站", "幼儿园", "菜市场", "儿童活动场地", "是", "否"]), legends
    assert not [w for t in legends for w in english_words(t)]


def test_printed_legend_words_known_values(app):
    from gui.layout.furniture import legend_rows
    from gui.layout.scene import map_scene

    rows = [r.text for r in legend_rows(map_scene(facility_project(), {}), "zh_CN")]
    assert {"卫生服务站", "幼儿园", "儿童活动场地", "菜市场", "是", "否"} <= set(rows), rows
    assert not [w for t in rows for w in english_words(t)], rows
