"""Streets and the river: the warped grid, noding, faces and stubs."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, replace

import numpy as np
import shapely
from shapely import LineString, Point, Polygon

from demogen.constants import (ART, BANK_OFFSET, BRANCH, FOOT, HEIGHT, LANE_NAMES, OLD_STREET,
                               OLD_STREET_FROM, OLD_STREET_TO, SEC, WIDTH)


@dataclass(frozen=True)
class Street:
    """A street centreline with its attributes (local metres)."""

    name: str
    cls: str
    width: float
    geom: LineString
    bridge: bool = False


@dataclass(frozen=True)
class GridLine:
    pos: float
    cls: str
    width: float
    name: str


class Warp:
    """Smooth bending plus a slight rotation that turns the plan grid into a town."""

    def __init__(self, rng: np.random.Generator) -> None:
        self.phase = rng.uniform(0.0, 2 * np.pi, 2)
        self.angle = math.radians(2.5)

    def __call__(self, xy) -> np.ndarray:
        xy = np.asarray(xy, dtype=float)
        x, y = xy[..., 0], xy[..., 1]
        u = x + 18.0 * np.sin(2 * np.pi * y / 2300.0 + self.phase[0]) - WIDTH / 2
        v = y + 14.0 * np.sin(2 * np.pi * x / 2700.0 + self.phase[1]) - HEIGHT / 2
        c, s = math.cos(self.angle), math.sin(self.angle)
        return np.stack([WIDTH / 2 + c * u - s * v, HEIGHT / 2 + s * u + c * v], axis=-1)


def _road_width(rng: np.random.Generator, cls: str) -> float:
    return {ART: 40.0, SEC: 25.0}.get(cls) or float(rng.choice([12, 14, 15, 16, 18]))


def _axis(rng: np.random.Generator, length: float, arterial_names: list[str],
          minor_names: list[str]) -> list[GridLine]:
    """Street positions across one axis: arterials every ~600 m, minor streets between."""
    n_art = int(round(length / 620.0))
    arts = np.linspace(0.0, length, n_art + 1)
    arts[1:-1] += rng.uniform(-45.0, 45.0, n_art - 1)
    spec: list[tuple[float, str]] = []
    for a, b in zip(arts[:-1], arts[1:]):
        spec.append((a, ART))
        k = max(1, int(round((b - a) / rng.uniform(225.0, 290.0)))) - 1
        pos = a + (b - a) * np.arange(1, k + 1) / (k + 1) + rng.uniform(-18.0, 18.0, k)
        sec = int(rng.integers(k)) if k and rng.random() < 0.55 else -1
        spec += [(float(p), SEC if m == sec else BRANCH) for m, p in enumerate(pos)]
    spec.append((length, ART))
    arterials, minors = iter(arterial_names), iter(minor_names)
    return [GridLine(p, c, _road_width(rng, c), next(arterials) if c == ART else next(minors))
            for p, c in spec]


def _grid_nodes(rng: np.random.Generator, cols: list[GridLine], rows: list[GridLine]) -> np.ndarray:
    """Plan positions of the street crossings, each street gently wobbling."""
    xs = np.array([c.pos for c in cols])
    ys = np.array([r.pos for r in rows])
    wobble = {ART: 3.0, SEC: 6.0}
    amp_c = np.array([wobble.get(c.cls) or rng.uniform(2.0, 12.0) for c in cols])
    amp_r = np.array([wobble.get(r.cls) or rng.uniform(2.0, 12.0) for r in rows])
    ph_c = rng.uniform(0, 2 * np.pi, len(cols))
    ph_r = rng.uniform(0, 2 * np.pi, len(rows))
    nodes = np.empty((len(cols), len(rows), 2))
    nodes[..., 0] = xs[:, None] + amp_c[:, None] * np.sin(2 * np.pi * ys[None, :] / 900 + ph_c[:, None])
    nodes[..., 1] = ys[None, :] + amp_r[None, :] * np.sin(2 * np.pi * xs[:, None] / 900 + ph_r[None, :])
    nodes += rng.uniform(-3.0, 3.0, nodes.shape)
    return nodes


def _grid_segments(cols, rows) -> list[tuple[GridLine, tuple, tuple, bool, bool]]:
    """(line, node a, node b, on the outer ring, runs north-south) for every grid edge."""
    nx, ny = len(cols), len(rows)
    segs = [(col, (i, j), (i, j + 1), i in (0, nx - 1), True)
            for i, col in enumerate(cols) for j in range(ny - 1)]
    segs += [(row, (i, j), (i + 1, j), j in (0, ny - 1), False)
             for j, row in enumerate(rows) for i in range(nx - 1)]
    return segs


def _drop_branch_segments(rng: np.random.Generator, segs) -> tuple[list, list]:
    """Remove some branch-road edges (T-junctions, bigger blocks) keeping degree >= 3."""
    degree = Counter(n for s in segs for n in (s[1], s[2]))
    dropped = []
    for k in rng.permutation(len(segs)):
        line, a, b, outer, _ = segs[k]
        if line.cls != BRANCH or outer or rng.random() >= 0.18:
            continue
        if degree[a] > 3 and degree[b] > 3:
            degree[a] -= 1
            degree[b] -= 1
            dropped.append(int(k))
    return [s for k, s in enumerate(segs) if k not in set(dropped)], [segs[k] for k in dropped]


def _wobbly(rng, a: np.ndarray, b: np.ndarray, n: int, amp: float) -> np.ndarray:
    """*n* + 1 points from *a* to *b* with a perpendicular wobble inside (ends exact)."""
    d = b - a
    normal = np.array([-d[1], d[0]]) / np.hypot(*d)
    t = np.linspace(0.0, 1.0, n + 1)
    off = np.r_[0.0, rng.uniform(-amp, amp, n - 1), 0.0]
    return a + t[:, None] * d + off[:, None] * normal


def _grid_streets(rng, warp: Warp, cols, rows, bridge_cols: set[int], centre: LineString):
    """Street segments of the warped grid, their mid vertices, footpaths and an old diagonal."""
    nodes = _grid_nodes(rng, cols, rows)
    segs, dropped = _drop_branch_segments(rng, _grid_segments(cols, rows))
    streets, mids = [], []
    for line, a, b, _outer, ns in segs:
        pts = warp(_wobbly(rng, nodes[a], nodes[b], 2, {ART: 0.0, SEC: 1.5}.get(line.cls, 3.0)))
        bridge = ns and a[0] in bridge_cols
        streets.append(Street(line.name, line.cls, line.width, LineString(pts), bridge))
        mids.append((tuple(pts[1]), line.cls))
    lanes = iter(LANE_NAMES)
    paths = []
    for _line, a, b, _outer, _ns in dropped:  # a few dropped edges survive as footpaths
        geom = LineString(warp(_wobbly(rng, nodes[a], nodes[b], 5, 4.0)))
        if len(paths) < 3 and geom.distance(centre) > 150:
            paths.append(Street(next(lanes), FOOT, 5.0, geom))
    flat = nodes.reshape(-1, 2)
    ends = [flat[np.argmin(np.hypot(*(flat - p).T))] for p in (OLD_STREET_FROM, OLD_STREET_TO)]
    diagonal = Street(OLD_STREET, BRANCH, 14.0, LineString(warp(_wobbly(rng, *ends, 4, 25.0))))
    return streets, mids, paths + [diagonal], lanes


def _ring_polygon(streets: list[Street]) -> Polygon:
    """The district: the union of all faces of the street grid."""
    faces = shapely.get_parts(shapely.polygonize([s.geom for s in streets]))
    return shapely.union_all(faces)


def _river_centreline(rng, warp: Warp) -> LineString:
    x = np.linspace(-250.0, WIDTH + 250.0, 500)
    ph = rng.uniform(0, 2 * np.pi, 2)
    y = (1230.0 - 380.0 * x / WIDTH + 55.0 * np.sin(2 * np.pi * x / 1300.0 + ph[0])
         + 20.0 * np.sin(2 * np.pi * x / 560.0 + ph[1]))
    return LineString(warp(np.c_[x, y]))


def _bank_roads(centre: LineString) -> list[Street]:
    north = shapely.offset_curve(centre, BANK_OFFSET)
    south = shapely.offset_curve(centre, -BANK_OFFSET)
    return [Street("滨河北路", BRANCH, 15.0, north), Street("滨河南路", BRANCH, 15.0, south)]


def _node(streets: list[Street]) -> list[Street]:
    """Split every street at every crossing; each piece keeps its street's attributes."""
    geoms = np.array([s.geom for s in streets], dtype=object)
    pieces = shapely.get_parts(shapely.node(shapely.multilinestrings(geoms)))
    mids = shapely.line_interpolate_point(pieces, 0.5, normalized=True)
    inp, src = shapely.STRtree(geoms).query_nearest(mids, all_matches=False)
    order = np.argsort(inp)
    return [replace(streets[int(k)], geom=pieces[int(i)]) for i, k in zip(inp[order], src[order])]


def _clean(pieces: list[Street], centre: LineString, district: Polygon) -> list[Street]:
    """Drop pieces outside the district and non-bridge pieces over the river."""
    inside = district.buffer(0.5)
    shapely.prepare(inside)
    keep = []
    for s in pieces:
        mid = s.geom.interpolate(0.5, normalized=True)
        if not inside.contains(mid):
            continue
        if not s.bridge and centre.distance(mid) < BANK_OFFSET - 0.5:
            continue
        keep.append(s)
    return keep


def _endpoint_keys(pieces: list[Street]) -> list[tuple[tuple, tuple]]:
    return [(tuple(s.geom.coords[0]), tuple(s.geom.coords[-1])) for s in pieces]


def _merge_pseudo_nodes(pieces: list[Street]) -> list[Street]:
    """Merge pieces of one street meeting at a node no other piece touches."""
    ends = _endpoint_keys(pieces)
    at: dict[tuple, list[int]] = {}
    for k, (a, b) in enumerate(ends):
        at.setdefault(a, []).append(k)
        at.setdefault(b, []).append(k)
    parent = list(range(len(pieces)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for ks in at.values():
        if len(ks) == 2 and ks[0] != ks[1]:
            a, b = (pieces[k] for k in ks)
            if (a.name, a.cls, a.width) == (b.name, b.cls, b.width):
                parent[root(ks[0])] = root(ks[1])
    groups: dict[int, list[int]] = {}
    for k in range(len(pieces)):
        groups.setdefault(root(k), []).append(k)
    out = []
    for ks in sorted(groups.values()):
        merged = shapely.line_merge(shapely.multilinestrings([pieces[k].geom for k in ks]))
        out += [replace(pieces[ks[0]], geom=g) for g in shapely.get_parts(merged)]
    return out


def _collapse_short(pieces: list[Street], min_len: float = 5.0) -> list[Street]:
    """Contract pieces shorter than *min_len* to a point (a crossing a few metres off another)."""
    moved: dict[tuple, tuple] = {}

    def find(p: tuple) -> tuple:
        while p in moved:
            p = moved[p]
        return p

    for s in pieces:
        if s.geom.length < min_len:
            a, b = find(s.geom.coords[0]), find(s.geom.coords[-1])
            if a != b:
                moved[b] = a
    out = []
    for s in pieces:
        if s.geom.length < min_len:
            continue
        xy = list(s.geom.coords)
        xy[0], xy[-1] = find(xy[0]), find(xy[-1])
        out.append(replace(s, geom=LineString(xy)))
    return out


def _faces(pieces: list[Street]) -> list[Polygon]:
    return list(shapely.get_parts(shapely.polygonize([s.geom for s in pieces])))


def _mids_on(face: Polygon, mids, classes=(BRANCH, SEC, ART)) -> list[np.ndarray]:
    ring = face.exterior
    return [np.array(m) for m, cls in mids if cls in classes and ring.distance(Point(m)) < 1e-6]


def _stubs(rng, faces, mids, lanes, used: set[int], n: int = 5) -> list[Street]:
    """Cul-de-sacs: branch roads that end inside a block."""
    stubs = []
    for k in rng.permutation(len(faces)):
        face = faces[int(k)]
        if len(stubs) == n:
            break
        if int(k) in used or not 28_000 < face.area < 80_000:
            continue
        starts = _mids_on(face, mids, (BRANCH,))
        if not starts:
            continue
        m = starts[int(rng.integers(len(starts)))]
        c = np.array(face.centroid.coords[0])
        u = (c - m) / np.hypot(*(c - m))
        length = min(rng.uniform(70.0, 105.0), 0.8 * np.hypot(*(c - m)))
        bend = m + u * length / 2 + np.array([-u[1], u[0]]) * rng.uniform(-4.0, 4.0)
        line = LineString([m, bend, m + u * length])
        if face.buffer(-20).contains(Point(m + u * length)) and face.buffer(1e-6).contains(line):
            stubs.append(Street(next(lanes), BRANCH, 12.0, line))
            used.add(int(k))
    return stubs


def _ring_pieces(ring: LineString, n: int) -> list[LineString]:
    """Cut a closed ring into *n* lines sharing exact end points."""
    xy = np.asarray(ring.coords)
    seg = np.hypot(*np.diff(xy, axis=0).T)
    cum = np.r_[0.0, np.cumsum(seg)]
    cuts = cum[-1] * np.arange(n + 1) / n
    parts: list[list[np.ndarray]] = [[xy[0]]]
    for i in range(1, len(xy)):
        for c in cuts[1:-1]:
            if cum[i - 1] < c <= cum[i] and len(parts) < n:
                p = xy[i - 1] + (xy[i] - xy[i - 1]) * (c - cum[i - 1]) / seg[i - 1]
                parts[-1].append(p)
                parts.append([p])
        parts[-1].append(xy[i])
    return [LineString(p) for p in parts]
