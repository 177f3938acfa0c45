"""Which raster layers the map page shows, as the JSON list its ``rastersSet`` signal carries."""

from __future__ import annotations

import json

from gis.raster.layer import RasterLayer
from gui.map.raster_tiles import tile_server


class RasterRegistry:
    """Keeps one tile token per shown raster source; a relinked or re-opened file gets a new one."""

    def __init__(self) -> None:
        self._tokens: dict[str, tuple[object, str]] = {}  # raster id -> (tile source, token)

    def payload(self, rasters: list[RasterLayer], basemap: list | None = None, credit: str = "") -> str:
        """The page's raster list, bottom first: the online basemap's layers (gis/raster/basemaps.py),
        then the project's rasters (those whose file is missing are left out)."""
        shown = [r for r in rasters if r.tiles is not None and r.info is not None]
        sources = {f"basemap-{k}": tiles for k, tiles in enumerate(basemap or [])}
        sources.update((r.id, r.tiles) for r in shown)
        for layer_id in set(self._tokens) - set(sources):
            tile_server().unregister(self._tokens.pop(layer_id)[1])
        out = [{"id": layer_id, "url": self._url(layer_id, tiles), "opacity": 1.0, "visible": True,
                "bounds": [-180, -85, 180, 85], "minNative": 0, "maxNative": 18, "credit": credit}
               for layer_id, tiles in sources.items() if layer_id.startswith("basemap-")]
        for r in shown:
            out.append({"id": r.id, "url": self._url(r.id, r.tiles), "opacity": float(r.opacity),
                        "visible": bool(r.visible), "bounds": list(r.info.bounds_lonlat),
                        "minNative": r.info.min_zoom if r.info.kind != "gdal" else 0,
                        "maxNative": r.info.max_zoom if r.info.kind != "gdal" else 21, "credit": ""})
        return json.dumps(out, ensure_ascii=False)

    def _url(self, layer_id: str, tiles) -> str:
        """The tile URL of *tiles*, registered under a new token when the source changed."""
        source, token = self._tokens.get(layer_id, (None, ""))
        if source is not tiles:
            if token:
                tile_server().unregister(token)
            token = tile_server().register(tiles)
            self._tokens[layer_id] = (tiles, token)
        return tile_server().url_template(token)

    def clear(self) -> None:
        for _source, token in self._tokens.values():
            tile_server().unregister(token)
        self._tokens.clear()


def raster_bounds(rasters: list[RasterLayer]) -> list[tuple[float, float, float, float]]:
    """Lon/lat boxes of the visible rasters that can be shown (for 'zoom to all')."""
    return [r.info.bounds_lonlat for r in rasters if r.visible and r.info is not None]
