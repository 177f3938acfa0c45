"""The zone table: one row per zone with what a planner compares zones by.

Per zone: compounds, buildings inside the members, households, outline and compound
area, range of build years, share of old compounds, facilities inside the outline (in
total and per type) and whether the zone is contiguous.

:class:`ZoneStats` reads the per-compound facts once (households, years, areas,
buildings per compound) so that after an edit the GUI recomputes only the rows of the
zones that changed (``stats.table(zone_ids=change.added | change.updated)``).
"""

from __future__ import annotations

from typing import Iterable

import numpy as np
import pandas as pd
import shapely

from gis import defaults
from gis.domain import FACILITY_LABELS, FacilityType, FieldRole
from gis.feedback import Feedback, ensure
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.fields import parse_count, parse_year
from gis.layer import Layer
from gis.zones.model import ZoneModel
from gis.zones.outline import M2_PER_HA

PRE_YEAR = defaults.PRE_YEAR  # compounds completed by the end of 2000

COLUMNS = {
    "name": QT_TRANSLATE_NOOP("zones", "Zone"),
    "compounds": QT_TRANSLATE_NOOP("zones", "Compounds"),
    "buildings": QT_TRANSLATE_NOOP("zones", "Buildings"),
    "households": QT_TRANSLATE_NOOP("zones", "Households"),
    "area_m2": QT_TRANSLATE_NOOP("zones", "Zone area (m²)"),
    "area_ha": QT_TRANSLATE_NOOP("zones", "Zone area (ha)"),
    "compound_area_m2": QT_TRANSLATE_NOOP("zones", "Compound land (m²)"),
    "year_min": QT_TRANSLATE_NOOP("zones", "Built from"),
    "year_max": QT_TRANSLATE_NOOP("zones", "Built to"),
    "old_share": QT_TRANSLATE_NOOP("zones", "Old compounds (share)"),
    "facilities": QT_TRANSLATE_NOOP("zones", "Facilities inside"),
    "contiguous": QT_TRANSLATE_NOOP("zones", "Contiguous"),
    "households_missing": QT_TRANSLATE_NOOP("zones", "Compounds without a household count"),
    "colour": QT_TRANSLATE_NOOP("zones", "Colour"),
}
# facilities inside, per type: "fac_clinic", ... (labels in the "domain" context)
FACILITY_COLUMNS = {f"fac_{t.value}": FACILITY_LABELS[t] for t in FacilityType}


class CompoundFacts:
    """Per-compound values the zone table sums: households, build year, area, buildings."""

    def __init__(self, compounds: Layer, *, buildings: Layer | None = None) -> None:
        data = compounds.data
        n = len(data)
        self.area = shapely.area(data.geometry.values)
        self.households = _numeric(compounds, FieldRole.HOUSEHOLDS, parse_count, n)
        self.year = _numeric(compounds, FieldRole.BUILD_YEAR, parse_year, n)
        self.has_households = compounds.column(FieldRole.HOUSEHOLDS) is not None
        self.has_year = compounds.column(FieldRole.BUILD_YEAR) is not None
        self.buildings = None if buildings is None else buildings_per_compound(compounds, buildings)


def _numeric(layer: Layer, role: FieldRole, parser, n: int) -> np.ndarray:
    col = layer.column(role)
    if col is None:
        return np.full(n, np.nan)
    return parser(col).astype("Float64").to_numpy(dtype=float, na_value=np.nan)


def buildings_per_compound(compounds: Layer, buildings: Layer) -> np.ndarray:
    """How many buildings each compound holds.

    By the buildings' compound-id field when both layers map one (compound ID ↔
    building COMPOUND_ID), else by location: a building belongs to the first compound
    that contains its representative point.
    """
    n = len(compounds)
    ids, refs = compounds.column(FieldRole.ID), buildings.column(FieldRole.COMPOUND_ID)
    if ids is not None and refs is not None:
        position = pd.Series(np.arange(n), index=ids.astype(str).to_numpy())
        position = position[~position.index.duplicated()]
        hit = position.reindex(refs.astype(str).to_numpy()).dropna().astype(int).to_numpy()
    else:
        points = shapely.point_on_surface(buildings.data.geometry.values)
        tree = shapely.STRtree(compounds.data.geometry.values)
        pts, owner = tree.query(points, predicate="within")
        _, first = np.unique(pts, return_index=True)
        hit = owner[first]
    return np.bincount(hit, minlength=n)


def land_area(geometries, members) -> float:
    """Area covered by the member compounds themselves (overlaps counted once), m²."""
    return float(shapely.union_all(np.asarray(geometries, dtype=object)[members]).area)


class ZoneStats:
    """The zone table of a plan; facts are read once, rows computed on demand.

    Parameters
    ----------
    model : ZoneModel
        The plan (it must hold the compound geometries for outlines).
    compounds : Layer
        The compounds layer the plan is over.
    buildings, facilities : Layer, optional, keyword-only
        Buildings (counted per member compound) and facilities (counted inside the
        zone outline, per FacilityType key).
    pre_year : int, keyword-only
        Compounds built in or before this year count as old (default 2000).
    standards : gis.standards.Standards, optional, keyword-only
        Recognises facility types from Chinese names (default: the shipped preset).
    """

    def __init__(self, model: ZoneModel, compounds: Layer, *, buildings: Layer | None = None,
                 facilities: Layer | None = None, pre_year: int = PRE_YEAR,
                 standards=None) -> None:
        self.model = model
        self.pre_year = int(pre_year)
        self.facts = CompoundFacts(compounds, buildings=buildings)
        self._fac_points = self._fac_types = None
        if facilities is not None:
            from gis.network.inputs import facilities_from_layer
            from gis.standards import load_standards

            fac = facilities_from_layer(facilities, standards=standards or load_standards())
            self._fac_points, self._fac_types = fac.points, fac.types
            self._fac_tree = shapely.STRtree(fac.points)

    def table(self, zone_ids: Iterable[int] | None = None, *,
              feedback: Feedback | None = None) -> pd.DataFrame:
        """Rows for *zone_ids* (all zones if None), indexed by zone id, in id order."""
        fb = ensure(feedback)
        ids = sorted(self.model.zones) if zone_ids is None else sorted(set(zone_ids))
        rows = []
        for k, zid in enumerate(ids):
            if k % 16 == 0:
                fb.check()
                fb.progress(k / max(1, len(ids)))
            rows.append(self.row(zid))
        frame = pd.DataFrame(rows, index=pd.Index(ids, name="zone_id", dtype="int64"))
        return self._typed(frame)

    def row(self, zone_id: int) -> dict:
        """The table row of one zone as a dict."""
        zone = self.model.zone(zone_id)
        m = np.fromiter(sorted(zone.members), dtype=np.int64)
        f = self.facts
        outline = self.model.outline(zone_id)
        area = float(outline.area)
        years = f.year[m][~np.isnan(f.year[m])]
        hh = f.households[m]
        row = {
            "name": zone.name, "colour": zone.colour, "compounds": int(m.size),
            "buildings": int(f.buildings[m].sum()) if f.buildings is not None else None,
            "households": float(np.nansum(hh)) if f.has_households else None,
            "households_missing": int(np.isnan(hh).sum()) if f.has_households else int(m.size),
            "area_m2": area, "area_ha": area / M2_PER_HA,
            "compound_area_m2": land_area(self.model.geometries, m),
            "year_min": float(years.min()) if years.size else None,
            "year_max": float(years.max()) if years.size else None,
            "old_share": float((years <= self.pre_year).mean()) if years.size else None,
            "contiguous": self.model.contiguity(zone_id).ok,
        }
        row.update(self._facilities(outline))
        return row

    def _facilities(self, outline) -> dict:
        if self._fac_points is None:
            return {"facilities": None}
        inside = self._fac_tree.query(outline, predicate="intersects")
        types = pd.Series(self._fac_types[inside], dtype=object)
        counts = types.value_counts()
        out = {"facilities": int(inside.size)}
        out.update({f"fac_{t.value}": int(counts.get(t.value, 0)) for t in FacilityType})
        return out

    @staticmethod
    def _typed(frame: pd.DataFrame) -> pd.DataFrame:
        ints = ["compounds", "buildings", "households", "households_missing", "year_min",
                "year_max", "facilities"] + [c for c in frame.columns if c.startswith("fac_")]
        for col in ints:
            if col in frame:
                frame[col] = pd.to_numeric(frame[col]).round().astype("Int64")
        for col in ("area_m2", "area_ha", "compound_area_m2", "old_share"):
            if col in frame:
                frame[col] = pd.to_numeric(frame[col]).astype("Float64")
        return frame
