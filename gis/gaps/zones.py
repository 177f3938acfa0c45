"""Zone view of the gaps (连片改造): a service counts for the whole zone if any member reaches it.

Pooling is what zone renovation is for: a canteen in one compound of a 片区 is shared by
all. :func:`pool_gaps` gives per zone the types still missing after pooling and what
pooling gains — the types some members lacked that the zone now has, and the compounds
and households newly served per type.

Zones come from the plan (:func:`zone_groups_from_model`) or from a zone polygon layer
(:func:`zone_groups_from_frame`: a compound belongs to the zone containing a point inside it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from gis.errors import CrsError, FieldMappingError
from gis.gaps.access import GapResult
from gis.gaps.compounds import owner_by_location, plain
from gis.i18n import QT_TRANSLATE_NOOP


@dataclass(eq=False)
class ZoneGaps:
    """Per zone (rows, in ``ids`` order) and type (columns, ``types``).

    ``pooled``: the zone is served (some member is). ``lacking``: members not served on
    their own. ``gained_compounds`` / ``gained_households``: members (and their
    households) served only thanks to pooling.
    """

    ids: list
    names: list[str]
    members: list[np.ndarray]
    types: tuple[str, ...]
    pooled: np.ndarray
    lacking: np.ndarray
    gained_compounds: np.ndarray
    gained_households: np.ndarray
    households: np.ndarray

    def __len__(self) -> int:
        return len(self.ids)

    def missing(self, k: int) -> list[str]:
        """Types zone *k* (row) lacks even after pooling."""
        return [t for t, ok in zip(self.types, self.pooled[k]) if not ok]

    def gained_types(self, k: int) -> list[str]:
        """Types some member of zone *k* lacked and the zone has by pooling."""
        return [t for t, n in zip(self.types, self.gained_compounds[k]) if n > 0]

    def compound_covered(self, result: GapResult) -> np.ndarray:
        """(compounds x types) service after pooling: members take their zone's, others keep theirs."""
        out = result.covered.copy()
        for k, fids in enumerate(self.members):
            out[fids] |= self.pooled[k]
        return out

    def table(self) -> pd.DataFrame:
        """One row per zone: size, missing types after pooling, gains, and per-type gains."""
        rows = []
        for k in range(len(self)):
            rows.append({"id": plain(self.ids[k]), "name": self.names[k], "compounds": len(self.members[k]),
                         "households": plain(self.households[k]),
                         "n_missing": len(self.missing(k)), "missing": ", ".join(self.missing(k)),
                         "gaps_before": int(self.lacking[k].sum()),
                         "gaps_after": int(self.lacking[k].sum() - self.gained_compounds[k].sum()),
                         "gained_types": ", ".join(self.gained_types(k)),
                         **{f"{t}_gained_households": plain(h)
                            for t, h in zip(self.types, self.gained_households[k])}})
        return pd.DataFrame(rows)


def pool_gaps(result: GapResult, groups: Mapping[object, Iterable[int]], *,
              names: Mapping[object, str] | None = None) -> ZoneGaps:
    """Gaps per zone after pooling; *groups* maps each zone id to its member compound fids."""
    ids = list(groups)
    members = [np.fromiter(sorted(int(f) for f in groups[z]), dtype=np.int64) for z in ids]
    hh = result.compounds.households_or_zero()
    covered = result.covered
    t = len(result.types)
    pooled, lacking = np.zeros((len(ids), t), bool), np.zeros((len(ids), t), np.int64)
    gained_hh = np.zeros((len(ids), t))
    for k, fids in enumerate(members):
        sub = covered[fids]
        pooled[k] = sub.any(axis=0)
        lacking[k] = (~sub).sum(axis=0)
        gained_hh[k] = np.where(pooled[k], ((~sub) * hh[fids, None]).sum(axis=0), 0.0)
    gained = np.where(pooled, lacking, 0)
    total = np.array([hh[f].sum() for f in members]) if members else np.zeros(0)
    label = [str((names or {}).get(z, z)) for z in ids]
    return ZoneGaps(ids, label, members, result.types, pooled, lacking, gained, gained_hh, total)


def zone_groups_from_model(model) -> tuple[dict[int, frozenset[int]], dict[int, str]]:
    """``(groups, names)`` of a gis.zones.model.ZoneModel plan."""
    zones = model.zones
    return {z: zone.members for z, zone in zones.items()}, {z: zone.name for z, zone in zones.items()}


def zone_groups_from_frame(compounds: np.ndarray, zones: gpd.GeoDataFrame, *, crs, id_field: str | None = None,
                           name_field: str | None = None) -> tuple[dict[object, list[int]], dict[object, str]]:
    """``(groups, names)`` from zone polygons: each compound joins the zone containing a point inside it.

    Zone ids are the *id_field* values, else the 0-based row index; every zone is listed,
    even one that holds no compound.
    """
    if zones.crs is None:
        raise CrsError(QT_TRANSLATE_NOOP("errors", "The zone layer has no coordinate system."))
    for fld in (id_field, name_field):
        if fld is not None and fld not in zones.columns:
            raise FieldMappingError(QT_TRANSLATE_NOOP("errors", "The zone layer has no field {field}."), field=fld)
    zones = zones.reset_index(drop=True)
    polys = np.asarray(zones.to_crs(crs).geometry.values, dtype=object)
    ids = list(zones[id_field]) if id_field else list(range(len(zones)))
    names = list(zones[name_field].fillna("").astype(str)) if name_field else [str(i) for i in ids]
    ok = ~shapely.is_missing(compounds) & ~shapely.is_empty(compounds)
    points = np.full(len(compounds), None, dtype=object)
    points[ok] = shapely.point_on_surface(compounds[ok])
    owner = np.full(len(compounds), -1, dtype=np.int64)
    owner[ok] = owner_by_location(points[ok], polys)
    groups = {z: np.flatnonzero(owner == k).tolist() for k, z in enumerate(ids)}
    return groups, dict(zip(ids, names))
