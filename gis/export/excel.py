"""The Excel report (openpyxl): zones, compounds with gaps, elevators, subsidy, ranking.

Every sheet has Chinese headers (English with ``language="en"``), a bold shaded header
row that stays frozen while scrolling, an auto-filter, column widths that fit Chinese
text, and number formats (thousands separators, metres, percentages, yuan). Numbers are
stored as numbers, never as text, so planners can sum and sort them; unknown values are
empty cells. Body cells keep Excel's default font (等线 in Chinese Excel): styling each
cell would make a large report several times slower to write.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from gis.domain import FieldRole, Role
from gis.export.cells import append_row
from gis.export.sheet import DEC1, DEC2, FONT, HEADER_FILL, INT, PCT, YEAR, YUAN, Column, write_sheet
from gis.export.frames import compound_ids
from gis.analysis.outputs import PlanOutputs
from gis.export.result import ExportResult, atomic_path
from gis.wording import check_language, crs_text, facility_term, facility_terms, term
from gis.feedback import Feedback, ensure
from gis.money import yuan
from gis.project import Project

def write_report(project: Project, outputs: PlanOutputs, path: str | Path, *, language: str = "zh_CN",
                 feedback: Feedback | None = None) -> ExportResult:
    """Write the report workbook for *project* from the engines' *outputs*."""
    fb = ensure(feedback)
    lang = check_language(language)
    wb = Workbook()
    wb.remove(wb.active)
    sheets = [("sheet_zones", _zones_table), ("sheet_gaps", _gaps_table), ("sheet_elevators", _elevator_table),
              ("sheet_subsidy", _subsidy_table), ("sheet_ranking", _ranking_table)]
    for k, (key, build) in enumerate(sheets):
        fb.check()
        fb.progress(k / (len(sheets) + 1), term(key, lang))
        frame, columns, empty_reason = build(project, outputs, lang)
        write_sheet(wb.create_sheet(term(key, lang)), frame, columns, lang, empty=empty_reason)
    from gis.export.people_sheet import add_people_sheet

    add_people_sheet(wb, project, lang)
    if outputs.programme is not None:
        from gis.export.programme_excel import add_programme_sheets

        add_programme_sheets(wb, outputs.programme, lang)
    if outputs.access:
        from gis.export.access_report import add_access_sheets

        add_access_sheets(wb, outputs.access, lang)
    _notes_sheet(wb.create_sheet(term("sheet_notes", lang)), project, outputs, lang)
    wb.properties.title = term("title_default", lang)
    wb.properties.creator = "老旧小区改造规划 Old Compound Renewal Planner"
    with atomic_path(path) as tmp:
        wb.save(tmp)
    fb.progress(1.0)
    return ExportResult([Path(path)])


# -- the sheets ----------------------------------------------------------------------------
def _compound_lookup(project: Project) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per compound fid: id, name and zone name ('' when none)."""
    layer = project.first(Role.COMPOUNDS)
    n = len(layer) if layer is not None else 0
    ids = compound_ids(layer) if layer is not None else np.zeros(0, dtype=object)
    names_col = layer.column(FieldRole.NAME) if layer is not None else None
    names = (names_col.fillna("").astype(str).to_numpy(dtype=object) if names_col is not None
             else np.full(n, "", dtype=object))
    zone = np.full(n, "", dtype=object)
    model = project.zones
    if model is not None and model.n == n:
        for z in model.zones.values():
            zone[sorted(z.members)] = z.name
    return ids, names, zone


def _zones_table(project: Project, out: PlanOutputs, lang: str):
    cols = [Column("zone_id", "zone_id", INT), Column("name", "zone"), Column("compounds", "compounds", INT),
            Column("buildings", "buildings", INT), Column("households", "households", INT),
            Column("area_ha", "area_ha", DEC2), Column("year_min", "year_min", YEAR),
            Column("year_max", "year_max", YEAR), Column("old_share", "old_share", PCT),
            Column("facilities", "facilities", INT)]
    if out.zone_stats is None or project.zones is None:
        return None, cols, _reason("zones", lang)
    frame = out.zone_stats.copy()
    frame.insert(0, "zone_id", frame.index)
    if out.zone_gaps is not None:
        zg = out.zone_gaps
        row_of = {z: k for k, z in enumerate(zg.ids)}
        frame["missing"] = [_names(zg.missing(row_of[z]), lang) if z in row_of else None for z in frame.index]
        frame["n_missing"] = [len(zg.missing(row_of[z])) if z in row_of else None for z in frame.index]
        frame["gained"] = [_names(zg.gained_types(row_of[z]), lang) if z in row_of else None for z in frame.index]
        cols += [Column("n_missing", "missing_count", INT), Column("missing", "missing"),
                 Column("gained", "pooled_gain")]
    elev = out.zone_elevators(project)
    if elev is not None:
        frame = frame.join(elev)
        cols += [Column("elevator_buildings", "elevator_buildings", INT), Column("elevators", "elevators", INT),
                 Column("elevator_households", "elevator_households", INT),
                 Column("subsidy_total", "subsidy_total", YUAN)]
    return frame, cols, None


def _names(types, lang: str) -> str:
    return facility_terms(types, lang) if types else term("no_gaps", lang)


def _gaps_table(project: Project, out: PlanOutputs, lang: str):
    cols = [Column("id", "compound_id"), Column("name", "compound"), Column("zone", "zone"),
            Column("build_year", "build_year", YEAR), Column("households", "households", INT),
            Column("elderly", "elderly", INT), Column("children", "children", INT),
            Column("n_missing", "missing_count", INT), Column("missing", "missing")]
    gaps = out.gaps
    if gaps is None:
        return None, cols, _reason("gaps", lang)
    table = gaps.table()
    _, _, zone = _compound_lookup(project)
    table["zone"] = zone if len(zone) == len(table) else ""
    table["missing"] = [_names(gaps.missing(i), lang) for i in range(len(table))]
    for t in gaps.types:
        cols.append(Column(f"{t}_m", _nearest_header(t, gaps.required_m.get(t), lang), DEC1))
    table = table[table["n_missing"] > 0].sort_values(["n_missing", "households"], ascending=[False, False])
    return table, cols, None


def _nearest_header(ftype: str, required: float | None, lang: str) -> str:
    name = facility_term(ftype, lang)
    req = f"≤{required:,.0f}" if required else ""
    return f"{name}最近距离(m){req}" if lang == "zh_CN" else f"{name}: nearest (m) {req}".strip()


def _elevator_table(project: Project, out: PlanOutputs, lang: str):
    cols = [Column("building", "building_id"), Column("compound_id", "compound_id"),
            Column("compound", "compound"),
            Column("zone", "zone"), Column("floors", "floors", INT), Column("households", "households", INT),
            Column("elevators", "elevators", INT), Column("cost", "cost_total", YUAN),
            Column("subsidy", "subsidy_total", YUAN), Column("residents_share", "residents_share", YUAN)]
    el = out.elevators
    if el is None:
        return None, cols, _reason("elevators", lang)
    frame = el.frame[el.frame["candidate"]].copy()
    buildings = project.first(Role.BUILDINGS)
    bid = buildings.column(FieldRole.ID) if buildings is not None else None
    frame["building"] = (bid.to_numpy(dtype=object)[frame.index] if bid is not None else frame.index.to_numpy())
    ids, names, zone = _compound_lookup(project)
    comp = frame["compound"].to_numpy()
    has = (comp >= 0) & (comp < len(ids))
    safe = np.where(has, comp, 0)
    frame["compound_id"] = np.where(has, ids[safe] if len(ids) else None, None)
    frame["compound"] = np.where(has, names[safe] if len(names) else None, None)
    frame["zone"] = np.where(has, zone[safe] if len(zone) else None, None)
    return frame.sort_values(["compound_id", "building"], key=_sortable), cols, None


def _sortable(series: pd.Series) -> pd.Series:
    return series.astype(str)


def _subsidy_table(project: Project, out: PlanOutputs, lang: str):
    cols = [Column("id", "compound_id"), Column("name", "compound"), Column("zone", "zone"),
            Column("buildings", "elevator_buildings", INT), Column("elevators", "elevators", INT),
            Column("households", "elevator_households", INT), Column("cost", "cost_total", YUAN),
            Column("subsidy", "subsidy_total", YUAN), Column("residents_share", "residents_share", YUAN),
            Column("per_household", "residents_per_household", YUAN)]
    el = out.elevators
    if el is None:
        return None, cols, _reason("elevators", lang)
    per = el.per_compound()
    ids, names, zone = _compound_lookup(project)
    per["id"], per["name"], per["zone"] = ids[: len(per)], names[: len(per)], zone[: len(per)]
    per = per[per["buildings"] > 0].copy()
    with np.errstate(invalid="ignore", divide="ignore"):
        per["per_household"] = np.where(per["households"] > 0, per["residents_share"] / per["households"], np.nan)
    sums = per[["buildings", "elevators", "households", "cost", "subsidy", "residents_share"]].sum()
    total = {"id": term("total", lang), "name": "", "zone": "", **{k: float(v) for k, v in sums.items()},
             "per_household": sums["residents_share"] / sums["households"] if sums["households"] else np.nan}
    frame = pd.concat([per, pd.DataFrame([total])], ignore_index=True)
    frame.attrs["total_row"] = True
    return frame, cols, None


def _ranking_table(project: Project, out: PlanOutputs, lang: str):
    cols = [Column("rank", "rank", INT), Column("id", "compound_id"), Column("name", "compound"),
            Column("zone", "zone"), Column("build_year", "build_year", YEAR), Column("score", "score", DEC1)]
    r = out.ranking
    if r is None:
        return None, cols, _reason("ranking", lang)
    from gis.gaps.ranking import INDICATOR_LABELS

    table = r.ranked().copy()
    _, _, zone = _compound_lookup(project)
    table["zone"] = zone[table.index] if len(zone) > (table.index.max() if len(table) else -1) else ""
    for ind in r.indicators:
        cols.append(Column(f"{ind.key}_points", _indicator_header(ind.key, INDICATOR_LABELS, lang), DEC1))
    return table, cols, None


_INDICATORS_ZH = {"age": "房龄", "elderly_gaps": "养老服务缺项", "child_gaps": "托育服务缺项",
                  "elevator_need": "加装电梯需求", "density": "户数密度", "elderly_share": "老龄化",
                  "households_unserved": "缺服务户数"}


def _indicator_header(key: str, labels: dict, lang: str) -> str:
    if lang == "zh_CN":
        return f"{_INDICATORS_ZH.get(key, key)}(分)"
    return f"{labels.get(key, key)} (points)"


def _reason(step: str, lang: str) -> str:
    zh = {"zones": "项目尚未划定改造片区。", "gaps": "缺少小区或设施图层，未做缺项分析。",
          "elevators": "缺少建筑图层（或其层数、电梯字段），未做加装电梯分析。",
          "ranking": "缺少缺项分析结果，未做体检排名。"}
    en = {"zones": "The project has no renovation zones yet.",
          "gaps": "No gap analysis: the project lacks a compounds or a facilities layer.",
          "elevators": "No elevator analysis: the project lacks a buildings layer "
                       "(or its floors / elevator fields).",
          "ranking": "No ranking: the gap analysis is missing."}
    return (zh if lang == "zh_CN" else en)[step]


# -- notes ----------------------------------------------------------------------------------
def _notes_sheet(ws, project: Project, out: PlanOutputs, lang: str) -> None:
    """Date, CRS, method, radii, elevator rule and subsidy source, and every notice."""
    zh = lang == "zh_CN"
    rows = [(term("report_date", lang), date.today().isoformat()),
            (term("crs", lang), crs_text(project.crs, lang))]
    if out.gaps is not None:
        method = {"network": "沿路网步行距离" if zh else "walking distance along the network",
                  "straight": "直线距离" if zh else "straight-line distance"}.get(out.gaps.method, out.gaps.method)
        rows.append(("距离计算" if zh else "Distances", method))
        for t, d in out.gaps.required_m.items():
            rows.append((f"{facility_term(t, lang)}{'服务半径' if zh else ' radius'}", f"{d:,.0f} m"))
    if out.elevators is not None:
        p = out.elevators.params
        rows.append(("加装电梯条件" if zh else "Elevator rule",
                     f"≥{p.min_floors}层且无电梯的住宅楼" if zh else f"residential, {p.min_floors}+ floors, no elevator"))
        rows.append((term("cost_per_elevator", lang), yuan(p.cost_per_elevator)))
        rule = out.subsidy_rule
        if rule is not None:
            rows.append((term("preset", lang), (rule.name_zh or rule.name) if zh else rule.name))
            if rule.note:
                rows.append(("", rule.note))
    for n in out.notices:
        rows.append(("提示" if zh else "Notice", n.in_language(lang)))
    append_row(ws, ["项目" if zh else "Item", "内容" if zh else "Value"])
    for cell in ws[1]:
        cell.font = Font(name=FONT, bold=True)
        cell.fill = HEADER_FILL
    ws.freeze_panes = "A2"
    for key, value in rows:
        append_row(ws, [key, value])
    wrap = Alignment(wrap_text=True, vertical="top")
    for (cell,) in ws.iter_rows(min_row=2, min_col=2, max_col=2):
        cell.alignment = wrap
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 90
