"""What the map view sends to the page, in order, with layers prepared off the UI thread.

Preparing a layer for the page (its WGS 84 copy, style and label points, packed geometry:
gis.packed) takes about a second for 50,000 compounds; on the UI thread that froze the
window. The outbox prepares each layer on a worker thread and keeps every message behind
it waiting, so the page still sees them in the order they were sent (a selection never
arrives before its layer). A large layer's geometry (15 MB of text for 50,000 compounds)
goes out in pieces of :data:`PIECE_CHARS`, one per turn of the event loop: handing the
whole text to QWebChannel at once held the UI thread for a few hundred milliseconds.
"""

from __future__ import annotations

import json
import logging
import threading

from PySide6.QtCore import QObject, QTimer, Signal

from gis.layer import Layer
from gis.map_style import style_payload
from gis.packed import packed

log = logging.getLogger(__name__)
PIECE_CHARS = 1 << 20  # characters of packed geometry per message


class _Entry:
    """One message: a signal and its arguments (None while the layer is being prepared)."""

    __slots__ = ("signal", "args", "failed")

    def __init__(self, signal, args: tuple | None) -> None:
        self.signal, self.args, self.failed = signal, args, False


class Outbox(QObject):
    """Messages to the page, held until the page is ready and every layer before them is prepared."""

    _prepared = Signal(object, object)  # entry, (layer id, meta, packed; None, None when it failed)
    layerFailed = Signal(str)  # the id of a layer that could not be prepared (never sent)

    def __init__(self, chunk_signal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._chunk = chunk_signal  # signal(layer id, piece)
        self._open = False
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
        """``signal(style meta, packed geometry)`` of *layer*, prepared on a worker thread."""
        entry = _Entry(signal, None)
        self._queue.append(entry)
        thread = threading.Thread(target=self._prepare, args=(entry, layer), name="ocp-pack", daemon=True)
        self.threads = [t for t in self.threads if t.is_alive()] + [thread]
        thread.start()

    def _prepare(self, entry: _Entry, layer: Layer) -> None:
        try:
            layer.display_data()  # the WGS 84 copy, made here (labels and zooming use it too)
            result = (layer.id, json.dumps(style_payload(layer), ensure_ascii=False), packed(layer))
        except Exception:  # noqa: BLE001 - a layer that cannot be drawn must not block the others
            log.exception("preparing layer %s for the map failed", layer.name)
            result = (layer.id, None, None)
        try:
            self._prepared.emit(entry, result)
        except RuntimeError:  # the view was deleted meanwhile
            pass

    def _on_prepared(self, entry: _Entry, result) -> None:
        layer_id, meta, text = result
        if text is None:
            entry.failed = True
            self.layerFailed.emit(layer_id)
        else:
            at = self._queue.index(entry)
            if len(text) > PIECE_CHARS:
                pieces = [_Entry(self._chunk, (layer_id, text[k:k + PIECE_CHARS]))
                          for k in range(0, len(text), PIECE_CHARS)]
                self._queue[at:at] = pieces
                text = ""
            entry.args = (meta, text)
        self._flush()

    def _flush(self) -> None:
        while self._open and self._queue and (self._queue[0].args is not None or self._queue[0].failed):
            entry = self._queue.pop(0)
            if entry.failed:
                continue
            entry.signal.emit(*entry.args)
            if entry.signal is self._chunk and self._queue:  # let the window breathe between pieces
                QTimer.singleShot(0, self, self._flush)
                return
