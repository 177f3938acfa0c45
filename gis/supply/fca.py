"""Two-step floating catchment access (2SFCA, Luo & Wang 2003) and its enhanced variant
(E2SFCA, Luo & Qi 2009), on the pairs within the catchment (gis.supply.pairs).

Step 1, per facility j: its ratio ``R_j = S_j / Σ_i w(d_ij) P_i`` — its supply over the
(weighted) demand of every compound i within the catchment of it.
Step 2, per compound i: its access ``A_i = Σ_j w(d_ij) R_j`` — the (weighted) sum of the
ratios of every facility within the catchment of it.

2SFCA weighs every pair within the catchment 1. E2SFCA weighs by distance with Luo & Qi's
Gaussian-derived steps on thirds of the catchment d0: **1.00** up to d0/3, **0.68** up to
2·d0/3, **0.22** up to d0 (upper bounds inclusive), 0 beyond — PySAL ``access``'s default
``step_fn({10: 1, 20: 0.68, 30: 0.22})`` scaled from its 30-minute catchment to d0.

Access is supply per unit of demand (places per person when demand counts people);
``received = A_i · P_i`` is the supply a compound gets, and Σ received = Σ supply of the
facilities that reach any demand. A facility whose catchment holds no demand has no ratio
(NaN) and adds nothing; compounds of unknown demand (NaN) are left out of step 1.

>>> import numpy as np
>>> from gis.supply.pairs import Pairs
>>> pairs = Pairs(np.array([0, 1, 1]), np.array([0, 0, 1]), np.array([0., 100., 50.]), 2, 2, 300., "straight")
>>> r = two_step(pairs, demand=np.array([100., 300.]), supply=np.array([40., 30.]))
>>> r.ratio.tolist(), r.access.tolist()
([0.1, 0.1], [0.1, 0.2])
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from gis.supply.pairs import Pairs

METHODS = ("2sfca", "e2sfca")
E2SFCA_STEPS = ((1 / 3, 1.0), (2 / 3, 0.68), (1.0, 0.22))  # (share of the catchment, weight)


def step_weights(dist: np.ndarray, catchment_m: float, steps=E2SFCA_STEPS) -> np.ndarray:
    """E2SFCA weight per distance: the weight of the first step whose bound is not below it."""
    bounds = np.array([share * catchment_m for share, _ in steps])
    weights = np.array([w for _, w in steps] + [0.0])
    return weights[np.searchsorted(bounds, dist, side="left")]


def pair_weights(pairs: Pairs, method: str) -> np.ndarray:
    """The weight of each pair under *method* ("2sfca": 1; "e2sfca": :func:`step_weights`)."""
    if method == "2sfca":
        return np.ones(len(pairs))
    if method == "e2sfca":
        return step_weights(pairs.dist, pairs.catchment_m)
    raise ValueError(f"unknown method {method!r}; use one of {', '.join(METHODS)}")


@dataclass(frozen=True, eq=False)
class FcaResult:
    """Per compound: ``access`` (supply per unit of demand), ``received`` (access × demand);
    per facility: ``ratio`` (NaN: no demand in reach) and ``reached`` (weighted demand in reach)."""

    access: np.ndarray
    received: np.ndarray
    ratio: np.ndarray
    reached: np.ndarray
    method: str


def two_step(pairs: Pairs, *, demand: np.ndarray, supply: np.ndarray, method: str = "2sfca",
             weights: np.ndarray | None = None) -> FcaResult:
    """2SFCA / E2SFCA access of every compound and ratio of every facility (see the module text)."""
    w = pair_weights(pairs, method) if weights is None else np.asarray(weights, dtype=float)
    demand = np.asarray(demand, dtype=float)
    known = np.nan_to_num(demand, nan=0.0)
    reached = np.bincount(pairs.fac, weights=w * known[pairs.comp], minlength=pairs.n_facilities)
    ratio = np.full(pairs.n_facilities, np.nan)
    some = reached > 0
    ratio[some] = np.asarray(supply, dtype=float)[some] / reached[some]
    share = w * np.nan_to_num(ratio, nan=0.0)[pairs.fac]
    access = np.bincount(pairs.comp, weights=share, minlength=pairs.n_compounds)
    return FcaResult(access, access * demand, ratio, reached, method)
