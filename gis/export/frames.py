"""The tables every export writes: the zones (with members, statistics and gaps) and layers.

:func:`zones_frame` is the zone plan as features: each zone's closed outline with its
member compound ids, the zone table of :mod:`gis.zones.stats` and, when a gap analysis
is given, the services the zone still lacks after pooling (a service counts for the
whole zone if any member reaches it). Column names are the short document field names
of :mod:`gis.wording`, so the same names appear in GeoPackage, Shapefile, KML
and DXF.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd

from gis.analysis.outputs import compounds_layer, zone_stats
from gis.domain import FieldRole
from gis.wording import facility_term, field_name
from gis.feedback import Feedback, ensure
from gis.layer import Layer
from gis.project import Project

ZONES_LAYER = "zones"


def compound_ids(layer: Layer) -> np.ndarray:
    """Each compound's id: its ID field's value, else its 0-based row (the CLI rule)."""
    col = layer.column(FieldRole.ID)
    if col is None:
        return np.arange(len(layer), dtype=object)
    return np.asarray([_plain(v) for v in col.to_numpy(dtype=object)], dtype=object)


def _plain(value: object) -> object:
    if isinstance(value, np.generic):
        return value.item()
    return value


def zone_missing(project: Project, gaps) -> dict[int, list[str]]:
    """Facility types each zone lacks after pooling its members' access.

    *gaps* is a :class:`gis.gaps.access.GapResult` over the plan's compounds layer.
    """
    model = project.zones
    covered = np.asarray(gaps.covered, dtype=bool)
    out = {}
    for zid, zone in model.zones.items():
        members = np.fromiter(sorted(zone.members), dtype=np.int64)
        pooled = covered[members].any(axis=0)
        out[zid] = [t for t, ok in zip(gaps.types, pooled) if not ok]
    return out


def zones_frame(project: Project, *, stats: pd.DataFrame | None = None, gaps=None,
                elevators: pd.DataFrame | None = None, language: str = "zh_CN",
                feedback: Feedback | None = None) -> gpd.GeoDataFrame:
    """One feature per zone: outline, members, statistics and pooled gaps.

    Parameters
    ----------
    project : Project
        Must hold a zone plan (``project.zones``).
    stats : DataFrame, optional
        The zone table (computed when not given).
    gaps : GapResult, optional
        Adds ``missing`` (facility names) and ``n_missing``.
    elevators : DataFrame, optional
        Per zone id: ``elevator_buildings``, ``elevator_households``, ``subsidy_total``.
    language : "zh_CN" or "en", keyword-only
        Language of field names and of the facility names in ``missing``.
    """
    fb = ensure(feedback)
    model = project.zones
    layer = compounds_layer(project)
    ids = compound_ids(layer)
    if stats is None:
        stats = zone_stats(project, feedback=fb.sub(0.0, 0.8))
    zones = model.zones
    rows = []
    for zid, zone in zones.items():
        fb.check()
        members = sorted(zone.members)
        rows.append({"zone_id": zid, "name": zone.name, "colour": zone.colour,
                     "members": [ids[m] for m in members]})
    frame = pd.DataFrame(rows, columns=["zone_id", "name", "colour", "members"])
    frame = frame.join(_stat_columns(stats), on="zone_id")
    if gaps is not None:
        missing = zone_missing(project, gaps)
        frame["missing"] = [[facility_term(t, language) for t in missing[z]] for z in frame["zone_id"]]
        frame["n_missing"] = [len(missing[z]) for z in frame["zone_id"]]
    if elevators is not None:
        frame = frame.join(elevators[[c for c in ("elevator_buildings", "elevator_households",
                                                  "subsidy_total") if c in elevators]], on="zone_id")
    outlines = [model.outline(z) for z in frame["zone_id"]]
    out = gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(outlines, crs=layer.data.crs), crs=layer.data.crs)
    fb.progress(1.0)
    return out.rename(columns={c: field_name(c, language) for c in out.columns if c != "geometry"})


def _stat_columns(stats: pd.DataFrame) -> pd.DataFrame:
    keep = [c for c in ("compounds", "buildings", "households", "area_m2", "area_ha", "compound_area_m2",
                        "year_min", "year_max", "old_share", "facilities", "contiguous") if c in stats]
    keep = [c for c in keep if stats[c].notna().any()]  # no buildings layer: no 楼栋数 column
    keep += [c for c in stats.columns if c.startswith("fac_")]
    table = stats[keep].copy()
    for col in ("area_m2", "area_ha", "compound_area_m2"):
        if col in table:
            table[col] = table[col].astype("Float64").round(2 if col == "area_ha" else 1)
    if "old_share" in table:
        table["old_share"] = table["old_share"].astype("Float64").round(3)
    return table


def layer_frame(layer: Layer) -> gpd.GeoDataFrame:
    """A layer's features as written: its own attribute names and values."""
    return layer.data.copy()
