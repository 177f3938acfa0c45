"""Map layouts to PDF (vector) and PNG (300 dpi), from the window or from the command line."""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

import geopandas as gpd
from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from gis.errors import ExportError
from gis.export.result import atomic_path
from gis.i18n import QT_TRANSLATE_NOOP
from gis.project import Project
from gui.layout.compose import MapView, render_layout
from gui.layout.page import MM_PER_INCH, LayoutSpec, Page
from gui.none_guard import protect_none

FORMATS = ("pdf", "png")
_PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "A3": QPageSize.PageSizeId.A3}


def layout_image(spec: LayoutSpec, project: Project, *, overlays: Mapping[str, gpd.GeoDataFrame] | None = None,
                 view: MapView | None = None, render=render_layout) -> QImage:
    """The sheet as an image at ``spec.dpi`` (white background); *render* draws it (another
    sheet, e.g. the A3 zone proposal, passes its own)."""
    protect_none()
    page = Page.of(spec.validated())
    w, h = page.size_px
    image = QImage(w, h, QImage.Format.Format_RGB32)
    dpm = round(spec.dpi / MM_PER_INCH * 1000.0)
    image.setDotsPerMeterX(dpm)
    image.setDotsPerMeterY(dpm)
    painter = QPainter(image)
    try:
        render(painter, spec, project, overlays=overlays, view=view)
    finally:
        painter.end()
    return image


def export_png(path: str | Path, spec: LayoutSpec, project: Project, **options) -> Path:
    """Write the sheet as a PNG at ``spec.dpi`` (300 by default)."""
    path = Path(path)
    image = layout_image(spec, project, **options)
    with atomic_path(path) as tmp:
        if not image.save(str(tmp), "PNG"):
            raise _failed(path)
    return path


def export_pdf(path: str | Path, spec: LayoutSpec, project: Project, *,
               overlays: Mapping[str, gpd.GeoDataFrame] | None = None, view: MapView | None = None,
               render=render_layout) -> Path:
    """Write the sheet as a one-page vector PDF (text stays text, polygons stay vectors)."""
    spec = spec.validated()
    protect_none()
    path = Path(path)
    with atomic_path(path) as tmp:
        writer = QPdfWriter(str(tmp))
        writer.setResolution(spec.dpi)
        writer.setPageSize(QPageSize(_PAGE_SIZES[spec.paper]))
        writer.setPageOrientation(QPageLayout.Orientation.Landscape if spec.orientation == "landscape"
                                  else QPageLayout.Orientation.Portrait)
        writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
        writer.setTitle(spec.title)
        writer.setCreator("老旧小区改造规划 Old Compound Renewal Planner")
        painter = QPainter()
        if not painter.begin(writer):
            raise _failed(path)
        try:
            render(painter, spec, project, overlays=overlays, view=view)
        finally:
            painter.end()
    return path


def export_layout(path: str | Path, fmt: str, spec: LayoutSpec, project: Project, **options) -> Path:
    """PDF or PNG by *fmt*."""
    if fmt == "pdf":
        return export_pdf(path, spec, project, **options)
    if fmt == "png":
        return export_png(path, spec, project, **options)
    raise ExportError(QT_TRANSLATE_NOOP("errors", "Map layouts are written as pdf or png, not {format}."),
                      format=fmt)


def window_options(window) -> dict:
    """The overlays and the view of a main window's map (and the Access dock's latest result,
    printed as a table), for :func:`export_layout`."""
    from gis.analysis.session import session_for
    from gui.layout.overlays import overlay_frames

    from gui.map.floating import FloatingPanel

    view = window.map
    legends = tuple(rows for rows in (p.print_rows() for p in view.findChildren(FloatingPanel)) if rows)
    access = session_for(window.project).latest("access")
    return {"overlays": overlay_frames(view, window.project),
            "view": MapView(dict(view.view_state) or None, (view.width(), view.height()), view.basemap,
                            legends, access.result if access is not None else None)}


def cli_export(project: Project, path: str | Path, fmt: str, *, title: str = "", paper: str = "A4",
               orientation: str = "landscape", inset: bool = True, language: str = "zh_CN") -> Path:
    """For ``python main.py export --format pdf|png``: no window, the whole project in view."""
    ensure_gui_app()
    spec = LayoutSpec(paper=paper, orientation=orientation, title=title, inset=inset, language=language)
    return export_layout(path, fmt, spec, project)


def ensure_gui_app():
    """A QGuiApplication for fonts and painting (offscreen when there is no display)."""
    from PySide6.QtGui import QGuiApplication

    protect_none()
    app = QGuiApplication.instance()
    if app is None:
        from gui.app import prepare_environment

        prepare_environment(headless=True)
        app = QGuiApplication(["planner-export"])
    return app


def _failed(path: Path) -> ExportError:
    return ExportError(QT_TRANSLATE_NOOP("errors", "Could not write {path}. Check that the folder is "
                                         "writable and the file is not open in another program."),
                       path=str(path))
