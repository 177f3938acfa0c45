"""The ``ocpmap:`` URL scheme: the map page and its assets, and nothing else.

The map page is served from ``ocpmap://map/`` instead of ``file://``, so script in the page has
no way to name a local file: the handler answers only for regular files under
``resources/web`` (plus Qt's ``qwebchannel.js``), and for tiles of the rasters the application
registered at ``ocpmap://tiles/<token>/z/x/y.png`` (gui/map/raster_tiles.py), and for the layer
geometry the outbox put at ``ocpmap://map/layers/<token>.bin`` (gui/map/blobs.py; the page may fetch()
these and nothing else: FetchApiAllowed, and the CSP's connect-src). The page's Content-Security-Policy is the
meta tag at the top of map.html. :func:`prepare_web_engine` must run before the QApplication exists.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFile, QIODevice, QUrl
from PySide6.QtWebEngineCore import (QWebEngineProfile, QWebEngineUrlRequestJob, QWebEngineUrlScheme,
                                     QWebEngineUrlSchemeHandler)

from gis.paths import RESOURCES
from gui.map.blobs import blob_store, reply_bytes
from gui.map.raster_tiles import TILES_HOST, tile_server

log = logging.getLogger(__name__)

SCHEME = "ocpmap"
HOST = "map"
WEB_ROOT = RESOURCES / "web"
PAGE_URL = QUrl(f"{SCHEME}://{HOST}/map.html")
QT_FILES = {"qwebchannel.js": ":/qtwebchannel/qwebchannel.js"}  # served from Qt's own resources
MIME = {".html": b"text/html", ".js": b"text/javascript", ".css": b"text/css", ".png": b"image/png",
        ".svg": b"image/svg+xml"}

# Chromium switches, for anything that would bypass the page's request interceptor (WebRTC from a
# frame the page script removal in gui/map/page.py did not reach): no UDP at all, and TCP only
# through a proxy that is a closed local port, loopback included. The app has no online basemap;
# one the user turns on would have to drop the proxy.
CHROMIUM_FLAGS = ("--force-webrtc-ip-handling-policy=disable_non_proxied_udp", "--proxy-server=127.0.0.1:9",
                  "--proxy-bypass-list=<-loopback>")


def prepare_web_engine() -> None:
    """Register the scheme and add the Chromium switches; call before QApplication exists."""
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()
    os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join(flags + [f for f in CHROMIUM_FLAGS if f not in flags])
    if QWebEngineUrlScheme.schemeByName(SCHEME.encode()).name():
        return
    if QCoreApplication.instance() is not None:
        log.warning("the %s: scheme is registered after the application started", SCHEME)
    scheme = QWebEngineUrlScheme(SCHEME.encode())
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    # not a secure context: no powerful web APIs, no local access; fetch() for the layer bodies
    scheme.setFlags(QWebEngineUrlScheme.Flag.FetchApiAllowed)
    QWebEngineUrlScheme.registerScheme(scheme)


def resolve(url: QUrl) -> Path | str | None:
    """The file *url* names (a Qt resource path for Qt's files), or None when it is not served."""
    if url.scheme() != SCHEME or url.host() != HOST:
        return None
    name = url.path().lstrip("/")
    if name in QT_FILES:
        return QT_FILES[name]
    path = (WEB_ROOT / name).resolve()
    if not path.is_relative_to(WEB_ROOT.resolve()) or path.suffix.lower() not in MIME or not path.is_file():
        return None
    return path


def _read(target: Path | str) -> bytes:
    if isinstance(target, Path):
        return target.read_bytes()
    qfile = QFile(target)
    qfile.open(QIODevice.OpenModeFlag.ReadOnly)
    return bytes(qfile.readAll().data())


class MapSchemeHandler(QWebEngineUrlSchemeHandler):
    """Answers GET requests for the files :func:`resolve` allows; fails everything else."""

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:  # noqa: N802 (Qt override)
        get = job.requestMethod() == b"GET"
        if get and job.requestUrl().host() == TILES_HOST:
            answered = tile_server().start(job)  # answered later, on the UI thread
        else:
            answered = get and (blob_store().serve(job) or self._serve_file(job))
        if not answered:
            log.warning("map page asked for %s: refused", job.requestUrl().toString()[:200])
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)

    @staticmethod
    def _serve_file(job: QWebEngineUrlRequestJob) -> bool:
        target = resolve(job.requestUrl())
        if target is None:
            return False
        try:
            data = _read(target)
        except OSError:
            job.fail(QWebEngineUrlRequestJob.Error.RequestFailed)
            return True
        reply_bytes(job, data, MIME[Path(str(target)).suffix.lower()])
        return True


def install_scheme_handler(profile: QWebEngineProfile) -> None:
    """Serve ``ocpmap:`` in *profile* (once per profile)."""
    if profile.urlSchemeHandler(SCHEME.encode()) is None:
        handler = MapSchemeHandler(profile)
        profile.installUrlSchemeHandler(SCHEME.encode(), handler)
