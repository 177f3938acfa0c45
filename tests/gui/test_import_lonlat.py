"""The window asks which system lon/lat without a declared CRS is in (CGCS2000 preselected, or the
GCJ-02 / BD-09 a name hints at), shifts the layer when GCJ-02 is chosen, and remembers the answer."""

from __future__ import annotations

import numpy as np
from pyproj import Transformer
from PySide6.QtWidgets import QLabel

from gis.io import inspect_file
from tests.gui import import_samples as samples
from tests.gui.test_import_controller import accept_and_wait, importer, wait_dialog
from tests.gui.test_import_dialog import open_dialog  # noqa: F401 - the fixture

FOUR = ["EPSG:4490", "EPSG:4326", "gcj02", "bd09"]
METRIC = Transformer.from_crs("EPSG:4326", "EPSG:4548", always_xy=True)


def rows(dialog) -> list[str]:
    table = dialog.crs.candidates
    return [table.item(r, 0).data(0x0100) for r in range(table.rowCount())]  # Qt.UserRole


def selected(dialog) -> list[int]:
    return sorted({i.row() for i in dialog.crs.candidates.selectedItems()})


def test_dialog_asks_with_cgcs2000_preselected(open_dialog, tmp_path):  # noqa: F811
    path = samples.shapefile(tmp_path, "小区边界", samples.compounds(), prj=False)
    dialog = open_dialog(inspect_file(path))
    assert rows(dialog)[:4] == FOUR and selected(dialog) == [0]
    assert not dialog.crs.candidates.isHidden()
    assert "GCJ-02" in dialog.crs.candidates.item(2, 0).text()
    assert "#fff4e5" in dialog.bar.styleSheet()  # the "choice" bar, not information
    assert "CGCS2000" in dialog.bar.text() and "GCJ-02" in dialog.bar.text()
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    assert dialog.choices.source_crs == "EPSG:4490" and dialog.report.crs.source == "user"


def test_a_hinted_datum_comes_first_and_nothing_is_preselected(open_dialog, qtbot, tmp_path):  # noqa: F811
    path = samples.shapefile(tmp_path, "amap_小区", samples.compounds(), prj=False)
    dialog = open_dialog(inspect_file(path))
    assert rows(dialog)[0] == "gcj02" and selected(dialog) == []
    assert not dialog.ok_button.isEnabled()
    from gui.importing.wording import datum_hint, notice_text

    hint = notice_text(datum_hint(dialog.report))
    assert "GCJ-02" in hint
    shown = [w.text() for w in dialog.findChildren(QLabel) if w.isVisible() and hint in w.text()]
    assert shown == [dialog.bar.text()]  # once, in the question bar, not again in the CRS box
    dialog.crs.choose_candidate("EPSG:4326")
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    assert dialog.ok_button.isEnabled() and dialog.report.crs.epsg == 4326
    assert rows(dialog)[selected(dialog)[0]] == "EPSG:4326"


def test_chosen_gcj02_shifts_the_layer_and_is_remembered(make_window, project, qtbot, tmp_path):
    wgs = np.array([(samples.LON0, samples.LAT0)])
    path = samples.shapefile(tmp_path, "小区边界", samples.compounds(), prj=False)
    win = make_window(project)
    ctl = importer(win)
    ctl.open_paths([path])
    dialog = wait_dialog(qtbot, ctl)
    assert dialog.report.crs.needs_choice and rows(dialog)[:4] == FOUR
    dialog.crs.choose_candidate("gcj02")
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    assert dialog.report.crs.datum_shift == "gcj02" and selected(dialog) == [2]
    accept_and_wait(qtbot, ctl, project, 3)
    layer = project.layers[-1]
    assert layer.source.datum_shift == "gcj02" and layer.source.crs_source == "user"
    lon0, lat0 = layer.display_data().total_bounds[:2]
    moved = np.hypot(*(np.subtract(METRIC.transform(lon0, lat0), METRIC.transform(*wgs[0]))))
    assert 200 < moved < 1000, moved  # GCJ-02 lies several hundred metres from WGS 84

    ctl.open_paths([path])  # the same file again: not asked
    dialog = wait_dialog(qtbot, ctl)
    assert not dialog.report.crs.needs_choice and dialog.report.crs.datum_shift == "gcj02"
    assert dialog.choices.source_crs == "gcj02" and dialog.ok_button.isEnabled()
    dialog.reject()
    qtbot.waitUntil(lambda: not ctl._busy, timeout=5000)


def test_opening_such_a_file_asks_in_the_import_dialog(make_window, project, qtbot, tmp_path):
    from gui.project_controller import ProjectController

    path = samples.shapefile(tmp_path, "小区边界", samples.compounds(), prj=False)
    win = make_window(project)
    ctl = importer(win)
    next(f for f in win.features if isinstance(f, ProjectController)).open_path(str(path))
    dialog = wait_dialog(qtbot, ctl)
    assert win.project is not project and not win.project.layers
    assert dialog.report.crs.needs_choice and rows(dialog)[:4] == FOUR
    accept_and_wait(qtbot, ctl, win.project, 1)
    assert win.project.layers[0].source.crs == "EPSG:4490"
