"""How a raster layer looks in the layer panel: a checkable row under the vector layers."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QIcon, QLinearGradient, QPainter, QPixmap
from PySide6.QtWidgets import QTreeWidgetItem

from gis.raster.layer import RasterLayer

RASTER_ID_PREFIX = "r"  # vector layer ids are hex, raster ids start with "r"


def is_raster_id(layer_id) -> bool:
    return isinstance(layer_id, str) and layer_id.startswith(RASTER_ID_PREFIX)


def raster_icon(size: int = 14, *, missing: bool = False) -> QIcon:
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    if missing:
        p.setPen(QColor("#b00020"))
        p.drawRect(1, 1, size - 3, size - 3)
        p.drawLine(1, 1, size - 2, size - 2)
    else:
        grad = QLinearGradient(0, 0, size, size)
        grad.setColorAt(0, QColor("#5b8c3a"))
        grad.setColorAt(1, QColor("#c9b37e"))
        p.fillRect(1, 1, size - 2, size - 2, grad)
    p.end()
    return QIcon(pm)


def raster_item(raster: RasterLayer, role) -> QTreeWidgetItem:
    """A top-level row for *raster* (user data *role* holds its id)."""
    missing = QCoreApplication.translate("LayerPanel", "{name}  (file not found)")
    text = missing.format(name=raster.name) if raster.missing else raster.name
    item = QTreeWidgetItem([text])
    item.setData(0, role, raster.id)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsDragEnabled)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDropEnabled)
    item.setCheckState(0, Qt.CheckState.Checked if raster.visible else Qt.CheckState.Unchecked)
    item.setIcon(0, raster_icon(missing=raster.missing))
    item.setToolTip(0, raster.path)
    return item
