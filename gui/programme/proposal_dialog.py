"""The A3 zone proposal dialog: choose the zone, see the sheet, export it as PDF or PNG."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog, QFormLayout, QLabel

from gui.layout.dialog import form_beside_preview
from gui.programme import overlays as plan_overlays
from gui.programme.proposal import export_proposal, proposal_image, proposal_overlays, proposal_spec

PREVIEW_DPI = 40
PREVIEW_PX = 640


class ProposalDialog(QDialog):
    """One zone's proposal sheet (A3 landscape), previewed at 40 dpi, exported at 300 dpi."""

    def __init__(self, window, programme, *, zone: int | None = None) -> None:
        super().__init__(window)
        self.window_ = window
        self.programme = programme
        self.setWindowTitle(self.tr("Zone proposal (A3)"))
        self.zone = QComboBox()
        for z, name in enumerate(programme.facts.zone_names):
            self.zone.addItem(name, z)
        if zone is not None:
            self.zone.setCurrentIndex(zone)
        self.format = QComboBox()
        self.format.addItem(self.tr("PDF (vector)"), "pdf")
        self.format.addItem(self.tr("PNG (300 dpi)"), "png")
        self.preview = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(PREVIEW_PX, int(PREVIEW_PX * 297 / 420))
        self.preview.setStyleSheet("background: #777;")
        form = QFormLayout()
        form.addRow(self.tr("Zone"), self.zone)
        form.addRow(self.tr("Format"), self.format)
        self.export_button = form_beside_preview(self, form, self.preview, self.tr("Export…"))
        self.zone.currentIndexChanged.connect(self.refresh_preview)
        self._image = None
        self.refresh_preview()

    @property
    def language(self) -> str:
        return getattr(self.window_.settings, "language", "zh_CN")

    def overlays(self) -> dict:
        """The map's programme overlays (year colours, reserve) with the zone outlines."""
        view = self.window_.map
        extra = {n: view.overlays[n] for n in plan_overlays.ALL if n in view.overlays}
        return proposal_overlays(self.programme, self.window_.project, self.zone.currentData(), extra)

    def refresh_preview(self) -> None:
        self._image = proposal_image(self.programme, self.window_.project, self.zone.currentData(),
                                     proposal_spec(self.language, dpi=PREVIEW_DPI), self.overlays())
        self._show()

    def _show(self) -> None:
        if self._image is not None:
            size = self.preview.contentsRect().size().expandedTo(self.preview.minimumSize())
            self.preview.setPixmap(QPixmap.fromImage(self._image).scaled(
                size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._show()

    def export(self) -> Path | None:
        fmt = self.format.currentData()
        pattern = self.tr("PDF (*.pdf)") if fmt == "pdf" else self.tr("PNG image (*.png)")
        folder = getattr(self.window_.settings, "last_dir", "") or str(Path.home())
        name = f"{self.zone.currentText()}.{fmt}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export zone proposal"), str(Path(folder) / name), pattern)
        return self.export_to(path) if path else None

    def export_to(self, path: str | Path):
        """Write the sheet to *path* (PDF or PNG by the chosen format) off the UI thread."""
        from gui.worker import run_task

        fmt = self.format.currentData()
        path = Path(path)
        if path.suffix.lower() != f".{fmt}":
            path = path.with_suffix(f".{fmt}")
        prog, project, zone = self.programme, self.window_.project, self.zone.currentData()
        spec, overlays = proposal_spec(self.language), self.overlays()
        return run_task(self.window_, self.tr("Exporting the zone proposal"),
                        lambda _fb: export_proposal(path, fmt, prog, project, zone, spec, overlays),
                        lambda written: self.window_.statusBar().showMessage(
                            self.tr("Saved {path}").format(path=str(written)), 8000))
