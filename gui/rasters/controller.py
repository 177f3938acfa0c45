"""Adding raster layers: check the file, ask for a missing CRS, build overviews with progress and
Cancel, then add it under the vector layers. Also relinks a moved file and builds overviews that
a reopened project's rasters lack (a cleared cache)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from gis.errors import NeedsAnswer
from gis.io.crs_memory import recall_noted
from gis.raster.layer import RasterLayer
from gis.raster.pyramid import build_pyramid, existing_levels, needs_pyramid
from gis.raster.source import RASTER_SUFFIXES, WORLD_FILES, is_raster_path, open_raster
from gui.actions import make_action
from gui.features import FeatureController
from gui.i18n import error_text, notice_text
from gui.importing.controller import crs_memory
from gui.rasters.crs_dialog import ask_raster_crs
from gui.worker import run_task

WORLD_SUFFIXES = frozenset(s for group in WORLD_FILES.values() for s in group)


def split_rasters(paths) -> tuple[list[Path], list[Path]]:
    """(rasters, the rest) among *paths*; a world file dropped with its image goes with the image."""
    rasters = [Path(p) for p in paths if is_raster_path(p)]
    stems = {(p.parent, p.stem) for p in rasters}
    rest = [Path(p) for p in paths if Path(p) not in rasters
            and not (Path(p).suffix.lower() in WORLD_SUFFIXES and (Path(p).parent, Path(p).stem) in stems)]
    return rasters, rest


class RasterController(FeatureController):
    def __init__(self, window) -> None:
        self.queue: list[tuple[Path, str | None]] = []
        self._busy = False
        super().__init__(window)
        self.action = make_action(window, self.tr("Add raster / imagery…"), self.pick)
        window.file_menu.insertAction(window.file_menu.actions()[0], self.action)
        window.layers.rasterZoomRequested.connect(self._zoom)
        window.layers.rasterRelinkRequested.connect(self.relink)

    def attach(self, project) -> None:
        from PySide6.QtCore import QTimer

        for raster in project.rasters:  # a reopened project whose overviews are gone (cache cleared)
            if raster.info is not None and needs_pyramid(raster.info) and not existing_levels(raster.info):
                self.queue.append((Path(raster.path), raster.id))
        if self.queue:
            QTimer.singleShot(0, self._next)
        missing = [r for r in project.rasters if r.missing and Path(r.path).suffix]
        if missing:  # asked for now, not dropped; "Later" keeps the layer (Locate file… in its menu)
            QTimer.singleShot(0, lambda: self._ask_missing(missing))

    def _ask_missing(self, missing: list[RasterLayer]) -> None:
        if not missing or missing[0] not in self.project.rasters:
            return
        raster, rest = missing[0], missing[1:]
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Raster file not found"), self.tr(
            "The file of raster layer {name} is not where it was:\n{path}\n\nLocate it now? The layer is kept "
            "either way.").format(name=raster.name, path=raster.path), parent=self.window)
        box.setObjectName("raster-missing")
        locate = box.addButton(self.tr("Locate…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)

        def answered(_button) -> None:
            if box.clickedButton() is locate:
                self.relink(raster)
            self._ask_missing(rest)

        box.buttonClicked.connect(answered)
        box.open()

    def pick(self) -> None:
        patterns = " ".join(f"*{s}" for s in RASTER_SUFFIXES)
        rasters, everything = self.tr("Rasters and tile caches"), self.tr("All files")
        paths, _ = QFileDialog.getOpenFileNames(self.window, self.tr("Add raster / imagery"),
                                                self.window.settings.last_dir or str(Path.home()),
                                                f"{rasters} ({patterns});;{everything} (*)")
        self.add_paths(paths)

    def add_paths(self, paths) -> None:
        """Add each raster among *paths*, one after the other."""
        self.queue.extend((Path(p), None) for p in paths)
        self._next()

    # -- the queue ------------------------------------------------------------------------------
    def _next(self, crs: str | None = None) -> None:
        if self._busy or not self.queue:
            return
        self._busy = True
        path, raster_id = self.queue[0]
        raster = next((r for r in self.project.rasters if r.id == raster_id), None)
        crs = crs or (raster.crs if raster is not None else self._recalled(path))
        task = run_task(self.window, self.tr("Opening {name}").format(name=path.name),
                        lambda fb: self._prepare(path, crs, fb), lambda got: self._ready(got, raster),
                        on_error=self._failed)
        task.signals.cancelled.connect(self._skip)

    def _recalled(self, path: Path) -> str | None:
        """The CRS the user chose for this image before (the import dialog's memory), said in the status bar."""
        said: list = []
        answer = recall_noted(crs_memory(), path, None, said)
        for note in said:
            self.window.statusBar().showMessage(notice_text(note), 10000)
        return answer

    @staticmethod
    def _prepare(path: Path, crs: str | None, fb):
        info = open_raster(path, crs=crs)
        levels = build_pyramid(info, feedback=fb) if needs_pyramid(info) else None
        return info, crs, levels

    def _ready(self, got, raster: RasterLayer | None) -> None:
        info, crs, levels = got
        self.queue.pop(0)
        if raster is None:
            raster = RasterLayer.from_info(info, crs=crs)
            raster.attach(levels)
            self.project.add_raster(raster)
            if len(self.project.rasters) == 1 and not self.project.layers:
                self.window.map.zoom_to_project()
        else:  # relinked or given its overviews
            raster.path, raster.crs, raster.info = info.path, crs, info
            raster.attach(levels)
            self.project.update_raster(raster)
        self._done()

    def _failed(self, err: BaseException) -> None:
        if isinstance(err, NeedsAnswer) and err.code == "raster.crs":
            crs = ask_raster_crs(self.window, error_text(err), err.params.get("candidates") or [])
            self._busy = False
            if crs is not None:
                crs_memory().remember(self.queue[0][0], crs)  # as the import dialog does: recalled next time
                self._next(crs)
                return
        else:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Add raster"), error_text(err), parent=self.window)
            box.setObjectName("raster-error")
            box.open()
        self._skip()

    def _skip(self) -> None:
        """Drop the current file (failed or cancelled: nothing was added) and go on."""
        self.queue.pop(0)
        self._done()

    def _done(self) -> None:
        self._busy = False
        self._next()

    # -- panel requests -----------------------------------------------------------------------------
    def _zoom(self, raster: RasterLayer) -> None:
        if raster.info is not None:
            self.window.map.zoom_to_bounds(raster.info.bounds_lonlat)

    def relink(self, raster: RasterLayer) -> None:
        """Ask where a moved raster file is now and show it again (the layer keeps its place and style)."""
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Where is {name} now?").format(name=raster.name),
                                              str(Path(raster.path).parent if Path(raster.path).parent.exists()
                                                  else Path.home()))
        if path:
            self.queue.append((Path(path), raster.id))
            self._next()
