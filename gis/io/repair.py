"""Geometry clean-up on import; every change is counted so the user sees it.

* null or empty geometries and those with non-finite coordinates are dropped;
* Z and M values are dropped (the planner works in 2-D);
* features of another geometry family than the layer's (a point in a polygon layer) are
  dropped; geometry collections keep their parts of the layer's family;
* invalid polygons are repaired with ``make_valid`` (``structure`` method) keeping the
  polygonal parts; polygons that collapse to nothing are dropped;
* features whose geometry equals an earlier one are flagged (kept): ``duplicate_of`` holds
  the row of the first copy, -1 elsewhere.

Polygons implausibly large beside the others (:func:`oversized`: a flipped bit in one
coordinate makes a compound of 187 km² among ones of 18,000 m²) are kept and listed in a
notice (:func:`oversized_notices`); the zone suggestion leaves them out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from gis.feedback import Feedback, ensure
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.notices import Notice, notice, short_list

OVERSIZE_FACTOR = 100.0  # × the median polygon area ...
OVERSIZE_MIN_M2 = 1_000_000.0  # ... and over 1 km²: implausible for one compound
_M_PER_DEGREE = 111_320.0
FAMILIES = ("polygon", "line", "point")
_FAMILY_OF = {"Polygon": "polygon", "MultiPolygon": "polygon", "LineString": "line",
              "MultiLineString": "line", "LinearRing": "line", "Point": "point",
              "MultiPoint": "point"}
_TYPE_IDS = {"point": (0, 4), "line": (1, 2, 5), "polygon": (3, 6)}  # shapely.get_type_id
BLOCK = 5_000  # polygons per step of the validity test, sized for memory reuse, not for the GIL
# (gis.feedback.SLICE): a block's temporaries (~3 MB each) are freed and reused (see certainly_valid)
REPAIR_KEYS = ("invalid_fixed", "invalid_dropped", "empty_dropped", "z_dropped", "m_dropped",
               "other_type_dropped", "duplicates")


@dataclass
class RepairResult:
    """The repaired layer, what was done, and the duplicate flags (row → first copy or -1)."""

    data: gpd.GeoDataFrame
    family: str
    counts: dict[str, int] = field(default_factory=dict)
    notices: list[Notice] = field(default_factory=list)
    duplicate_of: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))


def family_counts(geoms: np.ndarray) -> dict[str, int]:
    """Number of geometries per family (collections count by their first part)."""
    types = shapely.get_type_id(geoms)
    out = {fam: int(np.isin(types, ids).sum()) for fam, ids in _TYPE_IDS.items()}
    collections = geoms[types == 7]
    for g in collections:
        parts = shapely.get_parts(g)
        if len(parts):
            fam = _FAMILY_OF.get(parts[0].geom_type)
            if fam:
                out[fam] += 1
    return out


def dominant_family(geoms: np.ndarray, prefer: str | None = None) -> str:
    """The layer's family: *prefer* when it has any features, else the most common."""
    counts = family_counts(geoms)
    if prefer in counts and counts[prefer] > 0:
        return prefer
    return max(FAMILIES, key=lambda f: counts[f]) if any(counts.values()) else "polygon"


def repair(gdf: gpd.GeoDataFrame, *, family: str | None = None, prefer: str | None = None,
           feedback: Feedback | None = None) -> RepairResult:
    """Clean *gdf*'s geometries (see module text). *family* forces the kept family."""
    fb = ensure(feedback)
    counts = dict.fromkeys(REPAIR_KEYS, 0)
    notes: list[Notice] = []
    gdf = _drop(gdf, _empty_mask(gdf.geometry.values), counts, "empty_dropped")
    fb.check()
    gdf = _flatten(gdf, counts)
    geoms = np.asarray(gdf.geometry.values, dtype=object)
    fam = family or dominant_family(geoms, prefer)
    gdf = _keep_family(gdf, fam, counts, notes)
    fb.check()
    fb.progress(0.3, "")
    gdf = _fix_invalid(gdf, fam, counts)
    fb.check()
    fb.progress(0.7, "")
    gdf = gdf.reset_index(drop=True)
    dup = duplicate_rows(np.asarray(gdf.geometry.values, dtype=object))
    counts["duplicates"] = int((dup >= 0).sum())
    fb.progress(1.0, "")
    notes[:0] = _count_notices(counts)
    return RepairResult(gdf, fam, counts, notes, dup)


def _empty_mask(geoms) -> np.ndarray:
    arr = np.asarray(geoms, dtype=object)
    bad = shapely.is_missing(arr) | shapely.is_empty(arr)
    ok = ~bad
    if ok.any():
        coords_ok = np.ones(len(arr), dtype=bool)
        bounds = shapely.bounds(arr[ok])
        coords_ok[ok] = np.isfinite(bounds).all(axis=1)
        bad |= ~coords_ok
    return bad


def _drop(gdf: gpd.GeoDataFrame, mask: np.ndarray, counts: dict, key: str) -> gpd.GeoDataFrame:
    n = int(mask.sum())
    if n:
        counts[key] = counts.get(key, 0) + n
        gdf = gdf.loc[~mask]
    return gdf


def _flatten(gdf: gpd.GeoDataFrame, counts: dict) -> gpd.GeoDataFrame:
    geoms = np.asarray(gdf.geometry.values, dtype=object)
    has_z = shapely.has_z(geoms)
    has_m = shapely.has_m(geoms) if hasattr(shapely, "has_m") else np.zeros(len(geoms), bool)
    counts["z_dropped"] = int(has_z.sum())
    counts["m_dropped"] = int(has_m.sum())
    if has_z.any() or has_m.any():
        gdf = gdf.set_geometry(shapely.force_2d(geoms), crs=gdf.crs)
    return gdf


def _keep_family(gdf: gpd.GeoDataFrame, fam: str, counts: dict, notes: list) -> gpd.GeoDataFrame:
    geoms = np.asarray(gdf.geometry.values, dtype=object)
    types = shapely.get_type_id(geoms)
    collection = types == 7
    if collection.any():
        geoms = geoms.copy()
        geoms[collection] = [_family_parts(g, fam) for g in geoms[collection]]
        gdf = gdf.set_geometry(geoms, crs=gdf.crs)
        types = shapely.get_type_id(geoms)
    other = ~np.isin(types, _TYPE_IDS[fam])
    if other.any():
        found = pd.Series(shapely.get_type_id(geoms[other])).map(
            {0: "Point", 1: "LineString", 2: "LinearRing", 3: "Polygon", 4: "MultiPoint",
             5: "MultiLineString", 6: "MultiPolygon", 7: "GeometryCollection"}).value_counts()
        notes.append(notice(QT_TRANSLATE_NOOP(
            "io", "The layer mixes geometry types; kept the {family} features and dropped "
                  "{dropped}. Split the file by type to import the others."),
            family=fam, dropped=", ".join(f"{n} {t}" for t, n in found.items())))
    return _drop(gdf, other, counts, "other_type_dropped")


def _family_parts(geom, fam: str):
    parts = [p for p in shapely.get_parts(geom) if _FAMILY_OF.get(p.geom_type) == fam]
    if not parts:
        return geom  # left for the family filter to drop
    if len(parts) == 1:
        return parts[0]
    parts = [q for p in parts for q in shapely.get_parts(p)]
    maker = {"polygon": shapely.multipolygons, "line": shapely.multilinestrings,
             "point": shapely.multipoints}[fam]
    return maker(parts)


def _fix_invalid(gdf: gpd.GeoDataFrame, fam: str, counts: dict) -> gpd.GeoDataFrame:
    if fam == "point":  # points with finite coordinates are always valid
        return gdf
    geoms = np.asarray(gdf.geometry.values, dtype=object)
    invalid = np.zeros(len(geoms), dtype=bool)
    unsure = ~certainly_valid(geoms) if fam == "polygon" else np.ones(len(geoms), dtype=bool)
    invalid[unsure] = ~shapely.is_valid(geoms[unsure])
    if not invalid.any():
        return gdf
    nonfinite = np.zeros(len(geoms), dtype=bool)
    coords, index = shapely.get_coordinates(geoms[invalid], return_index=True)
    bad_rows = np.unique(index[~np.isfinite(coords).all(axis=1)])
    nonfinite[np.flatnonzero(invalid)[bad_rows]] = True
    if nonfinite.any():  # NaN / inf vertices: nothing to repair from
        gdf = _drop(gdf, nonfinite, counts, "empty_dropped")
        geoms, invalid = geoms[~nonfinite], invalid[~nonfinite]
    geoms = geoms.copy()
    with np.errstate(all="ignore"):  # huge coordinates (a flipped exponent bit) overflow
        if fam == "polygon":
            fixed = shapely.make_valid(geoms[invalid], method="structure", keep_collapsed=False)
        else:
            fixed = shapely.make_valid(geoms[invalid])
    geoms[invalid] = [_family_parts(g, fam) if shapely.get_type_id(g) == 7 else g for g in fixed]
    gdf = gdf.set_geometry(geoms, crs=gdf.crs)
    types = shapely.get_type_id(geoms)
    gone = invalid & (shapely.is_empty(geoms) | ~np.isin(types, _TYPE_IDS[fam]))
    counts["invalid_fixed"] = int((invalid & ~gone).sum())
    return _drop(gdf, gone, counts, "invalid_dropped")


def certainly_valid(geoms: np.ndarray) -> np.ndarray:
    """Mask of polygons proven valid by a cheap vectorised test (see :func:`_certainly_valid`),
    in blocks of BLOCK polygons: a block's temporaries stay in cache and their memory is reused,
    where one pass over a city's vertices (50,000 compounds, 1.4 million) took 4-8 times longer,
    most of it faulting in fresh pages for each temporary."""
    out = np.zeros(len(geoms), dtype=bool)
    with np.errstate(all="ignore"):  # overflowing products are not finite: left to GEOS
        for k in range(0, len(geoms), BLOCK):
            out[k:k + BLOCK] = _certainly_valid(geoms[k:k + BLOCK])
    return out


def _certainly_valid(geoms: np.ndarray) -> np.ndarray:
    """Mask of polygons proven valid by a cheap vectorised test (GEOS checks the rest).

    A single-ring polygon is valid when, seen from the mean of its vertices, every edge turns
    the same way (cross products of the radius vectors all > 0, or all < 0) and the ring
    crosses the ray towards +x exactly once: the vertices then sweep one full turn strictly
    monotonically, so each edge lies in its own angular sector and no two edges can meet
    except at shared vertices. Most compound and building outlines pass; rings with holes,
    multipolygons and rings that are not star-shaped around their vertex mean are left to
    ``shapely.is_valid``. The differences x - cx are exact (Sterbenz), so the 1e-12 relative
    margin on the cross products is far above rounding.
    """
    out = np.zeros(len(geoms), dtype=bool)
    cand = np.flatnonzero((shapely.get_type_id(geoms) == 3) &
                          (shapely.get_num_interior_rings(geoms) == 0))
    if cand.size == 0:
        return out
    coords = shapely.get_coordinates(geoms[cand])
    counts = shapely.get_num_coordinates(geoms[cand])
    ends = np.cumsum(counts)
    n = counts - 1  # distinct vertices: the last repeats the first
    x, y = coords[:, 0], coords[:, 1]
    starts = ends - counts
    cx = (np.add.reduceat(x, starts) - x[ends - 1]) / np.maximum(n, 1)
    cy = (np.add.reduceat(y, starts) - y[ends - 1]) / np.maximum(n, 1)
    ring = np.repeat(np.arange(cand.size), counts)
    dx, dy = x - cx[ring], y - cy[ring]
    inside = np.ones(len(x) - 1, dtype=bool)  # step i: vertex i → i + 1 of the same ring
    inside[ends[:-1] - 1] = False
    cross = dx[:-1] * dy[1:] - dy[:-1] * dx[1:]
    margin = 1e-12 * (np.abs(dx[:-1]) + np.abs(dy[:-1])) * (np.abs(dx[1:]) + np.abs(dy[1:]))
    sweep = (dy[:-1] < 0) != (dy[1:] < 0)  # the step crosses the x axis through the centre
    t = np.divide(-dy[:-1], dy[1:] - dy[:-1], out=np.zeros_like(cross), where=sweep)
    hit = sweep & (dx[:-1] + t * (dx[1:] - dx[:-1]) > 0) & inside

    def per_ring(mask, where=ring[:-1]):
        return np.bincount(where, weights=mask, minlength=cand.size)

    ccw, cw = per_ring(inside & (cross > margin)), per_ring(inside & (cross < -margin))
    finite = np.bincount(ring, weights=~(np.isfinite(x) & np.isfinite(y)), minlength=cand.size) == 0
    ok = (n >= 3) & finite & ((ccw == n) | (cw == n)) & (per_ring(hit) == 1)
    out[cand[ok]] = True
    return out


def duplicate_rows(geoms: np.ndarray) -> np.ndarray:
    """For each geometry, the row of the first identical one before it, else -1.

    Identical means equal after normalising (same vertices, ring start and orientation
    do not matter).
    """
    n = len(geoms)
    out = np.full(n, -1, dtype=np.int64)
    if n == 0:
        return out
    # only geometries sharing their bounding box can be equal: compare those in full
    bounds = pd.DataFrame(shapely.bounds(geoms))
    maybe = np.flatnonzero(bounds.duplicated(keep=False).to_numpy())
    if maybe.size == 0:
        return out
    codes, uniques = pd.factorize(shapely.to_wkb(shapely.normalize(geoms[maybe])))
    first = np.empty(len(uniques), dtype=np.int64)
    first[codes[::-1]] = maybe[::-1]  # the last write per code is its first row
    dup = first[codes] != maybe
    out[maybe[dup]] = first[codes][dup]
    return out


def _count_notices(counts: dict[str, int]) -> list[Notice]:
    texts = {
        "invalid_fixed": QT_TRANSLATE_NOOP("io", "{n} invalid geometries (self-intersections, "
                                           "bad rings) were repaired."),
        "invalid_dropped": QT_TRANSLATE_NOOP("io", "{n} geometries collapsed to nothing when "
                                             "repaired and were dropped."),
        "empty_dropped": QT_TRANSLATE_NOOP("io", "{n} features without a usable geometry (empty, "
                                          "or with missing coordinates) were dropped."),
        "z_dropped": QT_TRANSLATE_NOOP("io", "Z values of {n} features were dropped."),
        "m_dropped": QT_TRANSLATE_NOOP("io", "M values of {n} features were dropped."),
        "duplicates": QT_TRANSLATE_NOOP("io", "{n} features repeat the geometry of an earlier "
                                        "feature; they are kept and flagged."),
    }
    return [notice(texts[k], n=counts[k]) for k in texts if counts.get(k)]


def oversized(area_m2: np.ndarray) -> np.ndarray:
    """Mask of areas over OVERSIZE_FACTOR × the median and over OVERSIZE_MIN_M2.

    >>> oversized(np.array([1e4, 2e4, 1.5e4, 1.9e8])).tolist()
    [False, False, False, True]
    """
    area = np.asarray(area_m2, dtype=float)
    ok = np.isfinite(area) & (area > 0)
    if ok.sum() < 3:
        return np.zeros(len(area), dtype=bool)
    median = float(np.median(area[ok]))
    return ok & (area > OVERSIZE_FACTOR * median) & (area > OVERSIZE_MIN_M2)


def areas_m2(data: gpd.GeoDataFrame) -> np.ndarray | None:
    """Polygon areas in m² (from degrees by the local scale), None without a CRS."""
    geoms = np.asarray(data.geometry.values, dtype=object)
    if data.crs is None:
        return None
    area = shapely.area(geoms)
    if data.crs.is_geographic:
        lat = shapely.get_coordinates(shapely.centroid(geoms))[:, 1] if len(geoms) else np.empty(0)
        area = area * _M_PER_DEGREE ** 2 * np.cos(np.radians(lat))
    return area


def oversized_notices(data: gpd.GeoDataFrame, family: str) -> list[Notice]:
    """A notice listing the implausibly large polygons of *data* (none for other layers)."""
    area = areas_m2(data) if family == "polygon" else None
    if area is None:
        return []
    rows = np.flatnonzero(oversized(area))
    if rows.size == 0:
        return []
    return [notice(QT_TRANSLATE_NOOP(
        "io", "{n} features are implausibly large (over {factor}× the median of {median} m² and "
              "over 1 km²): rows {rows}. A damaged file? They are kept, but zone suggestions leave them "
              "out; check them on the map."),
        n=int(rows.size), factor=f"{OVERSIZE_FACTOR:g}", median=f"{np.median(area[area > 0]):,.0f}",
        rows=short_list(f"{r + 1} ({area[r] / 1e6:,.1f} km²)" for r in rows))]
