"""Consent in the plan dock: the switch that makes consent required to enter the plan (with
how many compounds have not been asked), and an elevator vote typed in for a compound or one
of its buildings (民法典 art. 278: ≥ 2/3 take part, ≥ 3/4 of them agree, by headcount and area)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QGridLayout, QHBoxLayout, QLabel, QPushButton,
                               QSpinBox, QVBoxLayout, QWidget)

from gis.programme.consent import VOTE_FIELDS, civil_code
from gui.i18n import plural


class ConsentSwitch(QWidget):
    """"Consent required to enter the plan", and what it means for the compounds not asked."""

    toggled = Signal(bool)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.box = QCheckBox(self.tr("Consent required to enter the plan (≥ 80 % agree)"))
        self.box.setToolTip(self.tr("On: a compound enters the plan only once its residents' agreement to enter "
                                    "has been counted and reaches the threshold; compounds not asked yet wait in "
                                    "the reserve (储备库). Off: every compound is taken as agreeing; typed or "
                                    "imported counts are kept for later."))
        self.text = QLabel(wordWrap=True)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.box)
        box.addWidget(self.text)
        self.box.clicked.connect(self.toggled)

    def show_consent(self, consent) -> None:
        asked = consent.asked("enter")
        n, unasked = len(asked), int((~asked).sum())
        self.box.setChecked(consent.known)
        if consent.known:
            text = self.tr("{unasked} of {n} compounds not asked yet: those with work wait in the reserve.")
        else:
            text = self.tr("Every compound is taken as agreeing ({asked} of {n} with counts, kept).")
        self.text.setText(plural(text, unasked=unasked, n=n, asked=n - unasked))
        self.text.setStyleSheet("color: #b71c1c;" if consent.known and unasked else "")


class VotePanel(QWidget):
    """An elevator vote for the compound shown or one of its buildings needing elevators."""

    voteRequested = Signal(object, object)  # building position (None: the compound), values (None: clear)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.fid: int | None = None
        self.consent = None
        self.target = QComboBox()
        self.target.setToolTip(self.tr("A vote for the whole compound, or for one building (holds back that "
                                       "building's elevators only)."))
        self.heads = [self._count() for _ in range(3)]  # total, participating, agree
        self.areas = [self._area() for _ in range(3)]
        self.verdict = QLabel(wordWrap=True)
        self.set_button, self.clear_button = QPushButton(self.tr("Set vote")), QPushButton(self.tr("Clear vote"))
        self._build()
        self.target.currentIndexChanged.connect(lambda _i: self._load())
        self.set_button.clicked.connect(lambda: self.voteRequested.emit(self.target.currentData(), self.values()))
        self.clear_button.clicked.connect(lambda: self.voteRequested.emit(self.target.currentData(), None))

    def _count(self) -> QSpinBox:
        box = QSpinBox()
        box.setRange(0, 1_000_000)
        box.setGroupSeparatorShown(True)
        box.setSpecialValueText("—")
        return box

    def _area(self) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setRange(0, 1e8)
        box.setDecimals(0)
        box.setGroupSeparatorShown(True)
        box.setSpecialValueText(self.tr("— (by headcount)"))
        box.setSuffix(" m²")
        return box

    def _build(self) -> None:
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        for col, head in enumerate((self.tr("Total"), self.tr("Taking part"), self.tr("Agree")), start=1):
            grid.addWidget(QLabel(head), 0, col)
        grid.addWidget(QLabel(self.tr("Owners")), 1, 0)
        grid.addWidget(QLabel(self.tr("Floor area")), 2, 0)
        for col, (h, a) in enumerate(zip(self.heads, self.areas), start=1):
            grid.addWidget(h, 1, col)
            grid.addWidget(a, 2, col)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Elevator vote")))
        top.addWidget(self.target, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.verdict, 1)
        buttons.addWidget(self.set_button)
        buttons.addWidget(self.clear_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(top)
        box.addLayout(grid)
        box.addLayout(buttons)

    def show_compound(self, fid: int, consent, lifts) -> None:
        """The votes recorded for compound *fid* and its buildings (*lifts*: gis BuildingLifts or None)."""
        self.fid, self.consent = fid, consent
        current = self.target.currentData()
        self.target.blockSignals(True)
        self.target.clear()
        self.target.addItem(self.tr("Whole compound"), None)
        if lifts is not None and len(consent.building_votes) == len(lifts):
            for b in np.flatnonzero(lifts.compound == fid):
                self.target.addItem(plural(self.tr("Building {id} ({n} elevators)"),
                    id=lifts.ids[b], n=int(lifts.elevators[b])), int(b))
        found = self.target.findData(current)
        self.target.setCurrentIndex(found if found >= 0 else 0)
        self.target.blockSignals(False)
        self._load()

    def _recorded(self) -> np.ndarray:
        b = self.target.currentData()
        return self.consent.votes[self.fid] if b is None else self.consent.building_votes[b]

    def _load(self) -> None:
        if self.fid is None:
            return
        values = self._recorded()
        for box, v in zip(self.heads + self.areas, values):  # VOTE_FIELDS order
            box.setValue(0 if np.isnan(v) else float(v))
        self.verdict.setText(self.judge(values))
        self.clear_button.setEnabled(not np.isnan(values[0]))

    def judge(self, values) -> str:
        if np.isnan(values[0]):
            return self.tr("No vote recorded: the elevators go ahead.")
        if civil_code(*np.asarray(values, float)):
            return self.tr("The vote passes (≥ 2/3 take part, ≥ 3/4 of them agree).")
        return self.tr("The vote fails: the elevators are held back.")

    def values(self) -> list[float]:
        """The typed vote in gis VOTE_FIELDS order (total, participating, agree, area_total,
        area_participating, area_agree); an empty participating or area box is unknown (NaN)."""
        heads, areas = [b.value() for b in self.heads], [b.value() for b in self.areas]
        by_field = {"total": heads[0], "participating": heads[1] or np.nan, "agree": heads[2],
                    "area_total": areas[0] or np.nan, "area_participating": areas[1] or np.nan,
                    "area_agree": areas[2] or np.nan}
        return [float(by_field[f]) for f in VOTE_FIELDS]

    def type_vote(self, values, building: int | None = None) -> None:
        """Fill the boxes as a planner would and press Set vote (VOTE_FIELDS order, NaN = empty)."""
        self.target.setCurrentIndex(self.target.findData(building))
        for box, v in zip(self.heads + self.areas, values):
            box.setValue(0 if np.isnan(v) else float(v))
        self.set_button.click()
