"""English labels are longer: the gaps dock and the siting dialog still show them whole."""

from __future__ import annotations

import pytest
from gui.i18n import install_translator
from tests.gui.gaps_fixtures import controller, gaps_registered, run  # noqa: F401


@pytest.fixture
def english(app):
    install_translator(app, "en")
    yield
    install_translator(app, "zh_CN")


def test_gaps_dock_and_siting_dialog_fit_their_english_text(english, make_window, project, qtbot):
    win = make_window(project)
    win.resize(1600, 1000)
    ctl = controller(win)
    ctl.show_docks()
    qtbot.wait(200)
    body = ctl.panel
    assert "Export" in ctl.panel.export_button.text(), "the English UI is on"
    shown = ctl.dock.widget().viewport().width()  # what the scroll area shows of the body
    assert shown >= body.minimumSizeHint().width(), "the dock clips its body at the right"
    assert body.export_button.width() >= body.export_button.sizeHint().width()
    run(ctl, qtbot)
    ctl.open_siting()
    header = ctl.siting_dialog.coverage.horizontalHeader()
    model = ctl.siting_dialog.coverage.model()
    for section in range(1, header.count()):
        text = model.headerData(section, header.orientation())
        assert header.sectionSize(section) >= header.fontMetrics().horizontalAdvance(text), text
    ctl.siting_dialog.reject()
