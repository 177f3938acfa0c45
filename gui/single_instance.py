"""A file opened while the app runs goes to the running window (double-click in Explorer).

The first window listens on a local socket named for the user (a named pipe on Windows, a
socket file on Linux; only this user may connect). A later start *with a path* sends the path's
absolute form and exits once the running app has acknowledged it; the running window then
opens it as File ▸ Open recent would (asking about unsaved changes first) and comes to the
front. A start without a path, or with ``--screenshot``, opens its own window as before
(the project lock, gis/project_lock.py, handles one project opened twice).
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_MS = 1000
ACK = b"ok\n"


def server_name() -> str:
    """The socket's name for this user and settings folder (hashed: user names may be Chinese or
    contain spaces; tests and portable setups with their own $OCP_CONFIG_DIR stay apart)."""
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name from the environment
        user = str(Path.home())
    key = f"{user}\n{os.environ.get('OCP_CONFIG_DIR', '')}"
    return "OldCompoundPlanner-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def forward(path: str, *, name: str | None = None, timeout_ms: int = CONNECT_MS) -> bool:
    """Hand *path* to a running instance; True once it acknowledged, False when none runs."""
    sock = QLocalSocket()
    sock.connectToServer(name or server_name())
    if not sock.waitForConnected(timeout_ms):
        return False
    sock.write(json.dumps({"open": str(Path(path).absolute())}).encode("utf-8") + b"\n")
    sock.waitForBytesWritten(timeout_ms)  # False when already written: the answer tells
    acked = sock.waitForReadyRead(timeout_ms * 5) and sock.readAll().data() == ACK
    sock.disconnectFromServer()
    return bool(acked)


class InstanceServer(QObject):
    """Listens for paths from later starts and emits :attr:`openRequested` for each."""

    openRequested = Signal(str)

    def __init__(self, parent=None, *, name: str | None = None) -> None:
        super().__init__(parent)
        self.name = name or server_name()
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Listen unless another instance already does; a socket left by a crash is replaced.

        (With UserAccessOption, Qt's listen replaces a live server's socket too: probe first.)
        """
        probe = QLocalSocket()
        probe.connectToServer(self.name)
        if probe.waitForConnected(CONNECT_MS):
            probe.abort()
            return False  # another instance serves: this one just runs beside it
        QLocalServer.removeServer(self.name)
        return self.server.listen(self.name)

    def _accept(self) -> None:
        while (sock := self.server.nextPendingConnection()) is not None:
            sock.readyRead.connect(lambda s=sock: self._read(s))
            sock.disconnected.connect(sock.deleteLater)

    def _read(self, sock: QLocalSocket) -> None:
        if not sock.canReadLine():
            return
        try:
            path = json.loads(bytes(sock.readLine().data()).decode("utf-8"))["open"]
        except (ValueError, KeyError, TypeError):
            sock.abort()
            return
        sock.write(ACK)
        sock.flush()
        if isinstance(path, str) and path:
            self.openRequested.emit(path)


def serve(app, current_window) -> InstanceServer:
    """Listen for the app's lifetime; forwarded paths open in ``current_window()``."""
    server = InstanceServer(app)
    server.openRequested.connect(lambda path: open_in_window(current_window(), path))
    server.listen()
    return server


def open_in_window(window, path: str) -> None:
    """Open *path* in *window* as Open recent does, and bring the window to the front."""
    from gui.project_controller import ProjectController

    window.showNormal() if window.isMinimized() else window.show()
    window.raise_()
    window.activateWindow()
    controller = next(f for f in window.features if isinstance(f, ProjectController))
    if controller.confirm_discard():
        controller.open_path(path)
