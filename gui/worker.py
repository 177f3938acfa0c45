"""Run engine work off the UI thread with progress and Cancel.

``run_task(parent, title, fn, on_done)`` calls ``fn(feedback)`` on a worker thread; a
progress dialog with Cancel appears after 300 ms even when the work reports no progress
(a read stuck in one long C call), and Cancel sets the flag the engine polls through
``feedback.check()``. Results and errors come back on the UI thread.

Worker threads are daemon threads: when the main window closes, :func:`stop_all` cancels
every task, waits briefly, and abandons the ones still running (their results are dropped)
so that they never keep the process alive. A task started with ``finish_on_close=True``
(a save) is waited for instead.
"""

from __future__ import annotations

import threading
import time
import traceback
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from gis.errors import Cancelled
from gis.feedback import Feedback
from gui.heap import free_set_aside_when_idle, set_aside_before_task
from gui.i18n import error_text


class _Signals(QObject):
    progress = Signal(float, str)
    finished = Signal(object)
    failed = Signal(object, str)
    cancelled = Signal()
    partial = Signal(str, object)  # a part of the result delivered early (gis.feedback.Feedback.deliver)


class Task:
    """One call of ``fn(feedback)`` on its own daemon thread."""

    def __init__(self, fn: Callable[[Feedback], Any], *, finish_on_close: bool = False) -> None:
        self.fn = fn
        self.finish_on_close = finish_on_close
        self.signals = _Signals()
        self.done = threading.Event()
        self._cancel = threading.Event()
        self._abandoned = False
        self.thread = threading.Thread(target=self.run, name="ocp-task", daemon=True)

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def start(self) -> None:
        set_aside_before_task()  # the task's full collections do not walk what the window already held
        self.thread.start()

    def abandon(self) -> None:
        """Cancel and drop whatever the task still reports (the window is gone)."""
        self._abandoned = True
        self.cancel()

    def run(self) -> None:
        feedback = Feedback(self._progress, self._cancel.is_set, partial=self._partial)
        try:
            result = self.fn(feedback)
        except Cancelled:
            self._emit(self.signals.cancelled)
        except Exception as err:  # noqa: BLE001 - every failure must reach the user
            self._emit(self.signals.failed, err, traceback.format_exc())
        else:
            if self._cancel.is_set():
                self._emit(self.signals.cancelled)
            else:
                self._emit(self.signals.finished, result)
        finally:
            self.done.set()

    def _progress(self, fraction: float, message: str) -> None:
        self._emit(self.signals.progress, fraction, message)

    def _partial(self, kind: str, value: object) -> None:
        if not self._cancel.is_set():
            self._emit(self.signals.partial, kind, value)

    def _emit(self, signal, *args) -> None:
        if not self._abandoned:
            signal.emit(*args)


_running: set[Task] = set()


def running() -> list[Task]:
    """Tasks started and not yet finished."""
    return [t for t in _running if not t.done.is_set()]


def stop_all(*, wait_seconds: float = 2.0) -> list[Task]:
    """Cancel every running task (those marked ``finish_on_close`` are waited for instead),
    wait up to *wait_seconds* for the others to stop, and abandon those still running.
    Returns the abandoned tasks."""
    for task in running():
        if task.finish_on_close:
            task.done.wait()
        else:
            task.cancel()
    deadline = time.monotonic() + wait_seconds
    for task in running():
        task.done.wait(max(0.0, deadline - time.monotonic()))
    stuck = running()
    for task in stuck:
        task.abandon()
    return stuck


def run_task(parent: QWidget, title: str, fn: Callable[[Feedback], Any],
             on_done: Callable[[Any], None], *, on_error: Callable[[BaseException], None] | None = None,
             show_dialog: bool = True, finish_on_close: bool = False,
             on_partial: Callable[[str, Any], None] | None = None) -> Task:
    """Start *fn* in the background; *on_done(result)* runs on the UI thread, and so does
    *on_partial(kind, value)* for each part *fn* delivers early (``feedback.deliver``)."""
    task = Task(fn, finish_on_close=finish_on_close)
    if on_partial is not None:  # before the thread starts: nothing it delivers is missed
        task.signals.partial.connect(on_partial)
    dialog = None
    if show_dialog:
        dialog = QProgressDialog(title, QCoreApplication.translate("Worker", "Cancel"), 0, 1000, parent)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(task.cancel)
        # QProgressDialog shows itself only from setValue(): work that reports nothing (a read
        # in one long C call) would never show Cancel, so show it after the same delay
        QTimer.singleShot(dialog.minimumDuration(), dialog,
                          lambda: None if task.done.is_set() else dialog.show())

        def show_progress(fraction: float, message: str) -> None:
            dialog.setValue(int(fraction * 1000))
            if message:
                dialog.setLabelText(f"{title}\n{message}")

        task.signals.progress.connect(show_progress)

    def finish() -> None:
        _running.discard(task)
        if not running():
            free_set_aside_when_idle(lambda: bool(running()))
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
    task.start()
    return task
