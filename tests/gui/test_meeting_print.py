"""Printed legends say what the meeting's map shows: gap choropleth, life-circle bands, care services, zones."""

from __future__ import annotations

import numpy as np
import pytest
from shapely.geometry import Point

from gis.style import LegendEntry
from gui.layout.export import layout_image, window_options
from gui.layout.furniture import MAX_CLASSES, legend_rows
from gui.layout.page import LayoutSpec, Page, frames
from gui.layout.scene import DrawLayer
from tests.gui.conftest import color_pixels
from tests.gui.gaps_fixtures import analysed_window, gaps_registered  # noqa: F401
from tests.gui.lifecircles_fixtures import lifecircles_registered  # noqa: F401
from tests.gui.test_layout_export import crop


@pytest.fixture
def cut(monkeypatch) -> list[str]:
    """Texts the printed legend cuts short (elides), collected while drawing."""
    import gui.layout.furniture as furniture

    found: list[str] = []
    elide = furniture._elide

    def spy(f, text, width):
        short = elide(f, text, width)
        if short != text:
            found.append(text)
        return short

    monkeypatch.setattr(furniture, "_elide", spy)
    return found


def test_the_printed_legend_repeats_the_gap_legend(make_window, qtbot, cut):
    win, ctl, project = analysed_window(make_window, qtbot)
    ctl.panel.show_count.setChecked(True)
    qtbot.waitUntil(lambda: ctl.map.legend.isVisible(), timeout=5000)
    opts = window_options(win)
    title, printed = opts["view"].legends[0]
    assert title == ctl.map.legend.title and len(printed) == len(ctl.map.legend.entries)
    texts = [row.text for row in legend_rows([], "zh_CN", opts["view"].legends)]
    assert texts[0] == title and all(e.text in texts for e in ctl.map.legend.entries)
    spec = LayoutSpec(dpi=100)
    image = layout_image(spec, project, **opts)
    assert not cut, f"legend texts cut short: {cut}"
    panel = crop(image, frames(Page.of(spec)).panel, Page.of(spec))
    darkest = printed[-1]["fill"]  # the last class of the choropleth, as seen on the map
    assert color_pixels(panel, darkest, tol=4) > 50, "the choropleth's swatches are not in the printed legend"


def _layer(name: str, labels: list[str], kind: str = "point") -> DrawLayer:
    n = len(labels)
    return DrawLayer(name, kind, np.array([Point(0, 0)] * n, dtype=object), ["#123456"] * n, ["#333333"] * n,
                     [1.0] * n, [1.0] * n, [None] * n, legend=[LegendEntry(t, "#123456") for t in labels],
                     legend_title=name)


def test_care_services_are_listed_before_shops_and_zones_are_not_classes():
    shops = [f"便利店{k}" for k in range(MAX_CLASSES)]
    care = ["养老驿站", "托育中心", "社区卫生服务站", "幼儿园", "老年食堂"]
    rows = [r.text for r in legend_rows([_layer("设施", shops + care)], "zh_CN")]
    assert all(c in rows for c in care), rows
    zones = DrawLayer("zone:1", "polygon", np.array([Point(0, 0)] * 20, dtype=object), ["#4e79a7"] * 20,
                      ["#4e79a7"] * 20, [0.2] * 20, [3.0] * 20, [None] * 20,
                      legend=[LegendEntry(f"片区 {k}", "#4e79a7") for k in range(1, 21)])
    rows = [r.text for r in legend_rows([zones], "zh_CN")]
    assert any("个片区" in r for r in rows) and not any(r.endswith("类") for r in rows)


def test_the_printed_legend_repeats_the_life_circle_bands(make_window, qtbot):
    from tests.gui import lifecircles_fixtures as lf

    win = make_window(lf.project_with_roads())
    ctl = lf.controller(win)
    ctl.panel.options.set_mode("buffer")
    lf.run(ctl, qtbot)
    qtbot.waitUntil(lambda: ctl.map_legend.isVisible(), timeout=5000)
    legends = window_options(win)["view"].legends
    rows = [r.text for r in legend_rows([], "zh_CN", legends)]
    assert ctl.map_legend.printed[0] in rows
    assert sum("300 m" in r or "500 m" in r or "1,000 m" in r or "1000 m" in r for r in rows) >= 3, rows


def test_layout_dialog_form_shows_whole_titles_and_the_map_fills_the_frame(make_window, qtbot):
    from gui.layout.compose import placement
    from gui.layout.dialog import LayoutDialog
    from gui.layout.scene import project_bounds
    from tests.gis.export_samples import sample_project

    project = sample_project()
    win = make_window(project, size=(1600, 1000))
    dialog = LayoutDialog(win)
    dialog.show()
    dialog.title.setText("明湖区老旧小区改造片区规划图（2026 年）")
    qtbot.wait(50)
    for edit, text in ((dialog.title, dialog.title.text()), (dialog.source, dialog.source.placeholderText())):
        need = edit.fontMetrics().horizontalAdvance(text)
        assert edit.width() >= need, f"{text!r} needs {need} px, the box is {edit.width()} px"
    dialog.close()
    spec = LayoutSpec(paper="A3")
    page = Page.of(spec)
    where = placement(project, page, frames(page).map, window_options(win)["view"])
    bx, ex = project_bounds(project), where.extent
    filled = max((bx[2] - bx[0]) / (ex[2] - ex[0]), (bx[3] - bx[1]) / (ex[3] - ex[1]))
    assert filled > 0.85, f"the district fills {filled:.0%} of the map frame"


def test_the_inset_shows_the_district_in_a_wider_extent(app):
    from tests.gis.export_samples import sample_project

    spec = LayoutSpec(dpi=100)
    image = layout_image(spec, sample_project())
    page = Page.of(spec)
    panel = crop(image, frames(page).panel, page)
    img = panel.convertToFormat(panel.Format.Format_RGB32)
    arr = np.frombuffer(img.constBits(), dtype=np.uint8).reshape(img.height(), img.bytesPerLine())
    arr = arr[:, : img.width() * 4].reshape(img.height(), img.width(), 4)[..., :3].astype(int)
    red = (abs(arr[..., 2] - 0xd6) < 20) & (abs(arr[..., 1] - 0x27) < 30) & (abs(arr[..., 0] - 0x28) < 30)
    cols = np.flatnonzero(red.any(axis=0))
    assert len(cols), "no printed-area box in the inset"
    assert (cols.max() - cols.min()) < 0.6 * img.width(), "the inset repeats the main extent"


def test_a_two_column_printed_legend_keeps_its_texts_whole(app, cut):
    from gui.layout.compose import MapView
    from tests.gis.export_samples import sample_project

    row = {"fill": "#cccccc", "stroke": "#333333", "dash": None, "kind": "polygon"}
    bands = [dict(row, text=f"{t} {m} m") for t in ("卫生服务站", "老年食堂", "养老院") for m in ("300", "1,000")]
    gaps = [dict(row, text=f"缺 {k} 项 · {k * 19} 个小区") for k in range(1, 7)]
    legends = (("生活圈 · 步行路网", bands), ("服务缺项 · 直线距离", gaps), ("服务缺项 · 直线距离", gaps))
    for paper in ("A3", "A4"):
        layout_image(LayoutSpec(paper=paper, dpi=100), sample_project(), view=MapView(None, None, legends=legends))
    assert not cut, f"legend texts cut short: {sorted(set(cut))}"
