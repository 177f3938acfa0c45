"""Raster tiles for the map page at ``ocpmap://tiles/<token>/<z>/<x>/<y>.png``.

Only rasters the application registered have a token (random, per registration), and only
well-formed tile numbers are answered; anything else fails like an unknown file. Tiles are
rendered on two worker threads (GDAL releases the GIL while reading and warping) and replied to
on the UI thread; a request the page dropped meanwhile (a pan) is forgotten, never answered.
"""

from __future__ import annotations

import logging
import re
import secrets
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWebEngineCore import QWebEngineUrlRequestJob

from gis.raster.tiles import TileSource, image_mime
from gui.map.blobs import reply_bytes

log = logging.getLogger(__name__)

TILES_HOST = "tiles"
TILE_PATH = re.compile(r"^/([0-9a-f]{32})/(\d{1,2})/(\d{1,8})/(\d{1,8})\.png$")
WORKERS = 2


class _Replies(QObject):
    ready = Signal(int, object)  # request number, (bytes, mime) or None


class TileServer:
    """Maps tokens to tile sources and answers the page's tile requests."""

    def __init__(self) -> None:
        self._sources: dict[str, TileSource] = {}
        self._jobs: dict[int, QWebEngineUrlRequestJob] = {}
        self._next = 0
        self._pool = ThreadPoolExecutor(WORKERS, thread_name_prefix="ocp-tiles")
        self._replies = _Replies()
        self._replies.ready.connect(self._reply)
        self.served = 0  # tiles answered (for tests)

    def register(self, source: TileSource) -> str:
        """A new token for *source*; the page builds its tile URL from it."""
        token = secrets.token_hex(16)
        self._sources[token] = source
        return token

    def unregister(self, token: str) -> None:
        self._sources.pop(token, None)

    def url_template(self, token: str) -> str:
        return f"ocpmap://{TILES_HOST}/{token}/{{z}}/{{x}}/{{y}}.png"

    def parse(self, path: str) -> tuple[TileSource, int, int, int] | None:
        """The source and tile numbers a request path names, or None when it names none."""
        match = TILE_PATH.match(path)
        if match is None or match.group(1) not in self._sources:
            return None
        z, x, y = (int(v) for v in match.groups()[1:])
        return (self._sources[match.group(1)], z, x, y) if 0 <= x < 2 ** z and 0 <= y < 2 ** z else None

    def start(self, job: QWebEngineUrlRequestJob) -> bool:
        """Answer *job* later; False when it does not name a tile (the caller fails it)."""
        parsed = self.parse(job.requestUrl().path())
        if parsed is None:
            return False
        number, self._next = self._next, self._next + 1
        self._jobs[number] = job
        job.destroyed.connect(lambda *_: self._jobs.pop(number, None))
        future = self._pool.submit(_render, *parsed)
        future.add_done_callback(lambda f: self._replies.ready.emit(number, f.result()))
        return True

    def close(self) -> None:
        """Stop rendering (when the application quits): pending tiles are dropped, running ones finish."""
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._jobs.clear()

    def _reply(self, number: int, result) -> None:
        job = self._jobs.pop(number, None)
        if job is None:
            return
        data, mime = result or (EMPTY_PNG, "image/png")
        reply_bytes(job, data, mime.encode())
        self.served += 1


def _render(source: TileSource, z: int, x: int, y: int):
    try:
        data = source.tile(z, x, y)
    except Exception:  # noqa: BLE001 - a tile that fails is drawn empty; the log says why
        log.exception("raster tile %s/%s/%s failed", z, x, y)
        return None
    return (data, image_mime(data)) if data else None


def _empty_png() -> bytes:
    import numpy as np

    from gis.raster.tiles import encode_png

    return encode_png(np.zeros((4, 1, 1), dtype=np.uint8))


EMPTY_PNG = _empty_png()
_server: TileServer | None = None


def tile_server() -> TileServer:
    """The one tile server of the application (the scheme handler is shared by every map page)."""
    global _server
    if _server is None:
        _server = TileServer()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(_server.close)
    return _server
