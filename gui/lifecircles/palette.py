"""Colours of the life-circle bands: one hue per facility type, lighter for outer bands.

一老 types are warm, 一小 types cool, so the two groups read apart on the map.

>>> band_colour("clinic", 0), band_colour("clinic", 2)
('#c62828', '#e8a9a9')
"""

from __future__ import annotations

BASE = {
    "clinic": "#c62828",
    "elderly_canteen": "#ef6c00",
    "day_care": "#ad1457",
    "nursing_home": "#6d4c41",
    "kindergarten": "#2e7d32",
    "nursery": "#00838f",
    "play_area": "#1565c0",
}
OTHER = "#616161"
LIGHTEN = (0.0, 0.3, 0.6, 0.75)  # share of white mixed in, innermost band first
BAND_OPACITY = 0.38
NETWORK_MAIN = "#37474f"
NETWORK_PIECES = ("#e53935", "#8e24aa", "#fb8c00", "#00897b", "#3949ab", "#c0ca33", "#6d4c41", "#d81b60")


def type_colour(facility_type: str) -> str:
    """The base colour of *facility_type* (grey for types outside 一老一小)."""
    return BASE.get(str(facility_type), OTHER)


def mix(colour: str, other: str, share: float) -> str:
    """*colour* with *share* (0–1) of *other* mixed in, as ``#rrggbb``."""
    a = [int(colour[k:k + 2], 16) for k in (1, 3, 5)]
    b = [int(other[k:k + 2], 16) for k in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * share):02x}" for x, y in zip(a, b))


def band_colour(facility_type: str, ring: int) -> str:
    """Fill of band *ring* (0 = innermost) of *facility_type*."""
    return mix(type_colour(facility_type), "#ffffff", LIGHTEN[min(int(ring), len(LIGHTEN) - 1)])


def piece_colour(piece: int) -> str:
    """Colour of network piece *piece* (0 = the main, largest piece)."""
    return NETWORK_MAIN if piece == 0 else NETWORK_PIECES[(piece - 1) % len(NETWORK_PIECES)]


def over(colour: str, background: str, opacity: float) -> str:
    """What *colour* drawn at *opacity* over *background* looks like (for tests and legends)."""
    return mix(background, colour, opacity)
