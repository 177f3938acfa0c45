"""``python main.py join COMPOUNDS TABLE [--by name|address] [--table-field 小区名称] [--sheet S]
[--table-address-field COL] [--compound-address-field COL] [--out joined.gpkg] [--json]``

Joins a survey table (a 街道 spreadsheet, .xlsx or .csv: 小区名称, 户数, 常住人口, 60岁以上,
0-6岁 …) to compound polygons by name, as :mod:`gis.people.join` does for the window: names
evened out (width, spaces, brackets, 小区/花园/新村/宿舍, 一期, 1-5号楼, 号院, a district or street
prefix), exact unambiguous matches taken, near ones scored, two similar candidates never
guessed but listed. ``--by address`` matches the table's address column to the compounds';
with ``--by name`` an address on both sides settles a name several compounds share.

With ``--json`` one JSON object is printed::

    {"matched": [{"row", "id", "score"}, ...], "ambiguous": [{"row", "candidates": [id, ...]}, ...],
     "unmatched": [row, ...], "notices": [{"code", "level", "message"}, ...], "seconds": ...}

``row`` is the 0-based data row of the table (the header and title rows above it not counted);
``id`` the compound's id field, else its 0-based row. Negative or non-numeric counts are notices
(``join.negative``, ``join.not_a_number``) naming the row, and are skipped, never read as 0.
``--out`` writes the compounds with the table's columns for the matched rows (GeoPackage, layer
``compounds``); a people count fills only an empty cell and is marked in ``<column>_来源``.

Exit 2 naming the option that answers: ``--table-field`` when no column of the table holds
compound names, ``--field compounds.name=COLUMN`` when the compounds have none, the address
options with ``--by address``, ``--compounds-crs`` as for every command.
"""

from __future__ import annotations

import sys
import time

from gis.cli.base import add_input, command_parser, emit, execute, input_file
from gis.cli.zones import compound_ids
from gis.domain import FieldRole, Role
from gis.errors import NeedsAnswer
from gis.i18n import QT_TRANSLATE_NOOP

_LISTED = 20  # ambiguous rows listed in the text output


def parser():
    p = command_parser("join", "Join a survey table (小区名称, 户数, 常住人口 …) to compounds by name.")
    add_input(p, "compounds", "compound polygons (.shp, .gpkg, .geojson, ...)", positional=True)
    p.add_argument("table", help="the survey table (.xlsx or .csv)")
    p.add_argument("--by", choices=("name", "address"), default="name", help="match by (name)")
    p.add_argument("--table-field", metavar="COLUMN", help="the table's column of compound names")
    p.add_argument("--table-address-field", metavar="COLUMN", help="the table's address column")
    p.add_argument("--compound-address-field", metavar="COLUMN", help="the compounds' address column")
    p.add_argument("--sheet", help="the sheet of an .xlsx table (default: the first naming compounds)")
    p.add_argument("--out", help="write the joined compounds (.gpkg)")
    return p


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    return execute("survey join", lambda: _main(args))


def _main(args) -> int:
    from gis.analysis.inputs import read_input
    from gis.people.join import compound_addresses, match_table
    from gis.people.table import read_survey

    start = time.perf_counter()
    layer, notes = read_input(input_file(args, "compounds", Role.COMPOUNDS))
    names = layer.column(FieldRole.NAME)
    if names is None and args.by == "name":
        raise NeedsAnswer("join.no_compound_name", QT_TRANSLATE_NOOP(
            "errors", "The compounds have no name field. Say which column with {option}=COLUMN."),
            option="--field compounds.name")
    table = read_survey(args.table, name_field=args.table_field, address_field=args.table_address_field,
                        sheet=args.sheet)
    addresses = compound_addresses(layer.data, args.compound_address_field)
    result = match_table(table, names.tolist() if names is not None else [None] * len(layer), by=args.by,
                         addresses=addresses)
    notes = notes + result.notices
    if args.out:
        notes += _write(layer, table, result, args.out)
    return emit(args, to_json(result, compound_ids(layer), notes, time.perf_counter() - start), _text)


def _write(layer, table, result, out) -> list:
    from gis.export.target import Target
    from gis.export.vector import write_gpkg
    from gis.people.join import joined_frame

    frame, _fields, said = joined_frame(layer.data, layer.fields, table, result.assignment())
    write_gpkg({"compounds": frame}, out, target=Target(layer.data.crs))
    return said


def to_json(result, ids: list, notes: list, seconds: float) -> dict:
    """The CLI's JSON contract (see the module text)."""
    from gis.analysis.outcome import unique_json

    matched, ambiguous = [], []
    for row, m in enumerate(result.matches):
        if m.status == "matched":
            matched.append({"row": row, "id": ids[m.fid], "score": m.score})
        elif m.status == "ambiguous":
            ambiguous.append({"row": row, "candidates": [ids[fid] for fid, _ in m.candidates]})
    return {"matched": matched, "ambiguous": ambiguous, "unmatched": result.rows("unmatched"),
            "notices": unique_json(notes), "seconds": round(seconds, 3)}


def _text(out: dict) -> str:
    lines = [f"{len(out['matched'])} rows matched, {len(out['ambiguous'])} ambiguous, "
             f"{len(out['unmatched'])} unmatched, {out['seconds']:.2f} s"]
    lines += [f"row {a['row']}: one of {a['candidates']}" for a in out["ambiguous"][:_LISTED]]
    if len(out["ambiguous"]) > _LISTED:
        lines.append(f"… {len(out['ambiguous']) - _LISTED} more ambiguous rows (--json lists them all)")
    lines += [f"note: {n['message']}" for n in out["notices"]]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
