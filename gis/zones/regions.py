"""Contiguous regions under a floor and ceilings: seeded growth, enclaves, borrowing, local moves.

Why not plain spopt: max-p and SKATER honour only a *floor* on an extensive attribute
(min households); a planner also sets ceilings (max households, max area, max
compounds), and spopt's max-p links islands to their nearest region by default, which
breaks real contiguity. This module keeps every constraint hard:

1. **Growth** (max-p construction, with ceilings): from a peripheral seed, add the
   feasible neighbour nearest to the region's centre (more shared borders first) until
   the floor is reached; a region that cannot reach it is released.
2. **Enclaves**: released compounds join an adjacent region when its ceilings allow;
   those still left out seed new regions that may borrow border compounds from
   neighbouring regions able to spare them (still whole and above their floor).
3. **Local moves** (AZP-style): a border compound moves to the neighbouring region if
   that lowers the total area-weighted moment of inertia (Ward), both regions keep
   their floor and ceilings and the donor stays connected.

Restarts with different seed orders keep the best plan: most households (then
compounds) placed, then more regions, then the lowest inertia. The inner loops work on
Python lists: per-element numpy access is slower than the arithmetic it does.
"""

from __future__ import annotations

import math
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
    max_households: float = math.inf
    max_area: float = math.inf
    max_compounds: float = math.inf
    grow_to_ceiling: bool = False

    def fits(self, hh: float, area: float, count: int) -> bool:
        return hh <= self.max_households and area <= self.max_area and count <= self.max_compounds

    def floor_met(self, hh: float, count: int) -> bool:
        return hh >= self.min_households and count >= self.min_compounds


class _Graph:
    """Neighbour lists and per-compound values, as lists for the loops and arrays for sums."""

    def __init__(self, matrix, xy: np.ndarray, households: np.ndarray, area: np.ndarray) -> None:
        indptr, indices = matrix.indptr, matrix.indices
        self.n = len(indptr) - 1
        self.nb = [indices[indptr[v]:indptr[v + 1]].tolist() for v in range(self.n)]
        self.edges = (np.repeat(np.arange(self.n), np.diff(indptr)), indices)
        self.xy = np.asarray(xy, dtype=float)
        self.hh_a, self.area_a = np.asarray(households, float), np.asarray(area, float)
        self.w_a = np.maximum(self.area_a, 1.0)
        self.x, self.y = self.xy[:, 0].tolist(), self.xy[:, 1].tolist()
        self.hh, self.area, self.w = self.hh_a.tolist(), self.area_a.tolist(), self.w_a.tolist()


class _Sums:
    """Running totals per region: households, area, count, weight and weighted centre."""

    def __init__(self, g: _Graph, labels: list[int]) -> None:
        lab = np.asarray(labels)
        placed = lab != UNSET
        size = int(lab.max()) + 1 if placed.any() else 0
        lab = lab[placed]

        def total(values):
            return np.bincount(lab, weights=values[placed], minlength=size).tolist()

        self.g = g
        self.hh, self.area, self.w = total(g.hh_a), total(g.area_a), total(g.w_a)
        self.wx, self.wy = total(g.w_a * g.xy[:, 0]), total(g.w_a * g.xy[:, 1])
        self.count = np.bincount(lab, minlength=size).tolist()

    def new(self) -> int:
        for arr in (self.hh, self.area, self.w, self.wx, self.wy, self.count):
            arr.append(0)
        return len(self.count) - 1

    def move(self, v: int, src: int, dst: int) -> None:
        """Account for compound *v* leaving *src* and joining *dst* (either may be UNSET)."""
        g = self.g
        for r, s in ((src, -1), (dst, 1)):
            if r == UNSET:
                continue
            self.hh[r] += s * g.hh[v]
            self.area[r] += s * g.area[v]
            self.w[r] += s * g.w[v]
            self.wx[r] += s * g.w[v] * g.x[v]
            self.wy[r] += s * g.w[v] * g.y[v]
            self.count[r] += s

    def distance(self, v: int, r: int) -> float:
        """From compound *v* to the weighted centre of region *r*."""
        return math.hypot(self.g.x[v] - self.wx[r] / self.w[r], self.g.y[v] - self.wy[r] / self.w[r])


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
    g = _Graph(matrix, xy, households, area)
    ok = np.asarray(eligible, dtype=bool).tolist()
    rng = np.random.default_rng(seed)
    tries = max(1, restarts)
    plans = []
    for k in range(tries):
        fb.check()
        labels = _grow_all(g, ok, limits, rng if k else None, fb.sub(0.6 * k / tries, 0.6 * (k + 1) / tries))
        sums = _Sums(g, labels)
        _attach_enclaves(g, labels, ok, limits, sums)
        if _rescue_leftovers(g, labels, ok, limits, sums):
            _attach_enclaves(g, labels, ok, limits, sums)
        plans.append((_placement(g, np.asarray(labels)), labels, sums))
    # local moves change only the inertia, the last part of the quality key: polish only
    # the plans that place the most (the rest cannot win), then keep the first best
    top = max(key for key, _, _ in plans)
    finalists = [(labels, sums) for key, labels, sums in plans if key == top]
    best, best_inertia = None, math.inf
    for k, (labels, sums) in enumerate(finalists):
        if improve:
            _improve(g, labels, limits, sums, fb.sub(0.6 + 0.4 * k / len(finalists), 0.6 + 0.4 * (k + 1) / len(finalists)))
        inertia = _inertia(g, np.asarray(labels))
        if best is None or inertia < best_inertia:
            best, best_inertia = np.asarray(labels, dtype=np.int64), inertia
    return best


def _placement(g: _Graph, labels: np.ndarray) -> tuple:
    """The quality key but for inertia: households placed, compounds placed, regions."""
    placed = labels != UNSET
    p = len(np.unique(labels[placed]))
    return (round(float(g.hh_a[placed].sum()), 6), int(placed.sum()), p)


def _inertia(g: _Graph, labels: np.ndarray) -> float:
    placed = labels != UNSET
    if not placed.any():
        return 0.0
    lab, w, xy = labels[placed], g.w_a[placed], g.xy[placed]
    _, inv = np.unique(lab, return_inverse=True)
    tw = np.bincount(inv, weights=w)
    cx = np.bincount(inv, weights=w * xy[:, 0]) / tw
    cy = np.bincount(inv, weights=w * xy[:, 1]) / tw
    return float((w * ((xy[:, 0] - cx[inv]) ** 2 + (xy[:, 1] - cy[inv]) ** 2)).sum())


# -- 1. growth -----------------------------------------------------------------------
def _seed_order(g: _Graph, usable: list[bool], rng) -> list[int]:
    """Peripheral compounds first (fewest usable neighbours), random ties on restarts."""
    ok = np.asarray(usable, dtype=bool)
    cand = np.flatnonzero(ok)
    rows, cols = g.edges
    deg = np.bincount(rows[ok[cols]], minlength=g.n)[cand].astype(float)
    if rng is not None:
        deg += rng.random(len(cand)) * 2.5
    return cand[np.lexsort((np.arange(len(cand)), deg))].tolist()


def _grow_all(g: _Graph, eligible: list[bool], limits: Limits, rng, fb: Feedback) -> list[int]:
    labels = [UNSET] * g.n
    free = [e and limits.fits(g.hh[v], g.area[v], 1) for v, e in enumerate(eligible)]
    order = _seed_order(g, free, rng)
    region = 0
    for k, seed in enumerate(order):
        if k % 256 == 0:
            fb.check()
            fb.progress(k / max(1, len(order)))
        if not free[seed]:
            continue
        members = _grow(g, seed, free, limits)
        if members is None:
            free[seed] = False  # released: left to the enclave pass
            continue
        for v in members:
            labels[v] = region
            free[v] = False
        region += 1
    return labels


def _grow(g: _Graph, seed: int, free: list[bool], limits: Limits) -> list[int] | None:
    """Members of a region grown from *seed* until its floor is met, or None."""
    members, inside = [seed], {seed}
    hh, area = g.hh[seed], g.area[seed]
    wsum, wx, wy = g.w[seed], g.w[seed] * g.x[seed], g.w[seed] * g.y[seed]
    links: dict[int, int] = {}

    def add_frontier(v: int) -> None:
        for u in g.nb[v]:
            if free[u] and u not in inside:
                links[u] = links.get(u, 0) + 1

    add_frontier(seed)
    while limits.grow_to_ceiling or not limits.floor_met(hh, len(members)):
        cx, cy = wx / wsum, wy / wsum
        best, best_score = None, math.inf
        for u, n_links in links.items():
            if not limits.fits(hh + g.hh[u], area + g.area[u], len(members) + 1):
                continue
            score = math.hypot(g.x[u] - cx, g.y[u] - cy) / math.sqrt(n_links)
            if score < best_score:
                best, best_score = u, score
        if best is None:
            return members if limits.floor_met(hh, len(members)) else None
        del links[best]
        inside.add(best)
        members.append(best)
        hh, area = hh + g.hh[best], area + g.area[best]
        wsum, wx, wy = wsum + g.w[best], wx + g.w[best] * g.x[best], wy + g.w[best] * g.y[best]
        add_frontier(best)
    return members


# -- 2. enclaves and borrowing ---------------------------------------------------------
def _attach_enclaves(g: _Graph, labels: list[int], eligible: list[bool], limits: Limits,
                     sums: _Sums) -> None:
    """Left-out compounds join an adjacent region whose ceilings allow, nearest centre first."""
    changed = True
    while changed:
        changed = False
        for v in range(g.n):
            if not eligible[v] or labels[v] != UNSET:
                continue
            options = [r for r in {labels[u] for u in g.nb[v]} - {UNSET}
                       if limits.fits(sums.hh[r] + g.hh[v], sums.area[r] + g.area[v],
                                      sums.count[r] + 1)]
            if options:
                r = min(options, key=lambda r: sums.distance(v, r))
                labels[v] = r
                sums.move(v, UNSET, r)
                changed = True


def _rescue_leftovers(g: _Graph, labels: list[int], eligible: list[bool], limits: Limits,
                      sums: _Sums) -> int:
    """New regions grown from left-out compounds, borrowing from neighbours that can spare."""
    made = 0
    for seed in range(g.n):
        if not eligible[seed] or labels[seed] != UNSET:
            continue
        members = _borrowing_growth(g, seed, labels, eligible, limits, sums)
        if members is None:
            continue
        region = sums.new()
        for v in members:
            sums.move(v, labels[v], region)
            labels[v] = region
        made += 1
    return made


def _borrowing_growth(g: _Graph, seed: int, labels: list[int], eligible: list[bool],
                      limits: Limits, sums: _Sums) -> list[int] | None:
    members, inside = [seed], {seed}
    lent: dict[int, set[int]] = {}
    hh, area = g.hh[seed], g.area[seed]
    while not limits.floor_met(hh, len(members)):
        cx = sum(g.x[v] for v in members) / len(members)
        cy = sum(g.y[v] for v in members) / len(members)
        best, best_key = None, None
        for u in {u for v in members for u in g.nb[v]} - inside:
            if not eligible[u] or not limits.fits(hh + g.hh[u], area + g.area[u], len(members) + 1):
                continue
            donor = labels[u]
            if donor != UNSET and not _can_lend(g, labels, donor, lent.get(donor, set()) | {u},
                                                sums, limits):
                continue
            key = (donor != UNSET, math.hypot(g.x[u] - cx, g.y[u] - cy))
            if best_key is None or key < best_key:
                best, best_key = u, key
        if best is None:
            return None
        if labels[best] != UNSET:
            lent.setdefault(labels[best], set()).add(best)
        members.append(best)
        inside.add(best)
        hh, area = hh + g.hh[best], area + g.area[best]
    return members


def _can_lend(g: _Graph, labels: list[int], region: int, gone: set[int], sums: _Sums,
              limits: Limits) -> bool:
    """Whether *region* keeps its floor and stays connected without the compounds *gone*."""
    if not limits.floor_met(sums.hh[region] - sum(g.hh[v] for v in gone),
                            sums.count[region] - len(gone)):
        return False
    start = next((u for v in gone for u in g.nb[v] if labels[u] == region and u not in gone), None)
    if start is None:
        return False
    seen, stack = {start}, [start]
    while stack:
        for u in g.nb[stack.pop()]:
            if u not in seen and u not in gone and labels[u] == region:
                seen.add(u)
                stack.append(u)
    return len(seen) == sums.count[region] - len(gone)


# -- 3. local moves ------------------------------------------------------------------
def _improve(g: _Graph, labels: list[int], limits: Limits, sums: _Sums, fb: Feedback,
             sweeps: int = 12) -> None:
    for sweep in range(sweeps):
        fb.check()
        fb.progress(sweep / sweeps)
        moved = 0
        for v in _border(g, labels):
            a = labels[v]
            if not limits.floor_met(sums.hh[a] - g.hh[v], sums.count[a] - 1):
                continue
            best, best_gain = None, 1e-9
            for b in {labels[u] for u in g.nb[v]} - {UNSET, a}:
                if not limits.fits(sums.hh[b] + g.hh[v], sums.area[b] + g.area[v], sums.count[b] + 1):
                    continue
                gain = _ward_gain(g, sums, v, a, b)
                if gain > best_gain:
                    best, best_gain = b, gain
            if best is None or not _stays_connected(g, labels, v):
                continue
            sums.move(v, a, best)
            labels[v] = best
            moved += 1
        if not moved:
            break


def _ward_gain(g: _Graph, sums: _Sums, v: int, a: int, b: int) -> float:
    """Drop in total weighted inertia when compound *v* moves from region *a* to *b*."""
    w, x, y = g.w[v], g.x[v], g.y[v]
    wa, wb = sums.w[a], sums.w[b]
    if wa - w <= 0:
        return -math.inf
    da = (x - sums.wx[a] / wa) ** 2 + (y - sums.wy[a] / wa) ** 2
    db = (x - sums.wx[b] / wb) ** 2 + (y - sums.wy[b] / wb) ** 2
    return w * da * wa / (wa - w) - w * db * wb / (wb + w)


def _border(g: _Graph, labels: list[int]) -> list[int]:
    """Placed compounds with a neighbour in another region."""
    lab = np.asarray(labels)
    rows, cols = g.edges
    la, lb = lab[rows], lab[cols]
    cut = (la != UNSET) & (lb != UNSET) & (la != lb)
    return np.unique(rows[cut]).tolist()


def _stays_connected(g: _Graph, labels: list[int], v: int) -> bool:
    """Whether v's region stays one connected piece without v."""
    region = labels[v]
    start = [u for u in g.nb[v] if labels[u] == region]
    if len(start) <= 1:
        return True
    seen, stack, targets = {v, start[0]}, [start[0]], set(start[1:])
    while stack and targets:
        for u in g.nb[stack.pop()]:
            if u not in seen and labels[u] == region:
                seen.add(u)
                targets.discard(u)
                stack.append(u)
    return not targets
