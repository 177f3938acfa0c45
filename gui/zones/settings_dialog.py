"""Zone settings: the gap tolerance that makes compounds neighbours, and the barriers they may not cross."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QListWidget, QListWidgetItem)

from gis.analysis.zones import NeighbourRule
from gis.domain import FieldRole, Role
from gis.zones.barriers import BarrierChoice
from gui.param_widgets import param_spin

DEFAULT_BARRIER_CLASSES = ("主干路", "快速路", "铁路", "河流")


class ZoneSettingsDialog(QDialog):
    def __init__(self, project, *, gap: float, choice: BarrierChoice | None, parent=None) -> None:
        super().__init__(parent)
        self.project = project
        self.setWindowTitle(self.tr("Zone settings"))
        form = QFormLayout(self)
        self.gap = param_spin(NeighbourRule, "gap_m")  # range, unit and tooltip as declared
        self.gap.setParent(self)
        self.gap.setValue(gap)
        self.layer = QComboBox(self)
        self.layer.addItem(self.tr("(no barriers)"), None)
        for lyr in project.layers:
            if lyr.geom_type in ("line", "polygon") and lyr.role not in (Role.COMPOUNDS, Role.BUILDINGS,
                                                                       Role.ZONES, Role.SERVICE_AREAS):
                self.layer.addItem(lyr.name, lyr.id)
        self.classes = QListWidget(self)
        self.classes.setToolTip(self.tr("Only the checked classes are barriers, e.g. arterial roads."))
        form.addRow(self.tr("Gap tolerance"), self.gap)
        form.addRow(self.tr("Barrier layer"), self.layer)
        form.addRow(self.tr("Barrier classes"), self.classes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   parent=self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.layer.currentIndexChanged.connect(lambda _i: self._fill_classes(None))
        if choice is not None:
            self.layer.setCurrentIndex(max(0, self.layer.findData(choice.layer_id)))
        self._fill_classes(choice)

    def _column(self):
        layer_id = self.layer.currentData()
        if layer_id is None:
            return None, None
        layer = self.project.layer(layer_id)
        return layer, layer.fields.get(FieldRole.ROAD_CLASS)

    def _fill_classes(self, choice: BarrierChoice | None) -> None:
        self.classes.clear()
        layer, column = self._column()
        self.classes.setEnabled(column is not None)
        if column is None:
            return
        chosen = set(choice.values) if choice is not None and choice.column == column else set(DEFAULT_BARRIER_CLASSES)
        for value in sorted(layer.data[column].dropna().astype(str).unique()):
            item = QListWidgetItem(value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if value in chosen else Qt.CheckState.Unchecked)
            self.classes.addItem(item)

    def choice(self) -> BarrierChoice | None:
        layer, column = self._column()
        if layer is None:
            return None
        if column is None:
            return BarrierChoice(layer.id)
        values = tuple(self.classes.item(i).text() for i in range(self.classes.count())
                       if self.classes.item(i).checkState() == Qt.CheckState.Checked)
        return BarrierChoice(layer.id, column, values)
