"""File menu for projects: New, Open, Open recent, Save, Save As, and asking before losing work."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from gis import project_file
from gis.opening import open_any
from gis.project import Project
from gui.actions import make_action
from gui.features import FeatureController
from gui.i18n import error_text, notice_text
from gui.save_queue import SaveQueue
from gui.worker import run_task


class ProjectController(FeatureController):
    """Owns the project half of the File menu and the unsaved-changes question."""

    def __init__(self, window) -> None:
        self.window = window
        menu = window.file_menu
        first = menu.actions()[0] if menu.actions() else None
        self.actions = {
            "new": make_action(self.window, self.tr("&New project"), self.new_project, QKeySequence.StandardKey.New),
            "open": make_action(self.window, self.tr("&Open…"), self.open_dialog, QKeySequence.StandardKey.Open),
            "demo": make_action(self.window, self.tr("Open the demo district"), self.open_demo),
            "save": make_action(self.window, self.tr("&Save"), self.save, QKeySequence.StandardKey.Save),
            "save_as": make_action(self.window, self.tr("Save &As…"), self.save_as, QKeySequence("Ctrl+Shift+S")),
        }
        self.recent_menu = menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        for key in ("new", "open", "demo"):
            menu.insertAction(first, self.actions[key])
        menu.insertMenu(first, self.recent_menu)
        menu.insertSeparator(first)
        for key in ("save", "save_as"):
            menu.insertAction(first, self.actions[key])
        menu.insertSeparator(first)
        window.close_guards.append(self.confirm_discard)
        self._asking = False
        self.notice_box: QMessageBox | None = None  # what the last opened file lacked
        self.saves = SaveQueue(window, self._with_view)
        self.saves.saved.connect(self._saved)
        self.saves.failed.connect(self._save_failed)
        super().__init__(window)

    # -- unsaved changes --------------------------------------------------------------
    def confirm_discard(self) -> bool:
        """True when it is fine to drop the current project (saved, or the user said so).

        A running save is waited for first (its progress stays on screen), never aborted.
        """
        if self._asking:
            return False  # a second close while the first one waits or asks
        self._asking = True
        try:
            self.saves.wait()
            if not self.project.dirty:
                return True
            answer = QMessageBox.question(
                self.window, self.tr("Unsaved changes"),
                self.tr("The project has unsaved changes. Save them first?"),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
            if answer == QMessageBox.StandardButton.Save:
                return self.save(blocking=True)
            return answer == QMessageBox.StandardButton.Discard
        finally:
            self._asking = False

    # -- opening ------------------------------------------------------------------------
    def new_project(self) -> None:
        if self.confirm_discard():
            self.window.set_project(Project())

    def open_demo(self) -> None:
        if self.confirm_discard():
            from gis.demo import load_demo_project

            run_task(self.window, self.tr("Opening the demo district"), lambda fb: load_demo_project(fb),
                     self._opened)

    def open_dialog(self) -> None:
        if not self.confirm_discard():
            return
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open project"), self.window.settings.last_dir,
            self.tr("Projects (*.gpkg);;All files (*)"))
        if path:
            self.open_path(path)

    def open_path(self, path: str) -> None:
        """Open a project file (or any data file as a new project) in the background."""
        from gui.importing.controller import ask_in_window, crs_memory

        self.window.settings.last_dir = str(Path(path).parent)
        asked, memory = [], crs_memory()  # a data file whose CRS must be chosen: the import dialog asks
        run_task(self.window, self.tr("Opening {name}").format(name=Path(path).name),
                 lambda fb: open_any(path, feedback=fb, ask=asked, memory=memory),
                 lambda p: (self._opened(p, path), ask_in_window(self.window, asked)))

    def _opened(self, project: Project, path: str | None = None) -> None:
        if path is not None and project.path:
            self.window.settings.remember_file(str(path))
        self.window.set_project(project)
        view = project.view or {}
        if view.get("center") and view.get("zoom") is not None:
            self.window.map.set_view(view["center"], view["zoom"])
        if project.notices:
            self._show_notices(project)

    def _show_notices(self, project: Project) -> None:
        """What could not be restored from a file another program changed."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Opened with problems"), self.tr(
            "{path} was changed by another program. What could be read is open; this could not "
            "be restored:").format(path=project.path), parent=self.window)
        box.setInformativeText("\n".join(f"• {notice_text(n)}" for n in project.notices))
        box.open()
        self.notice_box = box

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.window.settings.recent_files:
            act = self.recent_menu.addAction(path)
            act.triggered.connect(lambda _=False, p=path: self.confirm_discard() and self.open_path(p))
        self.recent_menu.setEnabled(bool(self.window.settings.recent_files))

    # -- saving ---------------------------------------------------------------------------
    def save(self, *, blocking: bool = False) -> bool:
        """Save to the project's file (Save As when it has none); *blocking* waits for it."""
        path = self.saves.target(self.project) or self.project.path
        if not path or not project_file.is_project(path) and Path(path).exists():
            return self.save_as(blocking=blocking)
        return self._save_to(path, blocking=blocking)

    def save_as(self, *, blocking: bool = False) -> bool:
        start = self.project.path or str(Path(self.window.settings.last_dir or ".") / "改造规划.gpkg")
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save project as"), start,
                                              self.tr("Projects (*.gpkg)"))
        if not path:
            return False
        if not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        return self._save_to(path, blocking=blocking)

    def _save_to(self, path: str, *, blocking: bool) -> bool:
        """Queue a save (one runs at a time); *blocking* waits and tells whether all is saved."""
        if not all(guard(path) for guard in self.window.save_guards):
            return False  # e.g. the file is open read-only (gui/autosave.py)
        project = self.project
        self.saves.request(project, path)
        if not blocking:
            return True
        self.saves.wait()
        return not project.dirty

    def _with_view(self, project: Project) -> None:
        if project is self.project:
            project.view = dict(self.window.map.view_state)

    def _saved(self, project: Project, path: str, _clean: bool) -> None:
        self.window.settings.remember_file(str(path))
        self.window.settings.last_dir = str(Path(path).parent)
        self.window.statusBar().showMessage(self.tr("Saved {path}").format(path=path), 5000)
        self.window.refresh_title()
        self.window.projectSaved.emit(str(path))

    def _save_failed(self, project: Project, path: str, err: BaseException) -> None:
        """Say what went wrong (the file on disk is unchanged) and offer Save As."""
        if self.ask_save_as(err) and project is self.project:
            self.save_as()

    def ask_save_as(self, err: BaseException) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Save failed"), error_text(err),
                          parent=self.window)
        other = box.addButton(self.tr("Save As…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        return box.clickedButton() is other
