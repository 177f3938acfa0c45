"""Paper, orientation and where each part of a map layout goes on the sheet.

Everything is laid out in millimetres and drawn in device pixels at the output's
resolution (300 dpi for PDF and PNG), so the PDF and the PNG come from the same
drawing code and are the same picture.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QRectF

PAPERS_MM = {"A4": (297.0, 210.0), "A3": (420.0, 297.0)}  # landscape width, height
ORIENTATIONS = ("landscape", "portrait")
DPI = 300
MM_PER_INCH = 25.4


@dataclass
class LayoutSpec:
    """What the user chose in the layout dialog (or on the command line)."""

    paper: str = "A4"
    orientation: str = "landscape"
    title: str = ""
    subtitle: str = ""
    source_note: str = ""
    date_text: str = field(default_factory=lambda: date.today().isoformat())
    inset: bool = True
    dpi: int = DPI
    language: str = "zh_CN"
    review_number: str = ""  # 审图号 (map review number), printed in the notes when given
    access_table: bool = True  # print the access result's table (when the window has one)

    def validated(self) -> "LayoutSpec":
        if self.paper not in PAPERS_MM:
            raise ValueError(f"paper must be one of {sorted(PAPERS_MM)}")
        if self.orientation not in ORIENTATIONS:
            raise ValueError(f"orientation must be one of {ORIENTATIONS}")
        if not 20 <= int(self.dpi) <= 1200:  # 20+: previews; 300: print
            raise ValueError("dpi must lie between 20 and 1200")
        return self


@dataclass(frozen=True)
class Page:
    """The sheet in millimetres and its device resolution; ``px(mm)`` converts."""

    width_mm: float
    height_mm: float
    dpi: int
    scale: float  # type size factor: 1.0 on A4, larger on A3

    @classmethod
    def of(cls, spec: LayoutSpec) -> "Page":
        w, h = PAPERS_MM[spec.paper]
        if spec.orientation == "portrait":
            w, h = h, w
        return cls(w, h, int(spec.dpi), 1.0 if spec.paper == "A4" else 1.25)

    def px(self, mm: float) -> float:
        return mm * self.dpi / MM_PER_INCH

    def rect(self, x_mm: float, y_mm: float, w_mm: float, h_mm: float) -> QRectF:
        return QRectF(self.px(x_mm), self.px(y_mm), self.px(w_mm), self.px(h_mm))

    @property
    def size_px(self) -> tuple[int, int]:
        return round(self.px(self.width_mm)), round(self.px(self.height_mm))

    @property
    def landscape(self) -> bool:
        return self.width_mm >= self.height_mm


@dataclass(frozen=True)
class Frames:
    """Rectangles (device pixels) of the layout's parts."""

    title: QRectF
    map: QRectF
    panel: QRectF
    band: QRectF | None = None  # a table across the sheet under the map, when there is one


MARGIN_MM = 10.0
TITLE_MM = 16.0
GAP_MM = 4.0


def body_height_mm(page: Page) -> float:
    """Height under the title band: the map, and the panel or table below it."""
    return page.height_mm - 2 * MARGIN_MM - TITLE_MM * page.scale - GAP_MM


def frames(page: Page, band_mm: float = 0.0) -> Frames:
    """Title band on top; the map below it; the legend panel at the right (landscape) or
    at the bottom (portrait). A table band *band_mm* high (0: none) goes under the map,
    as wide as the map (landscape) or the sheet (portrait); the map gives up the height."""
    m, t, g = MARGIN_MM, TITLE_MM * page.scale, GAP_MM
    inner_w, inner_h = page.width_mm - 2 * m, body_height_mm(page)
    top = m + t + g
    under = band_mm + g if band_mm > 0 else 0.0
    if page.landscape:
        panel_w = 78.0 * page.scale  # two legend columns of ~10 CJK characters each
        map_rect = page.rect(m, top, inner_w - panel_w - g, inner_h - under)
        panel = page.rect(m + inner_w - panel_w, top, panel_w, inner_h)
        band = page.rect(m, top + inner_h - band_mm, inner_w - panel_w - g, band_mm)
    else:
        panel_h = 62.0 * page.scale
        map_rect = page.rect(m, top, inner_w, inner_h - panel_h - g - under)
        panel = page.rect(m, top + inner_h - panel_h, inner_w, panel_h)
        band = page.rect(m, top + inner_h - panel_h - g - band_mm, inner_w, band_mm)
    return Frames(page.rect(m, m, inner_w, t), map_rect, panel, band if band_mm > 0 else None)
