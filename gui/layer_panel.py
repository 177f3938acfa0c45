"""Layer panel: visibility, draw order (drag or buttons), style and legend per layer."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QMenu, QSlider, QToolButton, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from gis.layer import Layer
from gis.project import Project
from gis.style import classify
from gui.columns import category_legend
from gui.listening import Listener
from gui.rasters.panel_items import is_raster_id, raster_item

LAYER_ID = Qt.ItemDataRole.UserRole


def swatch(color: str, kind: str = "polygon", size: int = 14) -> QIcon:
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    from PySide6.QtGui import QPainter, QPen

    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    if kind == "line":
        p.setPen(QPen(QColor(color), 3))
        p.drawLine(1, size - 3, size - 2, 3)
    elif kind == "point":
        p.setBrush(QColor(color))
        p.setPen(QPen(QColor("#ffffff"), 1))
        p.drawEllipse(2, 2, size - 4, size - 4)
    else:
        p.setBrush(QColor(color))
        p.setPen(QPen(QColor("#555555"), 1))
        p.drawRect(1, 1, size - 3, size - 3)
    p.end()
    return QIcon(pm)


class _Tree(QTreeWidget):
    """Tree whose internal drops are reported as a new top-level order."""

    orderDropped = Signal(list)

    def dropEvent(self, event) -> None:  # noqa: N802
        super().dropEvent(event)
        ids = []
        for i in range(self.topLevelItemCount()):
            ids.append(self.topLevelItem(i).data(0, LAYER_ID))
        self.orderDropped.emit(ids)


class LayerPanel(QWidget, Listener):
    """Lists layers top-most first, like ArcGIS and QGIS."""

    currentLayerChanged = Signal(object)  # Layer or None
    styleRequested = Signal(object)
    tableRequested = Signal(object)
    zoomRequested = Signal(object)
    rasterZoomRequested = Signal(object)  # RasterLayer
    rasterRelinkRequested = Signal(object)  # RasterLayer whose file is missing

    def __init__(self, project: Project, parent=None) -> None:
        super().__init__(parent)
        self.project = project
        self.tree = _Tree(self)
        self.tree.setHeaderHidden(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.itemChanged.connect(self._on_item_changed)
        self.tree.currentItemChanged.connect(self._on_current)
        self.tree.itemDoubleClicked.connect(lambda item, _c: self._emit_for(item, self.styleRequested))
        self.tree.orderDropped.connect(self._on_drop)
        self.up = self._button("↑", self.tr("Move layer up"), lambda: self._move(+1))
        self.down = self._button("↓", self.tr("Move layer down"), lambda: self._move(-1))
        self.style_btn = self._button(self.tr("Style"), self.tr("Style…"), lambda: self._emit_current(self.styleRequested))
        buttons = QHBoxLayout()
        for b in (self.up, self.down, self.style_btn):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.tree)
        layout.addWidget(self._opacity_row())
        self._rebuilding = False
        self._rebuild_pending = False
        self._connect(project)
        self.rebuild()

    def _button(self, text: str, tip: str, slot) -> QToolButton:
        b = QToolButton(self)
        b.setText(text)
        b.setToolTip(tip)
        b.clicked.connect(slot)
        return b

    def _opacity_row(self) -> QWidget:
        """Opacity of the current raster (shown only while a raster is current)."""
        self.opacity_box = QWidget(self)
        row = QHBoxLayout(self.opacity_box)
        row.setContentsMargins(2, 0, 2, 0)
        row.addWidget(QLabel(self.tr("Opacity"), self.opacity_box))
        self.opacity = QSlider(Qt.Orientation.Horizontal, self.opacity_box)
        self.opacity.setRange(0, 100)
        self.opacity.valueChanged.connect(self._on_opacity)
        row.addWidget(self.opacity, 1)
        self.opacity_box.hide()
        return self.opacity_box

    def _connect(self, project: Project) -> None:
        self.listen(project.layers_changed, self.rebuild)
        # deferred: a raster row's own check box or the opacity slider changes the rasters, and the
        # row must not be deleted while it is still emitting (Qt would use it after it is gone)
        self.listen(project.rasters_changed, self._rebuild_soon)
        self.listen(project.layer_updated, self._on_layer_updated)

    def set_project(self, project: Project) -> None:
        self.detach()
        self.project = project
        self._connect(project)
        self.rebuild()

    # -- building -----------------------------------------------------------------
    def _rebuild_soon(self) -> None:
        if not self._rebuild_pending:
            self._rebuild_pending = True
            QTimer.singleShot(0, self, self.rebuild)

    def rebuild(self) -> None:
        self._rebuild_pending = False
        current, current_raster = self.current_layer(), self.current_raster()
        self._rebuilding = True
        self.tree.clear()
        for layer in reversed(self.project.layers):
            self.tree.addTopLevelItem(self._item(layer))
        for raster in reversed(self.project.rasters):  # always under the vector layers
            self.tree.addTopLevelItem(raster_item(raster, LAYER_ID))
        self._rebuilding = False
        if current_raster is not None and current_raster in self.project.rasters:
            self.select_layer(current_raster)
            self._show_opacity()
        elif current is not None and current in self.project.layers:
            self.select_layer(current)
        elif self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        else:
            self.currentLayerChanged.emit(None)

    def _item(self, layer: Layer) -> QTreeWidgetItem:
        item = QTreeWidgetItem([f"{layer.name}  ({len(layer):,})"])
        item.setData(0, LAYER_ID, layer.id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsDragEnabled)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDropEnabled)
        item.setCheckState(0, Qt.CheckState.Checked if layer.visible else Qt.CheckState.Unchecked)
        item.setIcon(0, swatch(layer.style.fill if layer.geom_type != "line" else layer.style.stroke,
                               layer.geom_type))
        self._add_legend(item, layer)
        return item

    def _add_legend(self, item: QTreeWidgetItem, layer: Layer) -> None:
        st = layer.style
        if not st.by_field or st.by_field not in layer.data.columns:
            return
        legend = classify(layer.data[st.by_field], method=st.method, classes=st.classes,
                          palette=st.palette).legend
        for entry in category_legend(layer, legend):
            child = QTreeWidgetItem([entry.label])
            child.setIcon(0, swatch(entry.color, layer.geom_type))
            child.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.addChild(child)
        item.setExpanded(True)

    def _on_layer_updated(self, layer: Layer) -> None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, LAYER_ID) == layer.id:
                self._rebuilding = True
                was_current = self.tree.currentItem() is item
                self.tree.takeTopLevelItem(i)
                new = self._item(layer)
                self.tree.insertTopLevelItem(i, new)
                if was_current:
                    self.tree.setCurrentItem(new)
                self._rebuilding = False
                return

    # -- queries --------------------------------------------------------------------
    def current_layer(self) -> Layer | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        while item.parent() is not None:
            item = item.parent()
        try:
            return self.project.layer(item.data(0, LAYER_ID))
        except KeyError:
            return None

    def current_raster(self):
        """The RasterLayer of the current row, or None."""
        item = self.tree.currentItem()
        return self._raster(item.data(0, LAYER_ID)) if item is not None else None

    def _raster(self, layer_id):
        return next((r for r in self.project.rasters if r.id == layer_id), None) if is_raster_id(layer_id) else None

    def select_layer(self, layer) -> None:
        for i in range(self.tree.topLevelItemCount()):
            if self.tree.topLevelItem(i).data(0, LAYER_ID) == layer.id:
                self.tree.setCurrentItem(self.tree.topLevelItem(i))
                return

    # -- reactions ---------------------------------------------------------------------
    def _on_item_changed(self, item: QTreeWidgetItem, _col: int) -> None:
        if self._rebuilding or item.parent() is not None:
            return
        visible = item.checkState(0) == Qt.CheckState.Checked
        raster = self._raster(item.data(0, LAYER_ID))
        if raster is not None:
            if raster.visible != visible:
                raster.visible = visible
                self.project.update_raster(raster)
            return
        layer = self.project.layer(item.data(0, LAYER_ID))
        if layer.visible != visible:
            layer.visible = visible
            self.project.update_layer(layer)

    def _on_current(self, *_):
        if not self._rebuilding:
            self._show_opacity()
            self.currentLayerChanged.emit(self.current_layer())

    def _show_opacity(self) -> None:
        raster = self.current_raster()
        self.opacity_box.setVisible(raster is not None)
        if raster is not None:
            self.opacity.blockSignals(True)
            self.opacity.setValue(round(raster.opacity * 100))
            self.opacity.blockSignals(False)

    def _on_opacity(self, value: int) -> None:
        raster = self.current_raster()
        if raster is not None and round(raster.opacity * 100) != value:
            raster.opacity = value / 100
            self.project.update_raster(raster)

    def _on_drop(self, ids_top_first: list) -> None:
        rasters = {r.id: r for r in self.project.rasters}
        order = [self.project.layer(i) for i in reversed(ids_top_first) if i and i not in rasters]
        raster_order = [rasters[i] for i in reversed(ids_top_first) if i in rasters]
        if [lyr.id for lyr in order] != [lyr.id for lyr in self.project.layers]:
            self.project.layers[:] = order
            self.project.layers_changed.emit()
            self.project.mark_dirty()
        if raster_order != self.project.rasters:
            self.project.rasters[:] = raster_order
            self.project.update_raster()
        self.rebuild()  # a raster dropped among the vector layers goes back under them

    def _move(self, step: int) -> None:
        raster = self.current_raster()
        if raster is not None:
            self.project.move_raster(raster.id, self.project.rasters.index(raster) + step)
            return
        layer = self.current_layer()
        if layer is not None:
            self.project.move_layer(layer.id, self.project.layers.index(layer) + step)

    def _emit_current(self, signal) -> None:
        layer = self.current_layer()
        if layer is not None:
            signal.emit(layer)

    def _emit_for(self, item, signal) -> None:
        while item.parent() is not None:
            item = item.parent()
        if not is_raster_id(item.data(0, LAYER_ID)):
            signal.emit(self.project.layer(item.data(0, LAYER_ID)))

    def _context_menu(self, pos) -> None:
        item = self.tree.itemAt(pos)
        if item is None:
            return
        self.tree.setCurrentItem(item)
        if self.current_raster() is not None:
            self.raster_menu(self.current_raster()).exec(self.tree.viewport().mapToGlobal(pos))
            return
        layer = self.current_layer()
        menu = QMenu(self)
        for text, signal in ((self.tr("Zoom to layer"), self.zoomRequested),
                             (self.tr("Open attribute table"), self.tableRequested),
                             (self.tr("Style…"), self.styleRequested)):
            act = QAction(text, menu)
            act.triggered.connect(lambda _=False, s=signal: s.emit(layer))
            menu.addAction(act)
        menu.addSeparator()
        remove = QAction(self.tr("Remove layer"), menu)
        remove.triggered.connect(lambda: self.project.remove_layer(layer.id))
        menu.addAction(remove)
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    def raster_menu(self, raster) -> QMenu:
        """Zoom to, relink (when its file is missing) or remove a raster layer."""
        menu = QMenu(self)
        if raster.missing:
            relink = QAction(self.tr("Locate file…"), menu)
            relink.triggered.connect(lambda: self.rasterRelinkRequested.emit(raster))
            menu.addAction(relink)
        else:
            zoom = QAction(self.tr("Zoom to layer"), menu)
            zoom.triggered.connect(lambda: self.rasterZoomRequested.emit(raster))
            menu.addAction(zoom)
        menu.addSeparator()
        remove = QAction(self.tr("Remove layer"), menu)
        remove.triggered.connect(lambda: self.project.remove_raster(raster.id))
        menu.addAction(remove)
        return menu
