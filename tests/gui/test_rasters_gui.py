"""Rasters in the window: drawn under the vectors through ocpmap://tiles/, opacity and visibility from
the layer panel, bad files refused with one message and nothing else touched."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from gis.raster.layer import open_raster_layer
from gui.map.raster_tiles import tile_server
from tests.gis.raster_samples import geotiff, world_image
from tests.gui.conftest import X0, Y0, color_pixels, run_js, settle

GREEN = "#00ff00"  # the raster's top-right quadrant: nothing else on the map is pure green


@pytest.fixture
def raster_path(tmp_path):
    return geotiff(tmp_path / "ortho.tif", size=700, crs="EPSG:4527", origin=(X0 - 80, Y0 + 620))


def shown_window(make_window, project, raster_path, qtbot):
    project.add_raster(open_raster_layer(raster_path))
    win = make_window(project)
    qtbot.waitUntil(lambda: run_js(qtbot, win.map, "rastersLoading()") == 0, timeout=20000)
    settle(qtbot, win)
    return win


def redraw(qtbot, win, change) -> None:
    with qtbot.waitSignal(win.map.drawnAll, timeout=15000):
        change()
    settle(qtbot, win)


def test_raster_is_drawn_under_the_vectors_and_follows_the_panel(make_window, project, raster_path, qtbot):
    served = tile_server().served
    win = shown_window(make_window, project, raster_path, qtbot)
    assert tile_server().served > served
    assert color_pixels(win.map.grab().toImage(), GREEN) > 2000
    panes = run_js(qtbot, win.map, "[+map.getPane('ocpRasters').style.zIndex, +getComputedStyle(map.getPane("
                                   "'tilePane')).zIndex]")
    assert panes[0] < panes[1]  # the vector layers' pane is above the rasters'
    assert win.layers.tree.topLevelItem(win.layers.tree.topLevelItemCount() - 1).text(0) == "ortho.tif"
    raster = project.rasters[0]
    win.layers.select_layer(raster)
    assert win.layers.opacity_box.isVisibleTo(win.layers)
    redraw(qtbot, win, lambda: win.layers.opacity.setValue(0))
    assert raster.opacity == 0 and color_pixels(win.map.grab().toImage(), GREEN) == 0
    redraw(qtbot, win, lambda: win.layers.opacity.setValue(100))
    item = win.layers.tree.currentItem()
    redraw(qtbot, win, lambda: item.setCheckState(0, item.checkState(0).__class__.Unchecked))
    assert not raster.visible and color_pixels(win.map.grab().toImage(), GREEN) == 0


def test_tile_urls_name_only_registered_rasters(raster_path):
    from gis.raster.tiles import TileSource

    server = tile_server()
    token = server.register(TileSource(open_raster_layer(raster_path).info))
    try:
        assert server.parse(f"/{token}/18/100/200.png") is not None
        for bad in (f"/{token}/18/100/200.jpg", f"/{token}/3/8/0.png", f"/{'0' * 32}/1/0/0.png",
                    f"/{token}/../../etc/passwd", f"/{token}/1/0/0.png?x=1", f"/{token[:-1]}/1/0/0.png"):
            assert server.parse(bad) is None, bad
    finally:
        server.unregister(token)
    assert server.parse(f"/{token}/18/100/200.png") is None


def test_a_truncated_tiff_gets_one_message_and_nothing_changes(make_window, project, tmp_path, qtbot):
    win = make_window(project)
    path = geotiff(tmp_path / "cut.tif", size=600)
    path.write_bytes(path.read_bytes()[:200_000])
    before = [lyr.id for lyr in project.layers]
    win.layers.tree.clearSelection()
    controller = next(f for f in win.features if type(f).__name__ == "RasterController")
    controller.add_paths([path])
    qtbot.waitUntil(lambda: win.findChild(QMessageBox, "raster-error") is not None, timeout=15000)
    box = win.findChild(QMessageBox, "raster-error")
    assert "cut.tif" in box.text() and box.isVisible()
    assert project.rasters == [] and [lyr.id for lyr in project.layers] == before
    box.close()


def test_an_image_with_a_world_file_asks_for_its_crs(make_window, project, tmp_path, qtbot, monkeypatch):
    asked = []
    monkeypatch.setattr("gui.rasters.controller.ask_raster_crs",
                        lambda _w, message, candidates: asked.append((message, candidates)) or "EPSG:4548")
    win = make_window(project)
    controller = next(f for f in win.features if type(f).__name__ == "RasterController")
    controller.add_paths([world_image(tmp_path / "scan.png")])
    qtbot.waitUntil(lambda: len(project.rasters) == 1, timeout=15000)
    assert len(asked) == 1 and "scan.png" in asked[0][0] and asked[0][1]
    assert project.rasters[0].crs == "EPSG:4548" and project.rasters[0].info.crs.to_epsg() == 4548


def test_the_answer_for_an_images_crs_is_remembered(make_window, project, tmp_path, qtbot, monkeypatch):
    """Asked once (the import dialog's memory): the same image added again opens in that CRS, and the
    status bar says so; a changed image is asked again."""
    from gui.importing.controller import crs_memory

    asked = []
    monkeypatch.setattr("gui.rasters.controller.ask_raster_crs", lambda *_a: asked.append(1) or "EPSG:4548")
    image = world_image(tmp_path / "scan.png")
    win = make_window(project)
    controller = next(f for f in win.features if type(f).__name__ == "RasterController")
    controller.add_paths([image])
    qtbot.waitUntil(lambda: len(project.rasters) == 1, timeout=15000)
    assert asked == [1] and crs_memory().recall(image) == "EPSG:4548"
    controller.add_paths([image])
    qtbot.waitUntil(lambda: len(project.rasters) == 2, timeout=15000)
    assert asked == [1] and project.rasters[1].crs == "EPSG:4548"
    assert "EPSG:4548" in win.statusBar().currentMessage()
    from gis.opening import open_many

    assert open_many([image], memory=crs_memory()).rasters[0].crs == "EPSG:4548"  # --screenshot recalls it too
    image.write_bytes(image.read_bytes() + b"\0")  # changed: not the file the answer was for
    controller.add_paths([image])
    qtbot.waitUntil(lambda: len(project.rasters) == 3, timeout=15000)
    assert asked == [1, 1]


def test_a_moved_raster_is_asked_for_on_open_and_relinked(make_window, project, raster_path, qtbot, monkeypatch,
                                                         tmp_path):
    from gis.project_file import open_project, save_project

    project.add_raster(open_raster_layer(raster_path))
    save_project(project, tmp_path / "plan.gpkg")
    moved = tmp_path / "elsewhere" / "ortho_2024.tif"
    moved.parent.mkdir()
    raster_path.rename(moved)
    reopened = open_project(tmp_path / "plan.gpkg")
    assert reopened.rasters[0].missing
    monkeypatch.setattr("gui.rasters.controller.QFileDialog.getOpenFileName", lambda *a, **k: (str(moved), ""))
    win = make_window(reopened)
    qtbot.waitUntil(lambda: win.findChild(QMessageBox, "raster-missing") is not None, timeout=10000)
    box = win.findChild(QMessageBox, "raster-missing")
    assert "ortho.tif" in box.text()
    next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click()  # Locate…
    qtbot.waitUntil(lambda: not reopened.rasters[0].missing, timeout=15000)
    assert reopened.rasters[0].path == str(moved) and reopened.dirty
    tree = win.layers.tree
    qtbot.waitUntil(lambda: tree.topLevelItem(tree.topLevelItemCount() - 1).text(0) == "ortho.tif", timeout=5000)


def test_an_image_dropped_with_its_world_file_is_one_raster(make_window, project, tmp_path, qtbot, monkeypatch):
    from gui.rasters.controller import split_rasters

    image = world_image(tmp_path / "scan.png")
    world = tmp_path / "scan.pgw"
    assert split_rasters([image, world, tmp_path / "roads.shp"]) == ([image], [tmp_path / "roads.shp"])
    monkeypatch.setattr("gui.rasters.controller.ask_raster_crs", lambda *_a: "EPSG:4548")
    win = make_window(project)
    importer = next(f for f in win.features if type(f).__name__ == "ImportController")
    importer.open_paths([image, world])
    qtbot.waitUntil(lambda: len(project.rasters) == 1, timeout=15000)
    assert importer.queue == [] and len(project.layers) == 2


def test_building_overviews_shows_progress_and_cancel_adds_nothing(make_window, project, raster_path, qtbot,
                                                                   monkeypatch):
    import time

    from PySide6.QtWidgets import QProgressDialog, QPushButton

    seen = []

    def slow_build(info, root=None, *, feedback=None):  # stands for a 20,000 px image's overviews
        for k in range(600):
            feedback.check()
            feedback.progress(k / 600, "1:2")
            seen.append(k)
            time.sleep(0.02)
        raise AssertionError("Cancel was not passed on")

    monkeypatch.setattr("gui.rasters.controller.needs_pyramid", lambda info: True)
    monkeypatch.setattr("gui.rasters.controller.build_pyramid", slow_build)
    win = make_window(project)
    controller = next(f for f in win.features if type(f).__name__ == "RasterController")
    controller.add_paths([raster_path])
    qtbot.waitUntil(lambda: any(d.isVisible() for d in win.findChildren(QProgressDialog)), timeout=10000)
    dialog = next(d for d in win.findChildren(QProgressDialog) if d.isVisible())
    qtbot.waitUntil(lambda: dialog.value() > 0, timeout=10000)  # progress is shown
    dialog.findChild(QPushButton).click()  # its Cancel button
    qtbot.waitUntil(lambda: not controller.queue and not controller._busy, timeout=10000)
    assert project.rasters == [] and len(seen) < 600
