"""The gap table files of the GUI's result: the same gaps.csv / gaps.xlsx / gaps.gpkg as the CLI writes."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd

from gis.feedback import Feedback, ensure
from gis.export.gaps_report import gap_tables, write_csv, write_geopackage, write_xlsx
from gis.gaps.zones import ZoneGaps

FILES = ("gaps.csv", "gaps.xlsx", "gaps.gpkg")


def write_gap_files(outcome, folder: str | Path, *, zones: ZoneGaps | None = None, zone_model=None,
                    language: str = "zh_CN", feedback: Feedback | None = None) -> list[Path]:
    """Write the three files of *outcome* (gis.analysis.gaps.GapOutcome) into *folder*."""
    fb = ensure(feedback)
    folder = Path(folder)
    tables = gap_tables(outcome.gaps, zones=zones, elevators=outcome.elevators, language=language)
    paths = [write_csv(tables, folder / FILES[0], language=language)]
    fb.progress(0.3)
    fb.check()
    paths.append(write_xlsx(tables, folder / FILES[1], language=language))
    fb.progress(0.6)
    fb.check()
    polygons = None
    if zones is not None and zone_model is not None:
        polygons = gpd.GeoDataFrame(geometry=[zone_model.outline(int(z)) for z in zones.ids],
                                    crs=outcome.gaps.compounds.crs)
    paths.append(write_geopackage(outcome.gaps, folder / FILES[2], zones=zones, zone_polygons=polygons,
                                  elevators=outcome.elevators))
    fb.progress(1.0)
    return paths
