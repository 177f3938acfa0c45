"""``python main.py zones COMPOUNDS [--gap 30] [--min-households N] [--max-households N]
[--max-area M2] [--max-compounds N] [--pre-year 2000 | --all-years] [--barriers FILE]
[--out zones.gpkg] [--json]``

Suggests renovation zones (片区): contiguous groups of old compounds (touching or across
a street narrower than ``--gap`` metres, never across a ``--barriers`` line or polygon)
that meet the household, area and size limits. Compounds are read by the project
importer (encoding, CRS and field roles detected); only those built in or before
``--pre-year`` (default 2000) are used when the layer has a build-year field.

With ``--json`` one JSON object is printed::

    {"zones": [{"id", "compounds": [ids], "households", "area_m2", "compound_area_m2",
                "contiguous"}, ...],
     "unassigned": [ids],                  # eligible compounds no zone could take
     "excluded": {"too_new": [ids], "no_year": [ids], "too_large": [ids]},
     "warnings": [text, ...], "gap_m": 30.0, "seconds": ...}

A compound id is the value of the layer's id field, else its 0-based row index.
``households`` is null when the layer has no households field (a warning says so);
``area_m2`` is the zone outline (members closed over the street gaps),
``compound_area_m2`` the land the members cover themselves (overlaps counted once). ``--out`` writes a planner project
(GeoPackage) with the compounds, the zone plan and a ``renovation_zones`` table of
outlines with their member ids, which any GIS opens.
Exit 0 on success; 2 with a one-line message on stderr when the input cannot be used.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

import numpy as np

from gis.cli import crashed, fail
from gis.domain import FieldRole, Role
from gis.errors import Cancelled, GisError
from gis.i18n import QT_TRANSLATE_NOOP


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line on stderr, exit 2
        raise SystemExit(fail(f"{message} (see: main.py zones --help)"))


def parser() -> argparse.ArgumentParser:
    p = _Parser(prog="main.py zones", description="Suggest renovation zones (片区) of old compounds.")
    p.add_argument("compounds", help="compound polygons (.shp, .gpkg, .geojson, ...)")
    p.add_argument("--gap", type=float, default=30.0, help="neighbours are at most this far apart, m (30)")
    p.add_argument("--min-households", type=float, help="households per zone, at least")
    p.add_argument("--max-households", type=float, help="households per zone, at most")
    p.add_argument("--max-area", type=float, help="compound land per zone, at most (m²)")
    p.add_argument("--max-compounds", type=int, help="compounds per zone, at most")
    p.add_argument("--pre-year", type=int, default=2000, help="only compounds built by this year (2000)")
    p.add_argument("--all-years", action="store_true", help="use compounds of any build year")
    p.add_argument("--barriers", help="arterial roads, rivers or railways that zones may not cross")
    p.add_argument("--source-crs", help="the compounds' CRS when the file does not say (EPSG:4548, gcj02, ...)")
    p.add_argument("--seed", type=int, default=0, help="seed of the search (0)")
    p.add_argument("--out", help="write the zones as a planner project (.gpkg)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    return p


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    start = time.perf_counter()
    try:
        run = _run(args)
        if args.out:
            _save(run, args.out)
    except GisError as exc:
        return fail(exc.message)
    except Cancelled:
        return fail("cancelled")
    except Exception as exc:  # the CLI contract: never a traceback
        return crashed(exc, "zone suggestion failed")
    out = to_json(run, time.perf_counter() - start)
    print(json.dumps(out, ensure_ascii=False) if args.json else _text(out))
    return 0


def _read(path: str, role: Role, *, source_crs: str | None = None, crs=None):
    from gis.io.importer import build_layer, inspect_file

    options = {"source_crs": source_crs} if source_crs else {}
    report = inspect_file(path, role=role, **options)
    dropped = sum(v for k, v in report.repairs.items() if k.endswith("_dropped") and k not in
                  ("z_dropped", "m_dropped"))
    return build_layer(report, role=role, crs=crs), int(dropped)


def _run(args) -> dict:
    from gis.project import Project
    from gis.zones.model import ZoneModel
    from gis.zones.stats import CompoundFacts
    from gis.zones.suggest import Constraints, accept, suggest_for

    constraints = Constraints(min_households=args.min_households, max_households=args.max_households,
                              max_area_m2=args.max_area, max_compounds=args.max_compounds,
                              pre_year=None if args.all_years else args.pre_year).validate()
    compounds, dropped = _read(args.compounds, Role.COMPOUNDS, source_crs=args.source_crs)
    project = Project()
    project.add_layer(compounds)
    barriers = None
    if args.barriers:
        barriers, _ = _read(args.barriers, Role.BARRIERS, crs=project.crs)
        project.add_layer(barriers)
    model = ZoneModel.from_layer(compounds, gap=args.gap, barriers=barriers)
    facts = CompoundFacts(compounds)
    suggestion = suggest_for(model, compounds, constraints=constraints, facts=facts, seed=args.seed)
    accept(model, suggestion)
    project.set_zones(model)
    warnings = [n.message for n in suggestion.warnings]
    if not facts.has_households:
        warnings.insert(0, QT_TRANSLATE_NOOP(
            "zones", "The compounds have no households field, so zone households are null."))
    if dropped and compounds.column(FieldRole.ID) is None:
        warnings.append(QT_TRANSLATE_NOOP(
            "zones", "{n} features without a usable geometry were left out on reading; without an "
                     "id field, compound ids count only the features kept.").format(n=dropped))
    return {"project": project, "compounds": compounds, "model": model, "facts": facts,
            "suggestion": suggestion, "warnings": warnings, "gap": args.gap}


def _save(run: dict, path: str) -> None:
    from gis.project_file import save_project

    save_project(run["project"], path)


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
            "id": zid, "compounds": [ids[f] for f in members],
            "households": _whole(np.nansum(hh)) if facts.has_households else None,
            "area_m2": round(float(model.outline(zid).area), 1),
            "compound_area_m2": round(land_area(model.geometries, members), 1),
            "contiguous": model.contiguity(zid).ok,
        })
    excluded = {k: [ids[f] for f in v] for k, v in suggestion.excluded.items() if k != "fixed"}
    return {"zones": zones, "unassigned": [ids[f] for f in suggestion.unassigned],
            "excluded": excluded, "warnings": run["warnings"], "gap_m": run["gap"],
            "seconds": round(seconds, 3)}


def compound_ids(layer) -> list:
    """JSON-ready id per compound: the id field's values, else the row index."""
    col = layer.column(FieldRole.ID)
    if col is None:
        return list(range(len(layer)))
    return [_plain(v) for v in col.tolist()]


def _plain(value):
    if isinstance(value, np.generic):
        value = value.item()
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    return value if isinstance(value, (int, float, str)) else str(value)


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
