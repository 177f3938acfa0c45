"""The rows of the gap tables: per compound and per zone, from the engine's results."""

from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import QCoreApplication as Qc

from gis.gaps.access import ELDERLY, GapResult
from gis.gaps.elevators import ElevatorResult
from gis.gaps.zones import ZoneGaps
from gui.gaps.table import Col
from gui.gaps.wording import metres, type_label, types_text



def radii_of(gaps: GapResult, facility_type: str) -> list[float]:
    """The type's standard radius first, then any other radius its facilities serve."""
    fac = gaps.facilities
    own = fac.required_m[fac.types.astype(str) == facility_type] if fac.required_m is not None else []
    base = float(gaps.required_m[facility_type])
    return [base] + sorted({float(r) for r in own if np.isfinite(r)} - {base})


def summary_frame(gaps: GapResult) -> pd.DataFrame:
    """One row per type (index = type key): radius, compounds served and lacking, households
    and people (elderly for 一老 types, children for 一小) lacking."""
    summary = gaps.summary()
    data = []
    for t in gaps.types:
        s = summary[t]
        people = s["elderly_uncovered"] if t in ELDERLY else s["children_uncovered"]
        data.append({"label": type_label(t), "radius": " / ".join(f"{r:,.0f}" for r in radii_of(gaps, t)),
                     "covered": s["covered"], "uncovered": s["uncovered"], "any": s["uncovered"] > 0,
                     "households_uncovered": s["households_uncovered"], "people_uncovered": people})
    return pd.DataFrame(data, index=pd.Index(list(gaps.types), name="type"))


# -- compounds -----------------------------------------------------------------------------
def compound_frame(gaps: GapResult, *, elevators: ElevatorResult | None = None,
                   zone_names: np.ndarray | None = None) -> pd.DataFrame:
    """One row per compound (index = fid) with what the gap table shows."""
    c = gaps.compounds
    n = len(c)
    hh = c.households if c.households is not None else np.full(n, np.nan)
    n_missing = gaps.n_missing()
    frame = pd.DataFrame({
        "id": [str(v) for v in c.ids], "name": c.names,
        "build_year": c.build_year if c.build_year is not None else np.full(n, np.nan),
        "households": hh, "n_missing": n_missing,
        "missing_text": missing_texts(gaps.covered, gaps.types),
        "affected": np.where(n_missing > 0, hh, 0.0),
        "elderly": c.elderly if c.elderly is not None else np.full(n, np.nan),
        "children": c.children if c.children is not None else np.full(n, np.nan),
        "gap_any": n_missing > 0,
    })
    if zone_names is not None:
        frame.insert(2, "zone", zone_names)
    for k, ftype in enumerate(gaps.types):
        d = gaps.nearest_m[:, k]
        frame[f"{ftype}_m"] = np.where(np.isfinite(d), d, np.nan)
        frame[f"{ftype}_gap"] = ~gaps.covered[:, k]
        frame[f"{ftype}_tip"] = _tips(gaps, ftype, k)
    if elevators is not None:
        per = elevators.per_compound()
        for key in ("buildings", "households", "elevators", "subsidy", "residents_share"):
            frame[f"elevator_{key}"] = per[key].to_numpy()
    frame.index.name = "fid"
    return frame


def missing_texts(covered: np.ndarray, types: tuple[str, ...]) -> np.ndarray:
    """Per row of *covered* (rows x types), the names of the types it lacks; each distinct
    pattern is worded once (a city has tens of thousands of compounds, a few dozen patterns)."""
    if len(covered) == 0:
        return np.zeros(0, dtype=object)
    patterns, inverse = np.unique(covered, axis=0, return_inverse=True)
    words = np.array([types_text([t for t, ok in zip(types, p) if not ok]) for p in patterns], dtype=object)
    return words[np.asarray(inverse).ravel()]


def _tips(gaps: GapResult, ftype: str, k: int) -> list[str]:
    need = " / ".join(metres(r) for r in radii_of(gaps, ftype))
    ok = Qc.translate("GapRows", "Served (required ≤ {need} m)").format(need=need)
    gap = Qc.translate("GapRows", "Gap: none within {need} m").format(need=need)
    return np.where(gaps.covered[:, k], ok, gap).astype(object)


def compound_columns(gaps: GapResult, *, elevators: bool, zones: bool) -> list[Col]:
    cols = [Col("id", Qc.translate("GapRows", "ID")), Col("name", Qc.translate("GapRows", "Compound"))]
    if zones:
        cols.append(Col("zone", Qc.translate("GapRows", "Zone")))
    cols += [Col("n_missing", Qc.translate("GapRows", "Gaps"), "int", red="gap_any"),
             Col("missing_text", Qc.translate("GapRows", "Missing services")),
             Col("households", Qc.translate("GapRows", "Households"), "int"),
             Col("affected", Qc.translate("GapRows", "Households affected"), "int"),
             Col("elderly", Qc.translate("GapRows", "Aged 60+"), "int"),
             Col("children", Qc.translate("GapRows", "Aged 0-6"), "int"),
             Col("build_year", Qc.translate("GapRows", "Built"), "year")]
    cols += [Col(f"{f}_m", Qc.translate("GapRows", "{type} (m)").format(type=type_label(f)), "metres", red=f"{f}_gap",
                 tip=f"{f}_tip") for f in gaps.types]
    if elevators:
        cols += [Col("elevator_buildings", Qc.translate("GapRows", "Buildings needing an elevator"), "int"),
                 Col("elevator_households", Qc.translate("GapRows", "Their households"), "int")]
    return cols


# -- zones ---------------------------------------------------------------------------------
def zone_frame(zones: ZoneGaps, *, elevators: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per zone (index = zone id): gaps before and after pooling, and the gain."""
    rows = []
    for k in range(len(zones)):
        before = [t for t, n in zip(zones.types, zones.lacking[k]) if n > 0]
        rows.append({"name": zones.names[k], "compounds": len(zones.members[k]), "households": zones.households[k],
                     "before_text": types_text(before), "after_n": len(zones.missing(k)),
                     "after_text": types_text(zones.missing(k)), "gained_text": types_text(zones.gained_types(k)),
                     "gaps_before": int(zones.lacking[k].sum()),
                     "gaps_after": int(zones.lacking[k].sum() - zones.gained_compounds[k].sum()),
                     "gained_households": float(zones.gained_households[k].sum()),
                     "still_missing": len(zones.missing(k)) > 0})
    frame = pd.DataFrame(rows, index=pd.Index(list(zones.ids), name="zone_id"))
    if elevators is not None and len(frame):
        for key in ("buildings", "households", "elevators", "subsidy", "residents_share"):
            frame[f"elevator_{key}"] = elevators[key].reindex(frame.index, fill_value=0).to_numpy()
    return frame


def zone_columns(*, elevators: bool) -> list[Col]:
    cols = [Col("name", Qc.translate("GapRows", "Zone")),
            Col("after_n", Qc.translate("GapRows", "Gaps after pooling"), "int", red="still_missing"),
            Col("after_text", Qc.translate("GapRows", "Still missing after pooling")),
            Col("gained_text", Qc.translate("GapRows", "Gained by pooling")),
            Col("gained_households", Qc.translate("GapRows", "Households newly served"), "int"),
            Col("compounds", Qc.translate("GapRows", "Compounds"), "int"),
            Col("households", Qc.translate("GapRows", "Households"), "int"),
            Col("before_text", Qc.translate("GapRows", "Missing in some compound")),
            Col("gaps_before", Qc.translate("GapRows", "Compound gaps before"), "int"),
            Col("gaps_after", Qc.translate("GapRows", "Compound gaps after"), "int")]
    if elevators:
        cols += [Col("elevator_buildings", Qc.translate("GapRows", "Buildings needing an elevator"), "int"),
                 Col("elevator_households", Qc.translate("GapRows", "Their households"), "int"),
                 Col("elevator_subsidy", Qc.translate("GapRows", "Subsidy (10k yuan)"), "yuan"),
                 Col("elevator_residents_share", Qc.translate("GapRows", "Residents' share (10k yuan)"), "yuan")]
    return cols


def zone_names_of(zones: ZoneGaps, n: int) -> np.ndarray:
    """The zone name of every compound ("" outside zones)."""
    out = np.full(n, "", dtype=object)
    for name, fids in zip(zones.names, zones.members):
        out[fids] = name
    return out
