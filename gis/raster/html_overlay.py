"""A project's local rasters for the offline HTML map: each one image overlay, size-capped.

Leaflet stretches an image overlay linearly between its lon/lat corners in Web Mercator, so the
raster is drawn in Web Mercator (gis/raster/render.py) at most ``MAX_SIDE_PX`` a side and embedded
as a JPEG/PNG data URI. A raster whose image would still exceed ``MAX_BYTES``, whose file is missing,
or that cannot follow a GCJ-02 shifted export is left out, and a notice says so.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

from pyproj import CRS, Transformer

from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.notices import coded
from gis.raster.render import render_extent
from gis.raster.tiles import encode_jpeg, encode_png

MAX_SIDE_PX = 2048
MAX_BYTES = 6 * 2**20
WEB_MERCATOR = CRS.from_epsg(3857)


@dataclass(frozen=True)
class HtmlImage:
    """One image overlay: name, data URI, lon/lat bounds (w, s, e, n), opacity, shown or not."""

    name: str
    uri: str
    bounds: tuple[float, float, float, float]
    opacity: float = 1.0
    show: bool = True


def html_images(rasters: list, *, gcj02: bool = False, max_bytes: int = MAX_BYTES) -> tuple[list[HtmlImage], list]:
    """The overlays of *rasters* (bottom first) and notices for the ones left out."""
    images, notes = [], []
    for raster in rasters:
        if raster.tiles is None or raster.info is None:
            notes.append(coded("export.raster_left_out", QT_TRANSLATE_NOOP(
                "export", "Raster {name} was left out of the HTML map: its file was not found."), name=raster.name))
        elif gcj02:
            notes.append(coded("export.raster_left_out", QT_TRANSLATE_NOOP(
                "export", "Raster {name} was left out of the HTML map: an image cannot be shifted to GCJ-02 like "
                          "the vector layers."), name=raster.name))
        else:
            image = _image(raster)
            if image is not None and len(image.uri) <= max_bytes * 4 // 3 + 32:
                images.append(image)
            elif image is not None:
                notes.append(coded("export.raster_too_large", QT_TRANSLATE_NOOP(
                    "export", "Raster {name} was left out of the HTML map: its image would add {size} MB, more "
                              "than the {cap} MB an HTML map may carry. Use a map layout (PDF/PNG) for it."),
                    name=raster.name, size=round(len(image.uri) * 3 / 4 / 2**20, 1), cap=max_bytes // 2**20))
    return images, notes


def _image(raster) -> HtmlImage | None:
    w, s, e, n = raster.info.bounds_lonlat
    to_merc = Transformer.from_crs("EPSG:4326", WEB_MERCATOR, always_xy=True)
    (x0, x1), (y0, y1) = to_merc.transform([w, e], [max(s, -85.0), min(n, 85.0)])
    aspect = (x1 - x0) / max(y1 - y0, 1e-9)
    width, height = (MAX_SIDE_PX, max(1, round(MAX_SIDE_PX / aspect))) if aspect >= 1 else \
        (max(1, round(MAX_SIDE_PX * aspect)), MAX_SIDE_PX)
    cols = max(1, min(width, raster.info.width or width))
    rows = max(1, min(height, raster.info.height or height))  # never more pixels than the file has
    rgba = render_extent([(raster.tiles, 1.0)], (x0, y0, x1, y1), WEB_MERCATOR, cols, rows)
    if rgba is None:
        return None
    chw = rgba.transpose(2, 0, 1)
    data, mime = (encode_jpeg(chw[:3]), "image/jpeg") if chw[3].min() == 255 else (encode_png(chw), "image/png")
    uri = f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
    return HtmlImage(raster.name, uri, (w, s, e, n), float(raster.opacity), bool(raster.visible))
