"""Which raster layers the map page shows, as the JSON list its ``rastersSet`` signal carries."""

from __future__ import annotations

import json

from gis.raster.layer import RasterLayer
from gui.map.raster_tiles import tile_server


class RasterRegistry:
    """Keeps one tile token per shown raster source; a relinked or re-opened file gets a new one."""

    def __init__(self) -> None:
        self._tokens: dict[str, tuple[object, str]] = {}  # raster id -> (tile source, token)

    def payload(self, rasters: list[RasterLayer]) -> str:
        """The page's raster list, bottom first (rasters whose file is missing are left out)."""
        server = tile_server()
        shown = [r for r in rasters if r.tiles is not None and r.info is not None]
        for raster_id in set(self._tokens) - {r.id for r in shown}:
            server.unregister(self._tokens.pop(raster_id)[1])
        out = []
        for r in shown:
            source, token = self._tokens.get(r.id, (None, ""))
            if source is not r.tiles:
                if token:
                    server.unregister(token)
                token = server.register(r.tiles)
                self._tokens[r.id] = (r.tiles, token)
            out.append({"id": r.id, "url": server.url_template(token), "opacity": float(r.opacity),
                        "visible": bool(r.visible), "bounds": list(r.info.bounds_lonlat),
                        "minNative": r.info.min_zoom if r.info.kind != "gdal" else 0,
                        "maxNative": r.info.max_zoom if r.info.kind != "gdal" else 21})
        return json.dumps(out)

    def clear(self) -> None:
        for _source, token in self._tokens.values():
            tile_server().unregister(token)
        self._tokens.clear()


def raster_bounds(rasters: list[RasterLayer]) -> list[tuple[float, float, float, float]]:
    """Lon/lat boxes of the visible rasters that can be shown (for 'zoom to all')."""
    return [r.info.bounds_lonlat for r in rasters if r.visible and r.info is not None]
