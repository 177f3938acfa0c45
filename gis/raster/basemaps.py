"""Online basemaps, opt-in (off by default): 天地图 vector or imagery with labels, OpenStreetMap, or an
institute's own XYZ tile server.

The map page never goes online: these tiles are fetched here, from the one host the user chose,
cached on disk (fetched once, also for prints), and handed to the page through the same local
handler as local rasters. The 天地图 key lives in the user's settings only; it is never written to a
project, an export or a log (URLs are never logged). Without network, tiles are missing and
``on_offline`` is called once (the window shows a notice); everything else keeps working.
GCJ-02 tile servers are moved onto the map's true coordinates by gis/raster/gcj_tiles.py.
"""

from __future__ import annotations

import hashlib
import http.client
import re
import threading
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

from gis.errors import DataReadError
from gis.i18n import QT_TRANSLATE_NOOP

KINDS = ("off", "tianditu_vec", "tianditu_img", "osm", "xyz")
TIANDITU = "https://t{s}.tianditu.gov.cn/DataServer?T={layer}&x={x}&y={y}&l={z}&tk={key}"
TIANDITU_LAYERS = {"tianditu_vec": ("vec_w", "cva_w"), "tianditu_img": ("img_w", "cia_w")}
OSM = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
ATTRIBUTION = {"tianditu_vec": "© 天地图", "tianditu_img": "© 天地图", "osm": "© OpenStreetMap contributors"}
USER_AGENT = "OldCompoundPlanner/1.0 (desktop GIS; tiles cached locally)"
TIMEOUT_S = 6.0
RETRY_AFTER_S = 60.0  # after a failure, no request to that host for this long
MAX_ZOOM = 18


@dataclass(frozen=True)
class Basemap:
    """What the user turned on (``Settings.basemap``)."""

    kind: str = "off"
    key: str = ""  # 天地图 key (user settings only)
    url: str = ""  # XYZ template with {z} {x} {y} (kind "xyz")
    attribution: str = ""  # for "xyz": the source's credit line
    datum: str = "wgs84"  # for "xyz": wgs84 (also CGCS2000) or gcj02 (AMap-style; moved onto the map)

    @classmethod
    def from_settings(cls, raw: dict | None) -> "Basemap":
        raw = raw if isinstance(raw, dict) else {}
        kind = raw.get("kind") if raw.get("kind") in KINDS else "off"
        datum = "gcj02" if raw.get("datum") == "gcj02" and kind == "xyz" else "wgs84"
        return cls(kind, str(raw.get("key", "")), str(raw.get("url", "")), str(raw.get("attribution", "")), datum)

    def to_settings(self) -> dict:
        return asdict(self)

    @property
    def on(self) -> bool:
        return self.kind != "off"

    def templates(self) -> list[str]:
        """URL templates, bottom first (天地图: the map, then its labels); the key is filled in at fetch."""
        if self.kind in TIANDITU_LAYERS:
            return [TIANDITU.replace("{layer}", layer) for layer in TIANDITU_LAYERS[self.kind]]
        return {"osm": [OSM], "xyz": [self.url]}.get(self.kind, [])

    @property
    def host(self) -> str:
        """The one host this basemap reaches (天地图's t0–t7 mirrors count as one)."""
        first = (self.templates() or [""])[0].replace("{s}", "0")
        return urlsplit(first).hostname or ""

    def credit(self) -> str:
        return ATTRIBUTION.get(self.kind, self.attribution)


def check_basemap(basemap: Basemap) -> Basemap:
    """*basemap* if it can be used; DataReadError saying what is missing otherwise."""
    if basemap.kind in TIANDITU_LAYERS and not re.fullmatch(r"[0-9a-fA-F]{32}", basemap.key.strip()):
        raise DataReadError(QT_TRANSLATE_NOOP(
            "errors", "A 天地图 key is 32 letters and digits (apply for one at console.tianditu.gov.cn); "
                      "the basemap stays off."))
    if basemap.kind == "xyz":
        parts = urlsplit(basemap.url)
        if parts.scheme not in ("http", "https") or not parts.hostname or not all(
                f"{{{k}}}" in basemap.url for k in "zxy"):
            raise DataReadError(QT_TRANSLATE_NOOP(
                "errors", "A tile URL starts with http:// or https:// and holds {{z}}, {{x}} and {{y}}, e.g. "
                          "https://tiles.example.cn/{{z}}/{{x}}/{{y}}.png; the basemap stays off."))
    return Basemap(basemap.kind, basemap.key.strip(), basemap.url.strip(), basemap.attribution.strip(),
                   basemap.datum if basemap.kind == "xyz" else "wgs84")


class OnlineTiles:
    """One tile layer of a basemap: ``tile(z, x, y)`` from the disk cache, else fetched once."""

    def __init__(self, basemap: Basemap, template: str, cache: Path, *,
                 on_offline: Callable[[str], None] | None = None, opener=None) -> None:
        self.basemap = basemap
        self.template = template
        key = hashlib.sha1(template.encode()).hexdigest()[:16]  # the template holds no key
        self.folder = Path(cache) / "tiles" / key
        self.on_offline = on_offline
        self._open = opener  # None: urllib.request.urlopen (tests pass their own)
        self._down_until = 0.0
        self._told = False
        self._lock = threading.Lock()
        self.fetched = 0

    def url(self, z: int, x: int, y: int) -> str:
        return (self.template.replace("{s}", str((x + y) % 8)).replace("{z}", str(z)).replace("{x}", str(x))
                .replace("{y}", str(y)).replace("{key}", self.basemap.key))

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        if not (0 <= z <= MAX_ZOOM and 0 <= x < 2 ** z and 0 <= y < 2 ** z):
            return None
        path = self.folder / str(z) / str(x) / f"{y}.tile"
        if path.is_file():
            return path.read_bytes()
        if time.monotonic() < self._down_until:
            return None
        data = self._fetch(z, x, y)
        if data:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{threading.get_ident()}.part")
            tmp.write_bytes(data)
            tmp.replace(path)
        return data

    def _fetch(self, z: int, x: int, y: int) -> bytes | None:
        request = urllib.request.Request(self.url(z, x, y), headers={"User-Agent": USER_AGENT})
        try:
            with (self._open or urllib.request.urlopen)(request, timeout=TIMEOUT_S) as reply:
                data = reply.read(4 * 2**20)
        except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException):  # offline, refused, cut
            # off, timed out: no URL (it holds the key) is logged
            self._went_offline()
            return None
        self.fetched += 1
        return data if data[:4] in (b"\x89PNG", b"RIFF") or data[:2] == b"\xff\xd8" else None

    def _went_offline(self) -> None:
        with self._lock:
            self._down_until = time.monotonic() + RETRY_AFTER_S
            tell, self._told = not self._told, True
        if tell and self.on_offline is not None:
            self.on_offline(self.basemap.host)


def basemap_layers(basemap: Basemap, cache: Path, *, on_offline: Callable[[str], None] | None = None) -> list:
    """The tile sources of *basemap*, bottom first (GCJ-02 ones moved onto WGS 84); [] when it is off."""
    from gis.raster.gcj_tiles import GcjCorrectedTiles

    if not basemap.on:
        return []
    layers = [OnlineTiles(basemap, t, cache, on_offline=on_offline) for t in basemap.templates()]
    return [GcjCorrectedTiles(layer) for layer in layers] if basemap.datum == "gcj02" else layers
