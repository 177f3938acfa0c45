"""gui/startup_timing.py: the start-up clock and what counts as the drawn map."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

from gui import startup_timing as timing

ROOT = Path(__file__).resolve().parent.parent


def test_the_clock_counts_from_the_process_start_not_from_the_import():
    code = "import time; time.sleep(0.4); from gui.startup_timing import process_age; print(process_age())"
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True)
    assert 0.4 <= float(run.stdout) < 30


def test_milestones_print_only_when_asked(capsys, monkeypatch):
    monkeypatch.setitem(timing._on, "enabled", False)
    timing.report("window")
    assert capsys.readouterr().err == ""
    timing.enable()
    timing.report("window")
    timing.report(timing.SHOWN, (2.5, 1.25))
    err = capsys.readouterr().err.splitlines()
    assert re.fullmatch(r"timing: window \d+\.\d\d s \(cpu \d+\.\d\d s\)", err[0])
    assert err[1] == "timing: shown 2.50 s (cpu 1.25 s)"


def fake_view(page_size, size=(900, 600), pending=0):
    return SimpleNamespace(page_size=page_size, width=lambda: size[0], height=lambda: size[1],
                           outbox=SimpleNamespace(pending=pending))


def test_drawn_counts_only_at_the_widgets_size_with_nothing_queued():
    assert timing.drawn_as_laid_out(fake_view((900, 600)))
    assert not timing.drawn_as_laid_out(fake_view((640, 480)))  # the page not yet resized
    assert not timing.drawn_as_laid_out(fake_view(()))  # a report without a size
    assert not timing.drawn_as_laid_out(fake_view((900, 600), pending=2))  # the fit still queued
