"""Suggest zones: the planner sets limits, previews the proposal on the map, accepts it as one edit."""

from __future__ import annotations

import geopandas as gpd
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout,
                               QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout)

from gis.analysis.params import defaults_of
from gis.analysis.zones import ZoneRequest, run
from gis.style import QUALITATIVE
from gis.zones.outline import outlines
from gis.zones.suggest import EXCLUDED_WHY, accept
from gui.i18n import notice_text, plural, tr_gis
from gui.worker import run_task
from gui.zones.commands import ZoneEditCommand

PREVIEW_OVERLAY = "zone-preview"


def _limit_spin(maximum: float, *, decimals: int = 0, suffix: str = "") -> QDoubleSpinBox:
    """A spin box whose 0 means "no limit"."""
    spin = QDoubleSpinBox()
    spin.setRange(0, maximum)
    spin.setDecimals(decimals)
    spin.setSuffix(suffix)
    spin.setSpecialValueText("—")
    spin.setValue(0)
    return spin


class SuggestDialog(QDialog):
    """Non-modal: the map stays usable while the preview is shown."""

    def __init__(self, controller) -> None:
        super().__init__(controller.window)
        self.controller = controller
        self.suggestion = None
        self.setWindowTitle(self.tr("Suggest renovation zones"))
        form = QFormLayout()
        self.min_hh = _limit_spin(1e7)
        self.max_hh = _limit_spin(1e7)
        self.max_area = _limit_spin(1e5, decimals=1, suffix=" ha")
        self.max_compounds = QSpinBox()
        self.max_compounds.setRange(0, 100000)
        self.max_compounds.setSpecialValueText("—")
        self.min_compounds = QSpinBox()
        self.min_compounds.setRange(1, 1000)
        self.min_compounds.setValue(defaults_of(ZoneRequest)["min_compounds"])
        self.use_year = QCheckBox(self.tr("Only compounds built in or before"))
        self.use_year.setChecked(True)
        self.pre_year = QSpinBox()
        self.pre_year.setRange(1900, 2100)
        self.pre_year.setValue(controller.window.settings.pre_year)
        self.keep = QCheckBox(self.tr("Keep existing zones fixed"))
        self.keep.setChecked(True)
        year_row = QHBoxLayout()
        year_row.addWidget(self.use_year)
        year_row.addWidget(self.pre_year)
        form.addRow(self.tr("Minimum households per zone"), self.min_hh)
        form.addRow(self.tr("Maximum households per zone"), self.max_hh)
        form.addRow(self.tr("Maximum area per zone"), self.max_area)
        form.addRow(self.tr("Maximum compounds per zone"), self.max_compounds)
        form.addRow(self.tr("Minimum compounds per zone"), self.min_compounds)
        form.addRow(year_row)
        form.addRow(self.keep)
        self.summary = QLabel(self.tr("Set the limits, then Preview."))
        self.summary.setWordWrap(True)
        self.preview_btn = QPushButton(self.tr("Preview"))
        self.preview_btn.clicked.connect(self.preview)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.accept_btn = self.buttons.addButton(self.tr("Accept as one edit"),
                                                 QDialogButtonBox.ButtonRole.AcceptRole)
        self.accept_btn.setEnabled(False)
        self.buttons.accepted.connect(self.accept_suggestion)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview_btn)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

    def request(self, model, compounds) -> ZoneRequest:
        """The suggestion the dialog's limits describe (0 = no limit)."""
        def limit(spin):
            return spin.value() or None

        area = limit(self.max_area)
        return ZoneRequest(model, compounds, min_households=limit(self.min_hh), max_households=limit(self.max_hh),
                           max_area_m2=area * 1e4 if area else None,
                           max_compounds=self.max_compounds.value() or None,
                           min_compounds=self.min_compounds.value(),
                           pre_year=self.pre_year.value() if self.use_year.isChecked() else None,
                           keep_existing=self.keep.isChecked())

    def preview(self) -> None:
        model = self.controller.model()
        if model is None:
            return
        request = self.request(model, self.controller.compounds)

        def work(fb):
            outcome = run(request, feedback=fb.sub(0, 0.9))
            zones = outcome.suggestion.zones
            return outcome, outlines(model.geometries, zones, gap=model.gap) if zones else []

        self.preview_btn.setEnabled(False)
        run_task(self, self.tr("Suggesting zones"), work, self._show,
                 on_error=lambda err: (self.preview_btn.setEnabled(True), self._error(err)))

    def _error(self, err) -> None:
        from gui.i18n import error_text

        self.summary.setText(error_text(err))

    def _show(self, result) -> None:
        outcome, shapes = result
        suggestion = self.suggestion = outcome.suggestion
        self.preview_btn.setEnabled(True)
        self.accept_btn.setEnabled(bool(suggestion.zones))
        n = len(suggestion.zones)
        colours = [QUALITATIVE[i % len(QUALITATIVE)] for i in range(n)]
        data = gpd.GeoDataFrame({"stroke": colours, "fill": colours, "fillOpacity": [0.12] * n,
                                 "weight": [2.5] * n, "dash": ["6 4"] * n,
                                 "label": [f"#{i + 1}" for i in range(n)]},
                                geometry=list(shapes), crs=self.controller.compounds.data.crs)
        self.controller.window.map.set_overlay(PREVIEW_OVERLAY, data if n else None)
        hh = suggestion.households
        lines = [plural(self.tr("{n} zones proposed in {s:.1f} s."), n=n, s=suggestion.seconds)]
        if n and len(hh):
            lines.append(self.tr("Households per zone: {lo:,.0f} – {hi:,.0f}.").format(lo=min(hh), hi=max(hh)))
        lines.append(plural(self.tr("{n} eligible compounds left unassigned."), n=len(suggestion.unassigned)))
        for reason, fids in suggestion.excluded.items():
            if len(fids):
                why = tr_gis("zones", EXCLUDED_WHY.get(reason, reason)).format(year=suggestion.constraints.pre_year)
                lines.append(self.tr("Not considered ({reason}): {n:,}").format(reason=why, n=len(fids)))
        lines.append(self.tr("Constraint violations: {n}").format(n=len(suggestion.violations)))
        lines += [notice_text(note) for note in outcome.notices]
        self.summary.setText("\n".join(lines))

    def accept_suggestion(self) -> None:
        if self.suggestion is None:
            return
        model = self.controller.model()
        edit = accept(model, self.suggestion)
        if not edit.is_noop:
            self.controller.stack.push(ZoneEditCommand(model, edit))
        self.accept()

    def done(self, result: int) -> None:
        self.controller.window.map.set_overlay(PREVIEW_OVERLAY, None)
        super().done(result)
