"""Attribute table of one layer: sortable, selection synced with the project both ways."""

from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import (QAbstractTableModel, QItemSelection, QItemSelectionModel, QModelIndex,
                            QSortFilterProxyModel, Qt, Signal)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from gis.layer import Layer
from gis.people import marks
from gis.project import Project
from gui.columns import column_label, value_text
from gui.i18n import ui_language
from gui.listening import Listener


class LayerTableModel(QAbstractTableModel):
    """Rows are features (row = fid), columns the layer's attributes."""

    def __init__(self, layer: Layer | None = None, parent=None) -> None:
        super().__init__(parent)
        self._layer: Layer | None = None
        self._columns: list[str] = []
        self._values: list[np.ndarray] = []
        self.set_layer(layer)

    @property
    def layer(self) -> Layer | None:
        return self._layer

    def set_layer(self, layer: Layer | None) -> None:
        self.beginResetModel()
        self._layer = layer
        self._columns = layer.attribute_columns() if layer else []
        data = marks.in_words(layer.data, ui_language()) if layer else None  # 户数_来源 as 录入 / 调查表 / 估算…
        self._values = [data[c].to_numpy() for c in self._columns] if layer else []
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() or self._layer is None else len(self._layer)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        value = self._values[index.column()][index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return value_text(self._columns[index.column()], value)
        if role == Qt.ItemDataRole.UserRole:  # sort key: numbers as numbers
            return _sort_key(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, (int, float, np.number)):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return column_label(self._columns[section])
        return str(section)


def _sort_key(value):
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return float("-inf")
    if isinstance(value, (bool, np.bool_)):
        return int(value)
    if isinstance(value, (int, float, np.number)):
        return float(value)
    return str(value)


class _SortProxy(QSortFilterProxyModel):
    def lessThan(self, left, right) -> bool:  # noqa: N802
        a = left.data(Qt.ItemDataRole.UserRole)
        b = right.data(Qt.ItemDataRole.UserRole)
        if type(a) is not type(b):
            return str(a) < str(b)
        return a < b


class AttributeTable(QTableView, Listener):
    """Shows the current layer; selecting rows selects features in the project."""

    rowActivated = Signal(str, int)  # layer id, fid (double-click: zoom to it)

    def __init__(self, project: Project, parent=None) -> None:
        super().__init__(parent)
        self.project = project
        self.model_ = LayerTableModel(parent=self)
        self.proxy = _SortProxy(self)
        self.proxy.setSourceModel(self.model_)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setResizeContentsPrecision(100)  # widths from 100 rows, not 1000
        self.verticalHeader().setDefaultSectionSize(22)
        self._syncing = False
        self.selectionModel().selectionChanged.connect(self._on_view_selection)
        self.doubleClicked.connect(self._on_double_click)
        self.listen(project.selection_changed, self._on_project_selection)

    @property
    def layer(self) -> Layer | None:
        return self.model_.layer

    def set_layer(self, layer: Layer | None) -> None:
        self._syncing = True
        self.model_.set_layer(layer)
        self._syncing = False
        self.resizeColumnsToContents()
        if layer is not None:
            self._on_project_selection(layer.id, self.project.selection(layer.id))

    def set_project(self, project: Project) -> None:
        self.detach()
        self.project = project
        self.listen(project.selection_changed, self._on_project_selection)
        self.set_layer(None)

    def selected_fids(self) -> list[int]:
        rows = {self.proxy.mapToSource(i).row() for i in self.selectionModel().selectedRows()}
        return sorted(rows)

    def row_of(self, fid: int) -> int:
        """Visible (sorted) row showing feature *fid*."""
        return self.proxy.mapFromSource(self.model_.index(fid, 0)).row()

    def _on_view_selection(self, *_):
        if self._syncing or self.layer is None:
            return
        self.project.select(self.layer.id, self.selected_fids())

    def _on_project_selection(self, layer_id: str, fids) -> None:
        if self.layer is None or layer_id != self.layer.id:
            return
        self._syncing = True
        try:
            sel = QItemSelection()
            last = self.model_.columnCount() - 1
            for fid in sorted(fids):
                if 0 <= fid < self.model_.rowCount():
                    sel.select(self.proxy.mapFromSource(self.model_.index(fid, 0)),
                               self.proxy.mapFromSource(self.model_.index(fid, max(last, 0))))
            flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                     | QItemSelectionModel.SelectionFlag.Rows)
            self.selectionModel().select(sel, flags)
            if fids:
                self.scrollTo(self.proxy.mapFromSource(self.model_.index(min(fids), 0)))
        finally:
            self._syncing = False

    def _on_double_click(self, index) -> None:
        if self.layer is not None:
            self.rowActivated.emit(self.layer.id, self.proxy.mapToSource(index).row())
