"""The QWebChannel object shared with the map page.

Python -> page: signals carrying JSON strings. Page -> Python: slots, re-emitted as
typed Qt signals for the rest of the GUI. No JavaScript is built from data.

Every slot takes raw JSON values (``QVariant``) and checks them (gui/map/payloads.py): a call
with wrong types, bad JSON, non-finite or out-of-range numbers, unknown features or oversized
payloads is logged and dropped, never raised and never passed on. QWebChannel also hands the
page QObject's public ``deleteLater()``: the bridge refuses to be deleted that way (its view owns it).
"""

from __future__ import annotations

import functools
import logging
from typing import Callable

from PySide6.QtCore import QEvent, QObject, Signal, Slot

from gui.map import payloads as check

log = logging.getLogger(__name__)
ANY = "QVariant"  # slots receive the page's values unconverted, then check them


def guarded(slot):
    """Log and drop a call that fails its checks."""

    @functools.wraps(slot)
    def wrapper(self, *args):
        try:
            slot(self, *args)
        except check.BadCall as err:
            self.rejected += 1
            log.warning("map page: %s() call dropped: %s", slot.__name__, err)

    return wrapper


class MapBridge(QObject):
    # to the page
    layerAdded = Signal(str, str)  # style meta json, geometry head json (gis/packed.py) with the body's url
    layerRemoved = Signal(str)
    layerStyled = Signal(str)
    layerOrder = Signal(str)
    selectionSet = Signal(str)
    overlaySet = Signal(str)
    fitBounds = Signal(str)
    viewSet = Signal(str)
    modeSet = Signal(str)
    labelSize = Signal(int)
    rastersSet = Signal(str)  # raster layers, bottom first (gui/map/raster_layers.py)
    pickOrder = Signal(str)  # json [layer id, ...]: which layer a click picks first

    # from the page, checked, re-emitted for Python listeners
    pageReady = Signal()
    featureClick = Signal(str, int, bool)  # layer id, fid, additive
    mapClick = Signal(float, float, bool)  # lon, lat, additive
    regionSelect = Signal(object, bool)  # [[lon, lat], ...] (at most payloads.MAX_RING_POINTS), additive
    cursorMoved = Signal(float, float)  # lon, lat
    viewChange = Signal(dict)  # {center: [lon, lat], zoom, mpp}
    pageDrawn = Signal(dict)  # {layers, overlays}
    overlayClick = Signal(str, dict)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rejected = 0  # calls dropped by the checks
        # whether a (layer id, fid) is a feature the page was sent; the view sets it
        self.accepts_feature: Callable[[str, int], bool] = lambda _layer_id, _fid: False

    def event(self, event: QEvent) -> bool:
        """Refuse ``deleteLater()``: the page may call it; the bridge dies only with its view."""
        if event.type() == QEvent.Type.DeferredDelete:
            self.rejected += 1
            log.warning("map page: deleteLater() on the bridge refused")
            return True
        return super().event(event)

    @Slot()
    def ready(self) -> None:
        self.pageReady.emit()

    @Slot(ANY, ANY, ANY)
    @guarded
    def featureClicked(self, layer_id, fid, additive) -> None:  # noqa: N802
        layer_id, fid, additive = check.text(layer_id), check.count(fid), check.flag(additive)
        if not self.accepts_feature(layer_id, fid):
            raise check.BadCall(f"no feature {fid} in a layer {layer_id[:40]!r} on the map")
        self.featureClick.emit(layer_id, fid, additive)

    @Slot(ANY, ANY, ANY)
    @guarded
    def mapClicked(self, lon, lat, additive) -> None:  # noqa: N802
        lon, lat = check.lon_lat([lon, lat])
        self.mapClick.emit(lon, lat, check.flag(additive))

    @Slot(ANY, ANY)
    @guarded
    def regionSelected(self, ring, additive) -> None:  # noqa: N802
        points, additive = check.ring(ring), check.flag(additive)
        self.regionSelect.emit(points, additive)

    @Slot(ANY, ANY)
    @guarded
    def mouseMoved(self, lon, lat) -> None:  # noqa: N802
        self.cursorMoved.emit(*check.lon_lat([lon, lat]))

    @Slot(ANY)
    @guarded
    def viewChanged(self, payload) -> None:  # noqa: N802
        self.viewChange.emit(check.view(payload))

    @Slot(ANY)
    @guarded
    def drawn(self, payload) -> None:
        self.pageDrawn.emit(check.drawn(payload))

    @Slot(ANY, ANY)
    @guarded
    def overlayClicked(self, name, props) -> None:  # noqa: N802
        self.overlayClick.emit(check.text(name), check.properties(props))
