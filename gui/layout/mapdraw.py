"""Drawing the map scene with QPainter: vector output, sharp at any resolution.

Why re-render instead of grabbing the web view: a grab is a screen-resolution raster
(a 300-dpi A4 map needs ~3,300 px across, several times the window) and would put a
bitmap into the PDF. Drawing the same layers from the same styles with QPainter gives
vector polygons and text in the PDF (crisp when zoomed, small files) and an exact
300-dpi PNG from the same code. The map has no basemap tiles (it works offline), so
nothing on screen is lost by re-rendering.

Ground coordinates are the project's working CRS (metric Gauss-Krüger), placed on the
page at a round scale (1:N).
"""

from __future__ import annotations

import math
from contextlib import contextmanager
from dataclasses import dataclass, replace

import numpy as np
import shapely
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (QBrush, QColor, QFont, QFontDatabase, QFontMetricsF, QImage, QPainter, QPainterPath,
                           QPaintEngine, QPen, QPolygonF)

from gui.layout.page import DPI, MM_PER_INCH, Page
from gui.layout.scene import DrawLayer

MAP_BACKGROUND = "#f4f1ea"  # the map page's background (resources/web/map.css)
MM_PER_CSS_PX_LINE = 0.2  # a 1-px line on screen prints 0.2 mm wide
MM_PER_CSS_PX_RADIUS = 0.22
CJK_FAMILIES = ("Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", "Noto Sans CJK SC",
                "Source Han Sans SC", "SimHei")


def cjk_family() -> str:
    """The first installed font family that has Chinese glyphs."""
    installed = set(QFontDatabase.families())
    for fam in CJK_FAMILIES:
        if fam in installed:
            return fam
    for fam in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        return fam
    return QFont().defaultFamily()


def font(page: Page, size_mm: float, *, bold: bool = False) -> QFont:
    """A CJK font whose em height is *size_mm* on paper."""
    f = QFont(cjk_family())
    f.setPixelSize(max(1, round(page.px(size_mm))))
    f.setBold(bold)
    return f


@contextmanager
def at_print_resolution(painter: QPainter, page: Page, rect: QRectF):
    """``(painter, page, rect)`` to draw in as the print does. Below print dpi (a preview) that is a
    print-resolution image of *rect*, put in *rect* smoothly scaled down when the block ends: fonts
    keep their print proportions (a 4.6-px font rounded to 5 px is 10 % wider, so texts that fill
    a printed column were cut) and bold text stays text (synthetic bold under a scaled painter
    came out as black blocks)."""
    if page.dpi >= DPI:
        yield painter, page, rect
        return
    k = DPI / page.dpi
    image = QImage(max(1, math.ceil(rect.width() * k)), max(1, math.ceil(rect.height() * k)),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    inner = QPainter(image)
    inner.setRenderHints(painter.renderHints())
    try:
        yield inner, replace(page, dpi=DPI), QRectF(0, 0, rect.width() * k, rect.height() * k)
    finally:
        inner.end()
    small = image.scaled(max(1, round(rect.width())), max(1, round(rect.height())),
                         Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
    painter.drawImage(rect, small)  # area-averaged: bilinear drawing at 1/7.5 dropped strokes


@dataclass(frozen=True)
class GroundToPage:
    """Places ground metres (working CRS) in a page rectangle at scale 1:``denominator``."""

    frame: QRectF
    centre: tuple[float, float]
    denominator: float
    dpi: int

    @property
    def px_per_m(self) -> float:
        return self.dpi / MM_PER_INCH * 1000.0 / self.denominator

    @property
    def extent(self) -> tuple[float, float, float, float]:
        half_w = self.frame.width() / self.px_per_m / 2.0
        half_h = self.frame.height() / self.px_per_m / 2.0
        cx, cy = self.centre
        return cx - half_w, cy - half_h, cx + half_w, cy + half_h

    def points(self, xy: np.ndarray) -> np.ndarray:
        """Ground (n, 2) -> page pixels (n, 2); y grows downwards on the page."""
        s = self.px_per_m
        out = np.empty_like(xy, dtype=float)
        out[:, 0] = self.frame.center().x() + (xy[:, 0] - self.centre[0]) * s
        out[:, 1] = self.frame.center().y() - (xy[:, 1] - self.centre[1]) * s
        return out


def draw_map(painter: QPainter, page: Page, where: GroundToPage, scene: list[DrawLayer], *,
             labels: bool = True, background: str = MAP_BACKGROUND, underlay=None) -> None:
    """Draw *underlay* (a QImage of the rasters under the map, or None) and *scene* clipped to the map
    frame, then its labels (never overlapping)."""
    painter.save()
    painter.setClipRect(where.frame)
    painter.fillRect(where.frame, QColor(background))
    if underlay is not None:
        painter.drawImage(where.frame, underlay)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    view = shapely.box(*where.extent)
    for layer in scene:
        draw_layer(painter, page, where, layer, view)
    if labels:
        draw_labels(painter, page, where, scene, view)
    painter.restore()


def _visible(geoms: np.ndarray, view) -> np.ndarray:
    ok = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    idx = np.flatnonzero(ok)
    return idx[shapely.intersects(geoms[idx], view)]


def draw_layer(painter: QPainter, page: Page, where: GroundToPage, layer: DrawLayer, view) -> None:
    """One layer, grouped by style. In a PDF each style is one path (small files); on an
    image each polygon is drawn alone, which Qt's raster engine does ~25x faster than
    one path of thousands of rings."""
    idx = _visible(layer.geoms, view)
    if not len(idx):
        return
    groups: dict[tuple, list[int]] = {}
    for i in idx:
        key = (layer.fills[i], layer.strokes[i], float(layer.opacities[i]), float(layer.weights[i]),
               layer.dashes[i])
        groups.setdefault(key, []).append(int(i))
    for (fill, stroke, opacity, weight, dash), rows in groups.items():
        geoms = layer.geoms[rows]
        # opaque: Qt's PDF engine turns translucent pens into outlines (10x the size and time)
        pen = _pen(page, stroke, weight, dash, 1.0)
        if layer.kind == "point":
            _draw_points(painter, page, where, geoms, fill, opacity, pen, layer.radius)
        elif layer.kind == "line":
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(pen)
            painter.drawPath(_line_path(where, geoms))
        else:
            painter.setPen(pen)
            painter.setBrush(QBrush(_colour(fill, opacity)))
            if _is_vector(painter):
                painter.drawPath(_polygon_path(where, geoms))
            else:
                _draw_polygons(painter, where, geoms)


def _is_vector(painter: QPainter) -> bool:
    engine = painter.paintEngine()
    return engine is not None and engine.type() == QPaintEngine.Type.Pdf


def _draw_polygons(painter: QPainter, where: GroundToPage, geoms: np.ndarray) -> None:
    """Each polygon part on its own: drawPolygon when it has no holes, a path when it has."""
    polys = shapely.get_parts(geoms)
    polys = polys[shapely.get_type_id(polys) == 3]
    holes = shapely.get_num_interior_rings(polys)
    for poly, n_holes in zip(polys, holes):
        if n_holes == 0:
            painter.drawPolygon(_qpolygon(where.points(shapely.get_coordinates(poly.exterior))))
        else:
            painter.drawPath(_polygon_path(where, np.array([poly], dtype=object)))


def _colour(hex_colour: str | None, alpha: float = 1.0) -> QColor:
    colour = QColor(hex_colour or "#888888")
    if not colour.isValid():
        colour = QColor("#888888")
    colour.setAlphaF(max(0.0, min(1.0, float(alpha))))
    return colour


def _pen(page: Page, stroke: str, weight: float, dash: str | None, alpha: float) -> QPen:
    width = max(page.px(max(weight, 0.0) * MM_PER_CSS_PX_LINE), page.px(0.08))
    pen = QPen(_colour(stroke, alpha), width)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    if dash:
        try:
            parts = [float(v) for v in str(dash).replace(",", " ").split()]
        except ValueError:
            parts = []
        if parts and weight > 0:
            pen.setDashPattern([max(p / weight, 0.5) for p in parts])
    return pen


def _rings(geoms: np.ndarray) -> list[np.ndarray]:
    polys = shapely.get_parts(geoms)
    polys = polys[shapely.get_type_id(polys) == 3]
    rings = shapely.get_rings(polys)
    coords, owner = shapely.get_coordinates(rings, return_index=True)
    if not len(coords):
        return []
    cuts = np.flatnonzero(np.diff(owner)) + 1
    return np.split(coords, cuts)


def _lines(geoms: np.ndarray) -> list[np.ndarray]:
    parts = shapely.get_parts(geoms)
    polys = shapely.get_type_id(parts) == 3
    if polys.any():  # outline polygons drawn as lines
        parts = np.concatenate([parts[~polys], shapely.get_rings(parts[polys])])
    coords, owner = shapely.get_coordinates(parts, return_index=True)
    if not len(coords):
        return []
    return np.split(coords, np.flatnonzero(np.diff(owner)) + 1)


def _qpolygon(points: np.ndarray) -> QPolygonF:
    return QPolygonF([QPointF(x, y) for x, y in points.tolist()])


def _polygon_path(where: GroundToPage, geoms: np.ndarray) -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    for ring in _rings(geoms):
        path.addPolygon(_qpolygon(where.points(ring)))
        path.closeSubpath()
    return path


def _line_path(where: GroundToPage, geoms: np.ndarray) -> QPainterPath:
    path = QPainterPath()
    for line in _lines(geoms):
        path.addPolygon(_qpolygon(where.points(line)))
    return path


def _draw_points(painter: QPainter, page: Page, where: GroundToPage, geoms: np.ndarray, fill: str,
                 opacity: float, pen: QPen, radius: float) -> None:
    pts = shapely.get_coordinates(shapely.get_parts(geoms))
    if not len(pts):
        return
    r = page.px(max(radius, 1.0) * MM_PER_CSS_PX_RADIUS)
    painter.setPen(pen)
    painter.setBrush(QBrush(_colour(fill, max(opacity, 0.85))))
    for x, y in where.points(pts).tolist():
        painter.drawEllipse(QPointF(x, y), r, r)


# -- labels ------------------------------------------------------------------------------
LABEL_MM = 2.4
ZONE_LABEL_MM = 3.6
LABEL_BOX = QColor(255, 255, 255, 199)  # rgba(255, 255, 255, .78) as on the map


def draw_labels(painter: QPainter, page: Page, where: GroundToPage, scene: list[DrawLayer], view) -> None:
    """Labels of the top layers first (zone names win), white halo, no overlaps."""
    placed: list[QRectF] = []
    for layer in reversed(scene):
        if not layer.labels:
            continue
        f = font(page, (ZONE_LABEL_MM if layer.label_bold else LABEL_MM) * page.scale, bold=layer.label_bold)
        idx = _visible(layer.geoms, view)
        texts = [layer.labels[i] for i in idx]
        anchors = shapely.get_coordinates(shapely.point_on_surface(layer.geoms[idx]))
        if not len(anchors):
            continue
        colour = "#1f1f1f" if not layer.label_bold else None
        for (x, y), text, i in zip(where.points(anchors).tolist(), texts, idx):
            if text.strip():
                _place(painter, page, f, text, QPointF(x, y), placed, where.frame,
                       colour or _darker(layer.strokes[i]))


def _darker(hex_colour: str) -> str:
    return _colour(hex_colour).darker(160).name()


def _place(painter: QPainter, page: Page, f: QFont, text: str, at: QPointF, placed: list[QRectF],
           frame: QRectF, colour: str) -> bool:
    """Centre *text* on *at* in a translucent white box, like the map page's labels
    (resources/web/map.css); skip it when it would overlap a placed label or the frame."""
    metrics = QFontMetricsF(f)
    w, h = metrics.horizontalAdvance(text), metrics.height()
    pad_x, pad_y = page.px(0.6), page.px(0.2)
    rect = QRectF(at.x() - w / 2 - pad_x, at.y() - h / 2 - pad_y, w + 2 * pad_x, h + 2 * pad_y)
    if not frame.contains(rect) or any(rect.intersects(r) for r in placed):
        return False
    placed.append(rect)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.fillRect(rect, LABEL_BOX)
    painter.setPen(QColor(colour))
    painter.setFont(f)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    return True
