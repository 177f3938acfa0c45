"""File > Add data…, drag and drop onto the window, and the import dialog around each file.

Each file is read off the UI thread (progress and Cancel), shown in the import dialog,
built into a Layer off the UI thread, then added to the project, selected in the layer
panel and zoomed to. Several files are handled one after the other. A failure shows the
importer's message (which says what to do) and leaves the project untouched.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from gis.io import CrsMemory, ImportReport, inspect_file
from gis.io.crs_memory import FILE_NAME as CRS_MEMORY_FILE
from gis.layer import Layer
from gis.map_style import ready_for_map
from gis.role_style import role_style, variant_for
from gui.features import FeatureController
from gui.i18n import error_text
from gui.importing.choices import build, default_name, recalled_choices
from gui.importing.dialog import ImportDialog
from gui.importing.files import dataset_paths, importable
from gui.importing.presets import PresetStore
from gui.worker import run_task


def crs_memory() -> CrsMemory:
    """The user's CRS answers per file (the import dialog's, recalled when a file opens again)."""
    from gui.app import config_dir

    return CrsMemory(config_dir() / CRS_MEMORY_FILE)


def ask_in_window(window, paths) -> None:
    """Import *paths* through *window*'s import dialog (files whose coordinate system it must ask)."""
    if paths:
        next(f for f in window.features if isinstance(f, ImportController)).open_paths(list(paths))


class ImportController(FeatureController):
    """Owns the Add data actions, the drop target and the queue of files to import."""

    def __init__(self, window) -> None:
        self.window = window
        self.memory = crs_memory()
        self.presets = PresetStore.default()
        self.queue: list[Path] = []
        self.dialog: ImportDialog | None = None
        self.task = None  # the read or build running now
        self._busy = False
        self._build_actions(window)
        self._drops = DropFilter(self, window)
        super().__init__(window)

    # -- actions ------------------------------------------------------------------------------
    def _build_actions(self, window) -> None:
        self.add_action = QAction(self.tr("Add data…"), window)
        self.add_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.add_action.setToolTip(self.tr("Add a Shapefile, GeoPackage, GeoJSON, KML, DXF, CSV or "
                                           "Excel layer (or drop files onto the window)"))
        self.add_action.triggered.connect(self.add_data)
        self.gdb_action = QAction(self.tr("Add File Geodatabase folder…"), window)
        self.gdb_action.triggered.connect(self.add_gdb)
        menu = window.file_menu
        first = menu.actions()[0] if menu.actions() else None
        menu.insertAction(first, self.add_action)
        menu.insertAction(first, self.gdb_action)
        menu.insertSeparator(first)
        tools = window.tools
        tools.insertAction(tools.actions()[0] if tools.actions() else None, self.add_action)

    def file_filters(self) -> list[str]:
        """Filters for the file dialog: every format the importer reads."""
        groups = [
            (self.tr("All supported data"), "*.shp *.zip *.gpkg *.geojson *.json *.kml *.kmz *.gpx "
                                            "*.gdbtable gdb *.dxf *.csv *.txt *.xlsx *.xlsm *.xls "
                                            "*.tif *.tiff *.jpg *.jpeg *.png *.mbtiles"),
            (self.tr("Raster image or tile cache (GeoTIFF, JPG/PNG with world file, MBTiles)"),
             "*.tif *.tiff *.jpg *.jpeg *.png *.mbtiles"),
            (self.tr("Shapefile"), "*.shp"),
            (self.tr("Zipped shapefile or dataset"), "*.zip"),
            (self.tr("GeoPackage"), "*.gpkg"),
            (self.tr("GeoJSON"), "*.geojson *.json"),
            (self.tr("KML / KMZ"), "*.kml *.kmz"),
            (self.tr("GPX (GPS waypoints, routes, tracks)"), "*.gpx"),
            (self.tr("File Geodatabase (any file inside the .gdb folder)"), "gdb *.gdbtable"),
            (self.tr("AutoCAD DXF"), "*.dxf"),
            (self.tr("CSV point table"), "*.csv *.txt"),
            (self.tr("Excel point table"), "*.xlsx *.xlsm *.xls"),
            (self.tr("All files"), "*"),
        ]
        return [f"{label} ({patterns})" for label, patterns in groups]

    def add_data(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self.window, self.tr("Add data"), self._start_dir(),
                                                ";;".join(self.file_filters()))
        self.open_paths(paths)

    def add_gdb(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Add File Geodatabase folder"),
                                                  self._start_dir())
        if folder:
            self.open_paths([folder])

    def _start_dir(self) -> str:
        return self.window.settings.last_dir or str(Path.home())

    # -- the queue ------------------------------------------------------------------------------
    def open_paths(self, paths) -> None:
        """Import each dataset among *paths* (picked or dropped), one after the other."""
        from gui.rasters.controller import RasterController, split_rasters

        rasters, paths = split_rasters(paths)
        if rasters:
            next(f for f in self.window.features if isinstance(f, RasterController)).add_paths(rasters)
        found = [p for p in dataset_paths(paths) if p not in self.queue]
        if not found:
            return
        self.window.settings.last_dir = str(found[-1].parent)
        self.queue.extend(found)
        self._next()

    def _next(self) -> None:
        if self._busy or not self.queue:
            return
        self._busy = True
        path = self.queue.pop(0)
        near, memory = self._near(), self.memory
        self.task = run_task(self.window, self.tr("Reading {name}").format(name=path.name),
                             lambda fb: inspect_file(path, memory=memory, near=near, feedback=fb),
                             self._show_dialog, on_error=self._failed)
        self.task.signals.cancelled.connect(self._done)

    def _done(self, *_args) -> None:
        self._busy = False
        self.task = None
        self.dialog = None
        self._next()

    def _failed(self, err: BaseException) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Add data"), error_text(err),
                          parent=self.window)
        box.setObjectName("import-error")
        box.open()
        self._done()

    def _near(self) -> tuple[float, float] | None:
        """The project's centre in lon/lat (ranks zone candidates next to it first)."""
        boxes = [lyr.display_data().total_bounds for lyr in self.project.layers if len(lyr)]
        if not boxes:
            return None
        x0 = min(b[0] for b in boxes)
        y0 = min(b[1] for b in boxes)
        x1 = max(b[2] for b in boxes)
        y1 = max(b[3] for b in boxes)
        return (x0 + x1) / 2.0, (y0 + y1) / 2.0

    # -- dialog and building --------------------------------------------------------------------
    def _show_dialog(self, report: ImportReport) -> None:
        self.task = None
        dialog = ImportDialog(report, choices=recalled_choices(report, self.memory), near=self._near(),
                              context=self.project, presets=self.presets, parent=self.window)
        dialog.setObjectName("import-dialog")
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._build(dialog))
        dialog.rejected.connect(self._done)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _build(self, dialog: ImportDialog) -> None:
        report, choices = dialog.report, dialog.choices
        if choices.source_crs:
            self.memory.remember(report.path, choices.source_crs, report.layer)
        crs = self.project.crs
        self.task = run_task(self.window, self.tr("Adding {name}").format(name=choices.name or default_name(report)),
                             lambda fb: _built(report, choices, crs, fb), self._add, on_error=self._failed)
        self.task.signals.cancelled.connect(self._done)

    def _add(self, layer: Layer) -> None:
        if self.project.crs is None and not self.project.layers:
            self.project.crs = layer.data.crs  # already the metric CRS for the data's place
        variant = variant_for(layer.role, self.project.layers)
        if variant:  # another layer of the same role: another colour
            layer.style = role_style(layer.role, layer.fields, variant=variant)
        try:
            self.project.add_layer(layer)
        except Exception as err:  # noqa: BLE001 - shown to the user; the project is unchanged
            self._failed(err)
            return
        self.window.layers.select_layer(layer)
        if len(layer):
            self.window.map.zoom_to_layer(layer)
        self._done()


def _built(report: ImportReport, choices, crs, feedback) -> Layer:
    """The layer in *crs* (None: the metric CRS for its place) with what the map page needs of it
    (WGS 84 copy, packed geometry, label positions) made here, off the UI thread."""
    layer = build(report, choices, crs=crs, feedback=feedback.sub(0.0, 0.8))
    ready_for_map(layer)  # WGS 84 copy, packed geometry and label positions: the UI thread only sends them
    feedback.progress(1.0, "")
    return layer


class DropFilter(QObject):
    """Accepts files dragged onto the main window (the map included) and imports them."""

    def __init__(self, controller: ImportController, window) -> None:
        super().__init__(window)
        self.controller = controller
        window.setAcceptDrops(True)
        window.installEventFilter(self)  # drops that no child takes reach the window
        window.map.installEventFilter(self)  # the map page takes drops itself: watch its widgets
        for child in window.map.findChildren(QObject):
            if child.isWidgetType():
                child.installEventFilter(self)

    @staticmethod
    def paths(event) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()
        if kind == QEvent.Type.ChildAdded and obj is self.controller.window.map:
            child = event.child()
            if child.isWidgetType():
                child.installEventFilter(self)
            return False
        if kind not in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            return False
        paths = self.paths(event)
        if not paths:
            return False
        if not any(importable(p) for p in paths):
            # the map page would open a dropped file itself and lose the map: refuse it there
            if obj is not self.controller.window:
                event.ignore()
                return True
            return False
        event.acceptProposedAction()
        if kind == QEvent.Type.Drop:
            self.controller.open_paths(paths)
        return True
