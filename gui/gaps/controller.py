"""Service gaps: the Gaps menu and dock, runs off the UI thread, map overlays, tables and dialogs.

A run takes the project's compounds, every facility layer (planned facilities included),
the buildings and — in network mode — the first roads layer with the compound gates, and
computes in a worker (gui.worker.run_task: progress and Cancel). The walking network
comes from the life-circle view's cache when that view built it already. Filters, the
highlighted type and the elevator settings redraw without measuring again.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QFileDialog

from gis.analysis.gaps import GapOutcome, GapRequest, elevator_run
from gis.analysis.gaps import run as run_gaps
from gis.analysis.inputs import project_compounds
from gis.analysis.session import session_for
from gis.domain import Role
from gis.errors import AnalysisError, GisError
from gis.gaps.siting import SitingResult
from gis.gaps.zones import ZoneGaps, pool_gaps, zone_groups_from_model
from gis.i18n import QT_TRANSLATE_NOOP
from gis.layer import Layer
from gis.network.cache import ResultCache
from gis.standards import Standards
from gui.actions import fill_menu, make_action
from gui.features import FeatureController
from gui.gaps import rows
from gui.gaps.dock import GapsDock, GapsScroll
from gui.gaps.drawing import GapMap, Scene, context_bounds
from gui.gaps.elevator_panel import CUSTOM, load_presets
from gui.gaps.filters import shown
from gui.gaps.planned import add_planned, planned_ids, planned_layer_of
from gui.gaps.wording import gap_label, notice_text
from gui.i18n import count_words, error_text, translating
from gui.listening import on_gui_thread
from gui.none_guard import protect_none
from gui.worker import run_task


class GapsController(FeatureController):
    """Owns the Gaps menu, dock, overlays and legend, and the ranking and siting dialogs."""

    def __init__(self, window) -> None:
        protect_none()
        self.window = window
        self.outcome: GapOutcome | None = None
        self.zone_gaps: ZoneGaps | None = None
        self.siting: SitingResult | None = None
        self.task = None
        self.stale = False
        self._run = 0
        self._elev_run = 0
        self._inputs: dict[str, int] = {}
        self._zone_model = None
        self._syncing = False
        from gui.app import config_dir

        self.presets, preset_error = load_presets(config_dir())
        settings = window.settings
        self.panel = GapsDock(self.presets, pre_year=settings.pre_year, min_floors=settings.elevator_min_floors)
        self.dock = window.add_dock(self.tr("Service gaps"), GapsScroll(self.panel),
                                    Qt.DockWidgetArea.RightDockWidgetArea)
        self._tabify(window)
        self.tables_dock = window.add_dock(self.tr("Gap tables"), self.panel.tabs,
                                           Qt.DockWidgetArea.BottomDockWidgetArea)
        if getattr(window, "table_dock", None) is not None:
            window.tabifyDockWidget(window.table_dock, self.tables_dock)
        self.map = GapMap(window.map)
        self._redraw_timer = QTimer(window)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.setInterval(120)
        self._redraw_timer.timeout.connect(self.apply_filters)
        self._elev_timer = QTimer(window)
        self._elev_timer.setSingleShot(True)
        self._elev_timer.setInterval(250)
        self._elev_timer.timeout.connect(self.recount_elevators)
        self.ranking_dialog = None
        self.siting_dialog = None
        self._build_menu(window)
        self._wire()
        super().__init__(window)
        if preset_error is not None:
            self.panel.say(error_text(preset_error), warn=True)

    # -- construction -------------------------------------------------------------------
    def _build_menu(self, window) -> None:
        menu = window.menu(self.tr("&Gaps"))
        self.actions = {
            "run": make_action(self.window, self.tr("Analyse service gaps"), self._run_from_menu, "Ctrl+Shift+G"),
            "ranking": make_action(self.window, self.tr("Check-up ranking…"), self.open_ranking),
            "siting": make_action(self.window, self.tr("Suggest sites for new facilities…"), self.open_siting),
            "export": make_action(self.window, self.tr("Export gap table…"), self.export_dialog),
            "clear": make_action(self.window, self.tr("Clear gaps from the map"), self.clear),
        }
        fill_menu(menu, self.actions, ("run", None, "ranking", "siting", None, "export", "clear"))
        self.menu_ = menu
        self._set_result_actions(False)

    def _tabify(self, window) -> None:
        """Share the right-hand area with the other feature docks as tabs."""
        right = Qt.DockWidgetArea.RightDockWidgetArea
        others = [d for d in window.findChildren(QDockWidget) if d is not self.dock and d.isVisibleTo(window)
                  and window.dockWidgetArea(d) == right and d is not getattr(window, "identify_dock", None)]
        if others:
            window.tabifyDockWidget(others[-1], self.dock)

    def _wire(self) -> None:
        p = self.panel
        p.runRequested.connect(self.compute)
        p.filtersChanged.connect(self._redraw_timer.start)
        p.viewChanged.connect(self._redraw_timer.start)
        p.export_button.clicked.connect(self.export_dialog)
        p.ranking_button.clicked.connect(self.open_ranking)
        p.siting_button.clicked.connect(self.open_siting)
        p.compounds.keyActivated.connect(self.focus_compound)
        p.zones.keyActivated.connect(self.focus_zone)
        p.summary.keyActivated.connect(self._on_summary_row)
        p.elevators.paramsChanged.connect(self._on_elevator_params)
        p.elevators.keyActivated.connect(lambda kind, key: self.focus_zone(key) if kind == "zone"
                                         else self.focus_compound(key))

    def _run_from_menu(self) -> None:
        self.show_docks()
        self.compute()

    def show_docks(self) -> None:
        """Bring the gap controls and the gap tables to the front."""
        for dock in (self.dock, self.tables_dock):
            dock.show()
            dock.raise_()

    def _set_result_actions(self, enabled: bool) -> None:
        for key in ("ranking", "siting", "export", "clear"):
            self.actions[key].setEnabled(enabled)
        self.panel.set_result_actions(enabled)

    # -- project wiring -----------------------------------------------------------------
    def attach(self, project) -> None:
        self.listen(project.layers_changed, self._on_layers)
        self.listen(project.layer_updated, self._on_layer_updated)
        self.listen(project.selection_changed, self._on_selection)
        self.listen(project.zones_replaced, self._on_zones_replaced)
        self._restore_settings(project)
        self._on_layers()
        self._on_zones_replaced()

    def set_project(self, project) -> None:
        self.clear()
        super().set_project(project)

    def detach(self) -> None:
        super().detach()
        self._watch_zones(None)
        if self.task is not None:
            self.task.cancel()

    def _restore_settings(self, project) -> None:
        """The project's elevator choices (saved with it), else the app settings' defaults."""
        s = project.settings
        panel = self.panel.elevators
        blocked = panel.blockSignals(True)
        panel.set_rule_key(s.get("subsidy_rule") or next((r.key for r in self.presets.rules if r.checked), None))
        if s.get("elevator_min_floors"):
            panel.min_floors.setValue(int(s["elevator_min_floors"]))
        panel.blockSignals(blocked)

    def _on_layers(self) -> None:
        roads = self.project.first(Role.ROADS)
        self.panel.set_roads(roads.name if roads is not None and len(roads) else None)
        self._check_stale()

    def _on_layer_updated(self, layer) -> None:
        if layer.id in self._inputs:
            self._check_stale()

    def _check_stale(self) -> None:
        if self.outcome is None:
            return
        live = {lyr.id: id(lyr.data) for lyr in self.project.layers}
        facilities = {lyr.id for lyr in self.project.layers_by_role(Role.FACILITIES)}
        changed = any(live.get(i) != d for i, d in self._inputs.items()) or not facilities <= set(self._inputs)
        if changed and not self.stale:
            self.stale = True
            self.panel.say(self.tr("The data changed since this analysis: press Analyse gaps to update it."),
                           warn=True)

    # -- running ------------------------------------------------------------------------
    def standards(self) -> Standards:
        """The planner's standards (their saved copy), else the shipped preset."""
        from gis.standards import load_standards, load_user_standards
        from gui.app import config_dir

        try:
            return load_user_standards(config_dir())
        except GisError as err:
            self.panel.say(error_text(err), warn=True)
            return load_standards()

    def cache(self) -> ResultCache:
        """The project's analysis cache (the life circles' walking network is reused)."""
        return session_for(self.project).cache

    def request(self) -> GapRequest:
        """The run the dock describes. Raises AnalysisError when an input is missing."""
        project = self.project
        compounds = project_compounds(project)
        if not any(len(lyr) for lyr in project.layers_by_role(Role.FACILITIES)):
            raise AnalysisError(QT_TRANSLATE_NOOP("errors", "The project has no facility layer: add one "
                                                  "(File > Add data) with the facilities' points."))
        roads = project.first(Role.ROADS) if self.panel.mode() == "network" else None
        return GapRequest(project=project, compounds=compounds, standards=self.standards(),
                          elevator=self.panel.elevators.params(), roads=roads.data if roads is not None else None,
                          entrances=project.first(Role.ENTRANCES), buildings=project.first(Role.BUILDINGS))

    def compute(self):
        """Start a run (a running one is cancelled); returns the worker task, or None."""
        try:
            request = self.request()
            request.elevator.validate()
        except GisError as err:
            self.panel.say(error_text(err), warn=True)
            return None
        if self.task is not None:
            self.task.cancel()
        self._run += 1
        run = self._run
        inputs = self._input_ids(request)
        self.panel.say(self.tr("Measuring distances…"))
        self.panel.set_busy(True)
        cache = self.cache()
        revision = session_for(self.project).revision  # what the run saw: exports reuse it while current

        def work(fb):
            outcome = run_gaps(request, cache=cache, feedback=translating(fb))
            outcome.revision = revision
            return outcome

        self.task = run_task(self.window, self.tr("Service gaps"), work,
                             lambda outcome: self._on_done(run, outcome, inputs),
                             on_error=lambda err: self._on_error(run, err))
        self.task.signals.cancelled.connect(lambda: self._on_cancelled(run))
        return self.task

    def adopt(self, old: "GapsController") -> None:
        """Show *old*'s current result (the same project, in a window rebuilt in another language)."""
        if old.outcome is None or old.stale or old.task is not None:
            return
        (self.panel.network if old.outcome.gaps.method == "network" else self.panel.straight).setChecked(True)
        self._on_done(self._run, old.outcome, old._inputs)

    def _input_ids(self, request: GapRequest) -> dict[str, int]:
        layers = [request.compounds, request.entrances, request.buildings,
                  *self.project.layers_by_role(Role.FACILITIES)]
        if request.roads is not None:
            layers.append(self.project.first(Role.ROADS))
        return {lyr.id: id(lyr.data) for lyr in layers if lyr is not None}

    def _on_done(self, run: int, outcome: GapOutcome, inputs: dict) -> None:
        if run != self._run:
            return
        self.task = None
        self.panel.set_busy(False)
        self.outcome, self._inputs, self.stale = outcome, inputs, False
        session_for(self.project).store("gaps", outcome)
        self.siting = None
        self._repool()
        self._fill_tables()
        self._set_result_actions(True)
        self.tables_dock.show()
        self.tables_dock.raise_()
        self.apply_filters()
        self.panel.say(self._summary_text(outcome))
        notes = [notice_text(n) for n in outcome.gaps.notices]
        if outcome.elevators is not None:
            notes += [notice_text(n) for n in outcome.elevators.notices]
        self.panel.set_notices(notes)
        self._refresh_dialogs()

    def _refresh_dialogs(self) -> None:
        """Open dialogs follow a new result (the ranking reads gaps and elevators)."""
        if self.ranking_dialog is not None and self.ranking_dialog.isVisible():
            self.ranking_dialog.recompute()
        if self.siting_dialog is not None and self.siting_dialog.isVisible() and self.siting_dialog.result is None:
            self.siting_dialog.refresh(self.siting_dialog.type.currentData())

    def _on_error(self, run: int, err: BaseException) -> None:
        if run != self._run:
            return
        self.task = None
        self.panel.set_busy(False)
        self.panel.say(error_text(err), warn=True)

    def _on_cancelled(self, run: int) -> None:
        if run != self._run:
            return
        self.task = None
        self.panel.set_busy(False)
        self.panel.say(self.tr("Cancelled; the map shows the previous result, if any."), warn=True)

    def _summary_text(self, outcome: GapOutcome) -> str:
        gaps = outcome.gaps
        how = (self.tr("walking along the roads") if gaps.method == "network"
               else self.tr("straight lines from each compound's boundary"))
        facilities = int(np.isin(gaps.facilities.types.astype(str), gaps.types).sum())
        text = self.tr("{compounds}, {facilities}, distances {how}: {seconds:.2f} s.").format(
            compounds=count_words(len(gaps.compounds), self.tr("{n} compounds")),
            facilities=count_words(facilities, self.tr("{n} facilities")),
            how=how, seconds=outcome.seconds)
        if outcome.network is not None:
            text += " " + self.tr("Network {network:.2f} s, distances {gaps:.2f} s.").format(
                network=outcome.timings.get("network", 0.0), gaps=outcome.timings.get("gaps", 0.0))
        if outcome.elevator_error is not None:
            text += " " + error_text(outcome.elevator_error)
        return text

    # -- results in the dock -----------------------------------------------------------
    def _fill_tables(self) -> None:
        gaps = self.outcome.gaps
        labels = {t: gap_label(t, rows.radii_of(gaps, t)) for t in gaps.types}
        self.panel.set_highlight_labels(labels)
        self.panel.summary.set_frame(rows.summary_frame(gaps))
        self._fill_compounds()
        self._fill_zones()
        self._fill_elevators()

    def _fill_compounds(self) -> None:
        gaps, out = self.outcome.gaps, self.outcome
        names = rows.zone_names_of(self.zone_gaps, len(gaps.compounds)) if self.zone_gaps is not None else None
        frame = rows.compound_frame(gaps, elevators=out.elevators, zone_names=names)
        cols = rows.compound_columns(gaps, elevators=out.elevators is not None, zones=names is not None)
        self.panel.compounds.set_frame(frame, cols)
        self.panel.compounds.proxy.set_keep(self._mask())
        self._compound_frame = frame

    def _fill_zones(self) -> None:
        zones, out = self.zone_gaps, self.outcome
        per_zone = None
        if zones is not None and out.elevators is not None:
            per_zone = out.elevators.per_zone(self.project.zones.assignment)
        frame = rows.zone_frame(zones, elevators=per_zone) if zones is not None else pd.DataFrame()
        self.panel.set_zone_table(frame, rows.zone_columns(elevators=per_zone is not None),
                                  has_zones=zones is not None and len(zones) > 0)

    def _fill_elevators(self) -> None:
        self.panel.elevators.show_outcome(self.outcome, self.project.zones if self.zone_gaps is not None else None)

    def _on_summary_row(self, facility_type: str) -> None:
        self.panel.set_highlighted(facility_type)

    # -- elevators -------------------------------------------------------------------------
    def _on_elevator_params(self) -> None:
        panel = self.panel.elevators
        s = self.project.settings
        key = panel.rule_key()
        before = (s.get("subsidy_rule"), s.get("elevator_min_floors"))
        if key and key != CUSTOM:
            s["subsidy_rule"] = key
        else:
            s.pop("subsidy_rule", None)
        s["elevator_min_floors"] = panel.min_floors.value()
        if (s.get("subsidy_rule"), s.get("elevator_min_floors")) != before:
            self.project.mark_dirty()
        self._elev_timer.start()

    def recount_elevators(self):
        """Count elevator needs again with the panel's settings (in the background)."""
        out = self.outcome
        if out is None or out.request.buildings is None:
            return None
        try:
            params = self.panel.elevators.params().validate()
        except GisError as err:
            self.panel.elevators.show_result(None, error=error_text(err))
            return None
        self._elev_run += 1
        run, buildings, gaps = self._elev_run, out.request.buildings, out.gaps
        return run_task(self.window, self.tr("Elevators"), lambda fb: elevator_run(buildings, gaps, params, fb),
                        lambda res: self._elevators_done(run, out, res), show_dialog=False,
                        on_error=lambda err: self.panel.elevators.show_result(None, error=error_text(err)))

    def _elevators_done(self, run: int, outcome: GapOutcome, result) -> None:
        if run != self._elev_run or outcome is not self.outcome:
            return
        outcome.elevators, outcome.elevator_error = result
        self._fill_compounds()
        self._fill_zones()
        self._fill_elevators()
        self.apply_filters()
        if self.ranking_dialog is not None and self.ranking_dialog.isVisible():
            self.ranking_dialog.recompute()

    # -- zones -------------------------------------------------------------------------------
    def _on_zones_replaced(self) -> None:
        self._watch_zones(self.project.zones)
        self._on_zones_changed(None)

    def _watch_zones(self, model) -> None:
        if self._zone_model is not None:
            try:
                self._zone_model.zones_changed.disconnect(self._zones_slot)
            except (ValueError, RuntimeError, AttributeError):
                pass
        self._zone_model = model
        if model is not None:
            self._zones_slot = on_gui_thread(self._on_zones_changed)
            model.zones_changed.connect(self._zones_slot)

    def _on_zones_changed(self, _change) -> None:
        if self.outcome is None:
            return
        self._repool()
        self._fill_compounds()
        self._fill_zones()
        self._fill_elevators()

    def _repool(self) -> None:
        """Pool the gaps per zone of the plan (when the plan is over the analysed compounds)."""
        model = self.project.zones
        self.zone_gaps = None
        if self.outcome is None or model is None or not len(model):
            return
        compounds = self.outcome.request.compounds
        if model.layer_id in (None, compounds.id) and model.n == len(compounds):
            groups, names = zone_groups_from_model(model)
            self.zone_gaps = pool_gaps(self.outcome.gaps, groups, names=names)

    # -- map -----------------------------------------------------------------------------------
    def _mask(self) -> np.ndarray:
        """Compounds the table lists: the filters, and lacking the highlighted type when asked."""
        return shown(self.outcome.gaps, self.panel.filters())

    def apply_filters(self, gaps=None) -> None:
        """Redraw the overlays and legend and filter the compound table.

        The map keeps every compound that passes the year and household filters (the red
        highlight marks those lacking the chosen type); the table can list only those.
        *gaps* (of the same compounds) is drawn in place of the result's: the presentation's "before".
        """
        out = self.outcome
        if out is None:
            return
        gaps = out.gaps if gaps is None else gaps
        self.panel.compounds.proxy.set_keep(self._mask())
        filters = replace(self.panel.filters(), facility_type=None)
        buildings = out.request.buildings
        self.map.draw(Scene(gaps, shown(gaps, filters), out.request.compounds.display_data().geometry,
                            highlight=self.panel.highlighted(), show_count=self.panel.show_count.isChecked(),
                            elevators=out.elevators, show_elevators=self.panel.show_elevators.isChecked(),
                            buildings=buildings.display_data().geometry if buildings is not None else None,
                            siting=self.siting, filtered=filters.active, planned_ids=self.planned_ids()))

    def show_siting(self, result: SitingResult | None) -> None:
        """Preview suggested sites on the map (None removes the preview)."""
        self.siting = result
        self.apply_filters()

    def clear(self) -> None:
        """Remove the result, its overlays, legend and tables."""
        if self.task is not None:
            self.task.cancel()
            self._run += 1
            self.task = None
        self.map.clear()
        self.outcome, self.zone_gaps, self.siting, self._inputs, self.stale = None, None, None, {}, False
        self.panel.set_busy(False)
        for table in (self.panel.summary, self.panel.compounds, self.panel.zones):
            table.set_frame(pd.DataFrame())
        self.panel.elevators.show_result(None)
        self.panel.set_notices([])
        self._set_result_actions(False)
        for dialog in (self.ranking_dialog, self.siting_dialog):
            if dialog is not None:
                dialog.close()
        self.panel.say(self.tr("Press Analyse gaps to find which compounds lack which services."))

    # -- selection ---------------------------------------------------------------------------
    @property
    def compounds(self):
        return self.outcome.request.compounds if self.outcome is not None else self.project.first(Role.COMPOUNDS)

    def focus_compound(self, fid) -> None:
        """Select compound *fid* on the map, zoom to it and show its attributes."""
        self.focus_compounds([int(fid)])
        layer = self.compounds
        if layer is not None and 0 <= int(fid) < len(layer):
            self.window.identify.show_feature(layer, int(fid))

    def focus_compounds(self, fids) -> None:
        """Select compounds *fids* on the map and zoom to them."""
        layer = self.compounds
        if layer is None or all(lyr is not layer for lyr in self.project.layers):
            return
        fids = [int(f) for f in fids if 0 <= int(f) < len(layer)]
        if not fids:
            return
        self._syncing = True
        try:
            if self.window.current_layer() is not layer:
                self.window.layers.select_layer(layer)
            self.project.select(layer.id, fids)
        finally:
            self._syncing = False
        self.zoom_to_compounds(fids)

    def zoom_to_compounds(self, fids) -> None:
        """Show compounds *fids* with their surroundings (without selecting them)."""
        layer = self.compounds
        fids = sorted(int(f) for f in fids)
        if layer is not None and fids:
            self.window.map.zoom_to_bounds(context_bounds(layer.display_data().iloc[fids].total_bounds))

    def focus_zone(self, zone_id) -> None:
        model = self.project.zones
        if model is not None and int(zone_id) in model:
            self.focus_compounds(sorted(model.zone(int(zone_id)).members))

    def _on_selection(self, layer_id: str, fids) -> None:
        layer = self.compounds
        if self._syncing or self.outcome is None or layer is None or layer_id != layer.id:
            return
        self.panel.compounds.select_keys(sorted(fids))

    # -- dialogs and export -------------------------------------------------------------------
    def open_ranking(self):
        if self.outcome is None:
            self.panel.say(self.tr("Analyse the gaps first."), warn=True)
            return None
        from gui.gaps.ranking_dialog import RankingDialog

        if self.ranking_dialog is None:
            self.ranking_dialog = RankingDialog(self)
        self.ranking_dialog.recompute()
        self.ranking_dialog.show()
        self.ranking_dialog.raise_()
        return self.ranking_dialog

    def open_siting(self):
        if self.outcome is None:
            self.panel.say(self.tr("Analyse the gaps first."), warn=True)
            return None
        from gui.gaps.siting_dialog import SitingDialog

        if self.siting_dialog is None:
            self.siting_dialog = SitingDialog(self)
        self.siting_dialog.refresh(self.panel.highlighted())
        self.siting_dialog.show()
        self.siting_dialog.raise_()
        return self.siting_dialog

    def planned_ids(self) -> frozenset[str]:
        return planned_ids(self.project)

    def planned_layer(self) -> Layer | None:
        return planned_layer_of(self.project)

    def accept_sites(self, result: SitingResult) -> Layer:
        """Add *result*'s sites as planned facilities (a layer of them) and analyse the gaps again."""
        layer = add_planned(self.project, result, language=getattr(self.window.settings, "language", "zh_CN"),
                            name=self.tr("Planned facilities"), source=self.tr("planned in the siting dialog"))
        self.siting = None
        self.compute()
        return layer

    def export_dialog(self) -> None:
        if self.outcome is None:
            self.panel.say(self.tr("Analyse the gaps first."), warn=True)
            return
        from pathlib import Path

        start = getattr(self.window.settings, "last_dir", "") or str(Path.home())
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Export the gap table into folder"), start)
        if folder:
            self.export_to(folder)

    def export_to(self, folder):
        """Write gaps.csv, gaps.xlsx and gaps.gpkg into *folder* (in the background)."""
        from gui.gaps.export import write_gap_files

        out, zones = self.outcome, self.zone_gaps
        model = self.project.zones
        language = getattr(self.window.settings, "language", "zh_CN")
        return run_task(self.window, self.tr("Exporting the gap table"),
                        lambda fb: write_gap_files(out, folder, zones=zones, zone_model=model, language=language,
                                                   feedback=fb),
                        lambda paths: self.panel.say(self.tr("Written: {files}").format(
                            files=", ".join(str(p) for p in paths))))
