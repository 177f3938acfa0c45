"""Style dialog: single colour or fill by an attribute (categorized / graduated), labels."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QColorDialog, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox,
                               QFormLayout, QPushButton, QSpinBox)

from gis.layer import Layer, LayerStyle
from gis.style import PALETTES, is_numeric


class ColorButton(QPushButton):
    def __init__(self, color: str, parent=None) -> None:
        super().__init__(parent)
        self.set_color(color)
        self.clicked.connect(self._pick)

    def set_color(self, color: str) -> None:
        self.color = color
        self.setStyleSheet(f"background:{color}; min-width: 60px;")

    def _pick(self) -> None:
        c = QColorDialog.getColor(QColor(self.color), self)
        if c.isValid():
            self.set_color(c.name())


class StyleDialog(QDialog):
    def __init__(self, layer: Layer, parent=None) -> None:
        super().__init__(parent)
        self.layer = layer
        self.setWindowTitle(self.tr("Style: {name}").format(name=layer.name))
        st = layer.style
        form = QFormLayout(self)
        self.fill = ColorButton(st.fill, self)
        self.stroke = ColorButton(st.stroke, self)
        self.opacity = QDoubleSpinBox(self)
        self.opacity.setRange(0.0, 1.0)
        self.opacity.setSingleStep(0.05)
        self.opacity.setValue(st.fill_opacity)
        self.weight = QDoubleSpinBox(self)
        self.weight.setRange(0.0, 20.0)
        self.weight.setValue(st.weight)
        self.field = QComboBox(self)
        self.field.addItem(self.tr("(single colour)"), None)
        self.label = QComboBox(self)
        self.label.addItem(self.tr("(no labels)"), None)
        for col in layer.attribute_columns():
            self.field.addItem(col, col)
            self.label.addItem(col, col)
        self.field.setCurrentIndex(max(0, self.field.findData(st.by_field)))
        self.label.setCurrentIndex(max(0, self.label.findData(st.label_field)))
        self.method = QComboBox(self)
        self.method.addItem(self.tr("Categories (unique values)"), "categorized")
        self.method.addItem(self.tr("Graduated (quantiles)"), "graduated")
        self.method.setCurrentIndex(max(0, self.method.findData(st.method)))
        self.classes = QSpinBox(self)
        self.classes.setRange(2, 9)
        self.classes.setValue(st.classes)
        self.palette = QComboBox(self)
        for name in PALETTES:
            self.palette.addItem(name, name)
        self.palette.setCurrentIndex(max(0, self.palette.findData(st.palette)))
        form.addRow(self.tr("Fill colour"), self.fill)
        form.addRow(self.tr("Outline colour"), self.stroke)
        form.addRow(self.tr("Fill opacity"), self.opacity)
        form.addRow(self.tr("Line width"), self.weight)
        form.addRow(self.tr("Fill by attribute"), self.field)
        form.addRow(self.tr("Method"), self.method)
        form.addRow(self.tr("Classes"), self.classes)
        form.addRow(self.tr("Colour ramp"), self.palette)
        form.addRow(self.tr("Labels"), self.label)
        self.field.currentIndexChanged.connect(self._on_field)
        self._on_field()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, parent=self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _on_field(self) -> None:
        col = self.field.currentData()
        numeric = col is not None and is_numeric(self.layer.data[col])
        self.method.setEnabled(col is not None)
        if col is not None and not numeric:
            self.method.setCurrentIndex(self.method.findData("categorized"))
        self.method.model().item(1).setEnabled(numeric)
        self.classes.setEnabled(numeric)
        self.palette.setEnabled(numeric)

    def style(self) -> LayerStyle:
        """The style the dialog describes."""
        return replace(self.layer.style, fill=self.fill.color, stroke=self.stroke.color,
                       fill_opacity=self.opacity.value(), weight=self.weight.value(),
                       by_field=self.field.currentData(), method=self.method.currentData(),
                       classes=self.classes.value(), palette=self.palette.currentData(),
                       label_field=self.label.currentData())
