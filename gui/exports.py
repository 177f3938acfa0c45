"""Outputs in the main window: File ▸ Export…, File ▸ Map layout…, View ▸ Presentation mode.

A feature controller (gui/features.py): it builds the menu entries and starts the dialogs
and the presentation (layouts print the overlays the map view holds: gui/layout/overlays.py).
"""

from __future__ import annotations

from gui.actions import make_action
from gui.features import FeatureController


class ExportsController(FeatureController):
    """Export dialog, layout dialog and presentation mode for one main window."""

    def __init__(self, window) -> None:
        self.window = window
        self.presentation = None
        self.export_action = make_action(self.window, self.tr("&Export…"), self.open_export, "Ctrl+E")
        self.layout_action = make_action(self.window, self.tr("Map &layout (PDF/PNG)…"), self.open_layout, "Ctrl+P")
        self.present_action = make_action(self.window, self.tr("&Presentation mode"), self.start_presentation, "F5")
        menu = window.file_menu
        quit_action = menu.actions()[-1] if menu.actions() else None
        for act in (self.export_action, self.layout_action):
            menu.insertAction(quit_action, act)
        menu.insertSeparator(quit_action)
        window.view_menu.addSeparator()
        window.view_menu.addAction(self.present_action)
        super().__init__(window)

    def known_outputs(self):
        """The project session's latest gap and elevator results and the plan window's edited
        programme (each when up to date), so exports and the presentation use the planner's own
        settings and edits instead of recomputing with defaults."""
        from gis.analysis.session import session_for
        from gis.analysis.outputs import PlanOutputs

        session = session_for(self.project)
        outcome = session.latest("gaps")
        plan = session.latest("programme")
        programme = plan.programme if plan is not None and not session.is_stale("programme") else None
        if outcome is None or session.is_stale("gaps"):
            return PlanOutputs(programme=programme) if programme is not None else None
        elevators = outcome.elevators
        return PlanOutputs(gaps=outcome.gaps, elevators=elevators, programme=programme,
                           subsidy_rule=elevators.params.rule if elevators is not None else None)

    def carry_settings(self) -> None:
        """The window's build-year cut-off and elevator floors reach exports through the project's
        settings (a project that has its own keeps them)."""
        settings = self.window.settings
        self.project.settings.setdefault("pre_year", settings.pre_year)
        self.project.settings.setdefault("elevator_min_floors", settings.elevator_min_floors)

    def open_export(self):
        from gui.export_dialog import ExportDialog

        self.carry_settings()
        dialog = ExportDialog(self.window, outputs=self.known_outputs())
        dialog.open()
        return dialog

    def open_layout(self):
        from gui.layout.dialog import LayoutDialog

        self.carry_settings()
        dialog = LayoutDialog(self.window)
        dialog.open()
        return dialog

    def start_presentation(self):
        from gui.presentation import PresentationMode

        if self.presentation is not None and self.presentation.active:
            return self.presentation
        self.carry_settings()
        self.presentation = PresentationMode(self.window, seed=self.known_outputs())
        self.presentation.start()
        return self.presentation

    def detach(self) -> None:
        if self.presentation is not None and self.presentation.active:
            self.presentation.stop()
        super().detach()
