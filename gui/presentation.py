"""Presentation mode for meetings: the map full screen, zone by zone, with a summary card.

``PresentationMode(main_window).start()`` moves the window's map into a full-screen
window with large labels, tours the zones (→ / Space / PageDown next, ← / PageUp
previous, Home the whole plan, B before/after, Esc ends) and shows a card per zone:
compounds, households, services missing, elevators and the elevator estimate. "Before"
hides the layers of planned facilities and shows the gaps without them; "after" shows
both. Figures come from :mod:`gis.export.summary`, computed off the UI thread when not
given. ``stop()`` puts the map back and restores labels, visibility and the unsaved flag.
"""

from __future__ import annotations

from dataclasses import replace

import geopandas as gpd
import pandas as pd
import shapely
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from gis.crs import WGS84
from gis.domain import FieldRole, Role
from gis.analysis.facilities import has_planned, planned_rows
from gis.analysis.gaps import run as run_gaps
from gis.analysis.session import session_for
from gis.analysis.outputs import PlanOutputs, collect_outputs
from gis.export.summary import ZoneSummary, plan_summary, zone_summaries
from gis.wording import facility_term
from gui.gaps.wording import yuan
from gui.i18n import count_words, plural
from gui.map.floating import FloatingPanel
from gui.presentation_bar import ControlBar
from gui.presentation_gaps import GapColours
from gui.none_guard import protect_none

FOCUS_OVERLAY = "presentation:focus"
PLANNED_OVERLAY = "presentation:planned"  # planned sites above every label while "after" is shown
PLANNED_RADIUS = 11
ALARM, CALM, TEXT, QUIET = "#b2182b", "#1b7837", "#1a1a1a", "#555555"  # missing / all in reach / facts / waiting
LABEL_PX = 24
LEGEND_SCALE = 1.6  # the map's legends, readable from the back of a meeting room
ZONE_MAX_ZOOM = 18  # a small zone is shown with its street, not blown up to the maximum zoom
CARD_TOP = 80  # the card sits top-left, below the zoom buttons, and the fits keep clear of it
CARD_MAX_WIDTH = 500  # wider cards wrap their lines: the plan keeps the width
CARD_SHARE = 0.55  # of a narrow screen at most, so that the fits keep clear of the card (gui.map.view: 40 % left)
FIT_PAD = 0.02  # of the fitted extent on each side (the page adds 20 px): the district fills the screen
CARD_CSS = """
QFrame#card { background: rgba(255, 255, 255, 235); border: 1px solid #999; border-radius: 8px; }
QLabel { color: #1a1a1a; font-size: 20px; }
QLabel#title { font-size: 32px; font-weight: bold; }
QLabel#state { color: #555; font-size: 16px; }
QLabel#pooling { color: #444; font-size: 18px; }
"""


class SummaryCard(QFrame):
    """The figures of one zone (or of the whole plan) in large type."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setStyleSheet(CARD_CSS)
        box = QVBoxLayout(self)
        box.setContentsMargins(22, 16, 22, 16)
        self.title = QLabel(objectName="title")
        self.lines = {k: QLabel() for k in ("compounds", "households", "missing", "elevators", "estimate")}
        self.lines["missing"].setObjectName("missing")
        self.pooling = QLabel(objectName="pooling")
        self.pooling.setWordWrap(True)
        self.state = QLabel(objectName="state")
        box.addWidget(self.title)
        self.lines["missing"].setWordWrap(True)
        for label in self.lines.values():
            box.addWidget(label)
        box.addWidget(self.pooling)
        box.addWidget(self.state)
        self.setMaximumWidth(CARD_MAX_WIDTH)

    def adjustSize(self) -> None:  # noqa: N802 (Qt override)
        """The size hint's width, capped, and the height its wrapped lines need at that width; a line
        wider than the cap (long English money: "CNY 8.4 million") wraps at the cap instead of being cut."""
        margins = self.layout().contentsMargins()
        room = self.maximumWidth() - margins.left() - margins.right()
        wide = False
        for key, label in self.lines.items():
            if key != "missing":
                label.setWordWrap(False)
                label.setWordWrap(label.sizeHint().width() > room)
                wide |= label.wordWrap()
        super().adjustSize()
        width = self.maximumWidth() if wide else self.width()
        self.resize(width, max(self.height(), self.layout().totalHeightForWidth(width)))

    def show_summary(self, summary: ZoneSummary | None, *, before: bool, position: str, pending: bool) -> None:
        if summary is None:
            self.title.setText(self.tr("No renovation zones yet"))
            for label in self.lines.values():
                label.clear()
            self.pooling.clear()
            self.state.setText(position)
            return
        self.title.setText(summary.name)
        self.lines["compounds"].setText(self.tr("Compounds: {n}").format(n=f"{summary.compounds:,}"))
        hh = "—" if summary.households is None else f"{summary.households:,.0f}"
        self.lines["households"].setText(self.tr("Households: {n}").format(n=hh))
        text, colour = self._missing_text(summary, before=before, pending=pending)
        self.lines["missing"].setText(text)
        self.lines["missing"].setStyleSheet(f"color: {colour};")
        self.pooling.setText(self._pooling_text(summary, before=before, pending=pending))
        self.pooling.setVisible(bool(self.pooling.text()))
        buildings = ("—" if summary.elevator_buildings is None else
                     count_words(summary.elevator_buildings, self.tr("{n} buildings")))
        self.lines["elevators"].setText(self.tr("Elevators to add: {e} in {buildings}").format(
            e="—" if summary.elevators is None else f"{summary.elevators:,}", buildings=buildings))
        self.lines["estimate"].setText(self.tr("Elevator estimate: {cost}, subsidy {subsidy}").format(
            cost=yuan(summary.cost), subsidy=yuan(summary.subsidy)))
        state = self.tr("Before the plan") if before else self.tr("After the plan")
        self.state.setText(f"{position}    {state}")
        self.adjustSize()

    def show_lines(self, title: str, lines: list[str], state: str) -> None:
        """A card of free lines (the programme year by year)."""
        self.title.setText(title)
        for label, text in zip(self.lines.values(), lines + [""] * len(self.lines)):
            label.setText(text)
            label.setStyleSheet("")
            label.setWordWrap(True)
        self.state.setText(state)
        self.adjustSize()

    def _missing_text(self, summary: ZoneSummary, *, before: bool, pending: bool) -> tuple[str, str]:
        """The gaps line and its colour: red only for services really missing, green when all are in reach."""
        if summary.zone_id is None:
            return count_words(summary.extra.get("zones", 0), self.tr("{n} zones")), TEXT
        if pending:
            return self.tr("Gaps: computing…"), QUIET
        if not summary.gaps_known:
            return self.tr("Gaps: not available (no facilities layer)"), QUIET
        missing = summary.missing(before=before)
        if not missing:
            return self.tr("Gaps: none — every service within reach"), CALM
        return self.tr("Gaps: {names}").format(names="、".join(facility_term(t) for t in missing)), ALARM


    def _pooling_text(self, summary: ZoneSummary, *, before: bool, pending: bool) -> str:
        """Why a zone can have no gaps while compounds in it lack services (the zone is counted as a
        whole), and the compound-by-compound counts of *before* or after the plan."""
        if pending or not summary.gaps_known:
            return ""
        parts = [] if summary.zone_id is None else [self.tr(
            "Counted for the zone as a whole: a service is in reach when any of its compounds reaches it.")]
        if summary.lacking(before=before):
            parts.append(plural(self.tr("Counted compound by compound, a service is missing in {n} of its {total} compounds."),
                                n=f"{summary.lacking(before=before):,}", total=f"{summary.compounds:,}"))
            parts.append(count_words(summary.gaps_counted(before=before), self.tr("{n} services missing in all.")))
        return " ".join(parts)


class PresentationWindow(QWidget):
    """Full-screen host of the map with the card and the control bar floating above it."""

    closing = Signal()
    resized = Signal()

    def __init__(self, mode: "PresentationMode") -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Presentation"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.card = SummaryCard(self)
        self.bar = ControlBar(self, mode)
        bar = self.bar  # its buttons, as the mode and the tests reach them
        self.prev_button, self.next_button, self.position = bar.prev_button, bar.next_button, bar.position
        self.before_button, self.years_button, self.exit_button = bar.before_button, bar.years_button, bar.exit_button
        keys = {mode.next: ("Right", "Space", "PgDown"), mode.previous: ("Left", "PgUp", "Backspace"),
                mode.overview: ("Home",), mode.toggle_before_after: ("B",), mode.stop: ("Esc",),
                mode.toggle_by_year: ("Y",)}
        self.shortcuts = []
        for slot, names in keys.items():
            for name in names:
                sc = QShortcut(QKeySequence(name), self)
                sc.setContext(Qt.ShortcutContext.WindowShortcut)
                sc.activated.connect(slot)
                self.shortcuts.append(sc)

    def host(self, view: QWidget) -> None:
        self._layout.addWidget(view)
        self.card.raise_()
        self.bar.raise_()

    def place(self) -> None:
        """Card top-left below the zoom buttons (the legends below it), bar centred at the bottom."""
        self.card.setMaximumWidth(min(CARD_MAX_WIDTH, int(self.width() * CARD_SHARE) - 12))
        self.card.adjustSize()
        self.card.move(12, CARD_TOP)
        self.bar.fit(self.width())
        self.bar.move((self.width() - self.bar.width()) // 2, self.height() - self.bar.height() - 24)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.place()
        self.resized.emit()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.closing.emit()
        super().closeEvent(event)


class PresentationMode(QObject):
    """Runs one presentation over a main window's map and project.

    Parameters
    ----------
    window : MainWindow
        Its ``map`` (a MapView) is borrowed while presenting.
    after, before : PlanOutputs, optional, keyword-only
        Analysis results with and without planned facilities (computed when None).
    seed : PlanOutputs, optional, keyword-only
        Results already computed elsewhere (the gaps panel's) to start from.
    """

    zoneShown = Signal(int)  # index into summaries; -1 = the whole plan
    finished = Signal()

    def __init__(self, window, *, after: PlanOutputs | None = None, before: PlanOutputs | None = None,
                 seed: PlanOutputs | None = None) -> None:
        super().__init__(window)
        protect_none()
        self.window = window
        self.project = window.project
        self.view = None
        self.screen: PresentationWindow | None = None
        self.index = -1
        self.before = False
        self.summaries: list[ZoneSummary] = []
        self._after, self._before = after, before
        self._seed = seed
        self._pending = after is None
        self._saved: dict = {}
        self.tour = None  # gui.programme.present.YearTour while stepping through the years
        self._fitted = None  # (geometry, max zoom, clear) of the last fit: again when the screen or card resize
        self.gap_colours = GapColours(window)  # the map's gap colours and legend, before or after

    # -- life cycle -----------------------------------------------------------------
    @property
    def active(self) -> bool:
        return self.screen is not None

    def start(self) -> None:
        """Go full screen with the map and show the whole plan."""
        if self.active:
            return
        self._saved = {"dirty": self.project.dirty, "labels": {}, "visible": {}}
        self.view = self.window.takeCentralWidget()
        self.screen = PresentationWindow(self)
        self.screen.closing.connect(self.stop)
        self.screen.resized.connect(self._refit)
        self.screen.host(self.view)
        self.view.show()
        self._big_labels()
        self._arrange_legends(True)
        self._show_planned()
        self._refresh_summaries()
        self._show_gaps()
        if self._pending:
            self._compute()
        self.screen.showFullScreen()
        self.screen.activateWindow()
        self.overview()

    def stop(self) -> None:
        """Leave: the map goes back into the main window as it was."""
        if not self.active:
            return
        self.set_by_year(False)
        screen, self.screen = self.screen, None
        self.set_before(False)
        self.gap_colours.restore()
        self.view.set_overlay(FOCUS_OVERLAY, None)
        self.view.set_overlay(PLANNED_OVERLAY, None)
        self.view.set_label_size(getattr(self.window.settings, "label_size", 12))
        self._arrange_legends(False)
        for layer, field in self._saved["labels"].items():
            layer.style.label_field = field
            self.project.update_layer(layer)
        self.window.setCentralWidget(self.view)
        self.view.show()
        self.project.mark_dirty(self._saved["dirty"])
        screen.closing.disconnect(self.stop)
        screen.resized.disconnect(self._refit)
        screen.close()
        screen.deleteLater()
        self.finished.emit()

    # -- navigation -----------------------------------------------------------------
    def next(self) -> None:
        if self.tour is not None:
            self.tour.next()
        elif self.summaries:
            self.show(min(self.index + 1, len(self.summaries) - 1))

    def previous(self) -> None:
        if self.tour is not None:
            self.tour.previous()
        elif self.index <= 0:
            self.overview()
        else:
            self.show(self.index - 1)

    def overview(self) -> None:
        """The whole plan: every zone in view, the plan's totals on the card."""
        self.index = -1
        if self.active:
            self.view.set_overlay(FOCUS_OVERLAY, None)
        self._update_card()
        if self.active:
            self._zoom_to(self._plan_outline())
        self.zoneShown.emit(-1)

    def show(self, index: int) -> None:
        """Zone *index* (0-based, in zone id order): zoom to it, outline it, show its card."""
        if not self.summaries:
            return
        self.index = max(0, min(index, len(self.summaries) - 1))
        summary = self.summaries[self.index]
        outline = self.project.zones.outline(summary.zone_id)
        if self.active:
            focus = gpd.GeoDataFrame({"stroke": ["#111111"], "fill": [summary.colour], "fillOpacity": [0.0],
                                      "weight": [6.0]}, geometry=[outline], crs=self.project.crs)
            self.view.set_overlay(FOCUS_OVERLAY, focus)
        self._update_card()
        if self.active:
            self._zoom_to(outline, ZONE_MAX_ZOOM)
        self.zoneShown.emit(self.index)

    def toggle_by_year(self) -> None:
        self.set_by_year(self.tour is None)

    def set_by_year(self, on: bool) -> None:
        """Step through the programme's years (→ next year) instead of the zones."""
        from gui.programme.present import YearTour

        if bool(on) == (self.tour is not None) or not self.active:
            return
        if on:
            self.tour = YearTour.of(self)
            if self.tour is None:
                self.screen.bar.set_position(self.tr("Plan the programme first (Plan menu)."))
            else:
                self.view.set_overlay(FOCUS_OVERLAY, None)
                self.tour.show(0)
                self._place_legends()  # the programme's legend shows bottom-left
                self._lift_legends()
                self._zoom_to(self._plan_outline())
        else:
            self.tour.stop()
            self.tour = None
            self._place_legends()
            self.overview()
        self.screen.years_button.blockSignals(True)
        self.screen.years_button.setChecked(self.tour is not None)
        self.screen.years_button.blockSignals(False)

    def show_card_lines(self, title: str, lines: list[str], position: str) -> None:
        if self.screen is not None:
            self.screen.card.show_lines(title, lines, position)
            self.screen.bar.set_position(position)
            self.screen.place()
            self._lift_legends()

    def toggle_before_after(self) -> None:
        self.set_before(not self.before)

    def set_before(self, before: bool) -> None:
        """Before: planned facilities hidden and gaps without them; after: both shown."""
        before = bool(before)
        if before == self.before:
            return
        self.before = before
        for layer in self._planned_layers():
            if before:
                self._saved["visible"].setdefault(layer.id, layer.visible)
                layer.visible = False
            else:
                layer.visible = self._saved["visible"].pop(layer.id, True)
            self.project.update_layer(layer)
        if self.screen is not None:
            self._show_planned()
            self.screen.before_button.blockSignals(True)
            self.screen.before_button.setChecked(before)
            self.screen.before_button.blockSignals(False)
        self._show_gaps()
        self._update_card()
        self._keep_clear()

    # -- internals ------------------------------------------------------------------
    def _planned_layers(self):
        return [lyr for lyr in self.project.layers_by_role(Role.FACILITIES)
                if len(lyr) and planned_rows(lyr).all()]

    def _big_labels(self) -> None:
        """Large labels, and compound names shown even where the map had none."""
        self.view.set_label_size(LABEL_PX)
        compounds = self.project.first(Role.COMPOUNDS)
        name = compounds.fields.get(FieldRole.NAME) if compounds is not None else None
        if compounds is not None and compounds.style.label_field is None and name:
            self._saved["labels"][compounds] = None
            compounds.style.label_field = name
            self.project.update_layer(compounds)

    def _show_planned(self) -> None:
        """The planned sites large and above the labels ("after"), or not at all ("before")."""
        layers = [] if self.before else self._planned_layers()
        if not layers:
            self.view.set_overlay(PLANNED_OVERLAY, None)
            return
        frames = [gpd.GeoDataFrame(geometry=lyr.data.geometry.values, crs=lyr.data.crs).to_crs(WGS84).assign(
                  fill=lyr.style.fill, stroke="#ffffff", fillOpacity=1.0, weight=3.0, radius=PLANNED_RADIUS)
                  for lyr in layers]
        self.view.set_overlay(PLANNED_OVERLAY, pd.concat(frames, ignore_index=True), top=True)

    def _show_gaps(self) -> None:
        """The map's gap colours and legend of the state shown: without the planned sites ("before") or with."""
        shown = self._before if self.before and self._before is not None else self._after
        stage = self.tr("Before the plan") if self.before else self.tr("After the plan")
        if self.active and shown is not None and self.gap_colours.show(shown.gaps, stage):
            focus = self.view.overlays.get(FOCUS_OVERLAY)
            if focus is not None:  # the zone's outline above the colours drawn anew
                self.view.set_overlay(FOCUS_OVERLAY, focus)

    def _arrange_legends(self, presenting: bool) -> None:
        """Legends larger (and placed by :meth:`_place_legends`), or as they were when not *presenting*."""
        corners = self._saved.setdefault("corners", {})
        for panel in self.view.findChildren(FloatingPanel):
            if not presenting:
                panel.CORNER = corners.pop(panel, panel.CORNER)
                panel.__dict__.pop("BOTTOM_CLEARANCE", None)  # the class's again
            panel.set_scale(LEGEND_SCALE if presenting else 1.0)
        if presenting:
            self._place_legends()

    def _place_legends(self) -> None:
        """Bottom-right legends go bottom-left, under the card, while no legend of that corner shows
        (the programme's, by year): the plan gets the width (a district is about square, a screen wide)."""
        corners = self._saved["corners"]
        panels = self.view.findChildren(FloatingPanel)
        taken = any(p.isVisible() and p.CORNER == "bottom-left" and p not in corners for p in panels)
        for panel in panels:
            if taken and panel in corners:
                panel.CORNER = corners.pop(panel)
            elif not taken and panel.CORNER == "bottom-right":
                corners[panel], panel.CORNER = panel.CORNER, "bottom-left"
            else:
                continue
            panel.place()

    def _lift_legends(self) -> None:
        """Legends above the control bar where they share its columns (a narrow screen)."""
        bar = self.screen.bar
        for panel in self.view.findChildren(FloatingPanel):
            over = panel.x() < bar.x() + bar.width() and bar.x() < panel.x() + panel.width()
            lift = self.screen.height() - bar.y() + 6 if over else type(panel).BOTTOM_CLEARANCE
            if panel.isVisible() and panel.BOTTOM_CLEARANCE != lift:
                panel.BOTTOM_CLEARANCE = lift
                panel.place()

    def _compute(self) -> None:
        from gui.worker import run_task

        project, planned = self.project, has_planned(self.project)
        seed = replace(self._seed) if self._seed is not None else None
        latest = session_for(project).latest("gaps") if seed is not None else None
        asked = latest.request if latest is not None and latest.gaps is seed.gaps else None

        def work(feedback):
            after = collect_outputs(project, steps=("zones", "gaps", "elevators"), given=seed,
                                    feedback=feedback.sub(0, 0.6))
            before = None
            if planned:  # measured as the planner's run was (walking or straight), without the planned sites
                given = None if asked is None else PlanOutputs(gaps=run_gaps(
                    replace(asked, planned=False), cache=session_for(project).cache,
                    feedback=feedback.sub(0.6, 0.9)).gaps)
                before = collect_outputs(project, steps=("gaps",), planned=False, given=given,
                                         feedback=feedback.sub(0.9, 1.0))
            if before is not None:
                before.zone_stats = after.zone_stats
            return after, before

        run_task(self.window, self.tr("Preparing the presentation"), work, self._computed, show_dialog=False)

    def _computed(self, result) -> None:
        self._after, self._before = result
        self._pending = False
        self._refresh_summaries()
        self._show_gaps()
        self._update_card()
        self._keep_clear()

    def _refresh_summaries(self) -> None:
        if self._after is not None:
            self.summaries = zone_summaries(self.project, after=self._after, before=self._before)
        elif self.project.zones is not None:
            empty = PlanOutputs()
            self.summaries = zone_summaries(self.project, after=empty)
        else:
            self.summaries = []

    def _update_card(self) -> None:
        if self.screen is None:
            return
        if self.tour is not None and self.tour.index >= 0:  # stepping through the years: the year's card stays
            self.show_card_lines(*self.tour.card(self.tour.years[self.tour.index]))
            return
        count = len(self.summaries)
        if self.index < 0:
            title = self.tr("Renovation plan")
            summary = plan_summary(self.project, self.summaries, title=title) if count else None
            position = self.tr("Overview")
        else:
            summary = self.summaries[self.index]
            position = self.tr("Zone {k} of {n}").format(k=self.index + 1, n=count)
        self.screen.card.show_summary(summary, before=self.before, position=position, pending=self._pending)
        self.screen.bar.set_position(position)
        self.screen.place()
        self._lift_legends()

    def _plan_outline(self):
        """The whole district: every zone and every compound (in the project's CRS), None without zones."""
        model = self.project.zones
        if model is None or not len(model):
            return None
        shapes = [model.outline(z) for z in model.zones]
        compounds = self.project.first(Role.COMPOUNDS)
        if compounds is not None and len(compounds):
            extent = gpd.GeoSeries([shapely.box(*compounds.data.total_bounds)], crs=compounds.data.crs)
            shapes.append(extent.to_crs(self.project.crs).iloc[0])
        return shapely.union_all(shapes)

    def _keep_clear(self) -> None:
        """Fit again when the card changed size since the last fit (figures came, before/after)."""
        if self.active and self._fitted is not None and self._fitted[2] != self._clear():
            self._refit()

    def _refit(self) -> None:
        """The screen changed size (going full screen, another projector): fit what is shown again."""
        if self.active and self._fitted is not None:
            self._zoom_to(*self._fitted[:2])

    def _zoom_to(self, geom, max_zoom: int | None = None) -> None:
        """Fit *geom* clear of the card, the legends and the bar, again while the screen is still resizing."""
        self._fitted = (geom, max_zoom, self._clear())
        if geom is None:
            self.view.zoom_to_project()
            return
        bounds = gpd.GeoSeries([geom], crs=self.project.crs).to_crs(WGS84).total_bounds
        pad_x, pad_y = (bounds[2] - bounds[0]) * FIT_PAD, (bounds[3] - bounds[1]) * FIT_PAD
        self.view.zoom_to_bounds((bounds[0] - pad_x, bounds[1] - pad_y, bounds[2] + pad_x, bounds[3] + pad_y),
                                 max_zoom=max_zoom, hold=3.0, clear=self._fitted[2])

    def _clear(self) -> tuple[int, int, int]:
        """Pixels kept free on the left (the card, left legends), right (right legends) and bottom (the bar)."""
        card, bar, width = self.screen.card, self.screen.bar, self.view.width()
        panels = [p for p in self.view.findChildren(FloatingPanel) if p.isVisible()]
        left = max([card.x() + card.width()] + [p.x() + p.width() for p in panels if p.CORNER.endswith("left")])
        right = max([width - p.x() for p in panels if p.CORNER.endswith("right")], default=0)
        return left, right, self.screen.height() - bar.y()
