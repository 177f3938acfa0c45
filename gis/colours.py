"""Colours the window and the exports share, so an offline map or a report looks like the app.

- the gap choropleth: compounds by how many services they lack, green for none, then light to
  dark purple (ColorBrewer Purples; red stays free for a highlighted type, orange for elevators);
- the life-circle ramps: one ColorBrewer sequential family per facility type, darkest for the
  innermost band; 一老 types warm, 一小 types cool.

>>> gap_count_colour(0), gap_count_colour(9)
('#a6dba0', '#3f007d')
"""

from __future__ import annotations

GAP_COUNT = ("#a6dba0", "#dadaeb", "#bcbddc", "#9e9ac8", "#807dba", "#6a51a3", "#54278f", "#3f007d")
GAP_OPACITY = 0.6
RAMPS = {  # ColorBrewer 9-class sequential values, darkest (innermost band) first
    "clinic": ("#cb181d", "#fb6a4a", "#fcae91", "#fee5d9"),           # Reds
    "elderly_canteen": ("#d94801", "#fd8d3c", "#fdd0a2", "#feedde"),  # Oranges
    "day_care": ("#ae017e", "#f768a1", "#fbb4b9", "#feebe2"),         # RdPu
    "nursing_home": ("#8c510a", "#bf812d", "#dfc27d", "#f6e8c3"),     # BrBG, brown half
    "kindergarten": ("#006d2c", "#41ab5d", "#a1d99b", "#e5f5e0"),     # Greens
    "nursery": ("#08519c", "#4292c6", "#9ecae1", "#deebf7"),          # Blues
    "play_area": ("#54278f", "#807dba", "#bcbddc", "#efedf5"),        # Purples
}
OTHER = ("#525252", "#969696", "#cccccc", "#f7f7f7")                  # Greys


def gap_count_colour(n_missing: int) -> str:
    """The choropleth colour of a compound lacking *n_missing* services."""
    return GAP_COUNT[min(int(n_missing), len(GAP_COUNT) - 1)]


def type_colour(facility_type: str) -> str:
    """The base colour of *facility_type* (grey for types outside 一老一小)."""
    return RAMPS.get(str(facility_type), OTHER)[0]
