"""The map layout dialog: title, paper, orientation, inset, notes, a live preview, export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget)

from gis.wording import term
from gui.layout.export import export_layout, layout_image, window_options
from gui.layout.page import LayoutSpec

PREVIEW_DPI = 40
PREVIEW_PX = 560
FORM_PX = 300  # the form's text boxes: a title of about 20 characters shows whole


class LayoutDialog(QDialog):
    """Choose the sheet, see it, export it as PDF or PNG (300 dpi) of the current map view."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("Map layout"))
        lang = getattr(window.settings, "language", "zh_CN")
        self.title = QLineEdit(term("title_default", lang))
        self.subtitle = QLineEdit()
        self.paper = QComboBox()
        self.paper.addItems(["A4", "A3"])
        self.orientation = QComboBox()
        self.orientation.addItem(self.tr("Landscape"), "landscape")
        self.orientation.addItem(self.tr("Portrait"), "portrait")
        self.inset = QCheckBox(self.tr("Overview inset"))
        self.inset.setChecked(True)
        self.access_table = QCheckBox(self.tr("Access table (population, capacity, access, shortfall)"))
        self.access_table.setChecked(True)
        self.source = QLineEdit()
        self.source.setPlaceholderText(self.tr("Data source (default: the layer names)"))
        self.date = QLineEdit(date.today().isoformat())
        self.review = QLineEdit()
        self.review.setPlaceholderText(self.tr("e.g. 鲁SG(2024)001号; empty: not printed"))
        self.format = QComboBox()
        self.format.addItem(self.tr("PDF (vector)"), "pdf")
        self.format.addItem(self.tr("PNG (300 dpi)"), "png")
        self.preview = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(PREVIEW_PX, int(PREVIEW_PX * 0.72))
        self.preview.setStyleSheet("background: #777;")
        for edit in (self.title, self.subtitle, self.source, self.date):  # the form reads whole titles
            edit.setMinimumWidth(max(FORM_PX, edit.fontMetrics().horizontalAdvance(edit.text()) + 24))
        self._build()
        self._timer = QTimer(self, singleShot=True, interval=300)
        self._timer.timeout.connect(self.refresh_preview)
        for w in (self.title, self.subtitle, self.source, self.date, self.review):
            w.textChanged.connect(self._timer.start)
        for w in (self.paper, self.orientation):
            w.currentIndexChanged.connect(self._timer.start)
        self.inset.toggled.connect(self._timer.start)
        self.access_table.toggled.connect(self._timer.start)
        self._options = window_options(window)
        self.access_table.setVisible(self._options["view"].access is not None)  # only with a result
        self._image = None
        self.refresh_preview()

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Subtitle"), self.subtitle)
        form.addRow(self.tr("Paper"), self.paper)
        form.addRow(self.tr("Orientation"), self.orientation)
        form.addRow("", self.inset)
        form.addRow("", self.access_table)
        form.addRow(self.tr("Data source"), self.source)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Map review number (审图号)"), self.review)
        form.addRow(self.tr("Format"), self.format)
        self.export_button = form_beside_preview(self, form, self.preview, self.tr("Export…"))

    def spec(self, *, dpi: int | None = None) -> LayoutSpec:
        spec = LayoutSpec(paper=self.paper.currentText(), orientation=self.orientation.currentData(),
                          title=self.title.text().strip(), subtitle=self.subtitle.text().strip(),
                          source_note=self.source.text().strip(), date_text=self.date.text().strip(),
                          inset=self.inset.isChecked(), review_number=self.review.text().strip(),
                          access_table=self.access_table.isChecked(),
                          language=getattr(self.window_.settings, "language", "zh_CN"))
        if dpi is not None:
            spec.dpi = dpi
        return spec

    def refresh_preview(self) -> None:
        """Render the sheet small (40 dpi) — the same drawing as the export."""
        self._image = layout_image(self.spec(dpi=PREVIEW_DPI), self.window_.project, **self._options)
        self._show_preview()

    def _show_preview(self) -> None:
        if self._image is None:
            return
        size = self.preview.contentsRect().size().expandedTo(self.preview.minimumSize())
        self.preview.setPixmap(QPixmap.fromImage(self._image).scaled(
            size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._show_preview()

    def export(self) -> Path | None:
        """Ask where, then export."""
        fmt = self.format.currentData()
        caption = self.tr("Export map layout")
        pattern = self.tr("PDF (*.pdf)") if fmt == "pdf" else self.tr("PNG image (*.png)")
        path, _ = QFileDialog.getSaveFileName(self, caption, self._default_name(fmt), pattern)
        if not path:
            return None
        return self.export_to(path)

    def export_to(self, path: str | Path) -> Path:
        """Write the layout to *path* (PDF or PNG by the chosen format) off the UI thread;
        the status bar says where when it is done, a message box why when it failed."""
        from gui.worker import run_task

        fmt = self.format.currentData()
        path = Path(path)
        if path.suffix.lower() != f".{fmt}":
            path = path.with_suffix(f".{fmt}")
        spec, project, options = self.spec(), self.window_.project, window_options(self.window_)
        run_task(self.window_, self.tr("Exporting the map layout"),
                 lambda _feedback: export_layout(path, fmt, spec, project, **options), self._saved)
        return path

    def _saved(self, written: Path) -> None:
        self.window_.statusBar().showMessage(self.tr("Saved {path}").format(path=str(written)), 8000)

    def _default_name(self, fmt: str) -> str:
        project = self.window_.project
        stem = Path(project.path).stem if project.path else (self.title.text().strip() or "map")
        folder = getattr(self.window_.settings, "last_dir", "") or str(Path.home())
        return str(Path(folder) / f"{stem}.{fmt}")


def form_beside_preview(dialog, form: QFormLayout, preview: QWidget, export_text: str) -> QPushButton:
    """Lay out an export dialog: *form* with Close and an Export button (*export_text*, calling
    ``dialog.export``) on the left, *preview* filling the right; returns the Export button."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    export = buttons.addButton(export_text, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.accepted.connect(dialog.export)
    buttons.rejected.connect(dialog.reject)
    side = QVBoxLayout()
    side.addLayout(form)
    side.addStretch(1)
    side.addWidget(buttons)
    row = QHBoxLayout(dialog)
    row.addLayout(side, 0)
    row.addWidget(preview, 1)
    return export
