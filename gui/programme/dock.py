"""The plan dock (years, budget, the run, totals, funding, notices) and the plan tables
(zones, compounds, years) with the items of the chosen zone or compound, ticked on or off."""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QFormLayout, QGridLayout, QHBoxLayout, QHeaderView,
                               QLabel, QListWidget, QPushButton, QSpinBox, QSplitter, QTabWidget, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from gis.money import yuan
from gis.programme.catalogue import CHANNELS, CLASSES
from gis.programme.consent import STAGES
from gis.programme.sizing import SHORTFALL
from gui.gaps.table import Col, FrameTable
from gui.i18n import plural
from gui.programme import rows
from gui.programme.consent_panel import ConsentSwitch, VotePanel
from gui.programme.wording import channel_label, class_label, item_label, stage_label, unit_label, wan_text

WAN = 10_000.0


class PlanPanel(QWidget):
    """Years and budget, the run, the programme's totals, funding by channel and notices."""

    runRequested = Signal()
    # first, last, budget in yuan (None: spread evenly), households and compounds a year at most (None: no target)
    yearsRequested = Signal(int, int, object, object, object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.first, self.last = QSpinBox(), QSpinBox()
        for box in (self.first, self.last):
            box.setRange(1990, 2100)
        self.budget = QDoubleSpinBox()
        self.budget.setRange(0, 1e8)  # 万元: up to 1 trillion yuan a year
        self.budget.setDecimals(0)
        self.budget.setGroupSeparatorShown(True)
        self.budget.setSpecialValueText(self.tr("none (spread evenly)"))
        self.budget.setSuffix(self.tr(" (10,000 yuan)"))
        self.households, self.compounds = QSpinBox(), QSpinBox()
        for box, top in ((self.households, 10_000_000), (self.compounds, 100_000)):
            box.setRange(0, top)
            box.setGroupSeparatorShown(True)
            box.setSpecialValueText(self.tr("no target"))
        self.apply_button = QPushButton(self.tr("Apply years and budget"))
        self.run_button = QPushButton(self.tr("Plan the programme"))
        self.consent_button = QPushButton(self.tr("Import consent table…"))
        self.catalogue_button = QPushButton(self.tr("Load catalogue…"))
        self.edit_catalogue_button = QPushButton(self.tr("Edit catalogue…"))
        self.workbook_button = QPushButton(self.tr("Export programme workbook…"))
        self.proposal_button = QPushButton(self.tr("Zone proposal (A3)…"))
        self.consent_switch = ConsentSwitch()
        self.status = QLabel(wordWrap=True)
        self.summary = QLabel(wordWrap=True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.funding = FrameTable([Col("label", self.tr("Channel")), Col("cost", self.tr("10,000 yuan"), "yuan"),
                                   Col("share", self.tr("Share"), "share")])
        self.funding.setMinimumHeight(120)
        self.notices = QListWidget()
        self.notices.setWordWrap(True)
        self._build()
        self.run_button.clicked.connect(self.runRequested)
        self.apply_button.clicked.connect(self._ask_years)
        self.set_result_actions(False)

    def _build(self) -> None:
        box = QVBoxLayout(self)
        box.addWidget(self.run_button)
        form = QFormLayout()
        span = QHBoxLayout()
        span.addWidget(self.first)
        span.addWidget(QLabel("–"))
        span.addWidget(self.last)
        form.addRow(self.tr("Years"), span)
        form.addRow(self.tr("Annual budget"), self.budget)
        form.addRow(self.tr("Households a year, at most"), self.households)
        form.addRow(self.tr("Compounds a year, at most"), self.compounds)
        box.addLayout(form)
        box.addWidget(self.apply_button)
        grid = QGridLayout()
        for k, button in enumerate((self.consent_button, self.catalogue_button, self.edit_catalogue_button,
                                    self.workbook_button, self.proposal_button)):
            grid.addWidget(button, k // 2, k % 2)
        box.addLayout(grid)
        box.addWidget(self.consent_switch)
        box.addWidget(self.status)
        box.addWidget(self.summary)
        box.addWidget(QLabel(self.tr("Funding by channel")))
        box.addWidget(self.funding, 1)
        box.addWidget(QLabel(self.tr("Notices")))
        box.addWidget(self.notices, 1)

    def _ask_years(self) -> None:
        self.yearsRequested.emit(self.first.value(), self.last.value(), *self.limits())

    def limits(self) -> tuple:
        """Budget (yuan), households and compounds a year; None where not set."""
        return self.budget.value() * WAN or None, self.households.value() or None, self.compounds.value() or None

    def set_years(self, years: tuple[int, ...], budget: float | None, households: float | None = None,
                  compounds: int | None = None) -> None:
        self.households.setValue(int(households or 0))
        self.compounds.setValue(int(compounds or 0))
        for box, value in ((self.first, years[0]), (self.last, years[-1])):
            box.blockSignals(True)
            box.setValue(value)
            box.blockSignals(False)
        self.budget.setValue((budget or 0.0) / WAN)

    def set_busy(self, busy: bool) -> None:
        self.run_button.setEnabled(not busy)

    def set_result_actions(self, enabled: bool) -> None:
        for w in (self.apply_button, self.consent_button, self.catalogue_button, self.edit_catalogue_button,
                  self.workbook_button, self.proposal_button, self.consent_switch):
            w.setEnabled(enabled)

    def say(self, text: str, *, warn: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #b71c1c;" if warn else "")

    def set_notices(self, lines: list[str]) -> None:
        self.notices.clear()
        self.notices.addItems(lines)

    def show_empty(self) -> None:
        self.summary.clear()
        self.funding.set_frame(pd.DataFrame())
        self.set_notices([])

    def show_programme(self, programme) -> None:
        totals = rows.district_totals(programme)
        years = programme.result().years_table()
        spend = "<br>".join(plural(self.tr("{year}: {cost}, {zones} zones"),
            year=y["year"], cost=wan_text(y["cost"]), zones=len(y["zones"])) for y in years)
        per = "—" if totals["per_household"] is None else yuan(totals["per_household"])
        self.summary.setText(
            self.tr("<b>Total investment: {total}</b><br>scheduled {scheduled}, held back {held}<br>"
                    "{per} yuan per household · compounds in reserve: {reserve} · zones unscheduled: {left}").format(
                total=wan_text(totals["cost"]), scheduled=wan_text(totals["scheduled"]),
                held=wan_text(totals["held"]), per=per, reserve=totals["reserve"], left=totals["unscheduled_zones"])
            + "<br>" + spend)
        self.consent_switch.show_consent(programme.consent)
        frame = rows.funding_frame(programme)
        frame.insert(0, "label", [channel_label(c) for c in frame["channel"]])
        self.funding.set_frame(frame)


class ContentsPanel(QWidget):
    """The items of one compound or zone, ticked on or off; a zone's pin, a compound's consent."""

    toggled = Signal(str, bool)  # item key, on
    pinRequested = Signal(object)  # year or None
    consentRequested = Signal(str, float, float)  # stage, agree, total

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.kind: str | None = None
        self.owner: int | None = None
        self.title = QLabel(wordWrap=True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Item"), self.tr("Quantity"), self.tr("Unit"), self.tr("Cost (yuan)")])
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # names never cut off
        self.tree.itemChanged.connect(self._on_item)
        self.pin = QComboBox()
        self.pin.activated.connect(lambda _i: self.pinRequested.emit(self.pin.currentData()))
        self.stage = QComboBox()
        for s in STAGES:
            self.stage.addItem(stage_label(s), s)
        self.agree, self.total = QSpinBox(), QSpinBox()
        for box in (self.agree, self.total):
            box.setRange(0, 1_000_000)
            box.setGroupSeparatorShown(True)
        self.consent_button = QPushButton(self.tr("Set counts"))
        self.consent_button.clicked.connect(lambda: self.consentRequested.emit(
            self.stage.currentData(), float(self.agree.value()), float(self.total.value())))
        self.vote = VotePanel()
        self.pages = QTabWidget()  # the items get the panel's height; consent and votes a page of their own
        self.pin_row, self.consent_row = QWidget(), QWidget()
        self._build()
        self._filling = False
        self.show_rows(None, None, "", [])

    def _build(self) -> None:
        pin = QHBoxLayout(self.pin_row)
        pin.setContentsMargins(0, 0, 0, 0)
        pin.addWidget(QLabel(self.tr("Year of this zone")))
        pin.addWidget(self.pin, 1)
        consent = QHBoxLayout(self.consent_row)
        consent.setContentsMargins(0, 0, 0, 0)
        for w in (self.stage, QLabel(self.tr("agree")), self.agree, QLabel(self.tr("of")), self.total,
                  self.consent_button):
            consent.addWidget(w)
        consent_page = QWidget()
        page = QVBoxLayout(consent_page)
        page.addWidget(self.consent_row)
        page.addWidget(self.vote)
        page.addStretch(1)
        self.pages.addTab(self.tree, self.tr("Items"))
        self.pages.addTab(consent_page, self.tr("Consent and elevator vote"))
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.title)
        box.addWidget(self.pages, 1)
        box.addWidget(self.pin_row)

    def show_rows(self, kind: str | None, owner: int | None, title: str, items: list[rows.ItemRow],
                  catalogue=None) -> None:
        """List *items* of compound / zone *owner* grouped by class (catalogue gives the names)."""
        self.kind, self.owner = kind, owner
        self.title.setText(title or self.tr("Choose a zone or a compound in the table to see its items."))
        self._filling = True
        self.tree.clear()
        for klass in CLASSES:
            mine = [r for r in items if r.klass == klass]
            if not mine:
                continue
            head = QTreeWidgetItem([class_label(klass), "", "", yuan(sum(r.cost for r in mine))])
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(head)
            for r in mine:
                name = item_label(catalogue.item(r.key)) if catalogue is not None else r.key
                if r.shared:
                    name += self.tr(" (shared by the zone)")
                child = QTreeWidgetItem([name, f"{r.quantity:,.1f}", unit_label(r.unit), yuan(r.cost)])
                child.setData(0, Qt.ItemDataRole.UserRole, r.key)
                child.setToolTip(0, name)
                child.setToolTip(1, self._basis_text(r.basis))
                child.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                child.setCheckState(0, Qt.CheckState(r.state))
                for col in (1, 3):
                    child.setTextAlignment(col, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                head.addChild(child)
            head.setExpanded(True)
        self._filling = False
        self.pin_row.setVisible(kind == "zone")
        self.pages.setTabVisible(1, kind == "compound")

    def _basis_text(self, basis: tuple) -> str:
        """What a facility's proposed size rests on ("" for other items)."""
        if not basis:
            return ""
        if basis[0] == SHORTFALL:
            return self.tr("Proposed by the zone's shortfall against the provision standard, {m2} m², at least the "
                           "item's size").format(m2=f"{basis[1]:,.1f}")
        return self.tr("Proposed by the zone's households (no shortfall against a provision standard is known), at "
                       "least the item's size")

    def set_pin_choices(self, years: tuple[int, ...], current: int | None) -> None:
        self.pin.clear()
        self.pin.addItem(self.tr("by priority (not pinned)"), None)
        for y in years:
            self.pin.addItem(self.tr("pinned to {year}").format(year=y), y)
        self.pin.setCurrentIndex(0 if current is None else years.index(current) + 1 if current in years else 0)

    def _on_item(self, item: QTreeWidgetItem, column: int) -> None:
        key = item.data(0, Qt.ItemDataRole.UserRole)
        if self._filling or column != 0 or key is None:
            return
        on = item.checkState(0) != Qt.CheckState.Unchecked
        # after this signal returns: the edit redraws the tree, which deletes *item*
        QTimer.singleShot(0, self, lambda: self.toggled.emit(str(key), on))

    def check(self, key: str, on: bool) -> None:
        """Tick *key* as a user would (the edit follows from the event loop, as a click's does)."""
        for k in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(k)
            for j in range(head.childCount()):
                child = head.child(j)
                if child.data(0, Qt.ItemDataRole.UserRole) == key:
                    child.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                    return
        raise KeyError(key)


class PlanTables(QSplitter):
    """Zones, compounds and years (tabs) beside the chosen one's items."""

    def __init__(self, parent=None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.tabs = QTabWidget()
        self.zones = FrameTable([
            Col("name", self.tr("Zone")), Col("year_text", self.tr("Year")), Col("rank", self.tr("Rank"), "int"),
            Col("compounds", self.tr("Compounds"), "int"), Col("households", self.tr("Households"), "int"),
            Col("cost", self.tr("Investment (10,000 yuan)"), "yuan"),
            Col("per_household", self.tr("Per household (yuan)"), "int"), *self.channel_cols()])
        self.compounds = FrameTable([
            Col("id", self.tr("ID")), Col("name", self.tr("Compound")), Col("zone_name", self.tr("Zone")),
            Col("households", self.tr("Households"), "int"), Col("cost", self.tr("Investment (10,000 yuan)"), "yuan"),
            Col("year", self.tr("Year"), "year"), Col("enter", self.tr("Agree to enter"), "share"),
            Col("reserve_text", self.tr("Reserve")), *self.channel_cols()])
        self.years = FrameTable([
            Col("year", self.tr("Year"), "year"), Col("zones", self.tr("Zones"), "int"),
            Col("compounds", self.tr("Compounds"), "int"), Col("households", self.tr("Households"), "int"),
            Col("cost", self.tr("Investment (10,000 yuan)"), "yuan"), Col("names", self.tr("Zones scheduled"))])
        self.tabs.addTab(self.zones, self.tr("Zones"))
        self.tabs.addTab(self.compounds, self.tr("Compounds"))
        self.tabs.addTab(self.years, self.tr("Years"))
        self.contents = ContentsPanel()
        self.addWidget(self.tabs)
        self.addWidget(self.contents)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)

    def channel_cols(self) -> list[Col]:
        """One column per funding channel, in 万元 (the zone and compound frames carry them in yuan)."""
        return [Col(ch, self.tr("{channel} (10,000 yuan)").format(channel=channel_label(ch)), "yuan")
                for ch in CHANNELS]

    def show_empty(self) -> None:
        for table in (self.zones, self.compounds, self.years):
            table.set_frame(pd.DataFrame())
        self.contents.show_rows(None, None, "", [])

    def show_programme(self, programme) -> None:
        self.zones.set_frame(rows.zone_frame(programme))
        self.compounds.set_frame(rows.compound_frame(programme, self.tr("yes"), self.tr("no")))
        self.years.set_frame(rows.years_frame(programme))

