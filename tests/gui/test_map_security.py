"""If script ever ran in the map page, it could not read files, reach the network over WebRTC,
navigate away, open windows, or run inline script and eval (issue 11, item 3)."""

from __future__ import annotations

import socket
import threading
import time

import pytest
from PySide6.QtCore import QUrl

from gui.map.scheme import PAGE_URL
from tests.gui.conftest import run_js

SECRET = "TOP-SECRET-42"


def run_async(qtbot, view, body: str, timeout: int = 10000):
    """Run an async JS function *body* in the page and return what it returns (or 'error: ...')."""
    run_js(qtbot, view, "(() => { window.__r = undefined; (async () => { try { window.__r = await (async () => {"
           + body + "})(); } catch (e) { window.__r = 'error: ' + e; } })(); return 1; })()")
    qtbot.waitUntil(lambda: run_js(qtbot, view, "window.__r !== undefined"), timeout=timeout)
    return run_js(qtbot, view, "window.__r")


@pytest.fixture
def secret_url(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return QUrl.fromLocalFile(str(path)).toString()


def test_page_is_served_from_its_own_scheme_with_nothing_blocked(make_window, project, caplog):
    win = make_window(project)
    assert "Content Security Policy" not in caplog.text  # the page itself breaks none of its rules
    page = win.map.page()
    assert page.url() == PAGE_URL
    assert set(page.interceptor.schemes) <= {"ocpmap", "data"}
    assert page.interceptor.schemes["ocpmap"] >= 6  # page, Leaflet, qwebchannel, tiled, map.js, css
    assert page.interceptor.blocked == [] and page.refused == []


def test_page_cannot_read_a_local_file(make_window, project, qtbot, secret_url):
    view = make_window(project).map
    xhr = run_async(qtbot, view, f"const x = new XMLHttpRequest(); x.open('GET', '{secret_url}', false); x.send();"
                                 " return x.responseText;")
    fetched = run_async(qtbot, view, f"return await (await fetch('{secret_url}')).text();")
    framed = run_async(qtbot, view, f"const f = document.createElement('iframe'); f.src = '{secret_url}';"
                                    " document.body.appendChild(f); await new Promise(r => setTimeout(r, 500));"
                                    " return f.contentDocument ? f.contentDocument.body.innerText : 'no document';")
    image = run_async(qtbot, view, "return await new Promise((ok) => { const i = new Image(); i.onload = () => ok('loaded');"
                                   f" i.onerror = () => ok('refused'); i.src = '{secret_url}'; }});")
    outside = run_async(qtbot, view, "return await new Promise((ok) => { const i = new Image(); i.onload = () => ok('loaded');"
                                     " i.onerror = () => ok('refused'); i.src = 'ocpmap://map/../../gis/paths.py'; });")
    assert xhr.startswith("error: NetworkError")
    assert fetched.startswith("error: TypeError")
    assert SECRET not in framed
    assert image == "refused" and outside == "refused"


def test_no_inline_script_and_no_eval(make_window, project, qtbot):
    view = make_window(project).map
    assert run_js(qtbot, view, "(() => { try { return eval('1 + 1'); } catch (e) { return e.name; } })()") == "EvalError"
    assert run_js(qtbot, view, "(() => { try { return new Function('return 1')(); } catch (e) { return e.name; } })()") \
        == "EvalError"
    ran = run_async(qtbot, view, "window.__hit = 0; const d = document.createElement('div');"
                                 " d.innerHTML = '<img src=\"data:,x\" onerror=\"window.__hit = 1\">';"
                                 " document.body.appendChild(d); const s = document.createElement('script');"
                                 " s.textContent = 'window.__hit = 2'; document.body.appendChild(s);"
                                 " await new Promise(r => setTimeout(r, 300)); return window.__hit;")
    assert ran == 0


class Listener:
    """A local UDP and TCP port that count what arrives (a STUN or TURN server the page could try)."""

    def __init__(self) -> None:
        self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.tcp = socket.socket()
        for sock in (self.udp, self.tcp):
            sock.bind(("127.0.0.1", 0))
            sock.settimeout(0.1)
        self.tcp.listen(4)
        self.packets = self.connections = 0
        self._stop = time.monotonic() + 8
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        while time.monotonic() < self._stop:
            for sock in (self.udp, self.tcp):
                try:
                    if sock is self.udp:
                        sock.recvfrom(2048)
                        self.packets += 1
                    else:
                        sock.accept()[0].close()
                        self.connections += 1
                except OSError:
                    pass

    def ice_servers(self) -> str:
        udp, tcp = self.udp.getsockname()[1], self.tcp.getsockname()[1]
        return (f"[{{urls: 'stun:127.0.0.1:{udp}'}}, {{urls: 'turn:127.0.0.1:{tcp}?transport=tcp',"
                " username: 'u', credential: 'c'}]")

    def close(self) -> None:
        self._stop = 0
        self.udp.close()
        self.tcp.close()


def test_webrtc_is_gone_and_sends_nothing(make_window, project, qtbot):
    view = make_window(project).map
    listener = Listener()
    try:
        main = run_js(qtbot, view, "[typeof RTCPeerConnection, typeof webkitRTCPeerConnection, typeof RTCDataChannel,"
                                   " typeof navigator.mediaDevices, String(window.isSecureContext)]")
        # a fresh frame still has the constructor; the Chromium switches keep it from sending anything
        framed = run_async(qtbot, view, "const f = document.createElement('iframe'); document.body.appendChild(f);"
                                        " const C = f.contentWindow.RTCPeerConnection; if (!C) return 'none';"
                                        f" const pc = new C({{iceServers: {listener.ice_servers()}}});"
                                        " pc.createDataChannel('x'); const found = [];"
                                        " pc.onicecandidate = (e) => { if (e.candidate) found.push(e.candidate.candidate); };"
                                        " await pc.setLocalDescription(await pc.createOffer());"
                                        " await new Promise(r => setTimeout(r, 2500)); return found;")
        qtbot.wait(300)
        assert main == ["undefined", "undefined", "undefined", "undefined", "false"]
        assert framed in ("none", [])
        assert (listener.packets, listener.connections) == (0, 0)
    finally:
        listener.close()


def test_page_cannot_navigate_or_open_windows(make_window, project, qtbot):
    view = make_window(project).map
    page = view.page()
    run_js(qtbot, view, "(() => { location.href = 'file:///etc/passwd'; return 1; })()")  # Chromium refuses
    run_js(qtbot, view, "(() => { location.href = 'ocpmap://map/map.css'; return 1; })()")  # the page refuses
    qtbot.waitUntil(lambda: "ocpmap://map/map.css" in page.refused, timeout=5000)
    opened = run_js(qtbot, view, "window.open('ocpmap://map/map.html') === null")
    run_js(qtbot, view, "(() => { const a = document.createElement('a'); a.href = 'data:text/plain,x';"
                        " a.download = 'evil.txt'; document.body.appendChild(a); a.click(); return 1; })()")
    qtbot.waitUntil(lambda: "data:text/plain,x" in page.refused, timeout=5000)
    run_js(qtbot, view, "(() => { location.reload(); return 1; })()")
    run_js(qtbot, view, "(() => { history.back(); return 1; })()")
    qtbot.wait(500)
    assert opened is True
    assert page.url() == PAGE_URL
    assert page.refused.count(PAGE_URL.toString()) >= 1  # the reload
    assert run_js(qtbot, view, "ocp.layerCount()") == 2  # still the same page, still drawn
