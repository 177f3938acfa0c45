"""``python main.py export PROJECT --format F --out PATH [--crs EPSG|wgs84|gcj02] [--layer L ...]``

Formats: gpkg, shp, geojson, kml, dxf (CAD), xlsx (the report), html (offline web map),
pdf and png (map layouts at 300 dpi). PROJECT is a project GeoPackage, or any data file
the importer reads (it becomes a one-layer project). Analyses the format needs (zone
statistics, gaps, elevators, ranking, service areas) are computed from the project.

Prints the written files, one per line (``--json``: one JSON object with ``paths``,
``renamed`` fields, ``notices`` ({code, level, message}) and ``seconds``); notices go to stderr. Exit 0 on
success; 2 with a one-line message on stderr when the input cannot be used.

pdf and png need Qt: only for them the layout module of the GUI is imported, so the
engine stays free of Qt.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time

from gis.cli import crashed, fail
from gis.cli.base import add_source_crs
from gis.errors import GisError
from gis.export.project_export import FORMATS, LAYOUTS, check_format, export_project

LAYOUT_MODULE = "gui.layout.export"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line on stderr, exit 2
        raise SystemExit(fail(f"{message} (see: main.py export --help)"))


def parser() -> argparse.ArgumentParser:
    p = _Parser(prog="main.py export", description="Export a project for designers, meetings and reports.")
    p.add_argument("project", help="project .gpkg (or a data file)")
    p.add_argument("--format", required=True, help="|".join(FORMATS))
    p.add_argument("--out", required=True, help="output file (a folder for several Shapefile/GeoJSON layers)")
    p.add_argument("--crs", help="target CRS: an EPSG code (default: the project's Gauss-Krüger zone; "
                                 "WGS 84 for kml/geojson/html), wgs84 or gcj02")
    p.add_argument("--layer", action="append", help="zones, gaps, elevators, service_areas, a layer name or "
                                                    "role, or all (repeatable; default: everything)")
    p.add_argument("--encoding", default="utf-8", choices=["utf-8", "gbk"],
                   help="Shapefile attribute encoding (gbk for older ArcGIS)")
    p.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en"], help="language of headers and labels")
    p.add_argument("--title", default="", help="title of the map, KML document or web page")
    p.add_argument("--paper", default="A4", choices=["A4", "A3"], help="pdf/png paper size")
    p.add_argument("--orientation", default="landscape", choices=["landscape", "portrait"])
    p.add_argument("--no-inset", action="store_true", help="pdf/png without the overview inset")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    add_source_crs(p)
    return p


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    t0 = time.perf_counter()
    try:
        fmt = check_format(args.format)
        project = open_project(args.project, args.source_crs)
        if fmt in LAYOUTS:
            layout = importlib.import_module(LAYOUT_MODULE)
            path = layout.cli_export(project, args.out, fmt, title=args.title, paper=args.paper,
                                     orientation=args.orientation, inset=not args.no_inset, language=args.lang)
            summary = {"paths": [str(path)], "renamed": {}, "notices": []}
        else:
            result = export_project(project, args.out, fmt=fmt, crs=args.crs, layers=args.layer,
                                    encoding=args.encoding, language=args.lang, title=args.title)
            summary = result.to_dict()
    except GisError as exc:
        return fail(exc.message)
    except Exception as exc:  # the CLI contract: never a traceback
        return crashed(exc, "export failed")
    summary["seconds"] = round(time.perf_counter() - t0, 3)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
    else:
        for note in summary["notices"]:
            print(f"note: {note['message']}", file=sys.stderr)
        print("\n".join(summary["paths"]))
    return 0


def open_project(path: str, source_crs: str | None = None):
    """A saved project, or a new project holding the one data file at *path* (in *source_crs*
    when given, else as the file says or as the user answered before in the window); refused
    naming ``--source-crs`` when the file's CRS must be chosen."""
    from gis.io import CrsMemory
    from gis.opening import open_any

    return open_any(path, source_crs=source_crs, memory=CrsMemory.default())
