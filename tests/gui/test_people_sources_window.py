"""The window's side of people sources: the survey join by address (as ``join --by address``),
the table's address column asked for, and source marks shown in words in the attribute table."""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QMessageBox

from gis.domain import FieldRole, Role
from gis.people import marks
from gui.attribute_table import LayerTableModel
from gui.people.controller import PeopleController
from gui.people.join_options import JoinOptions


def controller(win) -> PeopleController:
    return next(f for f in win.features if isinstance(f, PeopleController))


def test_join_by_address_asks_the_tables_address_column_and_joins(make_window, project, qtbot, tmp_path,
                                                                   monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    asked = {}

    def choose(parent, title, label, items, current, editable):
        asked["title"], asked["items"] = title, items
        return "甲", True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    layer = project.first(Role.COMPOUNDS)
    layer.data["地址"] = [f"幸福路{k + 1}号" for k in range(len(layer))]
    path = tmp_path / "按地址.xlsx"  # names that fit no compound; addresses in an unnamed column 甲
    pd.DataFrame({"小区名称": ["甲小区", "乙小区"], "甲": ["幸福路３号", "幸福路12号"], "60岁以上": [33, 44]}
                 ).to_excel(path, index=False)
    win = make_window(project)
    options = JoinOptions(layer, path.name, win)
    ok = options.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert options.choice() == ("name", "地址")  # the compounds' address column found
    options.by_address.setChecked(True)
    assert options.choice() == ("address", "地址") and ok.isEnabled()
    options.address.setCurrentIndex(0)  # no address column: matching by address cannot start
    assert not ok.isEnabled()
    options.address.setCurrentIndex(options.address.findData("地址"))
    options.grab().save(str(tmp_path / "join_options.png"))
    ctl = controller(win)
    ctl.join_table(str(path), options=options.choice())
    qtbot.waitUntil(lambda: ctl.dialog is not None, timeout=20000)
    assert asked["title"] == "哪一列是地址？" and asked["items"] == ["小区名称", "甲", "60岁以上"]
    review = ctl.dialog
    assert review.survey.address_column == "甲"
    assert [m.status for m in review.result.matches] == ["matched", "matched"]
    assert [review.compound_of(r) for r in (0, 1)] == [2, 11]
    review.accept()
    elderly = layer.fields[FieldRole.ELDERLY]
    assert layer.data[elderly].iloc[[2, 11]].tolist() == [33, 44]
    assert marks.sources(layer.data, elderly).iloc[2] == "survey"


def test_attribute_table_shows_source_marks_in_words(app, project):
    layer = project.first(Role.COMPOUNDS)
    layer.data["户数_来源"] = ["survey", "estimated:buildings", "estimated:raster:pop.tif"] + \
        [None] * (len(layer) - 3)
    model = LayerTableModel(layer)
    k = model._columns.index("户数_来源")
    shown = [model.data(model.index(r, k), Qt.ItemDataRole.DisplayRole) for r in range(4)]
    assert shown == ["调查表", "估算（按建筑）", "估算（按人口栅格）", "录入"]
    assert model.data(model.index(0, model._columns.index("户数")), Qt.ItemDataRole.DisplayRole) != "调查表"


def test_identify_panel_shows_source_marks_in_words(app, project):
    from gui.identify import IdentifyPanel

    layer = project.first(Role.COMPOUNDS)
    layer.data["户数_来源"] = ["estimated:households"] + [None] * (len(layer) - 1)
    panel = IdentifyPanel()
    panel.show_feature(layer, 0)
    assert rows(panel)["户数_来源"] == "估算（按户数×户均人口）" and "MH000" in rows(panel).values()
    panel.show_feature(layer, 1)
    assert rows(panel)["户数_来源"] == "录入"


def rows(panel) -> dict[str, str]:
    return {panel.topLevelItem(i).text(0): panel.topLevelItem(i).text(1) for i in range(panel.topLevelItemCount())}


def test_estimate_with_nothing_to_estimate_from_says_what_to_choose(make_window, project, qtbot, monkeypatch):
    from gis.people.estimate import EstimateRequest

    said = {}
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.setdefault("text", text))
    layer = project.first(Role.COMPOUNDS)
    layer.data["户数"] = None
    win = make_window(project)
    task = controller(win).estimate(EstimateRequest())
    qtbot.waitUntil(lambda: "text" in said, timeout=20000)
    assert task.done.is_set() and "--" not in said["text"] and "户数" in said["text"]
