"""The Life circles dock: inputs, run status, the band legend with toggles, the network."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QGroupBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout,
                               QWidget)

from gui.lifecircles.legend import LegendTree
from gui.lifecircles.network_panel import NetworkPanel
from gui.lifecircles.options import OptionsPanel


def _boxed(title: str, widget: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.addWidget(widget)
    return box


class LifeCirclesDock(QScrollArea):
    """All life-circle widgets in one scrollable column."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.options = OptionsPanel()
        self.status = QLabel(self.tr("Choose the facilities and press Compute."))
        self.status.setWordWrap(True)
        self.notices = QLabel()
        self.notices.setWordWrap(True)
        self.notices.setStyleSheet("color: #8a4b00;")
        self.notices.hide()
        self.legend = LegendTree()
        self.legend.setMinimumHeight(220)
        self.required_box = QCheckBox(self.tr("Outline the radius each type must serve (dashed)"))
        self.add_layer_button = QPushButton(self.tr("Add to project as a layer"))
        self.add_layer_button.setEnabled(False)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setEnabled(False)
        self.network = NetworkPanel()
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(_boxed(self.tr("Service areas"), self.options))
        layout.addWidget(self.status)
        layout.addWidget(self.notices)
        legend = QWidget()
        legend_layout = QVBoxLayout(legend)
        legend_layout.setContentsMargins(0, 0, 0, 0)
        legend_layout.addWidget(self.legend)
        legend_layout.addWidget(self.required_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_layer_button)
        buttons.addWidget(self.clear_button)
        legend_layout.addLayout(buttons)
        layout.addWidget(_boxed(self.tr("Bands (5/10/15-minute life circles)"), legend), 1)
        layout.addWidget(_boxed(self.tr("Walking network"), self.network))
        self.setWidget(body)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(330)
