"""QUndoStack commands over the Qt-free zone model: every edit is one undoable step."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from gis.zones.model import ZoneEdit, ZoneModel
from gui.i18n import fill, tr_gis


class ZoneEditCommand(QUndoCommand):
    """Wraps an edit the model has already applied; undo applies its inverse."""

    def __init__(self, model: ZoneModel, edit: ZoneEdit) -> None:
        text = tr_gis("zones", edit.template)
        try:
            text = fill(text, edit.params)
        except (KeyError, IndexError, ValueError):
            text = edit.text
        super().__init__(text)
        self.model = model
        self.edit = edit
        self._applied = True

    def redo(self) -> None:
        if self._applied:  # the model applied it when the user made the edit
            self._applied = False
            return
        self.model.apply(self.edit)

    def undo(self) -> None:
        self.model.apply(self.edit.inverse())
