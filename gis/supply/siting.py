"""Siting with capacities: the demand each compound still lacks after an access run, which
:func:`gis.gaps.capacity_siting.capacitated_greedy` shares out over K new sites.

Unmet demand comes from an access run (gis.supply): each compound's shortfall against the
type's provision standard where there is one (places or m², the capacity's own units), else its
demand beyond the supply it receives (one place, bed or seat per person; a floor area without a
standard says nothing about people, so then the plain weight is used).
"""

from __future__ import annotations

import numpy as np

from gis.supply.result import AccessResult


def unmet_demand(result: AccessResult) -> np.ndarray | None:
    """Per compound, what it still lacks after the access run (see the module text); 0 where unknown.
    None when it cannot be said: no standard, and a capacity in m² that does not count people."""
    if result.shortfall is not None:
        lack = result.shortfall.shortfall
    elif result.capacity.measure == "m2":
        return None
    else:
        lack = result.demand - np.nan_to_num(result.fca.received, nan=0.0)
    return np.maximum(np.nan_to_num(lack, nan=0.0), 0.0)
