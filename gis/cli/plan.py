"""``python main.py plan PROJECT.gpkg [--catalogue C.json] [--consent TABLE] [--budget-per-year YUAN]
[--households-per-year N] [--compounds-per-year N] [--consent-threshold 0.8] [--years 2027-2030]
[--pin ZONE=YEAR ...] [--out plan.xlsx] [--json]``

The renovation programme of a project (made by ``project build … --suggest-zones --analyse``
or saved by the window): contents proposed from the data (basic items for compounds built by
the project's cut-off year, an elevator per eligible stairwell, a facility per zone for each
service it lacks), their costs and funding by the catalogue (``--catalogue``, default the
shipped preset), consent from ``--consent`` (CSV or XLSX: id — a compound's id, else its
unique name — stage, agree, total; see gis.programme.consent), and the
years under the annual budget, zones whole in check-up ranking order. Compounds outside every
zone are zones of one (id ``c:ID``). ``--out`` writes the 改造内容, 投资估算, 资金筹措, 年度计划
and 储备库 sheets.

With ``--json`` one JSON object is printed::

    {"compounds": [{"id", "zone", "items": [{"item", "class", "quantity", "unit", "cost", "held"}], "cost",
                    "funding": {channel: yuan}, "consent_ok", "consent": {stage: agree share or null},
                    "year"}],
     "zones": [{"id", "name", "cost", "households", "items", "year"}],
     "years": [{"year", "cost", "zones": [...], "households", "compounds"}],
     "reserve": [id, ...], "unscheduled": [zone id, ...], "notices": [...], "seconds"}

Costs are yuan, unrounded; an item's ``held`` is the share held back by a failed elevator
vote (its ``cost`` excludes it); ``year`` is null for the reserve and for zones that found no year
(named in the notices). A facility line (unit ``m2_facility``) also has ``basis``: ``shortfall``
(sized by the zone's shortfall against the provision standard, given as ``shortfall_m2``, at
least the item's size) or ``households`` (no shortfall known; a notice names the items).
Exit 0 on success; 2 with a one-line message on stderr when the input
cannot be used (a bad catalogue names the item; a budget too small for any zone says so).
"""

from __future__ import annotations

import sys
import time

from gis.analysis.programme import ProgrammeRequest
from gis.cli.base import Parser, add_params, add_source_crs, emit, execute


def parser() -> Parser:
    p = Parser(prog="main.py plan", description="The renovation programme: contents, costs, funding, consent, years.")
    p.add_argument("project", help="project .gpkg (with compounds; zones, buildings, facilities where available)")
    p.add_argument("--catalogue", help="content catalogue JSON (default: the shipped preset)")
    p.add_argument("--consent", help="consent table (.csv or .xlsx): id, stage, agree, total")
    p.add_argument("--years", help="programme years FIRST-LAST, e.g. 2027-2030 (default: the next five)")
    p.add_argument("--pin", action="append", default=[], metavar="ZONE=YEAR", help="put a zone in a year "
                   "(zone id or name; repeatable)")
    p.add_argument("--out", help="write the programme workbook (.xlsx)")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", help="language of the workbook (zh)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    add_source_crs(p)
    add_params(p, ProgrammeRequest)
    return p


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    return execute("plan", lambda: _main(args))


def _main(args) -> int:
    from gis.analysis.programme import parse_pin, parse_years, run
    from gis.cli.export import open_project
    from gis.programme import load_catalogue

    start = time.perf_counter()
    request = ProgrammeRequest(open_project(args.project, args.source_crs),
                               catalogue=load_catalogue(args.catalogue) if args.catalogue else None,
                               years=parse_years(args.years) if args.years else (), consent=args.consent,
                               pins=tuple(parse_pin(p) for p in args.pin), budget_per_year=args.budget_per_year,
                               households_per_year=args.households_per_year,
                               compounds_per_year=args.compounds_per_year, consent_threshold=args.consent_threshold)
    outcome = run(request)
    if args.out:
        from gis.export.programme_excel import write_programme

        write_programme(outcome.programme, args.out, language="en" if args.lang == "en" else "zh_CN",
                        notices=outcome.notices)
    out = outcome.programme.to_json()
    out.update(notices=outcome.notices_json(), seconds=round(time.perf_counter() - start, 3))
    return emit(args, out, _text)


def _text(out: dict) -> str:
    total = sum(y["cost"] for y in out["years"])
    lines = [f"{len(out['compounds'])} compounds, {len(out['zones'])} zones, {total:,.0f} yuan scheduled, "
             f"{len(out['reserve'])} in the reserve, {out['seconds']:.2f} s"]
    lines += [f"  {y['year']}: {y['cost']:>16,.0f} yuan  {len(y['zones']):>4} zones  {y['households']:>8,.0f} "
              f"households" for y in out["years"]]
    lines += [f"note: {n['message']}" for n in out["notices"]]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
