"""One save at a time: requests made while a save runs merge into one follow-up save.

The snapshot is taken on the UI thread when a save starts (so the user can keep working),
the file is written in the background with progress and Cancel, and the project is
marked saved only after the rename, and only if nothing changed since the snapshot.
:meth:`SaveQueue.wait` lets quitting wait for a running save instead of aborting it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QEventLoop, QObject, Signal

from gis import project_file
from gis.project import Project
from gui.worker import run_task


class SaveQueue(QObject):
    """Runs saves of the window's project one after another."""

    idle = Signal()  # no save running or waiting
    saved = Signal(object, str, bool)  # project, path, clean (nothing changed meanwhile)
    failed = Signal(object, str, object)  # project, path, error

    def __init__(self, window, prepare: Callable[[Project], None]) -> None:
        super().__init__(window)
        self.window = window
        self.prepare = prepare  # fills in what the snapshot needs (e.g. the map view)
        self._running: tuple[Project, str] | None = None
        self._pending: tuple[Project, str] | None = None

    @property
    def busy(self) -> bool:
        return self._running is not None

    def target(self, project: Project) -> str | None:
        """The path a save of *project* is going to (running or waiting), if any."""
        for job in (self._pending, self._running):
            if job is not None and job[0] is project:
                return job[1]
        return None

    def request(self, project: Project, path: str) -> None:
        """Save *project* to *path* now, or right after the running save (latest state)."""
        if self._running is not None:
            self._pending = (project, path)
            return
        self._start(project, path)

    def wait(self) -> None:
        """Return when no save runs (the save's progress dialog stays live meanwhile)."""
        if self._running is None:
            return
        loop = QEventLoop()
        self.idle.connect(loop.quit)
        try:
            loop.exec()
        finally:
            self.idle.disconnect(loop.quit)

    def _start(self, project: Project, path: str) -> None:
        self.prepare(project)
        try:
            snap = project_file.snapshot(project)
        except Exception as err:  # noqa: BLE001 - e.g. settings that are not JSON
            self.failed.emit(project, path, err)
            self.idle.emit()
            return
        self._running = (project, path)
        task = run_task(self.window, self.tr("Saving {name}").format(name=Path(path).name),
                        lambda fb: project_file.save_snapshot(snap, path, feedback=fb),
                        lambda _p: self._done(project, path, snap),
                        on_error=lambda err: self._failed(project, path, err),
                        finish_on_close=True)  # a closing window never abandons a save
        task.signals.cancelled.connect(self._next)

    def _done(self, project: Project, path: str, snap: project_file.ProjectSnapshot) -> None:
        clean = project_file.finish_save(project, snap, path)
        self.saved.emit(project, path, clean)
        self._next()

    def _failed(self, project: Project, path: str, err: BaseException) -> None:
        if self._pending is not None and self._pending[1] == path:
            self._pending = None  # the same target would fail the same way; the user decides
        self.failed.emit(project, path, err)
        self._next()

    def _next(self) -> None:
        self._running = None
        job, self._pending = self._pending, None
        if job is not None:
            self._start(*job)
        else:
            self.idle.emit()
