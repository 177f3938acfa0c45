"""The shortfall against a provision standard, per compound and per zone.

A compound *requires* ``amount / per × base`` of the type's measure (e.g. 20 m² per 100
households) and *receives* ``access × demand`` from the floating catchment (its share of
every facility in reach). Its shortfall is what it requires beyond what it receives, never
below 0. A zone (片区) holds its members' demand, the supply they receive, and the access
``supply / demand``. Where the standard allows pooling (elderly-care space may be shared
within a 5-minute circle), a zone's shortfall is its members' requirement beyond the
supply they receive together; otherwise it is the sum of the members' own shortfalls.

>>> import numpy as np
>>> from gis.supply.capacity import Provision
>>> p = Provision(20, 100, "households", pooled=True)
>>> s = compound_shortfall(p, base=np.array([200., 100.]), received=np.array([10., 50.]))
>>> s.required.tolist(), s.shortfall.tolist()
([40.0, 20.0], [30.0, 0.0])
>>> z = zone_totals({"A": [0, 1]}, demand=np.array([200., 100.]), received=np.array([10., 50.]), shortfall=s)
>>> z.supply.tolist(), z.shortfall.tolist()   # pooled: 60 m² required, 60 m² received
([60.0], [0.0])
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

import numpy as np

from gis.supply.capacity import Provision


@dataclass(frozen=True, eq=False)
class Shortfall:
    """Per compound: required and received supply, and the shortfall (NaN: base unknown)."""

    provision: Provision
    required: np.ndarray
    received: np.ndarray
    shortfall: np.ndarray


def compound_shortfall(provision: Provision, *, base: np.ndarray, received: np.ndarray) -> Shortfall:
    """Each compound's requirement under *provision* for its *base* (households, people …)."""
    required = provision.required(base)
    received = np.nan_to_num(np.asarray(received, dtype=float), nan=0.0)
    return Shortfall(provision, required, received, np.maximum(required - received, 0.0))


@dataclass(frozen=True, eq=False)
class ZoneTotals:
    """Per zone (rows in ``ids`` order): members, demand, supply received, access, and with a
    standard the requirement and shortfall (pooled or not: ``pooled``)."""

    ids: list
    names: list[str]
    members: list[np.ndarray]
    demand: np.ndarray
    supply: np.ndarray
    access: np.ndarray
    required: np.ndarray | None = None
    shortfall: np.ndarray | None = None
    pooled: bool = False

    def __len__(self) -> int:
        return len(self.ids)


def zone_totals(groups: Mapping[object, Iterable[int]], *, demand: np.ndarray, received: np.ndarray,
                shortfall: Shortfall | None = None, names: Mapping[object, str] | None = None) -> ZoneTotals:
    """Sum compounds into the zones of *groups* (zone id → member rows); see the module text."""
    ids = list(groups)
    members = [np.fromiter(sorted(int(f) for f in groups[z]), dtype=np.int64) for z in ids]
    known = np.nan_to_num(np.asarray(demand, dtype=float), nan=0.0)
    got = np.nan_to_num(np.asarray(received, dtype=float), nan=0.0)
    zone_demand = np.array([known[m].sum() for m in members], dtype=float)
    supply = np.array([got[m].sum() for m in members], dtype=float)
    access = np.divide(supply, zone_demand, out=np.full(len(ids), np.nan), where=zone_demand > 0)
    label = [str((names or {}).get(z, z)) for z in ids]
    if shortfall is None:
        return ZoneTotals(ids, label, members, zone_demand, supply, access)
    need = np.nan_to_num(shortfall.required, nan=0.0)
    required = np.array([need[m].sum() for m in members], dtype=float)
    pooled = shortfall.provision.pooled
    if pooled:
        short = np.maximum(required - supply, 0.0)
    else:
        own = np.nan_to_num(shortfall.shortfall, nan=0.0)
        short = np.array([own[m].sum() for m in members], dtype=float)
    return ZoneTotals(ids, label, members, zone_demand, supply, access, required, short, pooled)
