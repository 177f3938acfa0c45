"""The Gaps dock: how to measure, run, what the map shows, filters, and the tables in tabs."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
                               QPushButton, QRadioButton, QScrollArea, QSpinBox, QTabWidget, QVBoxLayout, QWidget)

from gis import defaults
from gis.gaps.access import TYPES
from gis.gaps.elevators import SubsidyPresets
from gui.gaps.elevator_panel import ElevatorPanel
from gui.gaps.filters import Filters
from gui.gaps.table import Col, FrameTable
from gui.gaps.wording import type_label


SUMMARY_MIN_HEIGHT = 190  # the seven types stay readable; the dock scrolls when the window is short


MIN_WIDTH = 380


class GapsScroll(QScrollArea):
    """The dock's body in a scroll area, so nothing is squeezed on a small screen."""

    def __init__(self, body: QWidget, parent=None) -> None:
        super().__init__(parent)
        self.setWidget(body)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        """As wide as the body needs (longer English labels), so nothing is clipped at the right."""
        extra = 2 * self.frameWidth() + self.verticalScrollBar().sizeHint().width()
        width = max(MIN_WIDTH, self.widget().minimumSizeHint().width() + extra)
        return QSize(width, super().minimumSizeHint().height())


class GapsDock(QWidget):
    """The gap controls and the per-type summary; ``tabs`` holds the tables (per compound, per
    zone, elevators) for a wide dock of their own. The controller fills and listens to them."""

    runRequested = Signal()
    filtersChanged = Signal()
    viewChanged = Signal()

    def __init__(self, presets: SubsidyPresets, *, pre_year: int = defaults.PRE_YEAR, min_floors: int = defaults.MIN_FLOORS, parent=None) -> None:
        super().__init__(parent)
        self.network = QRadioButton(self.tr("Walking distance along the roads"))
        self.straight = QRadioButton(self.tr("Straight-line distance"))
        self.modes = QButtonGroup(self)
        self.modes.addButton(self.network)
        self.modes.addButton(self.straight)
        self.straight.setChecked(True)
        self._roads: str | None = None
        self.mode_note = QLabel()
        self.mode_note.setWordWrap(True)
        self.mode_note.setStyleSheet("color: #555; font-size: 11px;")
        self.run_button = QPushButton(self.tr("Analyse gaps"))
        self.run_button.setDefault(True)
        self.status = QLabel(self.tr("Press Analyse gaps to find which compounds lack which services."))
        self.status.setWordWrap(True)
        self.notices = QLabel()
        self.notices.setWordWrap(True)
        self.notices.setStyleSheet("color: #8a4b00;")
        self.notices.hide()
        self.highlight = QComboBox()
        self.set_highlight_labels({t: type_label(t) for t in TYPES})
        self.only_lacking = QCheckBox(self.tr("List only compounds lacking it"))
        self.only_lacking.setChecked(True)
        self.pre_year_value = int(pre_year)
        self.pre_year = QCheckBox(self.tr("Only compounds built in {year} or before").format(year=pre_year))
        self.min_households = QSpinBox()
        self.min_households.setRange(0, 100_000)
        self.min_households.setSingleStep(50)
        self.min_households.setPrefix(self.tr("Households ≥ "))
        self.show_count = QCheckBox(self.tr("Colour compounds by number of gaps"))
        self.show_count.setChecked(True)
        self.show_elevators = QCheckBox(self.tr("Mark buildings that need an elevator"))
        self.summary = FrameTable(self.summary_columns())
        self.compounds = FrameTable([], multi=True)
        self.zones = FrameTable([])
        self.zone_hint = QLabel(self.tr("No renovation zones yet: merge compounds into zones (Zones menu) to see "
                                        "what pooling services gains."))
        self.zone_hint.setWordWrap(True)
        self.elevators = ElevatorPanel(presets, min_floors=min_floors)
        self.ranking_button = QPushButton(self.tr("Check-up ranking…"))
        self.siting_button = QPushButton(self.tr("Suggest sites…"))
        self.export_button = QPushButton(self.tr("Export gap table…"))
        self.tabs = QTabWidget()
        self._build()
        self._wire()
        self.set_result_actions(False)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        run = QGroupBox(self.tr("Distances"))
        box = QVBoxLayout(run)
        modes = QHBoxLayout()
        modes.addWidget(self.network)
        modes.addWidget(self.straight)
        box.addLayout(modes)
        box.addWidget(self.mode_note)
        row = QHBoxLayout()
        row.addWidget(self.run_button)
        row.addWidget(self.export_button)
        box.addLayout(row)
        box.addWidget(self.status)
        box.addWidget(self.notices)
        layout.addWidget(run)
        show = QGroupBox(self.tr("Map and filters"))
        g = QGridLayout(show)
        g.addWidget(QLabel(self.tr("Highlight in red")), 0, 0)
        g.addWidget(self.highlight, 0, 1, 1, 2)
        g.addWidget(self.only_lacking, 1, 1, 1, 2)
        g.addWidget(self.show_count, 2, 0, 1, 3)
        g.addWidget(self.show_elevators, 3, 0, 1, 3)
        g.addWidget(self.pre_year, 4, 0, 1, 2)
        g.addWidget(self.min_households, 4, 2)
        g.setColumnStretch(1, 1)
        layout.addWidget(show)
        layout.addWidget(QLabel(self.tr("Compounds lacking each service (click a row to highlight it)")))
        layout.addWidget(self.summary, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.ranking_button)
        buttons.addWidget(self.siting_button)
        layout.addLayout(buttons)
        zones = QWidget()
        zl = QVBoxLayout(zones)
        zl.setContentsMargins(0, 0, 0, 0)
        zl.addWidget(self.zone_hint)
        zl.addWidget(self.zones, 1)
        self.tabs.addTab(self.compounds, self.tr("Compounds"))
        self.tabs.addTab(zones, self.tr("Zones"))
        self.tabs.addTab(self.elevators, self.tr("Elevators"))
        self.summary.setMinimumHeight(SUMMARY_MIN_HEIGHT)

    def _wire(self) -> None:
        self.run_button.clicked.connect(self.runRequested)
        self.network.toggled.connect(lambda _on: self._sync_note())
        self.highlight.currentIndexChanged.connect(lambda _i: self.filtersChanged.emit())
        self.only_lacking.toggled.connect(lambda _on: self.filtersChanged.emit())
        self.pre_year.toggled.connect(lambda _on: self.filtersChanged.emit())
        self.min_households.valueChanged.connect(lambda _v: self.filtersChanged.emit())
        self.show_count.toggled.connect(lambda _on: self.viewChanged.emit())
        self.show_elevators.toggled.connect(lambda _on: self.viewChanged.emit())

    def summary_columns(self) -> list[Col]:
        return [Col("label", self.tr("Service")), Col("radius", self.tr("Required (m)")),
                Col("covered", self.tr("Served"), "int"), Col("uncovered", self.tr("Lacking"), "int", red="any"),
                Col("households_uncovered", self.tr("Households lacking"), "int"),
                Col("people_uncovered", self.tr("Elderly / children lacking"), "int")]

    # -- state ---------------------------------------------------------------------------
    def set_roads(self, name: str | None) -> None:
        """Offer network mode when the project has a roads layer (*name*), and say so."""
        first = self._roads is None and name is not None
        self._roads = name
        self.network.setEnabled(name is not None)
        if name is None:
            self.straight.setChecked(True)
        elif first:  # walking distances as soon as there are roads to walk
            self.network.setChecked(True)
        self._sync_note()

    def _sync_note(self) -> None:
        if self._roads is None:
            text = self.tr("The project has no roads layer, so distances are straight lines from each "
                           "compound's boundary.")
        elif self.mode() == "network":
            text = self.tr("Walks follow the roads layer “{name}” from the compound gates (or boundary). A walk "
                           "is longer than the straight line wherever a river, a wall or a missing path forces a "
                           "detour, so more compounds lack a service than in straight-line mode.").format(
                name=self._roads)
        else:
            text = self.tr("Straight lines from each compound's boundary ignore rivers, walls and detours; "
                           "choose walking distance to see them.")
        self.mode_note.setText(text)

    def mode(self) -> str:
        return "network" if self.network.isChecked() and self.network.isEnabled() else "straight"

    def set_highlight_labels(self, labels: dict[str, str]) -> None:
        """Fill the highlight choice with *labels* per type, keeping the current type."""
        current = self.highlight.currentData()
        self.highlight.blockSignals(True)
        self.highlight.clear()
        self.highlight.addItem(self.tr("None"), None)
        for key, text in labels.items():
            self.highlight.addItem(text, key)
        index = self.highlight.findData(current)
        self.highlight.setCurrentIndex(max(index, 0))
        self.highlight.blockSignals(False)

    def highlighted(self) -> str | None:
        return self.highlight.currentData()

    def set_highlighted(self, facility_type: str | None) -> None:
        index = self.highlight.findData(facility_type)
        self.highlight.setCurrentIndex(max(index, 0))

    def filters(self) -> Filters:
        ftype = self.highlighted()
        return Filters(facility_type=ftype if ftype is not None and self.only_lacking.isChecked() else None,
                       pre_year=self.pre_year_value if self.pre_year.isChecked() else None,
                       min_households=self.min_households.value())

    def set_busy(self, busy: bool) -> None:
        self.run_button.setEnabled(not busy)

    def set_result_actions(self, enabled: bool) -> None:
        for button in (self.ranking_button, self.siting_button, self.export_button):
            button.setEnabled(enabled)

    def say(self, text: str, *, warn: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #b71c1c;" if warn else "")

    def set_notices(self, lines: list[str]) -> None:
        self.notices.setText("\n".join(lines))
        self.notices.setVisible(bool(lines))

    def set_zone_table(self, frame, columns, *, has_zones: bool) -> None:
        self.zone_hint.setVisible(not has_zones)
        self.zones.set_frame(frame, columns)
