"""``python main.py zones COMPOUNDS [--gap 30] [--min-households N] [--max-households N]
[--max-area M2] [--max-compounds N] [--pre-year 2000 | --all-years] [--barriers FILE]
[--out zones.gpkg] [--lang zh|en] [--json]``

Suggests renovation zones (片区): contiguous groups of old compounds (touching or across
a street narrower than ``--gap`` metres, never across a ``--barriers`` line or polygon)
that meet the household, area and size limits, by :func:`gis.analysis.zones.run` (the
window's run). Compounds are read by the project importer (encoding, CRS and field roles
detected); only those built in or before ``--pre-year`` (default 2000) are used when the
layer has a build-year field.

Where the window would ask, the command refuses (exit 2, naming the option that answers):
``--compounds-crs`` (alias ``--source-crs``) for a CRS that cannot be known or data that looks
like GCJ-02/BD-09; ``--field compounds.households=COLUMN`` when household limits are given
and no households field is found; points or lines as compounds; a shapefile without .dbf.

With ``--json`` one JSON object is printed::

    {"zones": [{"id", "name", "compounds": [ids], "households", "area_m2", "compound_area_m2",
                "contiguous"}, ...],
     "unassigned": [ids],                  # eligible compounds no zone could take
     "excluded": {"too_new": [ids], "no_year": [ids], "too_large": [ids]},
     "warnings": [text, ...], "gap_m": 30.0, "seconds": ...,
     "notices": [{"code", "level", "message"}, ...]}   # the inputs' notices and the warnings

A compound id is the value of the layer's id field, else its 0-based row index.
``households`` is null when the layer has no households field (a warning says so);
``area_m2`` is the zone outline (members closed over the street gaps),
``compound_area_m2`` the land the members cover themselves (overlaps counted once). Zone
names are in ``--lang`` (片区 1 / Zone 1). ``--out`` writes a planner project
(GeoPackage) with the compounds, the zone plan and a ``renovation_zones`` table of
outlines with their member ids, which any GIS opens.
Exit 0 on success; 2 with a one-line message on stderr when the input cannot be used.
"""

from __future__ import annotations

import sys
import time

import numpy as np

from gis.analysis.inputs import read_input
from gis.analysis.outcome import unique_json
from gis.analysis.zones import NeighbourRule, ZoneRequest
from gis.cli.base import add_input, add_params, command_parser, emit, execute, input_file, plain
from gis.domain import FieldRole, Role
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.notices import coded


def parser():
    p = command_parser("zones", "Suggest renovation zones (片区) of old compounds.",
                       main_input=("compounds", "compound polygons (.shp, .gpkg, .geojson, ...)"))
    add_input(p, "barriers", "arterial roads, rivers or railways that zones may not cross")
    add_params(p, NeighbourRule)
    add_params(p, ZoneRequest)
    p.add_argument("--all-years", action="store_true", help="use compounds of any build year")
    p.add_argument("--out", help="write the zones as a planner project (.gpkg)")
    return p


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    return execute("zone suggestion", lambda: _main(args))


def _main(args) -> int:
    start = time.perf_counter()
    run = _run(args)
    if args.out:
        from gis.project_file import save_project

        save_project(run["project"], args.out)
    out = to_json(run, time.perf_counter() - start)
    return emit(args, out, _text)


def _run(args) -> dict:
    from gis.project import Project

    project = Project()
    compounds, notes = read_input(input_file(args, "compounds", Role.COMPOUNDS))
    project.add_layer(compounds)
    barriers = None
    if args.barriers:
        barriers, said = read_input(input_file(args, "barriers", Role.BARRIERS), crs=project.crs)
        project.add_layer(barriers)
        notes += said
    model, outcome = suggest_accepted(args, compounds, barriers, notes)
    project.set_zones(model)
    own = outcome.notices[len(notes):] + _dropped(compounds)
    return {"project": project, "compounds": compounds, "model": model, "facts": outcome.facts,
            "suggestion": outcome.suggestion, "warnings": [n.message for n in own],
            "notices": notes + own, "gap": args.gap_m}


def suggest_accepted(args, compounds, barriers=None, notes=()):
    """A zone plan over *compounds* with the suggestion the options ask for accepted, and the outcome."""
    from gis.analysis.zones import run, zone_model
    from gis.i18n import translate
    from gis.zones.suggest import accept

    model = zone_model(NeighbourRule(compounds, barriers, gap_m=args.gap_m))
    model.name_template = translate("zones", model.name_template, args.lang)
    limits = {name: getattr(args, name) for name in ("min_households", "max_households", "max_area_m2",
                                                     "max_compounds", "min_compounds", "seed")}
    outcome = run(ZoneRequest(model, compounds, **limits, pre_year=None if args.all_years else args.pre_year,
                              input_notices=tuple(notes)))
    accept(model, outcome.suggestion)
    return model, outcome


def _dropped(compounds) -> list:
    """A notice when features were dropped on reading and ids are row numbers (they shift)."""
    if compounds.column(FieldRole.ID) is not None:
        return []
    dropped = sum(v for k, v in (compounds.source.repairs or {}).items()
                  if k.endswith("_dropped") and k not in ("z_dropped", "m_dropped"))
    if not dropped:
        return []
    return [coded("zones.ids_shifted", QT_TRANSLATE_NOOP(
        "zones", "{n} features without a usable geometry were left out on reading; without an "
                 "id field, compound ids count only the features kept."), n=int(dropped))]


# -- output -----------------------------------------------------------------------------
def to_json(run: dict, seconds: float) -> dict:
    """The CLI's JSON contract (see the module text)."""
    from gis.zones.stats import land_area

    model, facts, suggestion = run["model"], run["facts"], run["suggestion"]
    ids = compound_ids(run["compounds"])
    zones = []
    for zid, zone in model.zones.items():
        members = np.array(sorted(zone.members), dtype=np.int64)
        hh = facts.households[members]
        zones.append({
            "id": zid, "name": zone.name, "compounds": [ids[f] for f in members],
            "households": _whole(np.nansum(hh)) if facts.has_households else None,
            "area_m2": round(float(model.outline(zid).area), 1),
            "compound_area_m2": round(land_area(model.geometries, members), 1),
            "contiguous": model.contiguity(zid).ok,
        })
    excluded = {k: [ids[f] for f in v] for k, v in suggestion.excluded.items() if k != "fixed"}
    return {"zones": zones, "unassigned": [ids[f] for f in suggestion.unassigned],
            "excluded": excluded, "warnings": run["warnings"], "gap_m": run["gap"],
            "seconds": round(seconds, 3), "notices": unique_json(run["notices"])}


def compound_ids(layer) -> list:
    """JSON-ready id per compound: the id field's values, else the row index."""
    col = layer.column(FieldRole.ID)
    if col is None:
        return list(range(len(layer)))
    return [plain(v) for v in col.tolist()]


def _whole(value: float):
    value = float(value)
    return int(value) if value.is_integer() else round(value, 1)


def _text(out: dict) -> str:
    zones = out["zones"]
    placed = sum(len(z["compounds"]) for z in zones)
    lines = [f"{len(zones)} zones of {placed} compounds, {len(out['unassigned'])} unassigned, "
             f"gap {out['gap_m']:g} m, {out['seconds']:.2f} s"]
    for z in zones:
        hh = "?" if z["households"] is None else z["households"]
        lines.append(f"zone {z['id']:>4}: {len(z['compounds']):>3} compounds, {hh} households, "
                     f"{z['area_m2'] / 10_000:.2f} ha")
    lines += [f"note: {w}" for w in out["warnings"]]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
