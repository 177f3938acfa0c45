"""Zone editing: merge, add, remove, split, dissolve, rename, recolour — all undoable."""

from __future__ import annotations

from collections import Counter

import geopandas as gpd
import pandas as pd
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QUndoStack
from PySide6.QtWidgets import QColorDialog, QInputDialog, QMessageBox

from gis.analysis.zones import NeighbourRule, neighbour_graph, zone_model
from gis.domain import Role
from gis.errors import GisError, ZoneError
from gis.zones.model import ZoneModel
from gis.zones.stats import ZoneStats
from gui.actions import make_action
from gui.features import FeatureController
from gui.i18n import error_text, plural, tr_gis
from gui.worker import run_task
from gui.zones.commands import ZoneEditCommand
from gui.zones.table import ZoneTable

PROBLEM_OVERLAY = "zone-problem"


class ZonesController(FeatureController):
    """Owns the zone dock, the Zones menu, the undo stack and the zone overlays."""

    def __init__(self, window) -> None:
        self.window = window
        self.stack = QUndoStack(window)
        self.table = ZoneTable(window)
        self._model: ZoneModel | None = None
        self._stats: ZoneStats | None = None
        self._frame = pd.DataFrame()
        self._overlays: set[str] = set()
        self._syncing = False
        self.dock = window.add_dock(self.tr("Renovation zones"), self.table,
                                    Qt.DockWidgetArea.RightDockWidgetArea)
        self._build_menu(window)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection)
        self.table.doubleClicked.connect(lambda _i: self.zoom_to_selected_zone())
        super().__init__(window)

    # -- menu -----------------------------------------------------------------
    def _build_menu(self, window) -> None:
        menu = window.menu(self.tr("&Zones"))
        undo = self.stack.createUndoAction(window, self.tr("Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.stack.createRedoAction(window, self.tr("Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence.StandardKey.Redo])
        self.actions = {
            "merge": make_action(self.window, self.tr("Merge selected compounds into a new zone"), self.merge, "Ctrl+M"),
            "add": make_action(self.window, self.tr("Add selected compounds to their zone"), self.add_to_zone, "Ctrl+Shift+A"),
            "remove": make_action(self.window, self.tr("Remove selected compounds from their zone"), self.remove_from_zone,
                                "Ctrl+Shift+R"),
            "merge_zones": make_action(self.window, self.tr("Merge selected zones"), self.merge_zones),
            "split": make_action(self.window, self.tr("Split zone"), self.split),
            "dissolve": make_action(self.window, self.tr("Dissolve zone"), self.dissolve),
            "rename": make_action(self.window, self.tr("Rename zone…"), self.rename, "F2"),
            "recolour": make_action(self.window, self.tr("Zone colour…"), self.recolour),
            "suggest": make_action(self.window, self.tr("Suggest zones…"), self.suggest),
            "settings": make_action(self.window, self.tr("Zone settings (gap, barriers)…"), self.edit_settings),
        }
        menu.addAction(undo)
        menu.addAction(redo)
        menu.addSeparator()
        for key in ("merge", "add", "remove", "merge_zones", "split", "dissolve", "rename", "recolour"):
            menu.addAction(self.actions[key])
        menu.addSeparator()
        menu.addAction(self.actions["suggest"])
        menu.addAction(self.actions["settings"])
        self.menu_ = menu
        window.tools.addSeparator()
        window.tools.addAction(self.actions["merge"])
        window.tools.addAction(undo)
        window.tools.addAction(redo)
        self.undo_action, self.redo_action = undo, redo

    # -- project wiring ----------------------------------------------------------
    def attach(self, project) -> None:
        self.listen(project.zones_replaced, self._on_replaced)
        self.listen(project.selection_changed, self._on_selection)
        self._on_replaced()

    def detach(self) -> None:
        super().detach()
        self._model = None

    def _on_replaced(self) -> None:
        self.stack.clear()
        for name in list(self._overlays):
            self.window.map.set_overlay(name, None)
        self._overlays.clear()
        self.window.map.set_overlay(PROBLEM_OVERLAY, None)
        if self._model is not None:
            try:
                self._model.zones_changed.disconnect(self._on_zones_changed)
            except (ValueError, RuntimeError):
                pass
        self._model = self.project.zones
        self._stats = None
        self._frame = pd.DataFrame()
        if self._model is not None:
            self._model.zones_changed.connect(self._on_zones_changed)
            self._refresh(set(self._model.zones), removed=set())
        else:
            self.table.model_.set_frame(self._frame)

    @property
    def compounds(self):
        model = self.project.zones
        if model is not None and model.layer_id:
            try:
                return self.project.layer(model.layer_id)
            except KeyError:
                return None
        return self.project.first(Role.COMPOUNDS)

    def model(self) -> ZoneModel | None:
        """The plan, created empty over the compounds layer on first use."""
        if self.project.zones is None:
            compounds = self.project.first(Role.COMPOUNDS)
            if compounds is None:
                self._tell(self.tr("Load a compounds layer first."))
                return None
            settings = self.window.settings
            self.window.setCursor(Qt.CursorShape.WaitCursor)
            try:
                model = zone_model(NeighbourRule(compounds, gap_m=settings.gap_tolerance_m))
            finally:
                self.window.unsetCursor()
            model.name_template = tr_gis("zones", model.name_template)  # 片区{id} in Chinese
            self.project.set_zones(model)
        return self.project.zones

    def stats(self) -> ZoneStats:
        if self._stats is None:
            self._stats = ZoneStats(self._model, self.compounds,
                                    buildings=self.project.first(Role.BUILDINGS),
                                    facilities=self.project.first(Role.FACILITIES),
                                    pre_year=self.project.settings.get("pre_year", self.window.settings.pre_year))
        return self._stats

    # -- reacting to edits --------------------------------------------------------------
    def _on_zones_changed(self, change) -> None:
        if change.reset:
            self._on_replaced_keep_stack()
            return
        self._refresh(set(change.added) | set(change.updated), removed=set(change.removed))

    def _on_replaced_keep_stack(self) -> None:
        for name in list(self._overlays):
            self.window.map.set_overlay(name, None)
        self._overlays.clear()
        self._frame = pd.DataFrame()
        self._refresh(set(self._model.zones), removed=set())

    def _refresh(self, changed: set[int], *, removed: set[int]) -> None:
        model = self._model
        frame = self._frame.drop(index=[z for z in removed | changed if z in self._frame.index],
                                 errors="ignore")
        live = [z for z in changed if z in model]
        if live:
            rows = self.stats().table(zone_ids=live)
            frame = rows if frame.empty else pd.concat([frame, rows])
        self._frame = frame.sort_index()
        selected = self.table.selected_zone_ids()
        self._syncing = True
        self.table.model_.set_frame(self._frame)
        self.table.select_zones([z for z in selected if z in model])
        self._syncing = False
        for zid in removed | changed:
            self._draw_zone(zid)
        self._draw_problems()

    def _draw_zone(self, zid: int) -> None:
        name = f"zone:{zid}"
        if zid not in self._model:
            self.window.map.set_overlay(name, None)
            self._overlays.discard(name)
            return
        zone = self._model.zone(zid)
        ok = self._model.contiguity(zid).ok
        data = gpd.GeoDataFrame({"stroke": [zone.colour], "fill": [zone.colour], "fillOpacity": [0.22],
                                 "weight": [3.0], "dash": [None if ok else "8 6"], "label": [zone.name]},
                                geometry=[self._model.outline(zid)], crs=self.compounds.data.crs)
        self.window.map.set_overlay(name, data)
        self._overlays.add(name)

    def _draw_problems(self, extra=None) -> None:
        """Mark compounds cut off from their zone (flagged plans, or a refused edit)."""
        fids = set()
        for contiguity in self._model.flags().values():
            fids |= set(int(f) for f in contiguity.detached)
        if extra is not None:
            fids |= set(int(f) for f in extra)
        if not fids:
            self.window.map.set_overlay(PROBLEM_OVERLAY, None)
            return
        data = self.compounds.data.iloc[sorted(fids)][["geometry"]].copy()
        data["stroke"], data["fill"], data["fillOpacity"], data["weight"], data["dash"] = (
            "#d62728", "#d62728", 0.35, 3.0, "4 4")
        self.window.map.set_overlay(PROBLEM_OVERLAY, data)

    # -- selection sync -------------------------------------------------------------------
    def selected_compounds(self) -> list[int]:
        layer = self.compounds
        return sorted(self.project.selection(layer.id)) if layer is not None else []

    def _zones_of(self, fids) -> Counter:
        return Counter(z for z in (self._model.zone_of(f) for f in fids) if z is not None)

    def _on_table_selection(self, *_):
        if self._syncing or self._model is None or self.compounds is None:
            return
        members = set()
        for zid in self.table.selected_zone_ids():
            members |= set(self._model.zone(zid).members)
        self._syncing = True
        self.project.select(self.compounds.id, members)
        self._syncing = False

    def _on_selection(self, layer_id: str, fids) -> None:
        if self._syncing or self._model is None or self.compounds is None or layer_id != self.compounds.id:
            return
        zones = self._zones_of(fids)
        whole = [z for z in zones if self._model.zone(z).members <= set(fids)]
        self._syncing = True
        self.table.select_zones(whole)
        self._syncing = False

    def zoom_to_selected_zone(self) -> None:
        ids = self.table.selected_zone_ids()
        if ids:
            members = set().union(*(self._model.zone(z).members for z in ids))
            self.window.map.zoom_to_layer(self.compounds, members)

    # -- edits ---------------------------------------------------------------------------
    def _tell(self, text: str) -> None:
        QMessageBox.information(self.window, self.tr("Renovation zones"), text)

    def _run(self, make_edit) -> bool:
        """Make an edit through the model and push it on the undo stack; explain refusals."""
        try:
            edit = make_edit()
        except ZoneError as err:
            contiguity = err.params.get("contiguity")
            if contiguity is not None:
                self._draw_problems(extra=contiguity.detached)
            QMessageBox.warning(self.window, self.tr("Renovation zones"), error_text(err))
            return False
        except GisError as err:
            QMessageBox.warning(self.window, self.tr("Renovation zones"), error_text(err))
            return False
        if edit is not None and not edit.is_noop:
            self.stack.push(ZoneEditCommand(self._model, edit))
        return True

    def _need_selection(self) -> list[int] | None:
        if self.model() is None:
            return None
        fids = self.selected_compounds()
        if not fids:
            self._tell(self.tr("Select compounds on the map first: click, Ctrl-click, box or lasso."))
            return None
        return fids

    def merge(self) -> None:
        fids = self._need_selection()
        if fids:
            self._run(lambda: self._model.merge(fids))

    def add_to_zone(self) -> None:
        fids = self._need_selection()
        if not fids:
            return
        zones = self._zones_of(fids)
        if not zones:
            self._tell(self.tr("None of the selected compounds is in a zone: select a zone's compounds "
                               "together with those to add."))
            return
        target = zones.most_common(1)[0][0]
        new = [f for f in fids if self._model.zone_of(f) != target]
        if new:
            self._run(lambda: self._model.add(target, new))

    def remove_from_zone(self) -> None:
        fids = self._need_selection()
        if not fids:
            return
        groups: dict[int, list[int]] = {}
        for f in fids:
            z = self._model.zone_of(f)
            if z is not None:
                groups.setdefault(z, []).append(f)
        if not groups:
            return
        self.stack.beginMacro(plural(self.tr("Remove {n} compounds from zones"), n=sum(map(len, groups.values()))))
        for zid, part in groups.items():
            self._run(lambda zid=zid, part=part: self._model.remove(zid, part))
        self.stack.endMacro()

    def _target_zones(self) -> list[int]:
        if self.model() is None:
            return []
        ids = self.table.selected_zone_ids() or list(self._zones_of(self.selected_compounds()))
        if not ids:
            self._tell(self.tr("Select a zone in the zone table or on the map first."))
        return ids

    def merge_zones(self) -> None:
        ids = self._target_zones()
        if len(ids) >= 2:
            self._run(lambda: self._model.merge_zones(ids))
        elif ids:
            self._tell(self.tr("Select two or more zones to merge."))

    def split(self) -> None:
        ids = self._target_zones()
        if not ids:
            return
        zid = ids[0]
        members = self._model.zone(zid).members
        part = set(self.selected_compounds()) & set(members)
        use_part = part and part != set(members)
        self._run(lambda: self._model.split(zid, sorted(part) if use_part else None))

    def dissolve(self) -> None:
        ids = self._target_zones()
        if ids:
            self._run(lambda: self._model.dissolve(ids))

    def rename(self) -> None:
        ids = self._target_zones()
        if not ids:
            return
        zone = self._model.zone(ids[0])
        name, ok = QInputDialog.getText(self.window, self.tr("Rename zone"), self.tr("Zone name:"), text=zone.name)
        if ok and name.strip():
            self._run(lambda: self._model.rename(zone.id, name.strip()))

    def recolour(self) -> None:
        ids = self._target_zones()
        if not ids:
            return
        zone = self._model.zone(ids[0])
        colour = QColorDialog.getColor(QColor(zone.colour), self.window, self.tr("Zone colour"))
        if colour.isValid():
            self._run(lambda: self._model.recolour(zone.id, colour.name()))

    def suggest(self) -> None:
        """Open the suggestion dialog (non-modal: the map stays usable for the preview)."""
        from gui.zones.suggest_dialog import SuggestDialog

        if self.model() is None:
            return
        self.suggest_dialog = SuggestDialog(self)
        self.suggest_dialog.show()

    def edit_settings(self) -> None:
        """Change the gap tolerance and barriers; the neighbour graph is rebuilt, zones kept."""
        from gis.zones.barriers import BarrierChoice
        from gui.zones.settings_dialog import ZoneSettingsDialog

        model = self.model()
        if model is None:
            return
        choice = BarrierChoice.from_dict(model.barrier_filter) or (
            BarrierChoice(model.barrier_layer_id) if model.barrier_layer_id else None)
        dialog = ZoneSettingsDialog(self.project, gap=model.gap, choice=choice, parent=self.window)
        if not dialog.exec():
            return
        self.apply_settings(dialog.gap.value(), dialog.choice())

    def apply_settings(self, gap: float, choice) -> None:
        model = self.model()
        compounds = self.compounds
        rule = NeighbourRule(compounds, None if choice is None else self.project.layer(choice.layer_id), choice,
                             gap_m=gap)

        def work(fb):
            return neighbour_graph(rule, feedback=fb)

        def done(adjacency) -> None:
            model.barrier_layer_id = None if choice is None else choice.layer_id
            model.barrier_filter = None if choice is None else choice.to_dict()
            model.set_adjacency(adjacency, compounds.data.geometry.values)
            self.window.settings.gap_tolerance_m = gap
            self.project.mark_dirty()

        run_task(self.window, self.tr("Rebuilding the neighbour graph"), work, done)
