"""A synthetic walled-compound city for benchmarks (no real data in the repo).

Blocks on a street grid; every block holds a few compounds separated by walls or
alleys a few metres wide. Streets are 12-20 m wide (within a 30 m gap) except every
``arterial_every``-th street, a 26 m arterial (still within the gap) whose centreline
is a barrier.
Compound outlines are rectangles with jittered, densified edges (~40 vertices, like
real AOI data). Households ~ 12-30 per 1,000 m², build years 1975-2015.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely

CRS = "EPSG:4547"  # CGCS2000 / 3-degree GK CM 114E
ORIGIN = (500_000.0, 2_500_000.0)


def _compound(x0, y0, w, h, rng, vertices_per_side=10):
    t = np.linspace(0.0, 1.0, vertices_per_side, endpoint=False)
    xs = np.concatenate([x0 + w * t, np.full_like(t, x0 + w), x0 + w * (1 - t), np.full_like(t, x0)])
    ys = np.concatenate([np.full_like(t, y0), y0 + h * t, np.full_like(t, y0 + h), y0 + h * (1 - t)])
    jitter = rng.uniform(-1.5, 1.5, size=(2, xs.size))
    return np.column_stack([xs + jitter[0], ys + jitter[1]])


def _street_offsets(count, size, rng, arterial_every):
    widths = rng.uniform(12.0, 20.0, count)
    widths[arterial_every - 1::arterial_every] = 26.0
    return np.concatenate([[0.0], np.cumsum(size + widths)[:-1]]), widths


def city(n_compounds: int = 50_000, *, seed: int = 7, per_block: tuple[int, int] = (3, 2),
         block: tuple[float, float] = (240.0, 160.0), arterial_every: int = 5):
    """(compounds, barriers) GeoDataFrames in :data:`CRS` with about *n_compounds* compounds."""
    rng = np.random.default_rng(seed)
    per = per_block[0] * per_block[1]
    n_blocks = int(np.ceil(n_compounds / per))
    nx = int(np.ceil(np.sqrt(n_blocks * block[1] / block[0])))
    ny = int(np.ceil(n_blocks / nx))
    xoff, xw = _street_offsets(nx, block[0], rng, arterial_every)
    yoff, yw = _street_offsets(ny, block[1], rng, arterial_every)
    rings, rows = [], []
    cw, ch = block[0] / per_block[0], block[1] / per_block[1]
    for bx in range(nx):
        for by in range(ny):
            for i in range(per_block[0]):
                for j in range(per_block[1]):
                    if len(rings) >= n_compounds:
                        break
                    wall = rng.uniform(0.0, 8.0)
                    x0 = ORIGIN[0] + xoff[bx] + i * cw
                    y0 = ORIGIN[1] + yoff[by] + j * ch
                    rings.append(_compound(x0, y0, cw - wall, ch - wall, rng))
    geoms = shapely.polygons(rings)
    area = shapely.area(geoms)
    households = np.round(area / 1000.0 * rng.uniform(12, 30, len(geoms))).astype(np.int64)
    compounds = gpd.GeoDataFrame({
        "小区编号": np.arange(1, len(geoms) + 1, dtype=np.int64),
        "户数": households,
        "建成年代": rng.integers(1975, 2016, len(geoms)),
    }, geometry=geoms, crs=CRS)
    return compounds, _barriers(xoff, xw, yoff, yw, block, arterial_every, rng)


def _barriers(xoff, xw, yoff, yw, block, every, rng):
    """Arterial centrelines, split into ~1 km ways like OSM; 1 way in 12 is missing (a gap)."""
    x_end = ORIGIN[0] + xoff[-1] + block[0]
    y_end = ORIGIN[1] + yoff[-1] + block[1]
    lines = []
    for k in range(every - 1, len(xoff) - 1, every):
        x = ORIGIN[0] + xoff[k] + block[0] + xw[k] / 2
        lines += _ways([(x, y) for y in np.arange(ORIGIN[1], y_end, 1000.0)] + [(x, y_end)], rng)
    for k in range(every - 1, len(yoff) - 1, every):
        y = ORIGIN[1] + yoff[k] + block[1] + yw[k] / 2
        lines += _ways([(x, y) for x in np.arange(ORIGIN[0], x_end, 1000.0)] + [(x_end, y)], rng)
    return gpd.GeoDataFrame({"name": ["arterial"] * len(lines)}, geometry=lines, crs=CRS)


def _ways(points, rng):
    return [shapely.LineString(points[i:i + 2]) for i in range(len(points) - 1)
            if rng.random() >= 1 / 12]
