"""The district: compounds, their tables, names, gates and populations."""

from __future__ import annotations

import math
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import shapely
from shapely import LineString, Point, Polygon

from demogen.blocks import _add_overlaps, _roughen, _split_block
from demogen.buildings import _buildings_for
from demogen.constants import (ART, BRANCH, ERA_CORE, ERA_EDGE, ERA_YEARS, EW_ARTERIALS, FOOT, GREEN_HALF,
                               GRID, HEIGHT, INTERIOR_BRIDGE_X, MID_NAMES, MINOR_NAMES, NEW_NAMES,
                               NE_CLINIC_GAP, NS_ARTERIALS, NURSING_HOME_AT, OLD_CORE, OLD_NAMES, PARK_AT_X,
                               RIVER_TRAP_X, SEC, SE_KINDERGARTEN_GAP, SUBDISTRICTS, SW_CANTEEN_GAP, WIDTH)
from demogen.streets import (Street, Warp, _axis, _bank_roads, _clean, _collapse_short, _faces, _grid_streets,
                             _node, _ring_polygon, _river_centreline, _stubs)


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
