"""Autosave to a recovery copy, and the project lock (read-only when open elsewhere).

The open project, when it has unsaved changes, is copied every ``autosave_minutes``
(gis/settings.py; 0 = off) and a few seconds after each edit (layers added, removed or
restyled, analysis results added, zone edits) to this session's recovery copy in the
settings folder (gis/recovery.py), on a worker thread: the UI thread only takes a shallow
snapshot. The project file is never written. A save or a discard removes the copy, and
so does a clean exit; what is left after a crash is offered at the next start
(gui/recovery_dialog.py).

Opening a project file takes its lock (gis/project_lock.py); if another running instance
holds it, the project opens read-only: a banner names the owner and time, Save is
refused, Save As is allowed.
"""

from __future__ import annotations

import itertools
import threading
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QInputDialog, QMessageBox

from gis import project_lock, recovery, recovery_helper
from gis.owner import Owner
from gis.project_diff import Summary, summarize
from gui.actions import make_action
from gui.app import config_dir
from gui.features import FeatureController
from gui.i18n import error_text
from gui.readonly_banner import ReadOnlyBanner, lock_text
from gui.worker import run_task

EDIT_DELAY_MS = 3000  # after an edit, wait for quiet before copying (a burst is one copy)
CLOSE_WAIT_S = 60.0  # how long closing waits for a running autosave to stop
_SERIAL = itertools.count(1)  # windows of this process


class AutosaveController(FeatureController):
    """Keeps this window's recovery copy and project lock."""

    def __init__(self, window) -> None:
        self.window = window
        self.owner = Owner.current()
        self.folder = recovery.folder_in(config_dir())
        self.paths = recovery.session_paths(self.folder, self.owner, next(_SERIAL))
        self.locks: dict[Path, project_lock.Lock] = {}  # held by this window
        self.foreign: project_lock.Lock | None = None  # another instance's: read-only
        self._task = None
        self._idle = threading.Event()
        self._idle.set()
        self._again = False
        self._baseline = None  # what the project file holds: a Capture, a Path or a Summary
        self.last_copy: float | None = None  # when the copy was last written (epoch s)
        self.periodic = QTimer(window)
        self.periodic.timeout.connect(self.autosave_now)
        self.soon = QTimer(window)
        self.soon.setSingleShot(True)
        self.soon.setInterval(EDIT_DELAY_MS)
        self.soon.timeout.connect(self.autosave_now)
        self.banner = ReadOnlyBanner(window, self._save_as)
        window.save_guards.append(self.may_save)
        window.close_guards.append(self.finish)
        window.projectSaved.connect(self._on_saved)
        quit_action = window.file_menu.actions()[-1]
        self.interval_action = make_action(window, self.tr("Autosave interval…"), self.ask_interval)
        window.file_menu.insertAction(quit_action, self.interval_action)
        window.file_menu.insertSeparator(quit_action)
        self.apply_settings()
        super().__init__(window)

    @property
    def enabled(self) -> bool:
        return self.window.settings.autosave_minutes > 0

    def apply_settings(self) -> None:
        """Start or stop the periodic copy after ``autosave_minutes`` changed."""
        if self.enabled:
            self.periodic.start(int(self.window.settings.autosave_minutes * 60_000))
        else:
            self.periodic.stop()
            self.soon.stop()

    def ask_interval(self) -> None:
        minutes, ok = QInputDialog.getInt(
            self.window, self.tr("Autosave interval"),
            self.tr("Minutes between autosaves of unsaved work (0 = off):"),
            self.window.settings.autosave_minutes, 0, 120)
        if ok:
            self.window.settings.autosave_minutes = minutes
            self.apply_settings()

    # -- following the project ------------------------------------------------------------
    def attach(self, project) -> None:
        for signal in (project.layers_changed, project.layer_updated, project.zones_replaced):
            self.listen(signal, self._edited)
        self.listen(project.zones_replaced, lambda: self._watch_zones(project))
        self.listen(project.dirty_changed, self._on_dirty)
        self._watch_zones(project)
        self._drop_copy()  # the previous project was saved or discarded
        self._set_baseline(project)
        self._take_lock(project.path)
        if project.dirty:
            self._edited()

    def _watch_zones(self, project) -> None:
        if project.zones is not None:
            self.listen(project.zones.zones_changed, self._edited)

    def _edited(self, *_args) -> None:
        if self.enabled:
            self.soon.start()

    def _on_dirty(self, dirty: bool) -> None:
        if dirty:
            self._edited()
        else:  # saved: the file now holds it all
            self._drop_copy()
            self._set_baseline(self.project)

    def _set_baseline(self, project) -> None:
        if not project.dirty:
            self._baseline = recovery.capture(project)
        else:
            self._baseline = Path(project.path) if project.path else None

    # -- writing the copy -------------------------------------------------------------------
    def autosave_now(self):
        """Copy the project in the background if it has unsaved changes; the running Task."""
        if not self.enabled or not self.project.dirty:
            return None
        if self._task is not None:
            self._again = True
            return self._task
        self._again = False
        project, snap, base = self.project, recovery.capture(self.project), self._baseline
        gpkg, note = self.paths

        def work(fb):
            try:
                return recovery_helper.write_copy(snap, gpkg, note, self.owner, project_path=project.path,
                                                  baseline=_baseline_summary(base), feedback=fb)
            finally:
                self._idle.set()

        self._idle.clear()  # set again by the task, however it ends
        self._task = run_task(self.window, "", work, lambda result: self._copied(project, base, *result),
                              on_error=self._failed, show_dialog=False)
        self._task.signals.cancelled.connect(self._ended)
        return self._task

    def _copied(self, project, base, summary, entry) -> None:
        self._ended()
        if project is not self.project or not project.dirty:  # saved or replaced meanwhile
            recovery.remove(entry)
            return
        if self._baseline is base:  # keep the file's summary, not recomputed each time
            self._baseline = summary
        self.last_copy = entry.saved
        self._status(self.tr("Autosaved at {time}").format(time=time.strftime("%H:%M:%S")), 4000)
        if self._again:
            self.autosave_now()

    def _failed(self, err: BaseException) -> None:
        self._ended()
        self._status(self.tr("Autosave failed: {reason}").format(reason=error_text(err)), 15000)

    def _ended(self) -> None:
        self._task = None

    def _status(self, text: str, ms: int) -> None:
        try:
            self.window.statusBar().showMessage(text, ms)
        except RuntimeError:  # the window is gone (a language switch replaced it)
            pass

    def _drop_copy(self) -> None:
        if self._task is not None:
            self._again = False
        recovery.remove(self.paths)
        self.last_copy = None

    def wait_idle(self, timeout: float = CLOSE_WAIT_S) -> bool:
        """Stop a running autosave and wait for it (True when none is left running)."""
        if self._task is not None:
            self._task.cancel()
        return self._idle.wait(timeout)

    def finish(self) -> bool:
        """A clean end of this window's session: no copy left, locks released."""
        self.periodic.stop()
        self.soon.stop()
        self.wait_idle()
        recovery_helper.shutdown()  # a copy being written lands before it is removed
        recovery.remove_session(self.folder, self.owner)
        for lock in self.locks.values():
            project_lock.release(lock)
        self.locks.clear()
        return True

    # -- the lock ---------------------------------------------------------------------------
    def _take_lock(self, path: str | None) -> None:
        keep = project_lock.lock_path(path) if path else None
        for lp in [p for p in self.locks if p != keep]:
            project_lock.release(self.locks.pop(lp))
        self.foreign = None
        if path and Path(path).is_file():
            lock = project_lock.acquire(path)
            if lock is not None and lock.mine:
                self.locks[lock.path] = lock
            elif lock is not None:
                self.foreign = lock
        self.banner.show_lock(self.foreign, path)

    def may_save(self, path: str) -> bool:
        """Save guard: refuse writing a file another instance has open."""
        target = project_lock.lock_path(path)
        if self.foreign is not None and self.foreign.path == target:
            held = self.foreign
        elif target in self.locks:
            return True
        else:
            held = project_lock.acquire(path)
            if held is None or held.mine:
                if held is not None:
                    self.locks[held.path] = held
                return True
        QMessageBox.warning(self.window, self.tr("Save refused"), self.tr(
            "{text}\n\nUse Save As to keep your changes in another file.").format(
                text=lock_text(held, path)))
        return False

    def _on_saved(self, path: str) -> None:
        self._take_lock(path)

    def _save_as(self) -> None:
        self._files().save_as()

    def take_over(self, entry: recovery.Entry, project) -> None:
        """Show a recovered *project* and make its copy this session's (until the next autosave)."""
        self._files()._opened(project)
        try:
            recovery.adopt(entry, *self.paths, self.owner)
        except OSError:  # another instance took it first; this one's own autosave follows
            pass

    def _files(self):
        from gui.project_controller import ProjectController

        return next(f for f in self.window.features if isinstance(f, ProjectController))


def _baseline_summary(base):
    """What the project file holds: a Summary, or its path for the helper process to read."""
    if base is None or isinstance(base, (Summary, Path)):
        return base
    return summarize(base.build())
