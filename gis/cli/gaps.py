"""``python main.py gaps --compounds C --facilities F [--buildings B] [--network R] [--zones Z]
[--entrances E] [--out DIR] [--json]``

Which compounds and zones lack which 一老一小 services within their life circle (walking
along ``--network`` — a road layer or an OSM file — else in a straight line from the
compound boundary), and, with ``--buildings``, which need an elevator. Facility types come
from the facility layer's type field (or names) as classified by the importer; radii from
the standards preset (``--standards``). ``--zones`` is a polygon layer: a compound belongs
to the zone containing a point inside it, and a service counts for the whole zone if any
member reaches it.

With ``--json`` one JSON object is printed::

    {"compounds": [{"id", "name", "missing": [types], "nearest_m": {type: metres or null},
                    "elevator_buildings", "elevator_households"}, ...],
     "zones": [{"id", "missing": [types]}, ...],
     "summary": {type: {"covered", "uncovered", "households_uncovered"}},
     "seconds": ..., "method": "network" | "straight"}

Ids are the layer's id field, else the 0-based row index. Types are the stable keys
clinic, elderly_canteen, day_care, nursing_home, kindergarten, nursery, play_area.
Elevator counts are null without ``--buildings``; ``zones`` is empty without ``--zones``.
``--out DIR`` writes gaps.csv (UTF-8 with BOM), gaps.xlsx and gaps.gpkg.
Exit 0 on success; 2 with a one-line message on stderr when the input cannot be used.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

from gis.cli import crashed, fail
from gis.domain import FieldRole, Role
from gis.errors import Cancelled, GisError

OUT_FILES = ("gaps.csv", "gaps.xlsx", "gaps.gpkg")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line on stderr, exit 2
        raise SystemExit(fail(f"{message} (see: main.py gaps --help)"))


def parser() -> argparse.ArgumentParser:
    p = _Parser(prog="main.py gaps", description="Service and elevator gaps of compounds and zones.")
    p.add_argument("--compounds", required=True, help="compound polygons (.shp, .gpkg, .geojson, ...)")
    p.add_argument("--facilities", required=True, help="facility points: .csv (经度/纬度), .shp, .gpkg, ...")
    p.add_argument("--buildings", help="building footprints with floors and elevator fields")
    p.add_argument("--network", help="walking network: a road line layer or an .osm / .osm.pbf file")
    p.add_argument("--zones", help="zone polygons (片区)")
    p.add_argument("--entrances", help="compound gates (walks start there; network only)")
    p.add_argument("--out", help="folder for gaps.csv, gaps.xlsx and gaps.gpkg")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--standards", help="standards preset JSON (default: the shipped one)")
    p.add_argument("--min-floors", type=int, default=4, help="walk-ups from this many floors need an elevator (4)")
    p.add_argument("--subsidy", help="elevator subsidy preset: shenzhen, changchun, ankang (default: none)")
    p.add_argument("--year", type=int, help="plan year for a subsidy by year (changchun)")
    p.add_argument("--language", choices=["zh_CN", "en"], default="zh_CN", help="table headers (zh_CN)")
    p.add_argument("--snap", type=float, default=2.0, help="join road ends closer than this, m (2)")
    return p


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    start = time.perf_counter()
    if args.min_floors < 2:
        return fail("--min-floors must be 2 or more")
    try:
        run = _run(args)
        if args.out:
            _write(run, Path(args.out), args.language)
    except GisError as exc:
        return fail(exc.message)
    except Cancelled:
        return fail("cancelled")
    except Exception as exc:  # the CLI contract: never a traceback
        return crashed(exc, "gap analysis failed")
    out = to_json(run["gaps"], run["zones"], run["elevators"], time.perf_counter() - start)
    print(json.dumps(out, ensure_ascii=False) if args.json else _text(out, run))
    return 0


def _read(path: str, role: Role, crs=None):
    from gis.network.inputs import read_layer_file

    return read_layer_file(path, role=role, crs=crs)


def _run(args) -> dict:
    from gis.gaps.access import analyse_gaps
    from gis.standards import load_standards

    standards = load_standards(args.standards)
    compounds = _read(args.compounds, Role.COMPOUNDS)
    crs = compounds.data.crs
    facilities = _read(args.facilities, Role.FACILITIES, crs)
    entrances = _read(args.entrances, Role.ENTRANCES, crs) if args.entrances else None
    network = None
    if args.network:
        from gis.network.build import build_network

        network = build_network(args.network, crs=crs, snap_tolerance_m=args.snap)
    gaps = analyse_gaps(compounds, facilities, standards=standards, network=network, entrances=entrances)
    zones = zone_polygons = None
    if args.zones:
        zones, zone_polygons = _zones(gaps, _zone_layer(args.zones, crs))
    elevators = _elevators(args, compounds) if args.buildings else None
    return {"gaps": gaps, "zones": zones, "zone_polygons": zone_polygons, "elevators": elevators,
            "network": network}


def _zone_layer(path: str, crs):
    """Zone polygons: a layer file, or the zone outlines table of a saved project."""
    from gis import project_file
    from gis.io.importer import read_layer

    if project_file.is_project(path):
        return read_layer(path, layer=project_file.ZONES_TABLE, crs=crs, role=Role.ZONES,
                          fields={FieldRole.ID: "zone_id", FieldRole.NAME: "name"})
    return _read(path, Role.ZONES, crs)


def _zones(gaps, layer):
    from gis.gaps.zones import pool_gaps, zone_groups_from_frame

    groups, names = zone_groups_from_frame(gaps.compounds.geometry, layer.data, crs=gaps.compounds.crs,
                                           id_field=layer.fields.get(FieldRole.ID),
                                           name_field=layer.fields.get(FieldRole.NAME))
    return pool_gaps(gaps, groups, names=names), layer.data


def _elevators(args, compounds):
    from gis.gaps.elevators import ElevatorParams, elevator_needs, load_subsidy_presets

    buildings = _read(args.buildings, Role.BUILDINGS, compounds.data.crs)
    params = ElevatorParams.from_presets(load_subsidy_presets(), args.subsidy, min_floors=args.min_floors,
                                         year=args.year)
    return elevator_needs(buildings, compounds, params=params)


def _write(run: dict, folder: Path, language: str) -> None:
    from gis.gaps.report import gap_tables, write_csv, write_geopackage, write_xlsx

    tables = gap_tables(run["gaps"], zones=run["zones"], elevators=run["elevators"], language=language)
    write_csv(tables, folder / OUT_FILES[0], language=language)
    write_xlsx(tables, folder / OUT_FILES[1], language=language)
    write_geopackage(run["gaps"], folder / OUT_FILES[2], zones=run["zones"], zone_polygons=run["zone_polygons"],
                     elevators=run["elevators"])


# -- output -----------------------------------------------------------------------------
def to_json(gaps, zones, elevators, seconds: float) -> dict:
    """The CLI's JSON contract (see the module text)."""
    from gis.gaps.compounds import plain

    per = elevators.per_compound() if elevators is not None else None
    compounds = []
    for i in range(len(gaps.compounds)):
        compounds.append({
            "id": _json_id(gaps.compounds.ids[i]), "name": str(gaps.compounds.names[i]),
            "missing": gaps.missing(i), "nearest_m": gaps.nearest_of(i),
            "elevator_buildings": int(per["buildings"].iat[i]) if per is not None else None,
            "elevator_households": plain(_whole(per["households"].iat[i])) if per is not None else None,
        })
    summary = {t: {k: v for k, v in s.items() if k in ("covered", "uncovered", "households_uncovered")}
               for t, s in gaps.summary().items()}
    zone_rows = [] if zones is None else [{"id": _json_id(zones.ids[k]), "missing": zones.missing(k)}
                                          for k in range(len(zones))]
    return {"compounds": compounds, "zones": zone_rows, "summary": summary, "seconds": round(seconds, 3),
            "method": gaps.method}


def _json_id(value):
    from gis.gaps.compounds import plain

    value = plain(value)
    return value if isinstance(value, (int, float, str)) or value is None else str(value)


def _whole(value: float):
    return int(value) if np.isfinite(value) and float(value).is_integer() else value


def _text(out: dict, run: dict) -> str:
    gaps = run["gaps"]
    lines = [f"{len(out['compounds'])} compounds, distances: {out['method']}, {out['seconds']:.2f} s"]
    for t, s in out["summary"].items():
        lines.append(f"{t:<16} {gaps.required_m[t]:>6.0f} m  served {s['covered']:>5}  lacking "
                     f"{s['uncovered']:>5}  households lacking {s['households_uncovered']}")
    if run["elevators"] is not None:
        tot = run["elevators"].totals()
        lines.append(f"elevators: {tot['buildings']} buildings, {tot['elevators']} elevators, "
                     f"{tot['households']:.0f} households, subsidy {tot['subsidy']:,.0f}, "
                     f"residents {tot['residents_share']:,.0f}")
    for z in out["zones"]:
        lines.append(f"zone {z['id']}: lacks {', '.join(z['missing']) or '-'}")
    lines += [f"note: {n.message}" for n in gaps.notices]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
