"""Facilities placed so the planted gaps exist."""

from __future__ import annotations

from dataclasses import dataclass, replace

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import Transformer
from shapely import Point

from demogen.constants import (CATEGORY_TYPE, CLINIC_CENTRES_AT, EPSG, NE_CLINIC_GAP, NURSING_HOME_AT, ORIGIN,
                               RIVER_TRAP_X, SE_KINDERGARTEN_GAP, SW_CANTEEN_GAP)
from demogen.district import _nearest_road_name


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
