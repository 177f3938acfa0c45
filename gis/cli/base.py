"""What every analysis command shares: one parser class, options built from the requests'
declared parameters (gis.analysis.params), the per-input answers (``--compounds-crs``,
``--field ROLE.KEY=COLUMN``), ``--lang``, ``--json``, and the run wrapper that turns engine
errors into one line and exit 2."""

from __future__ import annotations

import argparse
import json
from typing import Callable

from gis.analysis.inputs import InputFile, parse_fields
from gis.io.unanswered import CRS_VALUES
from gis.analysis.params import cli_flag, declared
from gis.cli import crashed, fail
from gis.domain import Role
from gis.errors import Cancelled, GisError

LANGS = ("zh", "en")


class Parser(argparse.ArgumentParser):
    """argparse whose usage errors are one line on stderr and exit 2."""

    def error(self, message: str):
        raise SystemExit(fail(f"{message} (see: {self.prog} --help)"))


def command_parser(name: str, description: str, *, main_input: tuple[str, str] | None = None) -> Parser:
    """The parser of ``main.py NAME`` with ``--json``, ``--lang`` and ``--field``; *main_input*
    ``(option, help)`` is the positional file the command works on (``--source-crs`` answers its CRS)."""
    p = Parser(prog=f"main.py {name}", description=description)
    if main_input is not None:
        add_input(p, *main_input, positional=True, crs_aliases=("--source-crs",))
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--lang", choices=LANGS, default="zh", help="language of names written into outputs (zh)")
    p.add_argument("--field", action="append", metavar="ROLE.KEY=COLUMN",
                   help="which column holds a field, e.g. compounds.households=户数, facilities.type=类别 "
                        "(repeatable)")
    return p


def add_params(p: argparse.ArgumentParser, request_cls, *, skip: tuple[str, ...] = ()) -> None:
    """One option per declared parameter of *request_cls* (default, unit and range in the help)."""
    for name, decl in declared(request_cls):
        if name in skip:
            continue
        unit = f" {decl.unit}" if decl.unit else ""
        default = "none" if decl.default is None else f"{decl.default:g}" if isinstance(decl.default, float) \
            else decl.default
        options = {"choices": list(decl.choices)} if decl.choices else {}
        flag = cli_flag(name, decl)
        p.add_argument(flag, dest=name, type=decl.kind, default=decl.default, metavar=flag[2:].upper(),
                       help=f"{decl.help}{unit and ','}{unit} (default {default})", **options)


def add_input(p: argparse.ArgumentParser, option: str, help: str, *, required: bool = False,
              positional: bool = False, crs_aliases: tuple[str, ...] = ()) -> None:
    """``--OPTION PATH`` (or a positional) and ``--OPTION-crs`` (the file's CRS when it cannot say)."""
    if positional:
        p.add_argument(option, help=help)
    else:
        p.add_argument(f"--{option}", required=required, help=help)
    p.add_argument(f"--{option}-crs", *crs_aliases, dest=f"{option}_crs", metavar="CRS",
                   help=f"the {option} file is in this CRS: {CRS_VALUES}")


def add_source_crs(p: argparse.ArgumentParser) -> None:
    """``--source-crs``: the CRS of a data file given where a project is expected, when it does not say."""
    p.add_argument("--source-crs", metavar="CRS", help=f"a data file given as the project is in this CRS: {CRS_VALUES}")


def add_district_inputs(p: argparse.ArgumentParser, inputs) -> None:
    """The inputs of a district analysis: each ``(option, role, help)`` of *inputs* (compounds and
    facilities required), the walking network, the zones and the standards preset."""
    for option, _role, text in inputs:
        add_input(p, option, text, required=option in ("compounds", "facilities"))
    add_input(p, "network", "walking network: a road line layer or an .osm / .osm.pbf file")
    add_input(p, "zones", "zone polygons (片区), or a saved project")
    p.add_argument("--standards", help="standards preset JSON (default: the shipped one)")


def input_file(args, option: str, role: Role) -> InputFile | None:
    """The :class:`InputFile` the options give for *option*, or None when not given."""
    path = getattr(args, option, None)
    if not path:
        return None
    fields = parse_fields(args.field).get(option, {})
    language = "en" if getattr(args, "lang", "zh") == "en" else "zh_CN"
    return InputFile(str(path), role, option, getattr(args, f"{option}_crs", None), fields, language)


def project_of(args, inputs) -> tuple:
    """A project holding the layer of each ``(option, role, help)`` in *inputs* the options name, in that
    order (the first one's working CRS is the project's): (project, layers by option, notices)."""
    from gis.analysis.inputs import read_input
    from gis.project import Project

    project, layers, notes = Project(), {}, []
    for option, role, _text in inputs:
        spec = input_file(args, option, role)
        if spec is not None:
            layers[option], said = read_input(spec, crs=project.crs)
            project.add_layer(layers[option])
            notes += said
    return project, layers, notes


def district_of(args, inputs) -> tuple:
    """:func:`project_of` plus the walking network of ``--network`` (None without it):
    (project, layers by option, roads, notices)."""
    from gis.analysis.inputs import network_input

    project, layers, notes = project_of(args, inputs)
    roads = None
    network = input_file(args, "network", Role.ROADS)
    if network is not None:
        roads, said = network_input(network, crs=project.crs)
        notes += said
    return project, layers, roads, notes


def execute(what: str, body: Callable[[], int]) -> int:
    """Run *body*; an engine error or a refusal is one line on stderr and exit 2."""
    try:
        return body()
    except GisError as exc:
        return fail(exc.message)
    except Cancelled:
        return fail("cancelled")
    except BrokenPipeError:  # the reader went away (| head): gis.cli.run ends quietly with 141
        raise
    except Exception as exc:  # the CLI contract: never a traceback (OCP_DEBUG=1 shows it)
        return crashed(exc, f"{what} failed")


def emit(args, out: dict, text: Callable[[dict], str]) -> int:
    """Print *out* as JSON (``--json``) or as text; exit 0."""
    print(json.dumps(out, ensure_ascii=False) if args.json else text(out))
    return 0


def plain(value):
    """A JSON value for a table cell (numpy scalars, NaN → None, other objects as text)."""
    from gis.gaps.compounds import plain as number

    value = number(value)
    return value if value is None or isinstance(value, (int, float, str)) else str(value)
