"""GCJ-02 and BD-09: the offset coordinates of Chinese web maps, to and from WGS 84.

AMap (高德), Tencent and Google China publish GCJ-02 lon/lat; Baidu publishes BD-09,
which is GCJ-02 with a further rotation and offset. Both are a few hundred metres away
from WGS 84 / CGCS2000. The forward formulas (WGS 84 → GCJ-02 → BD-09) are the widely
published ones; the inverses are found by fixed-point iteration on the forward formula,
so a round trip closes to well under a millimetre. Points outside China are not shifted,
as the forward formula does not shift them.

>>> lon, lat = wgs84_to_gcj02(116.397, 39.908)
>>> back = gcj02_to_wgs84(lon, lat)
>>> bool(abs(back[0] - 116.397) < 1e-8 and abs(back[1] - 39.908) < 1e-8)
True
"""

from __future__ import annotations

from typing import Callable

import numpy as np
import shapely

_A = 6378245.0  # Krasovsky 1940 semi-major axis used by the GCJ-02 formula
_EE = 0.00669342162296594323  # its first eccentricity squared
_X_PI = np.pi * 3000.0 / 180.0

DATUMS = ("gcj02", "bd09")

Pair = tuple[np.ndarray, np.ndarray]


def _outside_china(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    return (lon < 72.004) | (lon > 137.8347) | (lat < 0.8293) | (lat > 55.8271)


def _delta_lat(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * np.sqrt(np.abs(x))
    ret += (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
    ret += (20.0 * np.sin(y * np.pi) + 40.0 * np.sin(y / 3.0 * np.pi)) * 2.0 / 3.0
    ret += (160.0 * np.sin(y / 12.0 * np.pi) + 320.0 * np.sin(y * np.pi / 30.0)) * 2.0 / 3.0
    return ret


def _delta_lon(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * np.sqrt(np.abs(x))
    ret += (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
    ret += (20.0 * np.sin(x * np.pi) + 40.0 * np.sin(x / 3.0 * np.pi)) * 2.0 / 3.0
    ret += (150.0 * np.sin(x / 12.0 * np.pi) + 300.0 * np.sin(x / 30.0 * np.pi)) * 2.0 / 3.0
    return ret


def wgs84_to_gcj02(lon, lat) -> Pair:
    """WGS 84 lon/lat (scalars or arrays, degrees) to GCJ-02 (the published formula)."""
    lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    dlat = _delta_lat(lon - 105.0, lat - 35.0)
    dlon = _delta_lon(lon - 105.0, lat - 35.0)
    rad = lat / 180.0 * np.pi
    magic = 1.0 - _EE * np.sin(rad) ** 2
    sqrt_magic = np.sqrt(magic)
    dlat = dlat * 180.0 / ((_A * (1.0 - _EE)) / (magic * sqrt_magic) * np.pi)
    dlon = dlon * 180.0 / (_A / sqrt_magic * np.cos(rad) * np.pi)
    outside = _outside_china(lon, lat)
    return np.where(outside, lon, lon + dlon), np.where(outside, lat, lat + dlat)


def gcj02_to_bd09(lon, lat) -> Pair:
    """GCJ-02 lon/lat to BD-09 (Baidu's published formula)."""
    x, y = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    z = np.sqrt(x * x + y * y) + 0.00002 * np.sin(y * _X_PI)
    theta = np.arctan2(y, x) + 0.000003 * np.cos(x * _X_PI)
    return z * np.cos(theta) + 0.0065, z * np.sin(theta) + 0.006


def _invert(forward: Callable[[np.ndarray, np.ndarray], Pair], lon, lat,
            *, tolerance: float = 1e-10, max_iter: int = 30) -> Pair:
    """Solve ``forward(x) = target`` by fixed-point iteration ``x -= forward(x) - target``."""
    tx, ty = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    x, y = tx.copy(), ty.copy()
    for _ in range(max_iter):
        fx, fy = forward(x, y)
        dx, dy = fx - tx, fy - ty
        x, y = x - dx, y - dy
        if np.nanmax(np.abs(np.concatenate([np.ravel(dx), np.ravel(dy)])), initial=0.0) < tolerance:
            break
    return x, y


def gcj02_to_wgs84(lon, lat) -> Pair:
    """GCJ-02 lon/lat to WGS 84 (iterative inverse of :func:`wgs84_to_gcj02`)."""
    return _invert(wgs84_to_gcj02, lon, lat)


def bd09_to_gcj02(lon, lat) -> Pair:
    """BD-09 lon/lat to GCJ-02 (iterative inverse of :func:`gcj02_to_bd09`)."""
    return _invert(gcj02_to_bd09, lon, lat)


def wgs84_to_bd09(lon, lat) -> Pair:
    """WGS 84 lon/lat to BD-09."""
    return gcj02_to_bd09(*wgs84_to_gcj02(lon, lat))


def bd09_to_wgs84(lon, lat) -> Pair:
    """BD-09 lon/lat to WGS 84."""
    return gcj02_to_wgs84(*bd09_to_gcj02(lon, lat))


_TO_WGS84 = {"gcj02": gcj02_to_wgs84, "bd09": bd09_to_wgs84}


def _coords_fn(fn: Callable[[np.ndarray, np.ndarray], Pair]) -> Callable[[np.ndarray], np.ndarray]:
    def apply(coords: np.ndarray) -> np.ndarray:
        x, y = fn(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    return apply


def geometries_to_wgs84(geometries, datum: str) -> np.ndarray:
    """Shift shapely *geometries* (lon/lat in *datum*: 'gcj02' or 'bd09') to WGS 84.

    Works on all vertices at once (``shapely.transform``); Z values are dropped.
    """
    if datum not in _TO_WGS84:
        raise ValueError(f"unknown datum {datum!r}; expected one of {DATUMS}")
    return shapely.transform(np.asarray(geometries, dtype=object), _coords_fn(_TO_WGS84[datum]))
