"""MapView: the Leaflet page in a QWebEngineView, kept in step with a Project."""

from __future__ import annotations

import json
import time

import geopandas as gpd
import numpy as np
import shapely
from PySide6.QtCore import Signal
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineWidgets import QWebEngineView

from gis.crs import WGS84
from gis.domain import Role
from gis.map_style import style_payload
from gis.layer import Layer
from gis.project import Project
from gui.listening import Listener
from gui.map.blobs import FETCHED_MIN
from gui.map.bridge import MapBridge
from gui.map.floating import FloatingPanel
from gui.map.outbox import Outbox
from gui.map.page import MapPage
from gui.map.raster_layers import RasterRegistry, raster_bounds


def overlay_labels(shown: gpd.GeoDataFrame | None) -> list:
    """``[lng, lat, text]`` inside each feature with a ``label``: the page places them without overlap."""
    if shown is None or "label" not in shown.columns:
        return []
    points = gpd.GeoSeries(shapely.point_on_surface(shown.geometry.values), crs=shown.crs).to_crs(WGS84).values
    return [[round(pt.x, 6), round(pt.y, 6), str(text)] for pt, text in zip(points, shown["label"])
            if isinstance(text, str) and text and pt is not None and not pt.is_empty]


def feature_collection(data: gpd.GeoDataFrame, geoms: np.ndarray | None = None) -> str:
    """*data* as a GeoJSON FeatureCollection string, built by shapely and pandas in C (about 15x
    faster than ``GeoDataFrame.to_json`` for thousands of polygons; same properties and nulls).
    *geoms*: the geometries' GeoJSON already made (frames sharing one geometry)."""
    if geoms is None:
        geoms = shapely.to_geojson(np.asarray(data.geometry.values, dtype=object))
    attrs = data.drop(columns=data.geometry.name)
    props = (attrs.to_json(orient="records", lines=True, force_ascii=False).splitlines() if len(attrs.columns)
             else ["{}"] * len(data))
    features = ",".join(f'{{"type":"Feature","properties":{p},"geometry":{g if g is not None else "null"}}}'
                        for p, g in zip(props, geoms))
    return f'{{"type":"FeatureCollection","features":[{features}]}}'


BODY = "ocp_geojson"  # attrs key of a frame's GeoJSON body made off the UI thread (see with_body)


def with_body(frame: gpd.GeoDataFrame, geoms: np.ndarray | None = None) -> gpd.GeoDataFrame:
    """*frame* (WGS 84) carrying its GeoJSON body as UTF-8, made now: call it in a worker, and
    set_overlay sends the body as it is instead of building it on the UI thread (a city's bands are
    megabytes). A copy or a slice of *frame* (another object) builds its own. *geoms*: as in
    :func:`feature_collection`."""
    frame.attrs[BODY] = (id(frame), feature_collection(frame, geoms).encode("utf-8"))
    return frame


PACKED = "ocp_packed"  # attrs key of a frame's packed geometry and per-feature style (see with_packed)


def with_packed(frame: gpd.GeoDataFrame, packed=None) -> gpd.GeoDataFrame:
    """*frame* (polygons, style columns stroke/fill/fillOpacity/weight/dash) carrying its
    geometry packed as the data layers' (gis/packed.py), made now: call it in a worker. The page
    draws it in tiles as it draws a data layer (a city's bands of one type, 350,000 vertices and
    20,000 holes, took Leaflet's GeoJSON layer over a second), below the other overlays. A copy
    (a muted one) is sent as GeoJSON. *packed*: the geometry packed already (frames sharing it; the
    frame may then keep its own CRS: it is not reprojected for the page, only for prints).
    At low zooms the page draws it simplified to half a pixel (tiled.js levelAt): 0.4 s instead of
    1.3 s for that type's bands fitted in the window, with the same look."""
    from gis.packed import pack_geometries

    def text(value):  # a missing value may come back from pandas as NaN
        return value if isinstance(value, str) else None

    styles = [{"stroke": text(r.get("stroke")), "fill": text(r.get("fill")), "dash": text(r.get("dash")),
               "fillOpacity": float(r.get("fillOpacity") or 0.0), "weight": float(r.get("weight") or 0.0)}
              for r in frame.drop(columns=frame.geometry.name).to_dict("records")]
    packed = packed if packed is not None else pack_geometries(frame.geometry.values, "polygon")
    frame.attrs[PACKED] = (id(frame), packed, styles)
    return frame


def overlay_packed(shown: gpd.GeoDataFrame | None):
    """``(Packed, styles)`` that :func:`with_packed` made for this very frame, else None."""
    made = shown.attrs.get(PACKED) if shown is not None else None
    return made[1:] if made is not None and made[0] == id(shown) else None


def overlay_body(shown: gpd.GeoDataFrame) -> bytes:
    """The GeoJSON body of *shown*: the one :func:`with_body` made for this very frame, else built now."""
    made = shown.attrs.get(BODY)
    return made[1] if made is not None and made[0] == id(shown) else feature_collection(shown).encode("utf-8")


OUTLINED_MAX = 2000  # selections up to this size are also outlined above the overlays


class MapView(QWebEngineView, Listener):
    """Draws the project's layers; emits what the user does on the map."""

    drawnAll = Signal()  # every layer sent so far has been drawn
    viewChanged = Signal(dict)

    def __init__(self, project: Project, parent=None) -> None:
        super().__init__(parent)
        self.project = project
        self.bridge = MapBridge(self)
        self._ready = False
        self.outbox = Outbox(self)  # messages in order; layers prepared off the UI thread
        self.outbox.layerFailed.connect(lambda layer_id: self._sent.pop(layer_id, None))  # not awaited
        self._sent: dict[str, int] = {}  # layer id -> id(data) last sent
        self.view_state: dict = {}
        self.overlays: dict[str, gpd.GeoDataFrame] = {}  # what set_overlay shows now (WGS 84; packed: any CRS), for prints
        self._raw: dict[str, gpd.GeoDataFrame | None] = {}  # overlays as given (WGS 84), before muting
        self._mutes: dict[str, str] = {}  # overlay name -> prefix of the overlays it draws as outlines
        self._fit: tuple | None = None  # the last fit: bounds, max zoom, refit-until time, clearance
        self._shut = False
        self.page_size: tuple[int, ...] = ()  # the map's size in CSS px at the page's last draw report
        self._rasters = RasterRegistry()
        self.basemap: tuple[list, str] = ([], "")  # online tile layers (gis/raster/basemaps.py) and credit
        page = MapPage(self)
        self.setPage(page)
        self.bridge.accepts_feature = self._is_shown_feature
        self._channel = QWebChannel(self)
        self._channel.registerObject("bridge", self.bridge)
        page.setWebChannel(self._channel)
        self.bridge.pageReady.connect(self._on_ready)
        self.bridge.pageDrawn.connect(self._on_drawn)
        self.bridge.viewChange.connect(self._on_view)
        self._connect_project(project)
        self.sync_layers()
        self.send_rasters()
        page.load_map()

    # -- project wiring -------------------------------------------------------
    def _connect_project(self, project: Project) -> None:
        self.listen(project.layers_changed, self.sync_layers)
        self.listen(project.layer_updated, self.update_layer)
        self.listen(project.selection_changed, self._send_selection)
        self.listen(project.rasters_changed, self.send_rasters)

    def set_project(self, project: Project) -> None:
        """Show another project (after Open)."""
        self.detach()
        for layer_id in list(self._sent):
            self._emit(self.bridge.layerRemoved, layer_id)
        self._sent.clear()
        self.project = project
        self._connect_project(project)
        self.sync_layers()
        self.send_rasters()

    def send_rasters(self) -> None:
        """Show the project's rasters (all of them, bottom first) under the vector layers."""
        self._emit(self.bridge.rastersSet, self._rasters.payload(self.project.rasters, *self.basemap))

    def set_basemap(self, layers: list, credit: str) -> None:
        """Show an online basemap (tile sources, bottom first) under everything; [] turns it off."""
        self.basemap = (list(layers), credit)
        self.send_rasters()

    def _is_shown_feature(self, layer_id: str, fid: int) -> bool:
        """Whether the page was sent feature *fid* of layer *layer_id* (so a click on it is real)."""
        layer = next((lyr for lyr in self.project.layers if lyr.id == layer_id), None)
        return layer_id in self._sent and layer is not None and 0 <= fid < len(layer)

    @property
    def ready(self) -> bool:
        return self._ready

    def _emit(self, signal, *args) -> None:
        self.outbox.put(signal, *args)

    def _on_ready(self) -> None:
        self._ready = True
        self.outbox.open()

    def _on_drawn(self, info: dict) -> None:
        self.page_size = tuple(info["size"])
        if info.get("layers", 0) >= len(self._sent) and not info.get("loading", 0):
            self.drawnAll.emit()

    def _on_view(self, view: dict) -> None:
        self.view_state = view
        self.viewChanged.emit(view)

    def sync_layers(self) -> None:
        """Send new layers, drop removed ones, and send the draw order."""
        current = {lyr.id for lyr in self.project.layers}
        for layer_id in [i for i in self._sent if i not in current]:
            del self._sent[layer_id]
            self._emit(self.bridge.layerRemoved, layer_id)
        for layer in self.project.layers:
            if self._sent.get(layer.id) != id(layer.data):
                self._send_layer(layer)
        self._emit(self.bridge.layerOrder, json.dumps([lyr.id for lyr in self.project.layers]))

    def _send_layer(self, layer: Layer) -> None:
        self._sent[layer.id] = id(layer.data)
        self.outbox.put_layer(self.bridge.layerAdded, layer)
        fids = self.project.selection(layer.id)
        if fids:
            self._send_selection(layer.id, fids)

    def update_layer(self, layer: Layer) -> None:
        """Restyle *layer*, or resend it when its features changed."""
        if layer.id not in self._sent:
            return
        if self._sent[layer.id] != id(layer.data):
            self._send_layer(layer)
        else:
            self._emit(self.bridge.layerStyled, json.dumps(style_payload(layer), ensure_ascii=False))

    def _send_selection(self, layer_id: str, fids) -> None:
        """Mark *fids* in their layer, and outline them above the overlays (a gap choropleth covers
        the layer's own highlight); a very large selection is marked in the layer only."""
        fids = sorted(fids)
        layer = next((lyr for lyr in self.project.layers if lyr.id == layer_id), None)
        outline = "null"
        if layer is not None and 0 < len(fids) <= OUTLINED_MAX:
            outline = feature_collection(layer.display_data().iloc[fids][["geometry"]])
        head = json.dumps({"id": layer_id, "fids": fids})
        self._emit(self.bridge.selectionSet, f'{head[:-1]}, "outline": {outline}}}')

    # -- view -------------------------------------------------------------------
    def zoom_to_bounds(self, bounds: tuple[float, float, float, float], *, max_zoom: int | None = None,
                       hold: float = 0.0, clear: tuple[int, int, int] = (0, 0, 0), legends: bool = False) -> None:
        """Fit the view to (minx, miny, maxx, maxy) in lon/lat, clear of the floating legends.

        *max_zoom* caps the zoom (a small zone is not blown up to street level); *hold* seconds:
        fit again whenever the view is resized (a window still being laid out, or going full
        screen); *clear*: extra pixels kept free on the (left, right, bottom) for panels over the map;
        *legends*: keep clear of the floating legends on the right too.
        """
        self._fit = ([float(b) for b in bounds], max_zoom, time.monotonic() + hold, clear, legends, hold)
        self._send_fit()

    def _send_fit(self) -> None:
        bounds, max_zoom, until, (left, right, bottom), legends, hold = self._fit
        if self._ready:  # else the page is still loading: its hold starts when it gets the fit
            hold = max(0.0, until - time.monotonic())
        panels = [p for p in self.findChildren(FloatingPanel)
                  if legends and p.isVisible() and p.parentWidget() is self]
        right += max((p.width() + p.MARGIN for p in panels), default=0)
        if self.width() - left - right < 0.4 * self.width():  # a small map: the data matters more
            left = right = 0
        if self.height() - bottom < 0.6 * self.height():
            bottom = 0
        self._emit(self.bridge.fitBounds, json.dumps({"bounds": bounds, "maxZoom": max_zoom,
                                                      "left": int(left), "right": int(right),
                                                      "bottom": int(bottom),
                                                      "hold": hold}))

    def zoom_to_layer(self, layer: Layer, fids=None) -> None:
        data = layer.display_data()
        if fids is not None:
            data = data.iloc[sorted(fids)]
        if len(data):
            minx, miny, maxx, maxy = data.total_bounds
            pad = 0.0005 if (maxx - minx) < 0.001 else 0.0
            self.zoom_to_bounds((minx - pad, miny - pad, maxx + pad, maxy + pad))

    def resizeEvent(self, event) -> None:  # noqa: N802
        """While the window is still being laid out, keep the last fit in view."""
        super().resizeEvent(event)
        if self._fit is not None and time.monotonic() < self._fit[2]:
            self._send_fit()

    def zoom_to_project(self) -> None:
        """Fit the view to every visible layer (again on resizes in the next 3 s of layout)."""
        boxes = np.array([lyr.display_data().total_bounds for lyr in self.project.layers
                          if len(lyr) and lyr.visible] + raster_bounds(self.project.rasters))
        if len(boxes):
            self.zoom_to_bounds((boxes[:, 0].min(), boxes[:, 1].min(), boxes[:, 2].max(), boxes[:, 3].max()),
                                hold=3.0, legends=True)

    def set_view(self, center: list[float], zoom: float) -> None:
        self._emit(self.bridge.viewSet, json.dumps({"center": center, "zoom": zoom}))

    def set_mode(self, mode: str) -> None:
        """'pan', 'box' or 'lasso'."""
        self._emit(self.bridge.modeSet, mode)

    def pick_first(self, current: Layer | None) -> None:
        """Clicks pick from *current* first, then point layers, then compounds, then the top-most
        layer: a click inside a compound selects it, not the building drawn over it (buildings
        are picked when they are the current layer)."""
        points = [lyr for lyr in reversed(self.project.layers) if lyr.geom_type == "point"]
        ids = [current.id] if current is not None else []
        ids += [lyr.id for lyr in points + self.project.layers_by_role(Role.COMPOUNDS) if lyr.id not in ids]
        self._emit(self.bridge.pickOrder, json.dumps(ids))

    def set_label_size(self, px: int) -> None:
        self._emit(self.bridge.labelSize, int(px))

    def set_overlay(self, name: str, data: gpd.GeoDataFrame | None, *, interactive: bool = False,
                    visible: bool = True, top: bool = False) -> None:
        """Draw *data* (any CRS; style columns stroke/fill/fillOpacity/weight/dash) above the layers;
        *top*: above the labels too, its own labels placed first (markers that must stay readable)."""
        shown = data if data is not None and len(data) else None
        if shown is not None and shown.crs != WGS84 and overlay_packed(shown) is None:
            shown = shown.to_crs(WGS84)  # a packed frame keeps its CRS: the page draws its packed body
        self._raw[name] = shown if visible else None
        if shown is None or not visible:
            self.overlays.pop(name, None)
        else:
            shown = self._muted(name, shown)
            self.overlays[name] = shown
        self._send_overlay(name, shown, interactive, visible, top)
        if name in self._mutes:  # the overlays it mutes: filled again, or outlined
            for other in [n for n in self._raw if n.startswith(self._mutes[name]) and self._raw[n] is not None]:
                self.overlays[other] = self._muted(other, self._raw[other])
                self._send_overlay(other, self.overlays[other], False, True)

    def mute_fills(self, name: str, prefix: str) -> None:
        """While overlay *name* is shown, overlays whose names start with *prefix* are drawn as
        outlines (their fill would tint it: zone fills over the gap choropleth)."""
        self._mutes[name] = prefix

    def fills_muted(self, name: str) -> bool:
        """Whether overlay *name* is drawn as an outline now (an overlay that mutes it is shown)."""
        return any(name.startswith(prefix) and self._raw.get(on) is not None
                   for on, prefix in self._mutes.items())

    def _muted(self, name: str, shown: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
        if not self.fills_muted(name):
            return shown
        shown = shown.to_crs(WGS84) if shown.crs != WGS84 else shown.copy()  # sent as GeoJSON
        shown["fillOpacity"] = 0.0
        return shown

    def patch_overlay(self, name: str, data: gpd.GeoDataFrame, patch, base: gpd.GeoDataFrame) -> None:
        """Show *data* in place of *base* by sending only *patch* (gis.packed_rings.RingPatch: the
        rings that changed, applied to the packed layer the page draws from *base*); sent whole
        when the page does not show *base* packed (another frame, hidden, muted) or *patch* is None."""
        if patch is None or self._raw.get(name) is not base or self.fills_muted(name) or overlay_packed(base) is None:
            self.set_overlay(name, data)
            return
        self._raw[name] = self.overlays[name] = data
        self._emit(self.bridge.overlaySet, json.dumps({"name": name, "patch": patch.packed.head, "remove": patch.remove,
                                                       "boxes": patch.boxes, "url": self.outbox.hold(patch.packed.body)}))

    def _send_overlay(self, name: str, shown, interactive: bool, visible: bool, top: bool = False) -> None:
        head = json.dumps({"name": name, "interactive": interactive, "visible": visible, "top": top,
                           "labels": overlay_labels(shown)}, ensure_ascii=False)
        packed = overlay_packed(shown) if not interactive and not top else None
        if packed is not None:  # drawn in tiles from binary, as the data layers
            extra = json.dumps({"packed": packed[0].head, "styles": packed[1], "url": self.outbox.hold(packed[0].body)})
            self._emit(self.bridge.overlaySet, f'{head[:-1]}, {extra[1:]}')
            return
        body = overlay_body(shown) if shown is not None else b"null"
        if len(body) < FETCHED_MIN:
            self._emit(self.bridge.overlaySet, f'{head[:-1]}, "geojson": {body.decode("utf-8")}}}')
        else:  # fetched by the page (gui/map/blobs.py): the channel never copies megabytes on the UI thread
            self._emit(self.bridge.overlaySet, f'{head[:-1]}, "url": {json.dumps(self.outbox.hold(body))}}}')

    def shutdown(self) -> None:
        """Release the page before the view (avoids QtWebEngine's profile warning)."""
        if self._shut:
            return
        self._shut = True
        self.outbox.close()
        page = self.page()
        self.setPage(None)
        page.deleteLater()
