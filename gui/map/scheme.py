"""The ``ocpmap:`` URL scheme: the map page and its assets, and nothing else.

The map page is served from ``ocpmap://map/`` instead of ``file://``, so script in the page has
no way to name a local file: the handler answers only for regular files under
``resources/web`` (plus Qt's ``qwebchannel.js``), and for tiles of the rasters the application
registered at ``ocpmap://tiles/<token>/z/x/y.png`` (gui/map/raster_tiles.py). The page's Content-Security-Policy is the
meta tag at the top of map.html. :func:`prepare_web_engine` must run before the QApplication exists.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QFile, QIODevice, QUrl
from PySide6.QtWebEngineCore import (QWebEngineProfile, QWebEngineUrlRequestJob, QWebEngineUrlScheme,
                                     QWebEngineUrlSchemeHandler)

from gis.paths import RESOURCES
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
    scheme.setFlags(QWebEngineUrlScheme.Flag(0))  # not a secure context: no powerful web APIs, no local access
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
        if job.requestUrl().host() == TILES_HOST and job.requestMethod() == b"GET":
            if not tile_server().start(job):  # answered later, on the UI thread
                log.warning("map page asked for %s: refused", job.requestUrl().toString()[:200])
                job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        target = resolve(job.requestUrl())
        if job.requestMethod() != b"GET" or target is None:
            log.warning("map page asked for %s: refused", job.requestUrl().toString()[:200])
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        try:
            data = _read(target)
        except OSError:
            job.fail(QWebEngineUrlRequestJob.Error.RequestFailed)
            return
        buffer = QBuffer(job)
        buffer.setData(data)
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        suffix = Path(str(target)).suffix.lower()
        job.reply(MIME[suffix], buffer)


def install_scheme_handler(profile: QWebEngineProfile) -> None:
    """Serve ``ocpmap:`` in *profile* (once per profile)."""
    if profile.urlSchemeHandler(SCHEME.encode()) is None:
        handler = MapSchemeHandler(profile)
        profile.installUrlSchemeHandler(SCHEME.encode(), handler)
