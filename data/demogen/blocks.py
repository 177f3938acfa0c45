"""Blocks cut into compounds."""

from __future__ import annotations

import numpy as np
import shapely
from shapely import LineString, Polygon
from shapely.geometry.polygon import orient
from shapely.ops import split

from demogen.streets import Street


def _blocks(pieces: list[Street], faces: list[Polygon], corridor: Polygon) -> list[Polygon]:
    """Block faces inset by half of each street's width (plus 0.3 m for simplifying), minus the river."""
    roads = shapely.union_all([s.geom.buffer(s.width / 2 + 0.3, quad_segs=8) for s in pieces])
    blocks = []
    for face in faces:
        inset = face.difference(roads).difference(corridor)
        for part in shapely.get_parts(inset):
            part = part.simplify(0.3)
            if part.area >= 3500 and not part.buffer(-10).is_empty:
                blocks.append(Polygon(part.exterior))
    return blocks


def _roughen(poly: Polygon, rng, *, step: float = 20.0, amp: float = 1.6) -> Polygon:
    """Add vertices along long edges, each up to *amp* m inwards (a digitised look)."""
    xy = np.asarray(orient(poly, 1.0).exterior.coords)[:-1]  # counter-clockwise: inside is left
    out = []
    for p, q in zip(xy, np.roll(xy, -1, axis=0)):
        out.append(p)
        d = q - p
        length = float(np.hypot(*d))
        k = int(length // step)
        if k:
            t = np.arange(1, k + 1) / (k + 1)
            normal = np.array([-d[1], d[0]]) / length
            jit = rng.uniform(0.0, amp, k)
            out.extend(p + t[:, None] * d + jit[:, None] * normal)
    new = Polygon(out)
    return new if new.is_valid else max(shapely.get_parts(shapely.make_valid(new)),
                                         key=lambda g: g.area if g.geom_type == "Polygon" else 0)


def _axes(poly: Polygon) -> tuple[np.ndarray, float, float, np.ndarray]:
    """Long-axis unit vector, long and short extent and centre of the oriented envelope."""
    rect = np.asarray(shapely.oriented_envelope(poly).exterior.coords)
    e1, e2 = rect[1] - rect[0], rect[2] - rect[1]
    l1, l2 = np.hypot(*e1), np.hypot(*e2)
    long, lu, lv = (e1, l1, l2) if l1 >= l2 else (e2, l2, l1)
    return long / lu, lu, lv, rect[:4].mean(axis=0)


def _cut_line(rng, p0: np.ndarray, u: np.ndarray, half: float) -> LineString:
    """A slightly irregular line across a block through *p0*, perpendicular to *u*."""
    v = np.array([-u[1], u[0]])
    t = np.linspace(-half, half, 7)
    shift = np.r_[0.0, np.clip(rng.normal(0.0, 0.8, 5), -2.0, 2.0), 0.0]
    if rng.random() < 0.25:  # a jog in the boundary
        shift[4:] += rng.choice([-1, 1]) * rng.uniform(3.0, 7.0)
        t = np.insert(t, 4, t[3] + 0.5)
        shift = np.insert(shift, 4, shift[3])
    return LineString(p0 + t[:, None] * v + shift[:, None] * u)


def _big_enough(poly) -> bool:
    return poly.area >= 2500 and not poly.buffer(-8).is_empty


def _plan_cuts(rng, poly: Polygon, n: int, cuts: list) -> None:
    """Recursively bisect across the long axis; collect (line, lane width) cuts."""
    if n <= 1:
        return
    u, lu, lv, centre = _axes(poly)
    k1 = n // 2
    p0 = centre + u * (k1 / n - 0.5 + rng.uniform(-0.06, 0.06)) * lu
    line = _cut_line(rng, p0, u, lv + 20.0)
    parts = [g for g in shapely.get_parts(split(poly, line)) if g.geom_type == "Polygon"]
    side = [float(np.dot(np.array(g.centroid.coords[0]) - p0, u)) for g in parts]
    a = [g for g, s in zip(parts, side) if s < 0]
    b = [g for g, s in zip(parts, side) if s >= 0]
    if not a or not b:
        return
    a, b = max(a, key=lambda g: g.area), max(b, key=lambda g: g.area)
    if not (_big_enough(a) and _big_enough(b)):
        return
    clipped = line.intersection(poly.buffer(0.5))
    lane = rng.uniform(5.0, 10.0) if rng.random() < 0.45 else 0.0
    cuts.append((clipped, lane))
    _plan_cuts(rng, a, k1, cuts)
    _plan_cuts(rng, b, n - k1, cuts)


def _compound_count(rng, area: float) -> int:
    if area < 12_000:
        return 1
    if area < 25_000:
        return int(rng.choice([1, 2], p=[0.55, 0.45]))
    if area < 45_000:
        return int(rng.choice([1, 2, 3], p=[0.3, 0.45, 0.25]))
    if area < 70_000:
        return int(rng.choice([2, 3, 4], p=[0.35, 0.4, 0.25]))
    return int(rng.choice([2, 3, 4, 5], p=[0.2, 0.35, 0.3, 0.15]))


def _split_block(rng, block: Polygon) -> list[Polygon]:
    """1-5 compounds: shared edges where cuts are walls, 5-10 m lanes elsewhere."""
    cuts: list = []
    _plan_cuts(rng, block, _compound_count(rng, block.area), cuts)
    lanes = [c.buffer(w / 2, cap_style="flat") for c, w in cuts if w > 0]
    land = block.difference(shapely.union_all(lanes)) if lanes else block
    # node everything at once so neighbours share every vertex of a common edge exactly
    lines = [LineString(g.exterior.coords) for g in shapely.get_parts(land)] + [c for c, _ in cuts]
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(shapely.node(
        shapely.multilinestrings([g for line in lines for g in shapely.get_parts(line)])))))
    return [f for f in faces if land.contains(f.representative_point()) and _big_enough(f)]


def _add_overlaps(rng, comps: list[Polygon], n: int) -> list[tuple[int, int, float]]:
    """Grow a few compounds 1-3 m into a neighbour they share an edge with."""
    tree = shapely.STRtree(comps)
    pairs = []
    for i in rng.permutation(len(comps)):
        i = int(i)
        for j in tree.query(comps[i], predicate="touches"):
            j = int(j)
            shared = comps[i].boundary.intersection(comps[j].boundary).length
            if shared > 25 and all(i not in p[:2] and j not in p[:2] for p in pairs):
                d = float(rng.uniform(1.0, 3.0))
                strip = comps[j].intersection(comps[i].buffer(d, join_style="mitre"))
                others = [comps[int(k)] for k in tree.query(comps[j].buffer(1.0)) if int(k) not in (i, j)]
                if others:  # keep clear of third compounds, also after rounding
                    strip = strip.difference(shapely.union_all(others).buffer(0.05))
                grown = comps[i].union(strip)
                if grown.geom_type == "Polygon":
                    comps[i] = grown
                    pairs.append((i, j, d))
                break
        if len(pairs) == n:
            break
    return pairs
