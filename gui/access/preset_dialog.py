"""Edit the capacity preset: each type's default capacity and provision standard, with the source.

Values not yet checked against a standard are marked amber until the user ticks them. Save
writes the user's copy into the settings folder (gis.supply.capacity); the shipped preset is
never touched. "Reset" fills in the shipped values; saving after it removes the user's copy.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QHeaderView, QLabel,
                               QTableWidget, QTableWidgetItem, QTextBrowser, QVBoxLayout)

from gis.domain import FIELD_ROLE_LABELS
from gis.errors import GisError
from gis.standards import localized
from gis.supply.capacity import (BASE_ROLES, BASES, MEASURE_UNITS, CapacityPreset, Provision, load_capacity,
                                 reset_user_capacity, save_user_capacity)
from gui.gaps.wording import type_label
from gui.i18n import error_text, tr_gis, ui_language

UNCHECKED = QColor("#ffe8b0")
COLUMNS = 9


def _spin(value: float, high: float, suffix: str = "") -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(0.0, high)
    box.setDecimals(1)
    box.setSuffix(suffix)
    box.setValue(value)
    return box


class CapacityPresetDialog(QDialog):
    """The editor; ``preset`` holds what is in force after Save."""

    def __init__(self, preset: CapacityPreset, folder: str | Path, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Capacities and provision standards"))
        self.resize(1100, 520)
        self.preset = preset
        self._folder = Path(folder)
        self._reset = False
        self.table = QTableWidget(0, COLUMNS)
        self.table.setHorizontalHeaderLabels([
            self.tr("Facility type"), self.tr("Measured in"), self.tr("Default capacity"), self.tr("Checked"),
            self.tr("Standard: amount"), self.tr("per"), self.tr("of"), self.tr("Pool in a zone"),
            self.tr("Standard checked")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.source = QTextBrowser()
        self.source.setMaximumHeight(150)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Reset
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save as my default"))
        buttons.button(QDialogButtonBox.StandardButton.Reset).setText(self.tr("Reset to the shipped values"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Reset).clicked.connect(self.reset)
        box = QVBoxLayout(self)
        box.addWidget(QLabel(self.tr("Capacities are used where a facility has no capacity field; amber values are "
                                     "not yet checked against a standard. A standard of 0 computes no shortfall.")))
        box.addWidget(self.table, 1)
        box.addWidget(self.source)
        box.addWidget(self.message)
        box.addWidget(buttons)
        self._fill(preset)

    def _fill(self, preset: CapacityPreset) -> None:
        lang = ui_language()
        self.table.setRowCount(len(preset.types))
        for row, (key, t) in enumerate(preset.types.items()):
            p = t.provision or Provision(0.0, 100.0, "households")
            unit = tr_gis("supply", MEASURE_UNITS[t.measure])
            name = QTableWidgetItem(type_label(key))
            name.setFlags(Qt.ItemFlag.ItemIsEnabled)
            name.setData(Qt.ItemDataRole.UserRole, key)
            name.setToolTip(localized(t, "note", lang))
            measure = QTableWidgetItem(unit)
            measure.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, measure)
            base = QComboBox()
            for b in BASES:
                base.addItem(tr_gis("domain", FIELD_ROLE_LABELS[BASE_ROLES[b]]), b)
            base.setCurrentIndex(BASES.index(p.base))
            widgets = {2: _spin(t.default, 1e6, f" {unit}"), 3: _check(t.checked), 4: _spin(p.amount, 1e5, f" {unit}"),
                       5: _spin(p.per, 1e6), 6: base, 7: _check(p.pooled), 8: _check(p.checked)}
            for col, widget in widgets.items():
                self.table.setCellWidget(row, col, widget)
            for value, tick in ((widgets[2], widgets[3]), (widgets[4], widgets[8])):
                _amber(value, tick.isChecked() or not value.value())
                tick.toggled.connect(lambda on, box=value: _amber(box, on))
        src = preset.source
        self.source.setPlainText(f"{localized(src, 'title', lang)}\n\n{localized(src, 'text', lang)}")

    def edited(self) -> CapacityPreset:
        """The preset as the table now shows it."""
        types = {}
        for row in range(self.table.rowCount()):
            key = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
            old = self.preset.types[key]
            cell = self.table.cellWidget
            amount = cell(row, 4).value()
            provision = None
            if amount > 0:
                note = old.provision.note if old.provision else ""
                provision = Provision(amount, cell(row, 5).value() or 1.0, cell(row, 6).currentData(),
                                      cell(row, 7).isChecked(), cell(row, 8).isChecked(), note,
                                      dict(old.provision.zh) if old.provision else {})
            types[key] = replace(old, default=cell(row, 2).value(), checked=cell(row, 3).isChecked(),
                                 provision=provision)
        return replace(self.preset, types=types)

    def reset(self) -> None:
        self._reset = True
        self.preset = load_capacity()
        self._fill(self.preset)

    def save(self) -> None:
        try:
            if self._reset and self.edited() == load_capacity():
                self.preset = reset_user_capacity(self._folder)
            else:
                preset = CapacityPreset.from_dict(self.edited().to_dict())
                save_user_capacity(preset, self._folder)
                self.preset = preset
        except GisError as err:
            self.message.setText(error_text(err))
            self.message.setStyleSheet("color: #b71c1c;")
            return
        self.accept()


def _amber(box, checked: bool) -> None:
    """Amber behind a value not yet checked against a standard."""
    box.setStyleSheet("" if checked else f"background: {UNCHECKED.name()};")


def _check(on: bool) -> QCheckBox:
    box = QCheckBox()
    box.setChecked(on)
    return box
