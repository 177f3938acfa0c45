"""The A3 zone proposal (片区改造方案): the zone's map beside its contents and cost table
(gis.programme.tables.zone_items: one row per item, a subtotal per class, the total), its
funding by channel in 万元 and its key figures, printable to PDF (vector) and PNG (300 dpi)
with the map layout's drawing code (gui/layout)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from gis.domain import Role
from gis.money import money, wan_number, yuan
from gis.programme.catalogue import CHANNELS, CLASSES, UNITS
from gis.programme.schedule import NONE
from gis.programme.tables import zone_items, zone_table
from gis.wording import crs_text, term
from gui.layout.export import export_layout, layout_image
from gui.layout.furniture import (INK, draw_frame, draw_legend, draw_north, draw_notes, draw_scale, draw_title,
                                  legend_rows, north_angle)
from gui.layout.mapdraw import GroundToPage, draw_map, font
from gui.layout.page import LayoutSpec, Page
from gui.layout.scene import map_scene, nice_scale, padded, zone_overlays
from gui.layout.table import Row, table_row
from gui.programme import overlays as plan_overlays
from gui.programme.wording import name_list

FOCUS = "proposal:zone"
WORDS = {  # key → (English, 中文): the sheet is worded in the layout's language
    "title": ("Zone {name}: renovation proposal", "{name}改造方案"),
    "class": ("Class", "类别"), "item": ("Item", "改造内容"), "quantity": ("Quantity", "工程量"),
    "unit": ("Unit", "单位"), "cost": ("Cost (yuan)", "投资(元)"), "subtotal": ("Subtotal", "小计"),
    "total": ("Total", "合计"), "shared": (" (shared)", "（片区共建）"),
    "funding": ("Funding (10,000 yuan)", "资金筹措（万元）"), "figures": ("Key figures", "主要指标"),
    "year": ("Year: {year}", "实施年度：{year}"), "none": ("not scheduled", "未排入年度计划"),
    "households": ("Households: {n}", "户数：{n}"), "compounds": ("Compounds: {names}", "小区：{names}"),
    "area": ("Floor area: {m2} m²", "建筑面积：{m2} m²"), "per": ("Per household: {hh} yuan · per m²: {m2} yuan",
                                                              "户均：{hh} 元/户 · 单方：{m2} 元/m²"),
    "reserve": ("Waiting for consent (reserve): {names}", "待居民同意（储备库）：{names}"),
    "subtitle": ("{year} · {n} compounds · {hh} households · total {cost}",
                 "{year} · {n} 个小区 · {hh} 户 · 总投资 {cost}"),
}


def say(key: str, lang: str, **params) -> str:
    en, zh = WORDS[key]
    return (zh if lang == "zh_CN" else en).format(**params)


def cost_rows(programme, zone: int, lang: str) -> list[Row]:
    """The cost table of zone position *zone*: items per class with a subtotal, the total last."""
    items = zone_items(programme, zone)
    cat = programme.catalogue
    out = [Row("head", tuple(say(k, lang) for k in ("class", "item", "quantity", "unit", "cost")))]
    for klass, (en, zh) in CLASSES.items():
        mine = items[items["class"] == klass]
        if not len(mine):
            continue
        name = zh if lang == "zh_CN" else en
        for k, r in enumerate(mine.itertuples()):
            label = cat.item(r.item).label(lang) + (say("shared", lang) if r.shared else "")
            unit = UNITS[r.unit][1].removeprefix("元/") if lang == "zh_CN" else UNITS[r.unit][0]
            out.append(Row("item", (name if k == 0 else "", label, f"{r.quantity:,.1f}", unit, yuan(r.cost)),
                           float(r.cost)))
        sub = float(mine["cost"].sum())
        out.append(Row("subtotal", ("", say("subtotal", lang), "", "", yuan(sub)), sub))
    total = float(items["cost"].sum())
    out.append(Row("total", (say("total", lang), "", "", "", yuan(total)), total))
    return out


def funding_lines(programme, zone: int, lang: str) -> list[str]:
    items = zone_items(programme, zone)
    total = float(items["cost"].sum()) or 1.0
    return [f"{(zh if lang == 'zh_CN' else en)}  {wan_number(items[key].sum())}  ({items[key].sum() / total:.0%})"
            for key, (en, zh) in CHANNELS.items() if items[key].sum() > 0]


def figure_lines(programme, zone: int, lang: str) -> list[str]:
    r, facts = programme.result(), programme.facts
    row = zone_table(programme).iloc[zone]
    members = facts.members[zone]
    year = r.schedule.year_of_zone[zone]
    waiting = [str(facts.names[f]) for f in members if f in set(r.reserve.tolist())]
    lines = [say("year", lang, year=say("none", lang) if year == NONE else int(year)),
             say("households", lang, n=f"{row['households']:,.0f}"),
             say("area", lang, m2=f"{row['floor_area_m2']:,.0f}"),
             say("per", lang, hh=yuan(row["per_household"]), m2=yuan(row["per_m2"])),
             say("compounds", lang, names=name_list((facts.names[f] for f in members), lang))]
    if waiting:
        lines.append(say("reserve", lang, names=name_list(waiting, lang)))
    return lines


def zone_shape(programme, project, zone: int):
    """The zone's compounds (working CRS) as one geometry, or None."""
    layer = project.first(Role.COMPOUNDS)
    if layer is None or len(layer) != len(programme.facts):
        return None
    data = layer.data if project.crs is None or layer.data.crs is None else layer.data.to_crs(project.crs)
    return shapely.union_all(np.asarray(data.geometry.values)[programme.facts.members[zone]])


def proposal_overlays(programme, project, zone: int, extra: dict | None = None) -> dict:
    """Zone outlines, the map's programme overlays (*extra*) and the zone outlined in black."""
    out = dict(zone_overlays(project))
    out.update(extra or {})
    shape = zone_shape(programme, project, zone)
    if shape is not None:
        out[FOCUS] = gpd.GeoDataFrame({"stroke": ["#111111"], "fill": [None], "fillOpacity": [0.0],
                                       "weight": [4.0]}, geometry=[shape], crs=project.crs)
    return out


def render_proposal(painter: QPainter, spec: LayoutSpec, project, *, overlays=None, view=None,
                    programme, zone: int) -> list[Row]:
    """Draw the proposal of zone position *zone*; returns the cost table's rows as drawn."""
    del view  # the map is fitted to the zone, not to the window's view
    page = Page.of(spec.validated())
    lang = spec.language
    painter.fillRect(QRectF(0, 0, *page.size_px), QColor("white"))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    name = programme.facts.zone_names[zone]
    r = programme.result()
    year = r.schedule.year_of_zone[zone]
    subtitle = say("subtitle", lang, year=say("none", lang) if year == NONE else int(year),
                   n=len(programme.facts.members[zone]), hh=f"{r.zone_households[zone]:,.0f}",
                   cost=money(r.zone_cost[zone], lang))
    m, s = 10.0, page.scale
    title_h = 16.0 * s
    draw_title(painter, page, page.rect(m, m, page.width_mm - 2 * m, title_h), spec.title or say(
        "title", lang, name=name), spec.subtitle or subtitle)
    top = m + title_h + 4.0
    body_h = page.height_mm - top - m
    map_w = (page.width_mm - 2 * m - 4.0) * 0.52
    map_rect = page.rect(m, top, map_w, body_h)
    where = _placement(programme, project, zone, page, map_rect)
    scene = map_scene(project, overlays if overlays is not None else proposal_overlays(programme, project, zone))
    draw_map(painter, page, where, scene)
    _year_legend(painter, page, map_rect, [lyr for lyr in scene if lyr.name in plan_overlays.ALL], lang)
    draw_frame(painter, page, map_rect)
    if project.crs is not None:
        draw_north(painter, page, map_rect, north_angle(project.crs, where.centre), lang)
    panel = page.rect(m + map_w + 4.0, top, page.width_mm - 2 * m - map_w - 4.0, body_h)
    return _draw_panel(painter, page, panel, programme, zone, lang, where, spec, project)


def _year_legend(painter, page: Page, frame: QRectF, layers, lang: str) -> None:
    """The programme's years and the reserve, boxed in the map's bottom-left corner."""
    rows = legend_rows(layers, lang)
    if not rows:
        return
    s = page.scale
    box = QRectF(frame.left() + page.px(3.0), 0, page.px(62.0 * s), page.px(7.0 * s + 5.2 * s * len(rows) + 2.0))
    box.moveBottom(frame.bottom() - page.px(3.0))
    painter.fillRect(box, QColor(255, 255, 255, 235))
    draw_frame(painter, page, box, 0.2)
    draw_legend(painter, page, box.adjusted(page.px(2.0), page.px(1.0), -page.px(2.0), -page.px(1.0)), rows, lang)


def _placement(programme, project, zone: int, page: Page, rect: QRectF) -> GroundToPage:
    shape = zone_shape(programme, project, zone)
    minx, miny, maxx, maxy = padded(shape.bounds, 0.25) if shape is not None else (0, 0, 1000, 1000)
    w_mm, h_mm = rect.width() / page.px(1.0), rect.height() / page.px(1.0)
    denom = nice_scale(max(maxx - minx, 200.0), max(maxy - miny, 200.0), w_mm, h_mm)
    return GroundToPage(rect, ((minx + maxx) / 2, (miny + maxy) / 2), denom, page.dpi)


COL_SHARES = (0.14, 0.36, 0.15, 0.15, 0.20)


def _draw_panel(painter, page: Page, panel: QRectF, programme, zone: int, lang: str, where, spec, project):
    s = page.scale
    table = cost_rows(programme, zone, lang)
    funding = funding_lines(programme, zone, lang)
    figures = figure_lines(programme, zone, lang)
    line_h = page.px(4.6 * s)
    below = (len(funding) + len(figures) + 3) * line_h + page.px(30.0 * s)
    row_h = min(page.px(6.0 * s), max(page.px(3.2 * s), (panel.height() - below) / max(len(table), 1)))
    y = panel.top()
    widths = [panel.width() * w for w in COL_SHARES]
    for row in table:
        table_row(painter, page, QRectF(panel.left(), y, panel.width(), row_h), widths, row)
        y += row_h
    draw_frame(painter, page, QRectF(panel.left(), panel.top(), panel.width(), y - panel.top()), 0.3)
    y += page.px(3.0)
    y = _block(painter, page, panel, y, say("funding", lang), funding, line_h)
    y = _block(painter, page, panel, y, say("figures", lang), figures, line_h)
    scale_rect = QRectF(panel.left(), y + page.px(1.0), panel.width() * 0.6, page.px(13.0 * s))
    draw_scale(painter, page, scale_rect, where, lang)
    colon = "：" if lang == "zh_CN" else ": "
    notes = [f"{term('date', lang)}{colon}{spec.date_text}", f"{term('crs', lang)}{colon}{crs_text(project.crs, lang)}"]
    draw_notes(painter, page, QRectF(scale_rect.right() + page.px(2.0), scale_rect.top(),
                                     panel.right() - scale_rect.right() - page.px(2.0), scale_rect.height()), notes)
    return table


def _block(painter, page: Page, panel: QRectF, y: float, head: str, lines: list[str], line_h: float) -> float:
    s = page.scale
    painter.setPen(INK)
    painter.setFont(font(page, 3.4 * s, bold=True))
    painter.drawText(QRectF(panel.left(), y, panel.width(), line_h * 1.2),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, head)
    y += line_h * 1.2
    painter.setFont(font(page, 2.9 * s))
    flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
    for text in lines:
        box = painter.boundingRect(QRectF(panel.left(), y, panel.width(), line_h * 4), int(flags), text)
        painter.drawText(QRectF(panel.left(), y, panel.width(), box.height()), int(flags), text)
        y += max(line_h, box.height())
    return y + page.px(2.0)


def proposal_spec(language: str, *, dpi: int | None = None) -> LayoutSpec:
    """A3 landscape (the proposal's sheet)."""
    spec = LayoutSpec(paper="A3", orientation="landscape", language=language)
    if dpi is not None:
        spec.dpi = dpi
    return spec


def proposal_image(programme, project, zone: int, spec: LayoutSpec, overlays=None):
    return layout_image(spec, project, overlays=overlays,
                        render=partial(render_proposal, programme=programme, zone=zone))


def export_proposal(path: str | Path, fmt: str, programme, project, zone: int, spec: LayoutSpec,
                    overlays=None) -> Path:
    """Write the proposal of *zone* as PDF or PNG (*fmt*)."""
    return export_layout(path, fmt, spec, project, overlays=overlays,
                         render=partial(render_proposal, programme=programme, zone=zone))
