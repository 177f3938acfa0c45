"""The dataset part of the import dialog: file, layer choice and text encoding."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel

from gis.io import ImportReport
from gui.i18n import plural
from gui.importing.choices import ENCODINGS, FIXED_ENCODING_DRIVERS
from gui.importing.wording import encoding_source_label, geometry_label

KML_DRIVERS = ("KML", "LIBKML")


class SourceBox(QGroupBox):
    """Shows the file, its layers and encoding; emits the user's changes."""

    layerChosen = Signal(object)  # layer name, or None for all KML folders
    encodingChosen = Signal(object)  # encoding name, or None for automatic

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Dataset"))
        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        self.driver_label = QLabel()
        self.layer_combo = QComboBox()
        self.layer_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.layer_combo.setMinimumContentsLength(16)
        self.encoding_label = QLabel()
        self.encoding_label.setWordWrap(True)
        self.encoding_combo = QComboBox()
        self.encoding_combo.addItem(self.tr("Automatic"), None)
        for name in ENCODINGS:
            self.encoding_combo.addItem(name, name)
        form = QFormLayout(self)
        form.addRow(self.tr("File:"), self.file_label)
        form.addRow(self.tr("Format:"), self.driver_label)
        self.layer_caption = QLabel(self.tr("Layer:"))
        form.addRow(self.layer_caption, self.layer_combo)
        form.addRow(self.tr("Text encoding:"), self.encoding_label)
        form.addRow(self.tr("Read text as:"), self.encoding_combo)
        self.layer_combo.activated.connect(self._on_layer)
        self.encoding_combo.activated.connect(self._on_encoding)

    def show_report(self, report: ImportReport, encoding_choice: str | None) -> None:
        self.file_label.setText(report.path)
        self.driver_label.setText(plural(self.tr("{driver}, {n} features, {kind}"),
            driver=report.driver, n=f"{report.features:,}", kind=geometry_label(report.geometry_type)))
        self._fill_layers(report)
        enc = report.encoding
        if enc is None:
            self.encoding_label.setText(self.tr("none (no attribute table)"))
        else:
            self.encoding_label.setText(f"{enc.name} — {encoding_source_label(enc.source)}")
        fixed = enc is None or report.driver in FIXED_ENCODING_DRIVERS
        self.encoding_combo.setEnabled(not fixed)
        self.encoding_combo.setToolTip(self.tr("This format always stores text as UTF-8.") if fixed else
                                       self.tr("If names look garbled (乱码), read the text with "
                                               "another encoding; the preview updates."))
        self.encoding_combo.setCurrentIndex(index_of(self.encoding_combo, encoding_choice))

    def _fill_layers(self, report: ImportReport) -> None:
        combo = self.layer_combo
        combo.clear()
        if report.driver in KML_DRIVERS and len(report.layers) > 1:
            combo.addItem(self.tr("All folders together"), None)
        for name in report.layers:
            combo.addItem(name, name)
        combo.setCurrentIndex(index_of(combo, report.layer))
        many = combo.count() > 1
        combo.setVisible(many)
        self.layer_caption.setVisible(many)

    def _on_layer(self, index: int) -> None:
        self.layerChosen.emit(self.layer_combo.itemData(index))

    def _on_encoding(self, index: int) -> None:
        self.encodingChosen.emit(self.encoding_combo.itemData(index))


def index_of(combo: QComboBox, data) -> int:
    """Index of the item whose data equals *data* (None included), else 0."""
    return next((i for i in range(combo.count()) if combo.itemData(i) == data), 0)
