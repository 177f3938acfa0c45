"""Which features of a layer act as barriers that neighbours may not cross.

Planners rarely want every street to split zones: only arterial roads, rivers and
railways do. A barrier choice is a layer plus an optional filter on one column
(e.g. 等级 in {主干路}); it is saved with the zone plan.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd

from gis.layer import Layer


@dataclass(frozen=True)
class BarrierChoice:
    layer_id: str
    column: str | None = None
    values: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {"layer_id": self.layer_id, "column": self.column, "values": list(self.values)}

    @classmethod
    def from_dict(cls, data: dict | None) -> "BarrierChoice | None":
        if not data or not data.get("layer_id"):
            return None
        return cls(str(data["layer_id"]), data.get("column"), tuple(str(v) for v in data.get("values", ())))


def barrier_features(layer: Layer, choice: BarrierChoice | None) -> gpd.GeoDataFrame:
    """The features of *layer* the choice keeps (all of them without a filter)."""
    data = layer.data
    if choice is None or not choice.column or choice.column not in data.columns:
        return data
    return data[data[choice.column].astype(str).isin(set(choice.values))]
