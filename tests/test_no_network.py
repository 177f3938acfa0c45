"""No network unless asked: the window on the demo, every command and every export format make
no outbound request.

One audited process (tests/net_audit.py) opens the window on the demo district and draws it
(screenshot mode), then runs every command and every export format on the demo. Python-level
connections and name look-ups are seen by an audit hook; on Linux, ``strace`` also sees every
connect/send of the process and its children (Chromium's, GDAL's), so requests made in C count too.
The map page's request interceptor is watched too: it saw only the page's own requests.
"""

from __future__ import annotations

import ipaddress
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "demo"
STRACE_ARGS = ["-f", "-qq", "--seccomp-bpf", "-e", "trace=connect,sendto,sendmsg,sendmmsg"]


def usable_strace() -> str | None:
    """strace, when it exists here and may trace (containers can forbid ptrace)."""
    path = shutil.which("strace") if sys.platform.startswith("linux") else None
    if path and subprocess.run([path, *STRACE_ARGS, "-o", os.devnull, "true"], capture_output=True).returncode == 0:
        return path
    return None


STRACE = usable_strace()
EXPORTS = {"gpkg": ".gpkg", "shp": "", "geojson": "", "kml": ".kml", "dxf": ".dxf", "xlsx": ".xlsx",
           "html": ".html", "pdf": ".pdf", "png": ".png"}
INET = re.compile(r'inet_(?:addr\("([^"]+)"\)|pton\(AF_INET6, "([^"]+)")')


def demo_jobs(tmp: Path) -> list[list[str]]:
    """The window first (it sets Qt up as the app does), then every command and export format."""
    gpkg = str(tmp / "demo.gpkg")
    jobs = [["--screenshot", str(tmp / "window.png"), "--size", "1000x700"],
            ["save-demo", gpkg],
            ["inspect", str(DEMO / "compounds.shp"), "--json"],
            ["inspect", str(DEMO / "facilities.csv"), "--json"],
            ["zones", str(DEMO / "compounds.shp"), "--json"],
            ["service-areas", str(DEMO / "facilities.csv"), "--facilities-crs", "cgcs2000",
             "--network", str(DEMO / "roads.shp"), "--json"],
            ["gaps", "--compounds", str(DEMO / "compounds.shp"), "--facilities", str(DEMO / "facilities.csv"),
             "--facilities-crs", "cgcs2000", "--buildings", str(DEMO / "buildings.shp"),
             "--network", str(DEMO / "roads.shp"), "--json"],
            ["access", "--compounds", str(DEMO / "compounds.shp"), "--facilities", str(DEMO / "facilities.csv"),
             "--facilities-crs", "cgcs2000", "--type", "kindergarten", "--network", str(DEMO / "roads.shp"),
             "--json"]]
    survey = tmp / "survey.csv"
    survey.write_text("小区名称,户数\n北园大街,160\n汽车厂宿舍,204\n", encoding="utf-8")
    jobs.append(["join", str(DEMO / "compounds.shp"), str(survey), "--out", str(tmp / "joined.gpkg"), "--json"])
    jobs += [["export", gpkg, "--format", fmt, "--out", str(tmp / f"out-{fmt}{ext}"), "--json"]
             for fmt, ext in EXPORTS.items()]
    jobs.append(["plan", gpkg, "--out", str(tmp / "plan.xlsx"), "--json"])
    return jobs


def traced_outbound(trace: Path) -> list[str]:
    """Non-loopback IPv4/IPv6 addresses in an strace log of connect/send calls."""
    found = []
    for line in trace.read_text(errors="replace").splitlines():
        for v4, v6 in INET.findall(line):
            address = ipaddress.ip_address(v4 or v6)
            if not (address.is_loopback or address.is_unspecified):
                found.append(line.strip()[:200])
    return found


def audited(jobs: list[list[str]], tmp: Path) -> tuple[dict, list[str] | None, str]:
    """Run *jobs* in one audited process: (report, strace's outbound or None, stderr)."""
    (tmp / "jobs.json").write_text(json.dumps(jobs), encoding="utf-8")
    cmd = [sys.executable, str(ROOT / "tests" / "net_audit.py"), str(tmp / "report.json"), str(tmp / "jobs.json")]
    if STRACE:
        cmd = [STRACE, *STRACE_ARGS, "-o", str(tmp / "trace.txt")] + cmd
    env = dict(os.environ, OCP_CONFIG_DIR=str(tmp / "config"))
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=240)
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = json.loads((tmp / "report.json").read_text(encoding="utf-8"))
    return report, traced_outbound(tmp / "trace.txt") if STRACE else None, proc.stderr


def test_the_audit_sees_an_outbound_connection(tmp_path):
    report, traced, _err = audited([["probe", "192.0.2.1"]], tmp_path)  # TEST-NET-1: never routed
    assert report["outbound"] == ["socket.connect 192.0.2.1"]
    assert traced is None or any("192.0.2.1" in line for line in traced)


@pytest.mark.slow
def test_window_commands_and_exports_make_no_outbound_request(tmp_path):
    jobs = demo_jobs(tmp_path)
    report, traced, err = audited(jobs, tmp_path)
    assert [code for _job, code, _s in report["jobs"]] == [0] * len(jobs), report["jobs"]
    assert (tmp_path / "window.png").stat().st_size > 10_000  # the window drew the demo
    assert report["outbound"] == []
    assert traced in (None, [])
    assert report["page"]["ocpmap"] >= 6 and set(report["page"]) <= {"ocpmap", "data"}, report["page"]
    assert report["page_blocked"] == []
    assert "navigation refused" not in err
