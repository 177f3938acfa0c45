"""``python main.py access --compounds C --facilities F --type T --demand-field COL --supply-field COL
[--catchment METRES] [--distance straight|network] [--network R] [--method 2sfca|e2sfca] [--zones P] --json``

Capacity-aware access (two-step floating catchment) of every compound to the facilities of
type T (the keys of ``gaps``: clinic, elderly_canteen, day_care, nursing_home, kindergarten,
nursery, play_area). For ``2sfca`` a facility's ratio is its supply over the demand of all
compounds within the catchment of it, and a compound's access is the sum of the ratios of the
facilities within the catchment of it; ``e2sfca`` weighs both steps by distance (1, 0.68,
0.22 on thirds of the catchment). Straight-line distances run from the compound polygon to
the facility (0 inside), as in the gap analysis. The catchment defaults to the type's radius in
the standards preset. Without ``--demand-field`` demand is the type's age group field (elderly
or children), else population, else households; without ``--supply-field`` capacity is the
facility layer's capacity or floor-area field, else the capacity preset's default (a notice
says so). The run is :func:`gis.analysis.access.run`, the window's.

With ``--json`` one JSON object is printed::

    {"compounds": [{"id", "access", "demand"}, ...],
     "facilities": [{"id", "ratio"}, ...],
     "zones": [{"id", "access", "demand", "supply"}, ...],
     "notices": [{"code", "level", "message"}, ...], "seconds": ...}

``access`` is supply per unit of demand (0 with no facility in reach); ``ratio`` is null for a
facility with no demand in reach; ``demand`` is null where unknown. A zone's supply is what its
members receive, its access supply over demand. ``zones`` is empty without ``--zones``.
``--out FILE.xlsx`` also writes the tables with units, shortfalls and entered/default flags.
Exit 0 on success; 2 with one line naming the option that answers when the input cannot be used.
"""

from __future__ import annotations

import sys
import time

from gis.analysis.access import AccessRequest
from gis.cli.base import add_district_inputs, add_params, command_parser, district_of, emit, execute, plain
from gis.cli.gaps import zone_layer
from gis.domain import FieldRole, Role

INPUTS = (("compounds", Role.COMPOUNDS, "compound polygons with a demand column (.shp, .gpkg, ...)"),
          ("facilities", Role.FACILITIES, "facility points: .csv (经度/纬度), .shp, .gpkg, ..."),
          ("entrances", Role.ENTRANCES, "compound gates (walks start there; network only)"))


def parser():
    p = command_parser("access", "Capacity-aware access (2SFCA / E2SFCA) of compounds to one facility type.")
    add_district_inputs(p, INPUTS)
    p.add_argument("--capacity-preset", help="capacity preset JSON (default: the shipped one)")
    p.add_argument("--out", help="write this .xlsx: access per compound, capacity per facility, zones (units in "
                                 "the headers, entered/default flags)")
    add_params(p, AccessRequest)
    return p


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    return execute("access analysis", lambda: _main(args))


def _main(args) -> int:
    from gis.analysis.access import run

    start = time.perf_counter()
    outcome = run(build_request(args))
    if args.out:
        from gis.export.access_report import write_access_xlsx

        write_access_xlsx([outcome.result], args.out, language="en" if args.lang == "en" else "zh_CN")
    out = to_json(outcome.result)
    out["notices"] = outcome.notices_json()
    out["seconds"] = round(time.perf_counter() - start, 3)
    return emit(args, out, _text)


def build_request(args) -> AccessRequest:
    """The window's request from the command's files."""
    from gis.standards import load_standards
    from gis.supply.capacity import load_capacity

    project, layers, roads, notes = district_of(args, INPUTS)
    zones = None
    if args.zones:
        from gis.gaps.zones import zone_groups_from_frame

        layer = zone_layer(args, project.crs)
        zones = zone_groups_from_frame(layers["compounds"].data.geometry.values, layer.data, crs=project.crs,
                                       id_field=layer.fields.get(FieldRole.ID),
                                       name_field=layer.fields.get(FieldRole.NAME))
    return AccessRequest(project, layers["compounds"], load_standards(args.standards), facility_type=args.facility_type,
                         demand_field=args.demand_field, supply_field=args.supply_field,
                         catchment_m=args.catchment_m, distance=args.distance, method=args.method,
                         snap_tolerance_m=args.snap_tolerance_m, capacity=load_capacity(args.capacity_preset),
                         roads=roads, entrances=layers.get("entrances"), zones=zones, input_notices=tuple(notes))


def to_json(result) -> dict:
    """The CLI's JSON contract (see the module text); ``seconds`` and ``notices`` are added by the caller."""
    ids = result.compounds.ids
    compounds = [{"id": plain(ids[i]), "access": plain(result.fca.access[i]), "demand": plain(result.demand[i])}
                 for i in range(len(ids))]
    facilities = [{"id": plain(result.facilities.ids[j]), "ratio": plain(result.fca.ratio[j])}
                  for j in range(len(result.facilities))]
    z = result.zones
    zones = [] if z is None else [{"id": plain(z.ids[k]), "access": plain(z.access[k]), "demand": plain(z.demand[k]),
                                   "supply": plain(z.supply[k])} for k in range(len(z))]
    return {"compounds": compounds, "facilities": facilities, "zones": zones}


def _text(out: dict) -> str:
    lines = [f"{len(out['compounds'])} compounds, {len(out['facilities'])} facilities, {out['seconds']:.2f} s"]
    for c in out["compounds"]:
        lines.append(f"compound {c['id']}: access {c['access']:.6g} per unit of demand (demand {c['demand']})")
    for z in out["zones"]:
        lines.append(f"zone {z['id']}: access {z['access']}, demand {z['demand']}, supply {z['supply']}")
    lines += [f"note: {n['message']}" for n in out["notices"]]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
