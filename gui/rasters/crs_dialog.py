"""Asking which coordinate system an image's world file uses (the likely ones first)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from gis.io.crs_detect import crs_choices, crs_name


class RasterCrsDialog(QDialog):
    def __init__(self, parent, message: str, candidates: list[int]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Coordinate system of the image"))
        self.setObjectName("raster-crs")
        layout = QVBoxLayout(self)
        text = QLabel(message, self)
        text.setWordWrap(True)
        layout.addWidget(text)
        self.combo = QComboBox(self)
        for epsg in candidates:
            self.combo.addItem(f"★ EPSG:{epsg}  {crs_name(epsg)}", epsg)
        for group, epsg, name in crs_choices():
            if epsg not in candidates:
                self.combo.addItem(f"{QCoreApplication.translate('io', group)} · EPSG:{epsg}  {name}", epsg)
        layout.addWidget(self.combo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> str:
        return f"EPSG:{self.combo.currentData()}"


def ask_raster_crs(parent, message: str, candidates: list[int]) -> str | None:
    """The chosen CRS as ``EPSG:n``, or None when the user cancels (nothing is added)."""
    dialog = RasterCrsDialog(parent, message, candidates)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
