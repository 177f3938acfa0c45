"""Siting with capacities: K new sites that serve the most demand, each at most its capacity.

Plain maximal covering counts a compound as covered by any site in reach, whatever its size:
one kindergarten of 270 places "covers" 3,000 children. Here each new site serves at most
*capacity* of the unmet demand within its radius, shared over those compounds in proportion to
what they still lack (as the floating catchment shares a facility); the next site sees what is
left. Greedy: K times the site that serves the most; its gain is ``min(capacity, unmet in reach)``.
The unmet demand per compound comes from an access run (:func:`gis.supply.siting.unmet_demand`).

>>> import numpy as np
>>> cand = np.array([0, 1, 1, 2]); comp = np.array([0, 1, 2, 0])  # sites 0 and 2 reach compound 0
>>> chosen, gain, newly = capacitated_greedy(cand, comp, np.array([500., 80., 80.]), k=2, capacity=200.)
>>> chosen.tolist(), gain.tolist()   # plain covering would take sites 0 and 1 (and serve 200 + 160)
([0, 2], [200.0, 200.0])
"""

from __future__ import annotations

import numpy as np


def capacitated_greedy(cand: np.ndarray, comp: np.ndarray, unmet: np.ndarray, k: int, capacity: float
                       ) -> tuple[np.ndarray, np.ndarray, list[np.ndarray]]:
    """K sites (candidate rows), the demand each serves, and the compounds each serves.

    *cand*, *comp*: the (site, compound) pairs within reach; *unmet*: per compound.
    Sites that would serve nothing are not chosen.
    """
    left = np.asarray(unmet, dtype=float).copy()
    sites = np.unique(cand)
    reach = {int(s): np.unique(comp[cand == s]) for s in sites}
    chosen, gain, newly = [], [], []
    for _ in range(k):
        best, best_gain = -1, 0.0
        for s in sites:
            if int(s) in chosen:
                continue
            g = min(capacity, left[reach[int(s)]].sum())
            if g > best_gain + 1e-12:
                best, best_gain = int(s), g
        if best < 0:
            break
        members = reach[best]
        share = best_gain / left[members].sum()
        served = members[left[members] > 0]
        left[members] *= 1.0 - share
        chosen.append(best)
        gain.append(best_gain)
        newly.append(served)
    return np.array(chosen, dtype=np.int64), np.array(gain, dtype=float), newly
