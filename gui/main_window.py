"""Main window: map in the centre, layers left, attributes below, identify right."""

from __future__ import annotations

import shapely
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QActionGroup, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMessageBox, QToolBar

from gis.crs import WGS84
from gis.layer import Layer
from gis.project import Project
from gis.settings import Settings
from gui.actions import make_action
from gui.attribute_table import AttributeTable
from gui.dock_tabs import keep_dock_tabs_whole, raise_first_tabs
from gui.features import feature_controllers
from gui.i18n import LANGUAGES
from gui.identify import IdentifyPanel
from gui.layer_panel import LayerPanel
from gui.listening import Listener
from gui.map.view import MapView
from gui.status import MapStatusBar
from gui.style_dialog import StyleDialog
from gui.worker import stop_all


class MainWindow(QMainWindow, Listener):
    languageChangeRequested = Signal(str)
    projectSaved = Signal(str)  # the path a save just finished writing

    def __init__(self, project: Project, settings: Settings, parent=None) -> None:
        super().__init__(parent)
        self.project = project
        self.settings = settings
        self.resize(1400, 900)
        self.map = MapView(project, self)
        self.setCentralWidget(self.map)
        self.layers = LayerPanel(project, self)
        self.table = AttributeTable(project, self)
        self.identify = IdentifyPanel(self)
        self.status = MapStatusBar(self)
        self.setStatusBar(self.status)
        self.layers_dock = self._dock(self.tr("Layers"), self.layers, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.table_dock = self._dock(self.tr("Attribute table"), self.table,
                                     Qt.DockWidgetArea.BottomDockWidgetArea)
        self.identify_dock = self._dock(self.tr("Identify"), self.identify,
                                        Qt.DockWidgetArea.RightDockWidgetArea)
        self.resizeDocks([self.layers_dock, self.identify_dock], [260, 260], Qt.Orientation.Horizontal)
        self.resizeDocks([self.table_dock], [220], Qt.Orientation.Vertical)
        self.close_guards: list = []  # callables returning False to keep the window open
        self.save_guards: list = []  # callables(path) returning False to refuse a save there
        self._build_actions()
        self._wire()
        self.features = [feature(self) for feature in feature_controllers()]
        keep_dock_tabs_whole(self)
        raise_first_tabs(self)  # the attribute table and the zones, not the last dock added, on top
        self.map.set_label_size(settings.label_size)
        self._update_title()
        self._on_current_layer(self.layers.current_layer())

    # -- construction ---------------------------------------------------------------
    def add_dock(self, title: str, widget, area=Qt.DockWidgetArea.RightDockWidgetArea) -> QDockWidget:
        """Add a dock (for feature controllers) and list it in the View menu."""
        dock = self._dock(title, widget, area)
        self.view_menu.addAction(dock.toggleViewAction())
        return dock

    def menu(self, title: str):
        """The top-level menu called *title*, created before Help if missing."""
        for act in self.menuBar().actions():
            if act.menu() is not None and act.text() == title:
                return act.menu()
        menu = self.menuBar().addMenu(title)
        self.menuBar().insertMenu(self.help_menu.menuAction(), menu)
        return menu

    def set_project(self, project: Project) -> None:
        """Show another project (File > Open / New): every view follows."""
        self.detach()
        self.project = project
        self.map.set_project(project)
        self.layers.set_project(project)
        self.table.set_project(project)
        self.identify.show_feature(None, None)
        self.listen(project.dirty_changed, self._on_dirty)
        for feature in self.features:
            feature.set_project(project)
        self._update_title()
        self.map.zoom_to_project()

    def _dock(self, title: str, widget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(title)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_actions(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.file_menu.addAction(make_action(self, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit))
        self.view_menu = bar.addMenu(self.tr("&View"))
        self.view_menu.addAction(make_action(self, self.tr("Zoom to all layers"), self.map.zoom_to_project, "Ctrl+0"))
        self.view_menu.addAction(make_action(self, self.tr("Zoom to selection"), self.zoom_to_selection, "Ctrl+J"))
        self.view_menu.addSeparator()
        for dock in (self.layers_dock, self.table_dock, self.identify_dock):
            self.view_menu.addAction(dock.toggleViewAction())
        self.lang_menu = bar.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for code, name in LANGUAGES.items():
            act = make_action(self, name, lambda _=False, c=code: self._change_language(c), checkable=True)
            act.setChecked(code == self.settings.language)
            group.addAction(act)
            self.lang_menu.addAction(act)
        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu.addAction(make_action(self, self.tr("About"), self._about))

        tools = QToolBar(self.tr("Map tools"), self)
        tools.setObjectName("map-tools")
        self.addToolBar(tools)
        self.tools = tools
        modes = QActionGroup(self)
        self.mode_actions = {}
        for mode, text in (("pan", self.tr("Pan / click select")), ("box", self.tr("Box select")),
                           ("lasso", self.tr("Lasso select"))):
            act = make_action(self, text, lambda _=False, m=mode: self.map.set_mode(m), checkable=True)
            act.setChecked(mode == "pan")
            modes.addAction(act)
            tools.addAction(act)
            self.mode_actions[mode] = act
        tools.addSeparator()
        tools.addAction(make_action(self, self.tr("Zoom to all"), self.map.zoom_to_project))

    def _wire(self) -> None:
        self.layers.currentLayerChanged.connect(self._on_current_layer)
        self.layers.styleRequested.connect(self.edit_style)
        self.layers.tableRequested.connect(self._show_table)
        self.layers.zoomRequested.connect(self.map.zoom_to_layer)
        self.table.rowActivated.connect(self._zoom_to_feature)
        self.map.bridge.featureClick.connect(self._on_feature_click)
        self.map.bridge.mapClick.connect(self._on_map_click)
        self.map.bridge.regionSelect.connect(self._on_region_select)
        self.map.bridge.cursorMoved.connect(self.status.show_cursor)
        self.map.viewChanged.connect(self.status.show_view)
        self.listen(self.project.dirty_changed, self._on_dirty)

    # -- reactions --------------------------------------------------------------------
    def current_layer(self) -> Layer | None:
        return self.layers.current_layer()

    def _on_current_layer(self, layer: Layer | None) -> None:
        self.map.pick_first(layer)
        self.table.set_layer(layer)
        self.status.set_layer(layer, self.project.crs)
        if layer is not None:
            self.table_dock.setWindowTitle(self.tr("Attribute table — {name}").format(name=layer.name))

    def _show_table(self, layer: Layer) -> None:
        self.layers.select_layer(layer)
        self.table_dock.show()
        self.table_dock.raise_()

    def _on_feature_click(self, layer_id: str, fid: int, additive: bool) -> None:
        layer = self.project.layer(layer_id)
        if self.current_layer() is not layer:
            self.layers.select_layer(layer)
        current = set(self.project.selection(layer_id))
        if additive:
            current ^= {fid}
        else:
            current = {fid}
        self.project.select(layer_id, current)
        self.identify.show_feature(layer, fid)

    def _on_map_click(self, _lon: float, _lat: float, additive: bool) -> None:
        layer = self.current_layer()
        if layer is not None and not additive:
            self.project.select(layer.id, [])
            self.identify.show_feature(None, None)

    def _on_region_select(self, ring: list, additive: bool) -> None:
        """Select features of the current layer that intersect a box or lasso drawn in lon/lat."""
        layer = self.current_layer()
        if layer is None or len(ring) < 3:
            return
        region = shapely.make_valid(shapely.Polygon(ring))
        hits = layer.display_data().sindex.query(region, predicate="intersects")
        fids = set(int(i) for i in hits)
        if additive:
            fids |= set(self.project.selection(layer.id))
        self.project.select(layer.id, fids)

    def _zoom_to_feature(self, layer_id: str, fid: int) -> None:
        self.map.zoom_to_layer(self.project.layer(layer_id), [fid])

    def zoom_to_selection(self) -> None:
        layer = self.current_layer()
        if layer is not None and self.project.selection(layer.id):
            self.map.zoom_to_layer(layer, self.project.selection(layer.id))

    def edit_style(self, layer: Layer) -> None:
        dialog = StyleDialog(layer, self)
        if dialog.exec():
            layer.style = dialog.style()
            self.project.update_layer(layer)

    def _change_language(self, code: str) -> None:
        if code != self.settings.language:
            self.languageChangeRequested.emit(code)

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About"), self.tr(
            "Old Compound Renewal Planner\n\nPlan the renovation of old residential compounds: "
            "renovation zones, 5/10/15-minute life circles, service gaps and elevators.\n"
            "Map display in WGS 84; measurements in {crs}.").format(
                crs=self.project.crs.name if self.project.crs else WGS84.name))

    def _on_dirty(self, _dirty: bool) -> None:
        self._update_title()

    def refresh_title(self) -> None:
        self._update_title()

    def closeEvent(self, event) -> None:  # noqa: N802
        """Ask every guard (e.g. unsaved changes) before closing, then stop every running
        task (a task stuck in a long C call is abandoned: it cannot keep the process alive)."""
        if all(guard() for guard in self.close_guards):
            stop_all()
            event.accept()
        else:
            event.ignore()

    def _update_title(self) -> None:
        name = self.project.path or self.tr("Untitled project")
        mark = "*" if self.project.dirty else ""
        app_name = self.tr("Old Compound Renewal Planner")
        self.setWindowTitle(f"{mark}{name} — {app_name}")

    def detach(self) -> None:
        """Stop listening to the project (the window is being replaced or closed)."""
        for widget in (self.map, self.layers, self.table, *getattr(self, "features", [])):
            widget.detach()
        Listener.detach(self)

    def shutdown(self) -> None:
        self.detach()
        self.map.shutdown()
