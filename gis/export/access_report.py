"""Access with supply and demand in the Excel report: per compound, per facility and per zone.

Every number column names its unit: demand in people (of the group) or households, capacity
in the type's measure (places, beds, seats, m²), access per 1,000 of the demand, supply
received, required and short in the measure. Entered, estimated and default values are
flagged in their own column. Headers are Chinese by default (English with ``language="en"``).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from gis.export.sheet import DEC1, DEC2, INT, TEXT, Column, write_sheet
from gis.export.result import atomic_path
from gis.i18n import QT_TRANSLATE_NOOP
from gis.supply.capacity import DEFAULT, ENTERED, ESTIMATED, SURVEY
from gis.supply.result import AccessResult
from gis.wording import check_language, facility_term

_N = QT_TRANSLATE_NOOP
UNITS = {"places": ("places", "位"), "beds": ("beds", "床"), "seats": ("seats", "座"), "m2": ("m²", "m²")}
DEMAND = {  # demand role -> (English, Chinese) with the unit
    "elderly": ("Elderly 60+ (people)", "60岁以上老人(人)"), "children": ("Children 0-6 (people)", "0-6岁儿童(人)"),
    "population": ("Residents (people)", "常住人口(人)"), "households": ("Households", "户数(户)"),
}
FLAGS = {ENTERED: ("entered", "录入"), ESTIMATED: ("estimated", "估算"), DEFAULT: ("default", "默认"),
         SURVEY: ("survey table", "调查表"), "": ("unknown", "未知")}
HEADERS: dict[str, tuple[str, str]] = {
    "id": (_N("export", "ID"), "编号"),
    "name": (_N("export", "Name"), "名称"),
    "zone": (_N("export", "Zone"), "片区"),
    "compounds": (_N("export", "Compounds"), "小区数"),
    "demand_flag": (_N("export", "Demand value"), "需求数据"),
    "access_per_1000": (_N("export", "Access ({unit} per 1,000 {who})"), "可达供给(每千{who}{unit})"),
    "received": (_N("export", "Supply received ({unit})"), "分得供给({unit})"),
    "required": (_N("export", "Required ({unit})"), "应配({unit})"),
    "shortfall": (_N("export", "Shortfall ({unit})"), "缺口({unit})"),
    "capacity": (_N("export", "Capacity ({unit})"), "容量({unit})"),
    "capacity_flag": (_N("export", "Capacity value"), "容量数据"),
    "reached_demand": (_N("export", "Demand within reach"), "服务范围内需求"),
    "ratio_per_1000": (_N("export", "Supply per 1,000 {who} in reach ({unit})"), "服务范围内每千{who}供给({unit})"),
    "supply": (_N("export", "Supply received ({unit})"), "分得供给({unit})"),
    "pooled": (_N("export", "Pooled in the zone"), "片区统筹"),
    "sheet_compounds": (_N("export", "Access {type}"), "{type}可达性"),
    "sheet_facilities": (_N("export", "Capacity {type}"), "{type}容量"),
    "sheet_zones": (_N("export", "Zone access {type}"), "{type}片区"),
}


def _h(key: str, lang: str, **params) -> str:
    en, zh = HEADERS[key]
    return (zh if lang == "zh_CN" else en).format(**params)


def access_sheets(result: AccessResult, language: str = "zh_CN") -> list[tuple[str, pd.DataFrame, list[Column]]]:
    """``(sheet title, frame, columns)`` for the compounds, the facilities and (with zones) the zones."""
    lang = check_language(language)
    pick = 1 if lang == "zh_CN" else 0
    unit = UNITS[result.capacity.measure][pick]
    who = (("households", "户") if result.demand_role == "households" else ("people", "人"))[pick]
    kind = facility_term(result.facility_type, lang)
    demand = DEMAND.get(result.demand_role, (f"Demand ({result.demand_column})", f"需求({result.demand_column})"))
    comp = result.compound_table()
    comp["demand_flag"] = [FLAGS.get(f, FLAGS[""])[pick] for f in comp["demand_flag"]]
    cols = [Column("id", _h("id", lang)), Column("name", _h("name", lang)),
            Column("demand", demand[pick], INT), Column("demand_flag", _h("demand_flag", lang)),
            Column("access_per_1000", _h("access_per_1000", lang, unit=unit, who=who), DEC2),
            Column("received", _h("received", lang, unit=unit), DEC1)]
    if result.shortfall is not None:
        cols += [Column("required", _h("required", lang, unit=unit), DEC1),
                 Column("shortfall", _h("shortfall", lang, unit=unit), DEC1)]
    fac = result.facility_table()
    fac["capacity_flag"] = [FLAGS.get(f, FLAGS[""])[pick] for f in fac["capacity_flag"]]
    fac["ratio_per_1000"] = fac["ratio"] * 1000.0
    fac_cols = [Column("id", _h("id", lang)), Column("name", _h("name", lang)),
                Column("capacity", _h("capacity", lang, unit=unit), DEC1),
                Column("capacity_flag", _h("capacity_flag", lang)),
                Column("reached_demand", _h("reached_demand", lang), DEC1),
                Column("ratio_per_1000", _h("ratio_per_1000", lang, unit=unit, who=who), DEC2)]
    out = [(_h("sheet_compounds", lang, type=kind), comp, cols),
           (_h("sheet_facilities", lang, type=kind), fac, fac_cols)]
    if result.zones is not None:
        out.append((_h("sheet_zones", lang, type=kind), *_zone_sheet(result, lang, unit, who, demand[pick])))
    return out


def _zone_sheet(result: AccessResult, lang: str, unit: str, who: str, demand_header: str):
    table = result.zone_table()
    cols = [Column("id", _h("id", lang)), Column("name", _h("zone", lang)),
            Column("compounds", _h("compounds", lang), INT), Column("demand", demand_header, INT),
            Column("supply", _h("supply", lang, unit=unit), DEC1),
            Column("access_per_1000", _h("access_per_1000", lang, unit=unit, who=who), DEC2)]
    if "shortfall" in table:
        yes_no = ("yes", "no") if lang != "zh_CN" else ("是", "否")
        table["pooled"] = np.where(table["pooled"].astype(bool), *yes_no)
        cols += [Column("required", _h("required", lang, unit=unit), DEC1),
                 Column("shortfall", _h("shortfall", lang, unit=unit), DEC1), Column("pooled", _h("pooled", lang), TEXT)]
    return table, cols


def add_access_sheets(wb, results: list[AccessResult], language: str = "zh_CN") -> None:
    """Append the sheets of every access result to the openpyxl workbook *wb*."""
    for result in results:
        for title, frame, columns in access_sheets(result, language):
            write_sheet(wb.create_sheet(title[:31]), frame, columns, check_language(language))


def write_access_xlsx(results: list[AccessResult], path: str | Path, *, language: str = "zh_CN") -> Path:
    """A workbook of the access sheets alone (``main.py access --out``)."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    add_access_sheets(wb, results, language)
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return Path(path)
