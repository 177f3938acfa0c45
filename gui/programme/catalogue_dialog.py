"""The catalogue editor: unit costs, funding shares (%) and "checked" per item, applied to the
programme as one undoable edit or saved as the planner's copy. A value the catalogue refuses
(not a number, a negative cost, shares not adding up to 100 %) is named and nothing changes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QHeaderView, QLabel, QTableWidget,
                               QTableWidgetItem, QVBoxLayout)

from gis.errors import GisError
from gis.programme.catalogue import CHANNELS, catalogue_dict, catalogue_from_dict, save_catalogue
from gui.programme.wording import channel_label, class_label, item_label, refusal_text, unit_label

FIXED = 3  # class, item, unit: read only
COST = FIXED
CHECKED = FIXED + 1 + len(CHANNELS)


def number_text(value: float) -> str:
    return format(float(value), ",")


class CatalogueDialog(QDialog):
    """Edit the catalogue of *controller*'s programme."""

    def __init__(self, controller) -> None:
        super().__init__(controller.window)
        self.controller = controller
        self.setWindowTitle(self.tr("Edit catalogue"))
        self.base = catalogue_dict(controller.programme.catalogue)
        self.table = QTableWidget(len(self.base["items"]), CHECKED + 1)
        self.table.setHorizontalHeaderLabels([self.tr("Class"), self.tr("Item"), self.tr("Unit"),
                                              self.tr("Unit cost (yuan)")]
                                             + [self.tr("{channel} %").format(channel=channel_label(c))
                                                for c in CHANNELS] + [self.tr("Checked")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.message = QLabel(wordWrap=True)
        self.message.setStyleSheet("color: #b71c1c;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.apply_button = buttons.addButton(self.tr("Apply to the programme"), QDialogButtonBox.ButtonRole.ApplyRole)
        self.save_button = buttons.addButton(self.tr("Save as…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.apply_button.clicked.connect(self.apply)
        self.save_button.clicked.connect(self.save_dialog)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(QLabel(self.tr("Unit costs in yuan, funding shares in percent (each item's add up to 100). "
                                     "Tick Checked once a value is checked against a price list.")))
        box.addWidget(self.table, 1)
        box.addWidget(self.message)
        box.addWidget(buttons)
        self._fill()
        self.resize(1180, 640)

    def _fill(self) -> None:
        cat = self.controller.programme.catalogue
        for r, (it, d) in enumerate(zip(cat.items, self.base["items"])):
            for c, text in enumerate((class_label(it.klass), item_label(it), unit_label(it.unit))):
                cell = QTableWidgetItem(text)
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.table.setItem(r, c, cell)
            self.table.setItem(r, COST, self._number(d["unit_cost"]))
            for j, channel in enumerate(CHANNELS):
                self.table.setItem(r, COST + 1 + j, self._number(d["shares"].get(channel, 0.0)))
            checked = QTableWidgetItem()
            checked.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            checked.setCheckState(Qt.CheckState.Checked if d["checked"] else Qt.CheckState.Unchecked)
            self.table.setItem(r, CHECKED, checked)

    @staticmethod
    def _number(value) -> QTableWidgetItem:
        cell = QTableWidgetItem(number_text(value))
        cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return cell

    def set_cell(self, key: str, column: int, text: str) -> None:
        """Type *text* into item *key*'s *column* (COST, COST + 1 + channel, ...)."""
        row = [d["key"] for d in self.base["items"]].index(key)
        self.table.item(row, column).setText(text)

    def catalogue(self):
        """The catalogue the table describes (CatalogueError naming the item when refused)."""
        raw = dict(self.base, items=[dict(d) for d in self.base["items"]])
        for r, d in enumerate(raw["items"]):
            d["unit_cost"] = _value(self.table.item(r, COST).text())
            d["shares"] = {c: _value(self.table.item(r, COST + 1 + j).text()) for j, c in enumerate(CHANNELS)}
            d["shares"] = {c: v for c, v in d["shares"].items() if not (isinstance(v, float) and v == 0.0)}
            d["checked"] = self.table.item(r, CHECKED).checkState() == Qt.CheckState.Checked
        return catalogue_from_dict(raw, where=self.tr("the edited catalogue"))

    def apply(self) -> bool:
        try:
            cat = self.catalogue()
        except GisError as err:
            self.message.setText(refusal_text(err, self.controller.programme.catalogue))
            return False
        self.message.clear()
        return self.controller.use_catalogue(cat)

    def save_dialog(self) -> None:
        folder = getattr(self.controller.window.settings, "last_dir", "") or str(Path.home())
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save catalogue"), str(Path(folder) / "catalogue.json"),
                                              self.tr("Catalogue (*.json)"))
        if path:
            self.save_to(path)

    def save_to(self, path) -> Path | None:
        try:
            return save_catalogue(self.catalogue(), path)
        except GisError as err:
            self.message.setText(refusal_text(err, self.controller.programme.catalogue))
            return None


def _value(text: str):
    """A typed number (thousands separators allowed), else the text itself (the catalogue refuses it)."""
    try:
        return float(text.replace(",", "").replace("，", "").strip())
    except ValueError:
        return text
