"""Screenshot mode: open, wait until the map has drawn every layer, grab, exit."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer


def parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError as err:
        raise SystemExit(f"error: --size must look like 1600x1000, not {text!r}") from err
    return w, h


def wait_for_map(win, timeout_s: float) -> bool:
    """Spin the event loop until the map reports every layer drawn (or time runs out)."""
    loop = QEventLoop()
    done = {"ok": False}

    def finished() -> None:
        done["ok"] = True
        # let labels and the last canvas frame settle
        QTimer.singleShot(600, loop.quit)

    win.map.drawnAll.connect(finished)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    if win.map.ready and not win.project.layers and not win.project.rasters:
        return True
    loop.exec()
    win.map.drawnAll.disconnect(finished)
    return done["ok"]


def take_screenshot(app, win, out: Path, size: str, timeout_s: float) -> int:
    w, h = parse_size(size)
    win.resize(w, h)
    win.show()
    win.map.zoom_to_project()
    ok = wait_for_map(win, timeout_s)
    if ok and (win.project.layers or win.project.rasters):  # fit again now the layout has settled, and wait for that frame
        win.map.zoom_to_project()
        ok = wait_for_map(win, timeout_s)
    if not ok:
        print(f"error: the map did not finish drawing within {timeout_s:.0f} s", file=sys.stderr)
        win.shutdown()
        return 1
    out.parent.mkdir(parents=True, exist_ok=True)
    saved = win.grab().save(str(out))
    win.shutdown()
    if not saved:
        print(f"error: could not write {out}", file=sys.stderr)
        return 1
    print(out)
    return 0
