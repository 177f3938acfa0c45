"""Check-up ranking (先体检、后改造): weighted indicators → a ranked priority list; click zooms.

Weights start from the planner's saved copy of the ranking preset (the settings folder),
else the shipped one; every change ranks again at once. "Save as my default" writes the
planner's copy; the shipped preset is never overwritten.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (QCheckBox, QDialog, QDoubleSpinBox, QHBoxLayout, QLabel, QPushButton, QSpinBox,
                               QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from gis.analysis.ranking import RankingRequest, run
from gis.errors import GisError
from gis.gaps.access import TYPES
from gis.gaps.ranking import (INDICATOR_LABELS, Indicator, Ranking, RankingPreset, load_ranking_preset,
                              save_ranking_preset)
from gui.gaps.table import Col, FrameTable
from gui.gaps.wording import notice_text, type_label
from gui.i18n import error_text, plural, tr_gis

USER_FILE = "checkup_ranking.json"
KEYS = tuple(INDICATOR_LABELS) + tuple(f"gap_{t}" for t in TYPES)


def load_preset(folder: Path | None) -> tuple[RankingPreset, GisError | None]:
    """The planner's copy in *folder* when it exists and reads, else the shipped preset."""
    path = Path(folder) / USER_FILE if folder is not None else None
    if path is not None and path.exists():
        try:
            return load_ranking_preset(path), None
        except GisError as err:
            return load_ranking_preset(), err
    return load_ranking_preset(), None


def indicator_label(key: str) -> str:
    """An indicator's name in the UI language."""
    if key.startswith("gap_"):
        return QCoreApplication.translate("RankingDialog", "Lacks {type}").format(type=type_label(key[4:]))
    return tr_gis("gaps", INDICATOR_LABELS[key])


class RankingDialog(QDialog):
    """Indicators with editable weights, the pre-year filter and the ranked list."""

    def __init__(self, controller) -> None:
        super().__init__(controller.window)
        self.controller = controller
        self.setWindowTitle(self.tr("Check-up ranking (先体检、后改造)"))
        self.setModal(False)
        self.resize(900, 620)
        from gui.app import config_dir

        self.folder = config_dir()
        preset, error = load_preset(self.folder)
        self.preset = preset
        self.ranking: Ranking | None = None
        self.weights = QTableWidget(len(KEYS), 2)
        self.spins: dict[str, QDoubleSpinBox] = {}
        self.use_year = QCheckBox(self.tr("Rank only compounds built in or before"))
        self.year = QSpinBox()
        self.year.setRange(1900, 2100)
        self.unknown_year = QCheckBox(self.tr("Include compounds of unknown year"))
        self.save_button = QPushButton(self.tr("Save weights as my default"))
        self.reset_button = QPushButton(self.tr("Shipped weights"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.table = FrameTable([])
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.recompute)
        self._build()
        self.set_preset(preset, pre_year=controller.window.settings.pre_year if preset.pre_year is None
                        else preset.pre_year)
        self._wire()
        if error is not None:
            self.status.setText(error_text(error))

    def _build(self) -> None:
        self.weights.setHorizontalHeaderLabels([self.tr("Indicator"), self.tr("Weight")])
        self.weights.verticalHeader().hide()
        for row, key in enumerate(KEYS):
            item = QTableWidgetItem(indicator_label(key))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.weights.setItem(row, 0, item)
            spin = QDoubleSpinBox()
            spin.setRange(0.0, 10.0)
            spin.setSingleStep(0.05)
            spin.setDecimals(2)
            self.spins[key] = spin
            self.weights.setCellWidget(row, 1, spin)
        self.weights.resizeColumnsToContents()
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(QLabel(self.tr("Indicators and weights (0 = not used)")))
        lv.addWidget(self.weights, 1)
        year = QHBoxLayout()
        year.addWidget(self.use_year)
        year.addWidget(self.year)
        lv.addLayout(year)
        lv.addWidget(self.unknown_year)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.reset_button)
        lv.addLayout(buttons)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(QLabel(self.tr("Priority list (click a row to zoom to the compound)")))
        rv.addWidget(self.table, 1)
        rv.addWidget(self.status)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(split)

    def _wire(self) -> None:
        for spin in self.spins.values():
            spin.valueChanged.connect(lambda _v: self._timer.start())
        self.use_year.toggled.connect(lambda _on: self._timer.start())
        self.year.valueChanged.connect(lambda _v: self._timer.start())
        self.unknown_year.toggled.connect(lambda _on: self._timer.start())
        self.table.keyActivated.connect(self.controller.focus_compound)
        self.save_button.clicked.connect(self.save)
        self.reset_button.clicked.connect(lambda: self.set_preset(load_ranking_preset()))

    def set_preset(self, preset: RankingPreset, *, pre_year: int | None = None) -> None:
        """Show *preset*'s weights (indicators it leaves out at 0) and its year filter."""
        weights = {i.key: i.weight for i in preset.indicators}
        for key, spin in self.spins.items():
            spin.blockSignals(True)
            spin.setValue(weights.get(key, 0.0))
            spin.blockSignals(False)
        year = pre_year if pre_year is not None else preset.pre_year
        self.use_year.blockSignals(True)
        self.use_year.setChecked(preset.pre_year is not None)
        self.use_year.blockSignals(False)
        self.year.blockSignals(True)
        self.year.setValue(int(year if year is not None else self.controller.window.settings.pre_year))
        self.year.blockSignals(False)
        self._timer.start()

    def current_preset(self) -> RankingPreset:
        indicators = tuple(Indicator(k, s.value(), self._note(k)) for k, s in self.spins.items() if s.value() > 0)
        return RankingPreset(indicators, self.year.value() if self.use_year.isChecked() else None,
                             self.preset.name, self.preset.source)

    def _note(self, key: str) -> str:
        return next((i.note for i in self.preset.indicators if i.key == key), "")

    def recompute(self) -> Ranking | None:
        """Rank again with the dialog's weights (fast: no distances are measured)."""
        out = self.controller.outcome
        if out is None:
            return None
        preset = self.current_preset()
        try:
            ranking = run(RankingRequest(out.gaps, out.elevators, preset, pre_year=preset.pre_year,
                                         include_unknown_year=self.unknown_year.isChecked())).result
        except GisError as err:
            self.status.setText(error_text(err))
            self.status.setStyleSheet("color: #b71c1c;")
            return None
        self.ranking = ranking
        self._show(ranking)
        return ranking

    def _show(self, ranking: Ranking) -> None:
        ranked = ranking.ranked().copy()
        ranked["id"] = ranked["id"].astype(str)
        cols = [Col("rank", self.tr("Rank"), "int"), Col("id", self.tr("ID")), Col("name", self.tr("Compound")),
                Col("build_year", self.tr("Built"), "year"), Col("score", self.tr("Score"), "score")]
        cols += [Col(f"{i.key}_points", indicator_label(i.key), "score") for i in ranking.indicators]
        self.table.set_frame(ranked, cols)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        if ranking.pre_year is not None:
            head = plural(self.tr("{n:,} compounds built in {year} or before ranked; the score is 0–100 "
                           "(100 = most in need)."), n=len(ranked), year=ranking.pre_year)
        else:
            head = plural(self.tr("{n:,} compounds of any year ranked; the score is 0–100 (100 = most in need)."),
                n=len(ranked))
        lines = [head]
        lines += [notice_text(n) for n in ranking.notices]
        self.status.setText("\n".join(lines))
        self.status.setStyleSheet("")

    def save(self) -> None:
        try:
            path = save_ranking_preset(self.current_preset(), self.folder / USER_FILE)
        except GisError as err:
            self.status.setText(error_text(err))
            return
        self.status.setText(self.tr("Saved as your default: {path}").format(path=path))

    def ranked_fids(self) -> list[int]:
        """Fids in the order the list shows them."""
        return [int(self.table.key_at(r)) for r in range(self.table.proxy.rowCount())]
