"""The gap table for planners: CSV (UTF-8 with BOM, opens in Excel), XLSX and GeoPackage.

One row per compound: id, name, zone, build year, households, elderly, children, how
many services it lacks and which, the metres to the nearest facility of each type and,
with buildings, its elevator needs. The XLSX adds a zone sheet (gaps after pooling and
what pooling gains) and a notes sheet (distance method, radii, subsidy rule, notices).
Headers are Chinese by default (English with ``language="en"``), numbers stay numbers.
The GeoPackage keeps the stable English keys of the CLI's JSON as field names.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from gis.export.cells import csv_frame
from gis.export.sheet import DEC1, INT, TEXT, YEAR, YUAN, Column, write_sheet
from gis.export.result import atomic_path
from gis.export.target import Target
from gis.export.vector import write_gpkg
from gis.wording import check_language, facility_term, facility_terms, term
from gis.gaps.access import METHOD_LABELS, GapResult
from gis.gaps.elevators import ElevatorResult
from gis.gaps.zones import ZoneGaps
from gis.i18n import QT_TRANSLATE_NOOP
from gis.money import yuan

_N = QT_TRANSLATE_NOOP
HEADERS: dict[str, tuple[str, str]] = {  # document wording not in gis.wording
    "gained_households": (_N("gaps", "Households newly served by pooling"), "连片后新增服务户数"),
    "gaps_before": (_N("gaps", "Compound gaps before pooling"), "连片前缺项(小区×类)"),
    "gaps_after": (_N("gaps", "Compound gaps after pooling"), "连片后缺项(小区×类)"),
    "origin": (_N("gaps", "Measured from"), "测距起点"),
    "method": (_N("gaps", "Distances"), "距离计算"),
    "radius": (_N("gaps", "Required distance (m)"), "服务半径(m)"),
    "notice": (_N("gaps", "Notice"), "提示"),
    "item": (_N("gaps", "Item"), "项目"),
    "value": (_N("gaps", "Value"), "内容"),
}
NEAREST = (_N("gaps", "{type}: nearest (m), required {distance}"), "{type}最近距离(m)，要求≤{distance}")
ORIGINS_ZH = {"entrances": "出入口", "boundary": "边界", "centroid": "中心点", "none": "无"}
METHODS_ZH = {"network": "沿路网步行距离", "straight": "直线距离（自小区边界）"}


def header(key: str, language: str = "zh_CN") -> str:
    """Wording of a header key (this module's, then gis.wording's)."""
    pair = HEADERS.get(key)
    if pair is None:
        return term(key, language)
    return pair[1] if check_language(language) == "zh_CN" else pair[0]


def nearest_header(ftype: str, distance: float, language: str = "zh_CN") -> str:
    en, zh = NEAREST
    text = zh if check_language(language) == "zh_CN" else en
    return text.format(type=facility_term(ftype, language), distance=f"{distance:,.0f}")


@dataclass
class GapTables:
    """The frames and column specs of every sheet, ready for CSV, XLSX and GeoPackage."""

    compounds: pd.DataFrame
    compound_columns: list[Column]
    zones: pd.DataFrame | None = None
    zone_columns: list[Column] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)


def gap_tables(gaps: GapResult, *, zones: ZoneGaps | None = None, elevators: ElevatorResult | None = None,
               language: str = "zh_CN") -> GapTables:
    """Build the planner's tables from the engines' results."""
    lang = check_language(language)
    table = gaps.table()
    table["missing_text"] = [_type_names(gaps.missing(i), lang) for i in range(len(table))]
    table["origin_text"] = [ORIGINS_ZH.get(o, o) if lang == "zh_CN" else o for o in table["origin"]]
    cols = [Column("id", "compound_id"), Column("name", "compound")]
    if zones is not None:
        table["zone"] = _zone_names(zones, len(table))
        cols.append(Column("zone", "zone"))
    cols += [Column("build_year", "build_year", YEAR), Column("households", "households", INT),
             Column("elderly", "elderly", INT), Column("children", "children", INT),
             Column("n_missing", "missing_count", INT), Column("missing_text", "missing")]
    cols += [Column(f"{t}_m", nearest_header(t, gaps.required_m[t], lang), DEC1) for t in gaps.types]
    if elevators is not None:
        per = elevators.per_compound()
        for key in ("buildings", "households", "elevators", "subsidy", "residents_share"):
            table[f"elevator_{key}"] = per[key].to_numpy()
        cols += [Column("elevator_buildings", "elevator_buildings", INT),
                 Column("elevator_households", "elevator_households", INT),
                 Column("elevator_elevators", "elevators", INT), Column("elevator_subsidy", "subsidy_total", YUAN),
                 Column("elevator_residents_share", "residents_share", YUAN)]
    cols.append(Column("origin_text", header("origin", lang)))
    out = GapTables(table, cols, notes=_notes(gaps, elevators, lang))
    if zones is not None:
        out.zones, out.zone_columns = _zone_table(zones, gaps, lang)
    return out


def _type_names(types: list[str], lang: str) -> str:
    return facility_terms(types, lang)


def _zone_names(zones: ZoneGaps, n: int) -> np.ndarray:
    out = np.full(n, "", dtype=object)
    for name, fids in zip(zones.names, zones.members):
        out[fids] = name
    return out


def _zone_table(zones: ZoneGaps, gaps: GapResult, lang: str) -> tuple[pd.DataFrame, list[Column]]:
    table = zones.table()
    table["missing_text"] = [_type_names(zones.missing(k), lang) for k in range(len(zones))]
    table["gained_text"] = [_type_names(zones.gained_types(k), lang) for k in range(len(zones))]
    cols = [Column("id", "zone_id"), Column("name", "zone"), Column("compounds", "compounds", INT),
            Column("households", "households", INT), Column("n_missing", "missing_count", INT),
            Column("missing_text", "missing"), Column("gained_text", "pooled_gain"),
            Column("gaps_before", header("gaps_before", lang), INT),
            Column("gaps_after", header("gaps_after", lang), INT)]
    cols += [Column(f"{t}_gained_households", f"{header('gained_households', lang)}：{facility_term(t, lang)}", INT)
             for t in gaps.types]
    return table, cols


def _notes(gaps: GapResult, elevators: ElevatorResult | None, lang: str) -> list[tuple[str, str]]:
    zh = lang == "zh_CN"
    method = METHODS_ZH[gaps.method] if zh else METHOD_LABELS[gaps.method]
    rows = [(header("method", lang), method)]
    rows += [(f"{header('radius', lang)}：{facility_term(t, lang)}", _radii(gaps, t)) for t in gaps.types]
    if elevators is not None:
        rule = elevators.params.rule
        unchecked = "（预设值尚未核实）" if zh else " (preset not yet checked)"
        name = "—" if rule is None else (rule.name_zh if zh and rule.name_zh else rule.name)
        rows.append((term("preset", lang), name + (unchecked if rule is not None and not rule.checked else "")))
        rows.append((term("cost_per_elevator", lang), yuan(elevators.params.cost_per_elevator)))
    rows += [(header("notice", lang), n.message) for n in gaps.notices]
    if elevators is not None:
        rows += [(header("notice", lang), n.message) for n in elevators.notices]
    return rows


def _radii(gaps: GapResult, ftype: str) -> str:
    """The type's standard radius, and any other radius its facilities serve (社区卫生服务中心)."""
    fac = gaps.facilities
    own = fac.required_m[fac.types.astype(str) == ftype] if fac.required_m is not None else np.zeros(0)
    radii = sorted({float(gaps.required_m[ftype])} | {float(r) for r in own if np.isfinite(r)})
    return ", ".join(f"{r:,.0f}" for r in radii)


# -- writers ---------------------------------------------------------------------------
def write_csv(tables: GapTables, path: str | Path, *, language: str = "zh_CN") -> Path:
    """The compound gap table as CSV in UTF-8 with a BOM (Excel then reads Chinese right)."""
    frame = csv_frame(_headed(tables.compounds, tables.compound_columns, language))
    with atomic_path(path) as tmp:
        frame.to_csv(tmp, index=False, encoding="utf-8-sig", quoting=csv.QUOTE_NONNUMERIC)
    return Path(path)


def _headed(frame: pd.DataFrame, columns: list[Column], language: str) -> pd.DataFrame:
    out = pd.DataFrame({header(c.header, language): frame[c.key].to_numpy() if c.key in frame else None
                        for c in columns})
    for c in columns:  # whole numbers without a trailing .0
        name = header(c.header, language)
        if c.fmt in (INT, YEAR, YUAN) and pd.api.types.is_numeric_dtype(out[name]):
            out[name] = pd.to_numeric(out[name]).round().astype("Int64")
    return out


def write_xlsx(tables: GapTables, path: str | Path, *, language: str = "zh_CN") -> Path:
    """Sheets: compound gaps, zones (when given), notes; frozen header rows, numbers as numbers."""
    from openpyxl import Workbook

    lang = check_language(language)
    wb = Workbook()
    wb.remove(wb.active)
    write_sheet(wb.create_sheet(term("sheet_gaps", lang)), tables.compounds, tables.compound_columns, lang)
    if tables.zones is not None:
        write_sheet(wb.create_sheet(term("sheet_zones", lang)), tables.zones, tables.zone_columns, lang)
    notes = pd.DataFrame(tables.notes, columns=["key", "value"])
    write_sheet(wb.create_sheet(term("sheet_notes", lang)), notes,
                [Column("key", header("item", lang)), Column("value", header("value", lang), TEXT)], lang)
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return Path(path)


def write_geopackage(gaps: GapResult, path: str | Path, *, zones: ZoneGaps | None = None,
                     zone_polygons: gpd.GeoDataFrame | None = None,
                     elevators: ElevatorResult | None = None) -> Path:
    """Layers ``compound_gaps``, ``zone_gaps`` (with zone polygons) and ``elevator_buildings``,
    in the compounds' working CRS, with the CLI's English keys as field names."""
    frame = gaps.frame()
    frame["missing"] = [";".join(gaps.missing(i)) for i in range(len(frame))]
    frames = {"compound_gaps": frame.reset_index()}
    if zones is not None and zone_polygons is not None:
        table = zones.table()
        table["missing"] = [";".join(zones.missing(k)) for k in range(len(zones))]
        table["gained_types"] = [";".join(zones.gained_types(k)) for k in range(len(zones))]
        frames["zone_gaps"] = gpd.GeoDataFrame(table, geometry=np.asarray(zone_polygons.geometry.values),
                                               crs=zone_polygons.crs)
    if elevators is not None and len(elevators.candidates):
        b = elevators.buildings_frame().reset_index()
        b["elevator"] = b["elevator"].astype("boolean")
        frames["elevator_buildings"] = b
    write_gpkg(frames, path, target=Target(gaps.compounds.crs))
    return Path(path)
