"""The coordinate-system part of the import dialog.

Shows the CRS the importer found and where from; when it was inferred, the ranked candidates
with their reasons; a searchable choice of every CRS planners meet (CGCS2000 Gauss-Krüger
zones, WGS 84, Xian 1980, Beijing 1954, UTM, or any EPSG code / WKT typed in); and the
GCJ-02 / BD-09 marking of web-map coordinates. The importer's hint that the data looks like
GCJ-02 / BD-09 is shown once, in the dialog's message bar (seen from every tab), not here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QCompleter, QGridLayout, QGroupBox,
                               QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
                               QTableWidgetItem)

from gis.crs import describe
from gis.io import CrsCandidate, ImportReport, crs_choices
from gis.io.importer import preselected
from gui.i18n import tr_gis
from gui.importing.choices import DATUMS, ImportChoices
from gui.importing.source_box import index_of
from gui.importing.wording import crs_source_label, datum_label, notice_text

UNLIKELY = 0.0  # candidates scoring below this are shown greyed


class CrsBox(QGroupBox):
    """Emits ``answerChosen`` with an importer answer (``EPSG:…``, WKT, ``gcj02``, ``bd09``)
    or None to go back to what the file says."""

    answerChosen = Signal(object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Coordinate system"))
        self._candidates: list[CrsCandidate] = []
        self.current_label = QLabel()
        self.current_label.setWordWrap(True)
        self.current_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.datum_combo = QComboBox()
        self.datum_combo.addItem(self.tr("Standard lon/lat (WGS 84 / CGCS2000)"), None)
        for key in DATUMS:
            self.datum_combo.addItem(datum_label(key), key)
        self.candidates = self._candidate_tree()
        self.choice_combo = self._choice_combo()
        self.use_button = QPushButton(self.tr("Use"))
        self.reset_button = QPushButton(self.tr("As detected"))
        self.reset_button.setToolTip(self.tr("Forget your choice and use what the file says"))
        self._layout()
        self.datum_combo.activated.connect(self._on_datum)
        self.candidates.cellClicked.connect(self._on_candidate)
        self.choice_combo.activated.connect(lambda _i: self.use_typed())
        self.use_button.clicked.connect(self.use_typed)
        self.reset_button.clicked.connect(lambda: self.answerChosen.emit(None))

    # -- construction -------------------------------------------------------------------
    def _candidate_tree(self) -> QTableWidget:
        table = WrappingTable(0, 2)
        table.setHorizontalHeaderLabels([self.tr("Candidate (most likely first)"), self.tr("Why")])
        table.verticalHeader().setVisible(False)
        table.setWordWrap(True)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.sectionResized.connect(lambda *_: table.fit_rows())
        table.setColumnWidth(0, 230)
        return table

    def _choice_combo(self) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(24)
        for group, code, name in crs_choices():
            combo.addItem(f"EPSG:{code} — {name}", f"EPSG:{code}")
            combo.setItemData(combo.count() - 1, tr_gis("io", group), Qt.ItemDataRole.ToolTipRole)
        completer = QCompleter(combo.model(), combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        combo.setCompleter(completer)
        combo.lineEdit().setPlaceholderText(self.tr("Search: 117E, 4548, Xian 1980, UTM 50 … or type an EPSG code"))
        combo.setCurrentIndex(-1)
        return combo

    def _layout(self) -> None:
        grid = QGridLayout(self)
        grid.addWidget(self.current_label, 0, 0, 1, 3)
        grid.addWidget(QLabel(self.tr("Web-map coordinates:")), 2, 0)
        grid.addWidget(self.datum_combo, 2, 1, 1, 2)
        grid.addWidget(self.candidates, 3, 0, 1, 3)
        grid.addWidget(QLabel(self.tr("Choose:")), 4, 0)
        grid.addWidget(self.choice_combo, 4, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.use_button)
        buttons.addWidget(self.reset_button)
        grid.addLayout(buttons, 4, 2)
        grid.setColumnStretch(1, 1)

    # -- showing --------------------------------------------------------------------------
    def show_report(self, report: ImportReport, choices: ImportChoices) -> None:
        info = report.crs
        if info.candidates:
            self._candidates = list(info.candidates)
        if info.crs is None:
            self.current_label.setText("<b style='color:#b00020'>%s</b>" % self.tr(
                "Not known: choose the coordinate system below."))
        elif info.needs_choice:
            self.current_label.setText("<b style='color:#b00020'>%s</b> %s" % (
                self.tr("Not declared by the file: choose the coordinate system below."),
                self.tr("The map shows the data as {crs} until then.").format(crs=describe(info.crs))))
        else:
            text = f"<b>{describe(info.crs)}</b> — {crs_source_label(info.source)}"
            if info.datum_shift:
                text += "<br>" + self.tr("Marked as {datum}: shifted to WGS 84.").format(
                    datum=datum_label(info.datum_shift))
            self.current_label.setText(text)
        self._show_candidates(choices.source_crs or preselected(report))
        lonlat = info.datum_shift is not None or (info.crs is not None and info.crs.is_geographic)
        self.datum_combo.setEnabled(lonlat)
        self.datum_combo.setToolTip(self.tr(
            "AMap (高德), Tencent and Baidu coordinates are offset by several hundred metres. Mark "
            "such a layer so it is shifted to WGS 84.") if lonlat else
            self.tr("Only lon/lat coordinates can be GCJ-02 or BD-09."))
        self.datum_combo.setCurrentIndex(index_of(self.datum_combo, choices.datum))
        self.reset_button.setEnabled(choices.source_crs is not None)

    def _show_candidates(self, chosen: str | None) -> None:
        """The candidates, the row of the *chosen* answer (the user's, or the preselected one) selected."""
        table = self.candidates
        table.setRowCount(len(self._candidates))
        for row, cand in enumerate(self._candidates):
            label = datum_label(cand.datum) if cand.datum else f"EPSG:{cand.epsg} {cand.name}"
            name = QTableWidgetItem(label)
            name.setData(Qt.ItemDataRole.UserRole, cand.answer)
            why = QTableWidgetItem("; ".join(notice_text(r) for r in cand.reasons))
            for col, item in enumerate((name, why)):
                item.setToolTip(item.text())
                if cand.score < UNLIKELY:
                    item.setForeground(Qt.GlobalColor.gray)
                table.setItem(row, col, item)
            if cand.answer == chosen:
                table.selectRow(row)
        if chosen is None:
            table.clearSelection()
        table.fit_rows()
        table.setVisible(bool(self._candidates))

    def forget_candidates(self) -> None:
        """Drop the candidate list (another layer or file was read)."""
        self._candidates = []

    # -- user actions ---------------------------------------------------------------------------
    def _on_datum(self, index: int) -> None:
        self.answerChosen.emit(self.datum_combo.itemData(index))

    def _on_candidate(self, row: int, _column: int = 0) -> None:
        self.answerChosen.emit(self.candidates.item(row, 0).data(Qt.ItemDataRole.UserRole))

    def choose_candidate(self, epsg: int | str) -> None:
        """Pick the candidate *epsg* (or an answer such as ``gcj02``) as the user would by clicking it."""
        answer = f"EPSG:{epsg}" if isinstance(epsg, int) else epsg
        for row in range(self.candidates.rowCount()):
            if self.candidates.item(row, 0).data(Qt.ItemDataRole.UserRole) == answer:
                self.candidates.selectRow(row)
                self._on_candidate(row)
                return
        raise KeyError(epsg)

    def use_typed(self) -> None:
        """Use what is selected or typed in the search box (an item, EPSG code or WKT)."""
        combo = self.choice_combo
        text = combo.currentText().strip()
        if not text:
            return
        index = combo.findText(text)
        self.answerChosen.emit(combo.itemData(index) if index >= 0 else text)


class WrappingTable(QTableWidget):
    """A table whose rows grow to show wrapped text, at most :data:`SHOWN_ROWS` rows tall."""

    SHOWN_ROWS = 8

    def fit_rows(self) -> None:
        self.resizeRowsToContents()
        rows = sum(self.rowHeight(r) for r in range(min(self.rowCount(), self.SHOWN_ROWS)))
        self.setFixedHeight(max(rows + self.horizontalHeader().height() + 6, 90))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.fit_rows()
