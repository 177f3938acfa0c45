"""Help ▸ User guide (F1): a short guide in the UI language, read from resources/help offline."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from gis.paths import RESOURCES
from gui.actions import make_action
from gui.features import FeatureController
from gui.i18n import ui_language

HELP = RESOURCES / "help"


def guide_path(language: str) -> Path:
    """The guide for *language* (zh_CN or en); English where a translation is missing."""
    path = HELP / f"guide_{language}.html"
    return path if path.exists() else HELP / "guide_en.html"


class GuideDialog(QDialog):
    """The guide in a browser that follows only links inside the guide (no network, no files)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide"))
        self.resize(820, 760)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)  # anchors only: handled below
        self.browser.anchorClicked.connect(self._follow)
        self.browser.setSource(QUrl.fromLocalFile(str(guide_path(ui_language()))))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)

    def _follow(self, url: QUrl) -> None:
        if url.hasFragment() and (url.isRelative() or url.adjusted(QUrl.UrlFormattingOption.RemoveFragment)
                                  == self.browser.source().adjusted(QUrl.UrlFormattingOption.RemoveFragment)):
            self.browser.scrollToAnchor(url.fragment())


class HelpController(FeatureController):
    """Adds the user guide to the Help menu, before About."""

    def __init__(self, window) -> None:
        self.window = window
        self.dialog: GuideDialog | None = None
        action = make_action(window, self.tr("User guide"), self.open_guide, QKeySequence.StandardKey.HelpContents)
        menu = window.help_menu
        menu.insertAction(menu.actions()[0] if menu.actions() else None, action)
        self.action = action
        super().__init__(window)

    def open_guide(self) -> GuideDialog:
        if self.dialog is None:
            self.dialog = GuideDialog(self.window)
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog
