"""``python main.py estimate COMPOUNDS [--buildings B] [--floor-area-field COL] [--raster R]
[--elderly-raster R] [--children-raster R] [--area-field COL] [--preset P] [--persons-per-household N ...]
[--out OUT.gpkg] [--json]``

Estimates the people counts the compounds lack (households, residents, 60+, 0–6), as the
window's People ▸ Estimate does (:func:`gis.analysis.people.run`): households from the
buildings' footprint × floors (or a floor-area column) × the usable-area factor ÷ the dwelling
size; residents from a population raster, else households × persons per household; the age
groups from their rasters, else residents × the age shares. An entered or surveyed value always
wins. The figures are the preset's (``--preset``, default the shipped one) unless an option sets one.

With ``--json`` one JSON object is printed::

    {"compounds": [{"id", "households", "population", "elderly", "children",
                    "sources": {"households": "entered" | "survey" | "estimated:<method>" | "", ...}}, ...],
     "notices": [{"code", "level", "message"}, ...], "seconds": ...}

A count is null where it is still unknown. ``--out`` writes the compounds with the estimates
(GeoPackage, layer ``compounds``), each source in ``<column>_来源``.

Exit 2 naming the option that answers: ``--buildings`` when there is nothing to estimate from,
``--field buildings.floors=COLUMN`` when the buildings have no floors, ``--floor-area-field`` /
``--area-field`` naming a column the compounds lack, a figure out of its range by its option.
"""

from __future__ import annotations

import sys
import time

from gis.analysis.people import PeopleRequest
from gis.cli.base import add_input, add_params, command_parser, emit, execute, input_file
from gis.domain import FieldRole, Role

RASTERS = (("raster", FieldRole.POPULATION, "population raster (GeoTIFF, people per cell)"),
           ("elderly_raster", FieldRole.ELDERLY, "60+ raster (GeoTIFF, people per cell)"),
           ("children_raster", FieldRole.CHILDREN, "0-6 raster (GeoTIFF, people per cell)"))
_LISTED = 20  # compounds listed in the text output


def parser():
    p = command_parser("estimate", "Estimate missing people counts of compounds (households, residents, 60+, 0-6).")
    add_input(p, "compounds", "compound polygons (.shp, .gpkg, .geojson, ...)", positional=True)
    add_input(p, "buildings", "building footprints with a floors field (households from their floor area)")
    for option, _role, text in RASTERS:
        p.add_argument("--" + option.replace("_", "-"), dest=option, metavar="TIF", help=text)
    p.add_argument("--preset", help="people preset JSON (default: the shipped one)")
    p.add_argument("--out", help="write the compounds with the estimates (.gpkg)")
    add_params(p, PeopleRequest)
    return p


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    return execute("people estimate", lambda: _main(args))


def _main(args) -> int:
    from gis.analysis.people import per_compound, run
    from gis.cli.zones import compound_ids

    start = time.perf_counter()
    outcome = run(build_request(args))
    if args.out:
        _write(outcome, args.out)
    rows = per_compound(outcome)
    ids = compound_ids(outcome.request.compounds)
    out = {"compounds": [{"id": ids[i], **row} for i, row in enumerate(rows)],
           "notices": outcome.notices_json(), "seconds": round(time.perf_counter() - start, 3)}
    return emit(args, out, _text)


def build_request(args) -> PeopleRequest:
    """The window's request from the command's files and options."""
    from gis.analysis.inputs import read_input
    from gis.analysis.params import cli_flag, declared
    from gis.people.preset import load_people_preset

    compounds, notes = read_input(input_file(args, "compounds", Role.COMPOUNDS))
    buildings = None
    spec = input_file(args, "buildings", Role.BUILDINGS)
    if spec is not None:
        buildings, said = read_input(spec, crs=compounds.data.crs)
        notes = notes + said
    rasters = {role: getattr(args, option) for option, role, _t in RASTERS if getattr(args, option)}
    figures = {name: getattr(args, name) for name, _p in declared(PeopleRequest)}
    for name, p in declared(PeopleRequest):  # a value out of range is refused by its option's name
        p.check(cli_flag(name, p), figures[name])
    return PeopleRequest(compounds, load_people_preset(args.preset), buildings=buildings, rasters=rasters,
                         input_notices=tuple(notes), **figures)


def _write(outcome, out: str) -> None:
    import geopandas as gpd

    from gis.export.target import Target
    from gis.export.vector import write_gpkg

    layer = outcome.request.compounds
    frame = gpd.GeoDataFrame(outcome.frame, geometry=layer.data.geometry.name, crs=layer.data.crs)
    write_gpkg({"compounds": frame}, out, target=Target(layer.data.crs))


def _text(out: dict) -> str:
    rows = out["compounds"]
    guessed = sum(any(str(s).startswith("estimated") for s in r.get("sources", {}).values()) for r in rows)
    lines = [f"{len(rows)} compounds, {guessed} with estimates, {out['seconds']:.2f} s"]
    for r in rows[:_LISTED]:
        counts = ", ".join(f"{k} {r[k]:g} ({r['sources'][k]})" for k in r.get("sources", {}) if r.get(k) is not None)
        lines.append(f"compound {r['id']}: {counts or 'no counts'}")
    if len(rows) > _LISTED:
        lines.append(f"… {len(rows) - _LISTED} more compounds (--json lists them all)")
    lines += [f"note: {n['message']}" for n in out["notices"]]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
