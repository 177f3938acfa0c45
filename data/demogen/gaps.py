"""Measuring the planted gaps on the written data."""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely
from shapely import LineString, Point, Polygon

from demogen.constants import (CATEGORY_TYPE, EPSG, NE_CLINIC_GAP, RADIUS, SE_KINDERGARTEN_GAP,
                               SW_CANTEEN_GAP, TYPE_ORDER)
from demogen.walk import Walk


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
