"""The import dialog on small files: encoding, coordinate system, marking, fields, facility types."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from pyproj import Transformer

from gis.domain import FieldRole, Role
from gis.io import inspect_file
from gis.io.chinese_datums import wgs84_to_gcj02
from gui.importing.choices import ImportChoices, build
from gui.importing.presets import PresetStore
from tests.gui import import_samples as samples


@pytest.fixture
def open_dialog(app, qtbot, tmp_path):
    """Factory: an ImportDialog shown on *report*; closed and deleted afterwards."""
    from gui.importing.dialog import ImportDialog

    made = []

    def make(report, **kwargs):
        kwargs.setdefault("presets", PresetStore(tmp_path / "presets"))
        dialog = ImportDialog(report, **kwargs)
        made.append(dialog)
        dialog.show()
        return dialog

    yield make
    for dialog in made:
        if dialog.isVisible():
            dialog.reject()
        dialog.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def choose(qtbot, dialog, combo, data) -> None:
    """Pick the item holding *data* in *combo* as a user would, and wait for the re-read."""
    index = next(i for i in range(combo.count()) if combo.itemData(i) == data)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)


def preview_texts(dialog) -> set[str]:
    model = dialog.preview_table.model_
    return {model.index(r, c).data() for r in range(model.rowCount()) for c in range(model.columnCount())}


def test_gbk_shapefile_without_cpg_reads_chinese_and_encoding_change_shows_it(open_dialog, qtbot, tmp_path):
    path = samples.gbk_shapefile(tmp_path / "数据")
    dialog = open_dialog(inspect_file(path))
    assert "GB18030" in dialog.source.encoding_label.text()
    assert dialog.source.encoding_combo.isEnabled()
    assert "阳光花园" in preview_texts(dialog)
    assert dialog.fields.mapping()[FieldRole.NAME] == "小区名称"

    choose(qtbot, dialog, dialog.source.encoding_combo, "BIG5")  # the wrong encoding: 乱码
    assert dialog.report.encoding.name == "BIG5" and dialog.report.encoding.source == "user"
    assert "阳光花园" not in preview_texts(dialog)
    assert "小区名称" not in dialog.report.data.columns  # the field names are garbled too

    choose(qtbot, dialog, dialog.source.encoding_combo, "GBK")
    assert "阳光花园" in preview_texts(dialog)
    assert dialog.fields.mapping()[FieldRole.NAME] == "小区名称"
    assert dialog.ok_button.isEnabled()
    layer = build(dialog.report, dialog.choices)
    assert layer.source.encoding == "GBK" and layer.source.encoding_source == "user"
    assert list(layer.column(FieldRole.NAME)) == samples.NAMES


def test_gk_without_prj_needs_a_choice_before_ok(open_dialog, qtbot, tmp_path):
    path = samples.gk_shapefile_without_prj(tmp_path)
    dialog = open_dialog(inspect_file(path))
    assert dialog.report.crs.crs is None and dialog.report.crs.needs_choice
    assert not dialog.ok_button.isEnabled()
    assert "EPSG:45" in dialog.crs.candidates.item(0, 0).text()
    assert not dialog.crs.candidates.isHidden()
    assert dialog.preview_map.stack.currentWidget() is dialog.preview_map.note
    assert dialog.bar.text()  # the reason is shown

    dialog.crs.choose_candidate(4548)  # CGCS2000 3° GK CM 117E
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    assert dialog.report.crs.epsg == 4548 and dialog.report.crs.source == "user"
    assert dialog.ok_button.isEnabled()
    assert dialog.crs.candidates.rowCount() > 3, "candidates stay listed to compare"
    lon0, lat0, lon1, lat1 = dialog.report.bounds_wgs84
    assert abs(lon0 - samples.LON0) < 1e-4 and abs(lat0 - samples.LAT0) < 1e-4
    assert dialog.preview_map.stack.currentWidget() is dialog.preview_map.map
    assert len(dialog.preview_map.layer) == 3

    dialog.crs.choose_candidate(4547)  # CM 114E puts the data ~250 km west
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    assert dialog.report.bounds_wgs84[0] < samples.LON0 - 2.0


def test_typed_epsg_code_and_a_bad_one(open_dialog, qtbot, tmp_path):
    dialog = open_dialog(inspect_file(samples.gk_shapefile_without_prj(tmp_path)))
    combo = dialog.crs.choice_combo
    combo.setEditText("no such system")
    dialog.crs.use_typed()
    assert not dialog.busy and "no such system" in dialog.bar.text()
    assert not dialog.ok_button.isEnabled()
    combo.setEditText("4548")
    dialog.crs.use_typed()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    assert dialog.report.crs.epsg == 4548 and dialog.ok_button.isEnabled()
    dialog.crs.reset_button.click()  # back to what the file says: nothing
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    assert dialog.report.crs.crs is None and not dialog.ok_button.isEnabled()


def test_csv_with_chinese_lon_lat_headers_as_facilities(open_dialog, qtbot, tmp_path):
    dialog = open_dialog(inspect_file(samples.facilities_csv(tmp_path)))
    report = dialog.report
    assert report.geometry_type == "Point" and report.features == 4
    assert report.crs.epsg == 4490 and report.crs.source == "inferred" and report.crs.needs_choice
    assert dialog.ok_button.isEnabled()  # CGCS2000 preselected: "Add" answers with it
    if report.role is not Role.FACILITIES:
        choose(qtbot, dialog, dialog.role_combo, Role.FACILITIES.value)
    assert not dialog.facility_box.isHidden()
    model = dialog.facilities.model_
    assert model.type_of("医疗保健服务;诊所;诊所") == "clinic"
    assert model.type_of("购物服务;便民商店/便利店;便民商店/便利店") is None
    # the name decides 阳光长者食堂 (its category is 中餐厅); the user corrects another value
    with qtbot.waitSignal(dialog.reportChanged):
        model.setData(model.index(model.row_of("购物服务;便民商店/便利店;便民商店/便利店"), 2), "day_care")
    dialog.ok_button.click()
    assert dialog.choices.source_crs == "EPSG:4490"
    layer = build(dialog.report, dialog.choices)
    types = dict(zip(layer.column(FieldRole.NAME), layer.column(FieldRole.FACILITY_TYPE)))
    assert types["金台社区卫生服务站"] == "clinic"
    assert types["阳光长者食堂"] == "elderly_canteen"
    assert types["红黄蓝幼儿园"] == "kindergarten"
    assert types["便民超市"] == "day_care"


def test_gcj02_marking_shifts_to_wgs84(open_dialog, qtbot, tmp_path):
    wgs = np.array([(116.3600, 39.9100), (116.3700, 39.9150), (116.3800, 39.9200)])
    gx, gy = wgs84_to_gcj02(wgs[:, 0], wgs[:, 1])
    path = samples.gcj02_geojson(tmp_path, list(zip(gx, gy)))
    dialog = open_dialog(inspect_file(path))
    assert dialog.crs.datum_combo.isEnabled()
    assert dialog.report.crs.datum_shift is None
    choose(qtbot, dialog, dialog.crs.datum_combo, "gcj02")
    assert dialog.report.crs.datum_shift == "gcj02"
    assert dialog.choices.source_crs == "gcj02"
    assert "GCJ-02" in dialog.crs.current_label.text()
    layer = build(dialog.report, dialog.choices)
    assert layer.source.datum_shift == "gcj02"
    metric = layer.data.crs
    fwd = Transformer.from_crs("EPSG:4326", metric, always_xy=True)
    ex, ey = fwd.transform(wgs[:, 0], wgs[:, 1])
    err = np.hypot(layer.data.geometry.x.to_numpy() - ex, layer.data.geometry.y.to_numpy() - ey)
    assert err.max() < 1.0, err
    # back to standard lon/lat: the points sit where AMap drew them, hundreds of metres off
    choose(qtbot, dialog, dialog.crs.datum_combo, None)
    assert dialog.report.crs.datum_shift is None
    raw = build(dialog.report, dialog.choices).data.to_crs(metric)
    assert np.hypot(raw.geometry.x.to_numpy() - ex, raw.geometry.y.to_numpy() - ey).min() > 100


def test_projected_layer_cannot_be_marked_gcj02(open_dialog, tmp_path):
    dialog = open_dialog(inspect_file(samples.shapefile(tmp_path, "gk", samples.compounds("EPSG:4548"))))
    assert dialog.report.crs.source == "prj"
    assert not dialog.crs.datum_combo.isEnabled()
    assert dialog.crs.candidates.isHidden()


def test_field_mapping_and_role_edits_reach_the_layer(open_dialog, qtbot, tmp_path):
    path = samples.shapefile(tmp_path, "小区", samples.compounds())
    dialog = open_dialog(inspect_file(path))
    assert dialog.report.role is Role.COMPOUNDS
    mapping = dialog.fields.mapping()
    assert mapping[FieldRole.BUILD_YEAR] == "建成年代" and mapping[FieldRole.ELEVATOR] == "电梯"
    row = dialog.fields._roles.index(FieldRole.BUILD_YEAR)
    assert dialog.fields.item(row, 2).text() == "1985, 1992, 1980"
    with qtbot.waitSignal(dialog.reportChanged):
        dialog.fields.set_column(FieldRole.NAME, "备注")
    assert "名称 ← 备注" in dialog.preview_table.model_.headers() or \
        "Name ← 备注" in dialog.preview_table.model_.headers()
    dialog.fields.set_column(FieldRole.FLOORS, None)
    dialog.name_edit.setText("我的小区")
    dialog.name_edit.textEdited.emit("我的小区")
    layer = build(dialog.report, dialog.choices)
    assert layer.name == "我的小区"
    assert layer.fields[FieldRole.NAME] == "备注"
    assert FieldRole.FLOORS not in layer.fields
    assert list(layer.column(FieldRole.BUILD_YEAR)) == [1985, 1992, 1980]
    assert list(layer.column(FieldRole.ELEVATOR)) == [False, True, False]

    choose(qtbot, dialog, dialog.role_combo, Role.BUILDINGS.value)
    assert dialog.report.role is Role.BUILDINGS
    assert build(dialog.report, dialog.choices).role is Role.BUILDINGS


def test_empty_name_blocks_ok(open_dialog, tmp_path):
    dialog = open_dialog(inspect_file(samples.shapefile(tmp_path, "a", samples.compounds())))
    assert dialog.ok_button.isEnabled()
    dialog.name_edit.setText("  ")
    dialog.name_edit.textEdited.emit("  ")
    assert not dialog.ok_button.isEnabled()


def test_preset_saved_and_applied_to_another_file(open_dialog, qtbot, tmp_path):
    first = open_dialog(inspect_file(samples.shapefile(tmp_path / "a", "one", samples.compounds())))
    first.fields.set_column(FieldRole.NAME, "备注")
    first.fields.set_column(FieldRole.HOUSEHOLDS, None)
    first.save_preset("住建局台账")
    store = PresetStore(tmp_path / "presets")
    assert store.names() == ["住建局台账"]
    assert store.load("住建局台账").fields[FieldRole.NAME] == "备注"

    second = open_dialog(inspect_file(samples.shapefile(tmp_path / "b", "two", samples.compounds())))
    assert second.preset_combo.findText("住建局台账") >= 0
    assert second.fields.mapping()[FieldRole.NAME] == "小区名称"
    second.preset_combo.setCurrentText("住建局台账")
    second.preset_load.click()
    qtbot.waitUntil(lambda: not second.busy, timeout=20000)
    assert second.fields.mapping()[FieldRole.NAME] == "备注"
    assert FieldRole.HOUSEHOLDS not in second.report.field_map
    assert build(second.report, second.choices).fields[FieldRole.NAME] == "备注"


def test_layer_choice_in_a_geopackage(open_dialog, qtbot, tmp_path):
    dialog = open_dialog(inspect_file(samples.two_layer_gpkg(tmp_path)))
    combo = dialog.source.layer_combo
    assert not combo.isHidden()
    assert [combo.itemData(i) for i in range(combo.count())] == ["小区", "设施"]
    assert dialog.report.layer == "小区" and dialog.name_edit.text() == "片区 – 小区"
    assert not dialog.source.encoding_combo.isEnabled()  # GeoPackage text is UTF-8 by definition
    choose(qtbot, dialog, combo, "设施")
    assert dialog.report.layer == "设施" and dialog.report.geometry_type == "Point"
    assert dialog.name_edit.text() == "片区 – 设施"
    assert dialog.report.role is Role.FACILITIES
    assert "长者食堂" in preview_texts(dialog)


def test_preview_map_shows_the_project_layers_for_context(open_dialog, qtbot, tmp_path):
    from tests.gui.conftest import small_project

    context = small_project()
    dialog = open_dialog(inspect_file(samples.shapefile(tmp_path, "a", samples.compounds())),
                         context=context)
    names = [layer.name for layer in dialog.preview_map.project.layers]
    assert names[-1] == dialog.report.path  # the file on top
    assert len(names) == 1, "the context lies ~350 km away from Beijing: not drawn"
    near = samples.shapefile(tmp_path / "near", "near", samples.compounds())
    context.add_layer(build(inspect_file(near), ImportChoices()))
    dialog2 = open_dialog(inspect_file(samples.shapefile(tmp_path / "b", "b", samples.compounds())),
                          context=context)
    assert [layer.name for layer in dialog2.preview_map.project.layers][:-1] == ["near"]
    assert "grey" in dialog2.preview_map.extent.text() or "灰" in dialog2.preview_map.extent.text()


def test_cancelled_reread_keeps_what_worked(open_dialog, qtbot, tmp_path, monkeypatch):
    import time

    import gui.importing.dialog as dialog_module

    def slow_read(path, choices, *, near, feedback):  # a big file: reads until cancelled
        while not feedback.is_cancelled():
            time.sleep(0.01)
        feedback.check()

    dialog = open_dialog(inspect_file(samples.gbk_shapefile(tmp_path)))
    monkeypatch.setattr(dialog_module, "inspect", slow_read)
    combo = dialog.source.encoding_combo
    index = combo.findData("BIG5")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert dialog.busy and not dialog.ok_button.isEnabled()
    dialog._task.cancel()  # the Cancel button of the progress dialog
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    assert dialog.choices.encoding is None
    assert dialog.source.encoding_combo.currentData() is None
    assert "阳光花园" in preview_texts(dialog) and dialog.ok_button.isEnabled()


def test_unreadable_encoding_choice_is_explained_and_undone(open_dialog, qtbot, tmp_path):
    dialog = open_dialog(inspect_file(samples.gbk_shapefile(tmp_path)))
    dialog.reread(encoding="NO-SUCH-CODEC")
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    assert "NO-SUCH-CODEC" in dialog.bar.text()
    assert dialog.choices.encoding is None and dialog.ok_button.isEnabled()
    assert "阳光花园" in preview_texts(dialog)


def test_kml_folders_read_together_or_one(open_dialog, qtbot, tmp_path):
    dialog = open_dialog(inspect_file(samples.two_folder_kml(tmp_path)))
    combo = dialog.source.layer_combo
    assert [combo.itemData(i) for i in range(combo.count())] == [None, "小区", "其他"]
    assert combo.currentIndex() == 0 and dialog.report.features == 4
    choose(qtbot, dialog, combo, "其他")
    assert dialog.report.layer == "其他" and dialog.report.features == 1
    choose(qtbot, dialog, combo, None)
    assert dialog.report.layer is None and dialog.report.features == 4


def test_preset_with_crs_answer_reads_again(open_dialog, qtbot, tmp_path):
    from gis.io import ImportPreset

    store = PresetStore(tmp_path / "presets")
    store.save(ImportPreset(role=Role.COMPOUNDS, fields={FieldRole.NAME: "备注"},
                            source_crs="EPSG:4548", name="海淀 GK"))
    dialog = open_dialog(inspect_file(samples.gk_shapefile_without_prj(tmp_path)), presets=store)
    assert not dialog.ok_button.isEnabled()
    dialog.apply_preset("海淀 GK")
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    assert dialog.report.crs.epsg == 4548 and dialog.report.crs.source == "user"
    assert dialog.fields.mapping()[FieldRole.NAME] == "备注"
    assert dialog.ok_button.isEnabled()


def test_encoding_the_file_is_not_in_is_refused_with_a_reason(open_dialog, qtbot, tmp_path):
    dialog = open_dialog(inspect_file(samples.gbk_shapefile(tmp_path)))
    choose(qtbot, dialog, dialog.source.encoding_combo, "UTF-8")  # GBK bytes are not UTF-8
    if dialog.report.encoding.name == "UTF-8":  # an importer that reads it with replacements
        assert "阳光花园" not in preview_texts(dialog)
    else:
        assert "UTF-8" in dialog.bar.text()
        assert dialog.source.encoding_combo.currentData() is None
        assert "阳光花园" in preview_texts(dialog) and dialog.ok_button.isEnabled()
