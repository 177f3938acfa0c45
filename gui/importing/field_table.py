"""Field mapping: one row per field role, a column choice, and the values it gives."""

from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QTableWidget, QTableWidgetItem

from gis.domain import FIELD_ROLE_LABELS, FieldRole
from gis.io import ImportReport
from gis.io.fields import ROLE_FIELDS
from gui.columns import column_label
from gui.i18n import tr_gis
from gui.importing.facility_table import type_label

SAMPLE_ROWS = 200
SAMPLE_VALUES = 4


def roles_for(report: ImportReport) -> list[FieldRole]:
    """Field roles offered for the report's layer role (plus any already mapped)."""
    roles = list(ROLE_FIELDS.get(report.role, (FieldRole.ID, FieldRole.NAME)))
    return roles + [r for r in report.field_map if r not in roles]


class FieldTable(QTableWidget):
    """Emits ``mappingChanged`` with {FieldRole: column} whenever a choice changes."""

    mappingChanged = Signal(dict)

    def __init__(self, parent=None) -> None:
        super().__init__(0, 3, parent)
        self.setHorizontalHeaderLabels([self.tr("Meaning"), self.tr("Column in the file"),
                                        self.tr("Values read (first rows)")])
        self.verticalHeader().setVisible(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.setColumnWidth(1, 190)
        self._roles: list[FieldRole] = []
        self._building = False

    def show_report(self, report: ImportReport) -> None:
        """Rows for the report's role with its mapping and sample values."""
        self._building = True
        columns = [c for c in report.data.columns if c != report.data.geometry.name]
        self._roles = roles_for(report)
        self.setRowCount(len(self._roles))
        for row, role in enumerate(self._roles):
            label = QTableWidgetItem(tr_gis("domain", FIELD_ROLE_LABELS[role]))
            label.setData(Qt.ItemDataRole.UserRole, role.value)
            self.setItem(row, 0, label)
            self.setCellWidget(row, 1, self._combo(columns, report.field_map.get(role)))
        self._building = False
        self.show_samples(report)

    def _combo(self, columns: list[str], current: str | None) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("(none)"), None)
        for col in columns:
            combo.addItem(column_label(col), col)
        combo.setCurrentIndex(columns.index(current) + 1 if current in columns else 0)
        combo.currentIndexChanged.connect(self._on_changed)
        return combo

    def show_samples(self, report: ImportReport) -> None:
        """The first distinct values each mapped role reads (typed: years, counts, yes/no)."""
        mapped = report.mapped(slice(0, SAMPLE_ROWS))
        for row, role in enumerate(self._roles):
            values = mapped[role.value] if role.value in mapped.columns else None
            if values is not None and role is FieldRole.FACILITY_TYPE:
                values = values.map(lambda k: type_label(k) if isinstance(k, str) else None)
            text = self._sample_text(values)
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            self.setItem(row, 2, item)

    def _sample_text(self, values: pd.Series | None) -> str:
        if values is None:
            return ""
        seen = [v for v in pd.unique(values.dropna())[:SAMPLE_VALUES]]
        if not seen:
            return self.tr("(no readable values)")
        yes, no = self.tr("yes"), self.tr("no")
        return ", ".join((yes if v else no) if isinstance(v, (bool, np.bool_)) else str(v)
                         for v in seen)

    def mapping(self) -> dict[FieldRole, str]:
        """The chosen {role: column}."""
        out = {}
        for row, role in enumerate(self._roles):
            column = self.cellWidget(row, 1).currentData()
            if column is not None:
                out[role] = column
        return out

    def set_column(self, role: FieldRole, column: str | None) -> None:
        """Choose *column* for *role* as the user would (None: unmapped)."""
        combo = self.cellWidget(self._roles.index(role), 1)
        combo.setCurrentIndex(0 if column is None else combo.findData(column))

    def _on_changed(self, _index: int) -> None:
        if not self._building:
            self.mappingChanged.emit(self.mapping())
