"""Presentation mode on the demo at projector sizes: the screen is set through Qt's offscreen
configfile, so each size runs in its own process (tests/gui/present_screens.py)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
KEYS = {"Esc"}  # key names on the buttons: "结束 (Esc)"


def present(size: str, out: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["OCP_CONFIG_DIR"] = str(out / "config")
    run = subprocess.run([sys.executable, "-m", "tests.gui.present_screens", size, str(out)], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=600)
    line = next((ln for ln in run.stdout.splitlines() if ln.startswith("PRESENT ")), None)
    assert run.returncode == 0 and line, run.stderr[-3000:]
    return json.loads(line[len("PRESENT "):])


def inside(box, width, height) -> bool:
    return box[0] >= 0 and box[1] >= 0 and box[2] <= width and box[3] <= height


def overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.slow
@pytest.mark.parametrize("size", ["1600x1000", "1366x768"])
def test_presentation_fills_a_projector_screen_clear_of_card_legend_and_bar(size, tmp_path):
    width, height = (int(v) for v in size.split("x"))
    report = present(size, tmp_path)
    assert report["platform_screen"] == [width, height]
    for state in ("overview_after", "overview_before", "zone_after", "zone_before"):
        m = report[state]
        assert m["screen"] == [width, height] and m["map"] == [0, 0, width, height], (state, m)  # full screen
        card, bar, legends = m["card"], m["bar"], m["legends"]
        assert legends, f"{state}: no gap legend"
        for box in (card, bar, *legends):
            assert inside(box, width, height), (state, "clipped by the screen", box)
        assert m["card_fits"] and m["legends_fit"], f"{state}: wrapped lines are cut"
        assert not any(overlap(a, b) for a in (card, *legends) for b in (bar, *legends, card) if a is not b), m
        assert not m["boxes"], f"{state}: drawn as boxes: {m['boxes']}"
        texts = m["card_texts"] + m["legend_texts"] + m["bar_texts"]
        assert all(re.search(r"[\u4e00-\u9fff]", t) for t in m["card_texts"][1:] if t), m["card_texts"]
        latin = {w for t in texts for w in LATIN_WORD.findall(re.sub(r"<[^>]+>", "", t))} - KEYS
        assert not latin, f"{state}: English in the Chinese UI: {latin}"
        shown = m["district"] if state.startswith("overview") else m["zone"]
        left_of = max(b[2] for b in (card, *legends))
        assert shown[0] >= left_of - 2 and shown[3] <= bar[1] + 2, (state, "covered", shown, card, legends, bar)
        assert inside(shown, width + 2, height + 2), (state, "cut off", shown)
    district = report["overview_after"]["district"]
    assert (district[2] - district[0]) / width >= 0.5, f"the district fills {district} of {width} px"
    paint = report["overview_recoloured"]  # the planned site's compounds change colour, and only they
    assert paint["gaps_changed"] > 0 and paint["recoloured"] >= 0.8 * paint["gaps_changed"], paint
    assert paint["recoloured_unchanged"] <= 1, paint  # the planned site's own dot may sit on one
    assert report["overview_after"]["card_texts"] != report["overview_before"]["card_texts"]
    assert report["zone_after"]["legend_texts"] != report["zone_before"]["legend_texts"]
    for name in ("overview-after", "overview-before", "zone-after", "zone-before"):
        assert (tmp_path / f"{name}.png").stat().st_size > 50_000
