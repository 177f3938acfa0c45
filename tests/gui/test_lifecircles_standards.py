"""The standards dialog: values shown with their source, unchecked values marked, edits saved as
the user's copy (never over the shipped preset), reset, and the map following a changed radius."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from gis.standards import PRESET_PATH, USER_FILE, load_standards
from gui.lifecircles.standards_dialog import UNCHECKED_BG, StandardsDialog
from tests.gui.lifecircles_fixtures import (controller, lifecircles_registered,  # noqa: F401
                                            roads_project, run)


def save_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def test_dialog_shows_source_and_marks_unchecked_values(app, qtbot, tmp_path):
    dialog = StandardsDialog(load_standards(), tmp_path)
    qtbot.addWidget(dialog)
    assert "GB 50180-2018" in dialog.source.toPlainText()
    unchecked = dialog.unchecked_rows()
    assert {"5min", "clinic", "elderly_canteen", "day_care"} <= set(unchecked)
    assert "15min" not in unchecked and "nursing_home" not in unchecked
    # the 5-minute row is amber and says so; the 15-minute row is not
    rows = {dialog.levels.item(r, 0).text(): r for r in range(dialog.levels.rowCount())}
    five = next(r for t, r in rows.items() if t.startswith("⚠"))
    assert dialog.levels.item(five, 0).background().color() == UNCHECKED_BG
    assert sum(t.startswith("⚠") for t in rows) == 1
    assert dialog.distance_box("5min").value() == 300 and dialog.distance_box("15min").value() == 1000
    assert dialog.radius_box("clinic").value() == 300 and dialog.radius_box("clinic", "centre").value() == 1000
    # ticking "checked" clears the mark
    check = dialog.levels.item(five, dialog.levels.columnCount() - 1)
    check.setCheckState(Qt.CheckState.Checked)
    assert "5min" not in dialog.unchecked_rows()
    assert not dialog.levels.item(five, 0).text().startswith("⚠")


def test_bad_values_block_save_and_say_why(app, qtbot, tmp_path):
    dialog = StandardsDialog(load_standards(), tmp_path)
    qtbot.addWidget(dialog)
    dialog.distance_box("15min").setValue(1200)  # outside the standard's 800-1000 m
    assert not save_button(dialog).isEnabled()
    assert "1200" in dialog.problems.text()
    dialog.distance_box("15min").setValue(900)
    assert save_button(dialog).isEnabled() and dialog.problems.text() == ""
    dialog.elderly_speed.setValue(0.8)
    dialog.time_on.setChecked(True)
    assert "240 / 480 / 720 m" in dialog.time_preview.text()  # 5/10/15 min at 0.8 m/s
    assert "360 / 720 / 1080 m" in dialog.time_preview.text()  # at 1.2 m/s
    assert dialog.standards().with_time_mode(True).required("day_care").distance_m == 240


def test_saved_copy_reset_and_shipped_preset_untouched(app, qtbot, tmp_path):
    shipped = PRESET_PATH.read_bytes()
    dialog = StandardsDialog(load_standards(), tmp_path)
    qtbot.addWidget(dialog)
    dialog.level_box("kindergarten").setCurrentIndex(dialog.level_box("kindergarten").findData("10min"))
    assert dialog.radius_box("kindergarten").value() == 500  # the level brings its distance
    with qtbot.waitSignal(dialog.saved, timeout=2000) as saved:
        dialog.save()
    copy = json.loads((tmp_path / USER_FILE).read_text(encoding="utf-8"))
    rule = next(r for r in copy["facilities"] if r["type"] == "kindergarten")
    assert (rule["level"], rule["distance_m"]) == ("10min", 500)
    assert saved.args[0].required("kindergarten").distance_m == 500
    assert PRESET_PATH.read_bytes() == shipped

    again = StandardsDialog(saved.args[0], tmp_path)
    qtbot.addWidget(again)
    assert "standards.json" in again.origin.text()
    again.reset()
    assert again.radius_box("kindergarten").value() == 300
    again.save()
    assert not (tmp_path / USER_FILE).exists()
    assert PRESET_PATH.read_bytes() == shipped


def test_a_changed_radius_redraws_the_bands(make_window, roads_project, qtbot, lifecircles_registered):
    win = make_window(roads_project)
    ctl = controller(win)
    ctl.panel.options.set_mode("buffer")
    before = run(ctl, qtbot)
    outer = before.result.bands.query("type == 'clinic'")["outer_m"].max()
    area = before.result.bands.query("type == 'clinic' and ring == 2")["area_m2"].iloc[0]
    assert outer == 1000
    dialog = ctl.edit_standards()
    assert dialog.isVisible()
    dialog.distance_box("15min").setValue(800)
    dialog.save()  # applies the standards and recomputes the shown result
    assert ctl.task is not None
    qtbot.waitUntil(lambda: ctl.task is None, timeout=60000)
    after = ctl.outcome
    assert after is not before
    assert after.result.bands.query("type == 'clinic'")["outer_m"].max() == 800
    assert after.result.bands.query("type == 'clinic' and ring == 2")["area_m2"].iloc[0] < area
    assert "800" in ctl.panel.options.rings.text()
    assert (lifecircles_registered / USER_FILE).exists()
    # the next window starts from the user's copy
    assert load_standards(lifecircles_registered / USER_FILE).level("15min").distance_m == 800
