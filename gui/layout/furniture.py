"""Map furniture: title, legend, scale bar, north arrow, inset, date and source notes."""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from pyproj import CRS, Transformer

from gis.crs import WGS84
from gis.wording import role_term, term
from gis.domain import Role
from gui.layout.mapdraw import GroundToPage, at_print_resolution, font
from gui.layout.page import Page
from gui.layout.scene import DrawLayer

INK = QColor("#1a1a1a")
ZONE_PREFIX = "zone:"


@dataclass
class LegendRow:
    """One legend line: a symbol (kind + colours) and its text; a header has no symbol."""

    text: str
    kind: str | None = None  # polygon | line | point; "none" = a note line; None = a section header
    fill: str = "#cccccc"
    stroke: str = "#333333"
    opacity: float = 0.6
    dash: str | None = None


MAX_CLASSES = 12  # legend rows per classified layer (the rest summarised)
MAX_ZONES = 8  # zones are labelled on the map: the legend shows their colours for the first few


def _more(count: int, language: str, *, zones: bool = False) -> str:
    if zones:
        return f"……另有 {count} 个片区" if language == "zh_CN" else f"… {count} more zones"
    return f"……另有 {count} 类" if language == "zh_CN" else f"… {count} more"


@lru_cache(maxsize=1)
def _care_rules():
    from gis.io.facilities import FacilityRules

    return FacilityRules.load()


def _care_first(entries: list) -> list:
    """Classes that are 一老一小 services (what the plan is about) before shops and the like."""
    rules = _care_rules()
    return sorted(entries, key=lambda e: rules.classify_text(str(e.label)) is None)


def legend_rows(scene: list[DrawLayer], language: str, legends=()) -> list[LegendRow]:
    """Legend of the scene, top layer first; zone overlays form one '改造片区' section, the map's
    floating legends (*legends*: ``(title, rows)``, the gap choropleth and the life-circle bands)
    follow, and a classified layer shows at most MAX_CLASSES classes, services first."""
    rows: list[LegendRow] = []
    zones = [lyr for lyr in scene if lyr.name.startswith(ZONE_PREFIX)]
    if zones:
        rows.append(LegendRow(role_term(Role.ZONES, language)))
        entries = [(e, lyr) for lyr in zones for e in lyr.legend]
        for entry, lyr in entries[:MAX_ZONES]:
            rows.append(LegendRow(entry.label, "polygon", entry.color, lyr.strokes[0], 0.22, lyr.dashes[0]))
        if len(entries) > MAX_ZONES:
            rows.append(LegendRow(_more(len(entries) - MAX_ZONES, language, zones=True), "none"))
    for title, items in legends:
        rows.append(LegendRow(title))
        rows += [LegendRow(r["text"], r.get("kind", "polygon"), r["fill"] or "#ffffff", r["stroke"],
                           1.0 if r["fill"] else 0.0, r.get("dash")) for r in items]
    for lyr in reversed(scene):
        if lyr.name.startswith(ZONE_PREFIX):
            continue
        if lyr.legend_title:
            rows.append(LegendRow(lyr.legend_title))
            stroke = lyr.strokes[0] if lyr.strokes else "#333333"
            rows += [LegendRow(e.label, lyr.kind, e.color, stroke, lyr.opacities[0] if lyr.opacities else 0.6)
                     for e in _care_first(lyr.legend)[:MAX_CLASSES]]
            if len(lyr.legend) > MAX_CLASSES:
                rows.append(LegendRow(_more(len(lyr.legend) - MAX_CLASSES, language), "none"))
        elif lyr.legend:
            for e in lyr.legend:
                rows.append(LegendRow(e.label, lyr.kind, e.color, lyr.strokes[0] if lyr.strokes else e.color,
                                      lyr.opacities[0] if lyr.opacities else 0.6,
                                      lyr.dashes[0] if lyr.dashes else None))
    return rows


def draw_legend(painter: QPainter, page: Page, rect: QRectF, rows: list[LegendRow], language: str) -> None:
    """'图例' and the rows, in as many columns as *rect* needs; the rest summarised. A preview
    draws it as the print does (the same rows, columns and whole texts, only smaller)."""
    with at_print_resolution(painter, page, rect) as (print_painter, print_page, print_rect):
        _draw_legend(print_painter, print_page, print_rect, rows, language)


def _draw_legend(painter: QPainter, page: Page, rect: QRectF, rows: list[LegendRow], language: str) -> None:
    s = page.scale
    head = font(page, 4.2 * s, bold=True)
    painter.setFont(head)
    painter.setPen(INK)
    head_h = page.px(7.0 * s)
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), head_h),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, term("legend", language))
    row_h = page.px(5.2 * s)
    body = font(page, 2.9 * s)
    bold = font(page, 3.0 * s, bold=True)
    per_col = max(1, int((rect.height() - head_h) // row_h))
    cols = max(1, int(rect.width() / page.px(34.0 * s)))  # 72 mm of panel: two columns
    cols = min(cols, max(1, -(-len(rows) // per_col)))  # no more columns than the rows need
    col_w = rect.width() / cols
    capacity = per_col * cols
    shown = rows if len(rows) <= capacity else rows[: capacity - 1] + [
        LegendRow(("……另有 {n} 项" if language == "zh_CN" else "… {n} more").format(n=len(rows) - capacity + 1))]
    for k, row in enumerate(shown):
        col, line = divmod(k, per_col)
        top = rect.top() + head_h + line * row_h
        left = rect.left() + col * col_w
        _legend_row(painter, page, QRectF(left, top, col_w, row_h), row, body, bold)


def _legend_row(painter, page: Page, cell: QRectF, row: LegendRow, body, bold) -> None:
    s = page.scale
    if row.kind == "none":  # a note line without a symbol
        painter.setPen(QColor("#555555"))
        _fitted_text(painter, cell.adjusted(page.px(9.0 * s), 0, 0, 0), body, row.text)
        return
    if row.kind is None:
        painter.setPen(INK)
        _fitted_text(painter, cell, bold, row.text)
        return
    sw, sh = page.px(7.0 * s), page.px(3.6 * s)
    sym = QRectF(cell.left() + page.px(1.0), cell.center().y() - sh / 2, sw, sh)
    fill = QColor(row.fill)
    fill.setAlphaF(max(0.15, min(1.0, row.opacity)))
    pen = QPen(QColor(row.stroke), page.px(0.3))
    if row.dash:
        pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    if row.kind == "line":
        painter.setPen(QPen(QColor(row.fill if row.fill else row.stroke), page.px(0.6)))
        painter.drawLine(QPointF(sym.left(), sym.center().y()), QPointF(sym.right(), sym.center().y()))
    elif row.kind == "point":
        painter.setBrush(QBrush(QColor(row.fill)))
        painter.setPen(QPen(QColor("#ffffff"), page.px(0.25)))
        r = page.px(1.5 * s)
        painter.drawEllipse(sym.center(), r, r)
    else:
        painter.setBrush(QBrush(fill))
        painter.drawRect(sym)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(INK)
    text_rect = QRectF(sym.right() + page.px(1.5), cell.top(), cell.right() - sym.right() - page.px(2.0),
                       cell.height())
    _fitted_text(painter, text_rect, body, row.text)


FIT_FLOOR = 0.75  # a legend text too long for its column shrinks to 3/4 of its size before it is cut


def _fitted_text(painter: QPainter, rect: QRectF, f: QFont, text: str) -> None:
    """*text* in *rect*, left and centred: in *f*, or smaller (down to FIT_FLOOR) when it would not
    fit (English legends in a two-column panel), and cut with … only past that."""
    need = QFontMetricsF(f).horizontalAdvance(text)
    if need > rect.width() > 0:
        f = QFont(f)
        f.setPixelSize(max(1, int(f.pixelSize() * max(FIT_FLOOR, rect.width() / need))))
    painter.setFont(f)
    painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, _elide(f, text, rect.width()))


def _elide(f, text: str, width: float) -> str:
    return QFontMetricsF(f).elidedText(text, Qt.TextElideMode.ElideRight, width)


# -- scale bar ------------------------------------------------------------------------------
def bar_length(max_m: float) -> float:
    """The longest 1-2-5 length not longer than *max_m* metres.

    >>> bar_length(730.0)
    500.0
    """
    if max_m <= 0:
        return 1.0
    k = 10 ** math.floor(math.log10(max_m))
    return float(max(m * k for m in (1, 2, 5) if m * k <= max_m))


def draw_scale(painter: QPainter, page: Page, rect: QRectF, where: GroundToPage, language: str) -> None:
    """'比例尺 1:10,000' and a four-segment bar of a round length."""
    s = page.scale
    painter.setPen(INK)
    painter.setFont(font(page, 3.2 * s, bold=True))
    line_h = page.px(5.0 * s)
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), line_h),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                     f"{term('scale', language)}  1:{where.denominator:,}")
    usable = rect.width() - page.px(12.0 * s)
    length = bar_length(usable / where.px_per_m)
    bar_w = length * where.px_per_m
    left, top, h = rect.left() + page.px(1.0), rect.top() + line_h + page.px(3.5 * s), page.px(1.6 * s)
    seg = bar_w / 4
    painter.setPen(QPen(INK, page.px(0.2)))
    for k in range(4):
        painter.setBrush(QBrush(INK if k % 2 == 0 else QColor("white")))
        painter.drawRect(QRectF(left + k * seg, top, seg, h))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setFont(font(page, 2.6 * s))
    unit = term("unit_m", language)
    for frac in (0.0, 0.5, 1.0):
        value = length * frac
        text = f"{value:,.0f}" + (f" {unit}" if frac == 1.0 else "")
        x = left + bar_w * frac
        box = QRectF(x - page.px(15), top - page.px(3.4 * s), page.px(30), page.px(3.0 * s))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


# -- north arrow -----------------------------------------------------------------------------
def _transformer(a: CRS, b: CRS) -> Transformer:
    """A cached transformer for this thread (pyproj transformers must not cross threads)."""
    return _cached_transformer(a, b, threading.get_ident())


@lru_cache(maxsize=32)
def _cached_transformer(a: CRS, b: CRS, _thread: int) -> Transformer:
    return Transformer.from_crs(a, b, always_xy=True)


def north_angle(crs: CRS, centre: tuple[float, float]) -> float:
    """Degrees clockwise from the page's up (grid north) to true north at *centre*.

    Gauss-Krüger grid north leans from true north away from the central meridian
    (meridian convergence, about 1° at the edge of a 3-degree zone in Shandong).
    """
    to_wgs, to_grid = _transformer(crs, WGS84), _transformer(WGS84, crs)
    lon, lat = to_wgs.transform(*centre)
    x1, y1 = to_grid.transform(lon, lat + 0.01)
    return math.degrees(math.atan2(x1 - centre[0], y1 - centre[1]))


def draw_north(painter: QPainter, page: Page, frame: QRectF, angle: float, language: str) -> None:
    """A north arrow in the map's top-right corner, turned to true north."""
    s = page.scale
    size = page.px(14.0 * s)
    centre = QPointF(frame.right() - page.px(11.0 * s), frame.top() + page.px(17.0 * s))
    painter.save()
    painter.translate(centre)
    painter.rotate(angle)
    half, tip = size * 0.28, size * 0.55
    left = QPolygonF([QPointF(0, -tip), QPointF(-half, tip * 0.6), QPointF(0, tip * 0.25)])
    right = QPolygonF([QPointF(0, -tip), QPointF(half, tip * 0.6), QPointF(0, tip * 0.25)])
    painter.setPen(QPen(INK, page.px(0.25)))
    painter.setBrush(QBrush(INK))
    painter.drawPolygon(left)
    painter.setBrush(QBrush(QColor("white")))
    painter.drawPolygon(right)
    painter.restore()
    f = font(page, 3.6 * s, bold=True)
    path = QPainterPath()
    path.addText(0, 0, f, term("north", language))
    box = path.boundingRect()
    path.translate(centre.x() - box.center().x(), centre.y() - size * 0.62 - box.bottom())
    painter.strokePath(path, QPen(QColor(255, 255, 255, 230), page.px(0.5)))
    painter.fillPath(path, INK)


# -- text blocks -------------------------------------------------------------------------------
def draw_title(painter: QPainter, page: Page, rect: QRectF, title: str, subtitle: str) -> None:
    s = page.scale
    painter.setPen(INK)
    if subtitle:
        top = QRectF(rect.left(), rect.top(), rect.width(), rect.height() * 0.64)
        bottom = QRectF(rect.left(), rect.top() + rect.height() * 0.62, rect.width(), rect.height() * 0.38)
        painter.setFont(font(page, 6.6 * s, bold=True))
        painter.drawText(top, Qt.AlignmentFlag.AlignCenter, title)
        painter.setFont(font(page, 3.4 * s))
        painter.drawText(bottom, Qt.AlignmentFlag.AlignCenter, subtitle)
    else:
        painter.setFont(font(page, 7.2 * s, bold=True))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, title)
    painter.setPen(QPen(INK, page.px(0.5)))
    painter.drawLine(QPointF(rect.left(), rect.bottom()), QPointF(rect.right(), rect.bottom()))


def draw_notes(painter: QPainter, page: Page, rect: QRectF, lines: list[str]) -> None:
    """Small wrapped lines (date, CRS, data source) from the top of *rect*."""
    painter.setPen(QColor("#333333"))
    f = font(page, 2.6 * page.scale)
    painter.setFont(f)
    flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
    painter.drawText(rect, int(flags), "\n".join(lines))


def notes_height(page: Page, rect_width: float, lines: list[str]) -> float:
    """Height the wrapped *lines* need in a column *rect_width* wide."""
    metrics = QFontMetricsF(font(page, 2.6 * page.scale))
    flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
    return metrics.boundingRect(QRectF(0, 0, rect_width, 1e6), int(flags), "\n".join(lines)).height()


def draw_frame(painter: QPainter, page: Page, rect: QRectF, width_mm: float = 0.35) -> None:
    painter.setPen(QPen(INK, page.px(width_mm)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect)
