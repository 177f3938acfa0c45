"""Results keyed by a hash of their inputs, so work is redone only when an input changes.

>>> cache = ResultCache(maxsize=4)
>>> cache.get_or_compute(input_key("a", 1), lambda: 42), cache.get_or_compute(input_key("a", 1), lambda: 0)
(42, 42)
>>> cache.hits, cache.misses
(1, 1)
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Callable, TypeVar

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS

from gis.feedback import Feedback
from gis.network.build import DEFAULT_SNAP_M, build_network
from gis.network.chunked import chunked
from gis.network.graph import WalkGraph
from gis.network.inputs import Facilities

T = TypeVar("T")


def input_key(*parts: object) -> str:
    """A hex digest of *parts*: fingerprints, arrays, frames (geometry and CRS), files (path,
    size, mtime), other values by ``repr``."""
    h = hashlib.sha1()
    for part in parts:
        h.update(_bytes_of(part))
        h.update(b"\x1e")
    return h.hexdigest()


def _bytes_of(part: object) -> bytes:
    if hasattr(part, "fingerprint"):
        return str(part.fingerprint).encode()
    if isinstance(part, np.ndarray):
        return part.tobytes() if part.dtype != object else "\x1f".join(map(str, part)).encode()
    if isinstance(part, (gpd.GeoDataFrame, gpd.GeoSeries)):  # the shapes and CRS, not the attributes
        geoms = part.geometry.values if isinstance(part, gpd.GeoDataFrame) else part.values
        return b"".join(chunked(shapely.to_wkb, np.asarray(geoms)).tolist()) + str(part.crs).encode()
    if isinstance(part, CRS):
        return part.to_wkt().encode()
    if isinstance(part, Path):
        stat = part.stat()
        return f"{part.resolve()}|{stat.st_size}|{stat.st_mtime_ns}".encode()
    return repr(part).encode()


class ResultCache:
    """A small thread-safe LRU map from input keys to results (treat results as read-only).

    A key being computed on one thread is computed only there: another thread asking for it
    waits for that result (checking its *feedback* for Cancel), and computes it itself only if
    that computation failed or was cancelled. So a network built in the background is the one a
    run asks for meanwhile, not a second build beside it."""

    def __init__(self, maxsize: int = 8) -> None:
        self.maxsize = maxsize
        self._items: OrderedDict[str, object] = OrderedDict()
        self._lock = threading.Lock()
        self._busy: dict[str, threading.Event] = {}
        self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: str) -> bool:
        return key in self._items

    def get_or_compute(self, key: str, compute: Callable[[], T], *, feedback: Feedback | None = None) -> T:
        """The cached result for *key*, else ``compute()`` stored under it."""
        while True:
            with self._lock:
                if key in self._items:
                    self._items.move_to_end(key)
                    self.hits += 1
                    return self._items[key]  # type: ignore[return-value]
                busy = self._busy.get(key)
                if busy is None:
                    self.misses += 1
                    self._busy[key] = threading.Event()
                    break
            while not busy.wait(0.05):  # another thread computes it: wait, and let the user cancel
                if feedback is not None:
                    feedback.check()
        try:
            value = compute()
            with self._lock:
                self._items[key] = value
                self._items.move_to_end(key)
                while len(self._items) > self.maxsize:
                    self._items.popitem(last=False)
        finally:
            with self._lock:
                self._busy.pop(key).set()
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


def cached_network(cache: ResultCache, source: str | Path | gpd.GeoDataFrame, *, crs: CRS | None = None,
                   snap_tolerance_m: float = DEFAULT_SNAP_M, source_crs: str | None = None,
                   feedback: Feedback | None = None) -> WalkGraph:
    """:func:`gis.network.build.build_network`, reused while the source and options are unchanged."""
    src = Path(source) if isinstance(source, str) else source
    key = input_key("network", src, crs, float(snap_tolerance_m), source_crs)
    return cache.get_or_compute(key, lambda: build_network(source, crs=crs, snap_tolerance_m=snap_tolerance_m,
                                                           source_crs=source_crs, feedback=feedback),
                                feedback=feedback)


def cached_service_areas(cache: ResultCache, facilities: Facilities, *, network: WalkGraph | None = None,
                         params=None, feedback: Feedback | None = None):
    """:func:`gis.network.service_area.service_areas`, reused while its inputs are unchanged."""
    from gis.network.service_area import ServiceAreaParams, service_areas

    params = params if params is not None else ServiceAreaParams()
    key = input_key("service_areas", facilities, network, params)
    return cache.get_or_compute(key, lambda: service_areas(facilities, network=network, params=params,
                                                           feedback=feedback), feedback=feedback)
