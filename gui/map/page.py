"""The map's QWebEnginePage, locked down: it loads the map page and nothing else.

If script ever ran in the page it could not leave it: navigation, new windows and downloads are
refused, requests that would leave the machine or touch local files are blocked (and recorded),
WebRTC is removed before any page script runs, and the page cannot read or write files.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QUrl
from PySide6.QtWebEngineCore import (QWebEnginePage, QWebEngineScript, QWebEngineSettings,
                                     QWebEngineUrlRequestInterceptor)

from gui.map.scheme import PAGE_URL, SCHEME, install_scheme_handler

log = logging.getLogger(__name__)

LOCAL_SCHEMES = frozenset({SCHEME, "data"})

# Runs in every frame before the page's own script: no WebRTC constructors are left to call.
NO_WEBRTC = """(() => {
  for (const name of Object.getOwnPropertyNames(window)) {
    if (/^(webkit)?RTC|^MediaStreamTrack|^MediaStream$/.test(name)) { try { delete window[name]; } catch (e) {} }
  }
  if (navigator.mediaDevices) { try { delete Navigator.prototype.mediaDevices; } catch (e) {} }
})();"""

SETTINGS_OFF = ("LocalContentCanAccessFileUrls", "LocalContentCanAccessRemoteUrls", "JavascriptCanOpenWindows",
                "JavascriptCanAccessClipboard", "JavascriptCanPaste", "PluginsEnabled", "NavigateOnDropEnabled",
                "AllowRunningInsecureContent", "AllowGeolocationOnInsecureOrigins", "ScreenCaptureEnabled",
                "DnsPrefetchEnabled", "HyperlinkAuditingEnabled", "LocalStorageEnabled", "PdfViewerEnabled",
                "AllowWindowActivationFromJavaScript", "WebGLEnabled")
SETTINGS_ON = ("WebRTCPublicInterfacesOnly",)


class OfflineInterceptor(QWebEngineUrlRequestInterceptor):
    """Blocks every request for anything but the map page's own schemes, and remembers it.

    ``blocked`` lists the URLs refused (a test asserts it stays empty while the app works);
    ``schemes`` counts every request seen by scheme.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.blocked: list[str] = []
        self.schemes: dict[str, int] = {}

    def interceptRequest(self, info) -> None:  # noqa: N802 (Qt override)
        url = info.requestUrl()
        scheme = url.scheme()
        self.schemes[scheme] = self.schemes.get(scheme, 0) + 1
        if scheme not in LOCAL_SCHEMES:
            self.blocked.append(url.toString()[:500])
            log.warning("map page request blocked: %s", url.toString()[:200])
            info.block(True)


class MapPage(QWebEnginePage):
    """Loads only :data:`PAGE_URL`; logs the page's console; opens no windows."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        install_scheme_handler(self.profile())
        self.interceptor = OfflineInterceptor(self)
        self.setUrlRequestInterceptor(self.interceptor)
        self.refused: list[str] = []  # navigations refused (for tests and the log)
        settings = self.settings()
        for name in SETTINGS_OFF:
            settings.setAttribute(getattr(QWebEngineSettings.WebAttribute, name), False)
        for name in SETTINGS_ON:
            settings.setAttribute(getattr(QWebEngineSettings.WebAttribute, name), True)
        script = QWebEngineScript()
        script.setName("ocp-no-webrtc")
        script.setSourceCode(NO_WEBRTC)
        script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentCreation)
        script.setWorldId(QWebEngineScript.ScriptWorldId.MainWorld)
        script.setRunsOnSubFrames(True)
        self.scripts().insert(script)
        self.profile().downloadRequested.connect(self._refuse_download)

    def _refuse_download(self, item) -> None:
        if item.page() is self:
            self.refused.append(item.url().toString()[:500])
            log.warning("map page download refused: %s", item.downloadFileName()[:100])
            item.cancel()

    def load_map(self) -> None:
        self.load(PAGE_URL)

    def acceptNavigationRequest(self, url: QUrl, kind, is_main_frame: bool) -> bool:  # noqa: N802
        """Only the application itself (a typed load) may open the map page; the page navigates nowhere."""
        if is_main_frame and kind == QWebEnginePage.NavigationType.NavigationTypeTyped and url == PAGE_URL:
            return True
        self.refused.append(url.toString()[:500])
        log.warning("map page navigation refused: %s", url.toString()[:200])
        return False

    def createWindow(self, _kind):  # noqa: N802 (Qt override)
        log.warning("map page tried to open a window: refused")
        return None

    def javaScriptConsoleMessage(self, level, message, line, source) -> None:  # noqa: N802
        log.log(logging.WARNING if level else logging.DEBUG, "map.js:%s: %s", line, message)
