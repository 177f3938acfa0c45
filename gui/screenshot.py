"""Screenshot mode: open, wait until the map has drawn every layer and the picture is steady, grab, exit."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer

from gui import startup_timing as timing


def parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError as err:
        raise SystemExit(f"error: --size must look like 1600x1000, not {text!r}") from err
    return w, h


SETTLE_ROUNDS = 5  # fit-and-draw rounds at most, until two grabs agree


def wait_for_map(win, timeout_s: float) -> bool:
    """Spin the event loop until the map reports every layer drawn (or time runs out)."""
    loop = QEventLoop()
    done = {"ok": False}

    def finished() -> None:
        done["ok"] = True
        loop.quit()

    win.map.drawnAll.connect(finished)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    if win.map.ready and not win.project.layers and not win.project.rasters:
        return True
    loop.exec()
    win.map.drawnAll.disconnect(finished)
    return done["ok"]


def settled_grab(win, timeout_s: float):
    """The window once its map is drawn at the map's size and one more fit-and-draw round changes
    nothing (the page may be resized after the first fit, legends appear, a frame come late),
    and when that picture was first grabbed (startup_timing.now()); None on timeout."""
    if not wait_for_map(win, timeout_s):
        return None
    shot, at, laid_out = win.grab(), timing.now(), timing.drawn_as_laid_out(win.map)
    if not (win.project.layers or win.project.rasters):
        return shot, at
    for _ in range(SETTLE_ROUNDS):
        win.map.zoom_to_project()  # the fit for the layout as it is now; the page reports the frame
        if not wait_for_map(win, timeout_s):
            return None
        again, was_laid_out = win.grab(), laid_out
        laid_out = timing.drawn_as_laid_out(win.map)
        if was_laid_out and laid_out and again.toImage() == shot.toImage():
            break
        shot, at = again, timing.now()
    return shot, at


def take_screenshot(app, win, out: Path, size: str, timeout_s: float) -> int:
    w, h = parse_size(size)
    win.resize(w, h)
    win.show()
    win.map.zoom_to_project()
    got = settled_grab(win, timeout_s)
    if got is None:
        print(f"error: the map did not finish drawing within {timeout_s:.0f} s", file=sys.stderr)
        win.shutdown()
        return 1
    shot, shown_at = got
    timing.report(timing.SHOWN, shown_at)
    out.parent.mkdir(parents=True, exist_ok=True)
    saved = shot.save(str(out))
    win.shutdown()
    if not saved:
        print(f"error: could not write {out}", file=sys.stderr)
        return 1
    print(out)
    return 0
