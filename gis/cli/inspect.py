"""``python main.py inspect PATH [--layer L] [--source-crs CRS] [--encoding ENC] [--json]``

Prints what the importer finds in a file: features, geometry type, coordinate system (and
where it came from, with ranked candidates when it was inferred), encoding, WGS 84 bounds,
layer role, field mapping, repairs, warnings and the first features' mapped attributes.
With ``--json`` exactly one JSON object is printed. Exit 0 on success; 2 with a one-line
message on stderr when the input cannot be used.
"""

from __future__ import annotations

import argparse
import json
import sys

from gis.analysis.outcome import unique_json
from gis.cli import crashed, fail
from gis.domain import Role
from gis.errors import GisError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line on stderr, exit 2 (argparse prints usage)
        raise SystemExit(fail(f"{message} (see: main.py inspect --help)"))


def parser() -> argparse.ArgumentParser:
    """The command's options (``main.py inspect --help``)."""
    p = _Parser(prog="main.py inspect", description="Inspect a GIS file as the importer sees it.")
    p.add_argument("path", help="shapefile (.shp/.zip), .gpkg, .geojson/.json, .kml/.kmz, .gpx, "
                                ".gdb folder, .dxf, .csv or .xlsx")
    p.add_argument("--layer", help="layer, CAD layer, sheet, or dataset inside a zip")
    p.add_argument("--source-crs", help="the data's CRS: gcj02, bd09, EPSG:xxxx (remembered "
                                        "for this file)")
    p.add_argument("--encoding", help="attribute encoding, e.g. GBK, UTF-8")
    p.add_argument("--role", choices=[r.value for r in Role], help="override the layer role")
    p.add_argument("--geometry", choices=["polygon", "line", "point"],
                   help="which geometry type to keep from a mixed layer (default: the most common)")
    p.add_argument("--preset", help="import preset (JSON) with a saved field mapping")
    p.add_argument("--rules", help="facility type rules (JSON), default: the shipped preset")
    p.add_argument("--no-memory", action="store_true",
                   help="neither recall nor remember CRS answers")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    return p


def main(argv: list[str]) -> int:
    """Run ``inspect``; 0 on success, 2 with a one-line message for unusable input."""
    args = parser().parse_args(argv)
    from gis.io import CrsMemory, FacilityRules, ImportPreset, inspect_file  # after parsing: fast --help

    try:
        options = ImportPreset.load(args.preset).options() if args.preset else {}
        for key in ("layer", "encoding", "source_crs", "role"):
            if getattr(args, key):
                options[key] = getattr(args, key)
        if args.geometry:
            options["geometry_family"] = args.geometry
        if args.rules:
            options["rules"] = FacilityRules.load(args.rules)
        memory = None if args.no_memory else CrsMemory.default()
        report = inspect_file(args.path, memory=memory, **options)
    except GisError as exc:
        return fail(exc.message)
    except Exception as exc:  # the CLI contract: never a traceback
        return crashed(exc, f"{args.path} cannot be read")
    out = report.to_json()
    out["notices"] = unique_json(report.notices)  # the warnings with their codes
    if args.json:
        print(json.dumps(out, ensure_ascii=False))
    else:
        print(_text(out))
    return 0


def _text(out: dict) -> str:
    crs = out["crs"]
    lines = [
        f"{out['path']}  [{out['driver']}{' / ' + out['layer'] if out['layer'] else ''}]",
        f"features: {out['features']} {out['geometry_type']}   role: {out['role']}",
        f"crs: {crs['name'] or 'unknown — choose one'} (from {crs['source']})"
        + (f", shifted from {crs['datum_shift']}" if crs["datum_shift"] else "")
        + (" — not declared: choose one with --source-crs" if crs["needs_choice"] and crs["name"] else ""),
    ]
    for cand in out["crs_candidates"][:6]:
        lines.append(f"  {cand['answer']}  {cand['name']}: {cand['reason']}")
    if out["encoding"]:
        lines.append(f"encoding: {out['encoding']['name']} (from {out['encoding']['source']})")
    if out["bounds_wgs84"]:
        lines.append("bounds (WGS 84): " + ", ".join(f"{v:.5f}" for v in out["bounds_wgs84"]))
    lines.append("fields: " + ", ".join(
        f"{f['name']}→{f['role']}" if f["role"] else f["name"] for f in out["fields"]))
    done = {k: v for k, v in out["repairs"].items() if v}
    lines.append("repairs: " + (", ".join(f"{k} {v}" for k, v in done.items()) or "none"))
    lines += [f"warning: {w}" for w in out["warnings"]]
    lines += [f"sample: {json.dumps(s, ensure_ascii=False)}" for s in out["sample"]]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
