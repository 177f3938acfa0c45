"""The access table on map layouts: printed under the map with units in its headers when the
window has an access result (capped with "……另有 N 个"), absent (no empty box) without one or
when unticked; the layout dialog offers it only with a result."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtPdf import QPdfDocument

from gis.analysis.access import AccessRequest, run
from gis.analysis.inputs import project_compounds
from gis.analysis.session import session_for
from gis.gaps.zones import zone_groups_from_model
from gis.standards import load_standards
from gui.layout.compose import MapView
from gui.layout.export import export_pdf, layout_image
from gui.layout.page import LayoutSpec, Page, body_height_mm, frames
from gui.layout.table import band_height_mm
from gui.none_guard import protect_none
from tests.gis.export_samples import sample_project
from tests.gui.test_layout_export import crop, ink_share

protect_none()


def access_outcome(project, *, zones: bool):
    groups = zone_groups_from_model(project.zones) if zones else None
    request = AccessRequest(project, project_compounds(project), load_standards(), facility_type="day_care",
                            zones=groups)
    return run(request)


def pdf_text(path) -> str:
    doc = QPdfDocument()
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    text = doc.getAllText(0).text()
    doc.close()
    return text


def test_compound_table_under_the_map_with_units_and_a_cap(app, tmp_path):
    project = sample_project(zones=False)
    result = access_outcome(project, zones=False).result
    out = export_pdf(tmp_path / "access.pdf", LayoutSpec(dpi=100), project, view=MapView(access=result))
    text = pdf_text(out)
    for header in ("名称", "户数(户)", "需求数据", "分得供给(m²)", "缺口(m²)", "每千户m²"):
        assert header in text
    assert "日间照料中心可达性与缺口" in text and "录入" in text
    assert "……另有 3 个小区" in text  # 9 compounds, 7 lines fit on A4 landscape
    table = text.split("缺口(m²)")[1]  # drawn last: after the map's labels
    assert "幸福里8号院" in table and "幸福里1号院" not in table  # the most short first


def test_table_band_is_drawn_and_keeps_clear_of_map_and_panel(app):
    project = sample_project()
    result = access_outcome(project, zones=True).result
    assert result.zones is not None
    for paper, orientation in (("A4", "landscape"), ("A3", "portrait")):
        spec = LayoutSpec(paper=paper, orientation=orientation, dpi=40)
        page = Page.of(spec)
        with_table = layout_image(spec, project, view=MapView(access=result))
        plain = layout_image(spec, project, view=MapView())
        parts = frames(page, band_height_mm(page, body_height_mm(page), _table(result)))
        assert parts.band is not None
        assert not parts.band.intersects(parts.map) and not parts.band.intersects(parts.panel)
        assert ink_share(crop(with_table, parts.band, page)) > 0.03
        assert ink_share(crop(plain, parts.band, page)) > 0.03  # the map fills it without a table
        assert parts.map.height() < frames(page).map.height() and parts.panel == frames(page).panel


def test_no_result_or_unticked_means_no_table_and_no_box(app, tmp_path):
    project = sample_project()
    result = access_outcome(project, zones=True).result
    spec = LayoutSpec(dpi=40)
    bare = layout_image(spec, project)
    assert layout_image(spec, project, view=MapView()) == bare
    off = LayoutSpec(dpi=40, access_table=False)
    assert layout_image(off, project, view=MapView(access=result)) == bare
    text = pdf_text(export_pdf(tmp_path / "plain.pdf", LayoutSpec(dpi=100), project, view=MapView()))
    assert "缺口" not in text and "可达性" not in text


def _table(result):
    from gis.export.access_layout import access_print_table

    return access_print_table(result, "zh_CN")


def test_dialog_offers_the_table_only_with_a_result(make_window, qtbot):
    from gui.layout.dialog import LayoutDialog

    win = make_window(sample_project())
    dialog = LayoutDialog(win)
    assert dialog.access_table.isHidden()
    dialog.close()
    session_for(win.project).store("access", access_outcome(win.project, zones=True))
    dialog = LayoutDialog(win)
    assert not dialog.access_table.isHidden() and dialog.access_table.isChecked()
    assert dialog.spec().access_table
    with_table = dialog._image
    dialog.access_table.setChecked(False)
    assert not dialog.spec().access_table
    dialog.refresh_preview()
    assert dialog._image != with_table
    dialog.close()
