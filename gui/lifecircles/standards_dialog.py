"""Edit the life-circle standards: levels, facility radii and time mode, with their source.

Values not yet checked against the official text are marked (amber, ⚠) until the user
ticks them. Save writes the user's copy into the settings folder through gis.standards;
the shipped preset in resources/ is never touched. "Reset" fills in the shipped values;
saving after it removes the user's copy.
"""

from __future__ import annotations

import copy
import html
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout,
                               QHeaderView, QLabel, QSplitter, QTabWidget, QTableWidget,
                               QTableWidgetItem, QTextBrowser, QVBoxLayout, QWidget)

from gis.errors import GisError
from gis.standards import (SPEED_RANGE_MPS, USER_FILE, Level, Standards, load_standards, localized,
                           reset_user_standards, save_user_standards)
from gui.i18n import error_text, fill, tr_gis, ui_language
from gui.lifecircles.wording import group_label, level_label, metres, type_label

UNCHECKED_BG = QColor("#ffe8b0")
MARK = "⚠"


def _spin(value: float, low: float, high: float, *, decimals: int = 1, suffix: str = "",
          step: float = 10.0) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(low, high)
    box.setDecimals(decimals)
    box.setSingleStep(step)
    box.setSuffix(suffix)
    box.setValue(value)
    box.setKeyboardTracking(False)
    return box


class StandardsDialog(QDialog):
    """The standards editor. ``saved`` carries the standards now in force after Save."""

    saved = Signal(object)

    def __init__(self, standards: Standards, folder: str | Path, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Life-circle standards"))
        self.resize(1100, 640)
        self._folder = Path(folder)
        self._std = copy.deepcopy(standards)
        self._reset = False
        self._filling = False
        self._boxes: dict[tuple, QWidget] = {}
        self._build()
        self._fill()

    # -- public ------------------------------------------------------------------------
    def standards(self) -> Standards:
        """The values as edited (a copy; validated on Save)."""
        return self._std

    def distance_box(self, level: str) -> QDoubleSpinBox:
        return self._boxes[("level", level, "distance")]

    def minutes_box(self, level: str) -> QDoubleSpinBox:
        return self._boxes[("level", level, "minutes")]

    def radius_box(self, facility_type: str, variant: str | None = None) -> QDoubleSpinBox:
        return self._boxes[("rule", facility_type, variant, "distance")]

    def level_box(self, facility_type: str, variant: str | None = None) -> QComboBox:
        return self._boxes[("rule", facility_type, variant, "level")]

    def unchecked_rows(self) -> list[str]:
        """What is shown as not yet checked: level keys and ``type[/variant]`` names."""
        out = [lvl.key for lvl in self._std.levels if not lvl.checked]
        for rule in self._std.facilities:
            out += [rule.type.value] if not rule.checked else []
            out += [f"{rule.type.value}/{v.key}" for v in rule.variants if not v.checked]
        return out

    # -- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        self.origin = QLabel()
        self.origin.setWordWrap(True)
        self.tabs = QTabWidget()
        self.levels = self._table([self.tr("Level"), self.tr("Minutes"), self.tr("Distance"),
                                   self.tr("Range from"), self.tr("Range to"), self.tr("Residents"),
                                   self.tr("Checked")])
        self.rules = self._table([self.tr("Facility type"), self.tr("Names in data"), self.tr("Level"),
                                  self.tr("Radius"), self.tr("Checked")])
        self.rules.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.rules.horizontalHeader().setStretchLastSection(False)
        self.tabs.addTab(self.levels, self.tr("Life-circle levels"))
        self.tabs.addTab(self.rules, self.tr("Facility types"))
        self.tabs.addTab(self._time_tab(), self.tr("Time mode"))
        self.source = QTextBrowser()
        self.source.setOpenExternalLinks(False)
        split = QSplitter()
        split.addWidget(self.tabs)
        split.addWidget(self.source)
        split.setSizes([720, 380])
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b71c1c;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel
                                        | QDialogButtonBox.StandardButton.RestoreDefaults)
        self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).setText(
            self.tr("Reset to the shipped preset"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(self.reset)
        layout = QVBoxLayout(self)
        layout.addWidget(self.origin)
        layout.addWidget(split, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.itemChanged.connect(self._on_item_changed)
        return table

    def _time_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.time_on = QCheckBox(self.tr("Measure life circles in walking time (minutes × walking speed)"))
        low, high = SPEED_RANGE_MPS
        self.elderly_speed = _spin(1.0, low, high, decimals=2, suffix=" m/s", step=0.05)
        self.default_speed = _spin(1.2, low, high, decimals=2, suffix=" m/s", step=0.05)
        self.time_note = QLabel()
        self.time_note.setWordWrap(True)
        self.time_preview = QLabel()
        self.time_preview.setWordWrap(True)
        form.addRow(self.time_on)
        form.addRow(self.tr("Walking speed for elderly services (一老)"), self.elderly_speed)
        form.addRow(self.tr("Walking speed for other services"), self.default_speed)
        form.addRow(self.time_note)
        form.addRow(self.tr("Distances in time mode:"), self.time_preview)
        self.time_on.toggled.connect(self._on_time)
        self.elderly_speed.valueChanged.connect(self._on_time)
        self.default_speed.valueChanged.connect(self._on_time)
        return page

    # -- filling from the standards -------------------------------------------------------
    def _fill(self) -> None:
        self._filling = True
        self._boxes.clear()
        user = (self._folder / USER_FILE).exists() and not self._reset
        self.origin.setText(
            self.tr("<b>{name}</b> — your copy, saved in {path}").format(
                name=html.escape(self._text(self._std, "name")), path=html.escape(str(self._folder / USER_FILE))) if user else
            self.tr("<b>{name}</b> — the shipped preset; Save keeps your changes as your own copy in {path}").format(
                name=html.escape(self._text(self._std, "name")), path=html.escape(str(self._folder))))
        self._fill_levels()
        self._fill_rules()
        tm = self._std.time_mode
        self.time_on.setChecked(tm.enabled)
        self.elderly_speed.setValue(tm.elderly_speed_mps)
        self.default_speed.setValue(tm.default_speed_mps)
        self.time_note.setText(self._text(tm, "note"))
        self.source.setHtml(self._source_html())
        self._filling = False
        self._refresh()

    def _fill_levels(self) -> None:
        table = self.levels
        table.setRowCount(len(self._std.levels))
        for row, lvl in enumerate(self._std.levels):
            table.setItem(row, 0, self._text_item(level_label(lvl.key), self._text(lvl, "note")))
            if lvl.minutes is not None:
                self._cell(table, row, 1, ("level", lvl.key, "minutes"),
                           _spin(lvl.minutes, 0.5, 120, suffix=self.tr(" min"), step=1.0))
            else:
                table.setItem(row, 1, self._text_item("—", ""))
            self._cell(table, row, 2, ("level", lvl.key, "distance"), _spin(lvl.distance_m, 1, 100_000, suffix=" m"))
            self._cell(table, row, 3, ("level", lvl.key, "low"), _spin(lvl.range_m[0], 0, 100_000, suffix=" m"))
            self._cell(table, row, 4, ("level", lvl.key, "high"), _spin(lvl.range_m[1], 0, 100_000, suffix=" m"))
            table.setItem(row, 5, self._text_item(lvl.residents, ""))
            table.setItem(row, 6, self._check_item(lvl.checked, ("level", lvl.key)))
            self._mark(table, row, lvl.checked)

    def _fill_rules(self) -> None:
        rows = [item for rule in self._std.facilities for item in [(rule, None)] + [(rule, v) for v in rule.variants]]
        table = self.rules
        table.setRowCount(len(rows))
        for row, (rule, var) in enumerate(rows):
            entry = var if var is not None else rule
            name = type_label(rule.type.value)
            group = self._std.group_of(rule.type)
            if var is None and group is not None:
                name = f"{name}（{group_label(group)}）"
            if var is not None:
                name = "    ↳ " + "、".join(var.names[:2])
            table.setItem(row, 0, self._text_item(name, self._text(entry, "note")))
            table.setItem(row, 1, self._text_item("、".join(entry.names[:4]) + ("…" if len(entry.names) > 4 else ""),
                                                  "、".join(entry.names)))
            key = var.key if var is not None else None
            combo = QComboBox()
            for lvl in self._std.levels:
                combo.addItem(level_label(lvl.key), lvl.key)
            combo.setCurrentIndex(max(combo.findData(entry.level), 0))
            self._cell(table, row, 2, ("rule", rule.type.value, key, "level"), combo)
            self._cell(table, row, 3, ("rule", rule.type.value, key, "distance"),
                       _spin(entry.distance_m, 1, 100_000, suffix=" m"))
            table.setItem(row, 4, self._check_item(entry.checked, ("rule", rule.type.value, key)))
            self._mark(table, row, entry.checked)

    def _cell(self, table: QTableWidget, row: int, col: int, key: tuple, widget: QWidget) -> None:
        self._boxes[key] = widget
        table.setCellWidget(row, col, widget)
        if isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(lambda _i, k=key: self._on_level_choice(k))
        else:
            widget.valueChanged.connect(lambda value, k=key: self._on_value(k, value))

    def _text_item(self, text: str, tip: str) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        if tip:
            item.setToolTip(tip)
        return item

    def _check_item(self, checked: bool, key: tuple) -> QTableWidgetItem:
        item = QTableWidgetItem()
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        item.setData(Qt.ItemDataRole.UserRole, key)
        return item

    def _mark(self, table: QTableWidget, row: int, checked: bool) -> None:
        """Amber rows with ⚠ for values not yet checked against the official text."""
        check = table.item(row, table.columnCount() - 1)
        check.setText(self.tr("checked") if checked else f"{MARK} " + self.tr("not yet checked"))
        brush = QBrush() if checked else QBrush(UNCHECKED_BG)
        for col in range(table.columnCount()):
            item = table.item(row, col)
            if item is not None:
                item.setBackground(brush)
        first = table.item(row, 0)
        text = first.text().removeprefix(f"{MARK} ")
        first.setText(text if checked else f"{MARK} {text}")

    @staticmethod
    def _text(entry, attr: str) -> str:
        """A preset text in the UI language (the preset's Chinese where it has one)."""
        return localized(entry, attr, ui_language())

    def _source_html(self) -> str:
        src = self._std.source
        heading = self.tr("Source")
        hint = self.tr("Amber rows hold values not yet checked against the official text. "
                       "Tick “Checked” once you have verified a value.")
        refs = "".join(f"<li>{html.escape(r)}</li>" for r in src.references)
        return (f"<h3>{html.escape(heading)}</h3><p><b>{html.escape(src.title)}</b></p>"
                f"<p>{html.escape(self._text(src, 'text'))}</p><ul>{refs}</ul>"
                f"<p style='background:{UNCHECKED_BG.name()}'>{MARK} {html.escape(hint)}</p>")

    # -- edits ---------------------------------------------------------------------------------
    def _entry(self, key: tuple):
        if key[0] == "level":
            return self._std.level(key[1])
        rule = self._std.rule(key[1])
        return next(v for v in rule.variants if v.key == key[2]) if key[2] is not None else rule

    def _on_value(self, key: tuple, value: float) -> None:
        if self._filling:
            return
        entry, what = self._entry(key), key[-1]
        if isinstance(entry, Level) and what in ("low", "high"):
            low, high = entry.range_m
            entry.range_m = (value, high) if what == "low" else (low, value)
        elif what == "minutes":
            entry.minutes = value
        else:
            entry.distance_m = value
        self._refresh()

    def _on_level_choice(self, key: tuple) -> None:
        if self._filling:
            return
        entry = self._entry(key)
        entry.level = self._boxes[key].currentData()
        # a new level brings its distance; the user can still change the radius
        self._boxes[key[:-1] + ("distance",)].setValue(self._std.level(entry.level).distance_m)
        self._refresh()

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        key = item.data(Qt.ItemDataRole.UserRole)
        if self._filling or not key:
            return
        entry = self._entry(tuple(key))
        entry.checked = item.checkState() == Qt.CheckState.Checked
        self._filling = True
        self._mark(item.tableWidget(), item.row(), entry.checked)
        self._filling = False

    def _on_time(self, *_args) -> None:
        if self._filling:
            return
        tm = self._std.time_mode
        tm.enabled = self.time_on.isChecked()
        tm.elderly_speed_mps = self.elderly_speed.value()
        tm.default_speed_mps = self.default_speed.value()
        self._refresh()

    def _refresh(self) -> None:
        """Show what makes the values unusable and the distances time mode gives."""
        problems = self._std.problems()
        texts = [fill(tr_gis("standards", t), p) for t, p in problems]
        self.problems.setText("\n".join(texts))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problems)
        timed = self._std.with_time_mode(True)
        parts = []
        for group in self._std.groups:
            first = group.types[0] if group.types else None
            parts.append(f"{group_label(group)}: " + " / ".join(metres(d) for d in timed.ring_distances(first)) + " m")
        self.time_preview.setText(" · ".join(parts))

    # -- buttons ---------------------------------------------------------------------------------
    def reset(self) -> None:
        """Fill in the shipped preset; Save then removes the user's copy."""
        self._std = load_standards()
        self._reset = True
        self._fill()

    def save(self) -> None:
        try:
            if self._reset and self._std.to_dict() == load_standards().to_dict():
                self._std = reset_user_standards(self._folder)
            else:
                save_user_standards(self._std, self._folder)
        except (GisError, OSError) as err:
            self.problems.setText(error_text(err))
            return
        self.saved.emit(self._std)
        self.accept()
