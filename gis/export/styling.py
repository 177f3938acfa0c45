"""Style values from a project (colours, widths, opacities) checked before any export uses them.

A project file is data: its colours and widths reach the HTML page's script, the KML
styles and the CAD layers. Only a colour written ``#rgb``, ``#rrggbb`` or ``#rrggbbaa``
(or one of a few CSS names) and a finite number within range get through; anything else
falls back to the default, so ``</script><script>…`` can never be a fill colour.

>>> safe_colour("#ABC")
'#aabbcc'
>>> safe_colour("</script><script>alert(1)</script>")
'#cccccc'
>>> safe_number("1}; alert(1); {", 0.45, 0.0, 1.0)
0.45
"""

from __future__ import annotations

import math
import re

from gis.style import NO_DATA, QUALITATIVE

DEFAULT_FILL = QUALITATIVE[0]  # what an export draws when a colour is unusable

_HEX = re.compile(r"#(?:[0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})")
NAMED = {"black": "#000000", "white": "#ffffff", "red": "#ff0000", "green": "#008000", "blue": "#0000ff",
         "yellow": "#ffff00", "orange": "#ffa500", "purple": "#800080", "grey": "#808080", "gray": "#808080"}


def safe_colour(value: object, default: str = NO_DATA) -> str:
    """*value* as a lower-case ``#rrggbb`` (``#rrggbbaa`` kept), or *default* when it is not a colour."""
    text = str(value).strip().lower() if isinstance(value, str) else ""
    text = NAMED.get(text, text)
    if not _HEX.fullmatch(text):
        return default
    return "#" + "".join(c * 2 for c in text[1:]) if len(text) == 4 else text


def rgb(value: object, default: str = NO_DATA) -> tuple[int, int, int]:
    """The (r, g, b) bytes of :func:`safe_colour` (alpha dropped)."""
    text = safe_colour(value, default)
    return int(text[1:3], 16), int(text[3:5], 16), int(text[5:7], 16)


def safe_number(value: object, default: float, low: float, high: float) -> float:
    """*value* as a finite float within [low, high], else *default*."""
    if isinstance(value, bool):
        return default
    try:
        number = float(value)
    except (TypeError, ValueError):
        return default
    return number if math.isfinite(number) and low <= number <= high else default
