"""Widgets that listen to engine (psygnal) events and must stop when they go away.

Engine events may fire on a worker thread (a save marks the project clean, an analysis
fills a layer); Qt widgets may only be touched on the GUI thread. :meth:`Listener.listen`
delivers every event on the GUI thread: directly when already there, queued otherwise.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal


class _Relay(QObject):
    call = Signal(object)


_relay: _Relay | None = None


def on_gui_thread(fn):
    """Wrap *fn* so calls from any thread run it on the GUI thread."""

    def wrapped(*args):
        app = QCoreApplication.instance()
        if app is None or QThread.currentThread() is app.thread():
            fn(*args)
        else:
            _get_relay().call.emit(lambda: fn(*args))

    return wrapped


def _get_relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()
        _relay.moveToThread(QCoreApplication.instance().thread())
        _relay.call.connect(lambda f: f())
    return _relay


class Listener:
    """Mixin recording psygnal connections so :meth:`detach` can undo them all."""

    def listen(self, signal, slot) -> None:
        if not hasattr(self, "_connections"):
            self._connections = []
        wrapped = on_gui_thread(slot)
        signal.connect(wrapped)
        self._connections.append((signal, wrapped))

    def detach(self) -> None:
        for signal, slot in getattr(self, "_connections", []):
            try:
                signal.disconnect(slot)
            except (ValueError, RuntimeError):
                pass
        self._connections = []
