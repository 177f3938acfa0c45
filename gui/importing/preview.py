"""Preview of an import: the first rows as they will be read, and a small map of them.

The map is a :class:`MapView` over a throwaway project in WGS 84 holding the preview
features on top of the current project's layers (grey, for context), so the user sees
whether the data lands where it should, e.g. a GCJ-02 layer marked as such on top of a
WGS 84 copy of it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHeaderView, QLabel, QStackedWidget, QTableView, QVBoxLayout, QWidget
from shapely.geometry import box

from gis.crs import WGS84
from gis.domain import FIELD_ROLE_LABELS, FieldRole
from gis.io import ImportReport
from gis.layer import Layer, LayerStyle
from gis.project import Project
from gui.columns import column_label
from gui.i18n import plural, tr_gis
from gui.importing.facility_table import type_label
from gui.map.view import MapView

PREVIEW_ROWS = 200
PREVIEW_FEATURES = 500
CONTEXT_FEATURES = 3000
PREVIEW_STYLE = LayerStyle(fill="#e8590c", stroke="#9c3400", fill_opacity=0.45, weight=1.5, radius=5)
CONTEXT_STYLE = LayerStyle(fill="#9aa0a6", stroke="#5f6368", fill_opacity=0.25, weight=1.0, radius=4)


def preview_frame(report: ImportReport, rows: int = PREVIEW_ROWS) -> tuple[pd.DataFrame, list[str], int]:
    """First *rows*: mapped attributes (headers 'Name ← 小区名称') then the file's columns.

    Returns the frame, its headers and how many leading columns are mapped ones.
    """
    mapped = report.mapped(slice(0, rows))
    if FieldRole.FACILITY_TYPE.value in mapped.columns:  # keys → words
        kinds = mapped[FieldRole.FACILITY_TYPE.value]
        mapped[FieldRole.FACILITY_TYPE.value] = [type_label(k) if isinstance(k, str) else None for k in kinds]
    sources = {role.value: col for role, col in report.field_map.items()}
    headers = []
    for key in mapped.columns:
        label = tr_gis("domain", FIELD_ROLE_LABELS[FieldRole(key)])
        headers.append(f"{label} ← {column_label(sources[key])}" if key in sources else label)
    raw = report.data.iloc[:rows].drop(columns=report.data.geometry.name)
    frame = pd.concat([mapped.reset_index(drop=True), raw.reset_index(drop=True)], axis=1,
                      ignore_index=True)
    return frame, headers + [column_label(c) for c in raw.columns], len(mapped.columns)


class FrameModel(QAbstractTableModel):
    """A read-only pandas frame; the first *bold* columns are shown in bold."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._values: list[np.ndarray] = []
        self._headers: list[str] = []
        self._rows = 0
        self._bold = 0

    def set_frame(self, frame: pd.DataFrame, headers: list[str], bold: int = 0) -> None:
        self.beginResetModel()
        self._values = [frame.iloc[:, i].to_numpy(dtype=object) for i in range(frame.shape[1])]
        self._headers, self._rows, self._bold = headers, len(frame), bold
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._values)

    def headers(self) -> list[str]:
        return list(self._headers)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return display(self._values[index.column()][index.row()])
        if role == Qt.ItemDataRole.FontRole and index.column() < self._bold:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._headers[section] if orientation == Qt.Orientation.Horizontal else str(section + 1)


def display(value) -> str:
    """A cell's text: empty for missing values, yes/no for booleans, floats trimmed."""
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, (bool, np.bool_)):
        return "✓" if value else "✗"
    if isinstance(value, (float, np.floating)):
        return f"{value:.6f}".rstrip("0").rstrip(".")
    return str(value)


class PreviewTable(QTableView):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model_ = FrameModel(self)
        self.setModel(self.model_)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setDefaultSectionSize(120)
        self.verticalHeader().setDefaultSectionSize(22)

    def show_report(self, report: ImportReport) -> None:
        frame, headers, bold = preview_frame(report)
        self.model_.set_frame(frame, headers, bold)
        self.resizeColumnsToContents()
        for col in range(self.model_.columnCount()):
            self.setColumnWidth(col, min(self.columnWidth(col), 220))


class PreviewMap(QWidget):
    """The preview features over grey context layers; a note when there is nothing to show."""

    def __init__(self, context: Project | None = None, parent=None) -> None:
        super().__init__(parent)
        self.project = Project(crs=WGS84)
        self._context = [self._context_layer(lyr) for lyr in (context.layers if context else [])
                         if lyr.visible and len(lyr)]
        self.layer: Layer | None = None
        self.map = MapView(self.project, self)
        self.note = QLabel()
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.map)
        self.stack.addWidget(self.note)
        self.extent = QLabel()
        self.extent.setWordWrap(True)
        box_ = QVBoxLayout(self)
        box_.setContentsMargins(0, 0, 0, 0)
        box_.addWidget(self.stack, 1)
        box_.addWidget(self.extent)

    @staticmethod
    def _context_layer(layer: Layer) -> Layer:
        return Layer(layer.name, layer.role, layer.display_data(), style=CONTEXT_STYLE)

    def show_report(self, report: ImportReport) -> None:
        if report.crs.crs is None:
            self._set_layer(None)
            self.note.setText(self.tr("Choose the coordinate system: the map then shows where "
                                      "the data lands."))
            self.stack.setCurrentWidget(self.note)
            self.extent.setText("")
            return
        data = report.preview(PREVIEW_FEATURES)
        name_col = report.field_map.get(FieldRole.NAME)
        style = LayerStyle(**{**PREVIEW_STYLE.__dict__, "label_field": name_col})
        self._set_layer(Layer(report.path, report.role, data, style=style), bounds=data.total_bounds)
        self.stack.setCurrentWidget(self.map)
        b = report.bounds_wgs84
        shown = plural(self.tr("first {n} of {total} features"), n=len(data), total=f"{report.features:,}") \
            if len(data) < report.features else plural(self.tr("all {n} features"), n=f"{report.features:,}")
        text = self.tr("Extent (WGS 84): {x0:.5f}–{x1:.5f}°E, {y0:.5f}–{y1:.5f}°N; map: {shown}").format(
            x0=b[0], x1=b[2], y0=b[1], y1=b[3], shown=shown)
        if len(self.project.layers) > 1:
            text += "<br>" + self.tr("Orange: this file; grey: layers already in the project.")
        self.extent.setText(text)

    def _set_layer(self, layer: Layer | None, bounds=None) -> None:
        for old in list(self.project.layers):
            self.project.remove_layer(old.id)
        if layer is None:
            self.layer = None
            return
        area = box(*bounds).buffer(max(bounds[2] - bounds[0], bounds[3] - bounds[1], 0.002))
        for ctx in self._context:
            near = ctx.data.iloc[ctx.data.sindex.query(area, predicate="intersects")[:CONTEXT_FEATURES]]
            if len(near):
                self.project.add_layer(Layer(ctx.name, ctx.role, near, style=ctx.style))
        self.layer = self.project.add_layer(layer)
        self.map.zoom_to_layer(layer)

    def shutdown(self) -> None:
        self.map.detach()
        self.map.shutdown()
