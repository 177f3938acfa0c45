"""The plan window's consent edits (a mixin of the programme controller): counts typed per
compound, a consent table imported, an elevator vote typed for a compound or a building, and
the switch that makes consent required to enter the plan — each one undoable step."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from gis.programme.consent import vote_problem
from gui.i18n import plural, tr_gis
from gui.programme import commands
from gui.programme.wording import notice_text


def tr(text: str) -> str:
    return QCoreApplication.translate("ProgrammeController", text)


class ConsentEdits:
    """Needs ``programme``, ``tables``, ``panel``, ``window``, ``_push`` and ``_alive`` (its words
    are the controller's: context ProgrammeController)."""

    def _warn(self, text: str) -> None:
        QMessageBox.warning(self.window, tr("Renovation programme"), text)

    def _consent_edit(self, text: str, edit) -> bool:
        """Make *edit* (a call changing the programme's consent) one undoable step named *text*."""
        prog = self.programme
        before = commands.clone(prog.consent)
        edit()
        return self._push(commands.consent_command(text, prog, before, self._alive))

    def type_consent(self, stage: str, agree: float, total: float) -> bool:
        """Set the shown compound's counts at *stage* (the first count makes consent required:
        the status line says how many compounds that sends to the reserve)."""
        prog, panel = self.programme, self.tables.contents
        if prog is None or panel.kind != "compound":
            return False
        if not (total > 0 and 0 <= agree <= total):
            self._warn(tr("Agree must lie between 0 and the total, and the total must be above 0."))
            return False
        first = not prog.consent.known
        text = tr("Consent of {name}").format(name=prog.facts.names[panel.owner])
        ok = self._consent_edit(text, lambda: prog.set_consent(panel.owner, stage, agree, total))
        if ok and first:
            unasked = int((~prog.consent.asked("enter")).sum())
            self.panel.say(plural(tr("Consent is now required to enter the plan: {n} compounds not asked yet wait "
                                   "in the reserve. Untick the switch to take them as agreeing."), n=unasked),
                           warn=bool(unasked))
        return ok

    def require_consent(self, on: bool) -> bool:
        """Make consent required to enter the plan (compounds not asked wait) or not (all agree)."""
        prog = self.programme
        if prog is None or prog.consent.known == bool(on):
            return False
        text = tr("Consent required") if on else tr("Consent not required")
        return self._consent_edit(text, lambda: prog.require_consent(on))

    def type_vote(self, building, values) -> bool:
        """Record (values None: clear) the elevator vote of the shown compound, or of its
        building at position *building* of the facts' buildings needing elevators."""
        prog, panel = self.programme, self.tables.contents
        if prog is None or panel.kind != "compound":
            return False
        values = np.full(6, np.nan) if values is None else np.asarray(values, float)
        problem = None if np.isnan(values[0]) else vote_problem(values)
        if problem is not None:
            self._warn(tr_gis("programme", problem))
            return False
        fid = panel.owner
        name = prog.facts.names[fid] if building is None else str(prog.facts.lifts.ids[building])
        text = tr("Elevator vote of {name}").format(name=name)
        return self._consent_edit(text, lambda: prog.set_vote(fid if building is None else int(building), values,
                                                              building=building is not None))

    def use_consent(self, read) -> bool:
        """Use a consent table read by gis.programme.read_consent (undoable); its notices are listed."""
        prog = self.programme
        ok = self._consent_edit(tr("Import consent table"), lambda: prog.set_consent_table(read.consent))
        lines = [notice_text(n) for n in read.notices]
        self.panel.say(plural(tr("Consent table: {matched} rows used, {left} left out."),
            matched=read.matched, left=len(read.notices)), warn=bool(read.notices))
        if lines:
            self.panel.set_notices(lines + [self.panel.notices.item(k).text() for k in range(self.panel.notices.count())])
        return ok
