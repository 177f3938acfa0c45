"""Check-up ranking (先体检、后改造): a priority score per compound from weighted indicators.

Each indicator gives every compound a value in [0, 1] (1 = most in need): shares stay as
they are, other values are scaled min-max over the whole district (so filtering does not
change a compound's score). The score is ``100 x sum(w x value) / sum(w)`` over the
indicators the compound has data for; ``data_share`` says how much of the weight that was.

Indicators (keys of the editable preset ``resources/presets/checkup_ranking.json``):

* ``age`` — build year, older first;
* ``elderly_gaps`` / ``child_gaps`` — share of 一老 / 一小 service types missing;
* ``gap_<type>`` — 1 when that one type is missing (e.g. ``gap_clinic``);
* ``elevator_need`` — share of the compound's households in walk-ups needing an elevator;
* ``density`` — households per hectare;
* ``elderly_share`` — residents 60+ per resident;
* ``households_unserved`` — households x share of types missing (how many are affected).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

from gis import defaults
from gis.errors import AnalysisError, DataReadError
from gis.gaps.access import CHILDREN, ELDERLY, TYPES, GapResult
from gis.gaps.compounds import M2_PER_HA
from gis.gaps.elevators import ElevatorResult
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.notices import Notice, coded
from gis.paths import PRESETS

PRESET_PATH = PRESETS / "checkup_ranking.json"
PRE_YEAR = defaults.PRE_YEAR

INDICATOR_LABELS = {
    "age": QT_TRANSLATE_NOOP("gaps", "Age (build year)"),
    "elderly_gaps": QT_TRANSLATE_NOOP("gaps", "Elderly services missing"),
    "child_gaps": QT_TRANSLATE_NOOP("gaps", "Child services missing"),
    "elevator_need": QT_TRANSLATE_NOOP("gaps", "Households needing an elevator"),
    "density": QT_TRANSLATE_NOOP("gaps", "Households per hectare"),
    "elderly_share": QT_TRANSLATE_NOOP("gaps", "Share aged 60+"),
    "households_unserved": QT_TRANSLATE_NOOP("gaps", "Households lacking services"),
}


@dataclass(frozen=True)
class Indicator:
    """One weighted indicator of the check-up score."""

    key: str
    weight: float
    note: str = ""


@dataclass(frozen=True)
class RankingPreset:
    """Indicators with weights and the pre-year filter (editable copy in the settings folder)."""

    indicators: tuple[Indicator, ...]
    pre_year: int | None = PRE_YEAR
    name: str = ""
    source: str = ""

    def to_dict(self) -> dict:
        return {"version": 1, "name": self.name, "source": self.source, "pre_year": self.pre_year,
                "indicators": [{"key": i.key, "weight": i.weight, "note": i.note} for i in self.indicators]}


def load_ranking_preset(path: str | Path | None = None) -> RankingPreset:
    """The preset at *path* (default: the shipped one); DataReadError if unusable."""
    path = Path(path) if path is not None else PRESET_PATH
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        inds = tuple(Indicator(str(d["key"]), float(d["weight"]), str(d.get("note", ""))) for d in raw["indicators"])
        pre = raw.get("pre_year", PRE_YEAR)
        preset = RankingPreset(inds, None if pre is None else int(pre), str(raw.get("name", "")),
                               str(raw.get("source", "")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DataReadError(QT_TRANSLATE_NOOP("errors", "Cannot read the ranking preset {path}: {reason}"),
                            path=str(path), reason=str(exc)) from None
    check_indicators(preset.indicators)
    return preset


def save_ranking_preset(preset: RankingPreset, path: str | Path) -> Path:
    """Write *preset* (checked) as JSON to *path* (never over the shipped file)."""
    check_indicators(preset.indicators)
    path = Path(path)
    if path.resolve() == PRESET_PATH.resolve():
        raise DataReadError(QT_TRANSLATE_NOOP("errors", "The shipped preset cannot be overwritten; save "
                                              "your copy in the settings folder."))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(preset.to_dict(), ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def check_indicators(indicators) -> None:
    """Raise AnalysisError for an unknown key, a negative weight or no positive weight."""
    for ind in indicators:
        if not _known(ind.key):
            raise AnalysisError(QT_TRANSLATE_NOOP("errors", "Unknown ranking indicator {key}; use one of {keys} "
                                                  "or gap_<type>."), key=ind.key, keys=", ".join(INDICATOR_LABELS))
        if not np.isfinite(ind.weight) or ind.weight < 0:
            raise AnalysisError(QT_TRANSLATE_NOOP("errors", "The weight of {key} must be zero or more."),
                                key=ind.key)
    if not any(ind.weight > 0 for ind in indicators):
        raise AnalysisError(QT_TRANSLATE_NOOP("errors", "Give at least one ranking indicator a positive weight."))


def _known(key: str) -> bool:
    return key in INDICATOR_LABELS or (key.startswith("gap_") and key[4:] in TYPES)


# -- indicator values ------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class _Inputs:
    gaps: GapResult
    elevators: ElevatorResult | None


def _share_missing(inp: _Inputs, group: frozenset) -> np.ndarray | None:
    cols = [k for k, t in enumerate(inp.gaps.types) if t in group]
    return (~inp.gaps.covered[:, cols]).mean(axis=1) if cols else None


def _age(inp: _Inputs) -> np.ndarray | None:
    year = inp.gaps.compounds.build_year
    return None if year is None else -year  # older = larger


def _elevator_need(inp: _Inputs) -> np.ndarray | None:
    if inp.elevators is None:
        return None
    f = inp.elevators.frame
    n = len(inp.gaps.compounds)
    inside = (f["compound"].to_numpy() >= 0) & f["residential"].to_numpy(bool)
    comp = f["compound"].to_numpy()[inside]
    hh = np.nan_to_num(f["households"].to_numpy(float)[inside])
    need = np.bincount(comp, weights=hh * f["candidate"].to_numpy(bool)[inside], minlength=n)
    total = np.bincount(comp, weights=hh, minlength=n)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, need / total, np.nan)


def _density(inp: _Inputs) -> np.ndarray | None:
    c = inp.gaps.compounds
    if c.households is None:
        return None
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(c.area_m2 > 0, c.households / (c.area_m2 / M2_PER_HA), np.nan)


def _elderly_share(inp: _Inputs) -> np.ndarray | None:
    c = inp.gaps.compounds
    if c.elderly is None or c.population is None:
        return None
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(c.population > 0, np.minimum(c.elderly / c.population, 1.0), np.nan)


def _households_unserved(inp: _Inputs) -> np.ndarray | None:
    c = inp.gaps.compounds
    if c.households is None:
        return None
    return c.households * (~inp.gaps.covered).mean(axis=1)


# key -> (values, already a share in [0, 1])
_VALUES: dict[str, tuple[Callable[[_Inputs], np.ndarray | None], bool]] = {
    "age": (_age, False),
    "elderly_gaps": (lambda i: _share_missing(i, ELDERLY), True),
    "child_gaps": (lambda i: _share_missing(i, CHILDREN), True),
    "elevator_need": (_elevator_need, True),
    "density": (_density, False),
    "elderly_share": (_elderly_share, True),
    "households_unserved": (_households_unserved, False),
}


def indicator_values(key: str, gaps: GapResult, elevators: ElevatorResult | None = None
                     ) -> tuple[np.ndarray, np.ndarray] | None:
    """``(raw, scaled)`` values of indicator *key* per compound, or None when the data lacks it.

    Raw ``age`` is minus the build year. Scaled values lie in [0, 1], NaN where unknown.
    """
    inp = _Inputs(gaps, elevators)
    if key.startswith("gap_"):
        raw = (~gaps.covered[:, gaps.column(key[4:])]).astype(float)
        return raw, raw
    fn, is_share = _VALUES[key]
    raw = fn(inp)
    if raw is None or np.isnan(raw).all():
        return None
    raw = np.asarray(raw, dtype=float)
    return raw, (raw if is_share else _minmax(raw))


def _minmax(values: np.ndarray) -> np.ndarray:
    lo, hi = np.nanmin(values), np.nanmax(values)
    if hi - lo <= 0:
        return np.where(np.isnan(values), np.nan, 0.0)
    return (values - lo) / (hi - lo)


# -- the ranking -----------------------------------------------------------------------
@dataclass(eq=False)
class Ranking:
    """Scores of every compound and the ranked, filtered list.

    ``table``: index = compound fid; id, name, build_year, score (0–100), data_share,
    ``<key>`` (scaled value) and ``<key>_points`` (its part of the score) per indicator,
    ``selected`` (passes the pre-year filter) and ``rank`` (1 = first to renovate; <NA>
    when not selected).
    """

    table: pd.DataFrame
    indicators: tuple[Indicator, ...]
    pre_year: int | None
    notices: list[Notice] = field(default_factory=list)

    def ranked(self) -> pd.DataFrame:
        """Selected compounds, best first."""
        sel = self.table[self.table["selected"]]
        return sel.sort_values("rank")

    def order(self) -> np.ndarray:
        """Fids of the selected compounds, best first."""
        return self.ranked().index.to_numpy()


def checkup_ranking(gaps: GapResult, *, elevators: ElevatorResult | None = None,
                    preset: RankingPreset | None = None, pre_year: int | None | str = "preset",
                    include_unknown_year: bool = False) -> Ranking:
    """Score and rank compounds for renovation.

    Parameters
    ----------
    preset : indicators and weights (default: the shipped preset).
    pre_year : only compounds built in or before this year are ranked; None ranks all;
        "preset" takes the preset's (2000 by default).
    include_unknown_year : also rank compounds whose build year is unknown.
    """
    preset = preset or load_ranking_preset()
    check_indicators(preset.indicators)
    pre = preset.pre_year if pre_year == "preset" else pre_year
    c = gaps.compounds
    n = len(c)
    table = pd.DataFrame({"id": c.ids, "name": c.names,
                          "build_year": c.build_year if c.build_year is not None else np.full(n, np.nan)})
    num, den = np.zeros(n), np.zeros(n)
    used, notes = [], []
    total_weight = sum(i.weight for i in preset.indicators)
    for ind in preset.indicators:
        values = indicator_values(ind.key, gaps, elevators)
        if values is None:
            notes.append(coded("ranking.indicator_missing", QT_TRANSLATE_NOOP("gaps", "The data has nothing for the indicator {key}; it is "
                                                  "left out of the score."), key=ind.key))
            continue
        scaled = values[1]
        known = ~np.isnan(scaled)
        table[ind.key] = scaled
        table[f"{ind.key}_points"] = np.where(known, 100.0 * ind.weight * np.nan_to_num(scaled), np.nan)
        num += np.where(known, ind.weight * np.nan_to_num(scaled), 0.0)
        den += np.where(known, ind.weight, 0.0)
        used.append(ind)
    if not used:
        raise AnalysisError(QT_TRANSLATE_NOOP("errors", "None of the ranking indicators can be computed from "
                                              "this data; map build year, households or buildings."))
    with np.errstate(invalid="ignore", divide="ignore"):
        table["score"] = np.where(den > 0, 100.0 * num / den, np.nan)
        for ind in used:  # points relative to the weight the compound has data for
            table[f"{ind.key}_points"] = table[f"{ind.key}_points"] / np.where(den > 0, den, np.nan)
    table["data_share"] = den / total_weight if total_weight else 0.0
    table["selected"] = _selected(table["build_year"].to_numpy(float), pre, include_unknown_year)
    table["rank"] = _ranks(table)
    table.index.name = "fid"
    return Ranking(table, tuple(used), pre, notes)


def _selected(year: np.ndarray, pre: int | None, unknown: bool) -> np.ndarray:
    if pre is None:
        return np.ones(len(year), bool)
    known = ~np.isnan(year)
    return np.where(known, np.nan_to_num(year) <= pre, unknown)


def _ranks(table: pd.DataFrame) -> pd.Series:
    """1..k over selected compounds: score high first, then older, then fid."""
    sel = table[table["selected"] & table["score"].notna()]
    order = sel.assign(_y=sel["build_year"].fillna(np.inf), _f=sel.index).sort_values(
        ["score", "_y", "_f"], ascending=[False, True, True]).index
    rank = pd.Series(pd.NA, index=table.index, dtype="Int64")
    rank[order] = np.arange(1, len(order) + 1)
    return rank
