"""The programme on the map: compounds filled by their programme year, the reserve (储备库)
outlined in dashed red, as GeoDataFrames with the page's style columns (and a ``legend``
column, so a printed layout gets the same legend).

Names: ``plan:year`` (below) and ``plan:reserve`` (above). With *upto* (presentation year by
year), compounds of later years are drawn pale: the zones light up year by year.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np

from gis.programme.schedule import NONE

YEAR, RESERVE = "plan:year", "plan:reserve"
ALL = (YEAR, RESERVE)  # bottom to top
YEAR_COLOURS = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#1f78b4",
                "#b2df8a", "#fb9a99")
WAITING, LATER = "#9e9e9e", "#eeeeee"  # no room in the years' budget / a later year (presentation)
RESERVE_RED = "#c62828"
STROKE = "#424242"
OPACITY = 0.7


def year_colour(years: tuple[int, ...], year: int) -> str:
    return YEAR_COLOURS[years.index(year) % len(YEAR_COLOURS)] if year in years else WAITING


@dataclass(frozen=True)
class Words:
    """Legend texts (the controller gives them in the UI language)."""

    year: str = "{year}"
    waiting: str = "waiting"
    reserve: str = "reserve"


def planned_rows(result) -> np.ndarray:
    """Compounds with work in the programme: scheduled, or consenting with work but no year yet."""
    costs = result.costs.compound_cost()
    facts = result.facts
    zone_work = result.costs.zone_own_cost()[facts.zone_of] > 0
    return np.flatnonzero(result.consent_ok & ((costs > 0) | (facts.old & zone_work) | (result.compound_year != NONE)))


def year_frame(result, shapes: gpd.GeoSeries, words: Words = Words(), *, upto: int | None = None) -> gpd.GeoDataFrame:
    """Compounds with work, filled by year (grey: no year yet; pale: after *upto*)."""
    years = tuple(result.schedule.plan.years)
    rows = planned_rows(result)
    year = result.compound_year[rows]
    fill = np.array([year_colour(years, int(y)) for y in year], dtype=object)
    legend = np.array([words.year.format(year=int(y)) if y != NONE else words.waiting for y in year], dtype=object)
    if upto is not None:
        later = (year == NONE) | (year > upto)
        fill[later], legend[later] = LATER, None
    frame = gpd.GeoDataFrame({"fid": rows, "year": year, "fill": fill, "legend": legend},
                             geometry=np.asarray(shapes.values)[rows], crs=shapes.crs)
    frame["stroke"], frame["weight"], frame["fillOpacity"] = STROKE, 0.8, OPACITY
    order = np.argsort([years.index(y) if y in years else len(years) for y in year], kind="stable")
    return frame.iloc[order].reset_index(drop=True)  # the legend lists the years in order


def reserve_frame(result, shapes: gpd.GeoSeries, words: Words = Words()) -> gpd.GeoDataFrame:
    """Compounds waiting for consent: a dashed red outline over a light red fill."""
    rows = np.asarray(result.reserve, np.int64)
    frame = gpd.GeoDataFrame({"fid": rows}, geometry=np.asarray(shapes.values)[rows], crs=shapes.crs)
    frame["fill"], frame["stroke"], frame["weight"], frame["fillOpacity"] = RESERVE_RED, RESERVE_RED, 2.5, 0.12
    frame["dash"], frame["legend"] = "6 4", words.reserve
    return frame


def frames(result, shapes: gpd.GeoSeries, words: Words = Words(), *, upto: int | None = None) -> dict:
    """Both overlays (None where empty), bottom to top."""
    out = {YEAR: year_frame(result, shapes, words, upto=upto), RESERVE: reserve_frame(result, shapes, words)}
    return {name: (frame if len(frame) else None) for name, frame in out.items()}
