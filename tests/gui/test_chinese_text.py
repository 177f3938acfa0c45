"""Chinese renders as glyphs, not boxes, in Qt widgets and in the map page.

A missing glyph is drawn as the same box (or nothing) for every character, so two
different characters that render identically mean the font lacks them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QImage, QPainter

from tests.gui.conftest import run_js

PAIRS = [("阳", "光"), ("花", "园"), ("区", "院")]


def render_qt(text: str, font: QFont) -> bytes:
    img = QImage(48, 48, QImage.Format.Format_Grayscale8)
    img.fill(255)
    p = QPainter(img)
    p.setFont(font)
    p.drawText(img.rect(), Qt.AlignmentFlag.AlignCenter, text)
    p.end()
    return bytes(img.constBits())


def test_qt_widgets_draw_distinct_chinese_glyphs(app):
    font = QFont(app.font())
    font.setPixelSize(32)
    blank = render_qt("", font)
    for a, b in PAIRS:
        ga, gb = render_qt(a, font), render_qt(b, font)
        assert ga != blank and gb != blank, "nothing drawn"
        assert ga != gb, f"{a} and {b} render identically: boxes, no CJK font"
    # control: two unassigned code points both fall back to the same box, so the probe discriminates
    assert render_qt("\U0010fffd", font) == render_qt("\U0010fffc", font)


GLYPH_PROBE = """(() => {
  const font = "32px " + getComputedStyle(document.getElementById('map')).fontFamily;
  const draw = (t) => { const c = document.createElement('canvas'); c.width = c.height = 48;
    const x = c.getContext('2d'); x.font = font; x.fillStyle = '#000'; x.textBaseline = 'middle';
    x.fillText(t, 4, 24); return Array.from(x.getImageData(0, 0, 48, 48).data).join(','); };
  const blank = draw('');
  return %s.map(([a, b]) => { const ga = draw(a), gb = draw(b);
    return ga !== blank && gb !== blank && ga !== gb; });
})()"""


def test_map_page_draws_chinese_labels_as_glyphs(make_window, project, qtbot):
    win = make_window(project)
    pairs = "[" + ",".join(f"['{a}','{b}']" for a, b in PAIRS) + "]"
    assert run_js(qtbot, win.map, GLYPH_PROBE % pairs) == [True] * len(PAIRS)
    control = "[['\\u{10fffd}', '\\u{10fffc}']]"
    assert run_js(qtbot, win.map, GLYPH_PROBE % control) == [False]
    assert run_js(qtbot, win.map, "ocp.labelCount()") > 0, "compound name labels are shown"
