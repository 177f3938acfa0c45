"""Colours of the life-circle bands: one hue family per facility type, a sequential ramp per band.

Each type has a ColorBrewer sequential ramp (colorbrewer2.org, Cynthia Brewer), darkest for the
innermost band; 一老 types take warm families, 一小 types cool ones, so the groups read apart.
With one type on the map its bands are filled; with several, bands are drawn as outlines in the
type's colour (solid, dashed, dotted from the inside out), so overlapping types never blend into
a wash that no legend row matches (:func:`band_style`).

>>> band_colour("clinic", 0), band_colour("clinic", 2)
('#cb181d', '#fcae91')
"""

from __future__ import annotations

from gis.colours import OTHER, RAMPS, type_colour  # noqa: F401 (shared with the exports)

BAND_OPACITY = 0.55
OUTLINE_DASH = (None, "9 5", "2 5", "1 6")  # band ring → dash pattern when drawn as outlines
OUTLINE_WEIGHT = (3.0, 2.5, 2.0, 2.0)
NETWORK_MAIN = "#37474f"
NETWORK_PIECES = ("#00b8d4", "#aa00ff", "#ffd600", "#00c853", "#ff1744", "#2962ff", "#c6ff00", "#6d4c41")  # vivid: unlike any band ramp


def mix(colour: str, other: str, share: float) -> str:
    """*colour* with *share* (0–1) of *other* mixed in, as ``#rrggbb``."""
    a = [int(colour[k:k + 2], 16) for k in (1, 3, 5)]
    b = [int(other[k:k + 2], 16) for k in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * share):02x}" for x, y in zip(a, b))


def band_colour(facility_type: str, ring: int) -> str:
    """Fill of band *ring* (0 = innermost) of *facility_type*."""
    ramp = RAMPS.get(str(facility_type), OTHER)
    return ramp[min(int(ring), len(ramp) - 1)]


def band_style(facility_type: str, ring: int, *, outlined: bool) -> dict:
    """The map style of band *ring*: filled in its ramp colour, or (*outlined*) a line in the type's
    colour whose dash tells the band."""
    k = min(int(ring), len(OUTLINE_DASH) - 1)
    if outlined:
        return {"stroke": type_colour(facility_type), "fill": None, "fillOpacity": 0.0,
                "weight": OUTLINE_WEIGHT[k], "dash": OUTLINE_DASH[k]}
    return {"stroke": type_colour(facility_type) if ring == 0 else band_colour(facility_type, ring - 1),
            "fill": band_colour(facility_type, ring), "fillOpacity": BAND_OPACITY,
            "weight": 1.5 if ring == 0 else 0.8, "dash": None}


def distance(a: str, b: str) -> float:
    """Euclidean distance of two ``#rrggbb`` colours in RGB (0–441): a contrast check."""
    x = [int(a[k:k + 2], 16) for k in (1, 3, 5)]
    y = [int(b[k:k + 2], 16) for k in (1, 3, 5)]
    return sum((p - q) ** 2 for p, q in zip(x, y)) ** 0.5


def piece_colour(piece: int) -> str:
    """Colour of network piece *piece* (0 = the main, largest piece)."""
    return NETWORK_MAIN if piece == 0 else NETWORK_PIECES[(piece - 1) % len(NETWORK_PIECES)]


def over(colour: str, background: str, opacity: float) -> str:
    """What *colour* drawn at *opacity* over *background* looks like (for tests and legends)."""
    return mix(background, colour, opacity)
