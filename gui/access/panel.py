"""The access dock: what to measure (type, method, distance, catchment, demand and supply
columns), run, the summary and notices; ``tabs`` holds the tables per compound, facility and zone."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QLabel, QPushButton, QSpinBox, QTabWidget, QVBoxLayout,
                               QWidget)

from gis.gaps.access import TYPES
from gui.gaps.table import Col, FrameTable
from gui.gaps.wording import type_label

AUTO = ""  # the combo data of "automatic" demand / supply columns


class AccessPanel(QWidget):
    """Controls of one access run; the controller fills the column lists and the tables."""

    runRequested = Signal()
    typeChanged = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.type = QComboBox()
        for t in TYPES:
            self.type.addItem(type_label(t), t)
        self.type.setCurrentIndex(TYPES.index("kindergarten"))
        self.method = QComboBox()
        self.method.addItem(self.tr("2SFCA (every facility in reach counts fully)"), "2sfca")
        self.method.addItem(self.tr("E2SFCA (nearer counts more: 1 / 0.68 / 0.22 by thirds)"), "e2sfca")
        self.distance = QComboBox()
        self.distance.addItem(self.tr("Straight line from the compound boundary"), "straight")
        self.distance.addItem(self.tr("Walking along the roads"), "network")
        self.catchment = QSpinBox()
        self.catchment.setRange(0, 20_000)
        self.catchment.setSingleStep(50)
        self.catchment.setSuffix(" m")
        self.demand = QComboBox()
        self.supply = QComboBox()
        self.preset_button = QPushButton(self.tr("Capacities and standards…"))
        self.run_button = QPushButton(self.tr("Compute access"))
        self.run_button.setDefault(True)
        self.status = QLabel(self.tr("Access weighs each facility's capacity against the demand within its "
                                     "catchment (two-step floating catchment)."))
        self.status.setWordWrap(True)
        self.notices = QLabel()
        self.notices.setWordWrap(True)
        self.notices.setStyleSheet("color: #8a4b00;")
        self.notices.hide()
        form = QFormLayout()
        form.addRow(self.tr("Facility type"), self.type)
        form.addRow(self.tr("Method"), self.method)
        form.addRow(self.tr("Distance"), self.distance)
        form.addRow(self.tr("Catchment"), self.catchment)
        form.addRow(self.tr("Demand column"), self.demand)
        form.addRow(self.tr("Capacity column"), self.supply)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.preset_button)
        box.addWidget(self.run_button)
        box.addWidget(self.status)
        box.addWidget(self.notices)
        box.addStretch(1)
        self.compounds = FrameTable(self.compound_columns())
        self.facilities = FrameTable(self.facility_columns())
        self.zones = FrameTable(self.zone_columns())
        self.tabs = QTabWidget()
        self.tabs.addTab(self.compounds, self.tr("Access per compound"))
        self.tabs.addTab(self.facilities, self.tr("Capacity per facility"))
        self.tabs.addTab(self.zones, self.tr("Access per zone"))
        self.run_button.clicked.connect(self.runRequested)
        self.type.currentIndexChanged.connect(lambda _i: self.typeChanged.emit(self.type.currentData()))

    def set_catchment_default(self, metres: float) -> None:
        """0 in the spin box means the type's radius in the standards, shown as such."""
        self.catchment.setSpecialValueText(self.tr("standard ({metres:,.0f} m)").format(metres=metres))

    def set_columns(self, combo: QComboBox, columns: list[str], auto_text: str) -> None:
        """Offer *columns* after the automatic choice, keeping the current pick when it is still there."""
        current = combo.currentData()
        combo.clear()
        combo.addItem(auto_text, AUTO)
        for c in columns:
            combo.addItem(c, c)
        at = combo.findData(current)
        combo.setCurrentIndex(max(at, 0))

    def set_network_available(self, available: bool) -> None:
        item = self.distance.model().item(1)
        item.setEnabled(available)
        if not available:
            self.distance.setCurrentIndex(0)
        self.distance.setToolTip("" if available else self.tr("Add a roads layer to walk along the roads."))

    def options(self) -> dict:
        """The request's options from the controls."""
        return {"facility_type": self.type.currentData(), "method": self.method.currentData(),
                "distance": self.distance.currentData(), "catchment_m": self.catchment.value() or None,
                "demand_field": self.demand.currentData() or None, "supply_field": self.supply.currentData() or None}

    def say(self, text: str, *, warn: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #b71c1c;" if warn else "")

    def set_notices(self, notes: list[str]) -> None:
        self.notices.setText("\n".join(f"• {n}" for n in notes))
        self.notices.setVisible(bool(notes))

    def set_busy(self, busy: bool) -> None:
        self.run_button.setEnabled(not busy)

    def compound_columns(self) -> list[Col]:
        return [Col("id", self.tr("ID")), Col("name", self.tr("Compound")), Col("demand", self.tr("Demand"), "int"),
                Col("flag_text", self.tr("Demand value"), red="flag_unknown"),
                Col("access_per_1000", self.tr("Access per 1,000"), "score"),
                Col("received", self.tr("Received"), "score"), Col("required", self.tr("Required"), "score"),
                Col("shortfall", self.tr("Shortfall"), "score", red="short")]

    def facility_columns(self) -> list[Col]:
        return [Col("id", self.tr("ID")), Col("name", self.tr("Facility")),
                Col("capacity", self.tr("Capacity"), "score"),
                Col("flag_text", self.tr("Capacity value"), red="is_default"),
                Col("reached_demand", self.tr("Demand in reach"), "int"),
                Col("ratio_per_1000", self.tr("Supply per 1,000 in reach"), "score")]

    def zone_columns(self) -> list[Col]:
        return [Col("id", self.tr("ID")), Col("name", self.tr("Zone")), Col("compounds", self.tr("Compounds"), "int"),
                Col("demand", self.tr("Demand"), "int"), Col("supply", self.tr("Supply received"), "score"),
                Col("access_per_1000", self.tr("Access per 1,000"), "score"),
                Col("required", self.tr("Required"), "score"),
                Col("shortfall", self.tr("Shortfall"), "score", red="short"), Col("pooled_text", self.tr("Pooled"))]
