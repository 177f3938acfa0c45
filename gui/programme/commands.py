"""QUndoStack commands over the Qt-free programme (gis.programme.Programme): each edit is one
undoable step on the window's undo stack (the one zone editing uses).

Every command wraps an edit the programme has already made (the controller makes it, so a
refused edit never reaches the stack). A command whose programme was replaced by a new run
(the planner's edits were carried over by id) makes itself obsolete: the stack drops it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from PySide6.QtGui import QUndoCommand

from gis.programme.consent import Consent


class ProgrammeCommand(QUndoCommand):
    """*do(value)* applies *after* (redo) or *before* (undo) to *programme*, while *live()* is it."""

    def __init__(self, text: str, programme, do: Callable[[object], object], before, after,
                 live: Callable[[], object]) -> None:
        super().__init__(text)
        self.programme = programme
        self._do, self.before, self.after, self._live = do, before, after, live
        self._applied = True  # the controller made the edit already

    def _current(self) -> bool:
        if self._live() is not self.programme:
            self.setObsolete(True)
            return False
        return True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        if self._current():
            self._do(self.after)

    def undo(self) -> None:
        if self._current():
            self._do(self.before)


def lines_command(text: str, programme, edit, live) -> ProgrammeCommand:
    """Lines ticked on/off (a gis.programme.LineEdit the contents applied)."""
    return ProgrammeCommand(text, programme, programme.contents.apply, edit.inverse(), edit, live)


def years_command(text: str, programme, before, live) -> ProgrammeCommand:
    """Years, budget, targets or pins (a YearPlan, before and now)."""
    return ProgrammeCommand(text, programme, programme.set_years, before, programme.years, live)


def catalogue_command(text: str, programme, before, live) -> ProgrammeCommand:
    return ProgrammeCommand(text, programme, programme.set_catalogue, before, programme.catalogue, live)


def consent_command(text: str, programme, before: Consent, live) -> ProgrammeCommand:
    """Consent counts replaced (a table imported or counts typed); each step installs a copy."""
    after = clone(programme.consent)
    return ProgrammeCommand(text, programme, lambda c: programme.set_consent_table(clone(c)), before, after, live)


def clone(consent: Consent) -> Consent:
    """An independent copy of *consent* (its arrays copied)."""
    return replace(consent, agree=consent.agree.copy(), total=consent.total.copy(), votes=consent.votes.copy(),
                   building_votes=consent.building_votes.copy())
