"""A whole map sheet: title, map, north arrow, legend, inset, scale, date and notes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import geopandas as gpd
import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen

from gis.export.access_layout import access_print_table
from gis.wording import crs_text, term
from gis.project import Project
from gui.layout.furniture import (INK, draw_frame, draw_legend, draw_north, draw_notes, draw_scale,
                                  draw_title, legend_rows, north_angle, notes_height)
from gui.layout.mapdraw import GroundToPage, draw_map, font
from gui.layout.page import Frames, LayoutSpec, Page, body_height_mm, frames
from gui.layout.scene import DrawLayer, map_scene, nice_scale, project_bounds, view_extent
from gui.layout.table import band_height_mm, draw_print_table, rows_that_fit
from gui.layout.underlay import credits, underlay_image


@dataclass
class MapView:
    """What the map window shows: its centre/zoom/metres-per-pixel report and its size."""

    state: Mapping | None = None
    size_px: tuple[int, int] | None = None
    basemap: tuple = ()  # the map's online basemap: (tile layers, credit line), or ()
    legends: tuple = ()  # (title, rows) of the map's floating legends (gap choropleth, life-circle bands)
    access: object = None  # the Access dock's latest AccessResult: printed as a table (spec.access_table)


def placement(project: Project, page: Page, rect: QRectF, view: MapView | None) -> GroundToPage:
    """Centre and round scale that put the viewed ground rectangle inside *rect*."""
    extent = view_extent(project, view.state if view else None, view.size_px if view else None)
    if extent is None:
        extent = (0.0, 0.0, 1000.0, 1000.0)
    minx, miny, maxx, maxy = extent
    w_mm, h_mm = rect.width() / page.px(1.0), rect.height() / page.px(1.0)
    denom = nice_scale(maxx - minx, maxy - miny, w_mm, h_mm)
    return GroundToPage(rect, ((minx + maxx) / 2, (miny + maxy) / 2), denom, page.dpi)


def render_layout(painter: QPainter, spec: LayoutSpec, project: Project, *,
                  overlays: Mapping[str, gpd.GeoDataFrame] | None = None, view: MapView | None = None) -> None:
    """Draw the sheet described by *spec* on *painter* (a QPdfWriter or a QImage at spec.dpi)."""
    page = Page.of(spec.validated())
    lang = spec.language
    table = access_table(spec, view)
    body = body_height_mm(page)
    parts = frames(page, band_height_mm(page, body, table) if table is not None else 0.0)
    painter.fillRect(QRectF(0, 0, *page.size_px), QColor("white"))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    draw_title(painter, page, parts.title, spec.title or term("title_default", lang), spec.subtitle)
    scene = map_scene(project, overlays)
    where = placement(project, page, parts.map, view)
    basemap = view.basemap if view is not None else ()
    draw_map(painter, page, where, scene, underlay=underlay_image(project, where, basemap))
    draw_frame(painter, page, parts.map)
    if project.crs is not None:
        draw_north(painter, page, parts.map, north_angle(project.crs, where.centre), lang)
    draw_panel(painter, page, parts, spec, project, scene, where, credits(project, basemap),
               view.legends if view else ())
    if table is not None:
        draw_print_table(painter, page, parts.band, table, table.capped(rows_that_fit(page, body, table), lang))


def access_table(spec: LayoutSpec, view: MapView | None):
    """The access result's print table when the sheet asks for it and the window has one, else None."""
    if not spec.access_table or view is None or view.access is None:
        return None
    return access_print_table(view.access, spec.language)


def _notes(spec: LayoutSpec, project: Project, credit: list[str] = ()) -> list[str]:
    lang = spec.language
    colon = "：" if lang == "zh_CN" else ": "
    source = spec.source_note or ("、" if lang == "zh_CN" else ", ").join(
        [lyr.name for lyr in project.layers if lyr.visible] + [r.name for r in project.rasters if r.visible])
    notes = [f"{term('date', lang)}{colon}{spec.date_text}",
             f"{term('crs', lang)}{colon}{crs_text(project.crs, lang)}",
             f"{term('source', lang)}{colon}{source}"] + list(credit)
    if spec.review_number:
        notes.append(f"{term('review_number', lang)}{colon}{spec.review_number}")
    return notes


INSET_CONTEXT = 2.2  # the inset spans this many times the district (and printed area)


def draw_panel(painter: QPainter, page: Page, parts: Frames, spec: LayoutSpec, project: Project,
               scene: list[DrawLayer], where: GroundToPage, credit: list[str] = (), legends=()) -> None:
    """Legend, inset, scale bar and notes in the side (landscape) or bottom (portrait) panel."""
    panel, pad = parts.panel, page.px(3.0)
    draw_frame(painter, page, panel, 0.25)
    inner = panel.adjusted(pad, pad, -pad, -pad)
    notes = _notes(spec, project, credit)
    rows = legend_rows(scene, spec.language, legends)
    scale_h = page.px(13.0 * page.scale)
    if page.landscape:
        notes_h = notes_height(page, inner.width(), notes) + page.px(1.0)
        inset_h = page.px(44.0 * page.scale) if spec.inset else 0.0
        bottom = inner.bottom()
        notes_rect = QRectF(inner.left(), bottom - notes_h, inner.width(), notes_h)
        scale_rect = QRectF(inner.left(), notes_rect.top() - scale_h - page.px(2.0), inner.width(), scale_h)
        inset_rect = QRectF(inner.left(), scale_rect.top() - inset_h - page.px(3.0), inner.width(), inset_h)
        legend_rect = QRectF(inner.left(), inner.top(), inner.width(),
                             (inset_rect.top() if spec.inset else scale_rect.top()) - inner.top() - page.px(2.0))
    else:
        col = inner.width()
        side_w = col * 0.3
        inset_w = col * 0.26 if spec.inset else 0.0
        legend_rect = QRectF(inner.left(), inner.top(), col - side_w - inset_w - page.px(4.0), inner.height())
        inset_rect = QRectF(legend_rect.right() + page.px(2.0), inner.top(), inset_w, inner.height())
        side = QRectF(inner.right() - side_w, inner.top(), side_w, inner.height())
        scale_rect = QRectF(side.left(), side.top(), side.width(), scale_h)
        notes_rect = QRectF(side.left(), scale_rect.bottom() + page.px(2.0), side.width(),
                            side.bottom() - scale_rect.bottom() - page.px(2.0))
    draw_legend(painter, page, legend_rect, rows, spec.language)
    if spec.inset and inset_rect.height() > 0 and inset_rect.width() > 0:
        draw_inset(painter, page, inset_rect, project, scene, where, spec.language)
    draw_scale(painter, page, scale_rect, where, spec.language)
    draw_notes(painter, page, notes_rect, notes)


def draw_inset(painter: QPainter, page: Page, rect: QRectF, project: Project, scene: list[DrawLayer],
               where: GroundToPage, language: str) -> None:
    """The district in its surroundings (INSET_CONTEXT times its size), the printed area outlined in red."""
    bounds = project_bounds(project)
    if bounds is None:
        return
    painter.setFont(font(page, 2.8 * page.scale, bold=True))
    painter.setPen(INK)
    head = QRectF(rect.left(), rect.top(), rect.width(), page.px(4.5 * page.scale))
    painter.drawText(head, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, term("overview", language))
    box = QRectF(rect.left(), head.bottom(), rect.width(), rect.bottom() - head.bottom())
    ex = where.extent
    minx, miny = min(bounds[0], ex[0]), min(bounds[1], ex[1])
    maxx, maxy = max(bounds[2], ex[2]), max(bounds[3], ex[3])
    half = max(maxx - minx, maxy - miny) * INSET_CONTEXT / 2.0  # wider than the main map: where it lies
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    minx, miny, maxx, maxy = cx - half, cy - half, cx + half, cy + half
    px_per_m = min(box.width() / max(maxx - minx, 1.0), box.height() / max(maxy - miny, 1.0)) * 0.92
    denom = page.dpi / 25.4 * 1000.0 / px_per_m
    small = GroundToPage(box, ((minx + maxx) / 2, (miny + maxy) / 2), denom, page.dpi)
    context = [lyr for lyr in scene if lyr.kind in ("polygon", "line")]
    draw_map(painter, page, small, context, labels=False)
    x0, y0, x1, y1 = ex
    corners = small.points(np.array([[x0, y1], [x1, y0]]))
    painter.setPen(QPen(QColor("#d62728"), page.px(0.5)))
    painter.setBrush(QBrush(Qt.BrushStyle.NoBrush))
    painter.drawRect(QRectF(corners[0][0], corners[0][1], corners[1][0] - corners[0][0],
                            corners[1][1] - corners[0][1]))
    draw_frame(painter, page, box, 0.2)
