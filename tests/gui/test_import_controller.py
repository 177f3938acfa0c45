"""Add data in the main window: menu action, the dialog round trip, drops, errors, CRS memory."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox

from gis.domain import FieldRole, Role
from tests.gui import import_samples as samples


def importer(win):
    from gui.importing.controller import ImportController

    return next(f for f in win.features if isinstance(f, ImportController))


def wait_dialog(qtbot, ctl):
    qtbot.waitUntil(lambda: ctl.dialog is not None and ctl.dialog.isVisible(), timeout=20000)
    return ctl.dialog


def accept_and_wait(qtbot, ctl, project, count: int):
    dialog = ctl.dialog
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: len(project.layers) == count and not ctl._busy, timeout=20000)


def test_menu_action_and_filters(make_window, project):
    win = make_window(project)
    ctl = importer(win)
    assert ctl.add_action in win.file_menu.actions()
    assert ctl.add_action.shortcut() == QKeySequence("Ctrl+Shift+O")
    filters = ";;".join(ctl.file_filters())
    for pattern in ("*.shp", "*.zip", "*.gpkg", "*.geojson", "*.kml", "*.kmz", "*.gdbtable", "*.dxf",
                    "*.csv", "*.xlsx", "*.xls"):
        assert pattern in filters


def test_add_gbk_shapefile_lands_in_project_selected(make_window, project, qtbot, tmp_path):
    win = make_window(project)
    ctl = importer(win)
    before = len(project.layers)
    ctl.open_paths([samples.gbk_shapefile(tmp_path / "数据")])
    dialog = wait_dialog(qtbot, ctl)
    assert dialog.report.role is Role.COMPOUNDS
    accept_and_wait(qtbot, ctl, project, before + 1)
    layer = project.layers[-1]
    assert layer.name == "小区边界"
    assert layer.role is Role.COMPOUNDS
    assert layer.data.crs.equals(project.crs)
    assert list(layer.column(FieldRole.NAME)) == samples.NAMES
    assert list(layer.column(FieldRole.HOUSEHOLDS)) == [320, 150, 96]
    assert layer.source.encoding == "GB18030" and layer.source.encoding_source == "detected"
    assert win.current_layer() is layer
    lon0, lat0, _, _ = layer.display_data().total_bounds
    assert abs(lon0 - samples.LON0) < 1e-4 and abs(lat0 - samples.LAT0) < 1e-4
    # styled by its role: the fixture already holds a compounds layer, so this one gets another colour
    assert layer.style.label_field == "小区名称", "compound names are labelled"
    assert layer.style.fill != project.layers[0].style.fill


def test_gk_choice_is_required_then_remembered(make_window, project, qtbot, tmp_path):
    win = make_window(project)
    ctl = importer(win)
    path = samples.gk_shapefile_without_prj(tmp_path)
    ctl.open_paths([path])
    dialog = wait_dialog(qtbot, ctl)
    assert not dialog.ok_button.isEnabled()
    dialog.accept()  # refused while the CRS is unknown
    assert dialog.isVisible()
    dialog.crs.choose_candidate(4548)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    accept_and_wait(qtbot, ctl, project, 3)
    lon0, lat0, _, _ = project.layers[-1].display_data().total_bounds
    assert abs(lon0 - samples.LON0) < 1e-4 and abs(lat0 - samples.LAT0) < 1e-4
    assert project.layers[-1].source.crs_source == "user"

    ctl.open_paths([path])  # the same file again: the answer is remembered
    dialog = wait_dialog(qtbot, ctl)
    assert dialog.report.crs.epsg == 4548 and dialog.report.crs.source == "user"
    assert dialog.choices.crs_answer == "EPSG:4548"
    assert dialog.ok_button.isEnabled()
    combo = dialog.source.encoding_combo
    index = combo.findData("GBK")  # reading again keeps the remembered answer
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    assert dialog.report.crs.epsg == 4548
    dialog.reject()
    qtbot.waitUntil(lambda: not ctl._busy, timeout=5000)
    assert len(project.layers) == 3


def test_unsupported_file_says_why_and_the_queue_goes_on(make_window, project, qtbot, tmp_path):
    win = make_window(project)
    ctl = importer(win)
    bad = tmp_path / "notes.docx"
    bad.write_bytes(b"PK\x03\x04 not a dataset")
    good = samples.facilities_csv(tmp_path)
    ctl.open_paths([bad, good])
    qtbot.waitUntil(lambda: win.findChild(QMessageBox, "import-error") is not None, timeout=20000)
    box = win.findChild(QMessageBox, "import-error")
    assert "notes.docx" in box.text() and ".docx" in box.text()
    assert len(project.layers) == 2
    box.close()
    dialog = wait_dialog(qtbot, ctl)  # the next file still opens
    assert dialog.report.geometry_type == "Point"
    dialog.reject()
    qtbot.waitUntil(lambda: not ctl._busy, timeout=5000)
    assert len(project.layers) == 2


def drop_files(widget, paths, pos: QPoint) -> bool:
    """Drag *paths* over *widget* and drop them there, as the window system does."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(pos), Qt.DropAction.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    QApplication.sendEvent(widget, QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, mime, buttons, mods))
    return True


def test_drop_sidecars_imports_the_shapefile_once(make_window, project, qtbot, tmp_path):
    win = make_window(project)
    ctl = importer(win)
    shp = samples.gbk_shapefile(tmp_path)
    assert drop_files(win, [shp.with_suffix(ext) for ext in (".dbf", ".shp", ".prj")], QPoint(5, 5))
    dialog = wait_dialog(qtbot, ctl)
    assert dialog.report.path == str(shp)
    assert ctl.queue == []
    accept_and_wait(qtbot, ctl, project, 3)
    assert project.layers[-1].name == "小区边界"


def test_drop_onto_the_layer_list(make_window, project, qtbot, tmp_path):
    win = make_window(project)
    ctl = importer(win)
    viewport = win.layers.tree.viewport()  # reorders layers itself; files go on to the window
    assert drop_files(viewport, [samples.facilities_csv(tmp_path)], QPoint(10, 10))
    dialog = wait_dialog(qtbot, ctl)
    dialog.reject()
    qtbot.waitUntil(lambda: not ctl._busy, timeout=5000)


def test_drop_onto_the_map(make_window, project, qtbot, tmp_path):
    win = make_window(project)
    ctl = importer(win)
    target = win.map.focusProxy() or win.map  # the page's widget takes drops itself
    notes = tmp_path / "readme.md"
    notes.write_text("not data", encoding="utf-8")
    assert not drop_files(target, [notes], QPoint(20, 20)), "only data files are accepted"
    assert drop_files(target, [samples.facilities_csv(tmp_path)], QPoint(20, 20))
    dialog = wait_dialog(qtbot, ctl)
    assert dialog.report.path.endswith("设施.csv")
    dialog.reject()
    qtbot.waitUntil(lambda: not ctl._busy, timeout=5000)


def test_failed_build_leaves_the_project_untouched(make_window, project, qtbot, tmp_path, monkeypatch):
    import gui.importing.controller as controller
    from gis.errors import FieldMappingError

    def refuse(*_args, **_kwargs):
        raise FieldMappingError("The column {column} is gone.", column="户数")

    monkeypatch.setattr(controller, "build", refuse)
    win = make_window(project)
    ctl = importer(win)
    ctl.open_paths([samples.gbk_shapefile(tmp_path)])
    dialog = wait_dialog(qtbot, ctl)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: win.findChild(QMessageBox, "import-error") is not None, timeout=20000)
    assert "户数" in win.findChild(QMessageBox, "import-error").text()
    assert len(project.layers) == 2 and not ctl._busy


def test_cancelled_read_leaves_the_project_and_goes_on(make_window, project, qtbot, tmp_path):
    win = make_window(project)
    ctl = importer(win)
    ctl.open_paths([samples.gbk_shapefile(tmp_path / "a"), samples.facilities_csv(tmp_path / "b")])
    ctl.task.cancel()  # the user presses Cancel while the first file is read
    dialog = wait_dialog(qtbot, ctl)
    assert dialog.report.path.endswith("设施.csv")
    dialog.reject()
    qtbot.waitUntil(lambda: not ctl._busy, timeout=5000)
    assert len(project.layers) == 2


def test_empty_file_is_explained(make_window, project, qtbot, tmp_path):
    empty = samples.shapefile(tmp_path, "空", samples.compounds().iloc[:0])
    win = make_window(project)
    ctl = importer(win)
    ctl.open_paths([empty])
    qtbot.waitUntil(lambda: win.findChild(QMessageBox, "import-error") is not None, timeout=20000)
    text = win.findChild(QMessageBox, "import-error").text()
    assert "空.shp" in text and ("no features" in text or "要素" in text)
    assert len(project.layers) == 2 and not ctl._busy


def test_cancel_during_a_read_in_parts_stops_it_and_adds_nothing(make_window, project, qtbot, tmp_path,
                                                                  monkeypatch):
    import time

    import pyogrio

    from gis.io import gdal_read

    win = make_window(project)
    ctl = importer(win)
    monkeypatch.setattr(gdal_read, "CHUNK", 1)  # one feature per read: a "large" file
    parts, plain_read = [], pyogrio.read_dataframe

    def read(*args, **kwargs):  # the user presses Cancel while the second part is read
        if "skip_features" in kwargs:
            parts.append(kwargs["skip_features"])
            if len(parts) == 2:
                for _ in range(500):  # until run_task has returned (this runs on the worker thread)
                    if ctl.task is not None:
                        break
                    time.sleep(0.01)
                ctl.task.cancel()
        return plain_read(*args, **kwargs)

    monkeypatch.setattr(pyogrio, "read_dataframe", read)
    ctl.open_paths([samples.gbk_shapefile(tmp_path)])
    qtbot.waitUntil(lambda: not ctl._busy, timeout=20000)
    assert parts == [0, 1] and ctl.dialog is None and win.findChild(QMessageBox, "import-error") is None
    assert len(project.layers) == 2
