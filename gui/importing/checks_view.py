"""Repairs and warnings of an import: counts per repair, and every notice in words."""

from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QListWidget, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from gis.io import ImportReport
from gui.importing.wording import notice_text, repair_label


class ChecksView(QWidget):
    """What the importer repaired (counts) and what it wants the user to know."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.repairs = QTableWidget(0, 2)
        self.repairs.setHorizontalHeaderLabels([self.tr("Repair"), self.tr("Features")])
        self.repairs.verticalHeader().setVisible(False)
        self.repairs.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.repairs.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.repairs.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.nothing = QLabel(self.tr("No geometry needed repair."))
        self.warnings = QListWidget()
        self.warnings.setWordWrap(True)
        self.warnings.setAlternatingRowColors(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<b>Repairs</b>")))
        layout.addWidget(self.nothing)
        layout.addWidget(self.repairs)
        layout.addWidget(QLabel(self.tr("<b>Warnings</b>")))
        layout.addWidget(self.warnings, 1)

    def show_report(self, report: ImportReport) -> int:
        """Show *report*'s repairs and notices; returns the number of warnings."""
        done = {k: v for k, v in report.repairs.items() if v}
        self.repairs.setRowCount(len(done))
        for row, (key, count) in enumerate(done.items()):
            self.repairs.setItem(row, 0, QTableWidgetItem(repair_label(key)))
            self.repairs.setItem(row, 1, QTableWidgetItem(f"{count:,}"))
        self.repairs.resizeRowsToContents()
        rows = sum(self.repairs.rowHeight(r) for r in range(len(done)))
        self.repairs.setFixedHeight(rows + self.repairs.horizontalHeader().height() + 4)
        self.repairs.setVisible(bool(done))
        self.nothing.setVisible(not done)
        notes = report.notices + list(report.encoding.notices if report.encoding else ())
        texts = list(dict.fromkeys(notice_text(n) for n in notes))
        self.warnings.clear()
        self.warnings.addItems(texts or [self.tr("None.")])
        return len(texts)

    def repair_counts(self) -> dict[str, int]:
        """{label: count} as shown (for tests and screenshots)."""
        return {self.repairs.item(r, 0).text(): int(self.repairs.item(r, 1).text().replace(",", ""))
                for r in range(self.repairs.rowCount())}
