"""The renovation programme in the window: the Plan menu (改造计划), its dock and tables, the
map coloured by programme year with the reserve marked, and the planner's undoable edits.

A run (gis.analysis.programme through the project's session) computes off the UI thread
with progress and Cancel; it reuses the gap and elevator results the gaps dock holds when
they are up to date, and re-applies the edits kept in the project. Each edit (an item
ticked, a pin, the years and budget, consent counts, a catalogue) is made on the programme,
checked (a refused schedule is undone and explained), pushed on the window's undo stack,
kept in the project's settings (saved with it) and redrawn.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QMessageBox

from gis.analysis.programme import ProgrammeRequest, default_years, store_state
from gis.analysis.session import session_for
from gis.domain import Role
from gis.errors import GisError
from gis.programme.schedule import YearPlan
from gis.programme.state import SETTINGS_KEY, saved_years
from gui.actions import fill_menu, make_action
from gui.features import FeatureController
from gui.gaps.dock import GapsScroll
from gui.gaps.legend import Entry
from gui.i18n import error_text, plural, translating
from gui.programme import commands, overlays, rows
from gui.programme.consent_edits import ConsentEdits
from gui.programme.dock import PlanPanel, PlanTables
from gui.programme.legend import PlanLegend
from gui.programme.wording import item_label, notice_text, refusal_text, wan_text
from gui.worker import run_task


class ProgrammeController(ConsentEdits, FeatureController):
    """Owns the Plan menu, the plan dock and tables, the year overlays and the legend."""

    def __init__(self, window) -> None:
        self.window = window
        self.outcome = None
        self.programme = None
        self.task = None
        self._run = 0
        self._own_stack: QUndoStack | None = None
        self.panel = PlanPanel()
        self.tables = PlanTables()
        self.dock = window.add_dock(self.tr("Renovation programme"), GapsScroll(self.panel),
                                    Qt.DockWidgetArea.RightDockWidgetArea)
        self.tables_dock = window.add_dock(self.tr("Programme tables"), self.tables,
                                           Qt.DockWidgetArea.BottomDockWidgetArea)
        self._tabify(window)
        self.legend = PlanLegend(window.map)
        self._build_menu(window)
        self._wire()
        super().__init__(window)

    # -- construction -------------------------------------------------------------------
    def _build_menu(self, window) -> None:
        menu = window.menu(self.tr("&Plan"))
        self.actions = {
            "run": make_action(window, self.tr("Plan the programme"), self._run_from_menu, "Ctrl+Shift+P"),
            "consent": make_action(window, self.tr("Import consent table…"), self.import_consent_dialog),
            "catalogue": make_action(window, self.tr("Load catalogue…"), self.load_catalogue_dialog),
            "edit_catalogue": make_action(window, self.tr("Edit catalogue…"), self.edit_catalogue),
            "workbook": make_action(window, self.tr("Export programme workbook…"), self.export_dialog),
            "proposal": make_action(window, self.tr("Zone proposal (A3)…"), self.open_proposal),
            "clear": make_action(window, self.tr("Clear the programme from the map"), self.clear_map),
        }
        fill_menu(menu, self.actions, ("run", None, "consent", "catalogue", "edit_catalogue", None, "workbook",
                                       "proposal", None, "clear"))
        self.menu_ = menu
        self._set_result_actions(False)

    def _tabify(self, window) -> None:
        from PySide6.QtWidgets import QDockWidget

        for dock, area in ((self.dock, Qt.DockWidgetArea.RightDockWidgetArea),
                           (self.tables_dock, Qt.DockWidgetArea.BottomDockWidgetArea)):
            others = [d for d in window.findChildren(QDockWidget) if d is not dock and d is not self.dock
                      and d is not self.tables_dock and window.dockWidgetArea(d) == area
                      and d is not getattr(window, "identify_dock", None)]
            if others:
                window.tabifyDockWidget(others[-1], dock)

    def _wire(self) -> None:
        p, t = self.panel, self.tables
        p.runRequested.connect(self.compute)
        p.yearsRequested.connect(self.set_years)
        p.consent_button.clicked.connect(self.import_consent_dialog)
        p.catalogue_button.clicked.connect(self.load_catalogue_dialog)
        p.edit_catalogue_button.clicked.connect(self.edit_catalogue)
        p.workbook_button.clicked.connect(self.export_dialog)
        p.proposal_button.clicked.connect(self.open_proposal)
        t.zones.keyActivated.connect(lambda z: self.show_items("zone", int(z)))
        t.compounds.keyActivated.connect(lambda f: self.show_items("compound", int(f)))
        t.contents.toggled.connect(self.toggle)
        t.contents.pinRequested.connect(self.pin_shown)
        t.contents.consentRequested.connect(self.type_consent)
        t.contents.vote.voteRequested.connect(self.type_vote)
        p.consent_switch.toggled.connect(self.require_consent)

    def _set_result_actions(self, enabled: bool) -> None:
        for key in ("consent", "catalogue", "edit_catalogue", "workbook", "proposal", "clear"):
            self.actions[key].setEnabled(enabled)
        self.panel.set_result_actions(enabled)

    def _run_from_menu(self) -> None:
        self.show_docks()
        self.compute()

    def show_docks(self) -> None:
        for dock in (self.dock, self.tables_dock):
            dock.show()
            dock.raise_()

    # -- project wiring -----------------------------------------------------------------
    def attach(self, project) -> None:
        self.listen(project.zones_replaced, self._on_inputs_changed)
        self.listen(project.layers_changed, self._on_inputs_changed)
        state = project.settings.get(SETTINGS_KEY)
        saved = saved_years(state) if state else None
        years = saved.years if saved else default_years()
        self.panel.set_years(tuple(years), *((saved.budget, saved.households, saved.compounds) if saved else (None,)))
        self.panel.say(self.tr("Press Plan the programme to propose contents, costs and years."))

    def set_project(self, project) -> None:
        """Another project: the previous programme leaves the map, the tables and the menu."""
        self._drop()
        self.clear_map()
        self.panel.show_empty()
        self.tables.show_empty()
        self._set_result_actions(False)
        super().set_project(project)

    def detach(self) -> None:
        super().detach()
        if self.task is not None:
            self.task.cancel()

    def _on_inputs_changed(self, *_args) -> None:
        if self.programme is not None and session_for(self.project).is_stale("programme"):
            self.panel.say(self.tr("The zones or layers changed: press Plan the programme to plan them again "
                                   "(your edits are kept)."), warn=True)

    @property
    def stack(self) -> QUndoStack:
        """The window's undo stack (zone editing's), else one of the plan's own."""
        for feature in getattr(self.window, "features", ()):
            if isinstance(getattr(feature, "stack", None), QUndoStack):
                return feature.stack
        if self._own_stack is None:
            self._own_stack = QUndoStack(self.window)
        return self._own_stack

    # -- running ------------------------------------------------------------------------
    def request(self) -> ProgrammeRequest:
        """The run the dock describes: its years, budget and targets, the programme's catalogue,
        the gap and elevator results of the gaps dock when they are up to date."""
        first, last = self.panel.first.value(), self.panel.last.value()
        budget, households, compounds = self.panel.limits()
        catalogue = self.programme.catalogue if self.programme is not None else None
        return ProgrammeRequest(self.project, catalogue=catalogue, years=tuple(range(first, last + 1)),
                                budget_per_year=budget, households_per_year=households,
                                compounds_per_year=compounds, outputs=self._known_outputs())

    def _known_outputs(self):
        from gis.analysis.outputs import PlanOutputs

        session = session_for(self.project)
        gaps = session.latest("gaps")
        if gaps is None or session.is_stale("gaps"):
            return None
        return PlanOutputs(gaps=gaps.gaps, elevators=gaps.elevators)

    def compute(self):
        """Plan the project (a running plan is cancelled); returns the worker task or None."""
        if self.project.first(Role.COMPOUNDS) is None:
            self.panel.say(self.tr("Load a compounds layer first (File > Add data)."), warn=True)
            return None
        if self.panel.first.value() > self.panel.last.value():
            self.panel.say(self.tr("The first year comes after the last one."), warn=True)
            return None
        if self.programme is not None:
            store_state(self.project, self.programme)
        if self.task is not None:
            self.task.cancel()
        self._run += 1
        run, request, session = self._run, self.request(), session_for(self.project)
        self.panel.set_busy(True)
        self.panel.say(self.tr("Planning…"))
        self.task = run_task(self.window, self.tr("Renovation programme"),
                             lambda fb: session.compute("programme", request, feedback=translating(fb)),
                             lambda outcome: self._on_done(run, outcome), on_error=lambda e: self._on_error(run, e))
        self.task.signals.cancelled.connect(lambda: self._on_error(run, None))
        return self.task

    def _on_done(self, run: int, outcome) -> None:
        if run != self._run:
            return
        self.task = None
        self.panel.set_busy(False)
        session_for(self.project).store("programme", outcome)
        self._drop()
        self.outcome, self.programme = outcome, outcome.programme
        self.programme.changed.connect(self._on_changed)
        self._set_result_actions(True)
        plan = self.programme.years
        self.panel.set_years(plan.years, plan.budget, plan.households, plan.compounds)
        self.panel.say(self.tr("Planned in {seconds:.2f} s: compounds {compounds}, zones {zones}.").format(
            compounds=len(self.programme.facts), zones=self.programme.facts.n_zones, seconds=outcome.seconds))
        self.tables_dock.show()
        self.tables_dock.raise_()
        self.refresh()

    def _on_error(self, run: int, err) -> None:
        if run != self._run:
            return
        self.task = None
        self.panel.set_busy(False)
        self.panel.say(error_text(err) if err is not None else self.tr("Cancelled."), warn=True)

    def _drop(self) -> None:
        if self.programme is not None:
            self.programme.changed.disconnect(self._on_changed)
        self.programme = self.outcome = None

    # -- showing ------------------------------------------------------------------------
    def _on_changed(self) -> None:
        """After every edit (and undo/redo): keep the edits in the project, redraw."""
        store_state(self.project, self.programme)
        self.project.mark_dirty()
        self.refresh()

    def refresh(self) -> None:
        prog = self.programme
        if prog is None:
            return
        try:
            result = prog.result()
        except GisError as err:  # an undo/redo into a state the schedule refuses (rare)
            self.panel.say(error_text(err), warn=True)
            return
        self.panel.show_programme(prog)
        notes = [notice_text(n) for n in (self.outcome.notices if self.outcome else [])]
        self.panel.set_notices(list(dict.fromkeys(notes + [notice_text(n) for n in result.notices])))
        self.tables.show_programme(prog)
        if self.tables.contents.kind is not None:
            self.show_items(self.tables.contents.kind, self.tables.contents.owner)
        self.draw()

    def show_items(self, kind: str, owner: int) -> None:
        """List the items of compound fid / zone position *owner* in the contents panel."""
        prog = self.programme
        if prog is None:
            return
        facts = prog.facts
        if kind == "zone":
            title = self.tr("Zone {name}: {cost}").format(name=facts.zone_names[owner],
                                                         cost=wan_text(prog.result().zone_cost[owner]))
            self.tables.contents.set_pin_choices(prog.years.years, dict(prog.years.pins).get(owner))
        else:
            title = self.tr("Compound {name} ({id}): {cost}").format(
                name=facts.names[owner], id=facts.ids[owner],
                cost=wan_text(prog.result().costs.compound_cost()[owner]))
            self.tables.contents.vote.show_compound(owner, prog.consent, facts.lifts)
        self.tables.contents.show_rows(kind, owner, title, rows.item_rows(prog, kind, owner), prog.catalogue)

    def draw(self) -> None:
        """The programme's overlays and legend on the map."""
        prog, layer = self.programme, self.project.first(Role.COMPOUNDS)
        if prog is None or layer is None or len(layer) != len(prog.facts):
            self.clear_map()
            return
        result = prog.result()
        shown = overlays.frames(result, layer.display_data().geometry, self.words())
        for name in overlays.ALL:
            self.window.map.set_overlay(name, shown[name])
        self.legend.set_entries(self.legend_title(), self.legend_sections(result))

    def legend_title(self) -> str:
        return self.tr("Renovation programme by year")

    def words(self) -> overlays.Words:
        return overlays.Words(self.tr("{year}"), self.tr("no room in the years' budget"),
                              self.tr("Reserve (储备库): waiting for consent"))

    def legend_sections(self, result, upto: int | None = None) -> list:
        years = result.schedule.plan.years
        rows_ = []
        for y in years:
            if upto is not None and y > upto:
                continue
            n = int((result.compound_year == y).sum())
            if not n:
                continue
            rows_.append(Entry(plural(self.tr("{year} · {n} compounds · {cost}"),
                year=y, n=n, cost=wan_text(result.schedule.spend[years.index(y)])),
                overlays.year_colour(years, y), overlays.STROKE, overlays.OPACITY))
        if upto is None and len(result.schedule.unscheduled):
            rows_.append(Entry(self.tr("No room in the years' budget"), overlays.WAITING, overlays.STROKE,
                               overlays.OPACITY))
        reserve = [Entry(plural(self.tr("Reserve (储备库) · {n} compounds"), n=len(result.reserve)),
                         overlays.RESERVE_RED, overlays.RESERVE_RED, 0.12, shape="dashed")] if len(result.reserve) else []
        return [("", rows_), ("", reserve)]

    def clear_map(self) -> None:
        for name in overlays.ALL:
            self.window.map.set_overlay(name, None)
        self.legend.set_entries("", [])

    # -- edits ------------------------------------------------------------------------------
    def _alive(self):
        return self.programme

    def _push(self, command) -> bool:
        """Check the edit *command* made (the schedule may refuse it: then it is undone and
        explained), then put it on the undo stack."""
        try:
            self.programme.result()
        except GisError as err:
            command.undo()
            QMessageBox.warning(self.window, self.tr("Renovation programme"), error_text(err))
            return False
        self.stack.push(command)
        return True

    def toggle(self, key: str, on: bool) -> bool:
        """Tick item *key* on/off for the compound or zone the contents panel shows."""
        prog, panel = self.programme, self.tables.contents
        if prog is None or panel.kind is None:
            return False
        item = prog.catalogue.item(key)
        name = item_label(item)
        if panel.kind == "zone" and not item.per_zone:
            lines = [r for r in rows.item_rows(prog, "zone", panel.owner) if r.key == key][0].lines
            edit = prog.contents.set_lines(list(lines), on=on)
        else:
            edit = prog.toggle(panel.kind, panel.owner, key, on)
        text = (self.tr("Tick {item} on") if on else self.tr("Tick {item} off")).format(item=name)
        return self._push(commands.lines_command(text, prog, edit, self._alive))

    def pin_shown(self, year) -> bool:
        """Pin the zone the contents panel shows to *year* (None: by priority)."""
        prog, panel = self.programme, self.tables.contents
        if prog is None or panel.kind != "zone":
            return False
        before = prog.pin(panel.owner, year)
        text = self.tr("Pin {zone} to {year}").format(zone=prog.facts.zone_names[panel.owner], year=year or "—")
        return self._push(commands.years_command(text, prog, before, self._alive))

    def set_years(self, first: int, last: int, budget, households=None, compounds=None) -> bool:
        """Plan over *first*–*last* under *budget* yuan a year (None: spread evenly) and at most
        *households* and *compounds* a year (None: no target)."""
        prog = self.programme
        if prog is None:
            return False
        if first > last:
            QMessageBox.warning(self.window, self.tr("Renovation programme"),
                                self.tr("The first year comes after the last one."))
            return False
        years = tuple(range(first, last + 1))
        try:
            plan = YearPlan(years, budget, households, compounds, prog.years.pins)
        except GisError as err:
            QMessageBox.warning(self.window, self.tr("Renovation programme"), error_text(err))
            return False
        before = prog.set_years(plan)
        text = self.tr("Years {first}–{last}, budget {budget}").format(
            first=first, last=last, budget=wan_text(budget) if budget else "—")
        return self._push(commands.years_command(text, prog, before, self._alive))

    def use_catalogue(self, catalogue) -> bool:
        prog = self.programme
        try:
            before = prog.set_catalogue(catalogue)
        except GisError as err:
            QMessageBox.warning(self.window, self.tr("Renovation programme"), refusal_text(err, prog.catalogue))
            return False
        return self._push(commands.catalogue_command(self.tr("Load catalogue"), prog, before, self._alive))

    # -- files --------------------------------------------------------------------------------
    def _folder(self) -> str:
        return getattr(self.window.settings, "last_dir", "") or str(Path.home())

    def import_consent_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import consent table"), self._folder(),
                                              self.tr("Tables (*.csv *.xlsx *.xls)"))
        if path:
            self.import_consent(path)

    def import_consent(self, path):
        """Read the consent table at *path* (in the background) and use it."""
        from gis.programme import read_consent

        prog = self.programme
        if prog is None:
            return None
        facts = prog.facts
        lifts = facts.lifts.ids if facts.lifts is not None else None
        return run_task(self.window, self.tr("Import consent table"),
                        lambda _fb: read_consent(path, facts.ids, threshold=prog.consent.threshold,
                                                 building_ids=lifts, names=facts.names),
                        lambda read: self.use_consent(read) if prog is self.programme else None,
                        on_error=lambda err: QMessageBox.warning(self.window, self.tr("Renovation programme"),
                                                                 error_text(err)))

    def load_catalogue_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Load catalogue"), self._folder(),
                                              self.tr("Catalogue (*.json)"))
        if path:
            self.load_catalogue(path)

    def load_catalogue(self, path) -> bool:
        """Price the programme with the catalogue at *path*; a refusal (unknown unit, negative
        cost, shares not adding up to 100 %, an item in use missing) is shown, nothing changes."""
        from gis.programme import load_catalogue

        if self.programme is None:
            return False
        try:
            catalogue = load_catalogue(path)
        except GisError as err:
            QMessageBox.warning(self.window, self.tr("Load catalogue"), refusal_text(err, self.programme.catalogue))
            return False
        return self.use_catalogue(catalogue)

    def edit_catalogue(self):
        from gui.programme.catalogue_dialog import CatalogueDialog

        if self.programme is None:
            return None
        dialog = CatalogueDialog(self)
        dialog.open()
        return dialog

    def export_dialog(self) -> None:
        if self.programme is None:
            return
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export programme workbook"),
                                              str(Path(self._folder()) / "plan.xlsx"), self.tr("Excel (*.xlsx)"))
        if path:
            self.export_to(path)

    def export_to(self, path):
        """Write the programme workbook (改造内容 … 储备库) to *path* in the background."""
        from gis.export.programme_excel import write_programme

        prog, language = self.programme, getattr(self.window.settings, "language", "zh_CN")
        notices = list(self.outcome.notices) if self.outcome is not None else []
        return run_task(self.window, self.tr("Export programme workbook"),
                        lambda _fb: write_programme(prog, path, language=language, notices=notices),
                        lambda _r: self.panel.say(self.tr("Written: {path}").format(path=path)))

    def open_proposal(self):
        from gui.programme.proposal_dialog import ProposalDialog

        if self.programme is None:
            return None
        zone = self.tables.contents.owner if self.tables.contents.kind == "zone" else None
        dialog = ProposalDialog(self.window, self.programme, zone=zone)
        dialog.open()
        return dialog

