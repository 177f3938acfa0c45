"""Layer geometry for the map page at ``ocpmap://map/layers/<token>.bin``, fetched once.

A layer's packed geometry (gis/packed.py, 11.6 MB for 50,000 compounds) goes to the page as
binary the page fetches, not as text through QWebChannel: no base64, no JSON, no copy through
the channel's message queue. Each body gets a random token when the outbox sends its layer; the
first request for it takes it (the page keeps its own copy), so the bytes live only until drawn.
Unknown or used tokens fail like an unknown file. The URL has the page's own origin: fetch()
across origins is refused for custom schemes.
"""

from __future__ import annotations

import re
import secrets

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtWebEngineCore import QWebEngineUrlRequestJob

FETCHED_MIN = 64 * 1024  # text from this size (bytes: an overlay's GeoJSON, a layer's labels) is fetched, not sent
BLOB_URL = "ocpmap://map/layers/{}.bin"
BLOB_PATTERN = re.compile(r"^ocpmap://map/layers/([0-9a-f]{32})\.bin$")


def reply_bytes(job: QWebEngineUrlRequestJob, data: bytes, mime: bytes) -> None:
    """Answer *job* with *data* (the buffer lives as long as the job)."""
    buffer = QBuffer(job)
    buffer.setData(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    job.reply(mime, buffer)


class BlobStore:
    """Bytes waiting for the page, by token."""

    def __init__(self) -> None:
        self._bodies: dict[str, bytes] = {}
        self.served = 0  # bodies handed to a page (for tests)

    def __len__(self) -> int:
        return len(self._bodies)

    def put(self, body: bytes) -> str:
        """The URL the page fetches *body* from (once)."""
        token = secrets.token_hex(16)
        self._bodies[token] = body
        return BLOB_URL.format(token)

    @staticmethod
    def _token(url: str) -> str | None:
        match = BLOB_PATTERN.match(url)
        return match.group(1) if match else None

    def holds(self, url: str) -> bool:
        """Whether the body at *url* waits to be fetched."""
        return self._token(url) in self._bodies

    def drop(self, url: str) -> None:
        """Forget the body at *url* (its page went away before fetching it)."""
        self._bodies.pop(self._token(url), None)

    def take(self, url: str) -> bytes | None:
        """The body *url* names, removed from the store; None when it names none."""
        return self._bodies.pop(self._token(url), None)

    def serve(self, job: QWebEngineUrlRequestJob) -> bool:
        """Answer *job* with its body; False when it names none (the caller tries the files)."""
        body = self.take(job.requestUrl().toString())
        if body is None:
            return False
        reply_bytes(job, body, b"application/octet-stream")
        self.served += 1
        return True


_store = BlobStore()


def blob_store() -> BlobStore:
    """The one store of the application (the scheme handler is shared by every map page)."""
    return _store
