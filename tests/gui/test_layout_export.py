"""Map layouts: the PDF rasterised with QtPdf is a map with a legend; the PNG is 300 dpi; the print
follows the map (visibility, view, overlays); the dialog previews and exports."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument

from gui.layout.compose import placement
from gui.layout.export import export_pdf, export_png, layout_image, window_options
from gui.layout.page import LayoutSpec, Page, frames
from gui.none_guard import protect_none
from tests.gis.export_samples import sample_project
from tests.gui.conftest import color_pixels, settle

protect_none()
COMPOUND = "#ff00aa"  # sample_project's compound fill, at 60 % opacity


def blend(hex_colour: str, alpha: float, under: str = "#ffffff") -> str:
    a = np.array([int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)])
    b = np.array([int(under[i:i + 2], 16) for i in (1, 3, 5)])
    r, g, bl = np.round(alpha * a + (1 - alpha) * b).astype(int)
    return f"#{r:02x}{g:02x}{bl:02x}"


def rasterise(pdf_path, width: int = 1400) -> QImage:
    doc = QPdfDocument()
    assert doc.load(str(pdf_path)) == QPdfDocument.Error.None_
    assert doc.pageCount() == 1
    size = doc.pagePointSize(0)
    image = doc.render(0, QSize(width, round(width * size.height() / size.width())))
    doc.close()
    return image


def crop(image: QImage, rect, page: Page) -> QImage:
    s = image.width() / page.size_px[0]
    return image.copy(round(rect.left() * s), round(rect.top() * s), round(rect.width() * s),
                      round(rect.height() * s))


def ink_share(image: QImage) -> float:
    """Share of pixels that are not white (blank page = 0)."""
    img = image.convertToFormat(QImage.Format.Format_RGB32)
    arr = np.frombuffer(img.constBits(), dtype=np.uint8).reshape(img.height(), img.bytesPerLine())
    arr = arr[:, : img.width() * 4].reshape(img.height(), img.width(), 4)[..., :3]
    return float((arr.min(axis=2) < 235).mean())


def test_pdf_is_a_map_with_a_legend(app, tmp_path):
    project = sample_project()
    spec = LayoutSpec(title="明湖区改造片区规划图")
    out = export_pdf(tmp_path / "plan.pdf", spec, project)
    assert out.read_bytes().startswith(b"%PDF")
    image = rasterise(out)
    page = Page.of(spec)
    parts = frames(page)
    assert ink_share(crop(image, parts.map, page)) > 0.5  # the map is drawn, not blank
    legend = crop(image, parts.panel, page)
    assert color_pixels(legend, blend(COMPOUND, 0.6), tol=14) > 50  # the compounds' legend swatch
    assert color_pixels(legend, blend("#4e79a7", 0.22), tol=10) > 50  # the first zone's swatch
    assert color_pixels(crop(image, parts.title, page), "#1a1a1a", tol=40) > 100  # the title is inked


def test_png_is_300_dpi_and_follows_layer_visibility(app, tmp_path):
    project = sample_project()
    out = export_png(tmp_path / "plan.png", LayoutSpec(), project)
    image = QImage(str(out))
    assert (image.width(), image.height()) == (3508, 2480)  # A4 landscape at 300 dpi
    assert abs(image.dotsPerMeterX() - 11811) <= 1
    page = Page.of(LayoutSpec())
    map_part = crop(image, frames(page).map, page)
    on_map = blend(COMPOUND, 0.6, "#f4f1ea")
    assert color_pixels(map_part, on_map, tol=10) > 10_000
    project.layers[0].visible = False  # what is printed is what the map shows
    hidden = crop(layout_image(LayoutSpec(dpi=100), project), frames(Page.of(LayoutSpec(dpi=100))).map,
                  Page.of(LayoutSpec(dpi=100)))
    assert color_pixels(hidden, on_map, tol=10) == 0


def test_a3_portrait_without_inset(app):
    spec = LayoutSpec(paper="A3", orientation="portrait", inset=False, dpi=72)
    image = layout_image(spec, sample_project())
    assert (image.width(), image.height()) == (842, 1191)
    assert ink_share(image) > 0.3


def test_print_follows_the_map_view_and_overlays(make_window, qtbot):
    project = sample_project()
    win = make_window(project)
    opts = window_options(win)
    page = Page.of(LayoutSpec())
    whole = placement(project, page, frames(page).map, None).denominator
    assert placement(project, page, frames(page).map, opts["view"]).denominator <= whole
    win.map.zoom_to_layer(project.layers[0], [4])  # one compound fills the window
    qtbot.waitUntil(lambda: win.map.view_state.get("zoom", 0) >= 17, timeout=10000)
    settle(qtbot, win)
    zoomed = placement(project, page, frames(page).map, window_options(win)["view"])
    assert zoomed.denominator < whole
    assert zoomed.extent[0] < project.layers[0].data.geometry.iloc[4].centroid.x < zoomed.extent[2]
    marker = gpd.GeoDataFrame({"stroke": ["#00ff00"], "fill": ["#00ff00"], "fillOpacity": [1.0], "weight": [4.0]},
                              geometry=project.layers[0].data.geometry.iloc[[4]].values, crs=project.crs)
    win.map.set_overlay("test:highlight", marker)
    settle(qtbot, win)
    opts = window_options(win)
    assert "test:highlight" in opts["overlays"] and "zone:1" in opts["overlays"]
    image = layout_image(LayoutSpec(dpi=100), project, **opts)
    assert color_pixels(image, "#00ff00", tol=8) > 1000


def test_layout_dialog_previews_and_exports(make_window, qtbot, tmp_path):
    from gui.layout.dialog import LayoutDialog

    win = make_window(sample_project())
    dialog = LayoutDialog(win)
    assert not dialog.preview.pixmap().isNull()
    dialog.title.setText("试点片区")
    dialog.orientation.setCurrentIndex(1)
    dialog.refresh_preview()
    pix = dialog.preview.pixmap()
    assert pix.height() > pix.width()  # portrait preview
    dialog.format.setCurrentIndex(1)  # PNG
    target = dialog.export_to(tmp_path / "layout")
    assert target.suffix == ".png"
    qtbot.waitUntil(target.exists, timeout=60000)
    qtbot.waitUntil(lambda: QImage(str(target)).height() == 3508, timeout=10000)
    dialog.close()


@pytest.mark.parametrize("fmt", ["pdf", "png"])
def test_cli_layouts(app, tmp_path, fmt, capsys):
    from gis.cli import run
    from gis.project_file import save_project

    path = tmp_path / "plan.gpkg"
    save_project(sample_project(), path)
    out = tmp_path / f"plan.{fmt}"
    assert run(["export", str(path), "--format", fmt, "--out", str(out), "--paper", "A3", "--title", "规划图"]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    if fmt == "png":
        assert QImage(str(out)).width() == 4961  # A3 landscape at 300 dpi
    else:
        assert ink_share(rasterise(out, 800)) > 0.3
