"""At start-up: offer the work a crashed session autosaved (keep it, discard it, or decide later)."""

from __future__ import annotations

from datetime import datetime
from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from gis import recovery
from gui.i18n import fill, tr_gis
from gui.worker import run_task

KEEP, DISCARD, LATER = "keep", "discard", "later"


def difference_text(diff) -> str:
    """One gis.project_diff.Difference in the UI language."""
    try:
        return fill(tr_gis("recovery", diff.template), diff.params)
    except (KeyError, IndexError, ValueError):
        return diff.text


class RecoveryDialog(QDialog):
    """Shows one recovery copy: its project, time and what differs from the project file."""

    def __init__(self, entry: recovery.Entry, parent=None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.choice = LATER
        self.setWindowTitle(self.tr("Recover unsaved work"))
        name = entry.project_path or self.tr("a new project that was never saved")
        when = datetime.fromtimestamp(entry.saved).strftime("%Y-%m-%d %H:%M:%S")
        intro = QLabel(self.tr("The planner did not close normally last time. Unsaved work on {name} "
                               "was autosaved at {time}.").format(name=name, time=when), self)
        items = "".join(f"<li>{escape(difference_text(d))}</li>" for d in entry.differences)
        heading = escape(self.tr("Compared with the project file:"))
        changes = QLabel(f"<b>{heading}</b><ul>{items}</ul>", self)
        changes.setTextFormat(Qt.TextFormat.RichText)
        outro = QLabel(self.tr("Keep opens it as unsaved changes (save to keep them in the project "
                               "file). Discard deletes the autosave. Later asks again at the next start."),
                       self)
        buttons = QDialogButtonBox(self)
        self.keep = buttons.addButton(self.tr("Keep"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.discard = buttons.addButton(self.tr("Discard"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.later = buttons.addButton(self.tr("Later"), QDialogButtonBox.ButtonRole.RejectRole)
        self.keep.setDefault(True)
        buttons.clicked.connect(self._clicked)
        layout = QVBoxLayout(self)
        for label in (intro, changes, outro):
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _clicked(self, button) -> None:
        self.choice = {self.keep: KEEP, self.discard: DISCARD}.get(button, LATER)
        self.accept() if self.choice == KEEP else self.reject()


def offer_recovery(window, *, ask=None) -> recovery.Entry | None:
    """Offer each copy a crashed session left, newest first; open the one the user keeps.

    *ask(entry)* returns KEEP, DISCARD or LATER (default: the dialog). Returns the entry
    kept (it opens in the background as the window's project), or None.
    """
    from gui.autosave import AutosaveController

    controller = next(f for f in window.features if isinstance(f, AutosaveController))
    ask = ask or (lambda e: _ask(window, e))
    for entry in recovery.recoverable(controller.folder):
        choice = ask(entry)
        if choice == DISCARD:
            recovery.remove(entry)
        elif choice == KEEP:
            run_task(window, QCoreApplication.translate("RecoveryDialog", "Opening the autosaved work"),
                     lambda fb: recovery.open_copy(entry, feedback=fb),
                     lambda project: controller.take_over(entry, project))
            return entry
    return None


def _ask(window, entry) -> str:
    dialog = RecoveryDialog(entry, window)
    dialog.exec()
    return dialog.choice
