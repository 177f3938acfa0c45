"""Buildings inside compounds."""

from __future__ import annotations

import math

import numpy as np
import shapely
from shapely import Point, Polygon
from shapely.affinity import rotate


def _floors(rng, era: int, profile: str) -> tuple[int, bool]:
    """(floors, elevator) of one building of a compound of *era* and *profile*."""
    if era == 0:
        return int(rng.choice([2, 3, 4, 5], p=[0.1, 0.25, 0.35, 0.3])), False
    if era == 1:
        return int(rng.choice([3, 4, 5, 6], p=[0.08, 0.22, 0.35, 0.35])), False
    if era == 2:
        if profile == "mixed" and rng.random() < 0.45:
            return int(rng.integers(9, 13)), True
        return int(rng.choice([5, 6, 7], p=[0.3, 0.55, 0.15])), False
    if profile == "mid":
        f = int(rng.choice([6, 7, 8, 9], p=[0.3, 0.3, 0.2, 0.2]))
        return f, f >= 7
    if profile == "tower":
        return int(rng.integers(15, 19)), True
    return int(rng.integers(9, 13)), True


def _profile(rng, era: int) -> str:
    if era <= 1:
        return "walkup"
    if era == 2:
        return "mixed" if rng.random() < 0.25 else "walkup"
    p = [0.3, 0.4, 0.3] if era == 3 else [0.15, 0.4, 0.45]
    return str(rng.choice(["mid", "slab", "tower"], p=p))


def _free_spans(region: Polygon, y0: float, y1: float) -> list[tuple[float, float]]:
    """x-intervals where a box spanning y0..y1 lies inside *region*.

    A box of full band height is inside exactly when it misses the x-extent of every
    part of the band that lies outside the region.
    """
    minx, _, maxx, _ = region.bounds
    band = shapely.box(minx - 1.0, y0, maxx + 1.0, y1)
    blocked = sorted((g.bounds[0], g.bounds[2]) for g in shapely.get_parts(band.difference(region)))
    spans, x = [], minx - 1.0
    for a, b in blocked:
        if a > x:
            spans.append((x, a))
        x = max(x, b)
    if x < maxx + 1.0:
        spans.append((x, maxx + 1.0))
    return spans


def _row_layout(region: Polygon, rng, *, tower: bool, depth: float, length: float,
                gap: float, gable: float) -> list[Polygon]:
    """Rows of east-west rectangles inside *region* (already rotated to face south)."""
    options = [length] if tower else sorted({length, (length + 30.0) / 2, 30.0}, reverse=True)
    _, miny, _, maxy = region.bounds
    out = []
    y = miny + rng.uniform(0.0, 4.0)
    while y + depth <= maxy:
        placed = 0
        for a, b in _free_spans(region, y, y + depth):
            x = a + 0.5
            while True:
                fit = next((L for L in options if x + L <= b - 0.5), None)
                if fit is None:
                    break
                out.append(shapely.box(x, y, x + fit, y + depth))
                x, placed = x + fit + gable, placed + 1
        y += depth + gap if placed else 4.0
    return out


def _rotate_all(geoms: list, angle: float, origin: Point) -> np.ndarray:
    """Rotate many geometries by *angle* degrees about *origin* in one go."""
    a = math.radians(angle)
    rot = np.array([[math.cos(a), math.sin(a)], [-math.sin(a), math.cos(a)]])
    o = np.array(origin.coords[0])
    return shapely.transform(np.array(geoms, dtype=object), lambda xy: (xy - o) @ rot + o)


def _buildings_for(rng, comp: Polygon, era: int, year: int, grid_angle: float) -> list[dict]:
    """Residential buildings of one compound with floors, elevator, year and households."""
    profile = _profile(rng, era)
    dominant = _floors(rng, era, profile)
    tower = profile == "tower"
    height = 3.0 * dominant[0]
    if tower:
        depth, length = rng.uniform(18.0, 22.0), rng.uniform(20.0, 24.0)
        gap, gable = float(np.clip(0.8 * height, 24.0, 40.0)), rng.uniform(22.0, 30.0)
    else:
        depth, length = rng.uniform(10.0, 14.0), rng.uniform(38.0, 66.0)
        gap, gable = float(np.clip(1.25 * height, 8.0, 45.0)), rng.uniform(8.0, 14.0)
    angle = grid_angle + rng.uniform(-6.0, 6.0)
    origin = comp.centroid
    region = rotate(comp, -angle, origin=origin).buffer(-5.0)
    boxes = _row_layout(region, rng, tower=tower, depth=depth, length=length, gap=gap, gable=gable)
    turned = _rotate_all(boxes, angle, origin)
    out = []
    for box, geom in zip(boxes, turned):
        floors, lift = dominant if rng.random() < 0.75 else _floors(rng, era, profile)
        long = max(np.ptp(np.asarray(box.exterior.coords), axis=0))
        stairs = 2 if tower else max(1, int(round(long / rng.uniform(12.0, 15.0))))
        units = 2 if tower or rng.random() < 0.8 else 3
        out.append({"geometry": geom, "floors": floors,
                    "lift": lift, "year": int(min(year + rng.integers(0, 3), 2018)),
                    "households": floors * stairs * units})
    return out
