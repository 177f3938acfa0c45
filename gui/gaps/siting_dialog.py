"""Siting suggestions: K sites for a facility type covering the most unserved households.

The planner picks the type, K, the candidates (the compounds themselves, or a project
layer of vacant lots or buildings — all of it or the selected features) and what to
cover; the search (maximal covering: spopt's exact MCLP, or greedy with its 1 − 1/e bound)
runs in the background and the map previews the sites and the compounds they would newly
serve. Accept adds the sites as planned facilities and the gaps update.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QPushButton,
                               QSpinBox, QVBoxLayout)

from gis.analysis.params import defaults_of
from gis.analysis.siting import SitingRequest
from gis.analysis.siting import run as run_siting
from gis.domain import Role
from gis.errors import GisError
from gis.gaps.siting import SitingResult
from gui.gaps.table import Col, FrameTable
from gui.gaps.wording import notice_text, type_label
from gui.i18n import count_words, error_text, plural, tr_gis
from gui.worker import run_task

CANDIDATE_ROLES = (Role.BUILDINGS, Role.OTHER, Role.ENTRANCES, Role.BARRIERS)
COMPOUNDS = ""


class SitingDialog(QDialog):
    """Parameters, the preview's coverage before and after, the sites, and Accept."""

    def __init__(self, controller) -> None:
        super().__init__(controller.window)
        self.controller = controller
        self.setWindowTitle(self.tr("Suggest sites for new facilities"))
        self.setModal(False)
        self.resize(620, 560)
        self.result: SitingResult | None = None
        self.task = None
        self._run = 0
        self.type = QComboBox()
        self.k = QSpinBox()
        self.k.setRange(1, 50)
        self.k.setValue(defaults_of(SitingRequest)["k"])
        self.radius = QSpinBox()
        self.radius.setRange(50, 5000)
        self.radius.setSingleStep(50)
        self.radius.setSuffix(" m")
        self.candidates = QComboBox()
        self.selected_only = QCheckBox(self.tr("Only the selected features of that layer"))
        self.weight = QComboBox()
        for key, text in (("households", self.tr("Households")),
                          ("people", self.tr("People served (elderly or children)")),
                          ("compounds", self.tr("Compounds (each counts 1)"))):
            self.weight.addItem(text, key)
        self.capacity = QSpinBox()
        self.capacity.setRange(0, 1_000_000)
        self.capacity.setSingleStep(10)
        self.capacity.setSpecialValueText(self.tr("No limit: a compound in reach counts whole"))
        self.capacity.setToolTip(self.tr("With a capacity, each site serves at most that much demand: the demand the "
                                         "last access run of this type left unmet, else the weight chosen above."))
        self.method = QComboBox()
        for key, text in (("auto", self.tr("Automatic (exact when small enough)")),
                          ("mclp", self.tr("Exact maximal covering (MCLP)")),
                          ("greedy", self.tr("Greedy (fast, at least 63 % of the best)"))):
            self.method.addItem(text, key)
        self.run_button = QPushButton(self.tr("Suggest"))
        self.accept_button = QPushButton(self.tr("Accept as planned facilities"))
        self.accept_button.setEnabled(False)
        self.status = QLabel(self.tr("Pick a type and press Suggest."))
        self.status.setWordWrap(True)
        self.coverage = FrameTable(self._coverage_columns("households"))
        self.coverage.setMaximumHeight(90)
        self.sites = FrameTable([])
        self._build()
        self._wire()

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Facility type"), self.type)
        form.addRow(self.tr("Number of sites (K)"), self.k)
        form.addRow(self.tr("Service radius"), self.radius)
        form.addRow(self.tr("Candidate sites"), self.candidates)
        form.addRow("", self.selected_only)
        form.addRow(self.tr("Cover the most"), self.weight)
        form.addRow(self.tr("Capacity of each new site"), self.capacity)
        form.addRow(self.tr("Method"), self.method)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addStretch(1)
        buttons.addWidget(self.accept_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(QLabel(self.tr("Coverage before and after")))
        layout.addWidget(self.coverage)
        layout.addWidget(QLabel(self.tr("Suggested sites (click to zoom to what each serves)")))
        layout.addWidget(self.sites, 1)

    def _wire(self) -> None:
        self.type.currentIndexChanged.connect(self._on_type)
        self.candidates.currentIndexChanged.connect(lambda _i: self._sync_selected())
        self.run_button.clicked.connect(self.suggest)
        self.accept_button.clicked.connect(self.accept_sites)
        self.sites.keyActivated.connect(self._zoom_site)

    # -- choices -------------------------------------------------------------------------
    def refresh(self, facility_type: str | None = None) -> None:
        """Fill the choices from the current gap result; pre-select *facility_type*."""
        gaps = self.controller.outcome.gaps
        summary = gaps.summary()
        if facility_type is None:  # the type leaving the most households unserved
            facility_type = max(gaps.types, key=lambda t: summary[t]["households_uncovered"] or summary[t]["uncovered"])
        self.type.blockSignals(True)
        self.type.clear()
        for t in gaps.types:
            lacking = count_words(summary[t]["uncovered"], self.tr("{n} compounds lacking"))
            self.type.addItem(self.tr("{type} ({lacking})").format(type=type_label(t), lacking=lacking), t)
        self.type.setCurrentIndex(max(self.type.findData(facility_type), 0))
        self.type.blockSignals(False)
        self._on_type()
        current = self.candidates.currentData()
        self.candidates.blockSignals(True)
        self.candidates.clear()
        self.candidates.addItem(self.tr("The compounds themselves (a point inside each)"), COMPOUNDS)
        for layer in self.controller.project.layers:
            if layer.role in CANDIDATE_ROLES and len(layer) and layer.geom_type in ("point", "polygon"):
                self.candidates.addItem(layer.name, layer.id)
        self.candidates.setCurrentIndex(max(self.candidates.findData(current), 0))
        self.candidates.blockSignals(False)
        self._sync_selected()

    def _on_type(self, *_args) -> None:
        ftype = self.type.currentData()
        if ftype is not None and self.controller.outcome is not None:
            self.radius.setValue(int(round(self.controller.outcome.gaps.required_m[ftype])))

    def _sync_selected(self) -> None:
        layer_id = self.candidates.currentData()
        count = len(self.controller.project.selection(layer_id)) if layer_id else 0
        self.selected_only.setEnabled(count > 0)
        self.selected_only.setChecked(count > 0)
        self.selected_only.setText(plural(self.tr("Only the {n} selected features of that layer"), n=count)
                                   if count else self.tr("Only the selected features of that layer"))

    def request(self, gaps) -> SitingRequest:
        """The search the dialog describes, over the candidate sites it names."""
        capacity = float(self.capacity.value()) or None
        return SitingRequest(gaps, self.type.currentData(), self.candidate_frame(), k=self.k.value(),
                             radius_m=float(self.radius.value()), method=self.method.currentData(),
                             weight=self.weight.currentData(), capacity=capacity,
                             access=self._access() if capacity else None)

    def _access(self):
        """The latest access run's result (gis.supply), when there is one; the request uses it for its type."""
        from gis.analysis.session import session_for

        outcome = session_for(self.controller.project).latest("access")
        return outcome.result if outcome is not None else None

    def candidate_frame(self):
        """The candidate sites (None = the compounds), limited to the selection when asked."""
        layer_id = self.candidates.currentData()
        if not layer_id:
            return None
        layer = self.controller.project.layer(layer_id)
        data = layer.data
        if self.selected_only.isChecked():
            data = data.iloc[sorted(self.controller.project.selection(layer_id))]
        return data

    # -- running ---------------------------------------------------------------------------
    def suggest(self):
        """Search in the background; the map previews the answer."""
        outcome = self.controller.outcome
        try:
            request = self.request(outcome.gaps)
            request.params()  # refuse bad options before the search starts
        except (GisError, KeyError) as err:
            self._say(error_text(err), warn=True)
            return None
        self._run += 1
        run = self._run
        self.run_button.setEnabled(False)
        self.accept_button.setEnabled(False)
        self._say(self.tr("Searching…"))
        self.task = run_task(self, self.tr("Suggest sites"), lambda fb: run_siting(request, feedback=fb).result,
                             lambda result: self._done(run, outcome, result),
                             on_error=lambda err: self._failed(run, err))
        self.task.signals.cancelled.connect(lambda: self._failed(run, None))
        return self.task

    def _failed(self, run: int, err) -> None:
        if run != self._run:
            return
        self.task = None
        self.run_button.setEnabled(True)
        self._say(error_text(err) if err is not None else self.tr("Cancelled."), warn=err is not None)

    def _done(self, run: int, outcome, result: SitingResult) -> None:
        if run != self._run:
            return
        self.task = None
        self.run_button.setEnabled(True)
        if outcome is not self.controller.outcome:
            self._say(self.tr("The gaps were analysed again meanwhile: press Suggest once more."), warn=True)
            return
        self.result = result
        self.controller.show_siting(result)
        self._show(result)
        newly = np.concatenate(result.newly) if result.newly else np.zeros(0, np.int64)
        if len(newly):
            self.controller.zoom_to_compounds(newly)

    def _show(self, result: SitingResult) -> None:
        self.accept_button.setEnabled(len(result.chosen) > 0)
        self.coverage.set_frame(self._coverage_frame(result),
                                self._coverage_columns("demand" if result.method == "capacity" else result.weight))
        frame = result.sites_frame()
        frame["label"] = [self._site_name(row) for _i, row in frame.iterrows()]
        frame.index = pd.Index(frame["order"].to_numpy(), name="order")
        self.sites.set_frame(frame, [Col("order", self.tr("No."), "int"), Col("label", self.tr("Site")),
                                     Col("compounds_gained", self.tr("Compounds newly served"), "int"),
                                     Col("weight_gained", self._weight_header(result), "int")])
        lines = [plural(self.tr("{k} sites for {type} within {radius} m, {how}: {seconds:.2f} s."),
            k=len(result.chosen), type=type_label(result.facility_type), radius=f"{result.radius_m:,.0f}",
            how=tr_gis("gaps", result.bound), seconds=result.seconds)]
        if len(result.chosen) < self.k.value():
            lines.append(self.tr("Fewer sites than asked: more would serve no one else within the radius."))
        lines += [notice_text(n) for n in result.notices]
        self._say("\n".join(lines))

    def _site_name(self, row) -> str:
        name = str(row.get("name", "") or "").strip()
        ident = row.get("candidate")
        return f"{ident} {name}".strip() if name and str(ident) not in name else (name or str(ident))

    def _weight_header(self, result: SitingResult) -> str:
        if result.method == "capacity":
            return self.tr("Demand served")
        return {"households": self.tr("Households newly served"), "people": self.tr("People newly served"),
                "compounds": self.tr("Compounds newly served")}[result.weight]

    def _coverage_columns(self, weight: str) -> list[Col]:
        cols = [Col("state", ""), Col("compounds", self.tr("Compounds served"), "int"),
                Col("share", self.tr("Share of compounds"), "share")]
        if weight != "compounds":
            header = {"households": self.tr("Households served"), "demand": self.tr("Demand served")}.get(
                weight, self.tr("People served"))
            cols.insert(2, Col("weight", header, "int"))
        return cols

    def _coverage_frame(self, result: SitingResult) -> pd.DataFrame:
        frame = pd.DataFrame([result.before, result.after])
        frame.insert(0, "state", [self.tr("Now"), self.tr("With the sites")])
        return frame

    def _zoom_site(self, order) -> None:
        result = self.result
        if result is None:
            return
        k = int(order) - 1
        fids = result.newly[k] if 0 <= k < len(result.newly) else []
        if len(fids):
            self.controller.zoom_to_compounds(fids)

    def accept_sites(self) -> None:
        """Add the previewed sites as planned facilities; the gaps are analysed again."""
        if self.result is None or not len(self.result.chosen):
            return
        layer = self.controller.accept_sites(self.result)
        self.result = None
        self.accept_button.setEnabled(False)
        self._say(self.tr("Added to “{name}”; the gaps are being analysed again.").format(name=layer.name))

    def _say(self, text: str, *, warn: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #b71c1c;" if warn else "")

    def done(self, code: int) -> None:  # closing the dialog drops the preview
        if self.result is not None:
            self.controller.show_siting(None)
            self.result = None
        super().done(code)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self.result is not None:
            self.controller.show_siting(None)
            self.result = None
        super().closeEvent(event)
