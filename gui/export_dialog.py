"""The data export dialog: format, layers, target CRS, Shapefile encoding, language."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QLineEdit,
                               QListWidget, QListWidgetItem, QMessageBox, QVBoxLayout)

from gis.export.project_export import SUFFIX, export_project
from gis.i18n import fill
from gis.wording import crs_text

ANALYSIS_NAMES = ("zones", "gaps", "elevators", "service_areas")


class ExportDialog(QDialog):
    """Pick what and how; the export runs off the UI thread and reports what it wrote."""

    FORMATS = ("gpkg", "shp", "geojson", "kml", "dxf", "xlsx", "html")

    def __init__(self, window, *, outputs=None) -> None:
        super().__init__(window)
        self.window_ = window
        self._outputs = outputs  # gis.analysis.outputs.PlanOutputs already computed, or None
        self.setWindowTitle(self.tr("Export"))
        self.format = QComboBox()
        labels = {"gpkg": self.tr("GeoPackage (.gpkg)"), "shp": self.tr("Shapefile (.shp)"),
                  "geojson": self.tr("GeoJSON"), "kml": self.tr("KML (Google Earth, 奥维)"),
                  "dxf": self.tr("DXF (CAD)"), "xlsx": self.tr("Excel report (.xlsx)"),
                  "html": self.tr("Web map (offline .html)")}
        for key in self.FORMATS:
            self.format.addItem(labels[key], key)
        self.crs = QComboBox()
        project_crs = window.project.crs
        lang = getattr(window.settings, "language", "zh_CN")
        self.crs.addItem(self.tr("Project: {crs}").format(crs=crs_text(project_crs, lang)), "")
        self.crs.addItem(self.tr("WGS 84 (longitude/latitude)"), "4326")
        self.crs.addItem(self.tr("GCJ-02 (AMap / 奥维 basemaps)"), "gcj02")
        self.crs.addItem(self.tr("Other EPSG code…"), "epsg")
        self.epsg = QLineEdit(placeholderText="4527")
        self.encoding = QComboBox()
        self.encoding.addItem(self.tr("UTF-8 with .cpg"), "utf-8")
        self.encoding.addItem(self.tr("GBK (older ArcGIS)"), "gbk")
        self.language = QComboBox()
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        if getattr(window.settings, "language", "zh_CN") == "en":
            self.language.setCurrentIndex(1)
        self.layers = QListWidget()
        self._fill_layers()
        form = QFormLayout()
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Layers"), self.layers)
        form.addRow(self.tr("Coordinate system"), self.crs)
        form.addRow("", self.epsg)
        form.addRow(self.tr("Shapefile encoding"), self.encoding)
        form.addRow(self.tr("Language of the document"), self.language)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.tr("Export…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.choose_and_export)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(buttons)
        self.format.currentIndexChanged.connect(self._sync)
        self.crs.currentIndexChanged.connect(self._sync)
        self._sync()

    def _fill_layers(self) -> None:
        labels = {"zones": self.tr("Renovation zones"), "gaps": self.tr("Service gaps per compound"),
                  "elevators": self.tr("Buildings needing an elevator"),
                  "service_areas": self.tr("Service areas (required distance)")}
        names = [n for n in ANALYSIS_NAMES if n != "zones" or self.window_.project.zones is not None]
        for key in names + [lyr.name for lyr in self.window_.project.layers]:
            item = QListWidgetItem(labels.get(key, key))
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.layers.addItem(item)

    def _sync(self) -> None:
        fmt = self.format.currentData()
        self.encoding.setEnabled(fmt == "shp")
        self.layers.setEnabled(fmt not in ("xlsx",))
        self.crs.setEnabled(fmt not in ("xlsx",))
        self.epsg.setVisible(self.crs.currentData() == "epsg")

    def chosen_layers(self) -> list[str]:
        return [self.layers.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.layers.count())
                if self.layers.item(i).checkState() == Qt.CheckState.Checked]

    def options(self) -> dict:
        """The export options as keyword arguments of :func:`gis.export.project_export.export_project`."""
        crs = self.crs.currentData()
        return {"fmt": self.format.currentData(),
                "crs": self.epsg.text().strip() if crs == "epsg" else crs or None,
                "layers": self.chosen_layers(), "encoding": self.encoding.currentData(),
                "language": self.language.currentData(), "strict": False}

    def choose_and_export(self) -> None:
        opts = self.options()
        fmt = opts["fmt"]
        several = fmt in ("shp", "geojson") and len(opts["layers"]) > 1
        start = getattr(self.window_.settings, "last_dir", "") or str(Path.home())
        if several:
            path = QFileDialog.getExistingDirectory(self, self.tr("Export into folder"), start)
        else:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export"), str(Path(start) / f"plan{SUFFIX[fmt]}"),
                                                  f"*{SUFFIX[fmt]}")
        if path:
            self.export_to(path)

    def export_to(self, path: str | Path) -> None:
        """Run the export to *path* in the background; report the files and notices."""
        from gui.worker import run_task

        opts, project = self.options(), self.window_.project
        seed = replace(self._outputs) if self._outputs is not None else None  # each export fills its own copy
        run_task(self.window_, self.tr("Exporting"),
                 lambda feedback: export_project(project, path, feedback=feedback, outputs=seed, **opts),
                 self._done)

    def _done(self, result) -> None:
        from gui.i18n import tr_gis

        notes = [fill(tr_gis("io", n.template), n.params) for n in result.notices]
        text = "\n".join(str(p) for p in result.paths[:12]) + ("\n…" if len(result.paths) > 12 else "")
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Export"),
                          self.tr("Written:\n{files}").format(files=text), parent=self.window_)
        if notes:
            box.setDetailedText("\n".join(notes))
        box.open()
        self.accept()
