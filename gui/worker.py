"""Run engine work off the UI thread with progress and Cancel.

``run_task(parent, title, fn, on_done)`` calls ``fn(feedback)`` in a QThreadPool worker;
a modal-less progress dialog shows the fraction and message, Cancel sets the flag the
engine polls through ``feedback.check()``. Results and errors come back on the UI thread.
"""

from __future__ import annotations

import threading
import traceback
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from gis.errors import Cancelled
from gis.feedback import Feedback
from gui.i18n import error_text


class _Signals(QObject):
    progress = Signal(float, str)
    finished = Signal(object)
    failed = Signal(object, str)
    cancelled = Signal()


class Task(QRunnable):
    """One call of ``fn(feedback)`` on a pool thread."""

    def __init__(self, fn: Callable[[Feedback], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        feedback = Feedback(lambda f, m: self.signals.progress.emit(f, m), self._cancel.is_set)
        try:
            result = self.fn(feedback)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as err:  # noqa: BLE001 - every failure must reach the user
            self.signals.failed.emit(err, traceback.format_exc())
        else:
            if self._cancel.is_set():
                self.signals.cancelled.emit()
            else:
                self.signals.finished.emit(result)
        finally:
            _keep_proj_context()


_running: set[Task] = set()
_proj_contexts: list = []


def _keep_proj_context() -> None:
    """Keep this pool thread's PROJ context alive for the thread's next task.

    pyproj (3.7) keeps the context pointer in OS-thread storage but frees the context with
    the Python thread state, and a QThreadPool thread gets a new thread state per task: the
    next task on the same thread would use the freed context and crash in ``proj_create``.
    Pool threads never expire (see :func:`run_task`), so this keeps one context per thread.
    """
    from pyproj._context import get_context_manager

    manager = get_context_manager()
    if manager is not None and all(m is not manager for m in _proj_contexts):
        _proj_contexts.append(manager)


def run_task(parent: QWidget, title: str, fn: Callable[[Feedback], Any],
             on_done: Callable[[Any], None], *, on_error: Callable[[BaseException], None] | None = None,
             show_dialog: bool = True) -> Task:
    """Start *fn* in the background; *on_done(result)* runs on the UI thread."""
    task = Task(fn)
    QThreadPool.globalInstance().setExpiryTimeout(-1)  # reuse threads: see _keep_proj_context
    dialog = None
    if show_dialog:
        dialog = QProgressDialog(title, QCoreApplication.translate("Worker", "Cancel"), 0, 1000, parent)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(task.cancel)

        def show_progress(fraction: float, message: str) -> None:
            dialog.setValue(int(fraction * 1000))
            if message:
                dialog.setLabelText(f"{title}\n{message}")

        task.signals.progress.connect(show_progress)

    def finish() -> None:
        _running.discard(task)
        if dialog is not None:
            dialog.close()
            dialog.deleteLater()

    def failed(err: BaseException, tb: str) -> None:
        finish()
        if on_error is not None:
            on_error(err)
        else:
            box = QMessageBox(QMessageBox.Icon.Warning, title, error_text(err), parent=parent)
            box.setDetailedText(tb)
            box.open()

    task.signals.finished.connect(lambda result: (finish(), on_done(result)))
    task.signals.failed.connect(failed)
    task.signals.cancelled.connect(finish)
    _running.add(task)
    QThreadPool.globalInstance().start(task)
    return task
