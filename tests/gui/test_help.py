"""Help ▸ User guide: opens offline in the UI language, with the workflow and the standards."""

from __future__ import annotations

from PySide6.QtCore import QUrl

from gui.help import HelpController, guide_path


def test_guide_opens_in_chinese_from_the_help_menu(make_window, project, qtbot):
    win = make_window(project)
    ctl = next(f for f in win.features if isinstance(f, HelpController))
    assert ctl.action in win.help_menu.actions() and ctl.action.shortcut().toString()  # F1
    dialog = ctl.open_guide()
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    text = dialog.browser.toPlainText()
    for words in ("使用指南", "工作流程", "GB 50180-2018", "间距容差", "社区卫生服务中心", "300 m"):
        assert words in text, words
    assert ctl.open_guide() is dialog, "one guide window, raised again"
    for link in ("#keys", "https://example.com/", "file:///etc/passwd"):
        dialog.browser.anchorClicked.emit(QUrl(link))
        assert dialog.browser.source().toLocalFile() == str(guide_path("zh_CN")), f"{link} left the guide"
    dialog.close()


def test_both_guides_cover_the_same_sections():
    import re

    ids = {lang: re.findall(r'<h2 id="(\w+)"', guide_path(lang).read_text(encoding="utf-8")) for lang in ("zh_CN", "en")}
    assert ids["zh_CN"] == ids["en"] == ["workflow", "analyses", "standards", "keys"]
    assert guide_path("fr") == guide_path("en")
