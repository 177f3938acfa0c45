"""Run ``main.py`` invocations under a socket audit hook and report every non-local connection.

    python tests/net_audit.py REPORT.json JOBS.json

JOBS is a JSON list; each job is a ``main.py`` argument list, ``["save-demo", PATH]`` (save the
demo district as a project) or ``["probe", ADDRESS]`` (try one TCP connection: proves the audit sees it). The hook is installed before anything else is imported and records
``socket.connect``/``sendto``, name look-ups and ``urllib``/``http.client`` opens whose target is not
this machine. REPORT gets ``{"jobs": [[argv, exit code, seconds], ...], "outbound": [...],
"page": {scheme: count of the map page's requests}, "page_blocked": [...]}``. Requests made in C
(Chromium, GDAL's curl) are not Python events: the map page's request interceptor
(gui/map/page.py) is watched here, and the test adds ``strace`` where it exists.
"""

from __future__ import annotations

import ipaddress
import json
import sys
import time

OUTBOUND: list[str] = []
PAGE: dict = {"page": {}, "page_blocked": []}
LOCAL_NAMES = {"", "localhost", "localhost.localdomain"}


def is_local(host) -> bool:
    """Whether *host* (a name, an address, None or a Unix socket path) is this machine."""
    if host is None or isinstance(host, (bytes, bytearray)):
        return True
    host = str(host).strip("[]").lower()
    if host in LOCAL_NAMES:
        return True
    try:
        address = ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def _address_host(address):
    """The host of a socket address (None for Unix sockets and anything not (host, port, ...))."""
    if isinstance(address, tuple) and address and isinstance(address[0], str):
        return address[0]
    return None


def hook(event: str, args: tuple) -> None:
    if event in ("socket.connect", "socket.sendto"):
        host = _address_host(args[1])
    elif event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr", "http.client.connect"):
        host = args[1] if event == "http.client.connect" else args[0]
    elif event == "urllib.Request":
        host = args[0]
        if str(host).startswith("file:"):
            return
    else:
        return
    if not is_local(host):
        OUTBOUND.append(f"{event} {str(host)[:200]}")


def probe(address: str) -> int:
    import socket

    with socket.socket() as sock:
        sock.setblocking(False)
        sock.connect_ex((address, 9))
    return 0


def watch_map_page() -> None:
    """Record what the map page's interceptor sees, by scheme, and what it blocks."""
    from gui.map.page import OfflineInterceptor

    intercept = OfflineInterceptor.interceptRequest

    def watched(self, info) -> None:
        before = len(self.blocked)
        intercept(self, info)
        scheme = info.requestUrl().scheme()
        PAGE["page"][scheme] = PAGE["page"].get(scheme, 0) + 1
        PAGE["page_blocked"].extend(self.blocked[before:])

    OfflineInterceptor.interceptRequest = watched


def run_job(job: list[str]) -> int:
    if job[0] == "probe":
        return probe(job[1])
    if job[0] == "save-demo":
        from gis.demo import load_demo_project
        from gis.project_file import save_project

        save_project(load_demo_project(), job[1])
        return 0
    import main

    try:
        return int(main.main(job) or 0)
    except SystemExit as exc:
        return int(exc.code or 0)


def main_(argv: list[str]) -> int:
    report_path, jobs_path = argv
    sys.addaudithook(hook)
    watch_map_page()
    with open(jobs_path, encoding="utf-8") as f:
        jobs = json.load(f)
    done = []
    for job in jobs:
        t0 = time.perf_counter()
        code = run_job(job)
        done.append([job, code, round(time.perf_counter() - t0, 2)])
    with open(report_path, "w", encoding="utf-8") as f:
        json.dump({"jobs": done, "outbound": OUTBOUND, **PAGE}, f, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, ".")
    sys.exit(main_(sys.argv[1:]))
