"""The QWebChannel object shared with the map page.

Python -> page: signals carrying JSON strings. Page -> Python: slots, re-emitted as
typed Qt signals for the rest of the GUI. No JavaScript is built from data.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QObject, Signal, Slot


class MapBridge(QObject):
    # to the page
    layerAdded = Signal(str, str)  # style meta json, packed geometry json (gis/packed.py)
    layerRemoved = Signal(str)
    layerStyled = Signal(str)
    layerOrder = Signal(str)
    selectionSet = Signal(str)
    overlaySet = Signal(str)
    fitBounds = Signal(str)
    viewSet = Signal(str)
    modeSet = Signal(str)
    labelSize = Signal(int)

    # from the page, re-emitted for Python listeners
    pageReady = Signal()
    featureClick = Signal(str, int, bool)  # layer id, fid, additive
    mapClick = Signal(float, float, bool)  # lon, lat, additive
    regionSelect = Signal(list, bool)  # [[lon, lat], ...], additive
    cursorMoved = Signal(float, float)  # lon, lat
    viewChange = Signal(dict)  # {center: [lon, lat], zoom, mpp}
    pageDrawn = Signal(dict)
    overlayClick = Signal(str, dict)

    @Slot()
    def ready(self) -> None:
        self.pageReady.emit()

    @Slot(str, int, bool)
    def featureClicked(self, layer_id: str, fid: int, additive: bool) -> None:  # noqa: N802
        self.featureClick.emit(layer_id, fid, additive)

    @Slot(float, float, bool)
    def mapClicked(self, lon: float, lat: float, additive: bool) -> None:  # noqa: N802
        self.mapClick.emit(lon, lat, additive)

    @Slot(str, bool)
    def regionSelected(self, ring: str, additive: bool) -> None:  # noqa: N802
        self.regionSelect.emit(json.loads(ring), additive)

    @Slot(float, float)
    def mouseMoved(self, lon: float, lat: float) -> None:  # noqa: N802
        self.cursorMoved.emit(lon, lat)

    @Slot(str)
    def viewChanged(self, payload: str) -> None:  # noqa: N802
        self.viewChange.emit(json.loads(payload))

    @Slot(str)
    def drawn(self, payload: str) -> None:
        self.pageDrawn.emit(json.loads(payload))

    @Slot(str, str)
    def overlayClicked(self, name: str, props: str) -> None:  # noqa: N802
        self.overlayClick.emit(name, json.loads(props))
