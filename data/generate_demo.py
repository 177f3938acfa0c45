#!/usr/bin/env python3
"""Generate the fictional 明湖区 demo district into ``data/demo/``.

The district (about 3 km x 2.5 km around lon 117.00-117.04 E, lat 36.64-36.67 N) is
built from ``numpy.random.default_rng(SEED)`` with no network access, so running the
script twice gives identical features (DBF headers carry the write date: compare
content, not bytes)::

    python data/generate_demo.py            # writes data/demo/
    python data/generate_demo.py --out DIR  # writes elsewhere

Geometry is built in local metres (origin near the south-west corner) and shifted into
EPSG:4527 (CGCS2000 3-degree Gauss-Krüger zone 39, eastings with the zone prefix) when
written. The planted facility gaps are measured on the written data and listed in
``README.md`` and ``gaps.json`` so that later analyses can be checked against them.
"""

from __future__ import annotations

import argparse
import json
import math
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely
from pyproj import Transformer
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components, dijkstra
from shapely import LineString, Point, Polygon
from shapely.affinity import rotate
from shapely.geometry.polygon import orient
from shapely.ops import split

SEED = 20240917
EPSG = 4527
ORIGIN = np.array([39_500_280.0, 4_056_900.0])  # world coordinates of local (0, 0)
WIDTH, HEIGHT = 3000.0, 2500.0
GRID = 0.01  # precision of written coordinates (m)
OUT = Path(__file__).resolve().parent / "demo"

ART, SEC, BRANCH, FOOT = "主干路", "次干路", "支路", "步行道"
RIVER_NAME = "玉带河"
RIVER_HALF = 20.0  # the river is 40 m wide
BANK_OFFSET = 37.5  # riverside roads run this far from the river centreline
GREEN_HALF = 30.0  # river plus green strip, kept free of compounds
ROAD_FIELDS = ("名称", "等级", "宽度")  # UTF-8 DBF field names are limited to 3 CJK chars

# Gap centres and other planted places, in local metres before the warp.
NE_CLINIC_GAP = (2680.0, 2230.0)
SW_CANTEEN_GAP = (330.0, 300.0)
SE_KINDERGARTEN_GAP = (2620.0, 320.0)
RIVER_TRAP_X = 2200.0
NURSING_HOME_AT = (1150.0, 1650.0)
CLINIC_CENTRES_AT = ((900.0, 1650.0), (1500.0, 450.0))
PARK_AT_X = 950.0
OLD_STREET, OLD_STREET_FROM, OLD_STREET_TO = "古槐街", (250.0, 2250.0), (1250.0, 1550.0)
INTERIOR_BRIDGE_X = 1300.0

EW_ARTERIALS = ["南环路", "胜利大街", "解放路", "明湖路", "北园大街", "北环路"]
NS_ARTERIALS = ["西环路", "纬二路", "工业路", "纬八路", "花园路", "东环路", "东外环路"]
MINOR_NAMES = ["文化街", "青年路", "民主街", "友谊路", "团结街", "新华街", "光明街", "朝阳街",
               "利民街", "育才路", "向阳街", "卫生街", "纺织路", "机床路", "兴隆街", "顺河街",
               "铁路街", "振兴街", "共青团路", "人民街", "红旗路", "五一路", "前进街", "幸福街",
               "经一路", "经三路", "经五路", "经七路", "纬四路", "纬六路", "建设路", "和平路"]
LANE_NAMES = ["槐荫巷", "柳树巷", "杏花巷", "榆林巷", "书院巷", "育英巷", "花墙子巷", "钟楼巷",
              "芙蓉巷", "石板巷", "太平巷", "南仓巷"]
OLD_NAMES = ["纺织厂宿舍", "机床厂家属院", "棉纺厂宿舍", "化肥厂宿舍", "铁路宿舍", "电业局宿舍",
             "粮食局宿舍", "水利局家属院", "啤酒厂宿舍", "钢厂宿舍", "农机厂宿舍", "邮电宿舍",
             "卫生局宿舍", "师范宿舍", "建筑公司宿舍", "食品厂家属院", "造纸厂宿舍", "轻工局宿舍",
             "第二机床厂宿舍", "汽车厂宿舍", "仪表厂宿舍", "印染厂家属院", "和平里", "幸福新村",
             "工人新村", "胜利里", "光明里", "朝阳里", "新华里", "民主里", "团结里", "前进新村",
             "红星里", "建国里", "向阳新村", "东风里", "自来水公司宿舍", "供销社宿舍"]
MID_NAMES = ["阳光花园", "明湖小区", "泉华小区", "绿景苑", "东方花园", "金桥小区", "翠园小区",
             "新世纪花园", "康乐小区", "安居小区", "舜华园", "怡景园", "文华园", "馨苑小区",
             "佳和园", "福苑小区", "金泉小区", "泉景花园", "裕华园", "龙泉小区", "鑫华园"]
NEW_NAMES = ["丽景苑", "御景园", "锦绣城", "金域华府", "翡翠华庭", "名士豪庭", "世纪佳园",
             "阳光新城", "水岸花城", "明湖春晓", "滨河名苑", "盛世华庭", "书香苑", "观澜苑",
             "天泰花园", "中央花园", "颐和苑", "银河绿洲", "康桥花园", "泉城新苑", "御河湾",
             "尚品雅居", "东方星城", "紫御华府"]
SUBDISTRICTS = ("明湖街道", "泉华街道", "建新街道", "纺织街道", "滨河街道")
ERA_YEARS = ((1972, 1979), (1980, 1989), (1990, 1999), (2000, 2009), (2010, 2016))
ERA_CORE = np.array([0.25, 0.40, 0.27, 0.06, 0.02])
ERA_EDGE = np.array([0.08, 0.25, 0.35, 0.22, 0.10])
OLD_CORE = (1150.0, 1550.0)

# Facility categories (类型) of the demo and the FacilityType key each one means.
CATEGORY_TYPE = {
    "社区卫生服务站": "clinic", "社区卫生服务中心": "clinic",
    "老年食堂": "elderly_canteen", "长者食堂": "elderly_canteen", "助餐点": "elderly_canteen",
    "日间照料中心": "day_care", "养老驿站": "day_care",
    "养老院": "nursing_home",
    "幼儿园": "kindergarten",
    "托儿所": "nursery", "托育中心": "nursery",
    "儿童活动场地": "play_area",
    "便利店": None, "快递站": None, "药店": None, "口腔诊所": None, "社区服务中心": None, "菜市场": None,
}
RADIUS = {"clinic": 300, "elderly_canteen": 300, "day_care": 300, "nursing_home": 1000,
          "kindergarten": 300, "nursery": 300, "play_area": 250}
TYPE_ORDER = list(RADIUS)


# ---------------------------------------------------------------------------
# streets and river
# ---------------------------------------------------------------------------
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


# ---------------------------------------------------------------------------
# blocks and compounds
# ---------------------------------------------------------------------------
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


# ---------------------------------------------------------------------------
# buildings
# ---------------------------------------------------------------------------
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


# ---------------------------------------------------------------------------
# the walking network
# ---------------------------------------------------------------------------
def _components(pieces: list[Street]) -> np.ndarray:
    """Connected-component label of each piece (graph of shared end points)."""
    ends = _endpoint_keys(pieces)
    ids: dict[tuple, int] = {}
    a = np.array([ids.setdefault(e[0], len(ids)) for e in ends])
    b = np.array([ids.setdefault(e[1], len(ids)) for e in ends])
    graph = coo_matrix((np.ones(len(a)), (a, b)), shape=(len(ids), len(ids)))
    _, labels = connected_components(graph, directed=False)
    return labels[a]


class Walk:
    """Shortest walking distances on the street pieces of one connected network."""

    def __init__(self, lines: list[LineString]) -> None:
        self.lines = lines
        self.tree = shapely.STRtree(lines)
        self.length = shapely.length(np.array(lines, dtype=object))
        ends = [(tuple(g.coords[0]), tuple(g.coords[-1])) for g in lines]
        ids: dict[tuple, int] = {}
        self.ends = np.array([(ids.setdefault(a, len(ids)), ids.setdefault(b, len(ids)))
                              for a, b in ends])
        self.n_nodes = len(ids)

    def nearest(self, sources: np.ndarray, targets: np.ndarray, *, limit: float = np.inf) -> np.ndarray:
        """Distance from each target point to its nearest source point along the network."""
        pts = shapely.points(np.vstack([sources, targets]))
        line = self.tree.query_nearest(pts, all_matches=False)[1]
        along = shapely.line_locate_point(np.array(self.lines, dtype=object)[line], pts)
        perp = shapely.distance(np.array(self.lines, dtype=object)[line], pts)
        n = len(pts)
        rows, cols, w = [], [], []
        snap0 = self.n_nodes  # snap node of point k is snap0 + k; the point itself snap0 + n + k
        for li in np.unique(line):
            ks = np.flatnonzero(line == li)
            ks = ks[np.argsort(along[ks], kind="stable")]
            chain = [self.ends[li, 0], *(snap0 + ks), self.ends[li, 1]]
            pos = np.r_[0.0, along[ks], self.length[li]]
            rows += chain[:-1]
            cols += chain[1:]
            w += list(np.diff(pos) + 1e-9)
        covered = set(np.unique(line).tolist())
        for li in range(len(self.lines)):
            if li not in covered:
                rows.append(self.ends[li, 0])
                cols.append(self.ends[li, 1])
                w.append(self.length[li])
        rows += list(snap0 + np.arange(n))
        cols += list(snap0 + n + np.arange(n))
        w += list(perp + 1e-9)
        size = snap0 + 2 * n
        edges = pd.DataFrame({"a": np.minimum(rows, cols), "b": np.maximum(rows, cols), "w": w})
        edges = edges.groupby(["a", "b"], as_index=False)["w"].min()  # parallel pieces: keep shorter
        graph = coo_matrix((edges["w"], (edges["a"], edges["b"])), shape=(size, size)).tocsr()
        dist = dijkstra(graph, directed=False, indices=snap0 + n + np.arange(len(sources)),
                        min_only=True, limit=limit)
        return dist[snap0 + n + len(sources) + np.arange(len(targets))]


# ---------------------------------------------------------------------------
# the district
# ---------------------------------------------------------------------------
@dataclass
class District:
    """Everything that is written, in local metres."""

    streets: list[Street]
    river: Polygon
    compounds: gpd.GeoDataFrame
    buildings: gpd.GeoDataFrame
    entrances: gpd.GeoDataFrame
    facilities: gpd.GeoDataFrame


def _network(rng, warp: Warp):
    """Noded street pieces, the river centreline, the district outline and its faces."""
    cols = _axis(rng, WIDTH, NS_ARTERIALS, MINOR_NAMES[::2])
    rows = _axis(rng, HEIGHT, EW_ARTERIALS, MINOR_NAMES[1::2])
    arts = [i for i, c in enumerate(cols) if c.cls == ART]
    mid_bridge = min(arts[1:-1], key=lambda i: abs(cols[i].pos - INTERIOR_BRIDGE_X))
    centre = _river_centreline(rng, warp)
    grid, mids, extra, lanes = _grid_streets(rng, warp, cols, rows, {0, len(cols) - 1, mid_bridge}, centre)
    district = _ring_polygon(grid)
    pieces = _clean(_node(grid + extra + _bank_roads(centre)), centre, district)
    stubs = _stubs(rng, _faces(pieces), mids, lanes, set())
    pieces = _collapse_short(_clean(_node(pieces + stubs), centre, district))
    return pieces, centre, district, _faces(pieces)


def _classify_blocks(rng, warp: Warp, blocks: list[Polygon], centre: LineString,
                     north: Polygon) -> tuple[Polygon, Polygon, list[Polygon]]:
    """Pick the park and non-residential blocks; the rest are residential."""
    park_target = centre.interpolate(centre.project(Point(warp((PARK_AT_X, 1200.0)))))
    riverside = [b for b in blocks if b.distance(centre) < GREEN_HALF + 30 and north.contains(b.centroid)]
    park = max((b for b in riverside if abs(b.centroid.x - park_target.x) < 700), key=lambda b: b.area)
    keep_near = [Point(warp(p)) for p in (NE_CLINIC_GAP, SW_CANTEEN_GAP, SE_KINDERGARTEN_GAP,
                                          NURSING_HOME_AT, (RIVER_TRAP_X, 1000.0))]
    other, residential = [], []
    for b in blocks:
        if b is park:
            continue
        free = b.area > 9000 and min(b.distance(p) for p in keep_near) > 450
        (other if free and rng.random() < 0.17 else residential).append(b)
    campus = max(other, key=lambda b: b.area)
    return park, campus, residential


def _era_for(rng, centroid: Point) -> int:
    t = min(centroid.distance(Point(OLD_CORE)) / 1800.0, 1.0)
    p = (1 - t) * ERA_CORE + t * ERA_EDGE
    return int(rng.choice(5, p=p / p.sum()))


def _build_compounds(rng, blocks: list[Polygon], grid_angle: float):
    """Compound polygons with era, year and buildings (compounds without one are dropped)."""
    rows = []
    for block in blocks:
        block_era = _era_for(rng, block.centroid)
        for comp in _split_block(rng, _roughen(block, rng)):
            era = block_era if rng.random() < 0.7 else _era_for(rng, comp.centroid)
            year = int(rng.integers(*ERA_YEARS[era], endpoint=True))
            blds = _buildings_for(rng, comp, era, year, grid_angle)
            if blds:
                rows.append({"geometry": comp, "era": era, "year": year, "buildings": blds})
    return rows


def _order_compounds(rows: list[dict]) -> list[dict]:
    """North-west to south-east in 300 m bands, so ids read like a map."""
    def key(r):
        c = r["geometry"].centroid
        return (int((HEIGHT + 200 - c.y) // 300), round(c.x, 3))
    return sorted(rows, key=key)


def _subdistrict(c: Point, north: Polygon) -> str:
    if north.contains(c):
        return SUBDISTRICTS[0] if c.x < 1050 else SUBDISTRICTS[1] if c.x < 2100 else SUBDISTRICTS[2]
    return SUBDISTRICTS[3] if c.x < 1500 else SUBDISTRICTS[4]


def _nearest_road_name(point: Point, pieces: list[Street], tree: shapely.STRtree) -> str:
    named = tree.query_nearest(point, all_matches=True)
    return pieces[int(min(named))].name


def _compound_names(rng, rows, pieces, tree) -> list[str]:
    """Realistic names by era; some named after a street; a few duplicates."""
    pools = {0: list(rng.permutation(OLD_NAMES)), 1: None, 2: list(rng.permutation(MID_NAMES)),
             3: list(rng.permutation(NEW_NAMES))}
    pools[1], pools[4] = pools[0], pools[3]
    used: set[str] = set()
    names = []
    for r in rows:
        pool = pools[r["era"]]
        road_based = r["era"] <= 2 and rng.random() < (0.45 if r["era"] <= 1 else 0.3)
        name = None
        if not road_based:
            while pool and name is None:
                cand = str(pool.pop())
                name = cand if cand not in used else None
        if name is None:
            road = _nearest_road_name(r["geometry"].centroid, pieces, tree)
            name = f"{road}小区"
            while name in used:
                name = f"{road}{int(rng.integers(2, 120))}号院"
        used.add(name)
        names.append(name)
    return names


def _duplicate_names(rng, names: list[str], geoms: list[Polygon]) -> list[tuple[int, int]]:
    """Give four compounds the name of a neighbour (one compound digitised as two parts)."""
    tree = shapely.STRtree(geoms)
    dups = []
    for i in rng.permutation(len(names)):
        near = [int(j) for j in tree.query(geoms[int(i)].buffer(15)) if int(j) != int(i)]
        if near and all(int(i) not in d and near[0] not in d for d in dups):
            names[int(i)] = names[near[0]]
            dups.append((near[0], int(i)))
        if len(dups) == 4:
            break
    return dups


def _population(rng, era: int, households: int) -> tuple[int, int, int]:
    """(resident population, elderly 60+, children 0-6) of a compound."""
    pop = int(round(households * rng.uniform(0.82, 0.95) * rng.uniform(2.3, 2.8)))
    old = [(0.30, 0.40), (0.26, 0.34), (0.20, 0.28), (0.14, 0.20), (0.10, 0.16)][era]
    kid = [(0.020, 0.035), (0.025, 0.040), (0.030, 0.050), (0.045, 0.065), (0.055, 0.080)][era]
    return pop, int(round(pop * rng.uniform(*old))), int(round(pop * rng.uniform(*kid)))


def _gate_name(comp: Polygon, p: Point, taken: list[str]) -> str:
    c = comp.centroid
    ang = math.degrees(math.atan2(p.y - c.y, p.x - c.x)) % 360
    side = "东北西南"[int(((ang + 45) % 360) // 90)]
    name = f"{side}门"
    return name if name not in taken else f"{side}侧门" if f"{side}侧门" not in taken else f"{len(taken) + 1}号门"


def _entrances_for(rng, comp: Polygon, pieces: list[Street], tree, zones) -> list[Point]:
    """1-3 gates on the compound boundary facing streets (small streets first)."""
    ring = comp.exterior
    rank = {BRANCH: 0, SEC: 1, FOOT: 2, ART: 3}
    cands = {}
    for k in tree.query(comp.buffer(25.0)):
        s = pieces[int(k)]
        if comp.distance(s.geom) > s.width / 2 + 2.5:
            continue
        facing = ring.intersection(zones[int(k)])
        parts = [g for g in shapely.get_parts(shapely.line_merge(facing)) if g.length >= 8]
        if parts:
            best = max(parts, key=lambda g: g.length)
            if s.name not in cands or best.length > cands[s.name][1].length:
                cands[s.name] = (rank[s.cls], best)
    order = sorted(cands.values(), key=lambda t: (t[0], -t[1].length))
    n = int(rng.choice([1, 2, 3], p=[0.45, 0.4, 0.15]))
    gates: list[Point] = []
    for _, part in order:
        p = part.interpolate(rng.uniform(0.3, 0.7), normalized=True)
        p = ring.interpolate(ring.project(p))
        if all(p.distance(g) > 30 for g in gates):
            gates.append(p)
        if len(gates) == n:
            break
    if not gates:
        near = pieces[int(tree.query_nearest(comp, all_matches=False)[0])]
        gates.append(ring.interpolate(ring.project(near.geom.centroid)))
    return gates


def _compound_tables(rng, rows, pieces, north):
    """Compounds, buildings and entrances GeoDataFrames (local metres)."""
    tree = shapely.STRtree([s.geom for s in pieces])
    zones = [s.geom.buffer(s.width / 2 + 3.0, cap_style="flat") for s in pieces]  # street fronts
    geoms = [r["geometry"] for r in rows]
    ids = [f"MH{k + 1:03d}" for k in range(len(rows))]
    names = _compound_names(rng, rows, pieces, tree)
    dups = _duplicate_names(rng, names, geoms)
    overlaps = _add_overlaps(rng, geoms, 7)
    geoms = list(shapely.set_precision(np.array(geoms, dtype=object), GRID))  # as written
    comp_rows, bld_rows, gate_rows = [], [], []
    for cid, name, geom, r in zip(ids, names, geoms, rows):
        hh = sum(b["households"] for b in r["buildings"])
        pop, old, kids = _population(rng, r["era"], hh)
        comp_rows.append({"小区编号": cid, "小区名称": name, "街道": _subdistrict(geom.centroid, north),
                          "建成年代": r["year"], "楼栋数": len(r["buildings"]), "户数": hh,
                          "常住人口": pop, "老年人口": old, "儿童人口": kids,
                          "占地面积": int(round(geom.area)), "geometry": geom})
        for k, b in enumerate(r["buildings"], start=1):
            bld_rows.append({"楼栋编号": f"{cid}-{k:02d}", "小区编号": cid, "层数": b["floors"],
                             "电梯": "有" if b["lift"] else "无", "建成年代": b["year"],
                             "户数": b["households"], "用途": "住宅", "geometry": b["geometry"]})
        taken: list[str] = []
        for p in _entrances_for(rng, geom, pieces, tree, zones):
            taken.append(_gate_name(geom, p, taken))
            gate_rows.append({"小区编号": cid, "名称": f"{name}{taken[-1]}", "geometry": p})
    meta = {"duplicates": [(ids[a], ids[b]) for a, b in dups],
            "overlaps": [(ids[a], ids[b], round(d, 1)) for a, b, d in overlaps]}
    return (gpd.GeoDataFrame(comp_rows, geometry="geometry"), gpd.GeoDataFrame(bld_rows, geometry="geometry"),
            gpd.GeoDataFrame(gate_rows, geometry="geometry"), meta)


# ---------------------------------------------------------------------------
# facilities
# ---------------------------------------------------------------------------
def _candidates(comps: gpd.GeoDataFrame, gates: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Possible facility sites: 8 m inside each gate (street-facing ground floors)."""
    geom_of = dict(zip(comps["小区编号"], comps.geometry))
    pts, owner = [], []
    for cid, g in zip(gates["小区编号"], gates.geometry):
        comp = geom_of[cid]
        c = comp.centroid
        d = np.array([c.x - g.x, c.y - g.y])
        p = Point(np.array(g.coords[0]) + d / np.hypot(*d) * 8.0)
        pts.append(p if comp.contains(p) else g)
        owner.append(cid)
    return gpd.GeoDataFrame({"owner": owner}, geometry=pts)


def _greedy_cover(dist: np.ndarray, *, radius: float, allowed: np.ndarray, seeds: list[int],
                  targets: np.ndarray, max_n: int) -> list[int]:
    """Greedy set cover: sites that bring the most uncovered target compounds within *radius*."""
    reach = dist <= radius
    chosen = list(seeds)
    uncovered = targets & ~reach[:, chosen].any(axis=1) if chosen else targets.copy()
    allowed = allowed.copy()
    allowed[chosen] = False
    while uncovered.any() and len(chosen) < max_n:
        gain = (reach & uncovered[:, None]).sum(axis=0) * allowed
        best = int(np.argmax(gain))
        if gain[best] == 0:
            break
        chosen.append(best)
        allowed[best] = False
        uncovered &= ~reach[:, best]
    return chosen


def _cluster(comps: gpd.GeoDataFrame, centre: Point, radius: float) -> np.ndarray:
    return comps.geometry.centroid.distance(centre).to_numpy() <= radius


@dataclass
class Site:
    index: int  # candidate row, or -1 for a free point
    category: str
    name: str
    point: Point | None = None


def _place_facilities(rng, warp, comps, cands, centre, north, park, comp_names) -> tuple[list[Site], int]:
    """Sites for every category with the planted gaps kept empty; also the river-trap site."""
    dist = shapely.distance(np.asarray(comps.geometry)[:, None], np.asarray(cands.geometry)[None, :])
    n_c = len(comps)
    is_north = np.array([north.contains(p) for p in cands.geometry])
    everyone = np.ones(n_c, bool)
    used = np.zeros(len(cands), bool)

    def away_from(mask: np.ndarray, margin: float = 330.0) -> np.ndarray:
        return ~(dist[mask] <= margin).any(axis=0) if mask.any() else np.ones(len(cands), bool)

    def nearest_to(p: Point, allowed: np.ndarray) -> int:
        d = cands.geometry.distance(p).to_numpy(copy=True)
        d[~allowed] = np.inf
        return int(np.argmin(d))

    # river trap: a clinic on the north bank facing south-bank compounds across the water
    trap_at = centre.interpolate(centre.project(Point(warp((RIVER_TRAP_X, 1000.0)))))
    south = ~np.array([north.contains(c) for c in comps.geometry.centroid])
    near_trap = np.flatnonzero(is_north & (cands.geometry.distance(trap_at).to_numpy() < 250))
    facing = [(_cluster(comps, cands.geometry.iloc[k], 285.0) & south).sum() for k in near_trap]
    trap_site = int(near_trap[int(np.argmax(facing))])
    trap_zone = _cluster(comps, cands.geometry.iloc[trap_site], 285.0) & south
    ne = _cluster(comps, Point(warp(NE_CLINIC_GAP)), 200.0)
    sw = _cluster(comps, Point(warp(SW_CANTEEN_GAP)), 240.0)
    se = _cluster(comps, Point(warp(SE_KINDERGARTEN_GAP)), 240.0)

    sites: list[Site] = []
    clinic_ok = away_from(ne) & away_from(trap_zone)
    centres = [nearest_to(Point(warp(p)), clinic_ok) for p in CLINIC_CENTRES_AT]
    plan = [  # category names, radius, allowed, seeds, targets, max count
        ("clinic", 280.0, clinic_ok, [trap_site, *centres], everyone & ~ne & ~trap_zone, 40),
        ("elderly_canteen", 280.0, away_from(sw), [], ~sw, 40),
        ("kindergarten", 280.0, away_from(se), [], ~se, 40),
        ("day_care", 300.0, np.ones(len(cands), bool), [], everyone, 13),
        ("nursery", 300.0, np.ones(len(cands), bool), [], everyone, 9),
    ]
    chosen: dict[str, list[int]] = {}
    for key, radius, allowed, seeds, targets, max_n in plan:
        chosen[key] = _greedy_cover(dist, radius=radius, allowed=allowed & ~used, seeds=seeds,
                                    targets=targets, max_n=max_n)
        used[chosen[key]] = True
    nursing = nearest_to(Point(warp(NURSING_HOME_AT)), ~used)
    used[nursing] = True
    sites += _name_sites(rng, chosen, centres, nursing, cands, comp_names)
    sites += _play_areas(comps, park)
    sites += _other_pois(rng, cands, used, comp_names)
    return sites, trap_site


def _name_sites(rng, chosen, centres, nursing, cands, comp_names) -> list[Site]:
    """Categories and names for the chosen care sites."""
    owner = lambda k: comp_names[cands["owner"].iloc[k]]  # noqa: E731
    sites = []
    for k in chosen["clinic"]:
        if k in centres:
            n = centres.index(k)
            sites.append(Site(k, "社区卫生服务中心", f"明湖区{['泉华', '纺织'][n]}街道社区卫生服务中心"))
        else:
            sites.append(Site(k, "社区卫生服务站", f"{owner(k)}社区卫生服务站"))
    for k in chosen["elderly_canteen"]:
        cat = str(rng.choice(["老年食堂", "长者食堂", "助餐点"]))
        sites.append(Site(k, cat, f"{owner(k)}{cat}"))
    kg_brands = iter(["明湖区实验幼儿园", "小太阳幼儿园", "育英幼儿园", "蓝天幼儿园", "机关幼儿园"])
    for k in chosen["kindergarten"]:
        brand = next(kg_brands, None) if rng.random() < 0.3 else None
        sites.append(Site(k, "幼儿园", brand or f"{owner(k)}幼儿园"))
    for k in chosen["day_care"]:
        cat = str(rng.choice(["日间照料中心", "养老驿站"]))
        sites.append(Site(k, cat, f"{owner(k)}{'老年人日间照料中心' if cat == '日间照料中心' else cat}"))
    for k in chosen["nursery"]:
        cat = str(rng.choice(["托儿所", "托育中心"]))
        sites.append(Site(k, cat, f"{owner(k)}{cat}" if rng.random() < 0.6 else
                          f"{rng.choice(['贝贝', '爱心', '小天使', '启蒙'])}{cat}"))
    sites.append(Site(nursing, "养老院", "明湖区颐康养老院"))
    return sites


def _play_areas(comps, park) -> list[Site]:
    """Children's play grounds in open space inside compounds, plus one in the park."""
    spots = []
    for name, geom in zip(comps["小区名称"], comps.geometry):
        inner = geom.buffer(-12.0)
        spots.append((name, (geom if inner.is_empty else inner).representative_point()))
    d = shapely.distance(np.asarray(comps.geometry)[:, None], np.array([p for _, p in spots])[None, :])
    chosen = _greedy_cover(d, radius=250.0, allowed=np.ones(len(spots), bool), seeds=[],
                           targets=np.ones(len(comps), bool), max_n=17)
    sites = [Site(-1, "儿童活动场地", f"{spots[k][0]}儿童活动场地", spots[k][1]) for k in chosen]
    sites.append(Site(-1, "儿童活动场地", "明湖公园儿童游乐场", park.buffer(-30).representative_point()))
    return sites


def _other_pois(rng, cands, used, comp_names) -> list[Site]:
    """Shops and services that are not care facilities (must not be classified as such)."""
    free = np.flatnonzero(~used)
    picks = rng.choice(free, size=18, replace=False)
    cats = ["便利店"] * 6 + ["快递站"] * 5 + ["药店"] * 2 + ["口腔诊所", "社区服务中心", "社区服务中心",
                                                  "菜市场", "菜市场"]
    sites = []
    for k, cat in zip(picks, cats):
        base = comp_names[cands["owner"].iloc[int(k)]]
        name = {"快递站": f"菜鸟驿站({base}店)", "社区服务中心": f"{base}社区党群服务中心",
                "便利店": f"{rng.choice(['好邻居', '利民', '全家福', '24小时'])}便利店({base}店)"}.get(
            cat, f"{base}{cat}")
        sites.append(Site(int(k), cat, name))
    return sites


def _facility_table(sites: list[Site], cands, pieces, tree) -> gpd.GeoDataFrame:
    """Facility rows with ids, addresses and CGCS2000 lon/lat (6 decimals)."""
    order = {c: i for i, c in enumerate(CATEGORY_TYPE)}
    pts = [s.point if s.index < 0 else cands.geometry.iloc[s.index] for s in sites]
    rows = sorted(zip(sites, pts), key=lambda t: (order[t[0].category], -round(t[1].y), round(t[1].x)))
    to_ll = Transformer.from_crs(EPSG, 4490, always_xy=True)
    out = []
    for k, (s, p) in enumerate(rows, start=1):
        lon, lat = to_ll.transform(p.x + ORIGIN[0], p.y + ORIGIN[1])
        road = _nearest_road_name(p, pieces, tree)
        number = 1 + 2 * (k * 37 % 89) + (k % 2)
        out.append({"设施编号": f"SS{k:03d}", "名称": s.name, "类型": s.category,
                    "地址": f"明湖区{road}{number}号", "经度": round(lon, 6), "纬度": round(lat, 6),
                    "_site": s.index})
    df = pd.DataFrame(out)
    back = Transformer.from_crs(4490, EPSG, always_xy=True)
    x, y = back.transform(df["经度"].to_numpy(), df["纬度"].to_numpy())
    return gpd.GeoDataFrame(df, geometry=shapely.points(np.c_[x - ORIGIN[0], y - ORIGIN[1]]))


# ---------------------------------------------------------------------------
# measuring the gaps
# ---------------------------------------------------------------------------
def _coverage(comps, gates, facs, walk: Walk) -> dict[str, pd.DataFrame]:
    """Per type: each compound's distance to the nearest facility in three measures."""
    gate_xy = shapely.get_coordinates(np.asarray(gates.geometry))
    out = {}
    for key in TYPE_ORDER:
        mine = facs[facs["类型"].map(CATEGORY_TYPE) == key]
        pts = np.asarray(mine.geometry)
        boundary = shapely.distance(np.asarray(comps.geometry)[:, None], pts[None, :]).min(axis=1)
        centroid = shapely.distance(np.asarray(comps.geometry.centroid)[:, None], pts[None, :]).min(axis=1)
        net = pd.Series(walk.nearest(shapely.get_coordinates(pts), gate_xy), index=gates.index)
        by_comp = net.groupby(gates["小区编号"].to_numpy()).min()
        out[key] = pd.DataFrame({"boundary": boundary, "centroid": centroid,
                                 "network": by_comp.reindex(comps["小区编号"]).to_numpy()},
                                index=comps["小区编号"].to_numpy())
    return out


def _river_trap(comps, gates, facs, site_row: int, walk: Walk, river: Polygon, cover) -> dict:
    """Compounds within 300 m straight-line of the trap clinic but > 300 m away on foot."""
    f = facs.iloc[site_row]
    gate_xy = shapely.get_coordinates(np.asarray(gates.geometry))
    net = pd.Series(walk.nearest(np.array(f.geometry.coords), gate_xy)).groupby(
        gates["小区编号"].to_numpy()).min()
    rows = []
    for cid, geom in zip(comps["小区编号"], comps.geometry):
        straight = geom.centroid.distance(f.geometry)
        crosses = LineString([geom.centroid, f.geometry]).intersects(river)
        if straight <= 300 and crosses and cover.loc[cid, "network"] > 300:
            rows.append({"id": cid, "straight_centroid_m": round(float(straight), 1),
                         "straight_boundary_m": round(float(geom.distance(f.geometry)), 1),
                         "network_m": round(float(net[cid]), 1)})
    return {"type": "clinic", "facility": f["设施编号"], "facility_name": f["名称"], "compounds": rows}


def _ids(mask, comps) -> list[str]:
    return comps["小区编号"][np.asarray(mask)].tolist()


def _gap_report(comps, gates, facs, walk, river, warp, trap_site: int, meta) -> dict:
    """The planted gaps and, per type and measure, every compound without a facility in reach."""
    cover = _coverage(comps, gates, facs, walk)
    cent = comps.geometry.centroid

    def local_gap(key: str, at) -> list[str]:
        near = cent.distance(Point(warp(at))).to_numpy() <= 700
        return _ids(near & (cover[key]["boundary"].to_numpy() > RADIUS[key]), comps)

    trap_fac = facs.index[facs["_site"] == trap_site][0]
    report = {
        "crs": f"EPSG:{EPSG}",
        "radius_m": RADIUS,
        "category_type": CATEGORY_TYPE,
        "measures": {
            "boundary": "straight line from the nearest point of the compound polygon",
            "centroid": "straight line from the compound centroid",
            "network": "walking distance on roads.shp from the nearest gate in entrances.shp; "
                       "points join the nearest street piece at a right angle",
        },
        "planted": {
            "clinic_north_east": {"type": "clinic", "radius_m": 300,
                                  "compounds": local_gap("clinic", NE_CLINIC_GAP)},
            "elderly_canteen_south_west": {"type": "elderly_canteen", "radius_m": 300,
                                           "compounds": local_gap("elderly_canteen", SW_CANTEEN_GAP)},
            "kindergarten_south_east": {"type": "kindergarten", "radius_m": 300,
                                        "compounds": local_gap("kindergarten", SE_KINDERGARTEN_GAP)},
            "nursing_home_beyond_1000m": {
                "type": "nursing_home", "radius_m": 1000,
                "compounds": _ids(cover["nursing_home"]["boundary"].to_numpy() > 1000, comps)},
            "river_trap": _river_trap(comps, gates, facs, trap_fac, walk, river, cover["clinic"]),
        },
        "uncovered": {key: {m: _ids(cover[key][m].to_numpy() > RADIUS[key], comps)
                            for m in ("boundary", "centroid", "network")} for key in TYPE_ORDER},
        "digitising": {"overlapping_pairs": [list(p) for p in meta["overlaps"]],
                       "duplicate_names": [list(p) for p in meta["duplicates"]]},
    }
    return report


# ---------------------------------------------------------------------------
# writing
# ---------------------------------------------------------------------------
def _to_world(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    geoms = shapely.set_precision(np.asarray(gdf.geometry), GRID)
    world = shapely.transform(geoms, lambda xy: xy + ORIGIN)
    return gpd.GeoDataFrame(gdf.drop(columns="geometry"), geometry=world, crs=f"EPSG:{EPSG}")


def _write_shp(gdf: gpd.GeoDataFrame, path: Path, *, encoding: str, cpg: str | None = None,
               ldid: int | None = None) -> None:
    """Write a shapefile; *cpg* None deletes the .cpg; *ldid* sets DBF byte 29."""
    for ext in (".shp", ".shx", ".dbf", ".prj", ".cpg"):
        path.with_suffix(ext).unlink(missing_ok=True)
    pyogrio.write_dataframe(gdf, path, encoding=encoding, layer_options={"RESIZE": "YES"})
    cpg_path = path.with_suffix(".cpg")
    if cpg is None:
        cpg_path.unlink(missing_ok=True)
    else:
        cpg_path.write_text(cpg, encoding="ascii")
    if ldid is not None:
        with open(path.with_suffix(".dbf"), "r+b") as f:
            f.seek(29)
            f.write(bytes([ldid]))


def _write_all(out: Path, d: District, report: dict) -> None:
    out.mkdir(parents=True, exist_ok=True)
    _write_shp(_to_world(d.compounds), out / "compounds.shp", encoding="GBK", ldid=0x4D)
    _write_shp(_to_world(d.buildings), out / "buildings.shp", encoding="GBK", cpg="GBK")
    roads = gpd.GeoDataFrame({ROAD_FIELDS[0]: [s.name for s in d.streets],
                              ROAD_FIELDS[1]: [s.cls for s in d.streets],
                              ROAD_FIELDS[2]: [int(s.width) for s in d.streets]},
                             geometry=[s.geom for s in d.streets])
    _write_shp(_to_world(roads), out / "roads.shp", encoding="UTF-8", cpg="UTF-8")
    river = gpd.GeoDataFrame({"名称": [RIVER_NAME]}, geometry=[d.river])
    _write_shp(_to_world(river), out / "river.shp", encoding="UTF-8", cpg="UTF-8")
    _write_shp(_to_world(d.entrances), out / "entrances.shp", encoding="GBK", cpg="GBK")
    facs = d.facilities.drop(columns=["geometry", "_site"])
    text = facs.to_csv(index=False, lineterminator="\r\n", float_format="%.6f")
    (out / "facilities.csv").write_bytes(text.encode("gbk"))
    (out / "gaps.json").write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (out / "README.md").write_text(_readme(d, report, roads), encoding="utf-8")


def _id_list(ids: list[str]) -> str:
    return ", ".join(ids) if ids else "(none)"


def _readme(d: District, report: dict, roads: gpd.GeoDataFrame) -> str:
    c, b, f = d.compounds, d.buildings, d.facilities
    walkups = int(((b["层数"] >= 4) & (b["电梯"] == "无")).sum())
    pre2000 = int((c["建成年代"] < 2000).sum())
    labels = _components(d.streets)
    sizes = Counter(labels.tolist())
    main = sizes.most_common(1)[0][0]
    ends = Counter(k for e in _endpoint_keys(d.streets) for k in e)
    culs = sorted({s.name for s, lab in zip(d.streets, labels) if lab == main
                   and any(ends[k] == 1 for k in (s.geom.coords[0], s.geom.coords[-1]))})
    bridges = sorted({s.name for s in d.streets if s.geom.intersects(d.river)})
    paths = sorted({s.name for s, lab in zip(d.streets, labels) if s.cls == FOOT and lab == main})
    length = roads.assign(len=[s.geom.length for s in d.streets]).groupby(ROAD_FIELDS[1])["len"].sum()
    cats = f["类型"].value_counts()
    p = report["planted"]
    trap = p["river_trap"]
    lines = [
        "# 明湖区 demo district (fictional)",
        "",
        "Generated by `data/generate_demo.py` (seed " + str(SEED) + ", no network); do not edit by hand —",
        "rerun the generator. Every name, number and shape here is invented.",
        "",
        "In the app: `gis.demo.load_demo_project()` opens all six layers with roles and field",
        "mappings set; `gis.demo.demo_paths()` gives the file paths (including `gaps.json`).",
        "",
        "## Files",
        "",
        "| file | what | encoding |",
        "| --- | --- | --- |",
        f"| `compounds.shp` | {len(c)} residential compounds (小区) | GBK, **no .cpg**, DBF language driver byte 0x4D (CP936) |",
        f"| `buildings.shp` | {len(b)} residential buildings | GBK, `.cpg` = `GBK` |",
        f"| `roads.shp` | {len(d.streets)} street centreline pieces, noded at every crossing | UTF-8, `.cpg` = `UTF-8` |",
        "| `river.shp` | the river 玉带河 (one polygon, 40 m wide) | UTF-8, `.cpg` = `UTF-8` |",
        f"| `entrances.shp` | {len(d.entrances)} compound gates on compound boundaries | GBK, `.cpg` = `GBK` |",
        f"| `facilities.csv` | {len(f)} facilities and shops (points as lon/lat) | GBK, CRLF, no BOM (Excel on Chinese Windows) |",
        "| `gaps.json` | the planted gaps and every compound's coverage, machine-readable | UTF-8 |",
        "",
        f"All shapefiles are in **EPSG:{EPSG}** (CGCS2000 / 3-degree Gauss-Krüger zone 39, eastings with",
        "the zone prefix, e.g. 39 501 234 m), `.prj` in ESRI WKT. `facilities.csv` holds CGCS2000",
        "geographic coordinates (EPSG:4490) in 经度/纬度 with 6 decimals.",
        "",
        "Fields:",
        "",
        "- compounds: 小区编号 (MH001…), 小区名称, 街道, 建成年代 (year), 楼栋数, 户数 (sum of its buildings),",
        "  常住人口, 老年人口 (60+), 儿童人口 (0–6), 占地面积 (m²).",
        "- buildings: 楼栋编号 (MH001-01…), 小区编号, 层数, 电梯 (有/无), 建成年代, 户数, 用途 (住宅).",
        "- roads: 名称, 等级 (主干路/次干路/支路/步行道), 宽度 (m). DBF field names are at most 10 bytes;",
        "  in UTF-8 that is 3 Chinese characters, so the fields are 名称/等级/宽度 rather than 道路名称/道路等级.",
        "- river: 名称. entrances: 小区编号, 名称 (e.g. 和平里北门).",
        "- facilities.csv: 设施编号, 名称, 类型 (Chinese category), 地址, 经度, 纬度.",
        "",
        "## Counts",
        "",
        f"- Compounds: {len(c)} ({pre2000} = {pre2000 / len(c):.0%} built before 2000), "
        f"{int(c['户数'].sum()):,} households, {int(c['常住人口'].sum()):,} residents, "
        f"{int(c['老年人口'].sum()):,} aged 60+, {int(c['儿童人口'].sum()):,} aged 0–6.",
        f"- Buildings: {len(b)}; {walkups} have 4+ floors and no elevator (加装电梯 candidates); "
        f"floors {int(b['层数'].min())}–{int(b['层数'].max())}.",
        "- Roads: " + ", ".join(f"{k} {v / 1000:.1f} km" for k, v in length.items()) + ".",
        f"  {len(sizes)} connected pieces: the main walking network ({sizes[main]} lines) plus "
        f"{len(sizes) - 1} planted small ones (明湖公园步道, a footpath loop with a path across it in the "
        "park, and 厂区道路, a T of roads inside a closed factory yard).",
        f"  Cul-de-sacs (dead ends): {', '.join(culs)}. Footpaths through blocks: {', '.join(paths)}. "
        f"An old diagonal street, {OLD_STREET}, cuts the north-west grid.",
        f"  The river {RIVER_NAME} (40 m wide, with 滨河北路/滨河南路 along its banks) is crossed only by "
        f"{len(bridges)} bridges: {', '.join(bridges)}.",
        "- Facilities by 类型: " + ", ".join(f"{k} {v}" for k, v in cats.items()) + ".",
        "  便利店, 快递站, 药店, 口腔诊所, 社区服务中心 and 菜市场 are NOT care facilities (a dental",
        "  口腔诊所 is not a 社区卫生服务站; a 社区(党群)服务中心 is not a 社区卫生服务中心).",
        "",
        "## Planted gaps",
        "",
        "Computed by the generator on the written data. Distances: *boundary* = straight line from the",
        "nearest point of the compound polygon, *centroid* = from its centroid, *network* = walking on",
        "roads.shp from the nearest gate. All clinic-type facilities (站 and 中心) count as clinics.",
        "",
        f"- **North-east, no clinic within 300 m** (any measure): {_id_list(p['clinic_north_east']['compounds'])}.",
        f"- **South-west, no elderly canteen within 300 m**: {_id_list(p['elderly_canteen_south_west']['compounds'])}.",
        f"- **South-east, no kindergarten within 300 m**: {_id_list(p['kindergarten_south_east']['compounds'])}.",
        f"- **One 养老院 only**: {len(p['nursing_home_beyond_1000m']['compounds'])} compounds are more than "
        "1000 m (boundary) from it: " + _id_list(p["nursing_home_beyond_1000m"]["compounds"]) + ".",
        f"- **River trap**: clinic {trap['facility']} ({trap['facility_name']}) stands on the north bank. "
        "These south-bank compounds are within 300 m of it in a straight line (so a buffer analysis "
        "finds them served) but more than 300 m away on foot, because the nearest bridge is far:",
    ]
    lines += [f"  - {r['id']}: straight {r['straight_centroid_m']:.0f} m from the centroid "
              f"({r['straight_boundary_m']:.0f} m from the boundary), walking {r['network_m']:.0f} m"
              for r in trap["compounds"]]
    lines += ["", "These lists count every clinic, 站 and 中心 alike, at 300 m. The app's standards preset",
              "gives a 社区卫生服务中心 the 15-minute radius (1000 m), so its gap analysis counts a compound",
              "within 1000 m of a 中心 as served: in the network measure that takes a river-trap compound",
              "off the clinic list when a 中心 is within 1000 m on foot."]
    lines += ["", "Compounds without a facility within the radius, per type and measure "
              "(full lists in `gaps.json` → `uncovered`). Care sites were placed to serve every",
              "compound in the *boundary* measure except the planted gaps (day care, nurseries and play",
              "areas only partly); a 300 m walk from a gate is much shorter, so the network measure",
              "finds many more unserved compounds, as it does in real old towns.", "",
              "| type | radius | boundary | centroid | network |", "| --- | --- | --- | --- | --- |"]
    for key in TYPE_ORDER:
        u = report["uncovered"][key]
        lines.append(f"| {key} | {RADIUS[key]} m | {len(u['boundary'])} | {len(u['centroid'])} | "
                     f"{len(u['network'])} |")
    dig = report["digitising"]
    lines += ["", "## Other things real data has, planted here", "",
              "- Compounds overlapping a neighbour by 1–3 m: " +
              ", ".join(f"{a}/{b} ({w} m)" for a, b, w in dig["overlapping_pairs"]) + ".",
              "- Duplicate compound names (one compound digitised as two polygons): " +
              ", ".join(f"{a}/{b}" for a, b in dig["duplicate_names"]) + ".",
              "- Within a block some compounds share an edge and some are separated by a 5–10 m lane;",
              "  most neighbours are across a street. Boundaries carry small digitising jitter.",
              ""]
    return "\n".join(lines)


# ---------------------------------------------------------------------------
def build(seed: int = SEED) -> tuple[District, dict]:
    """Build the district in local metres and measure its gaps."""
    rng = np.random.default_rng(seed)
    warp = Warp(rng)
    pieces, centre, district, faces = _network(rng, warp)
    north = Polygon(list(centre.coords) + [(WIDTH + 250, 1e5), (-250, 1e5)])
    blocks = _blocks(pieces, faces, centre.buffer(GREEN_HALF, cap_style="flat"))
    park, campus, residential = _classify_blocks(rng, warp, blocks, centre, north)
    rows = _order_compounds(_build_compounds(rng, residential, math.degrees(warp.angle)))
    comps, blds, gates, meta = _compound_tables(rng, rows, pieces, north)
    pieces = _merge_pseudo_nodes(pieces) + _park_paths(park) + _campus_roads(campus)
    labels = _components(pieces)
    main = Counter(labels.tolist()).most_common(1)[0][0]
    walk = Walk([s.geom for s, lab in zip(pieces, labels) if lab == main])
    cands = _candidates(comps, gates)
    comp_names = dict(zip(comps["小区编号"], comps["小区名称"]))
    sites, trap_site = _place_facilities(rng, warp, comps, cands, centre, north, park, comp_names)
    facs = _facility_table(sites, cands, pieces, shapely.STRtree([s.geom for s in pieces]))
    river = centre.buffer(RIVER_HALF, cap_style="flat").intersection(district.buffer(150))
    report = _gap_report(comps, gates, facs, walk, river, warp, trap_site, meta)
    return District(pieces, river, comps, blds, gates, facs), report


def _park_paths(park: Polygon) -> list[Street]:
    """A footpath loop inside the park, not connected to the streets."""
    ring = park.buffer(-25.0).exterior.simplify(2.0)
    halves = _ring_pieces(ring, 2)
    across = LineString([halves[0].coords[0], halves[0].coords[-1]])
    return [Street("明湖公园步道", FOOT, 4.0, g) for g in (*halves, across)]


def _campus_roads(campus: Polygon) -> list[Street]:
    """A T of internal roads inside a closed factory yard, not connected to the streets."""
    u, lu, lv, _ = _axes(campus)
    v = np.array([-u[1], u[0]])
    c = np.array(campus.representative_point().coords[0])
    a, b, e = c - u * min(50.0, lu / 3), c + u * min(50.0, lu / 3), c + v * min(40.0, lv / 3)
    return [Street("厂区道路", FOOT, 6.0, LineString(p)) for p in ((a, c), (c, b), (c, e))]


def generate(out: Path = OUT, *, seed: int = SEED) -> dict:
    """Build the district and write every file into *out*; returns the gap report."""
    d, report = build(seed)
    _write_all(Path(out), d, report)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="output folder (default: data/demo)")
    args = parser.parse_args(argv)
    report = generate(args.out)
    p = report["planted"]
    print(f"wrote {args.out}: planted NE clinic gap {len(p['clinic_north_east']['compounds'])}, "
          f"river trap {len(p['river_trap']['compounds'])} compounds")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
