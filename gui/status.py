"""Status bar: cursor position in lon/lat and in the current layer's CRS, and the map scale."""

from __future__ import annotations

from functools import lru_cache

from pyproj import CRS, Transformer
from PySide6.QtWidgets import QLabel, QStatusBar

from gis.crs import WGS84
from gis.layer import Layer

SCREEN_M_PER_PX = 0.0254 / 96.0  # a CSS pixel


@lru_cache(maxsize=16)
def _to_crs(crs_text: str) -> Transformer:
    return Transformer.from_crs(WGS84, CRS.from_user_input(crs_text), always_xy=True)


def scale_denominator(metres_per_pixel: float) -> int:
    """Map scale 1:N for a ground resolution on a 96-dpi screen, rounded to 3 figures."""
    n = metres_per_pixel / SCREEN_M_PER_PX
    if n <= 0:
        return 0
    digits = len(str(int(n))) - 3
    return int(round(n, -digits if digits > 0 else 0))


class MapStatusBar(QStatusBar):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.lonlat = QLabel(self)
        self.projected = QLabel(self)
        self.scale = QLabel(self)
        for w in (self.lonlat, self.projected, self.scale):
            w.setMinimumWidth(120)
            self.addPermanentWidget(w)
        self.layer: Layer | None = None
        self.working_crs: CRS | None = None

    def set_layer(self, layer: Layer | None, working_crs: CRS | None) -> None:
        self.layer = layer
        self.working_crs = working_crs

    def _layer_crs(self) -> str | None:
        if self.layer is not None and self.layer.source.crs:
            return self.layer.source.crs
        return self.working_crs.to_string() if self.working_crs is not None else None

    def show_cursor(self, lon: float, lat: float) -> None:
        self.lonlat.setText(self.tr("Lon {lon:.6f}°  Lat {lat:.6f}°").format(lon=lon, lat=lat))
        crs_text = self._layer_crs()
        if crs_text is None:
            self.projected.clear()
            return
        crs = CRS.from_user_input(crs_text)
        x, y = _to_crs(crs_text).transform(lon, lat)
        label = f"EPSG:{crs.to_epsg()}" if crs.to_epsg() else crs.name
        if crs.is_geographic:
            self.projected.setText(f"{label}  {x:.6f}, {y:.6f}")
        else:
            self.projected.setText(f"{label}  X {x:,.1f}  Y {y:,.1f}")

    def show_view(self, view: dict) -> None:
        denom = scale_denominator(float(view.get("mpp", 0.0)))
        self.scale.setText(self.tr("Scale 1:{n}").format(n=f"{denom:,}"))
