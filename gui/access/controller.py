"""Access with supply and demand in the window: an entry in the Gaps menu, a dock with the
options, a worker run (progress and Cancel), the choropleth, and the tables per compound,
facility and zone with the entered / estimated / default flags.

The run is :func:`gis.analysis.access.run` on the project (every facility layer, planned ones
included; the zone plan for the zone table), sharing the project's analysis cache, so a
walking network the gap analysis or the life circles built is reused.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget

from gis.analysis.access import AccessOutcome, AccessRequest
from gis.analysis.access import run as run_access
from gis.analysis.inputs import project_compounds
from gis.analysis.session import session_for
from gis.domain import Role
from gis.errors import GisError
from gis.supply.capacity import DEFAULT, FLAG_LABELS, MEASURE_UNITS
from gui.access.overlay import AccessMap
from gui.access.panel import AccessPanel
from gui.actions import make_action
from gui.features import FeatureController
from gui.gaps.drawing import context_bounds
from gui.gaps.wording import count_text
from gui.i18n import chinese_ui, error_text, plural, tr_gis, translating
from gui.worker import run_task


class AccessController(FeatureController):
    """Owns the access dock, its tables dock, the map overlays and the worker run."""

    def __init__(self, window) -> None:
        self.window = window
        self.outcome: AccessOutcome | None = None
        self.task = None
        self._run = 0
        self.panel = AccessPanel()
        self.dock = window.add_dock(self.tr("Access and capacity"), self.panel, Qt.DockWidgetArea.RightDockWidgetArea)
        self.tables_dock = window.add_dock(self.tr("Access tables"), self.panel.tabs,
                                           Qt.DockWidgetArea.BottomDockWidgetArea)
        self._tabify(window)
        self.dock.hide()
        self.tables_dock.hide()
        self.map = AccessMap(window.map)
        gaps_menu = window.menu(QCoreApplication.translate("GapsController", "&Gaps"))
        self.action = make_action(window, self.tr("Access with capacity (2SFCA)…"), self.show_dock)
        gaps_menu.addSeparator()
        gaps_menu.addAction(self.action)
        self.panel.runRequested.connect(self.compute)
        self.panel.preset_button.clicked.connect(self.open_preset)
        self.panel.typeChanged.connect(self._on_type)
        self.panel.compounds.keyActivated.connect(self.focus_compound)
        super().__init__(window)

    def _tabify(self, window) -> None:
        """Tabs beside the other feature docks (right) and the attribute table (bottom)."""
        right = Qt.DockWidgetArea.RightDockWidgetArea
        others = [d for d in window.findChildren(QDockWidget) if d not in (self.dock, self.tables_dock)
                  and window.dockWidgetArea(d) == right and d is not getattr(window, "identify_dock", None)]
        if others:
            window.tabifyDockWidget(others[-1], self.dock)
        if getattr(window, "table_dock", None) is not None:
            window.tabifyDockWidget(window.table_dock, self.tables_dock)

    def show_dock(self) -> None:
        for dock in (self.dock, self.tables_dock):
            dock.show()
        self.dock.raise_()

    # -- project wiring -----------------------------------------------------------------
    def attach(self, project) -> None:
        self.listen(project.layers_changed, self._on_layers)
        self.listen(project.layer_updated, lambda *_a: self._on_layers())
        self._on_layers()

    def set_project(self, project) -> None:
        self.clear()
        super().set_project(project)

    def detach(self) -> None:
        super().detach()
        if self.task is not None:
            self.task.cancel()

    def _on_layers(self, *_args) -> None:
        """Offer the compound and facility columns; walking needs a roads layer."""
        project = self.project
        compounds = project.first(Role.COMPOUNDS)
        geometry = {"geometry"}
        comp_cols = [str(c) for c in compounds.attribute_columns()] if compounds is not None else []
        fac_cols = sorted({str(c) for lyr in project.layers_by_role(Role.FACILITIES)
                           for c in lyr.attribute_columns()} - geometry)
        self.panel.set_columns(self.panel.demand, comp_cols,
                               self.tr("Auto: age group, else population or households"))
        self.panel.set_columns(self.panel.supply, fac_cols,
                               self.tr("Auto: capacity field, else preset default"))
        roads = project.first(Role.ROADS)
        self.panel.set_network_available(roads is not None and len(roads) > 0)
        self._on_type(self.panel.type.currentData())

    def _on_type(self, facility_type: str) -> None:
        std = session_for(self.project).standards
        self.panel.set_catchment_default(std.required(facility_type).distance_m)

    # -- running ------------------------------------------------------------------------
    def request(self) -> AccessRequest:
        """The run the dock describes. Raises AnalysisError when an input is missing."""
        from gis.supply.capacity import load_user_capacity
        from gui.app import config_dir

        project = self.project
        compounds = project_compounds(project)
        options = self.panel.options()
        roads = project.first(Role.ROADS) if options["distance"] == "network" else None
        zones = None
        if project.zones is not None:
            from gis.gaps.zones import zone_groups_from_model

            zones = zone_groups_from_model(project.zones)
        return AccessRequest(project, compounds, session_for(project).standards, **options,
                             capacity=load_user_capacity(config_dir()),
                             roads=roads.data if roads is not None else None,
                             entrances=project.first(Role.ENTRANCES), zones=zones)

    def compute(self):
        """Start a run (a running one is cancelled); returns the worker task, or None."""
        try:
            request = self.request()
        except GisError as err:
            self.panel.say(error_text(err), warn=True)
            return None
        if self.task is not None:
            self.task.cancel()
        self._run += 1
        run = self._run
        self.panel.set_busy(True)
        self.panel.say(self.tr("Weighing capacities against demand…"))
        cache = session_for(self.project).cache
        self.task = run_task(self.window, self.tr("Access and capacity"),
                             lambda fb: run_access(request, cache=cache, feedback=translating(fb)),
                             lambda outcome: self._on_done(run, outcome),
                             on_error=lambda err: self._on_error(run, err))
        self.task.signals.cancelled.connect(lambda: self._on_cancelled(run))
        return self.task

    def _on_done(self, run: int, outcome: AccessOutcome) -> None:
        if run != self._run:
            return
        self.task = None
        self.panel.set_busy(False)
        self.outcome = outcome
        session_for(self.project).store("access", outcome)
        self._fill_tables(outcome.result)
        self.map.draw(outcome.result)
        self.tables_dock.show()
        self.tables_dock.raise_()
        self.panel.say(self._summary(outcome))
        language = "zh_CN" if chinese_ui() else "en"
        self.panel.set_notices([n.in_language(language) for n in outcome.result.notices])

    def _on_error(self, run: int, err: BaseException) -> None:
        if run == self._run:
            self.task = None
            self.panel.set_busy(False)
            self.panel.say(error_text(err), warn=True)

    def _on_cancelled(self, run: int) -> None:
        if run == self._run:
            self.task = None
            self.panel.set_busy(False)
            self.panel.say(self.tr("Cancelled; the map shows the previous result, if any."), warn=True)

    def _summary(self, outcome: AccessOutcome) -> str:
        r = outcome.result
        tot = r.totals()
        text = self.tr("Compounds {compounds}, facilities {facilities} ({defaults} with default capacity), "
                       "catchment {metres:,.0f} m: {seconds:.2f} s.").format(
            compounds=count_text(len(r.compounds)), facilities=count_text(tot["facilities"]),
            defaults=count_text(r.capacity.n_default), metres=r.catchment_m, seconds=outcome.seconds)
        if "shortfall" in tot:
            text += " " + plural(self.tr("{n} compounds short of the standard, {total:,.0f} in all."),
                n=count_text(tot["short_compounds"]), total=tot["shortfall"])
        return text

    def open_preset(self):
        """The capacity preset editor (the planner's copy, else the shipped values)."""
        from gis.supply.capacity import load_user_capacity
        from gui.access.preset_dialog import CapacityPresetDialog
        from gui.app import config_dir

        try:
            preset = load_user_capacity(config_dir())
        except GisError as err:
            self.panel.say(error_text(err), warn=True)
            return None
        dialog = CapacityPresetDialog(preset, config_dir(), self.window)
        dialog.open()
        return dialog

    # -- tables -------------------------------------------------------------------------
    def _fill_tables(self, result) -> None:
        p = self.panel
        comp = result.compound_table()
        comp["flag_text"] = [_flag(f) for f in comp["demand_flag"]]
        comp["flag_unknown"] = comp["demand_flag"] == ""
        comp["short"] = comp["shortfall"] > 0 if "shortfall" in comp else False
        standard = result.shortfall is not None
        unit = tr_gis("supply", MEASURE_UNITS[result.capacity.measure])
        p.compounds.set_frame(comp, _with_unit([c for c in p.compound_columns()
                                                if standard or c.key not in ("required", "shortfall")], unit))
        fac = result.facility_table()
        fac["flag_text"] = [_flag(f) for f in fac["capacity_flag"]]
        fac["is_default"] = fac["capacity_flag"] == DEFAULT
        fac["ratio_per_1000"] = fac["ratio"] * 1000.0
        p.facilities.set_frame(fac, _with_unit(p.facility_columns(), unit))
        zones = result.zone_table().set_index("id", drop=False) if result.zones is not None else pd.DataFrame()
        if len(zones) and "shortfall" in zones:
            zones["short"] = zones["shortfall"] > 0
            zones["pooled_text"] = np.where(zones["pooled"], self.tr("yes"), self.tr("no"))
        p.zones.set_frame(zones, _with_unit(p.zone_columns(), unit))

    def focus_compound(self, fid) -> None:
        """Zoom to compound *fid* with its surroundings."""
        layer = self.outcome.request.compounds if self.outcome is not None else None
        if layer is not None and 0 <= int(fid) < len(layer):
            self.window.map.zoom_to_bounds(context_bounds(layer.display_data().iloc[[int(fid)]].total_bounds))

    def clear(self) -> None:
        self.outcome = None
        self.map.clear()
        for table in (self.panel.compounds, self.panel.facilities, self.panel.zones):
            table.set_frame(pd.DataFrame())


def _flag(flag: str) -> str:
    """An entered / estimated / default flag in the UI language ("—" when unknown)."""
    return tr_gis("supply", FLAG_LABELS[flag]) if flag in FLAG_LABELS else "—"


def _with_unit(columns, unit: str) -> list:
    """*columns* whose supply figures name their unit (places, beds, seats, m²) in the header."""
    supply = ("access_per_1000", "received", "required", "shortfall", "capacity", "ratio_per_1000", "supply")
    return [replace(c, header=f"{c.header} ({unit})") if c.key in supply else c for c in columns]
