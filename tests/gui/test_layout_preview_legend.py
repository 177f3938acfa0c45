"""The layout dialog's 40-dpi preview shows the legend as the 300-dpi print does: the same whole
texts, each inside its box and the box inside the legend frame (a 4.6-px font rounded to 5 px
made preview texts 10 % wider, so those that fill the print's column were cut with "…"), and
headers that read as text, not black blocks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter

import gui.layout.mapdraw as mapdraw
from gui.layout.furniture import LegendRow, draw_legend
from gui.layout.mapdraw import font
from gui.layout.page import Page

FRAME_MM = (10.0, 10.0, 72.0, 90.0)  # the A4 landscape side panel's legend: 72 mm wide


class Recording(QPainter):
    """A painter that notes every text it draws: (box, text, font, scale) in device pixels."""

    made: list["Recording"] = []

    def __init__(self, device) -> None:
        super().__init__(device)
        self.device_rect = QRectF(0, 0, device.width(), device.height())
        self.drawn: list[tuple[QRectF, str, object, float]] = []
        Recording.made.append(self)

    def drawText(self, rect, flags, text):  # noqa: N802 (Qt override)
        t = self.transform()
        self.drawn.append((t.mapRect(QRectF(rect)), text, self.font(), t.m11()))
        return super().drawText(rect, flags, text)


def _filling_texts(n: int) -> list[str]:
    """*n* texts that fill 94-100 % of a one-column legend's text box in print (the widest that fit)."""
    page = Page(297.0, 210.0, 300, 1.0)
    room = page.px(FRAME_MM[2]) - page.px(1.0 + 7.0 + 2.0)  # the column minus symbol, gap and margin
    fm = QFontMetricsF(font(page, 2.9))
    texts = []
    for k in range(n):
        text = f"社区服务{k}"
        for more in ("站", "1"):  # wide glyphs, then narrow ones
            while fm.horizontalAdvance(text + more) <= room:
                text += more
        assert fm.horizontalAdvance(text) > 0.94 * room
        texts.append(text)
    return texts


def _draw(dpi: int, monkeypatch, rows: list[LegendRow] | None = None) -> tuple[QImage, QRectF, list[str]]:
    """The legend of *rows* drawn at *dpi*: the image, the legend frame on it, the row texts."""
    Recording.made.clear()
    monkeypatch.setattr(mapdraw, "QPainter", Recording)  # a preview's print-resolution painter too
    page = Page(297.0, 210.0, dpi, 1.0)
    frame = page.rect(*FRAME_MM)
    if rows is None:
        rows = [LegendRow("设施类型"), *[LegendRow(t, "polygon", "#4e79a7") for t in _filling_texts(14)]]
    texts = [r.text for r in rows]
    image = QImage(*page.size_px, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = Recording(image)
    draw_legend(painter, page, frame, rows, "zh_CN")
    painter.end()
    return image, frame, texts


def _english_rows() -> list[LegendRow]:
    """A two-column English legend as the window prints it: gap and life-circle sections."""
    gaps = [LegendRow("Service gaps · straight-line distance"), LegendRow("No gaps · 60 compounds", "polygon")]
    gaps += [LegendRow(f"Missing {k} · {k * 19} compounds", "polygon") for k in range(1, 6)]
    bands = [LegendRow("Life circles · walking network")]
    bands += [LegendRow(f"{t} {m} m", "polygon") for t in ("Clinic", "Elderly canteen", "Nursery") for m in (300, 1000)]
    return gaps + bands + gaps + [LegendRow("… 4 more", "none")]


@pytest.mark.parametrize("dpi,english", [(40, False), (300, False), (40, True), (300, True)])
def test_legend_texts_fit_their_boxes_at_preview_and_print(app, dpi, english, monkeypatch):
    image, frame, texts = _draw(dpi, monkeypatch, _english_rows() if english else None)
    for painter in Recording.made:
        drawn = {text: (box, f, k) for box, text, f, k in painter.drawn}
        if not drawn:
            continue
        assert set(texts) <= set(drawn), sorted(set(drawn) - set(texts))  # whole texts, none elided
        room = frame if painter.device_rect.size() == QRectF(image.rect()).size() else painter.device_rect
        for text in set(texts):
            box, f, k = drawn[text]
            width = QFontMetricsF(f).horizontalAdvance(text) * k  # device pixels
            assert width <= box.width() + 0.01, (dpi, text, width, box.width())
            assert room.adjusted(-0.5, -0.5, 0.5, 0.5).contains(box), (dpi, text, box, room)
    assert any(p.drawn for p in Recording.made)


def _ink(image: QImage, frame: QRectF) -> float:
    """Mean darkness (0 white … 1 black) inside *frame*: the same at any resolution."""
    r = frame.toRect()
    dark = sum(255 - QColor(image.pixel(x, y)).lightness() for x in range(r.left(), r.right())
               for y in range(r.top(), r.bottom()))
    return dark / (255 * r.width() * r.height())


def test_preview_legend_is_the_print_legend_smaller(app, monkeypatch):
    """As much ink in the preview's legend headers as in the print's (bold text drawn under a
    scaled painter became solid blocks: twice the ink)."""
    preview, printed = (_ink(image, QRectF(frame.left(), frame.top(), frame.width(), frame.height() * 0.15))
                        for image, frame, _ in (_draw(40, monkeypatch), _draw(300, monkeypatch)))  # the headers
    assert abs(preview / printed - 1) < 0.15, (preview, printed)
