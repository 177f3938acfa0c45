"""The access choropleth: compounds filled by access per 1,000 of the demand group, compounds
short of the standard outlined in red, the type's facilities sized by capacity; and its legend."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
from PySide6.QtCore import QCoreApplication as Qc

from gis.supply.capacity import DEFAULT
from gis.supply.result import AccessResult
from gui.gaps.legend import Entry, GapLegend
from gui.gaps.wording import type_label

CHOROPLETH, SHORT, FACILITIES = "access:choropleth", "access:short", "access:facilities"
ALL = (CHOROPLETH, SHORT, FACILITIES)  # bottom to top
BLUES = ("#deebf7", "#9ecae1", "#4292c6", "#08519c")  # ColorBrewer Blues: more access is darker
NONE_FILL = "#fdd0a2"  # no facility in reach: orange, away from the gaps' red and purple
SHORT_RED = "#d7301f"
FACILITY_FILL, DEFAULT_FILL, FACILITY_STROKE = "#ffd700", "#ffffff", "#000000"
OPACITY = 1.0  # opaque: the compounds layer's own fill below would change the colours the legend shows


def breaks(values: np.ndarray) -> np.ndarray:
    """Class bounds of the positive values: quartiles, rounded to 2 significant digits, distinct."""
    positive = values[np.isfinite(values) & (values > 0)]
    if positive.size == 0:
        return np.zeros(0)
    qs = np.quantile(positive, [0.25, 0.5, 0.75])
    rounded = np.array([float(f"{q:.2g}") for q in qs])
    return np.unique(rounded[rounded > 0])


def class_colour(bounds: np.ndarray, value: np.ndarray) -> np.ndarray:
    """Index into :data:`BLUES` of each value's class; fewer classes take the darker end."""
    shift = len(BLUES) - (len(bounds) + 1)
    return np.minimum(np.searchsorted(bounds, value, side="left") + shift, len(BLUES) - 1)


def choropleth_frame(result: AccessResult) -> tuple[gpd.GeoDataFrame, np.ndarray]:
    """Every compound filled by its class of access per 1,000, and the class bounds."""
    value = result.per_thousand()
    bounds = breaks(value)
    fill = np.where(value > 0, np.asarray(BLUES, dtype=object)[class_colour(bounds, value)], NONE_FILL)
    frame = gpd.GeoDataFrame({"fid": np.arange(len(value)), "fill": fill, "stroke": "#5b5b5b", "weight": 0.6,
                              "fillOpacity": OPACITY, "legend": class_texts(bounds, value)},
                             geometry=result.compounds.geometry, crs=result.compounds.crs)
    return frame, bounds


def class_texts(bounds: np.ndarray, value: np.ndarray) -> np.ndarray:
    """Each compound's class in words (the print layout's legend reads the ``legend`` column)."""
    edges = [0.0, *bounds.tolist()]
    names = [Qc.translate("AccessMap", "up to {hi:g} per 1,000").format(hi=hi) for hi in bounds]
    names.append(Qc.translate("AccessMap", "over {lo:g} per 1,000").format(lo=edges[-1]))
    out = np.asarray(names, dtype=object)[np.searchsorted(bounds, value, side="left")]
    out[~(value > 0)] = Qc.translate("AccessMap", "None in reach")
    return out


def short_frame(result: AccessResult) -> gpd.GeoDataFrame | None:
    """Compounds short of the provision standard, outlined in red (None without a standard)."""
    if result.shortfall is None:
        return None
    rows = np.flatnonzero(result.shortfall.shortfall > 0)
    return gpd.GeoDataFrame({"fid": rows, "fill": SHORT_RED, "stroke": SHORT_RED, "weight": 2.5, "fillOpacity": 0.0,
                             "legend": Qc.translate("AccessMap", "Short of the standard")},
                            geometry=result.compounds.geometry[rows], crs=result.compounds.crs)


def facility_frame(result: AccessResult) -> gpd.GeoDataFrame:
    """The type's facilities, radius by capacity (square root), default capacities hollow."""
    cap = result.capacity.values
    radius = 4 + 8 * np.sqrt(cap / cap.max()) if len(cap) and cap.max() > 0 else np.full(len(cap), 6.0)
    default = result.capacity.flags == DEFAULT
    kind = type_label(result.facility_type)
    legend = np.where(default, Qc.translate("AccessMap", "{type}, default capacity").format(type=kind),
                      Qc.translate("AccessMap", "{type}, capacity entered").format(type=kind))
    return gpd.GeoDataFrame({"fill": np.where(default, DEFAULT_FILL, FACILITY_FILL), "stroke": FACILITY_STROKE,
                             "weight": 1.5, "fillOpacity": 1.0, "radius": radius, "legend": legend},
                            geometry=result.facilities.points, crs=result.facilities.crs)


def legend_sections(result: AccessResult, bounds: np.ndarray) -> list[tuple[str, list[Entry]]]:
    """The legend: classes with counts, the shortfall outline, the facilities."""
    value = result.per_thousand()
    edges = [0.0, *bounds.tolist(), np.inf]
    rows = [Entry(Qc.translate("AccessMap", "None in reach · {n}").format(n=int((value <= 0).sum())), NONE_FILL,
                  "#5b5b5b", OPACITY)]
    for k in range(len(edges) - 1):
        lo, hi = edges[k], edges[k + 1]
        n = int(((value > lo) & (value <= hi)).sum()) if k else int(((value > 0) & (value <= hi)).sum())
        text = (Qc.translate("AccessMap", "over {lo:g} · {n}").format(lo=lo, n=n) if not np.isfinite(hi)
                else Qc.translate("AccessMap", "up to {hi:g} · {n}").format(hi=hi, n=n))
        probe = np.array([hi if np.isfinite(hi) else lo + 1.0])
        rows.append(Entry(text, BLUES[int(class_colour(bounds, probe)[0])], "#5b5b5b", OPACITY))
    out = [(Qc.translate("AccessMap", "Per 1,000 of the demand"), rows)]
    if result.shortfall is not None:
        n = int((result.shortfall.shortfall > 0).sum())
        out.append(("", [Entry(Qc.translate("AccessMap", "Short of the standard · {n}").format(n=n), "#ffffff",
                               SHORT_RED, 0.0, shape="dashed")]))
    n_default = result.capacity.n_default
    fac = [Entry(Qc.translate("AccessMap", "{type}, capacity entered · {n}").format(
        type=type_label(result.facility_type), n=len(result.facilities) - n_default), FACILITY_FILL, FACILITY_STROKE,
        shape="dot")]
    if n_default:
        fac.append(Entry(Qc.translate("AccessMap", "{type}, default capacity · {n}").format(
            type=type_label(result.facility_type), n=n_default), DEFAULT_FILL, FACILITY_STROKE, shape="dot"))
    out.append(("", fac))
    return out


class AccessLegend(GapLegend):
    """The access legend, at the bottom left (the gap legend keeps the bottom right)."""

    CORNER = "bottom-left"

    def __init__(self, map_view) -> None:
        super().__init__(map_view, "access-legend")


class AccessMap:
    """The access overlays of one map view and their legend."""

    def __init__(self, view) -> None:
        self.view = view
        self.legend = AccessLegend(view)

    def draw(self, result: AccessResult) -> None:
        frame, bounds = choropleth_frame(result)
        frames = {CHOROPLETH: frame, SHORT: short_frame(result), FACILITIES: facility_frame(result)}
        for name in ALL:
            data = frames[name]
            self.view.set_overlay(name, data if data is not None and len(data) else None)
        title = Qc.translate("AccessMap", "Access to {type} ({method})").format(
            type=type_label(result.facility_type), method=result.method.upper())
        self.legend.set_entries(title, legend_sections(result, bounds))

    def clear(self) -> None:
        for name in ALL:
            self.view.set_overlay(name, None)
        self.legend.set_entries("", [])
