"""The raster layers and the online basemap under a printed map, at the print's resolution."""

from __future__ import annotations

from PySide6.QtGui import QImage

from gis.raster.render import render_extent


def underlay_layers(project, basemap: tuple = ()) -> list[tuple[object, float]]:
    """(tile source, opacity), bottom first: the basemap's layers, then the visible rasters."""
    layers = [(tiles, 1.0) for tiles in (basemap[0] if basemap else [])]
    return layers + [(r.tiles, r.opacity) for r in project.rasters
                     if r.visible and r.tiles is not None and r.opacity > 0]


def credits(project, basemap: tuple = ()) -> list[str]:
    """The sources to credit on the sheet: the basemap's credit line (local rasters need none)."""
    return [basemap[1]] if basemap and basemap[0] and basemap[1] else []


def underlay_image(project, where, basemap: tuple = ()) -> QImage | None:
    """One image covering the map frame of *where* (a GroundToPage), or None when nothing is under it."""
    layers = underlay_layers(project, basemap)
    if not layers or project.crs is None:
        return None
    frame = where.frame
    rgba = render_extent(layers, where.extent, project.crs, max(1, round(frame.width())), max(1, round(frame.height())))
    if rgba is None:
        return None
    h, w = rgba.shape[:2]
    return QImage(rgba.data, w, h, w * 4, QImage.Format.Format_RGBA8888).copy()
