"""A sortable, filterable table over a pandas frame: the gap, zone, ranking and siting lists.

Rows are keyed by the frame's index (compound fid, zone id ...). Numbers sort as numbers;
unknown values ("—") sort first. A boolean ``red`` column per cell turns its text red.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
from PySide6.QtCore import (QAbstractTableModel, QItemSelection, QItemSelectionModel, QModelIndex,
                            QSortFilterProxyModel, Qt, Signal)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from gis.money import wan_number
from gui.zones.table import natural_key

RED = QColor("#c62828")
KINDS = ("text", "int", "metres", "year", "score", "share", "yuan")
SIZE_ROWS = 100  # columns are sized from this many rows (a city has tens of thousands)


@dataclass(frozen=True)
class Col:
    """A shown column: frame column *key*, its header, how to print it, and optional
    boolean columns that make the cell red (*red*) and give its tooltip (*tip*)."""

    key: str
    header: str
    kind: str = "text"
    red: str | None = None
    tip: str | None = None


def _missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and not math.isfinite(value))


def cell_text(kind: str, value) -> str:
    if _missing(value):
        return "—"
    if kind == "int":
        return f"{float(value):,.0f}"
    if kind == "metres":  # rounded up: a distance shown as 300 is within a 300 m radius
        return f"{math.ceil(float(value) - 1e-6):,d}"
    if kind == "year":
        return str(int(value))
    if kind == "score":
        return f"{float(value):.1f}"
    if kind == "share":
        return f"{float(value):.0%}"
    if kind == "yuan":
        return wan_number(value)
    return str(value)


class FrameModel(QAbstractTableModel):
    def __init__(self, columns: list[Col], parent=None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.frame = pd.DataFrame()
        self._values: dict[str, np.ndarray] = {}

    def set_frame(self, frame: pd.DataFrame, columns: list[Col] | None = None) -> None:
        self.beginResetModel()
        self.frame = frame
        self._values = {c: frame[c].to_numpy(dtype=object) for c in frame.columns}  # cells without pandas
        if columns is not None:
            self.columns = list(columns)
        self.endResetModel()

    def key(self, row: int):
        value = self.frame.index[row]
        return value.item() if isinstance(value, np.generic) else value

    def row_of(self, key) -> int | None:
        try:
            found = self.frame.index.get_loc(key)
        except KeyError:
            return None
        return int(found) if isinstance(found, (int, np.integer)) else None

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.frame)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def _value(self, row: int, key: str):
        values = self._values.get(key)
        return values[row] if values is not None else None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        col = self.columns[index.column()]
        value = self._value(index.row(), col.key)
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(col.kind, value)
        if role == Qt.ItemDataRole.UserRole:
            if col.kind == "text":
                return "" if _missing(value) else str(value)
            return float("-inf") if _missing(value) else float(value)
        if role == Qt.ItemDataRole.ForegroundRole and col.red and bool(self._value(index.row(), col.red)):
            return RED
        if role == Qt.ItemDataRole.ToolTipRole and col.tip:
            tip = self._value(index.row(), col.tip)
            return None if _missing(tip) else str(tip)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.kind != "text":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role in (Qt.ItemDataRole.DisplayRole,
                                                                 Qt.ItemDataRole.ToolTipRole):
            return self.columns[section].header  # the tooltip: the whole header of a narrowed column
        return None


class FrameProxy(QSortFilterProxyModel):
    """Numeric sort through UserRole; rows limited to a set of keys (None = all)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.keep: np.ndarray | None = None
        self.setSortRole(Qt.ItemDataRole.UserRole)

    def set_keep(self, keep: np.ndarray | None) -> None:
        """*keep*: a boolean mask over the source rows, or None for every row."""
        self.beginFilterChange()
        self.keep = keep
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent) -> bool:  # noqa: N802
        return self.keep is None or (row < len(self.keep) and bool(self.keep[row]))

    def lessThan(self, left, right) -> bool:  # noqa: N802
        a, b = left.data(self.sortRole()), right.data(self.sortRole())
        if isinstance(a, str) and isinstance(b, str):  # names naturally: 片区 2 before 片区 10
            return natural_key(a) < natural_key(b)
        if type(a) is not type(b):
            return str(a) < str(b)
        return a < b


class FrameTable(QTableView):
    """The view: whole-row selection; ``keyActivated`` when the user clicks or moves to a row."""

    keyActivated = Signal(object)

    def __init__(self, columns: list[Col], parent=None, *, multi: bool = False) -> None:
        super().__init__(parent)
        self.model_ = FrameModel(columns, self)
        self.proxy = FrameProxy(self)
        self.proxy.setSourceModel(self.model_)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                              else QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(22)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setResizeContentsPrecision(SIZE_ROWS)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the frame's order until the user sorts
        self._quiet = False
        self._moved = False  # the current row changed in this click: already emitted
        self.clicked.connect(self._on_click)
        self.selectionModel().currentRowChanged.connect(self._on_current)
        self.resizeColumnsToContents()  # headers readable before the first rows arrive

    def set_frame(self, frame: pd.DataFrame, columns: list[Col] | None = None) -> None:
        """Show *frame*; columns are sized when they change (not on every refresh of the rows)."""
        before = ([c.key for c in self.model_.columns], self.model_.rowCount() > 0)
        self._quiet = True
        self.model_.set_frame(frame, columns)
        self._quiet = False
        if before != ([c.key for c in self.model_.columns], True):
            self.resizeColumnsToContents()

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self._moved = False
        super().mousePressEvent(event)

    def _on_current(self, index, _previous) -> None:
        if self._quiet or not index.isValid():
            return
        self._moved = True
        self.keyActivated.emit(self.model_.key(self.proxy.mapToSource(index).row()))

    def _on_click(self, index) -> None:
        """A click on the current row again zooms again (a new row was handled on change)."""
        moved, self._moved = self._moved, False
        if not moved and index.isValid():
            self.keyActivated.emit(self.model_.key(self.proxy.mapToSource(index).row()))

    def key_at(self, view_row: int):
        return self.model_.key(self.proxy.mapToSource(self.proxy.index(view_row, 0)).row())

    def selected_keys(self) -> list:
        rows = {self.proxy.mapToSource(i).row() for i in self.selectionModel().selectedRows()}
        return sorted(self.model_.key(r) for r in rows)

    def select_keys(self, keys) -> None:
        """Select the rows of *keys* without emitting ``keyActivated``; scroll to the first."""
        sel = QItemSelection()
        first = None
        for key in keys:
            row = self.model_.row_of(key)
            if row is None:
                continue
            left = self.proxy.mapFromSource(self.model_.index(row, 0))
            if not left.isValid():
                continue
            right = self.proxy.mapFromSource(self.model_.index(row, self.model_.columnCount() - 1))
            sel.select(left, right)
            if first is None:
                first = left
        self._quiet = True
        self.selectionModel().select(sel, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                     | QItemSelectionModel.SelectionFlag.Rows)
        if first is not None:
            self.selectionModel().setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.scrollTo(first)
        self._quiet = False
