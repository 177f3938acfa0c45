"""Compound–facility pairs within a catchment, and their distances: the sparse matrix every
floating-catchment method runs on.

Straight-line distances are measured from the compound polygon to the facility (0 when the
facility stands inside it), as in the gap analysis. Network distances are walked from the
compound's access points (its entrances, else points along its boundary: see
:func:`gis.gaps.access.prepare_origins`) to the facility, the shortest over the access points.

In a straight line, GEOS measures each candidate pair (:mod:`gis.supply.straight`); along
the network, one search per facility bounded by the catchment ends at the compounds
themselves (:mod:`gis.supply.walks`). Both give each pair once, sorted by compound then facility.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from gis.feedback import Feedback, ensure
from gis.gaps.access import NETWORK, TOLERANCE_M, Origins
from gis.supply.straight import straight_pairs
from gis.supply.walks import network_pairs


@dataclass(frozen=True, eq=False)
class Pairs:
    """Every (compound, facility) pair within ``catchment_m``: rows ``comp[k]``, ``fac[k]`` at
    distance ``dist[k]`` metres, each pair once."""

    comp: np.ndarray
    fac: np.ndarray
    dist: np.ndarray
    n_compounds: int
    n_facilities: int
    catchment_m: float
    method: str

    def __len__(self) -> int:
        return len(self.comp)

    def within(self, catchment_m: float) -> "Pairs":
        """The pairs within a smaller catchment."""
        keep = self.dist <= catchment_m + TOLERANCE_M
        return Pairs(self.comp[keep], self.fac[keep], self.dist[keep], self.n_compounds, self.n_facilities,
                     catchment_m, self.method)


def catchment_pairs(origins: Origins, points: np.ndarray, catchment_m: float, *,
                    feedback: Feedback | None = None) -> Pairs:
    """Pairs of the compounds of *origins* and facility *points* (in the origins' CRS) within
    *catchment_m*, straight or along the network as *origins* are."""
    points = np.asarray(points, dtype=object)
    if origins.method == NETWORK:
        comp, fac, dist = network_pairs(origins, origins.sources(points), catchment_m, ensure(feedback))
    else:
        comp, fac, dist = straight_pairs(origins, points, catchment_m)
    return Pairs(comp, fac, dist, origins.n, len(points), float(catchment_m), origins.method)

