"""A raster layer as the project holds it: a file by path, drawn under every vector layer.

The pixels stay in the file; the project saves the path (relative to the project where it can),
the coordinate system the user gave (for world-file images), opacity and visibility. A layer whose
file is missing when a project opens is kept (``info`` is None) so the user can point to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from uuid import uuid4

from gis.raster.links import candidates
from gis.raster.source import RasterInfo, open_raster
from gis.raster.tiles import TileSource


@dataclass(eq=False)
class RasterLayer:
    name: str
    path: str
    crs: str | None = None  # the user's answer for an image without a stated CRS (e.g. "EPSG:4547")
    opacity: float = 1.0
    visible: bool = True
    id: str = field(default_factory=lambda: "r" + uuid4().hex[:8])
    info: RasterInfo | None = None  # None: the file was not found (or not yet opened)
    tiles: TileSource | None = field(default=None, repr=False)

    @classmethod
    def from_info(cls, info: RasterInfo, *, crs: str | None = None, name: str | None = None) -> "RasterLayer":
        layer = cls(name=name or Path(info.path).name, path=info.path, crs=crs, info=info)
        layer.attach()  # drawable at once (from full size); attach(levels) again once overviews exist
        return layer

    @property
    def missing(self) -> bool:
        return self.info is None

    def attach(self, levels=None) -> None:
        """Make the tile source (after the overviews, if any, are built)."""
        if self.info is not None:
            self.tiles = TileSource(self.info, levels)

    def to_dict(self) -> dict:
        """What a project file saves (see :func:`with_relative` for the path beside the project)."""
        return {"id": self.id, "name": self.name, "path": str(Path(self.path).absolute()), "crs": self.crs,
                "opacity": float(self.opacity), "visible": bool(self.visible)}

    @classmethod
    def from_dict(cls, entry: dict, project_path: str | Path | None = None) -> "RasterLayer":
        """The saved layer; its file found beside the project first, then where it was (else missing)."""
        layer = cls(name=str(entry.get("name", "")), path=str(entry.get("path", "")), crs=entry.get("crs"),
                    opacity=min(max(float(entry.get("opacity", 1.0)), 0.0), 1.0),
                    visible=bool(entry.get("visible", True)), id=str(entry.get("id") or "r" + uuid4().hex[:8]))
        for candidate in candidates(entry, project_path):
            if candidate.exists():
                layer.path = str(candidate)
                break
        return layer

    def open(self) -> RasterInfo:
        """Check the file again (after a project opens or the user relinks it)."""
        self.info = open_raster(self.path, crs=self.crs)
        return self.info


def restore_rasters(entries: list, project_path: str | Path, notes: list) -> list[RasterLayer]:
    """The saved raster layers, each checked; one that cannot be shown is kept, with a notice."""
    from gis.errors import GisError
    from gis.i18n import QT_TRANSLATE_NOOP
    from gis.io.notices import coded
    from gis.raster.pyramid import existing_levels

    out = []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict):
            continue
        layer = RasterLayer.from_dict(entry, project_path)
        out.append(layer)
        if not Path(layer.path).exists():
            notes.append(coded("raster.missing", QT_TRANSLATE_NOOP(
                "errors", "Raster {layer}: its file {path} was not found (moved or renamed). Point to it with "
                          "Locate file… in the layer list; the layer is kept."), layer=layer.name, path=layer.path))
            continue
        try:
            layer.attach(existing_levels(layer.open()))
        except GisError as exc:
            layer.info = None
            notes.append(coded("raster.unreadable", QT_TRANSLATE_NOOP(
                "errors", "Raster {layer} cannot be shown: {reason}"), layer=layer.name, reason=exc.message))
    return out


def open_raster_layer(path: str | Path, *, crs: str | None = None, cache: Path | None = None,
                      feedback=None) -> RasterLayer:
    """A checked raster layer ready to draw: its overviews found or built first (see pyramid.py)."""
    from gis.raster.pyramid import build_pyramid, needs_pyramid

    info = open_raster(path, crs=crs)
    layer = RasterLayer.from_info(info, crs=crs)
    layer.attach(build_pyramid(info, cache, feedback=feedback) if needs_pyramid(info) else None)
    return layer
