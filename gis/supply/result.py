"""What a floating-catchment run found, as arrays and as the tables exports and views show.

Access is kept as supply per unit of demand; tables also give it per 1,000 of the demand
group ("places per 1,000 children"), the unit the window's choropleth uses.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd

from gis.gaps.compounds import CompoundTable, plain
from gis.io.notices import Notice
from gis.network.inputs import Facilities
from gis.supply.capacity import Capacity
from gis.supply.fca import FcaResult
from gis.supply.shortfall import Shortfall, ZoneTotals

PER = 1000.0  # access is shown per this many units of demand


@dataclass(eq=False)
class AccessResult:
    """One type's access. ``demand_column`` / ``demand_role`` say which demand was used (the
    role: elderly, children, population, households, or "column" when named by the user);
    ``demand_flags`` per compound: entered, survey, estimated or "" (unknown)."""

    facility_type: str
    method: str
    distance: str
    catchment_m: float
    compounds: CompoundTable
    demand: np.ndarray
    demand_column: str
    demand_role: str
    demand_flags: np.ndarray
    facilities: Facilities
    capacity: Capacity
    fca: FcaResult
    pairs: int
    shortfall: Shortfall | None = None
    zones: ZoneTotals | None = None
    notices: list[Notice] = field(default_factory=list)

    @property
    def access(self) -> np.ndarray:
        return self.fca.access

    def per_thousand(self) -> np.ndarray:
        """Access per 1,000 units of demand (the choropleth value)."""
        return self.fca.access * PER

    def compound_table(self) -> pd.DataFrame:
        """One row per compound (index = fid)."""
        c = self.compounds
        data = {"id": c.ids, "name": c.names, "demand": self.demand, "demand_flag": self.demand_flags,
                "access": self.fca.access, "access_per_1000": self.per_thousand(), "received": self.fca.received}
        if self.shortfall is not None:
            data["required"] = self.shortfall.required
            data["shortfall"] = self.shortfall.shortfall
        frame = pd.DataFrame(data)
        frame.index.name = "fid"
        return frame

    def compound_frame(self) -> gpd.GeoDataFrame:
        """:meth:`compound_table` with the compound polygons."""
        return gpd.GeoDataFrame(self.compound_table(), geometry=self.compounds.geometry, crs=self.compounds.crs)

    def facility_table(self) -> pd.DataFrame:
        """One row per facility of the type: capacity (entered or default), demand in reach, ratio."""
        f = self.facilities
        return pd.DataFrame({"id": f.ids, "name": f.names, "capacity": self.capacity.values,
                             "capacity_flag": self.capacity.flags, "reached_demand": self.fca.reached,
                             "ratio": self.fca.ratio})

    def zone_table(self) -> pd.DataFrame:
        """One row per zone (empty without zones)."""
        z = self.zones
        if z is None:
            return pd.DataFrame(columns=["id", "name", "compounds", "demand", "supply", "access", "access_per_1000"])
        data = {"id": [plain(i) for i in z.ids], "name": z.names, "compounds": [len(m) for m in z.members],
                "demand": z.demand, "supply": z.supply, "access": z.access, "access_per_1000": z.access * PER}
        if z.required is not None:
            data.update(required=z.required, shortfall=z.shortfall, pooled=z.pooled)
        return pd.DataFrame(data)

    def totals(self) -> dict:
        """Demand, supply and shortfall over all compounds (for a summary line)."""
        out = {"demand": float(np.nansum(self.demand)), "supply": float(self.capacity.values.sum()),
               "received": float(np.nansum(self.fca.received)), "facilities": len(self.facilities)}
        if self.shortfall is not None:
            out["shortfall"] = float(np.nansum(self.shortfall.shortfall))
            out["short_compounds"] = int((self.shortfall.shortfall > 0).sum())
        return out
