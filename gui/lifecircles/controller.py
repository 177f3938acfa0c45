"""Life circles: the menu and dock, runs off the UI thread, overlays, the result layer.

A run takes the dock's choices and the standards (the user's copy, else the shipped
preset), computes in a worker (gui.worker.run_task: progress and Cancel) through the
engine cache, and draws one overlay of nested bands per facility type. The legend's
check boxes show or hide types and groups (一老 / 一小) without recomputing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import geopandas as gpd
import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from gis.domain import Role
from gis.errors import AnalysisError, GisError
from gis.analysis.life_circles import LifeCircleOutcome as Outcome
from gis.analysis.life_circles import LifeCircleRequest as Request
from gis.analysis.life_circles import facility_areas
from gis.analysis.session import session_for
from gis.i18n import QT_TRANSLATE_NOOP
from gis.layer import Layer, LayerStyle, SourceInfo
from gis.standards import Standards, load_user_standards
from gui.actions import fill_menu, make_action
from gui.features import FeatureController
from gui.i18n import count_words, error_text, notice_text
from gui.lifecircles.dock import LifeCirclesDock
from gui.lifecircles.legend import MapLegend
from gui.lifecircles.overlays import NETWORK, SELECTED, band_entries, band_name, required_name, selected_frame
from gui.lifecircles.planned_sync import PlannedSync
from gui.lifecircles.preparing import computed, prepared
from gui.lifecircles.standards_dialog import StandardsDialog
from gui.lifecircles.warmup import NetworkWarmup
from gui.lifecircles.wording import band_label, type_label
from gui.worker import run_task


class LifeCirclesController(FeatureController):
    """Owns the Life circles menu, dock, map legend, cache and overlays."""

    def __init__(self, window) -> None:
        self.window = window
        self.outcome: Outcome | None = None
        self.task = None
        self.stale = False
        self._standards: Standards | None = None
        self._run = 0
        self._selection_run = 0
        self._selected_frame = None
        self._frames: dict[str, gpd.GeoDataFrame] = {}
        self._outlines: dict[str, gpd.GeoDataFrame] = {}
        self._outlined = False
        self._shown: set[str] = set()
        self._inputs: dict[str, int] = {}
        self._sent: dict[str, object] = {}  # overlay name -> the frame sent while the run went on
        self._early: set[str] = set()  # types a running run draws as soon as their bands are done
        self.panel = LifeCirclesDock(window)
        self.dock = window.add_dock(self.tr("Life circles"), self.panel, Qt.DockWidgetArea.RightDockWidgetArea)
        self._tabify(window)
        self.map_legend = MapLegend(window.map)
        self.planned = PlannedSync(self)
        self.warmup = NetworkWarmup(self)
        self._build_menu(window)
        self._wire()
        super().__init__(window)
        self.standards()

    # -- construction -------------------------------------------------------------------------
    def _build_menu(self, window) -> None:
        menu = window.menu(self.tr("&Life circles"))
        self.actions = {
            "compute": make_action(self.window, self.tr("Compute service areas"), self._compute_from_menu, "Ctrl+Shift+L"),
            "standards": make_action(self.window, self.tr("Life-circle standards…"), self.edit_standards),
            "network": make_action(self.window, self.tr("Show the walking network"), self._toggle_network_action),
            "add_layer": make_action(self.window, self.tr("Add service areas to the project as a layer"), self.add_layer),
            "clear": make_action(self.window, self.tr("Clear life circles"), self.clear),
        }
        self.actions["network"].setCheckable(True)
        fill_menu(menu, self.actions, ("compute", "standards", None, "network", "add_layer", "clear"))
        self.menu_ = menu

    def _tabify(self, window) -> None:
        """Share the right-hand area with the other feature docks as tabs (the map keeps its width)."""
        right = Qt.DockWidgetArea.RightDockWidgetArea
        others = [d for d in window.findChildren(QDockWidget) if d is not self.dock and d.isVisibleTo(window)
                  and window.dockWidgetArea(d) == right and d is not getattr(window, "identify_dock", None)]
        if others:
            window.tabifyDockWidget(others[-1], self.dock)

    def _wire(self) -> None:
        p = self.panel
        p.options.computeRequested.connect(self.compute)
        p.options.standardsRequested.connect(self.edit_standards)
        p.legend.visibilityChanged.connect(self.refresh_overlays)
        p.required_box.toggled.connect(lambda _on: self.refresh_overlays())
        p.network.showToggled.connect(self._on_network_toggled)
        p.network.pieceActivated.connect(self.zoom_to_piece)
        p.add_layer_button.clicked.connect(self.add_layer)
        p.clear_button.clicked.connect(self.clear)
        o = p.options
        for changed in (o.network.currentIndexChanged, o.facilities.currentIndexChanged, o.snap.valueChanged,
                        o.edge_buffer.valueChanged):  # a network built before Compute, for these choices
            changed.connect(lambda *_: self.warmup.schedule())

    def _compute_from_menu(self) -> None:
        self.dock.show()
        self.dock.raise_()
        self.compute()

    # -- project wiring --------------------------------------------------------------------------
    def attach(self, project) -> None:
        self.listen(project.layers_changed, self._on_layers)
        self.listen(project.layer_updated, self._on_layer_updated)
        self.listen(project.selection_changed, self._on_selection)
        self._on_layers()

    def set_project(self, project) -> None:
        self.clear()
        super().set_project(project)

    def detach(self) -> None:
        super().detach()
        self.warmup.stop()
        self._run += 1  # results of a run still going are dropped
        self._selection_run += 1
        if self.task is not None:
            self.task.cancel()
            self.task = None

    def _on_layers(self) -> None:
        self.panel.options.set_layers(self.project)
        self._check_stale()
        self.planned.sync()
        self.warmup.schedule()

    def _on_layer_updated(self, layer: Layer) -> None:
        if layer.role == Role.ROADS:
            self.warmup.schedule()
        if layer.id in self._inputs:
            self._check_stale()
        else:
            self.planned.sync()

    def _on_selection(self, layer_id: str, fids) -> None:
        if self.outcome is not None and layer_id == self.outcome.request.facilities.id:
            self.show_selected(fids)

    def show_selected(self, fids) -> None:
        """Outline the own service areas of the selected facilities (feature ids of their layer),
        computed in the background through the cache."""
        self._selection_run += 1
        run, outcome = self._selection_run, self.outcome
        rows = np.flatnonzero(np.isin(outcome.rows, sorted(fids))) if outcome is not None and fids else []
        if len(rows) == 0:
            self._draw_selected(run, None)
            return
        cache = self.cache
        run_task(self.window, self.tr("Life circles"),
                 lambda fb: selected_frame(facility_areas(outcome, rows, cache=cache, feedback=fb)),
                 lambda frame: self._draw_selected(run, frame),
                 on_error=lambda err: self._say(error_text(err), warn=True), show_dialog=False)

    def _draw_selected(self, run: int, frame) -> None:
        if run != self._selection_run:
            return
        self.window.map.set_overlay(SELECTED, frame)
        self._selected_frame = frame
        if frame is None:
            self._shown.discard(SELECTED)
        else:
            self._shown.add(SELECTED)

    def _check_stale(self) -> None:
        """Tell the user when the facilities or roads changed after the shown result."""
        if self.outcome is None:
            return
        live = {lyr.id: id(lyr.data) for lyr in self.project.layers}
        stale = any(live.get(lid) != data for lid, data in self._inputs.items())
        if stale and not self.stale:
            self.stale = True
            self._say(self.tr("The facilities or roads changed since these areas were computed: "
                              "press Compute to update them."), warn=True)

    # -- standards ----------------------------------------------------------------------------------
    def standards(self) -> Standards:
        """The user's standards (their saved copy, else the shipped preset), loaded on first use."""
        if self._standards is None:
            from gui.app import config_dir

            try:
                self._standards = load_user_standards(config_dir())
            except GisError as err:
                from gis.standards import load_standards

                self._say(error_text(err), warn=True)
                self._standards = load_standards()
            self.panel.options.set_timed(self._standards.time_mode.enabled)
            self.panel.options.set_standards(self._standards)
        return self._standards

    def edit_standards(self) -> StandardsDialog:
        """Open the standards dialog (not modal for the map); Save applies and recomputes."""
        from gui.app import config_dir

        dialog = StandardsDialog(self.standards(), config_dir(), self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self.set_standards)
        dialog.open()
        self.dialog = dialog
        return dialog

    def set_standards(self, standards: Standards) -> None:
        """Use *standards* from now on; a shown result is recomputed with them."""
        self._standards = standards
        self.panel.options.set_timed(standards.time_mode.enabled)
        self.panel.options.set_standards(standards)
        if self.outcome is not None:
            self.compute()

    # -- running ------------------------------------------------------------------------------------
    @property
    def cache(self):
        """The project's analysis cache (shared with the gap analysis)."""
        return session_for(self.project).cache

    def request(self, mode: str | None = None) -> Request:
        """The run the dock describes (in *mode*, else the dock's). Raises AnalysisError when an
        input is missing."""
        options = self.panel.options
        mode = mode or options.mode
        layer_id = options.facilities_id()
        if layer_id is None:
            raise AnalysisError(QT_TRANSLATE_NOOP("errors", "The project has no facility layer: add one "
                                                  "(File > Add data) with the facilities' points."))
        facilities = self.project.layer(layer_id)
        standards = options.standards_for_run(self.standards())
        base = dict(facilities=facilities, standards=standards, mode=mode,
                    edge_buffer_m=options.edge_buffer.value(), snap_tolerance_m=options.snap.value())
        if mode == "buffer":
            return Request(**base)
        kind, value = options.network_choice()
        if kind == "layer":
            return Request(**base, roads=self.project.layer(value).data)
        if kind == "osm" and value:
            return Request(**base, osm_path=value)
        raise AnalysisError(QT_TRANSLATE_NOOP("errors", "Network mode needs a walking network: add a road "
                                              "layer to the project or choose an OSM file (.osm, .pbf)."))

    def compute(self):
        """Start a run (a running one is cancelled); returns the worker task, or None."""
        try:
            request = self.request()
        except GisError as err:
            self._say(error_text(err), warn=True)
            return None
        if self.task is not None:
            self.task.cancel()
        self._run += 1
        run = self._run
        inputs = {request.facilities.id: id(request.facilities.data)}
        kind, value = self.panel.options.network_choice()
        if request.mode == "network" and kind == "layer":
            inputs[value] = id(request.roads)
        self._say(self.tr("Computing service areas…"))
        self.panel.options.compute_button.setEnabled(False)
        cache, label = self.cache, self.piece_label()
        request = replace(request, first=self._first_types(request.standards))
        self._sent, self._early = {}, set()
        self.task = run_task(self.window, self.tr("Life circles"), lambda fb: computed(request, cache, fb, label),
                             lambda done: self._on_done(run, done, inputs),
                             on_error=lambda err: self._on_error(run, err),
                             on_partial=lambda kind, value: self._on_part(run, kind, value))
        self.task.signals.cancelled.connect(lambda: self._on_cancelled(run))
        return self.task

    def _first_types(self, standards: Standards) -> tuple[str, ...]:
        """The order the engine draws the types in: the shown ones first, then the legend's order."""
        shown = self.panel.legend.remembered()
        order = [t.value for g in standards.groups for t in g.types]
        return tuple(sorted(order, key=lambda t: t not in shown))

    def _on_part(self, run: int, kind: str, value) -> None:
        """A part of a running run: its types (which of them the legend will show), or one type's
        overlays, drawn now when it is shown (the rest wait for the run's end)."""
        if run != self._run:
            return
        if kind == "types":
            self._early = self.panel.legend.first_visible(value, self.standards())
            return
        ftype, fills, outlines = value
        name = band_name(ftype)
        if ftype in self._early and name in fills:
            frame = (outlines if len(self._early) > 1 else fills)[name]
            self.window.map.set_overlay(name, frame)
            self._sent[name] = frame
            self._shown.add(name)
            self._say(self.tr("Computing service areas… {type} drawn.").format(type=type_label(ftype)))

    def adopt(self, old: "LifeCirclesController") -> None:
        """Show *old*'s current result (the same project, in a window rebuilt in another language)."""
        if old.outcome is None or old.stale or old.task is not None:
            return
        self.panel.options.set_mode(old.outcome.request.mode)
        self._on_done(self._run, prepared(old.outcome, self.piece_label()), old._inputs)

    def piece_label(self) -> str:
        """The label of a network piece on the map (``{piece}``, ``{edges}``)."""
        return self.tr("Piece {piece} ({edges} edges)")

    def _on_done(self, run: int, done: tuple, inputs: dict) -> None:
        if run != self._run:
            return
        outcome, frames, outlines = done
        self.task = None
        self.panel.options.compute_button.setEnabled(True)
        self.outcome, self._inputs, self.stale = outcome, inputs, False
        session_for(self.project).store("life_circles", outcome)
        self._draw(outcome, frames, outlines)
        self.planned.reset()
        self.planned.sync()
        self._say(self._summary(outcome))
        notes = [notice_text(n) for n in outcome.notices]
        self.panel.notices.setText("\n".join(notes))
        self.panel.notices.setVisible(bool(notes))

    def _on_error(self, run: int, err: BaseException) -> None:
        if run != self._run:
            return
        self.task = None
        self.panel.options.compute_button.setEnabled(True)
        self._undo_early()
        self._say(error_text(err), warn=True)

    def _on_cancelled(self, run: int) -> None:
        if run != self._run:
            return
        self.task = None
        self.panel.options.compute_button.setEnabled(True)
        self._undo_early()
        self._say(self.tr("Cancelled; the map shows the previous result, if any."), warn=True)

    def _undo_early(self) -> None:
        """A run that did not finish: the bands it drew early make way for the previous result's."""
        for name in self._sent:
            before = (self._outlines if self._outlined and name in self._outlines else self._frames).get(name)
            self.window.map.set_overlay(name, before)
            if before is None:
                self._shown.discard(name)
        self._sent, self._early = {}, set()

    def _say(self, text: str, *, warn: bool = False) -> None:
        self.panel.status.setText(text)
        self.panel.status.setStyleSheet("color: #b71c1c;" if warn else "")

    def _summary(self, outcome: Outcome) -> str:
        sec = outcome.result.seconds
        mode = self.tr("along the walking network") if outcome.request.mode == "network" else self.tr(
            "straight-line buffers")
        types = len(set(outcome.facilities.types))
        text = self.tr("{facilities} of {types}, {mode}: {seconds:.2f} s.").format(
            facilities=count_words(len(outcome.facilities), self.tr("{n} facilities")),
            types=count_words(types, self.tr("{n} types")), mode=mode, seconds=outcome.seconds)
        if outcome.from_cache:
            text += " " + self.tr("Inputs unchanged: the stored result was reused.")
        elif outcome.request.mode == "network":
            text += " " + self.tr("Distances {d:.2f} s, polygons {p:.2f} s.").format(
                d=sec.get("distances", 0.0), p=sec.get("polygons", 0.0))
        return text

    # -- drawing -------------------------------------------------------------------------------------
    def _draw(self, outcome: Outcome, frames: dict, outlines: dict) -> None:
        std = outcome.request.standards
        self._frames, self._outlines = dict(frames), outlines  # outlines: drawn when several types are on
        self._outlined = len(self._early) > 1 and bool(self._sent)
        for name in list(self._shown):  # the bands drawn while the run went on stay
            if self._sent.get(name) is None or self._sent[name] is not (outlines if self._outlined else frames).get(name):
                self.window.map.set_overlay(name, None)
                self._shown.discard(name)
        self._sent = {}
        self._entries = band_entries(outcome.result, std)
        self.panel.legend.set_entries(self._entries, std, self._counts())  # emits visibilityChanged -> overlays
        self.panel.network.set_network(outcome.network)
        self.actions["network"].setEnabled(outcome.network is not None)
        self.show_selected(self.project.selection(outcome.request.facilities.id))
        self.panel.add_layer_button.setEnabled(True)
        self.panel.clear_button.setEnabled(True)

    def _counts(self) -> Counter:
        """Facilities per type in the shown bands (planned sites included)."""
        return Counter(str(t) for t in self.outcome.facilities.types) + Counter(
            t for t, _ in self.planned.known.values())

    def show_planned(self, result, frames: dict, seconds: float) -> None:
        """Swap in the result with the planned sites drawn in: *frames* type -> (fill overlay,
        outline overlay, patch), only the redrawn types; the page gets only the rings that changed."""
        self.outcome = replace(self.outcome, result=result)
        for ftype, (fill, outline, patch) in frames.items():
            name = band_name(ftype)
            outlined = self._outlined and name in self._outlines
            base = (self._outlines if outlined else self._frames).get(name)
            self._frames[name], self._outlines[name] = fill, outline
            if name in self._shown:
                self.window.map.patch_overlay(name, outline if outlined else fill, patch, base)
        session_for(self.project).store("life_circles", self.outcome)
        self._entries = band_entries(result, self.outcome.request.standards)
        self.panel.legend.set_entries(self._entries, self.outcome.request.standards, self._counts())
        self._say(self.tr("Planned sites drawn in: {types} redrawn in {seconds:.2f} s.").format(
            types="、".join(type_label(t) for t in sorted(frames)), seconds=seconds))

    def title(self) -> str:
        return self.tr("Life circles")

    def report_error(self, err: BaseException) -> None:
        self._say(error_text(err), warn=True)

    def refresh_overlays(self) -> None:
        """Send or drop overlays so the map matches the legend's and the dock's check boxes."""
        if self.outcome is None:
            return
        visible = self.panel.legend.visible_types()
        self._set_outlined(len(visible) > 1)
        want = {band_name(t) for t in visible}
        if self.panel.required_box.isChecked():
            want |= {required_name(t) for t in visible}
        if self.panel.network.show_box.isChecked():
            want.add(NETWORK)
        want &= set(self._frames)
        shown = self._shown - {SELECTED}
        for name in sorted(shown - want):
            self.window.map.set_overlay(name, None)
        added = sorted(want - shown, key=lambda n: (n == NETWORK, n.startswith(required_name("")), n))
        if added and NETWORK in shown and NETWORK not in added:  # the network stays on top
            self.window.map.set_overlay(NETWORK, None)
            added.append(NETWORK)
        for name in added:  # bands, then required outlines, then the network
            frames = self._outlines if self._outlined and name in self._outlines else self._frames
            self.window.map.set_overlay(name, frames[name])
        self._shown = want | (self._shown & {SELECTED})
        if added and SELECTED in self._shown:  # keep the selected facilities' outlines on top
            self.window.map.set_overlay(SELECTED, self._selected_frame)
        self._update_map_legend(visible)

    def _set_outlined(self, outlined: bool) -> None:
        """Switch the bands between fills (one type) and outlines (several): drawn bands are redrawn."""
        if outlined == self._outlined:
            return
        self._outlined = outlined
        for name in [n for n in self._shown if n in self._outlines]:
            self.window.map.set_overlay(name, None)
            self._shown.discard(name)

    def _update_map_legend(self, visible: set[str]) -> None:
        outcome = self.outcome
        title = (self.tr("Life circles · walking network") if outcome.request.mode == "network"
                 else self.tr("Life circles · straight line"))
        self.map_legend.show_bands(title, self._entries, visible, outcome.request.standards,
                                   required=self.panel.required_box.isChecked(), outlined=self._outlined)

    def shown_overlays(self) -> set[str]:
        """Names of the life-circle overlays on the map now."""
        return set(self._shown)

    def _on_network_toggled(self, on: bool) -> None:
        self.actions["network"].setChecked(on)
        self.refresh_overlays()

    def _toggle_network_action(self) -> None:
        self.panel.network.show_box.setChecked(self.actions["network"].isChecked())

    def zoom_to_piece(self, piece: int) -> None:
        frame = self._frames.get(NETWORK)
        if frame is None or self.outcome is None:
            return
        pieces = np.unique(self.outcome.network.components.edge_label)
        row = int(np.searchsorted(pieces, piece))
        minx, miny, maxx, maxy = frame.geometry.values[row].bounds
        pad = 0.001
        self.window.map.zoom_to_bounds((minx - pad, miny - pad, maxx + pad, maxy + pad))

    def clear(self) -> None:
        """Remove the result, its overlays and the map legend."""
        if self.task is not None:
            self.task.cancel()
            self._run += 1
            self.task = None
        for name in list(self._shown):
            self.window.map.set_overlay(name, None)
        self._shown.clear()
        self._selection_run += 1
        self._selected_frame = None
        self.planned.reset()
        self._frames, self._outlines, self._outlined = {}, {}, False
        self._sent, self._early = {}, set()
        self.outcome, self._inputs, self.stale = None, {}, False
        self.panel.legend.clear_entries()
        self.panel.network.set_network(None)
        self.panel.notices.hide()
        self.panel.add_layer_button.setEnabled(False)
        self.panel.clear_button.setEnabled(False)
        self.panel.options.compute_button.setEnabled(True)
        self.map_legend.hide()
        self._say(self.tr("Choose the facilities and press Compute."))

    # -- result layer -------------------------------------------------------------------------------------
    def add_layer(self) -> Layer | None:
        """Add the shown bands to the project (Role.SERVICE_AREAS): saved and exported with it."""
        outcome = self.outcome
        if outcome is None:
            self._say(self.tr("Compute service areas first."), warn=True)
            return None
        std, bands = outcome.request.standards, outcome.result.bands
        data = gpd.GeoDataFrame({
            "type": bands["type"].to_numpy(),
            "type_name": [type_label(t) for t in bands["type"]],
            "group": bands["group"].to_numpy(),
            "ring": bands["ring"].to_numpy(),
            "inner_m": bands["inner_m"].to_numpy(),
            "outer_m": bands["outer_m"].to_numpy(),
            "area_m2": bands["area_m2"].round(1).to_numpy(),
            "mode": outcome.request.mode,
            "label": [f"{type_label(t)} · {band_label(std, int(r), float(i), float(o))}"
                      for t, r, i, o in zip(bands["type"], bands["ring"], bands["inner_m"], bands["outer_m"])],
        }, geometry=bands.geometry.values, crs=bands.crs)
        mode = self.tr("network") if outcome.request.mode == "network" else self.tr("buffer")
        layer = Layer(self.tr("Life circles ({mode})").format(mode=mode), Role.SERVICE_AREAS, data,
                      style=LayerStyle(fill_opacity=0.3, weight=0.8, by_field="label", method="categorized"),
                      source=SourceInfo(driver=self.tr("computed")))
        self.project.add_layer(layer)
        self._say(self.tr("Added the layer “{name}”: it is saved and exported with the project.").format(
            name=layer.name))
        return layer

