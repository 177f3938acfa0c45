"""The project: ordered layers in one working CRS, the selection and the map view.

Models emit psygnal events; GUI widgets listen. Nothing here knows about Qt.
"""

from __future__ import annotations

from typing import Iterable

from psygnal import Signal
from pyproj import CRS

from gis.crs import working_crs_for
from gis.domain import Role
from gis.errors import CrsError
from gis.i18n import QT_TRANSLATE_NOOP
from gis.layer import Layer


class Project:
    """Layers (first = drawn at the bottom), per-layer selection, settings and view."""

    layers_changed = Signal()  # added, removed or reordered
    layer_updated = Signal(object)  # a Layer whose style, visibility or data changed
    selection_changed = Signal(str, object)  # layer id, frozenset of fids
    dirty_changed = Signal(bool)
    zones_replaced = Signal()  # project.zones was set to another plan (or None)
    rasters_changed = Signal()  # a raster layer added, removed, moved, restyled or relinked

    def __init__(self, crs: CRS | None = None) -> None:
        self.crs = crs
        self.layers: list[Layer] = []
        self.settings: dict = {}
        self.view: dict = {}
        self.path: str | None = None
        self._selection: dict[str, frozenset[int]] = {}
        self._dirty = False
        self.revision = 0  # counts changes: a save marks the project clean only if none came since
        self.notices: list = []  # gis.io.notices.Notice: what opening could not restore
        self.zones = None  # gis.zones.model.ZoneModel over the compounds layer, or None
        self.rasters: list = []  # gis.raster.layer.RasterLayer, first = bottom; all under the layers

    # -- layers -------------------------------------------------------------
    def add_layer(self, layer: Layer) -> Layer:
        """Add *layer* on top, reprojected to the working CRS (set from it if first)."""
        if layer.data.crs is None:
            raise CrsError(QT_TRANSLATE_NOOP("errors", "Layer {name} has no coordinate system."),
                           name=layer.name)
        if self.crs is None:  # from the WGS 84 copy when made (no transformer on the UI thread)
            self.crs = working_crs_for(layer._display if layer._display is not None else layer.data)
        if not layer.data.crs.equals(self.crs):
            layer.set_data(layer.data.to_crs(self.crs))
        self.layers.append(layer)
        self.layers_changed.emit()
        self.mark_dirty()
        return layer

    def remove_layer(self, layer_id: str) -> None:
        self.layers = [lyr for lyr in self.layers if lyr.id != layer_id]
        self._selection.pop(layer_id, None)
        if self.zones is not None and self.zones.layer_id == layer_id:
            self.set_zones(None)  # the plan's compounds are gone
        self.layers_changed.emit()
        self.mark_dirty()

    def move_layer(self, layer_id: str, index: int) -> None:
        """Move a layer to draw position *index* (0 = bottom)."""
        layer = self.layer(layer_id)
        self.layers.remove(layer)
        self.layers.insert(max(0, min(index, len(self.layers))), layer)
        self.layers_changed.emit()
        self.mark_dirty()

    def layer(self, layer_id: str) -> Layer:
        for lyr in self.layers:
            if lyr.id == layer_id:
                return lyr
        raise KeyError(layer_id)

    def layers_by_role(self, role: Role) -> list[Layer]:
        return [lyr for lyr in self.layers if lyr.role == role]

    def first(self, role: Role) -> Layer | None:
        found = self.layers_by_role(role)
        return found[0] if found else None

    def update_layer(self, layer: Layer) -> None:
        """Tell listeners that *layer*'s style, visibility or data changed."""
        self.layer_updated.emit(layer)
        self.mark_dirty()

    # -- rasters (drawn under every vector layer) ------------------------------
    def add_raster(self, raster) -> None:
        self.rasters.append(raster)
        self.update_raster(raster)

    def remove_raster(self, raster_id: str) -> None:
        self.rasters = [r for r in self.rasters if r.id != raster_id]
        self.update_raster(None)

    def move_raster(self, raster_id: str, index: int) -> None:
        """Move a raster to draw position *index* among the rasters (0 = bottom)."""
        raster = next(r for r in self.rasters if r.id == raster_id)
        self.rasters.remove(raster)
        self.rasters.insert(max(0, min(index, len(self.rasters))), raster)
        self.update_raster(raster)

    def update_raster(self, _raster=None) -> None:
        """Tell listeners that the rasters changed (any of them, or their order)."""
        self.rasters_changed.emit()
        self.mark_dirty()

    # -- selection ----------------------------------------------------------
    def select(self, layer_id: str, fids: Iterable[int]) -> None:
        new = frozenset(int(f) for f in fids)
        if self._selection.get(layer_id, frozenset()) == new:
            return
        self._selection[layer_id] = new
        self.selection_changed.emit(layer_id, new)

    def selection(self, layer_id: str) -> frozenset[int]:
        return self._selection.get(layer_id, frozenset())

    # -- zones ----------------------------------------------------------------
    def set_zones(self, model) -> None:
        """Attach a zone plan (a ZoneModel, or None); its edits mark the project dirty."""
        if self.zones is not None:
            self.zones.zones_changed.disconnect(self._zones_edited)
        self.zones = model
        if model is not None:
            model.zones_changed.connect(self._zones_edited)
        self.zones_replaced.emit()
        self.mark_dirty()

    def _zones_edited(self, _change: object) -> None:
        self.mark_dirty()

    # -- dirty state ----------------------------------------------------------
    @property
    def dirty(self) -> bool:
        return self._dirty

    def mark_dirty(self, dirty: bool = True) -> None:
        if dirty:
            self.revision += 1
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def mark_saved(self, path: str, revision: int) -> bool:
        """A save of the state at *revision* reached *path*: clean, unless edited since."""
        self.path = str(path)
        if revision != self.revision:
            return False
        self.mark_dirty(False)
        return True
