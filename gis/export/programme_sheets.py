"""The programme sheets of the Excel report: 改造内容, 投资估算, 资金筹措, 年度计划, 储备库.

Each builder returns ``(frame, columns, empty_reason)`` for :func:`gis.export.excel.write_sheet`:
Chinese headers (English with ``language="en"``), numbers as numbers, yuan with thousands
separators in the item rows and 万元 (ten thousand yuan) in the summary tables, as planners
write them; subtotal rows per class and per year, a bold total row last.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from gis.export.sheet import DEC1, DEC2, INT, PCT, YEAR, YUAN, Column
from gis.gaps.compounds import plain
from gis.i18n import QT_TRANSLATE_NOOP
from gis.programme.catalogue import CHANNELS, CLASSES, UNITS
from gis.programme.contents import ZONE
from gis.programme.model import Programme
from gis.programme.schedule import NONE
from gis.programme.tables import district_totals, per_unit, zone_table

WAN = 10_000.0
WAN_FMT = DEC2
HEADERS = {  # key → (English, 中文)
    "contents": (QT_TRANSLATE_NOOP("export", "Contents"), "改造内容"),
    "estimate": (QT_TRANSLATE_NOOP("export", "Investment"), "投资估算"),
    "funding": (QT_TRANSLATE_NOOP("export", "Funding"), "资金筹措"),
    "years": (QT_TRANSLATE_NOOP("export", "Annual plan"), "年度计划"),
    "reserve": (QT_TRANSLATE_NOOP("export", "Reserve"), "储备库"),
    "zone_id": (QT_TRANSLATE_NOOP("export", "Zone ID"), "片区编号"),
    "zone": (QT_TRANSLATE_NOOP("export", "Zone"), "片区"),
    "compound_id": (QT_TRANSLATE_NOOP("export", "Compound ID"), "小区编号"),
    "compound": (QT_TRANSLATE_NOOP("export", "Compound"), "小区名称"),
    "shared": (QT_TRANSLATE_NOOP("export", "(shared by the zone)"), "（片区共建）"),
    "class": (QT_TRANSLATE_NOOP("export", "Class"), "类别"),
    "item": (QT_TRANSLATE_NOOP("export", "Item"), "改造内容"),
    "quantity": (QT_TRANSLATE_NOOP("export", "Quantity"), "工程量"),
    "unit": (QT_TRANSLATE_NOOP("export", "Unit price basis"), "计价单位"),
    "unit_cost": (QT_TRANSLATE_NOOP("export", "Unit cost (yuan)"), "单价(元)"),
    "cost": (QT_TRANSLATE_NOOP("export", "Investment (yuan)"), "投资(元)"),
    "cost_wan": (QT_TRANSLATE_NOOP("export", "Investment (10,000 yuan)"), "投资(万元)"),
    "share": (QT_TRANSLATE_NOOP("export", "Share"), "占比"),
    "per_household": (QT_TRANSLATE_NOOP("export", "Per household (yuan)"), "户均(元/户)"),
    "per_m2": (QT_TRANSLATE_NOOP("export", "Per m² of floor area (yuan)"), "单方(元/m²)"),
    "year": (QT_TRANSLATE_NOOP("export", "Year"), "实施年度"),
    "held": (QT_TRANSLATE_NOOP("export", "Held back (quantity)"), "暂缓工程量"),
    "compounds": (QT_TRANSLATE_NOOP("export", "Compounds"), "小区数"),
    "households": (QT_TRANSLATE_NOOP("export", "Households"), "户数"),
    "floor_area": (QT_TRANSLATE_NOOP("export", "Floor area (m²)"), "建筑面积(m²)"),
    "rank": (QT_TRANSLATE_NOOP("export", "Check-up rank"), "体检排名"),
    "subtotal": (QT_TRANSLATE_NOOP("export", "Subtotal"), "小计"),
    "total": (QT_TRANSLATE_NOOP("export", "Total"), "合计"),
    "enter_ratio": (QT_TRANSLATE_NOOP("export", "Agree to enter"), "入库同意率"),
    "reason": (QT_TRANSLATE_NOOP("export", "Why it waits"), "原因"),
    "not_asked": (QT_TRANSLATE_NOOP("export", "not asked yet"), "尚未征询居民意愿"),
    "below": (QT_TRANSLATE_NOOP("export", "agreement below the threshold"), "同意率未达到入库要求"),
    "vote_failed": (QT_TRANSLATE_NOOP("export", "elevator vote failed (Civil Code art. 278)"),
                    "加装电梯表决未通过（民法典第278条）"),
    "no_year": (QT_TRANSLATE_NOOP("export", "no room in the years' budget"), "年度预算不足，待后续年度"),
    "empty_reserve": (QT_TRANSLATE_NOOP("export", "No compound waits in the reserve."), "储备库中暂无小区。"),
}
UNIT_ZH = {"m2_floor": "m²建筑面积", "household": "户", "building": "栋", "elevator": "台", "m2_facility": "m²",
           "lump_sum": "项"}


def word(key: str, lang: str) -> str:
    en, zh = HEADERS[key]
    return zh if lang == "zh_CN" else en


def _class_name(key: str, lang: str) -> str:
    return CLASSES[key][1] if lang == "zh_CN" else CLASSES[key][0]


def _unit_name(key: str, lang: str) -> str:
    return UNIT_ZH[key] if lang == "zh_CN" else UNITS[key][0]


def _channel_name(key: str, lang: str) -> str:
    return CHANNELS[key][1] if lang == "zh_CN" else CHANNELS[key][0]


def col(key: str, header: str, lang: str, fmt: str = "@") -> Column:
    return Column(key, word(header, lang) if header in HEADERS else header, fmt)


# -- 改造内容 --------------------------------------------------------------------------------
def contents_table(prog: Programme, lang: str):
    """One row per line ticked on, a subtotal after each compound and each zone's shared part
    (with the cost per household and per m² of floor area), the total last."""
    r, facts, c = prog.result(), prog.facts, prog.contents
    items = prog.catalogue.items
    lines = np.flatnonzero(c.on)
    is_zone = c.kind[lines] == ZONE
    owner = c.owner[lines]
    fid = np.where(is_zone, 0, owner)
    zone = np.where(is_zone, owner, facts.zone_of[fid])
    frame = pd.DataFrame({
        "_zone": zone, "_owner": np.where(is_zone, len(facts), owner), "_sub": 0,
        "class": [_class_name(items[i].klass, lang) for i in c.item[lines]],
        "item": [items[i].label(lang) for i in c.item[lines]], "quantity": c.quantity[lines],
        "unit": [_unit_name(items[i].unit, lang) for i in c.item[lines]],
        "unit_cost": [items[i].unit_cost for i in c.item[lines]],
        "cost": r.costs.line_cost[lines] + r.costs.held_cost[lines],
        "held": np.where(r.held[lines] > 0, r.held[lines] * c.quantity[lines], np.nan),
        "year": np.where(is_zone, r.schedule.year_of_zone[zone], r.compound_year[fid])})
    subs = frame.groupby(["_zone", "_owner"], sort=False)["cost"].sum().reset_index()
    subs["_sub"], subs["item"] = 1, word("subtotal", lang)
    own = subs["_owner"].to_numpy() < len(facts)
    members = [facts.members[z] for z in subs["_zone"]]
    hh = np.where(own, facts.households[np.where(own, subs["_owner"], 0)], [facts.households[m].sum() for m in members])
    area = np.where(own, facts.floor_area_m2[np.where(own, subs["_owner"], 0)],
                    [facts.floor_area_m2[m].sum() for m in members])
    per_unit(subs, hh, area)
    frame = pd.concat([frame, subs], ignore_index=True).sort_values(["_zone", "_owner", "_sub"], kind="stable")
    zones, owners = frame["_zone"].to_numpy(), frame["_owner"].to_numpy()
    shared = owners >= len(facts)
    frame["zone_id"] = [plain(facts.zone_ids[z]) for z in zones]
    frame["zone"] = [facts.zone_names[z] for z in zones]
    frame["compound_id"] = [None if sh else plain(facts.ids[o]) for sh, o in zip(shared, owners)]
    frame["compound"] = [word("shared", lang) if sh else str(facts.names[o]) for sh, o in zip(shared, owners)]
    frame["year"] = [None if pd.isna(y) or y == NONE else int(y) for y in frame["year"]]
    total = pd.DataFrame([{"zone_id": word("total", lang), "cost": float(frame.loc[frame["_sub"] == 0, "cost"].sum())}])
    frame = pd.concat([frame, total], ignore_index=True)
    frame.attrs["total_row"] = True
    cols = [col("zone_id", "zone_id", lang), col("zone", "zone", lang), col("compound_id", "compound_id", lang),
            col("compound", "compound", lang), col("class", "class", lang), col("item", "item", lang),
            col("quantity", "quantity", lang, DEC1), col("unit", "unit", lang),
            col("unit_cost", "unit_cost", lang, YUAN), col("cost", "cost", lang, YUAN),
            col("per_household", "per_household", lang, YUAN), col("per_m2", "per_m2", lang, DEC1),
            col("held", "held", lang, DEC1), col("year", "year", lang, YEAR)]
    return frame, cols, None


# -- 投资估算 and 资金筹措 (by class and item, 万元) -------------------------------------------
def _by_item(prog: Programme, lang: str) -> pd.DataFrame:
    table = prog.result().costs.by_item()
    table = table[table["cost"] > 0].copy()
    items = {it.key: it for it in prog.catalogue.items}
    table["class_key"] = table["class"]
    table["class"] = [_class_name(k, lang) for k in table["class_key"]]
    table["item"] = [items[k].label(lang) for k in table["item"]]
    table["unit"] = [_unit_name(u, lang) for u in table["unit"]]
    return table


def _with_subtotals(table: pd.DataFrame, sums: list[str], lang: str) -> pd.DataFrame:
    """Item rows, a subtotal after each class, the total last (bold)."""
    parts = []
    for key in CLASSES:
        rows = table[table["class_key"] == key]
        if not len(rows):
            continue
        parts.append(rows)
        parts.append(pd.DataFrame([{"class": _class_name(key, lang), "item": word("subtotal", lang),
                                    **rows[sums].sum().to_dict()}]))
    total = pd.DataFrame([{"class": word("total", lang), "item": "", **table[sums].sum().to_dict()}])
    frame = pd.concat(parts + [total], ignore_index=True)
    frame.attrs["total_row"] = True
    return frame


def estimate_table(prog: Programme, lang: str):
    table = _by_item(prog, lang)
    frame = _with_subtotals(table, ["cost"], lang)
    totals = district_totals(prog)
    frame["cost_wan"] = frame["cost"] / WAN
    frame["share"] = frame["cost"] / totals["cost"] if totals["cost"] else np.nan
    per_unit(frame, np.full(len(frame), totals["households"]), np.full(len(frame), totals["floor_area_m2"]))
    cols = [col("class", "class", lang), col("item", "item", lang), col("quantity", "quantity", lang, DEC1),
            col("unit", "unit", lang), col("unit_cost", "unit_cost", lang, YUAN),
            col("cost_wan", "cost_wan", lang, WAN_FMT), col("share", "share", lang, PCT),
            col("per_household", "per_household", lang, YUAN), col("per_m2", "per_m2", lang, DEC1)]
    return frame, cols, None


def funding_table(prog: Programme, lang: str):
    table = _by_item(prog, lang)
    channels = [ch for ch in CHANNELS if table[ch].sum() > 0]
    frame = _with_subtotals(table, ["cost", *channels], lang)
    for ch in ["cost", *channels]:
        frame[ch] = frame[ch] / WAN
    cols = [col("class", "class", lang), col("item", "item", lang), col("cost", "cost_wan", lang, WAN_FMT),
            *_channel_columns(channels, lang)]
    return frame, cols, None


def _channel_columns(channels: list[str], lang: str) -> list[Column]:
    unit = "(万元)" if lang == "zh_CN" else " (10,000 yuan)"
    return [Column(ch, f"{_channel_name(ch, lang)}{unit}", WAN_FMT) for ch in channels]


# -- 年度计划 --------------------------------------------------------------------------------
def years_table(prog: Programme, lang: str):
    """Zones by year in priority order, a subtotal per year, the total last (万元)."""
    per_zone = zone_table(prog).rename(columns={"id": "zone_id", "name": "zone", "floor_area_m2": "floor_area"})
    per_zone["rank"] = [None if pd.isna(v) else int(v) for v in per_zone["rank"]]
    channels = [ch for ch in CHANNELS if per_zone.loc[per_zone["year"] != NONE, ch].sum() > 0]
    sums = ["compounds", "households", "floor_area", "cost", *channels]
    parts = []
    for y in prog.years.years:
        rows = per_zone[per_zone["year"] == y].sort_values("order")
        if len(rows):
            parts += [rows, pd.DataFrame([{"year": y, "zone": word("subtotal", lang), **rows[sums].sum().to_dict()}])]
    done = per_zone[per_zone["year"] != NONE]
    parts.append(pd.DataFrame([{"year": None, "zone_id": word("total", lang), **done[sums].sum().to_dict()}]))
    frame = pd.concat(parts, ignore_index=True)
    frame.attrs["total_row"] = True
    frame["cost_wan"] = frame["cost"] / WAN
    per_unit(frame, frame["households"], frame["floor_area"])
    frame[channels] = frame[channels] / WAN
    cols = [col("year", "year", lang, YEAR), col("zone_id", "zone_id", lang), col("zone", "zone", lang),
            col("rank", "rank", lang, INT), col("compounds", "compounds", lang, INT),
            col("households", "households", lang, INT), col("floor_area", "floor_area", lang, INT),
            col("cost_wan", "cost_wan", lang, WAN_FMT), col("per_household", "per_household", lang, YUAN),
            col("per_m2", "per_m2", lang, DEC1), *_channel_columns(channels, lang)]
    return frame, cols, None


# -- 储备库 ----------------------------------------------------------------------------------
def reserve_table(prog: Programme, lang: str):
    r, facts = prog.result(), prog.facts
    consent = prog.consent
    cost = r.costs.compound_cost()
    ratio = consent.ratio("enter")
    rows = [{"compound_id": plain(facts.ids[f]), "compound": str(facts.names[f]),
             "zone": facts.zone_names[facts.zone_of[f]], "households": facts.households[f], "cost": cost[f],
             "enter_ratio": None if np.isnan(ratio[f]) else ratio[f],
             "reason": word("below" if consent.asked("enter")[f] else "not_asked", lang)} for f in r.reserve]
    held = np.flatnonzero(r.costs.held_cost > 0)
    rows += [{"compound_id": plain(facts.ids[o]), "compound": str(facts.names[o]),
              "zone": facts.zone_names[facts.zone_of[o]], "households": facts.households[o],
              "cost": r.costs.held_cost[n], "reason": word("vote_failed", lang)}
             for n, o in zip(held, prog.contents.owner[held])]
    rows += [{"zone": facts.zone_names[z], "households": r.zone_households[z], "cost": r.zone_cost[z],
              "reason": word("no_year", lang)} for z in r.schedule.unscheduled]
    cols = [col("compound_id", "compound_id", lang), col("compound", "compound", lang), col("zone", "zone", lang),
            col("households", "households", lang, INT), col("cost", "cost", lang, YUAN),
            col("enter_ratio", "enter_ratio", lang, PCT), col("reason", "reason", lang)]
    if not rows:
        return None, cols, word("empty_reserve", lang)
    return pd.DataFrame(rows), cols, None


SHEETS = (("contents", contents_table), ("estimate", estimate_table), ("funding", funding_table),
          ("years", years_table), ("reserve", reserve_table))
