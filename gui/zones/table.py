"""The zone table: one sortable row per zone, selection synced with the map."""

from __future__ import annotations

import re

import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QTableView

from gis.zones.stats import COLUMNS
from gui.i18n import tr_gis

SHOWN = ["name", "compounds", "buildings", "households", "area_m2", "area_ha", "year_min",
         "year_max", "old_share", "facilities", "contiguous"]


def _text(col: str, value) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return "—"
    if col == "old_share":
        return f"{float(value):.0%}"
    if col == "area_m2":
        return f"{float(value):,.0f}"
    if col == "area_ha":
        return f"{float(value):,.2f}"
    if col == "contiguous":
        return "✓" if bool(value) else "✗"
    if col in ("year_min", "year_max"):
        return str(int(value))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value:,.0f}"
    return str(value)


class ZoneTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.frame = pd.DataFrame(columns=SHOWN)

    def set_frame(self, frame: pd.DataFrame) -> None:
        self.beginResetModel()
        self.frame = frame
        self.endResetModel()

    def zone_id(self, row: int) -> int:
        return int(self.frame.index[row])

    def row_of(self, zone_id: int) -> int | None:
        try:
            return int(self.frame.index.get_loc(zone_id))
        except KeyError:
            return None

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.frame)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(SHOWN)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        col = SHOWN[index.column()]
        value = self.frame[col].iloc[index.row()] if col in self.frame else None
        if role == Qt.ItemDataRole.DisplayRole:
            return _text(col, value)
        if role == Qt.ItemDataRole.UserRole:
            if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
                return float("-inf") if col != "name" else ""
            return value if col == "name" else float(value)
        if role == Qt.ItemDataRole.DecorationRole and col == "name":
            return QColor(self.frame["colour"].iloc[index.row()])
        if role == Qt.ItemDataRole.ForegroundRole and col == "contiguous" and value is False:
            return QColor("#d62728")
        if role == Qt.ItemDataRole.TextAlignmentRole and col != "name":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr_gis("zones", COLUMNS[SHOWN[section]])
        return None


def natural_key(text: str) -> tuple:
    """Sort key that orders runs of digits by value: 片区 2 before 片区 10."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part)
                 for part in re.split(r"(\d+)", text) if part)


class _Proxy(QSortFilterProxyModel):
    def lessThan(self, left, right) -> bool:  # noqa: N802
        a, b = left.data(Qt.ItemDataRole.UserRole), right.data(Qt.ItemDataRole.UserRole)
        if isinstance(a, str) and isinstance(b, str):
            return natural_key(a) < natural_key(b)
        if type(a) is not type(b):
            return str(a) < str(b)
        return a < b


class ZoneTable(QTableView):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model_ = ZoneTableModel(self)
        self.proxy = _Proxy(self)
        self.proxy.setSourceModel(self.model_)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # by name, 片区 1, 2 … 10
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()

    def selected_zone_ids(self) -> list[int]:
        rows = {self.proxy.mapToSource(i).row() for i in self.selectionModel().selectedRows()}
        return sorted(self.model_.zone_id(r) for r in rows)

    def select_zones(self, zone_ids) -> None:
        from PySide6.QtCore import QItemSelection, QItemSelectionModel

        sel = QItemSelection()
        for zid in zone_ids:
            row = self.model_.row_of(zid)
            if row is not None:
                left = self.proxy.mapFromSource(self.model_.index(row, 0))
                right = self.proxy.mapFromSource(self.model_.index(row, len(SHOWN) - 1))
                sel.select(left, right)
        self.selectionModel().select(sel, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                     | QItemSelectionModel.SelectionFlag.Rows)
