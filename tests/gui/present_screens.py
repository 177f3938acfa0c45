"""Presentation mode on the demo district on a screen of a given size, grabbed and measured.

Run in its own process, because the screen's size is fixed when Qt starts (the offscreen
platform reads it from a config file)::

    python -m tests.gui.present_screens 1600x1000 OUT_DIR [--zone K]

It suggests zones, analyses the gaps, accepts one suggested site as a planned facility,
presses F5 and saves ``overview-after.png``, ``overview-before.png``, ``zone-after.png`` and
``zone-before.png`` (zone K of the tour, default: the one whose card changes most) into OUT_DIR,
and prints one JSON line of measurements (the district's box on the screen, the card, legend
and bar rectangles, the card's texts, Chinese glyph checks) for tests/gui/test_presentation_screens.py.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

CJK = range(0x4E00, 0xA000)


def screen_config(width: int, height: int, folder: Path) -> str:
    """The offscreen platform's argument for one screen of *width* x *height* (Qt's configfile)."""
    path = folder / f"screen-{width}x{height}.json"
    path.write_text(json.dumps({"screens": [{"name": "projector", "x": 0, "y": 0, "width": width, "height": height,
                                             "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    return f"offscreen:configfile={path}"


def wait(condition, timeout_s: float = 120.0, step_ms: int = 50) -> bool:
    """Run the event loop until *condition()* holds (or time runs out)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop, timer = QEventLoop(), QTimer()
    timer.timeout.connect(lambda: condition() and loop.quit())
    timer.start(step_ms)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    if not condition():
        loop.exec()
    timer.stop()
    return bool(condition())


def pause(ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def demo_window():
    """The demo with suggested zones, in a main window whose map has drawn."""
    from gis.demo import load_demo_project
    from gis.domain import Role
    from gis.settings import Settings
    from gis.zones.model import ZoneModel
    from gis.zones.suggest import accept, suggest_for
    from gui.main_window import MainWindow

    project = load_demo_project()
    compounds = project.first(Role.COMPOUNDS)
    from gui.i18n import tr_gis

    model = ZoneModel.from_layer(compounds, gap=30.0)
    model.name_template = tr_gis("zones", model.name_template)  # as the zones controller names them
    project.set_zones(model)
    accept(model, suggest_for(model, compounds))
    project.mark_dirty(False)
    win = MainWindow(project, Settings(autosave_minutes=0))
    win.resize(1200, 800)
    drawn = []
    win.map.drawnAll.connect(lambda *_a: drawn.append(1))
    win.show()
    win.map.zoom_to_project()
    assert wait(lambda: drawn), "the map did not draw"
    return win


def feature(win, name: str):
    return next(f for f in win.features if type(f).__name__ == name)


def plan_one_site(win) -> None:
    """Analyse the gaps, accept one suggested site (greedy, k = 1) and analyse again."""
    gaps = feature(win, "GapsController")
    assert gaps.compute() is not None
    assert wait(lambda: gaps.task is None), "the gap analysis did not finish"
    dialog = gaps.open_siting()
    dialog.method.setCurrentIndex(dialog.method.findData("greedy"))
    dialog.k.setValue(1)
    assert dialog.suggest() is not None, dialog.status.text()
    assert wait(lambda: dialog.task is None and dialog.result is not None), dialog.status.text()
    dialog.accept_sites()
    assert wait(lambda: gaps.task is None and gaps.planned_layer() is not None), "no planned site"
    dialog.close()


def district_box(win) -> list[float]:
    """The compounds' bounds on the map, in map-widget pixels: [left, top, right, bottom]."""
    from gis.domain import Role

    minx, miny, maxx, maxy = win.project.first(Role.COMPOUNDS).display_data().total_bounds
    return js(win.map, f"(() => {{ const a = map.latLngToContainerPoint([{miny}, {minx}]);"
                       f" const b = map.latLngToContainerPoint([{maxy}, {maxx}]); return [a.x, b.y, b.x, a.y]; }})()")


def zone_box(mode) -> list[float] | None:
    """The shown zone's bounds on the map, in map-widget pixels (None on the overview)."""
    import geopandas as gpd

    from gis.crs import WGS84

    if mode.index < 0:
        return None
    outline = mode.project.zones.outline(mode.summaries[mode.index].zone_id)
    minx, miny, maxx, maxy = gpd.GeoSeries([outline], crs=mode.project.crs).to_crs(WGS84).total_bounds
    return js(mode.view, f"(() => {{ const a = map.latLngToContainerPoint([{miny}, {minx}]);"
                         f" const b = map.latLngToContainerPoint([{maxy}, {maxx}]); return [a.x, b.y, b.x, a.y]; }})()")


def compound_colours(win, image) -> list[str]:
    """The colour of *image* (a grab of the full-screen map) at each compound's inner point."""
    from gis.domain import Role

    points = win.project.first(Role.COMPOUNDS).display_data().geometry.representative_point()
    latlng = json.dumps([[round(p.y, 7), round(p.x, 7)] for p in points])
    xy = js(win.map, f"{latlng}.map(p => {{ const c = map.latLngToContainerPoint(p); return [c.x, c.y]; }})")
    inside = [(int(x), int(y)) for x, y in xy]
    return [image.pixelColor(x, y).name() if image.rect().contains(x, y) else "" for x, y in inside]


def recoloured(mode, win, after, before) -> dict:
    """Which compounds B recoloured on the overview, against which lack fewer services after the plan."""
    import numpy as np

    changed = mode._after.gaps.n_missing() != mode._before.gaps.n_missing()
    a, b = compound_colours(win, after), compound_colours(win, before)
    differ = np.array([x != y for x, y in zip(a, b)])
    return {"compounds": len(a), "gaps_changed": int(changed.sum()), "recoloured": int((differ & changed).sum()),
            "recoloured_unchanged": int((differ & ~changed).sum())}


def js(view, expression: str):
    """A JS expression's value in the map page, through JSON (as tests.gui.conftest.run_js)."""
    box = {}
    view.page().runJavaScript(f"JSON.stringify({expression})", 0, lambda r: box.setdefault("r", r))
    assert wait(lambda: "r" in box, 60), "the page did not answer"
    return json.loads(box["r"])


def rect(widget, screen) -> list[int]:
    """*widget*'s rectangle in *screen* coordinates, [left, top, right, bottom] (exclusive)."""
    from PySide6.QtCore import QPoint

    p = widget.mapTo(screen, QPoint(0, 0))
    return [p.x(), p.y(), p.x() + widget.width(), p.y() + widget.height()]


def fits(panel) -> bool:
    """Whether *panel* is tall enough for its wrapped lines at its width (nothing cut at the bottom)."""
    layout = panel.layout()
    return not layout.hasHeightForWidth() or panel.height() >= layout.totalHeightForWidth(panel.width())


def glyphs_drawn(texts: list[str], font) -> list[str]:
    """The Chinese characters of *texts* that the font draws as the missing-glyph box."""
    from tests.gui.test_chinese_text import render_qt

    box = render_qt("\U0010fffd", font)
    chars = sorted({c for t in texts for c in t if ord(c) in CJK})
    return [c for c in chars if render_qt(c, font) == box]


def measure(mode, win) -> dict:
    """What the checks read off one state of the presentation."""
    from gui.map.floating import FloatingPanel

    screen = mode.screen
    card = screen.card
    texts = [card.title.text(), *(lbl.text() for lbl in card.lines.values()), card.pooling.text(),
             card.state.text()]
    legends = [p for p in win.map.findChildren(FloatingPanel) if p.isVisible()]
    legend_texts = [lbl.text() for p in legends for lbl in p.findChildren(type(card.title)) if lbl.text()]
    bar_texts = [b.text() for b in screen.bar.findChildren(type(screen.next_button))] + [screen.position.text()]
    return {"screen": [screen.width(), screen.height()], "map": rect(win.map, screen),
            "district": district_box(win), "zone": zone_box(mode), "card": rect(card, screen), "bar": rect(screen.bar, screen),
            "legends": [rect(p, screen) for p in legends], "card_texts": texts, "legend_texts": legend_texts,
            "bar_texts": bar_texts, "card_fits": fits(card), "legends_fit": all(fits(p) for p in legends),
            "boxes": glyphs_drawn(texts + legend_texts + bar_texts, card.font()), "zoom": win.map.view_state.get("zoom")}


def settle(win, quiet_ms: int = 1500) -> None:
    """Wait until the page has the screen's size and the view stopped moving for *quiet_ms*."""
    import time

    screen = win.map.window()
    assert wait(lambda: js(win.map, "[map.getSize().x, map.getSize().y]") == [screen.width(), screen.height()]), \
        "the page never took the screen's size"
    assert wait(lambda: js(win.map, "ocp.waiting()") == 0, 60), "the page kept messages waiting"  # e.g. a fit behind a fetch
    moved = [time.monotonic()]

    def on_move(_view) -> None:
        moved.append(time.monotonic())

    win.map.viewChanged.connect(on_move)
    assert wait(lambda: time.monotonic() - moved[-1] > quiet_ms / 1000, 60), "the view kept moving"
    win.map.viewChanged.disconnect(on_move)
    pause(300)  # the last frame


def main(argv: list[str]) -> int:
    size, out = argv[0], Path(argv[1])
    zone = int(argv[argv.index("--zone") + 1]) if "--zone" in argv else None
    width, height = (int(v) for v in size.split("x"))
    out.mkdir(parents=True, exist_ok=True)
    os.environ["QT_QPA_PLATFORM"] = screen_config(width, height, Path(tempfile.mkdtemp()))
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    os.environ.setdefault("OCP_CONFIG_DIR", tempfile.mkdtemp())
    from gui.app import setup_app

    app = setup_app("zh_CN")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    win = demo_window()
    plan_one_site(win)
    exports = feature(win, "ExportsController")
    assert exports.present_action.shortcut().toString() == "F5"
    exports.present_action.trigger()  # F5 (key events reach no shortcut of an inactive offscreen window)
    mode = exports.presentation
    assert mode is not None and mode.active, "F5 did not start the presentation"
    assert wait(lambda: not mode._pending), "the presentation's figures did not come"
    screen = mode.screen
    report = {"platform_screen": [app.primaryScreen().size().width(), app.primaryScreen().size().height()]}
    if zone is None:  # the zone where the planned site changes most
        changes = [s.gaps_counted(before=True) - s.gaps_counted(before=False) for s in mode.summaries]
        zone = max(range(len(changes)), key=lambda k: changes[k]) if changes else 0
    grabs = {}
    for where in ("overview", "zone"):
        if where == "zone":
            mode.show(zone)
        for state in ("after", "before"):  # B switches to "before", then back to "after"
            settle(win)
            report[f"{where}_{state}"] = measure(mode, win)
            grabs[where, state] = screen.grab().toImage()
            grabs[where, state].save(str(out / f"{where}-{state}.png"))
            if (where, state) == ("overview", "before"):
                report["overview_recoloured"] = recoloured(mode, win, grabs[where, "after"], grabs[where, state])
            QTest.keyClick(screen, Qt.Key.Key_B)
    report["zone"] = zone
    mode.stop()
    win.close_guards.clear()
    win.shutdown()
    print("PRESENT " + json.dumps(report, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
