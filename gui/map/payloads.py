"""Checks for what the map page sends to Python: typed, finite, in range and small.

The page is trusted to be ours, but the bridge must not be the way in if it ever is not:
each check returns a clean value or raises :class:`BadCall`, which the bridge logs and drops.
"""

from __future__ import annotations

import json
import math

MAX_TEXT = 200  # a layer id or overlay name
MAX_JSON = 64 * 1024  # a view, a draw report, an overlay's properties
MAX_RING_JSON = 2 * 1024 * 1024  # a lasso: about 50,000 points as JSON text
MAX_RING_POINTS = 20_000  # longer lassos are thinned to this many points
MAX_FID = 2**31 - 1


class BadCall(ValueError):
    """A call from the page that does not fit the bridge's contract."""


def _reject_constant(name: str):
    raise BadCall(f"{name} is not JSON")


def parse_json(payload, max_chars: int = MAX_JSON):
    """*payload* (a JSON string of at most *max_chars*) decoded; NaN/Infinity and deep nesting refused."""
    if not isinstance(payload, str):
        raise BadCall(f"expected JSON text, got {type(payload).__name__}")
    if len(payload) > max_chars:
        raise BadCall(f"JSON text of {len(payload)} characters (at most {max_chars})")
    try:
        return json.loads(payload, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as err:
        raise BadCall(f"invalid JSON: {str(err)[:80]}") from None


def text(value, max_chars: int = MAX_TEXT) -> str:
    if not isinstance(value, str) or not value or len(value) > max_chars:
        raise BadCall(f"expected a text of 1 to {max_chars} characters")
    return value


def flag(value) -> bool:
    if not isinstance(value, bool):
        raise BadCall(f"expected true or false, got {type(value).__name__}")
    return value


def number(value, low: float, high: float) -> float:
    """A finite number in [low, high] (JSON numbers only: no bools, no strings)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
            or not low <= value <= high:
        raise BadCall(f"expected a number in [{low}, {high}]")
    return float(value)


def count(value, high: int = MAX_FID) -> int:
    """A whole number in [0, high] (``5`` or ``5.0``, as JavaScript sends it)."""
    got = number(value, 0, high)
    if not got.is_integer():
        raise BadCall("expected a whole number")
    return int(got)


def lon_lat(value) -> tuple[float, float]:
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        raise BadCall("expected [lon, lat]")
    return number(value[0], -180.0, 180.0), number(value[1], -90.0, 90.0)


def ring(payload) -> list[list[float]]:
    """A lasso or box: 3 to :data:`MAX_RING_POINTS` [lon, lat] pairs (longer rings are thinned evenly)."""
    points = parse_json(payload, MAX_RING_JSON)
    if not isinstance(points, list) or len(points) < 3:
        raise BadCall("expected a list of at least 3 [lon, lat] points")
    if len(points) > MAX_RING_POINTS:
        step = len(points) / MAX_RING_POINTS
        points = [points[int(k * step)] for k in range(MAX_RING_POINTS)]
    return [list(lon_lat(p)) for p in points]


def view(payload) -> dict:
    """The page's view: ``{center: [lon, lat], zoom, mpp}`` and nothing else."""
    got = parse_json(payload)
    if not isinstance(got, dict):
        raise BadCall("expected a JSON object")
    try:
        return {"center": list(lon_lat(got["center"])), "zoom": number(got["zoom"], 0.0, 30.0),
                "mpp": number(got["mpp"], 1e-6, 1e6)}
    except KeyError as err:
        raise BadCall(f"missing key {err}") from None


def drawn(payload) -> dict:
    """The page's draw report: ``{layers, overlays, loading}`` counts (loading: raster layers) and
    ``size``, the map's [width, height] in CSS px when it drew ([] when not sent)."""
    got = parse_json(payload)
    if not isinstance(got, dict):
        raise BadCall("expected a JSON object")
    size = got.get("size", [])
    if not isinstance(size, list) or len(size) not in (0, 2):
        raise BadCall("expected size [width, height]")
    return {"layers": count(got.get("layers", 0)), "overlays": count(got.get("overlays", 0)),
            "loading": count(got.get("loading", 0)), "size": [count(v, 100_000) for v in size]}


def properties(payload) -> dict:
    got = parse_json(payload)
    if not isinstance(got, dict):
        raise BadCall("expected a JSON object")
    return got
