"""Review of a survey join: each table row, its candidate compounds on the map, accept / pick / skip.

The rows to review are the ambiguous, the unmatched and the near matches (scored below 90);
"All rows" shows the rest too. A row's candidates are drawn on the map (the chosen one
stronger) and the map zooms to them; a compound clicked on the map while the dialog is open
becomes a candidate of the current row (pick). Answers given here, and those remembered from
earlier reviews of the same file, override the automatic match; "Join" hands them back.
"""

from __future__ import annotations

import geopandas as gpd
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QPushButton, QSplitter, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from gis.people.join import JoinResult
from gis.people.table import SurveyTable
from gui.i18n import plural

OVERLAY = "survey-candidates"
SURE = 90.0  # matches scored at least this are not shown for review unless "All rows"
CHOSEN, OTHER = "#d62728", "#ff7f0e"
BAD = "#c0392b"  # a count that is skipped


def _item(value) -> QTableWidgetItem:
    item = QTableWidgetItem("" if value is None else str(value))
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class JoinReview(QDialog):
    """The rows of a join to review; :attr:`answers` (table row → compound row, None = skip)."""

    answered = Signal()

    def __init__(self, table: SurveyTable, result: JoinResult, compounds, *, ids: list, names: list,
                 answers: dict[int, int | None] | None = None, map_view=None, parent=None) -> None:
        super().__init__(parent)
        self.survey, self.result, self.compounds = table, result, compounds
        self.ids, self.names, self.map_view = ids, names, map_view
        self.answers: dict[int, int | None] = dict(answers or {})
        self.picked: dict[int, list[int]] = {}  # row → compounds picked on the map
        self.setWindowTitle(self.tr("Review the survey join — {file}").format(file=table.path.name))
        self.resize(1000, 620)
        self._build()
        self.show_rows()

    # -- layout -------------------------------------------------------------------
    def _build(self) -> None:
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.filter = QComboBox()
        self.filter.addItems([self.tr("Rows to review"), self.tr("All rows")])
        self.filter.currentIndexChanged.connect(lambda _i: self.show_rows())
        self.rows = _table([self.tr("Row"), self.tr("Name in the table"), self.tr("Status"), self.tr("Compound")])
        self.rows.itemSelectionChanged.connect(self._on_row)
        self.cells = _table([self.tr("Column"), self.tr("Value")])
        self.candidates = _table([self.tr("Compound"), self.tr("ID"), self.tr("Score")])
        self.candidates.itemSelectionChanged.connect(self._draw)
        self.accept_button = QPushButton(self.tr("Use this compound"))
        self.accept_button.clicked.connect(self.accept_row)
        self.skip_button = QPushButton(self.tr("Skip this row"))
        self.skip_button.clicked.connect(self.skip_row)
        hint = QLabel(self.tr("Candidates are outlined on the map. Click another compound on the map to pick it."))
        hint.setWordWrap(True)
        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self._group(self.tr("Table row"), self.cells), 1)
        side.addWidget(self._group(self.tr("Candidates"), self.candidates, hint), 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        side.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.rows)
        split.addWidget(right)
        split.setSizes([520, 480])
        bottom = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        bottom.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Join"))
        bottom.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        bottom.accepted.connect(self.accept)
        bottom.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.filter)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(bottom)

    @staticmethod
    def _group(title: str, *widgets) -> QGroupBox:
        box = QGroupBox(title)
        inner = QVBoxLayout(box)
        for w in widgets:
            inner.addWidget(w)
        return box

    # -- rows ---------------------------------------------------------------------
    def needs_review(self, row: int) -> bool:
        m = self.result.matches[row]
        return m.status != "matched" or (m.score or 0) < SURE

    def shown_rows(self) -> list[int]:
        every = self.filter.currentIndex() == 1
        return [r for r in range(len(self.result.matches)) if every or self.needs_review(r)]

    def compound_of(self, row: int) -> int | None:
        """The compound the row joins: the user's answer, else the automatic match."""
        return self.answers[row] if row in self.answers else self.result.matches[row].fid

    def show_rows(self) -> None:
        rows = self.shown_rows()
        names = self.survey.frame[self.survey.name_column].tolist()
        self.rows.setRowCount(len(rows))
        for i, row in enumerate(rows):
            for col, value in enumerate((row, names[row], self.status_text(row), self._label(self.compound_of(row)))):
                item = _item(value)
                item.setData(Qt.ItemDataRole.UserRole, row)
                self.rows.setItem(i, col, item)
        self._summarise()
        if rows and not self.rows.selectedItems():
            self.rows.selectRow(0)

    def status_text(self, row: int) -> str:
        if row in self.answers:
            return self.tr("skipped") if self.answers[row] is None else self.tr("answered")
        m = self.result.matches[row]
        if m.status == "matched":
            return self.tr("matched ({score:g})").format(score=m.score)
        return self.tr("ambiguous") if m.status == "ambiguous" else self.tr("unmatched")

    def _label(self, fid: int | None) -> str:
        return "" if fid is None else f"{self.names[fid]} ({self.ids[fid]})"

    def _summarise(self) -> None:
        joined = sum(self.compound_of(r) is not None for r in range(len(self.result.matches)))
        waiting = sum(self.needs_review(r) and r not in self.answers for r in range(len(self.result.matches)))
        self.summary.setText(plural(self.tr("{rows} table rows: {joined} will be joined, {waiting} still to review "
                                     "(ambiguous, unmatched or near)."),
            rows=len(self.result.matches), joined=joined, waiting=waiting))

    def current_row(self) -> int | None:
        items = self.rows.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def _on_row(self) -> None:
        row = self.current_row()
        if row is None:
            return
        record = self.survey.frame.iloc[row]
        bad = {b.column: b.reason for b in self.survey.bad if b.row == row}
        self.cells.setRowCount(len(record))
        for i, (column, value) in enumerate(record.items()):
            self.cells.setItem(i, 0, _item(column))
            cell = _item(value)
            if column in bad:  # the count is not joined: say so where the user looks
                reason = self.tr("negative") if bad[column] == "negative" else self.tr("not a number")
                cell.setText(self.tr("{value} (skipped: {reason})").format(value=cell.text(), reason=reason))
                cell.setForeground(QColor(BAD))
            self.cells.setItem(i, 1, cell)
        self._fill_candidates(row)

    def candidate_rows(self, row: int) -> list[tuple[int, float | None]]:
        """(compound row, score) of the row's candidates, picked ones (no score) last."""
        found = list(self.result.matches[row].candidates)
        seen = {fid for fid, _ in found}
        return found + [(fid, None) for fid in self.picked.get(row, []) if fid not in seen]

    def _fill_candidates(self, row: int, select: int | None = None) -> None:
        found = self.candidate_rows(row)
        chosen = select if select is not None else self.compound_of(row)
        self.candidates.blockSignals(True)
        self.candidates.setRowCount(len(found))
        for i, (fid, score) in enumerate(found):
            values = (self.names[fid], self.ids[fid], self.tr("picked") if score is None else f"{score:g}")
            for col, value in enumerate(values):
                item = _item(value)
                item.setData(Qt.ItemDataRole.UserRole, fid)
                self.candidates.setItem(i, col, item)
        self.candidates.clearSelection()
        for i, (fid, _s) in enumerate(found):
            if fid == chosen:
                self.candidates.selectRow(i)
        self.candidates.blockSignals(False)
        self._draw()

    def chosen_candidate(self) -> int | None:
        items = self.candidates.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    # -- answers ------------------------------------------------------------------
    def accept_row(self) -> None:
        """The selected candidate (else the automatic match) is the row's compound."""
        row = self.current_row()
        fid = self.chosen_candidate()
        if row is None or fid is None:
            return
        self.answers[row] = fid
        self._after_answer(row)

    def skip_row(self) -> None:
        row = self.current_row()
        if row is not None:
            self.answers[row] = None
            self._after_answer(row)

    def pick(self, fid: int) -> None:
        """A compound clicked on the map becomes a candidate of the current row and is selected."""
        row = self.current_row()
        if row is None or not 0 <= fid < len(self.names):
            return
        self.picked.setdefault(row, [])
        if fid not in self.picked[row]:
            self.picked[row].append(fid)
        self._fill_candidates(row, select=fid)

    def _after_answer(self, row: int) -> None:
        index = self.rows.currentRow()
        self.show_rows()
        if self.filter.currentIndex() == 0:
            self.rows.selectRow(min(index, self.rows.rowCount() - 1))
        self.answered.emit()

    # -- map ----------------------------------------------------------------------
    def _draw(self) -> None:
        if self.map_view is None:
            return
        row = self.current_row()
        fids = [fid for fid, _ in self.candidate_rows(row)] if row is not None else []
        if not fids:
            self.map_view.set_overlay(OVERLAY, None)
            return
        chosen = self.chosen_candidate()
        data = self.compounds.data.iloc[fids][[self.compounds.data.geometry.name]].copy()
        strong = [fid == chosen for fid in fids]
        data["stroke"] = [CHOSEN if s else OTHER for s in strong]
        data["fill"] = data["stroke"]
        data["fillOpacity"] = [0.35 if s else 0.12 for s in strong]
        data["weight"] = [4.0 if s else 2.5 for s in strong]
        data["label"] = [str(self.names[f]) for f in fids]
        self.map_view.set_overlay(OVERLAY, gpd.GeoDataFrame(data, crs=self.compounds.data.crs))
        self.map_view.zoom_to_layer(self.compounds, fids)

    def done(self, result: int) -> None:  # noqa: D401 - Qt override
        if self.map_view is not None:
            self.map_view.set_overlay(OVERLAY, None)
        super().done(result)
