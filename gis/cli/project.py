"""``python main.py project build OUT.gpkg --compounds C --facilities F [--roads R] [--buildings B]
[--gates G] [--barriers X] [--X-crs CRS] [--field ROLE.KEY=COLUMN] [--suggest-zones
[--min-households N] [--max-households N] ...] [--analyse] [--lang zh|en] [--json]``

Builds the project the window would save from those files: each file read by the importer as
File ▸ Add data reads it (roles from the options, fields guessed or given with ``--field``,
every layer in the compounds' working CRS), refusing where the import dialog would ask (as the
other commands do). ``--suggest-zones`` runs the zone suggestion (gis.analysis.zones) with the
window's defaults unless limits are given, and accepts it; ``--analyse`` runs the life circles
and the gap analysis with the standards preset (gis.analysis), so their notices are reported;
the results themselves are computed again by ``export`` and the window, as they are not stored
in a project. The analysis settings used (gap, build-year cut-off, elevator floors) are saved
in the project's settings.

With ``--json`` one JSON object is printed::

    {"project": path, "layers": [{"name", "role", "features"}], "zones": n,
     "gaps": {type: {"covered", "uncovered", "households_uncovered"}} | null,
     "life_circles": [{"type", "distance_m", "facilities", "area_m2"}] | null,
     "notices": [{"code", "level", "message"}, ...], "seconds": ...}

Exit 0 on success; 2 with a one-line message on stderr when the input cannot be used.
"""

from __future__ import annotations

import sys
import time

from gis.analysis.project_settings import ProjectSettings
from gis.analysis.outcome import unique_json
from gis.analysis.zones import NeighbourRule, ZoneRequest
from gis.cli import fail
from gis.cli.base import add_input, add_params, command_parser, emit, execute, project_of
from gis.domain import Role

INPUTS = (("compounds", Role.COMPOUNDS, "compound polygons"), ("facilities", Role.FACILITIES, "facility points"),
          ("roads", Role.ROADS, "road lines (the walking network)"), ("buildings", Role.BUILDINGS,
                                                                     "building footprints"),
          ("gates", Role.ENTRANCES, "compound gates"), ("barriers", Role.BARRIERS,
                                                        "arterial roads, rivers or railways zones may not cross"))


def parser():
    p = command_parser("project build", "Build a planner project (.gpkg) from data files.")
    p.add_argument("out", help="the project file to write (.gpkg)")
    for option, _role, text in INPUTS:
        add_input(p, option, text, required=option in ("compounds", "facilities"))
    p.add_argument("--suggest-zones", action="store_true", help="suggest renovation zones and accept them")
    add_params(p, NeighbourRule)
    add_params(p, ZoneRequest)
    p.add_argument("--all-years", action="store_true", help="zones of compounds of any build year")
    p.add_argument("--analyse", action="store_true", help="run the life circles and the gap analysis")
    return p


def main(argv: list[str]) -> int:
    if not argv or argv[0] != "build":
        return fail("usage: main.py project build OUT.gpkg --compounds C --facilities F [...] (see: main.py "
                    "project build --help)")
    args = parser().parse_args(argv[1:])
    return execute("project build", lambda: _main(args))


def _main(args) -> int:
    from gis.project_file import save_project

    start = time.perf_counter()
    project, layers, notes = build_project(args)
    out = {"project": args.out, "zones": 0, "gaps": None, "life_circles": None}
    if args.suggest_zones:
        notes += _suggest(project, layers, args)
        out["zones"] = len(project.zones)
    if args.analyse:
        notes += _analyse(project, layers, out)
    save_project(project, args.out)
    out.update(layers=[{"name": lyr.name, "role": lyr.role.value, "features": len(lyr)} for lyr in project.layers],
               notices=unique_json(notes), seconds=round(time.perf_counter() - start, 3))
    return emit(args, out, _text)


def build_project(args):
    """A project of every input file (compounds first: their working CRS is the project's)."""
    project, layers, notes = project_of(args, INPUTS)
    ProjectSettings(pre_year=args.pre_year, gap_tolerance_m=args.gap_m).store(project)
    return project, layers, notes


def _suggest(project, layers, args) -> list:
    from gis.cli.zones import suggest_accepted

    model, outcome = suggest_accepted(args, layers["compounds"], layers.get("barriers"))
    project.set_zones(model)
    return outcome.notices


def _analyse(project, layers, out: dict) -> list:
    from gis.analysis.gaps import GapRequest
    from gis.analysis.life_circles import LifeCircleRequest
    from gis.analysis.session import session_for
    from gis.gaps.elevators import ElevatorParams

    session = session_for(project)
    roads = layers.get("roads")
    lc = session.run("life_circles", LifeCircleRequest(layers["facilities"], session.standards,
                                                       mode="network" if roads is not None else "buffer",
                                                       roads=roads.data if roads is not None else None))
    gaps = session.run("gaps", GapRequest(project, layers["compounds"], session.standards, ElevatorParams(),
                                          roads=roads.data if roads is not None else None,
                                          entrances=layers.get("gates"), buildings=layers.get("buildings")))
    pt = lc.result.per_type
    out["life_circles"] = [{"type": t, "distance_m": float(d), "facilities": int(n), "area_m2": round(float(a), 1)}
                           for t, d, n, a in zip(pt["type"], pt["distance_m"], pt["facilities"], pt["area_m2"])]
    out["gaps"] = {t: {k: v for k, v in s.items() if k in ("covered", "uncovered", "households_uncovered")}
                   for t, s in gaps.gaps.summary().items()}
    return lc.notices + gaps.notices


def _text(out: dict) -> str:
    lines = [f"{out['project']}: {len(out['layers'])} layers, {out['zones']} zones, {out['seconds']:.2f} s"]
    lines += [f"  {lyr['role']:<11} {lyr['features']:>6}  {lyr['name']}" for lyr in out["layers"]]
    for t, s in (out["gaps"] or {}).items():
        lines.append(f"  {t:<16} served {s['covered']:>5}  lacking {s['uncovered']:>5}")
    lines += [f"note: {n['message']}" for n in out["notices"]]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
