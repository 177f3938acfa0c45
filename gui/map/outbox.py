"""What the map view sends to the page, in order, with layers prepared off the UI thread.

Preparing a layer for the page (its WGS 84 copy, style and label points, packed geometry:
gis.packed) takes about a second for 50,000 compounds; on the UI thread that froze the
window. The outbox prepares each layer on a worker thread and keeps every message behind
it waiting, so the page still sees them in the order they were sent (a selection never
arrives before its layer). A layer's geometry is binary (11.6 MB for 50,000 compounds): the
message carries only the URL the page fetches it from (gui/map/blobs.py), so the UI thread
never copies it through QWebChannel, and so do big label lists; the page handles later
messages after the fetch.
"""

from __future__ import annotations

import json
import logging
import threading

from PySide6.QtCore import QObject, Signal

from gis.layer import Layer
from gis.map_style import labels_meanwhile, style_payload
from gis.packed import packed
from gui.map.blobs import FETCHED_MIN, blob_store

log = logging.getLogger(__name__)


class _Entry:
    """One message: a signal and its arguments (None while the layer is being prepared)."""

    __slots__ = ("signal", "args", "failed")

    def __init__(self, signal, args: tuple | None) -> None:
        self.signal, self.args, self.failed = signal, args, False


def _json_list(items: list, step: int = 5_000) -> str:
    """``json.dumps(items)`` a slice at a time: one call on 50,000 labels held the GIL 40 ms."""
    return "[" + ", ".join(json.dumps(items[k:k + step], ensure_ascii=False)[1:-1]
                           for k in range(0, len(items), step)) + "]"


def _style_and_labels(style: dict) -> tuple[str, bytes | None]:
    """The style message, and its labels as a body the page fetches when they are big (50,000
    compounds' names: 1.7 MB the UI thread no longer copies through QWebChannel); else None."""
    labels = _json_list(style["labels"]).encode("utf-8") if style.get("labels") else b""
    if len(labels) < FETCHED_MIN:
        return json.dumps(style, ensure_ascii=False), None
    return json.dumps(dict(style, labels=None), ensure_ascii=False), labels


class Outbox(QObject):
    """Messages to the page, held until the page is ready and every layer before them is prepared."""

    _prepared = Signal(object, object)  # entry, (layer id, meta, labels body or None, Packed; Nones when it failed)
    layerFailed = Signal(str)  # the id of a layer that could not be prepared (never sent)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._open = False
        self._urls: list[str] = []  # geometry handed to the store (fetched once by the page)
        self._queue: list[_Entry] = []
        self._prepared.connect(self._on_prepared)
        self.threads: list[threading.Thread] = []

    @property
    def pending(self) -> int:
        """Messages not sent yet (layers being prepared and what waits behind them)."""
        return len(self._queue)

    def open(self) -> None:
        """The page is ready: send what waited."""
        self._open = True
        self._flush()

    def put(self, signal, *args) -> None:
        self._queue.append(_Entry(signal, args))
        self._flush()

    def put_layer(self, signal, layer: Layer) -> None:
        """``signal(style meta, geometry head)`` of *layer*, prepared on a worker thread; the head
        (gis.packed) names the URL of its binary body."""
        entry = _Entry(signal, None)
        self._queue.append(entry)
        thread = threading.Thread(target=self._prepare, args=(entry, layer), name="ocp-pack", daemon=True)
        self.threads = [t for t in self.threads if t.is_alive()] + [thread]
        thread.start()

    def _prepare(self, entry: _Entry, layer: Layer) -> None:
        try:
            with labels_meanwhile(layer):  # (all three already made when the import worker made the layer)
                geometry = packed(layer)  # and the WGS 84 copy with it (zooming uses it too)
            result = (layer.id, *_style_and_labels(style_payload(layer)), geometry)
        except Exception:  # noqa: BLE001 - a layer that cannot be drawn must not block the others
            log.exception("preparing layer %s for the map failed", layer.name)
            result = (layer.id, None, None, None)
        try:
            self._prepared.emit(entry, result)
        except RuntimeError:  # the view was deleted meanwhile
            pass

    def _on_prepared(self, entry: _Entry, result) -> None:
        layer_id, meta, labels, geometry = result
        if geometry is None:
            entry.failed = True
            self.layerFailed.emit(layer_id)
        else:
            if labels is not None:  # fetched by the page beside the geometry
                meta = f'{meta[:-1]}, "labelsUrl": {json.dumps(self.hold(labels))}}}'
            entry.args = (meta, json.dumps(dict(geometry.head, url=self.hold(geometry.body))))
        self._flush()

    def hold(self, body: bytes) -> str:
        """The URL the page fetches *body* from, once (forgotten if the page goes away first)."""
        url = blob_store().put(body)
        self._urls = [u for u in self._urls if blob_store().holds(u)] + [url]
        return url

    def _flush(self) -> None:
        while self._open and self._queue and (self._queue[0].args is not None or self._queue[0].failed):
            entry = self._queue.pop(0)
            if not entry.failed:
                entry.signal.emit(*entry.args)

    def close(self) -> None:
        """The page goes away: forget the geometry it did not fetch."""
        for url in self._urls:
            blob_store().drop(url)
        self._urls.clear()
