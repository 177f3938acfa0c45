"""Run-time language check: the demo in the Chinese UI shows no English words.

The translation test only sees strings marked in code; this one reads what the window and
its dialogs really show after the analyses ran (formatted keys, field names, enum values).
"""

from __future__ import annotations

import re

import pyogrio
import pytest
from PySide6.QtWidgets import QDialog

from gis.demo import load_demo_project
from tests.gui import import_samples as samples
from tests.gui.ui_text import english_in


@pytest.fixture(scope="module")
def demo():
    return load_demo_project()


def _report(found) -> str:
    return "\n".join(f"{where}: {text!r} -> {words}" for where, text, words in found[:40])


@pytest.fixture
def analysed(make_window, demo, qtbot, monkeypatch, tmp_path):
    """The demo in a window, with life circles and gaps run in straight-line mode."""
    monkeypatch.setenv("OCP_CONFIG_DIR", str(tmp_path / "config"))
    from gui.gaps.controller import GapsController
    from gui.lifecircles.controller import LifeCirclesController

    win = make_window(demo)
    life = next(f for f in win.features if isinstance(f, LifeCirclesController))
    gaps = next(f for f in win.features if isinstance(f, GapsController))
    for ctl in (life, gaps):
        straight = getattr(ctl.panel, "straight", None) if hasattr(ctl, "panel") else None
        if straight is not None:
            straight.setChecked(True)
        task = ctl.compute()
        assert task is not None
        qtbot.waitUntil(lambda c=ctl: c.task is None, timeout=120000)
    return win


def test_main_window_after_analyses_has_no_english(analysed):
    found = english_in(analysed)
    assert not found, _report(found)


DIALOGS = [  # (controller class, method that opens a dialog)
    ("gui.zones.controller:ZonesController", "suggest"),
    ("gui.zones.controller:ZonesController", "edit_settings"),
    ("gui.lifecircles.controller:LifeCirclesController", "edit_standards"),
    ("gui.gaps.controller:GapsController", "open_ranking"),
    ("gui.gaps.controller:GapsController", "open_siting"),
    ("gui.exports:ExportsController", "open_export"),
    ("gui.exports:ExportsController", "open_layout"),
    ("gui.help:HelpController", "open_guide"),
]


@pytest.mark.parametrize("spec,method", DIALOGS, ids=[m for _, m in DIALOGS])
def test_dialogs_have_no_english(analysed, spec, method, monkeypatch, qtbot):
    import importlib

    module, cls = spec.split(":")
    kind = getattr(importlib.import_module(module), cls)
    ctl = next(f for f in analysed.features if isinstance(f, kind))
    shown: list[QDialog] = []
    monkeypatch.setattr(QDialog, "exec", lambda self: shown.append(self) or 0)
    before = set(analysed.findChildren(QDialog))
    getattr(ctl, method)()
    qtbot.wait(300)
    dialogs = shown + [d for d in analysed.findChildren(QDialog) if d not in before and d.isVisible()]
    assert dialogs, f"{method} opened no dialog"
    found = [f for d in dialogs for f in english_in(d)]
    for d in dialogs:
        d.reject()
    assert not found, _report(found)


IMPORTS = {  # sample files whose dialogs carry run-time text: role reasons, datum hints, repairs
    "gbk_shapefile": lambda folder: samples.gbk_shapefile(folder),
    "gk_without_prj": lambda folder: samples.gk_shapefile_without_prj(folder),
    "facilities_csv": lambda folder: samples.facilities_csv(folder),
    "amap_geojson": lambda folder: samples.gcj02_geojson(folder, [(117.01 + 0.001 * i, 36.66) for i in range(5)]),
    "kml": lambda folder: samples.two_folder_kml(folder),
}
NOT_YET: dict[str, str] = {}  # samples whose dialog still shows English (none)


@pytest.mark.parametrize("sample", [pytest.param(k, marks=pytest.mark.xfail(reason=NOT_YET[k], strict=True))
                                    if k in NOT_YET else k for k in IMPORTS])
def test_import_dialog_has_no_english(app, qtbot, tmp_path, sample):
    from gis.io import inspect_file
    from gui.importing.dialog import ImportDialog
    from gui.importing.presets import PresetStore

    path = IMPORTS[sample](tmp_path / "数据")
    report = inspect_file(path)
    own = {path.stem, *map(str, pyogrio.read_info(path)["fields"])}  # the file's own names are data
    if report.crs.crs is not None:
        own.add(report.crs.crs.name)  # EPSG's official name of the coordinate system
    dialog = ImportDialog(report, presets=PresetStore(tmp_path / "p"))
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    try:
        found = english_in(dialog, ignore=set(re.findall(r"[A-Za-z_]+", " ".join(own))))
    finally:
        dialog.reject()
        dialog.deleteLater()
    assert not found, _report(found)


def test_planned_facilities_table_and_identify_have_no_english(analysed, qtbot):
    """The planned layer's app-made columns and values (facility_type, planned, radius_m,
    play_area, True) read as words in the attribute table and the identify panel."""
    from gui.gaps.controller import GapsController

    win = analysed
    gaps = next(f for f in win.features if isinstance(f, GapsController))
    dialog = gaps.open_siting()
    dialog.type.setCurrentIndex(dialog.type.findData("play_area"))
    dialog.k.setValue(1)
    assert dialog.suggest() is not None, dialog.status.text()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=60000)
    dialog.accept_sites()
    qtbot.waitUntil(lambda: gaps.task is None, timeout=60000)  # the gaps are analysed again
    layer = gaps.planned_layer()
    win._show_table(layer)
    win.identify.show_feature(layer, 0)
    found = english_in(win.table) + english_in(win.identify)
    assert not found, _report(found)
