"""View ▸ Online basemap…: off by default; on, the map shows the chosen tiles under everything."""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMessageBox,
                               QVBoxLayout)

from gis.errors import GisError
from gis.raster.basemaps import Basemap, basemap_layers, check_basemap
from gis.raster.pyramid import cache_root
from gui.actions import make_action
from gui.features import FeatureController
from gui.i18n import error_text
from gui.listening import on_gui_thread


class BasemapController(FeatureController):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.action = make_action(window, self.tr("Online basemap…"), self.choose)
        window.view_menu.addAction(self.action)
        self.notice = on_gui_thread(self._offline)
        self.apply(Basemap.from_settings(window.settings.basemap))

    def choose(self) -> None:
        dialog = BasemapDialog(self.window, Basemap.from_settings(self.window.settings.basemap))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.window.settings.basemap = dialog.basemap.to_settings()
            self.apply(dialog.basemap)

    def apply(self, basemap: Basemap) -> None:
        """Show *basemap* (or none): its tile layers are fetched by the app, never by the page."""
        self.window.map.set_basemap(basemap_layers(basemap, cache_root(), on_offline=self.notice), basemap.credit())

    def _offline(self, host: str) -> None:
        self.window.statusBar().showMessage(self.tr(
            "The online basemap ({host}) cannot be reached: the map works without it.").format(host=host), 20000)


class BasemapDialog(QDialog):
    KINDS = ("off", "tianditu_vec", "tianditu_img", "osm", "xyz")

    def __init__(self, parent, current: Basemap) -> None:
        super().__init__(parent)
        self.setObjectName("basemap-dialog")
        self.setWindowTitle(self.tr("Online basemap"))
        self.basemap = current
        self.kind = QComboBox(self)
        names = (self.tr("Off (the app stays offline)"), self.tr("天地图 vector map with labels"),
                 self.tr("天地图 imagery with labels"), self.tr("OpenStreetMap"),
                 self.tr("Other tile server (XYZ URL)"))
        for kind, name in zip(self.KINDS, names):
            self.kind.addItem(name, kind)
        self.kind.setCurrentIndex(self.KINDS.index(current.kind))
        self.key = QLineEdit(current.key, self)
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.url = QLineEdit(current.url, self)
        self.url.setPlaceholderText("https://tiles.example.cn/{z}/{x}/{y}.png")
        self.credit = QLineEdit(current.attribution, self)
        self.datum = QComboBox(self)
        self.datum.addItem(self.tr("WGS 84 / CGCS2000 (天地图, OpenStreetMap, most servers)"), "wgs84")
        self.datum.addItem(self.tr("GCJ-02 (AMap/Gaode, Tencent): moved onto the map for display"), "gcj02")
        self.datum.setCurrentIndex(1 if current.datum == "gcj02" else 0)
        note = QLabel(self.tr("Off by default. When on, the app fetches map tiles from that one server and keeps "
                              "them in its cache; the map page itself still goes nowhere. The 天地图 key stays in "
                              "your settings on this computer, never in a project or an export."), self)
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Basemap"), self.kind)
        form.addRow(self.tr("天地图 key"), self.key)
        form.addRow(self.tr("Tile URL"), self.url)
        form.addRow(self.tr("Credit line"), self.credit)
        form.addRow(self.tr("Tiles' coordinate system"), self.datum)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._enable)
        self._enable()

    def _enable(self) -> None:
        kind = self.kind.currentData()
        self.key.setEnabled(kind.startswith("tianditu"))
        self.url.setEnabled(kind == "xyz")
        self.credit.setEnabled(kind == "xyz")
        self.datum.setEnabled(kind == "xyz")

    def accept(self) -> None:
        chosen = Basemap(self.kind.currentData(), self.key.text(), self.url.text(), self.credit.text(),
                         self.datum.currentData())
        try:
            self.basemap = check_basemap(chosen)
        except GisError as err:
            QMessageBox.warning(self, self.windowTitle(), error_text(err))
            return
        super().accept()
