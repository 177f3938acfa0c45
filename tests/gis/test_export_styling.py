"""Style values from a project reach exports only when they are colours and numbers."""

from __future__ import annotations

import re

import pytest

from gis.export.html_map import HtmlLayer, LegendItem, write_html_map
from gis.export.kml import kml_colour
from gis.export.styling import rgb, safe_colour, safe_number
from tests.gis.export_samples import compounds_frame
from tests.gis.hostile_samples import COLOUR


@pytest.mark.parametrize("given, expected", [
    ("#4E79A7", "#4e79a7"), ("#abc", "#aabbcc"), ("#11223344", "#11223344"), (" red ", "#ff0000"),
    (COLOUR, "#cccccc"), ("#12345", "#cccccc"), ("url(javascript:alert(1))", "#cccccc"),
    ("#abc;background:url(x)", "#cccccc"), (None, "#cccccc"), (0xFF0000, "#cccccc"), ("", "#cccccc"),
])
def test_safe_colour(given, expected):
    assert safe_colour(given) == expected


def test_colours_for_cad_and_kml_fall_back_to_the_default():
    assert rgb(COLOUR, "#4e79a7") == (0x4E, 0x79, 0xA7) and rgb("#11223344") == (0x11, 0x22, 0x33)
    assert kml_colour(COLOUR, 0.5) == kml_colour("#4e79a7", 0.5) == "7fa7794e"
    assert kml_colour("#ff0000", "1}; x") == "ff0000ff"


@pytest.mark.parametrize("given, expected", [
    (0.3, 0.3), ("0.3", 0.3), (float("nan"), 0.45), (float("inf"), 0.45), (2.0, 0.45), (-1, 0.45),
    ("1}; window.__pwned=1; {", 0.45), (None, 0.45), (True, 0.45),
])
def test_safe_number(given, expected):
    assert safe_number(given, 0.45, 0.0, 1.0) == expected


def test_hostile_layer_style_never_reaches_the_page_script(tmp_path):
    layer = HtmlLayer("小区", compounds_frame(), colours=[COLOUR] * 9, stroke=COLOUR,
                      fill_opacity="1}; window.__pwned=1; {", weight=float("nan"), radius="</script>")
    out = tmp_path / "m.html"
    write_html_map([layer], out, title="t", legend=[LegendItem("<b>x</b>", COLOUR)])
    page = out.read_text(encoding="utf-8")
    assert len(re.findall(r"<script\b", page)) == 2 and "__pwned" not in page
    assert '"fillOpacity": 0.45' in page and '"weight": 1.0' in page and '"color": "#cccccc"' in page
    assert 'style="background:#cccccc"' in page and "&lt;b&gt;x&lt;/b&gt;" in page
