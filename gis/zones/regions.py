"""Contiguous regions under a floor and ceilings: seeded growth, enclave pass, local moves.

Why not plain spopt: max-p and SKATER honour only a *floor* on an extensive attribute
(min households); a planner also sets ceilings (max households, max area, max
compounds), and spopt's max-p links islands to their nearest region by default, which
breaks real contiguity. This module keeps every constraint hard:

1. **Growth** (max-p construction, with ceilings): from a peripheral seed, add the
   feasible neighbour nearest to the region's centre (more shared borders first) until
   the floor is reached; a region that cannot reach it is released.
2. **Enclaves**: released compounds join an adjacent region when its ceilings allow.
3. **Local moves** (AZP-style): a border compound moves to the neighbouring region if
   that lowers the total area-weighted moment of inertia (Ward), both regions keep
   their floor and ceilings and the donor stays connected.

Restarts with different seed orders keep the best plan: most households (then
compounds) placed, then more regions, then the lowest inertia.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from gis.feedback import Feedback, ensure

UNSET = -1


@dataclass(frozen=True)
class Limits:
    """Floor and ceilings of a region; ``inf``/``0`` when unset.

    With ``grow_to_ceiling`` a region keeps growing past its floor while a neighbour
    still fits (used when the planner sets ceilings but no minimum).
    """

    min_households: float = 0.0
    min_compounds: int = 1
    max_households: float = np.inf
    max_area: float = np.inf
    max_compounds: float = np.inf
    grow_to_ceiling: bool = False

    def fits(self, hh: float, area: float, count: int) -> bool:
        return hh <= self.max_households and area <= self.max_area and count <= self.max_compounds

    def floor_met(self, hh: float, count: int) -> bool:
        return hh >= self.min_households and count >= self.min_compounds


class _Graph:
    def __init__(self, indptr, indices, xy, weight, hh, area):
        self.indptr, self.indices = indptr, indices
        self.xy, self.w, self.hh, self.area = xy, weight, hh, area

    def nbrs(self, v: int) -> np.ndarray:
        return self.indices[self.indptr[v]:self.indptr[v + 1]]


def regionalise(matrix, xy: np.ndarray, households: np.ndarray, area: np.ndarray,
                eligible: np.ndarray, limits: Limits, *, seed: int = 0, restarts: int = 4,
                improve: bool = True, feedback: Feedback | None = None) -> np.ndarray:
    """Region label per compound (``-1`` = not placed), over the *eligible* compounds.

    Parameters
    ----------
    matrix : scipy.sparse CSR matrix
        Symmetric neighbour graph of all compounds.
    xy : array (n, 2)
        Compound centres (metres).
    households, area : arrays (n,)
        Households (0 where unknown) and land area per compound.
    eligible : bool array (n,)
        Compounds that may be placed.
    limits : Limits
    seed, restarts : int, keyword-only
        Randomness of the seed order and number of tries; the best try is kept.
    """
    fb = ensure(feedback)
    g = _Graph(matrix.indptr, matrix.indices, xy, np.maximum(area, 1.0), households, area)
    rng = np.random.default_rng(seed)
    best, best_key = None, None
    for k in range(max(1, restarts)):
        fb.check()
        sub = fb.sub(k / max(1, restarts), (k + 1) / max(1, restarts))
        labels = _grow_all(g, eligible, limits, rng if k else None, sub)
        _attach_enclaves(g, labels, eligible, limits)
        if improve:
            _improve(g, labels, limits, sub)
        key = _quality(g, labels)
        if best_key is None or key > best_key:
            best, best_key = labels, key
    return best


def _quality(g: _Graph, labels: np.ndarray) -> tuple:
    placed = labels != UNSET
    p = len(np.unique(labels[placed]))
    return (round(float(g.hh[placed].sum()), 6), int(placed.sum()), p, -_inertia(g, labels))


def _inertia(g: _Graph, labels: np.ndarray) -> float:
    placed = labels != UNSET
    if not placed.any():
        return 0.0
    lab, w, xy = labels[placed], g.w[placed], g.xy[placed]
    _, inv = np.unique(lab, return_inverse=True)
    tw = np.bincount(inv, weights=w)
    cx = np.bincount(inv, weights=w * xy[:, 0]) / tw
    cy = np.bincount(inv, weights=w * xy[:, 1]) / tw
    return float((w * ((xy[:, 0] - cx[inv]) ** 2 + (xy[:, 1] - cy[inv]) ** 2)).sum())


# -- 1. growth -----------------------------------------------------------------------
def _seed_order(g: _Graph, eligible: np.ndarray, rng) -> np.ndarray:
    """Peripheral compounds first (fewest eligible neighbours), random ties on restarts."""
    cand = np.flatnonzero(eligible)
    deg = np.array([eligible[g.nbrs(v)].sum() for v in cand], dtype=float)
    if rng is not None:
        deg += rng.random(cand.size) * 2.5
    return cand[np.lexsort((cand, deg))]


def _grow_all(g: _Graph, eligible: np.ndarray, limits: Limits, rng, fb: Feedback) -> np.ndarray:
    labels = np.full(len(eligible), UNSET, dtype=np.int64)
    released = np.zeros(len(eligible), dtype=bool)
    fits_alone = eligible & (g.hh <= limits.max_households) & (g.area <= limits.max_area)
    order = _seed_order(g, fits_alone, rng)
    region = 0
    for k, seed in enumerate(order):
        if k % 256 == 0:
            fb.check()
            fb.progress(0.7 * k / max(1, order.size))
        if labels[seed] != UNSET or released[seed]:
            continue
        members = _grow(g, seed, labels, fits_alone & ~released, limits)
        if members is None:
            released[seed] = True
        else:
            labels[members] = region
            region += 1
    return labels


def _grow(g: _Graph, seed: int, labels: np.ndarray, free: np.ndarray, limits: Limits):
    """Members of a region grown from *seed* until its floor is met, or None."""
    members = [seed]
    hh, area = g.hh[seed], g.area[seed]
    wsum = g.w[seed]
    centre = g.xy[seed] * g.w[seed]
    links: dict[int, int] = {}
    inside = {seed}

    def add_frontier(v):
        for u in g.nbrs(v):
            u = int(u)
            if u not in inside and free[u] and labels[u] == UNSET:
                links[u] = links.get(u, 0) + 1

    add_frontier(seed)
    while limits.grow_to_ceiling or not limits.floor_met(hh, len(members)):
        c = centre / wsum
        best, best_score = None, np.inf
        for u, n_links in links.items():
            if not limits.fits(hh + g.hh[u], area + g.area[u], len(members) + 1):
                continue
            d = g.xy[u] - c
            score = np.hypot(d[0], d[1]) / np.sqrt(n_links)
            if score < best_score:
                best, best_score = u, score
        if best is None:
            return np.array(members, dtype=np.int64) if limits.floor_met(hh, len(members)) else None
        del links[best]
        inside.add(best)
        members.append(best)
        hh, area = hh + g.hh[best], area + g.area[best]
        wsum += g.w[best]
        centre = centre + g.xy[best] * g.w[best]
        add_frontier(best)
    return np.array(members, dtype=np.int64)


# -- 2. enclaves ---------------------------------------------------------------------
def _region_sums(g: _Graph, labels: np.ndarray):
    placed = labels != UNSET
    size = int(labels.max()) + 1 if placed.any() else 0
    lab = labels[placed]
    return (np.bincount(lab, weights=g.hh[placed], minlength=size),
            np.bincount(lab, weights=g.area[placed], minlength=size),
            np.bincount(lab, minlength=size).astype(np.int64),
            np.bincount(lab, weights=g.w[placed], minlength=size),
            np.column_stack([np.bincount(lab, weights=g.w[placed] * g.xy[placed, 0], minlength=size),
                             np.bincount(lab, weights=g.w[placed] * g.xy[placed, 1], minlength=size)]))


def _attach_enclaves(g: _Graph, labels: np.ndarray, eligible: np.ndarray, limits: Limits) -> None:
    """Released compounds join an adjacent region whose ceilings allow, nearest centre first."""
    hh, area, count, wsum, wxy = _region_sums(g, labels)
    changed = True
    while changed:
        changed = False
        for v in np.flatnonzero(eligible & (labels == UNSET)):
            regions = {int(r) for r in labels[g.nbrs(v)] if r != UNSET}
            options = [r for r in regions
                       if limits.fits(hh[r] + g.hh[v], area[r] + g.area[v], count[r] + 1)]
            if not options:
                continue
            r = min(options, key=lambda r: np.hypot(*(g.xy[v] - wxy[r] / wsum[r])))
            labels[v] = r
            hh[r] += g.hh[v]
            area[r] += g.area[v]
            count[r] += 1
            wsum[r] += g.w[v]
            wxy[r] += g.w[v] * g.xy[v]
            changed = True


# -- 3. local moves ------------------------------------------------------------------
def _improve(g: _Graph, labels: np.ndarray, limits: Limits, fb: Feedback, sweeps: int = 12) -> None:
    hh, area, count, wsum, wxy = _region_sums(g, labels)
    inertia_gain = _Ward(g, wsum, wxy)
    for sweep in range(sweeps):
        fb.check()
        fb.progress(0.7 + 0.3 * sweep / sweeps)
        moved = 0
        for v in _border(g, labels):
            a = labels[v]
            best, best_gain = None, 1e-9
            for b in {int(r) for r in labels[g.nbrs(v)] if r != UNSET and r != a}:
                if not (limits.floor_met(hh[a] - g.hh[v], count[a] - 1)
                        and limits.fits(hh[b] + g.hh[v], area[b] + g.area[v], count[b] + 1)):
                    continue
                gain = inertia_gain(v, a, b)
                if gain > best_gain:
                    best, best_gain = b, gain
            if best is None or not _stays_connected(g, labels, v):
                continue
            labels[v] = best
            for arr, d in ((hh, g.hh[v]), (area, g.area[v]), (count, 1), (wsum, g.w[v])):
                arr[a] -= d
                arr[best] += d
            wxy[a] -= g.w[v] * g.xy[v]
            wxy[best] += g.w[v] * g.xy[v]
            moved += 1
        if not moved:
            break


class _Ward:
    """Change of total weighted inertia when compound v moves from region a to b."""

    def __init__(self, g, wsum, wxy):
        self.g, self.wsum, self.wxy = g, wsum, wxy

    def __call__(self, v: int, a: int, b: int) -> float:
        g, wsum, wxy = self.g, self.wsum, self.wxy
        w, x = g.w[v], g.xy[v]
        wa, wb = wsum[a], wsum[b]
        if wa - w <= 0:
            return -np.inf
        da = x - wxy[a] / wa
        db = x - wxy[b] / wb
        removed = w * (da @ da) * wa / (wa - w)
        added = w * (db @ db) * wb / (wb + w)
        return removed - added


def _border(g: _Graph, labels: np.ndarray) -> np.ndarray:
    placed = np.flatnonzero(labels != UNSET)
    out = []
    for v in placed:
        nl = labels[g.nbrs(v)]
        if ((nl != UNSET) & (nl != labels[v])).any():
            out.append(v)
    return np.array(out, dtype=np.int64)


def _stays_connected(g: _Graph, labels: np.ndarray, v: int) -> bool:
    """Whether v's region stays one connected piece without v."""
    region = labels[v]
    start = [int(u) for u in g.nbrs(v) if labels[u] == region]
    if len(start) <= 1:
        return True
    seen, stack, targets = {v, start[0]}, [start[0]], set(start[1:])
    while stack and targets:
        for u in g.nbrs(stack.pop()):
            u = int(u)
            if u not in seen and labels[u] == region:
                seen.add(u)
                targets.discard(u)
                stack.append(u)
    return not targets
