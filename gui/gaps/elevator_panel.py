"""Elevator gaps (加装电梯): the subsidy rule, the cost per elevator, totals and the per-compound / per-zone list.

The rules come from the subsidy presets (the planner's copy in the settings folder when
there is one, else the shipped file: Shenzhen by floors, Changchun by year, Ankang flat);
"custom" pays a flat amount the planner types in; "none" leaves the whole cost to residents.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from gis import defaults
from gis.errors import GisError
from gis.gaps.elevators import ElevatorParams, ElevatorResult, SubsidyPresets, SubsidyRule, load_subsidy_presets
from gui.gaps.table import Col, FrameTable
from gui.i18n import chinese_ui, error_text
from gui.gaps.wording import count_text, yuan

USER_FILE = "elevator_subsidies.json"
NONE, CUSTOM = "", "custom"


def load_presets(folder: Path | None) -> tuple[SubsidyPresets, GisError | None]:
    """The planner's copy in *folder* when it exists and reads, else the shipped presets."""
    path = Path(folder) / USER_FILE if folder is not None else None
    if path is not None and path.exists():
        try:
            return load_subsidy_presets(path), None
        except GisError as err:
            return load_subsidy_presets(), err
    return load_subsidy_presets(), None


class ElevatorPanel(QWidget):
    """Settings of the estimate, its totals and a table by compound or by zone."""

    paramsChanged = Signal()
    keyActivated = Signal(str, object)  # "compound" | "zone", fid or zone id

    def __init__(self, presets: SubsidyPresets, *, min_floors: int = defaults.MIN_FLOORS, parent=None) -> None:
        super().__init__(parent)
        self.presets = presets
        self.rule = QComboBox()
        self.rule.addItem(self.tr("No subsidy (residents pay all)"), NONE)
        for r in presets.rules:
            name = r.name_zh if r.name_zh and chinese_ui() else r.name
            label = name if r.checked else self.tr("{name} (not yet checked)").format(name=name)
            self.rule.addItem(label, r.key)
            note = r.note_zh if r.note_zh and chinese_ui() else r.note
            self.rule.setItemData(self.rule.count() - 1, note, Qt.ItemDataRole.ToolTipRole)
        self.rule.addItem(self.tr("Custom amount per elevator"), CUSTOM)
        self.custom = self._money(0, 2_000_000, 100_000)
        self.year = QComboBox()
        self.cost = self._money(10_000, 5_000_000, int(presets.cost_per_elevator))
        self.landing = QSpinBox()
        self.landing.setRange(0, 8)
        self.landing.setValue(presets.households_per_landing)
        self.landing.setSpecialValueText(self.tr("one elevator per building"))
        self.min_floors = QSpinBox()
        self.min_floors.setRange(2, 12)
        self.min_floors.setValue(int(min_floors))
        self.min_floors.setSuffix(self.tr(" floors and up"))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #8a4b00;")
        self.totals = QLabel(self.tr("Run the gap analysis with a buildings layer to count elevator needs."))
        self.totals.setWordWrap(True)
        self.group = QComboBox()
        self.group.addItem(self.tr("By compound"), "compound")
        self.group.addItem(self.tr("By zone"), "zone")
        self.table = FrameTable(self._columns("compound"))
        self._frames: dict[str, pd.DataFrame | None] = {"compound": None, "zone": None}
        self._build()
        self._sync_rule()
        for signal in (self.custom.valueChanged, self.year.currentIndexChanged, self.cost.valueChanged,
                       self.landing.valueChanged, self.min_floors.valueChanged):
            signal.connect(lambda *_: self.paramsChanged.emit())
        self.rule.currentIndexChanged.connect(self._on_rule)
        self.group.currentIndexChanged.connect(lambda _i: self.show_group())
        self.table.keyActivated.connect(lambda key: self.keyActivated.emit(self.group.currentData(), key))

    def _money(self, low: int, high: int, value: int) -> QSpinBox:
        box = QSpinBox()
        box.setRange(low, high)
        box.setSingleStep(10_000)
        box.setGroupSeparatorShown(True)
        box.setValue(value)
        box.setSuffix(self.tr(" yuan"))
        return box

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Walk-ups needing an elevator"), self.min_floors)
        form.addRow(self.tr("Subsidy rule"), self.rule)
        form.addRow(self.tr("Subsidy per elevator"), self.custom)
        form.addRow(self.tr("Plan year"), self.year)
        form.addRow(self.tr("Cost per elevator"), self.cost)
        form.addRow(self.tr("Households per landing"), self.landing)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.note)
        left.addWidget(self.totals)
        left.addStretch(1)
        right = QVBoxLayout()
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("List")))
        row.addWidget(self.group, 1)
        right.addLayout(row)
        right.addWidget(self.table, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)

    # -- the rule ------------------------------------------------------------------------
    def set_rule_key(self, key: str | None) -> None:
        index = self.rule.findData(key if key is not None else NONE)
        if index >= 0:
            self.rule.setCurrentIndex(index)

    def rule_key(self) -> str:
        return self.rule.currentData()

    def _chosen(self) -> SubsidyRule | None:
        key = self.rule.currentData()
        if key == NONE:
            return None
        if key == CUSTOM:
            return SubsidyRule.flat(float(self.custom.value()), name=self.tr("Custom"))
        return self.presets.rule(key)

    def _on_rule(self, _index: int) -> None:
        self._sync_rule()
        self.paramsChanged.emit()

    def _sync_rule(self) -> None:
        rule = self._chosen()
        self.custom.setEnabled(self.rule.currentData() == CUSTOM)
        self.year.blockSignals(True)
        self.year.clear()
        for y in (rule.years if rule is not None else ()):
            self.year.addItem(str(y), y)
        if self.year.count():
            self.year.setCurrentIndex(self.year.count() - 1)
        self.year.blockSignals(False)
        self.year.setEnabled(self.year.count() > 0)
        unchecked = rule is not None and self.rule.currentData() != CUSTOM and not rule.checked
        self.note.setText(self.tr("This preset's amounts are not yet checked against the policy text; check "
                                  "them before using the estimate in a plan.") if unchecked else "")
        self.note.setVisible(unchecked)

    def params(self) -> ElevatorParams:
        """The estimate's settings as the engine takes them."""
        return ElevatorParams(min_floors=self.min_floors.value(), rule=self._chosen(),
                              year=self.year.currentData(), cost_per_elevator=float(self.cost.value()),
                              households_per_landing=self.landing.value())

    # -- results -------------------------------------------------------------------------
    def show_outcome(self, out, zones_model=None) -> None:
        """A gap run's elevator needs (*out*: a GapOutcome or None), per compound and, with the
        zone plan *zones_model*, per zone; why there are none when there are none."""
        if out is None or out.elevators is None:
            error = error_text(out.elevator_error) if out is not None and out.elevator_error is not None else None
            if out is not None and out.request.buildings is None:
                error = self.tr("The project has no buildings layer: add one with floors and elevator fields "
                                "to count elevator needs.")
            self.show_result(None, error=error)
            return
        per = out.elevators.per_compound()
        per.insert(0, "id", [str(v) for v in out.gaps.compounds.ids])
        per.insert(1, "name", out.gaps.compounds.names)
        zones = None
        if zones_model is not None:
            zones = out.elevators.per_zone(zones_model.assignment)
            zones.insert(0, "name", [zones_model.zone(int(z)).name for z in zones.index])
        self.show_result(out.elevators, compounds=per[per["buildings"] > 0], zones=zones)

    def show_result(self, result: ElevatorResult | None, *, compounds: pd.DataFrame | None = None,
                    zones: pd.DataFrame | None = None, error: str | None = None) -> None:
        """Totals and the list. *compounds* / *zones*: the sums per compound (index = fid, with
        id and name) and per zone (index = zone id, with name), or None."""
        self._frames = {"compound": compounds, "zone": zones}
        if result is None:
            self.totals.setText(error or self.tr("Run the gap analysis with a buildings layer to count "
                                                 "elevator needs."))
        else:
            self.totals.setText(self._totals_text(result))
        self.show_group()

    def _totals_text(self, result: ElevatorResult) -> str:
        t = result.totals()
        per_household = t["residents_share"] / t["households"] if t["households"] else float("nan")
        return self.tr(
            "Buildings of {floors}+ floors without an elevator: {buildings}; elevators needed: about {elevators}; "
            "households served: {households}. Cost {cost}, subsidy {subsidy}, residents' share {share} "
            "(about {per} yuan per household).").format(
            buildings=count_text(t["buildings"]), floors=result.params.min_floors,
            elevators=count_text(t["elevators"]), households=count_text(t["households"]), cost=yuan(t["cost"]),
            subsidy=yuan(t["subsidy"]), share=yuan(t["residents_share"]), per=count_text(per_household))

    def show_group(self) -> None:
        """Fill the list by compound or by zone, as the combo says."""
        kind = self.group.currentData()
        frame = self._frames.get(kind)
        self.table.set_frame(frame if frame is not None else pd.DataFrame(), self._columns(kind))

    def _columns(self, kind: str) -> list[Col]:
        head = ([Col("name", self.tr("Zone"))] if kind == "zone"
                else [Col("id", self.tr("ID")), Col("name", self.tr("Compound"))])
        return head + [Col("buildings", self.tr("Buildings"), "int"), Col("elevators", self.tr("Elevators"), "int"),
                       Col("households", self.tr("Households"), "int"),
                       Col("cost", self.tr("Cost (10k yuan)"), "yuan"),
                       Col("subsidy", self.tr("Subsidy (10k yuan)"), "yuan"),
                       Col("residents_share", self.tr("Residents' share (10k yuan)"), "yuan")]
