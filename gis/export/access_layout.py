"""The access table of a printed map layout: one row per zone (per compound without zones) with
the demand and its unit and flag, the supply received in reach, access per 1,000 and the
shortfall, headed as in the Excel report (gis.export.access_report), numbers digit-grouped.

Worded in the layout's language (Chinese by default); a long table keeps its first rows, the
worst short first, and says how many more there are.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from gis.export.access_report import FLAGS, access_sheets
from gis.export.sheet import DEC1, DEC2, INT
from gis.supply.result import AccessResult
from gis.wording import check_language, facility_term

_PY = {INT: ",.0f", DEC1: ",.1f", DEC2: ",.2f"}  # the Excel formats as Python's
KEYS = ("name", "demand", "demand_flag", "supply", "access_per_1000", "shortfall")
TITLES = {"zones": ("{type}: access and shortfall by zone (catchment {m} m)", "{type}可达性与缺口（按片区，服务半径 {m} 米）"),
          "compounds": ("{type}: access and shortfall by compound (catchment {m} m)",
                        "{type}可达性与缺口（按小区，服务半径 {m} 米）")}
MORE = {"zones": ("… {n} more zones", "……另有 {n} 个片区"), "compounds": ("… {n} more compounds", "……另有 {n} 个小区")}


@dataclass(frozen=True)
class PrintTable:
    """What the layout prints: a title, headers, text rows, which columns are numbers."""

    title: str
    headers: tuple[str, ...]
    rows: list[tuple[str, ...]]
    numeric: tuple[int, ...]
    unit_of_rows: str  # "zones" | "compounds"

    def capped(self, n: int, language: str) -> list[tuple[str, ...]]:
        """At most *n* rows, the last saying how many more there are when the table is longer."""
        if len(self.rows) <= n:
            return list(self.rows)
        keep = max(n - 1, 0)
        en, zh = MORE[self.unit_of_rows]
        more = (zh if language == "zh_CN" else en).format(n=f"{len(self.rows) - keep:,}")
        return list(self.rows[:keep]) + [(more,) + ("",) * (len(self.headers) - 1)]


def access_print_table(result: AccessResult, language: str = "zh_CN") -> PrintTable:
    """The zones' table when the result has zones, else the compounds'; worst shortfall first."""
    lang = check_language(language)
    sheets = access_sheets(result, lang)
    zones = result.zones is not None and len(sheets) > 2
    _sheet, frame, columns = sheets[2] if zones else sheets[0]
    frame = frame.copy()
    if zones:
        frame["demand_flag"] = _zone_flags(result, lang)
    else:
        frame = frame.rename(columns={"received": "supply"})
    by_key = {("supply" if c.key == "received" else c.key): c for c in columns}
    if zones:
        by_key["demand_flag"] = next(c for c in sheets[0][2] if c.key == "demand_flag")
    keys = [k for k in KEYS if k in by_key]
    if "shortfall" in frame:
        frame = frame.sort_values("shortfall", ascending=False, kind="stable")
    rows = [tuple(_cell(value, by_key[k].fmt) for k, value in zip(keys, rec)) for rec in
            frame[keys].itertuples(index=False, name=None)]
    numeric = tuple(i for i, k in enumerate(keys) if by_key[k].fmt in _PY)
    unit_of_rows = "zones" if zones else "compounds"
    en, zh = TITLES[unit_of_rows]
    title = (zh if lang == "zh_CN" else en).format(type=facility_term(result.facility_type, lang),
                                                   m=f"{result.catchment_m:,.0f}")
    return PrintTable(title, tuple(by_key[k].header for k in keys), rows, numeric, unit_of_rows)


def _zone_flags(result: AccessResult, lang: str) -> list[str]:
    """A zone's demand flag: its members' flags, joined when they differ (录入/估算)."""
    pick = 1 if lang == "zh_CN" else 0
    flags = np.asarray(result.demand_flags, dtype=object)
    out = []
    for members in result.zones.members:
        seen = list(dict.fromkeys(str(f) for f in flags[members]))
        out.append("/".join(FLAGS.get(f, FLAGS[""])[pick] for f in seen) or FLAGS[""][pick])
    return out


def _cell(value, fmt: str) -> str:
    if fmt not in _PY:
        return str(value)
    if value is None or pd.isna(value):
        return "—"
    return format(float(value), _PY[fmt])
