"""Run-time language check of the people, access and programme UI on the demo.

After their analyses ran on the demo (a survey join, estimates, an access run, a programme
run), every dock, dialog, menu, legend, map overlay legend and message shows no English in the
Chinese UI; the English UI shows no Chinese outside data. One window serves the module.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, Qt
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QInputDialog, QMessageBox, QPlainTextEdit, QTextEdit,
                               QTreeWidget, QTreeWidgetItemIterator, QWidget)

from gis.demo import load_demo_project
from gis.domain import Role
from gis.settings import Settings
from tests.gui.ui_text import english_in, english_words, texts

SHOTS = Path("/tmp/langnew")
# Beyond ui_text.ALLOWED: a file format (an .xlsx is a zip archive) and a product name (金山 WPS Office,
# the office suite Chinese planners save their tables with).
ALSO_ALLOWED = {"zip", "WPS"}
SIZE = (1600, 1000)


def wait_until(check, timeout: float = 60.0) -> None:
    end = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < end, "timed out"
        QApplication.processEvents()
        time.sleep(0.01)


def pause(ms: int = 200) -> None:
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def feature(win, name: str):
    return next(f for f in win.features if type(f).__name__ == name)


def survey(folder: Path, names: list[str]) -> Path:
    """A street survey: two names written exactly, one with a typo, one unknown, one bad count."""
    path = folder / "街道调查.xlsx"
    rows = [[names[0], 160, 40], [names[1] + "区", -5, 50], [names[2][:-1], 120, 10], ["人民医院宿舍", 80, 9]]
    pd.DataFrame(rows, columns=["小区名称", "户数", "60岁以上"]).to_excel(path, index=False)
    return path


@pytest.fixture(scope="module")
def said():
    """Message boxes the window shows, recorded (title, text) instead of shown."""
    out: list[tuple[str, str]] = []
    with pytest.MonkeyPatch.context() as mp:
        for kind in ("information", "warning", "critical", "question"):
            mp.setattr(QMessageBox, kind, lambda _p, title, text, *a, **k: out.append((title, text)) or 0)
        mp.setattr(QInputDialog, "getItem", lambda _p, title, label, *a, **k: out.append((title, label)) or ("", False))
        yield out


@pytest.fixture(scope="module")
def demo_window(app, said, tmp_path_factory):
    """The demo, zones suggested, with the people, access and programme analyses run."""
    from gis.zones.model import ZoneModel
    from gui.main_window import MainWindow

    folder = tmp_path_factory.mktemp("langnew")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("OCP_CONFIG_DIR", str(folder / "config"))
        project = load_demo_project()
        project.set_zones(ZoneModel.from_layer(project.first(Role.COMPOUNDS), gap=30.0))
        win = MainWindow(project, Settings(autosave_minutes=0))
        win.resize(*SIZE)
        drawn = []
        win.map.drawnAll.connect(lambda *_a: drawn.append(1))
        win.show()
        win.map.zoom_to_project()
        wait_until(lambda: drawn)
        pause(300)
        yield win, folder
        win.close_guards.clear()
        win.shutdown()
        win.close()
        win.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


# -- what a widget tree shows beyond ui_text.texts: tooltips everywhere, cells' tooltips --------
def more_texts(root: QWidget) -> list[tuple[str, str]]:
    """Tooltips of every widget and cell, text boxes, and every row of a tree."""
    out = [(type(w).__name__ + ".tip", w.toolTip()) for w in [root, *root.findChildren(QWidget)]]
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        try:
            columns = model.columnCount(QModelIndex())
        except TypeError:  # a list model hides columnCount
            columns = 1
        for c in range(columns):
            out.append((type(view).__name__ + ".header.tip",
                        str(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) or "")))
            for r in range(min(20, model.rowCount(QModelIndex()))):
                tip = model.index(r, c).data(Qt.ItemDataRole.ToolTipRole)
                out.append((f"{type(view).__name__}[{r},{c}].tip", tip if isinstance(tip, str) else ""))
    for kind in (QTextEdit, QPlainTextEdit):
        out += [(kind.__name__, w.toPlainText()) for w in root.findChildren(kind)]
    for tree in root.findChildren(QTreeWidget):  # english_in reads the top rows only
        items = QTreeWidgetItemIterator(tree)
        while items.value():
            item = items.value()
            out += [(f"tree {c}", item.text(c)) for c in range(tree.columnCount())]
            out += [(f"tree {c}.tip", item.toolTip(c)) for c in range(tree.columnCount())]
            items += 1
    return [(w, t) for w, t in out if t]


def english_anywhere(root: QWidget, ignore: set[str] = frozenset()) -> list[tuple[str, str, list[str]]]:
    """english_in(root) and the tooltips and tree rows english_in does not read."""
    ignore = ALSO_ALLOWED | set(ignore)
    found = english_in(root, ignore=ignore)
    for where, text in more_texts(root):
        words = [w for w in english_words(text) if w not in ignore]
        if words:
            found.append((where, text, words))
    return found


def english_of(pairs) -> list[tuple[str, str, list[str]]]:
    return [(where, text, words) for where, text in pairs
            if (words := [w for w in english_words(text) if w not in ALSO_ALLOWED])]


def overlay_strings(win) -> list[tuple[str, str]]:
    """The map overlays' legend and tooltip strings (what the map and the print legend show)."""
    out = []
    for name, frame in win.map.overlays.items():
        for column in ("legend", "tooltip", "label", "popup", "title"):
            if column in getattr(frame, "columns", ()):
                out += [(f"overlay {name}.{column}", v) for v in set(frame[column]) if isinstance(v, str)]
    return out


def legend_strings(legend) -> list[tuple[str, str]]:
    """A floating map legend's entries and labels."""
    return [("legend", e.text) for e in legend.entries] + texts(legend)


def report(found) -> str:
    return "\n".join(f"{where}: {text!r} -> {words}" for where, text, words in found[:60])


def shot(widget: QWidget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))


# -- the Chinese UI ---------------------------------------------------------------------------
def test_people_join_review(demo_window, said):
    win, folder = demo_window
    ctl = feature(win, "PeopleController")
    layer = win.project.first(Role.COMPOUNDS)
    path = survey(folder, list(layer.data["小区名称"][:3]))
    task = ctl.start(layer, str(path))
    wait_until(lambda: task.done.is_set() and ctl.dialog is not None, 30)
    dialog = ctl.dialog
    dialog.resize(1200, 800)
    dialog.filter.setCurrentIndex(1)
    found = []
    for r in range(dialog.rows.rowCount()):
        dialog.rows.selectRow(r)
        pause(50)
        found += english_anywhere(dialog)
    shot(dialog, "people_join_review")
    found += english_of(overlay_strings(win))
    del said[:]
    dialog.accept()
    pause(100)
    found += english_of(said)
    assert not found, report(found)


def test_people_estimate_dialog_and_report(demo_window, said):
    from gui.people.estimate_dialog import EstimateDialog

    win, folder = demo_window
    ctl = feature(win, "PeopleController")
    layer = win.project.first(Role.COMPOUNDS)
    dialog = EstimateDialog(win.project, layer, folder, win)
    dialog.resize(900, 860)
    dialog.show()
    pause(100)
    found = english_anywhere(dialog)
    shot(dialog, "people_estimate")
    request = dialog.request()
    dialog.reject()
    del said[:]
    data = layer.data.copy()
    data.loc[data.index[:5], ["常住人口", "老年人口"]] = float("nan")  # some counts to estimate
    layer.set_data(data)
    ctl.estimate(request)
    wait_until(lambda: said or "常住" in win.status.currentMessage(), 30)
    found += english_of(said) + english_of([("status", win.status.currentMessage())])
    assert not found, report(found)


def test_access_docks_legend_overlays_and_preset(demo_window, said):
    win, _folder = demo_window
    ctl = feature(win, "AccessController")
    ctl.show_dock()
    p = ctl.panel
    p.type.setCurrentIndex(p.type.findData("day_care"))
    p.method.setCurrentIndex(p.method.findData("e2sfca"))
    p.distance.setCurrentIndex(p.distance.findData("straight"))
    task = ctl.compute()
    assert task is not None, p.status.text()
    wait_until(lambda: ctl.task is None, 60)
    assert ctl.outcome is not None, p.status.text()
    pause(300)
    assert overlay_strings(win), "the access overlays carry no legend strings"
    found = english_anywhere(ctl.dock) + english_of(overlay_strings(win)) + english_of(legend_strings(ctl.map.legend))
    for tab in range(p.tabs.count()):
        p.tabs.setCurrentIndex(tab)
        found += english_anywhere(ctl.tables_dock)
        shot(ctl.tables_dock, f"access_tables_{tab}")
    shot(ctl.dock, "access_dock")
    win.map.zoom_to_project()
    pause(500)
    shot(win, "access_window")
    dialog = ctl.open_preset()
    dialog.resize(1100, 700)
    pause(100)
    found += english_anywhere(dialog)
    shot(dialog, "capacity_preset")
    dialog.reject()
    assert not found, report(found)


@pytest.fixture(scope="module")
def planned(demo_window):
    win, folder = demo_window
    ctl = feature(win, "ProgrammeController")
    ctl.show_docks()
    ctl.panel.set_years(tuple(range(2027, 2031)), None)
    ctl.compute()
    wait_until(lambda: ctl.programme is not None and ctl.task is None, 120)
    pause(300)
    return win, ctl, folder


def test_programme_docks_menu_legend_and_overlays(planned):
    win, ctl, _folder = planned
    ctl.show_items("zone", 0)
    pause(100)
    found = english_anywhere(ctl.dock) + english_of(overlay_strings(win)) + english_of(legend_strings(ctl.legend))
    for tab in range(ctl.tables.tabs.count()):
        ctl.tables.tabs.setCurrentIndex(tab)
        found += english_anywhere(ctl.tables_dock)
        shot(ctl.tables_dock, f"programme_tables_{tab}")
    menu = ctl.actions["proposal"].parent()
    found += english_of([("action", a.text()) for a in ctl.actions.values()])
    found += english_of([("action.tip", a.toolTip()) for a in ctl.actions.values()])
    access = feature(win, "AccessController").map.legend
    assert access.isVisible() and ctl.legend.isVisible()
    assert not access.geometry().intersects(ctl.legend.geometry()), "the two legends of the bottom left overlap"
    shot(ctl.dock, "programme_dock")
    win.map.zoom_to_project()
    pause(500)
    shot(win, "programme_window")
    assert menu is not None
    assert not found, report(found)


def test_catalogue_editor_and_its_refusal(planned, said):
    from gui.programme.catalogue_dialog import COST

    win, ctl, _folder = planned
    dialog = ctl.edit_catalogue()
    dialog.resize(1300, 800)
    pause(100)
    key = ctl.programme.catalogue.items[0].key
    dialog.set_cell(key, COST + 1, "5")  # the shares no longer add up: refused
    del said[:]
    assert not dialog.apply()
    found = english_anywhere(dialog) + english_of(said)
    shot(dialog, "catalogue_refusal")
    dialog.reject()
    assert not found, report(found)


def sheet_cells(win, programme, language: str) -> list[tuple[str, str]]:
    """The cost table of zone 0's A3 proposal sheet drawn in *language*."""
    from PySide6.QtGui import QImage, QPainter

    from gui.layout.page import Page
    from gui.programme.proposal import proposal_overlays, proposal_spec, render_proposal

    spec = proposal_spec(language, dpi=30)
    image = QImage(*Page.of(spec).size_px, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    rows = render_proposal(painter, spec, win.project, programme=programme, zone=0,
                           overlays=proposal_overlays(programme, win.project, 0))
    painter.end()
    cells = [("sheet", c) for r in rows for c in r.cells if isinstance(c, str)]
    assert cells, "the sheet has no cost table"
    return cells


def test_proposal_dialog_and_sheet(planned):
    win, ctl, _folder = planned
    dialog = ctl.open_proposal()
    pause(200)
    found = english_anywhere(dialog)
    shot(dialog, "proposal_dialog")
    dialog.reject()
    found += english_of(sheet_cells(win, ctl.programme, "zh_CN"))
    assert not found, report(found)


def test_presentation_year_card(planned):
    win, ctl, _folder = planned
    exports = feature(win, "ExportsController")
    mode = exports.start_presentation()
    found = []
    try:
        mode.set_by_year(True)  # full screen: the offscreen platform's screen (800 × 800), not SIZE
        for year in (2027, 2028):
            pause(300)
            assert str(year) in mode.screen.card.title.text()
            found += english_anywhere(mode.screen)
            legend = feature(win, "ProgrammeController").legend
            assert mode.screen.rect().contains(legend.mapTo(mode.screen, legend.rect().bottomRight())), "legend cut"
            mode.next()
        shot(mode.screen, "presentation_by_year")
        mode.set_by_year(False)
    finally:
        mode.stop()
    assert not found, report(found)


def test_programme_refusals_and_table_messages(planned, said):
    win, ctl, folder = planned
    del said[:]
    assert not ctl.set_years(2027, 2030, 1000.0)  # a budget smaller than any zone: refused
    bad = folder / "bad.json"
    bad.write_text('{"items": [{"key": "water", "unit_cost": -5}]}', encoding="utf-8")
    assert not ctl.load_catalogue(bad)
    consent = folder / "意愿.csv"
    consent.write_text("id,stage,agree,total\nMH001,enter,50,100\nXX99,enter,5,5\n", encoding="utf-8")
    task = ctl.import_consent(consent)
    wait_until(lambda: task.done.is_set(), 30)
    pause(200)
    people = feature(win, "PeopleController")
    broken = folder / "坏表.xlsx"
    broken.write_bytes(b"not a workbook")
    task = people.start(win.project.first(Role.COMPOUNDS), str(broken))
    wait_until(lambda: task.done.is_set() and len(said) >= 3, 30)
    nameless = folder / "无名称列.xlsx"
    rows = pd.read_excel(survey(folder, ["甲", "乙", "丙"]))
    rows.set_axis(["甲", "户数", "60岁以上"], axis=1).to_excel(nameless, index=False)
    task = people.start(win.project.first(Role.COMPOUNDS), str(nameless))  # asks which column holds the names
    wait_until(lambda: task.done.is_set() and len(said) >= 4, 30)
    assert len(said) >= 4, said
    found = english_of(said) + english_anywhere(ctl.dock) + english_of([("status", ctl.panel.status.text())])
    assert not found, report(found)
    ctl.stack.undo()


def test_whole_window_after_everything(planned):
    win, _ctl, _folder = planned
    found = english_anywhere(win) + english_of(print_legend(win))
    assert not found, report(found)


def test_chinese_docks_are_not_clipped(planned):
    win, ctl, _folder = planned
    access = feature(win, "AccessController")
    cut = []
    for show, docks in ((access.show_dock, (access.dock, access.tables_dock)),
                        (ctl.show_docks, (ctl.dock, ctl.tables_dock))):
        show()
        pause(150)
        assert all(d.isVisible() for d in docks)
        cut += [f"{d.windowTitle()}: {c}" for d in docks for c in clipped(d)]
    assert not cut, "\n".join(cut)


def print_legend(win) -> list[tuple[str, str]]:
    """The print layout's legend labels of every overlay the map shows."""
    from gui.layout.overlays import overlay_frames
    from gui.layout.scene import overlay_draw

    frames = overlay_frames(win.map, win.project)
    labels = [(f"print legend {name}", e.label) for name, frame in frames.items()
              for e in overlay_draw(name, frame, win.project.crs).legend]
    assert labels, "no overlay has a legend"
    return labels


# -- the English UI ------------------------------------------------------------------------
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+")
GLOSS = re.compile(r"\([^()]*\)")  # "Utilities (水电气信)": the Chinese term beside the English one


def data_strings(project) -> list[str]:
    """Names and values that are data: layer and column names, text cells, zone names (longest first)."""
    out = set()
    for layer in project.layers:
        out |= {layer.name, *map(str, layer.data.columns)}
        for column in layer.data.columns.drop(layer.data.geometry.name):
            out |= {v for v in layer.data[column].unique() if isinstance(v, str)}
    return sorted(out, key=len, reverse=True)


def chinese_in(pairs, data: list[str]) -> list[tuple[str, str, list[str]]]:
    found = []
    for where, text in pairs:
        if not CJK.search(text or ""):
            continue
        rest = text
        for value in data:
            if value and value in rest:
                rest = rest.replace(value, " ")
        if words := CJK.findall(GLOSS.sub(" ", rest)):
            found.append((where, text, words))
    return found


def clipped(root: QWidget) -> list[str]:
    """Header sections narrower than their text, buttons narrower than their size hint, combo
    boxes narrower than their current text (with room for the arrow), wrapped labels cut short."""
    from PySide6.QtWidgets import QComboBox, QHeaderView, QLabel, QPushButton

    out = []
    for header in root.findChildren(QHeaderView):
        if not header.isVisible() or header.orientation() != Qt.Orientation.Horizontal:
            continue
        model = header.model()
        for section in range(header.count()):
            text = str(model.headerData(section, header.orientation()) or "")
            need = header.fontMetrics().horizontalAdvance(text)
            if not header.isSectionHidden(section) and header.sectionSize(section) < need:
                out.append(f"header {text!r}: {header.sectionSize(section)} px")
    for label in root.findChildren(QLabel):
        need = label.heightForWidth(label.width())
        if label.isVisible() and label.wordWrap() and label.text() and label.height() < need:
            out.append(f"wrapped label {label.text()[:40]!r}: {label.height()} < {need} px")
    for combo in root.findChildren(QComboBox):
        need = combo.fontMetrics().horizontalAdvance(combo.currentText()) + 28
        if combo.isVisible() and combo.width() < need:
            out.append(f"combo {combo.currentText()!r}: {combo.width()} < {need} px")
    for button in root.findChildren(QPushButton):
        if button.isVisible() and button.width() < button.sizeHint().width():
            out.append(f"button {button.text()!r}: {button.width()} < {button.sizeHint().width()} px")
    return out


@pytest.fixture(scope="module")
def english_window(app, demo_window, tmp_path_factory):
    """The demo in a second window in the English UI, access and programme run."""
    from gis.zones.model import ZoneModel
    from gui.i18n import install_translator
    from gui.main_window import MainWindow

    install_translator(app, "en")
    project = load_demo_project()
    project.set_zones(ZoneModel.from_layer(project.first(Role.COMPOUNDS), gap=30.0))
    win = MainWindow(project, Settings(autosave_minutes=0, language="en"))
    win.resize(*SIZE)
    win.show()
    pause(300)
    access = feature(win, "AccessController")
    access.show_dock()
    access.panel.distance.setCurrentIndex(access.panel.distance.findData("straight"))
    access.compute()
    wait_until(lambda: access.task is None, 60)
    plan = feature(win, "ProgrammeController")
    plan.show_docks()
    plan.compute()
    wait_until(lambda: plan.programme is not None and plan.task is None, 120)
    plan.show_items("zone", 0)
    pause(300)
    yield win
    win.close_guards.clear()
    win.shutdown()
    win.close()
    win.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    install_translator(app, "zh_CN")


def english_views(win, folder, table: Path):
    """(name, widget) of the new docks and dialogs in *win*, opened."""
    from gui.people.estimate_dialog import EstimateDialog

    access, plan = feature(win, "AccessController"), feature(win, "ProgrammeController")
    yield "access_dock", access.dock
    yield "access_tables", access.tables_dock
    yield "programme_dock", plan.dock
    yield "programme_tables", plan.tables_dock
    layer = win.project.first(Role.COMPOUNDS)
    task = feature(win, "PeopleController").start(layer, str(table))
    wait_until(lambda: task.done.is_set() and feature(win, "PeopleController").dialog is not None, 30)
    review = feature(win, "PeopleController").dialog
    review.filter.setCurrentIndex(1)
    review.rows.selectRow(2)
    pause(100)
    yield "join_review", review
    review.reject()
    mode = feature(win, "ExportsController").start_presentation()
    mode.set_by_year(True)
    pause(200)
    mode.next()
    pause(200)
    assert "Programme 2028" in mode.screen.card.title.text()
    yield "year_card", mode.screen.card
    mode.stop()
    for name, make in (("capacity_preset", access.open_preset), ("catalogue", plan.edit_catalogue),
                       ("proposal", plan.open_proposal),
                       ("estimate", lambda: EstimateDialog(win.project, win.project.first(Role.COMPOUNDS), folder,
                                                           win))):
        dialog = make()
        dialog.show()
        pause(150)
        yield name, dialog
        dialog.reject()


def test_english_ui_shows_no_chinese_but_data_and_nothing_clipped(english_window, demo_window):
    win = english_window
    _zh, folder = demo_window
    assert feature(win, "ProgrammeController").panel.run_button.text() == "Plan the programme", "English UI on"
    table = survey(folder, list(win.project.first(Role.COMPOUNDS).data["小区名称"][:3]))
    rows = pd.read_excel(table)
    data = sorted({*data_strings(win.project), table.name, *map(str, rows.columns),
                   *(v for v in rows.to_numpy().ravel() if isinstance(v, str))}, key=len, reverse=True)
    found, cut = [], []
    for name, widget in english_views(win, folder, table):
        found += chinese_in(texts_and_tips(widget), data)
        cut += [f"{name}: {c}" for c in clipped(widget)]
        if name == "programme_tables":
            found += chinese_in(print_legend(win) + sheet_cells(win, feature(win, "ProgrammeController").programme,
                                                                "en"), data)
        shot(widget, f"en_{name}")
    assert not found, report(found)
    assert not cut, "\n".join(cut)


def texts_and_tips(root: QWidget) -> list[tuple[str, str]]:
    return texts(root) + more_texts(root)
