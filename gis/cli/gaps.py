"""``python main.py gaps --compounds C --facilities F [--buildings B] [--network R] [--zones Z]
[--entrances E] [--out DIR] [--json]``

Which compounds and zones lack which 一老一小 services within their life circle (walking
along ``--network`` — a road layer or an OSM file — else in a straight line from the
compound boundary), and, with ``--buildings``, which need an elevator. Facility types come
from the facility layer's type field (or names) as classified by the importer; radii from
the standards preset (``--standards``). ``--zones`` is a polygon layer: a compound belongs
to the zone containing a point inside it, and a service counts for the whole zone if any
member reaches it. The run is :func:`gis.analysis.gaps.run`, the window's.

Where the window would ask, the command refuses (exit 2, naming the option that answers):
a file whose CRS cannot be known or that looks like GCJ-02/BD-09 (``--compounds-crs``,
``--facilities-crs``, ``--buildings-crs``, ``--network-crs``: wgs84, gcj02, bd09, EPSG:n),
a layer whose geometry cannot play its role, a facility layer with no 一老一小 facility
(``--field facilities.type=COLUMN``).

With ``--json`` one JSON object is printed::

    {"compounds": [{"id", "name", "missing": [types], "nearest_m": {type: metres or null},
                    "elevator_buildings", "elevator_households"}, ...],
     "zones": [{"id", "missing": [types]}, ...],
     "summary": {type: {"covered", "uncovered", "households_uncovered"}},
     "seconds": ..., "method": "network" | "straight",
     "notices": [{"code", "level", "message"}, ...]}

Ids are the layer's id field, else the 0-based row index. Types are the stable keys
clinic, elderly_canteen, day_care, nursing_home, kindergarten, nursery, play_area.
Elevator counts are null without ``--buildings``; ``zones`` is empty without ``--zones``.
``--out DIR`` writes gaps.csv (UTF-8 with BOM), gaps.xlsx and gaps.gpkg (headers in ``--lang``).
Exit 0 on success; 2 with a one-line message on stderr when the input cannot be used.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

from gis import defaults
from gis.analysis.gaps import GapRequest
from gis.analysis.inputs import read_input
from gis.cli import fail
from gis.cli.base import (add_district_inputs, add_params, command_parser, district_of, emit, execute, input_file,
                          plain)
from gis.domain import FieldRole, Role

OUT_FILES = ("gaps.csv", "gaps.xlsx", "gaps.gpkg")
INPUTS = (("compounds", Role.COMPOUNDS, "compound polygons (.shp, .gpkg, .geojson, ...)"),
          ("facilities", Role.FACILITIES, "facility points: .csv (经度/纬度), .shp, .gpkg, ..."),
          ("buildings", Role.BUILDINGS, "building footprints with floors and elevator fields"),
          ("entrances", Role.ENTRANCES, "compound gates (walks start there; network only)"))


def parser():
    p = command_parser("gaps", "Service and elevator gaps of compounds and zones.")
    add_district_inputs(p, INPUTS)
    p.add_argument("--out", help="folder for gaps.csv, gaps.xlsx and gaps.gpkg")
    p.add_argument("--min-floors", type=int, default=defaults.MIN_FLOORS,
                   help=f"walk-ups from this many floors need an elevator ({defaults.MIN_FLOORS})")
    p.add_argument("--subsidy", help="elevator subsidy preset: shenzhen, changchun, ankang (default: none)")
    p.add_argument("--year", type=int, help="plan year for a subsidy by year (changchun)")
    p.add_argument("--language", dest="lang", choices=["zh_CN", "en"], help="old name of --lang")
    add_params(p, GapRequest)
    return p


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    if args.min_floors < 2:
        return fail("--min-floors must be 2 or more")
    return execute("gap analysis", lambda: _main(args))


def _main(args) -> int:
    from gis.analysis.gaps import run

    start = time.perf_counter()
    request = build_request(args)
    outcome = run(request)
    if outcome.elevator_error is not None:
        raise outcome.elevator_error
    zones = zone_polygons = None
    if args.zones:
        zones, zone_polygons = _zones(outcome.gaps, zone_layer(args, request.compounds.data.crs))
    result = {"gaps": outcome.gaps, "zones": zones, "zone_polygons": zone_polygons, "elevators": outcome.elevators}
    if args.out:
        _write(result, Path(args.out), "en" if args.lang == "en" else "zh_CN")
    out = to_json(outcome.gaps, zones, outcome.elevators, time.perf_counter() - start)
    out["notices"] = outcome.notices_json()
    return emit(args, out, lambda o: _text(o, outcome))


def build_request(args) -> GapRequest:
    """The window's request from the command's files: a project holding every input layer."""
    from gis.gaps.elevators import ElevatorParams, load_subsidy_presets
    from gis.standards import load_standards

    project, layers, roads, notes = district_of(args, INPUTS)
    elevator = ElevatorParams.from_presets(load_subsidy_presets(), args.subsidy, min_floors=args.min_floors,
                                           year=args.year)
    return GapRequest(project, layers["compounds"], load_standards(args.standards), elevator, roads=roads,
                      entrances=layers.get("entrances"), buildings=layers.get("buildings"),
                      snap_tolerance_m=args.snap_tolerance_m, input_notices=tuple(notes))


def zone_layer(args, crs):
    """Zone polygons: a layer file, or the zone outlines table of a saved project."""
    from gis import project_file
    from gis.io.importer import read_layer

    if project_file.is_project(args.zones):
        return read_layer(args.zones, layer=project_file.ZONES_TABLE, crs=crs, role=Role.ZONES,
                          fields={FieldRole.ID: "zone_id", FieldRole.NAME: "name"})
    return read_input(input_file(args, "zones", Role.ZONES), crs=crs)[0]


def _zones(gaps, layer):
    from gis.gaps.zones import pool_gaps, zone_groups_from_frame

    groups, names = zone_groups_from_frame(gaps.compounds.geometry, layer.data, crs=gaps.compounds.crs,
                                           id_field=layer.fields.get(FieldRole.ID),
                                           name_field=layer.fields.get(FieldRole.NAME))
    return pool_gaps(gaps, groups, names=names), layer.data


def _write(run: dict, folder: Path, language: str) -> None:
    from gis.export.gaps_report import gap_tables, write_csv, write_geopackage, write_xlsx

    tables = gap_tables(run["gaps"], zones=run["zones"], elevators=run["elevators"], language=language)
    write_csv(tables, folder / OUT_FILES[0], language=language)
    write_xlsx(tables, folder / OUT_FILES[1], language=language)
    write_geopackage(run["gaps"], folder / OUT_FILES[2], zones=run["zones"], zone_polygons=run["zone_polygons"],
                     elevators=run["elevators"])


# -- output -----------------------------------------------------------------------------
def to_json(gaps, zones, elevators, seconds: float) -> dict:
    """The CLI's JSON contract (see the module text)."""
    per = elevators.per_compound() if elevators is not None else None
    compounds = []
    for i in range(len(gaps.compounds)):
        compounds.append({
            "id": plain(gaps.compounds.ids[i]), "name": str(gaps.compounds.names[i]),
            "missing": gaps.missing(i), "nearest_m": gaps.nearest_of(i),
            "elevator_buildings": int(per["buildings"].iat[i]) if per is not None else None,
            "elevator_households": plain(_whole(per["households"].iat[i])) if per is not None else None,
        })
    summary = {t: {k: v for k, v in s.items() if k in ("covered", "uncovered", "households_uncovered")}
               for t, s in gaps.summary().items()}
    zone_rows = [] if zones is None else [{"id": plain(zones.ids[k]), "missing": zones.missing(k)}
                                          for k in range(len(zones))]
    return {"compounds": compounds, "zones": zone_rows, "summary": summary, "seconds": round(seconds, 3),
            "method": gaps.method}


def _whole(value: float):
    return int(value) if np.isfinite(value) and float(value).is_integer() else value


def _text(out: dict, outcome) -> str:
    gaps = outcome.gaps
    lines = [f"{len(out['compounds'])} compounds, distances: {out['method']}, {out['seconds']:.2f} s"]
    for t, s in out["summary"].items():
        lines.append(f"{t:<16} {gaps.required_m[t]:>6.0f} m  served {s['covered']:>5}  lacking "
                     f"{s['uncovered']:>5}  households lacking {s['households_uncovered']}")
    if outcome.elevators is not None:
        tot = outcome.elevators.totals()
        lines.append(f"elevators: {tot['buildings']} buildings, {tot['elevators']} elevators, "
                     f"{tot['households']:.0f} households, subsidy {tot['subsidy']:,.0f}, "
                     f"residents {tot['residents_share']:,.0f}")
    for z in out["zones"]:
        lines.append(f"zone {z['id']}: lacks {', '.join(z['missing']) or '-'}")
    lines += [f"note: {n['message']}" for n in out["notices"]]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
