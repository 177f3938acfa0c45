"""Facility type classification: each distinct category (or name) with its count and type.

The type column is editable; a change becomes an override of that value (or "not a facility
of interest"), which the importer applies before its rules.
"""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QStyledItemDelegate, QTableView

from gis.domain import FACILITY_LABELS, FacilityType
from gui.i18n import tr_gis

NONE_KEY = ""  # "not a facility of interest" in the combo box


def type_label(key: str | None) -> str:
    if not key:
        return ""
    return tr_gis("domain", FACILITY_LABELS[FacilityType(key)])


class FacilityModel(QAbstractTableModel):
    """Rows: distinct values; columns: value, count, type. Emits ``overridesChanged``."""

    overridesChanged = Signal(dict)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[list] = []
        self.overrides: dict[str, str | None] = {}

    def set_summary(self, summary: pd.DataFrame | None, overrides: dict) -> None:
        self.beginResetModel()
        self.overrides = dict(overrides)
        self._rows = [] if summary is None else [
            [str(v), int(n), None if pd.isna(t) else str(t)]
            for v, n, t in summary[["value", "count", "type"]].itertuples(index=False)]
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 3

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (self.tr("Value in the file"), self.tr("Features"), self.tr("Facility type"))[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        value, count, key = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 2:
                return type_label(key) or self.tr("— not a facility of interest —")
            return value if col == 0 else count
        if role == Qt.ItemDataRole.EditRole and col == 2:
            return key or NONE_KEY
        if role == Qt.ItemDataRole.ForegroundRole and col == 2 and not key:
            return Qt.GlobalColor.gray
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return value
        return None

    def flags(self, index: QModelIndex):
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == 2 else base

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if index.column() != 2 or role != Qt.ItemDataRole.EditRole:
            return False
        key = str(value) or None
        row = self._rows[index.row()]
        if key == row[2]:
            return False
        row[2] = key
        self.overrides[row[0]] = key
        self.dataChanged.emit(index, index)
        self.overridesChanged.emit(dict(self.overrides))
        return True

    def row_of(self, value: str) -> int:
        return next(i for i, row in enumerate(self._rows) if row[0] == value)

    def type_of(self, value: str) -> str | None:
        return self._rows[self.row_of(value)][2]


class TypeDelegate(QStyledItemDelegate):
    """A combo box of facility types for the type column."""

    def createEditor(self, parent, option, index):  # noqa: N802
        combo = QComboBox(parent)
        combo.addItem(self.tr("— not a facility of interest —"), NONE_KEY)
        for kind in FacilityType:
            combo.addItem(type_label(kind.value), kind.value)
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor, index) -> None:  # noqa: N802
        key = index.data(Qt.ItemDataRole.EditRole) or NONE_KEY
        editor.setCurrentIndex(max(editor.findData(key), 0))

    def setModelData(self, editor, model, index) -> None:  # noqa: N802
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class FacilityTable(QTableView):
    """The editable value → facility type table (sortable)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model_ = FacilityModel(self)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model_)
        self.setModel(proxy)
        self.setItemDelegateForColumn(2, TypeDelegate(self))
        self.setSortingEnabled(True)
        self.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.setColumnWidth(2, 170)
