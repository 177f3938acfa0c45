"""Elevator gaps (加装电梯): residential buildings of N floors and up without an elevator.

Counted per compound and per zone, in buildings, estimated elevators and households, with
a subsidy estimate from an editable preset (``resources/presets/elevator_subsidies.json``:
Shenzhen by floors, Changchun by year, Ankang flat) and the residents' share = cost − subsidy.

Elevators are added per stairwell (单元): a building gets ``ceil(households / (floors x
households_per_landing))`` of them (一梯两户 → 2 per landing), or one when that is unknown
or *households_per_landing* is 0.

>>> presets = load_subsidy_presets()
>>> presets.rule("changchun").per_elevator(floors=np.array([6]), year=2023)
array([150000.])
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from gis import defaults
from gis.domain import FieldRole
from gis.errors import AnalysisError, DataReadError, FieldMappingError
from gis.feedback import Feedback, ensure
from gis.gaps.compounds import CompoundTable, compound_row_of, owner_by_location
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.fields import parse_bool, parse_count
from gis.io.notices import Notice, coded
from gis.layer import Layer
from gis.paths import PRESETS

PRESET_PATH = PRESETS / "elevator_subsidies.json"
MIN_FLOORS = defaults.MIN_FLOORS  # the common local rule; some cities use 3 (a setting)
KINDS = ("flat", "by_floors", "by_year")
USE_FIELDS = ("用途", "建筑用途", "房屋用途", "使用性质", "使用功能", "功能", "use", "usage", "building_use",
              "landuse", "building")
RESIDENTIAL = re.compile(r"住宅|居住|住房|宿舍|公寓|residential|apartments?|house|dormitory|flats?$",
                         re.IGNORECASE)


class SubsidyPresetError(DataReadError):
    """The subsidy preset cannot be read or holds values that cannot be used."""


# -- subsidy rules ---------------------------------------------------------------------
@dataclass(frozen=True)
class SubsidyRule:
    """How much one elevator gets: a flat amount, a step by floors, or an amount by year.

    ``schedule``: for ``by_floors`` pairs ``(min_floors, amount)``; for ``by_year``
    triples ``(from_year, to_year, amount)``. ``cap`` bounds every amount.
    """

    key: str
    name: str
    kind: str
    amount: float = 0.0
    schedule: tuple[tuple, ...] = ()
    cap: float | None = None
    name_zh: str = ""
    checked: bool = True
    note: str = ""
    note_zh: str = ""

    def per_elevator(self, *, floors: np.ndarray, year: int | None = None) -> np.ndarray:
        """Subsidy per elevator for buildings of *floors*, in the plan *year* (by_year rules).

        Raises
        ------
        AnalysisError
            A by-year rule and a year outside its schedule (or no year).
        """
        floors = np.asarray(floors, dtype=float)
        if self.kind == "flat":
            out = np.full(len(floors), float(self.amount))
        elif self.kind == "by_floors":
            out = self._by_floors(floors)
        else:
            out = np.full(len(floors), self._by_year(year))
        return np.minimum(out, self.cap) if self.cap is not None else out

    def _by_floors(self, floors: np.ndarray) -> np.ndarray:
        steps = sorted(self.schedule)
        bounds = np.array([s[0] for s in steps], dtype=float)
        amounts = np.array([s[1] for s in steps], dtype=float)
        at = np.searchsorted(bounds, np.nan_to_num(floors, nan=-1.0), side="right") - 1
        return np.where(at >= 0, amounts[np.maximum(at, 0)], 0.0)

    def _by_year(self, year: int | None) -> float:
        for lo, hi, amount in self.schedule:
            if year is not None and lo <= int(year) <= hi:
                return float(amount)
        years = ", ".join(f"{lo}–{hi}" if lo != hi else f"{lo}" for lo, hi, _ in self.schedule)
        raise AnalysisError(QT_TRANSLATE_NOOP("errors", "The {rule} subsidy is defined for {years}, not for "
                                              "{year}; choose one of those years or edit the preset."),
                            rule=self.name, years=years, year="?" if year is None else year)

    @property
    def years(self) -> tuple[int, ...]:
        """Years a by-year rule covers (empty for other kinds)."""
        if self.kind != "by_year":
            return ()
        return tuple(y for lo, hi, _ in self.schedule for y in range(int(lo), int(hi) + 1))

    @classmethod
    def flat(cls, amount: float, *, name: str = "custom") -> "SubsidyRule":
        """A rule paying *amount* per elevator (the planner's own figure)."""
        if not np.isfinite(amount) or amount < 0:
            raise AnalysisError(QT_TRANSLATE_NOOP("errors", "The subsidy per elevator must be zero or more."))
        return cls(key="custom", name=name, kind="flat", amount=float(amount))


@dataclass(frozen=True)
class SubsidyPresets:
    """The preset file: rules, the default cost per elevator and households per landing."""

    rules: tuple[SubsidyRule, ...]
    cost_per_elevator: float
    households_per_landing: int = 2
    name: str = ""
    source: str = ""
    cost_note: str = ""
    cost_checked: bool = False

    def rule(self, key: str) -> SubsidyRule:
        for r in self.rules:
            if r.key == key:
                return r
        raise AnalysisError(QT_TRANSLATE_NOOP("errors", "There is no subsidy preset {key}; use one of {keys}."),
                            key=key, keys=", ".join(r.key for r in self.rules))


def load_subsidy_presets(path: str | Path | None = None) -> SubsidyPresets:
    """The presets at *path* (default: the shipped file); SubsidyPresetError if unusable."""
    path = Path(path) if path is not None else PRESET_PATH
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        rules = tuple(_rule(r) for r in raw["rules"])
        cost = raw["cost_per_elevator"]
        presets = SubsidyPresets(rules=rules, cost_per_elevator=float(cost["value"]),
                                 households_per_landing=int(raw.get("households_per_landing", {}).get("value", 2)),
                                 name=str(raw.get("name", "")), source=str(raw.get("source", "")),
                                 cost_note=str(cost.get("note", "")), cost_checked=bool(cost.get("checked", False)))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise SubsidyPresetError(QT_TRANSLATE_NOOP("errors", "Cannot read the elevator subsidy preset {path}: "
                                                   "{reason}"), path=str(path), reason=str(exc)) from None
    if presets.cost_per_elevator <= 0 or presets.households_per_landing < 0:
        raise SubsidyPresetError(QT_TRANSLATE_NOOP("errors", "The elevator subsidy preset {path} needs a positive "
                                                   "cost per elevator."), path=str(path))
    return presets


def subsidy_presets_dict(presets: SubsidyPresets) -> dict:
    """*presets* as the JSON structure :func:`load_subsidy_presets` reads."""
    rules = []
    for r in presets.rules:
        d = {"key": r.key, "name": r.name, "name_zh": r.name_zh, "kind": r.kind, "checked": r.checked, "note": r.note,
             "note_zh": r.note_zh}
        if r.kind == "flat":
            d["amount"] = r.amount
        elif r.kind == "by_floors":
            d["schedule"] = [{"min_floors": f, "amount": a} for f, a in r.schedule]
        else:
            d["schedule"] = [{"from_year": lo, "to_year": hi, "amount": a} for lo, hi, a in r.schedule]
        if r.cap is not None:
            d["cap"] = r.cap
        rules.append(d)
    return {"version": 1, "name": presets.name, "source": presets.source,
            "cost_per_elevator": {"value": presets.cost_per_elevator, "checked": presets.cost_checked,
                                  "note": presets.cost_note},
            "households_per_landing": {"value": presets.households_per_landing}, "rules": rules}


def save_subsidy_presets(presets: SubsidyPresets, path: str | Path) -> Path:
    """Write the planner's copy of the presets (never over the shipped file); read back to check."""
    from gis.preset_files import save_preset_copy

    return save_preset_copy(subsidy_presets_dict(presets), path, shipped=PRESET_PATH, check=load_subsidy_presets,
                            error=SubsidyPresetError)


def _rule(d: dict) -> SubsidyRule:
    kind = str(d["kind"])
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r} (use {', '.join(KINDS)})")
    if kind == "by_floors":
        schedule = tuple((int(s["min_floors"]), float(s["amount"])) for s in d["schedule"])
    elif kind == "by_year":
        schedule = tuple((int(s["from_year"]), int(s["to_year"]), float(s["amount"])) for s in d["schedule"])
    else:
        schedule = ()
    amounts = [float(d.get("amount", 0))] + [s[-1] for s in schedule]
    if any(a < 0 for a in amounts) or (kind != "flat" and not schedule):
        raise ValueError(f"rule {d.get('key')}: amounts must be >= 0 and a schedule is needed")
    return SubsidyRule(key=str(d["key"]), name=str(d.get("name", d["key"])), kind=kind,
                       amount=float(d.get("amount", 0)), schedule=schedule,
                       cap=None if d.get("cap") is None else float(d["cap"]), name_zh=str(d.get("name_zh", "")),
                       checked=bool(d.get("checked", True)), note=str(d.get("note", "")),
                       note_zh=str(d.get("note_zh", "")))


# -- the buildings ---------------------------------------------------------------------
@dataclass(frozen=True)
class ElevatorParams:
    """The planner's settings for the elevator count and its cost.

    ``rule`` None = no subsidy (residents pay the whole cost). ``year`` is the plan year
    for by-year rules. ``households_per_landing`` 0 = one elevator per building.
    """

    min_floors: int = MIN_FLOORS
    rule: SubsidyRule | None = None
    year: int | None = None
    cost_per_elevator: float = 700_000.0
    households_per_landing: int = 2

    @classmethod
    def from_presets(cls, presets: SubsidyPresets, rule: str | None = None, **options) -> "ElevatorParams":
        """Settings with the preset's cost, landing size and rule *rule* (a key); a by-year
        rule's plan year defaults to the last year it covers."""
        chosen = presets.rule(rule) if rule else None
        base = {"cost_per_elevator": presets.cost_per_elevator,
                "households_per_landing": presets.households_per_landing, "rule": chosen,
                "year": max(chosen.years) if chosen is not None and chosen.years else None}
        return cls(**{**base, **{k: v for k, v in options.items() if v is not None}})

    def validate(self) -> "ElevatorParams":
        if self.min_floors < 2:
            raise AnalysisError(QT_TRANSLATE_NOOP("errors", "The floor threshold for elevators must be 2 or more."))
        if not self.cost_per_elevator > 0:
            raise AnalysisError(QT_TRANSLATE_NOOP("errors", "The cost per elevator must be positive."))
        if self.households_per_landing < 0:
            raise AnalysisError(QT_TRANSLATE_NOOP("errors", "Households per landing must be zero or more."))
        return self


@dataclass(eq=False)
class ElevatorResult:
    """Per building (``frame``) and per compound (``per_compound``) elevator needs and money.

    ``frame`` has one row per building (index = building fid): compound (row, -1 = none),
    floors, elevator (True/False/<NA>), households, residential, candidate, elevators,
    subsidy, cost, residents_share.
    """

    frame: pd.DataFrame
    geometry: np.ndarray
    crs: object
    n_compounds: int
    params: ElevatorParams
    notices: list[Notice] = field(default_factory=list)

    @property
    def candidates(self) -> np.ndarray:
        """Fids of the buildings that need an elevator (the map's marks)."""
        return np.flatnonzero(self.frame["candidate"].to_numpy(bool))

    def per_compound(self) -> pd.DataFrame:
        """Index = compound fid: buildings, elevators, households, subsidy, cost, residents_share."""
        return _sums(self.frame, self.frame["compound"].to_numpy(), np.arange(self.n_compounds))

    def per_zone(self, assignment: np.ndarray) -> pd.DataFrame:
        """The same sums per zone; *assignment* = zone id per compound (-1 = none)."""
        assignment = np.asarray(assignment, dtype=np.int64)
        comp = self.frame["compound"].to_numpy()
        zone = np.where(comp >= 0, assignment[np.maximum(comp, 0)], -1)
        zones = np.unique(assignment[assignment >= 0])
        return _sums(self.frame, zone, zones, index_name="zone_id")

    def totals(self) -> dict[str, float]:
        """District totals of the candidate buildings."""
        c = self.frame[self.frame["candidate"]]
        return {"buildings": int(len(c)), "elevators": int(c["elevators"].sum()),
                "households": float(c["households"].sum()), "subsidy": float(c["subsidy"].sum()),
                "cost": float(c["cost"].sum()), "residents_share": float(c["residents_share"].sum())}

    def buildings_frame(self, *, candidates_only: bool = True) -> gpd.GeoDataFrame:
        """Buildings with their figures (only those needing an elevator by default)."""
        frame = gpd.GeoDataFrame(self.frame, geometry=self.geometry, crs=self.crs)
        return frame[frame["candidate"]] if candidates_only else frame


_SUMMED = ("elevators", "households", "subsidy", "cost", "residents_share")


def _sums(frame: pd.DataFrame, group: np.ndarray, index: np.ndarray, *, index_name: str = "fid") -> pd.DataFrame:
    cand = frame["candidate"].to_numpy(bool) & (group >= 0)
    g = pd.Series(group[cand])
    out = pd.DataFrame(index=pd.Index(index, name=index_name))
    out["buildings"] = g.value_counts().reindex(index, fill_value=0).astype(np.int64).to_numpy()
    for col in _SUMMED:
        sums = pd.Series(frame[col].to_numpy(float)[cand]).groupby(g.to_numpy()).sum()
        out[col] = sums.reindex(index, fill_value=0.0).to_numpy()
    out["elevators"] = out["elevators"].astype(np.int64)
    return out


def elevator_needs(buildings: Layer, compounds: Layer | CompoundTable, *,
                   params: ElevatorParams = ElevatorParams(), use_field: str | None = None,
                   feedback: Feedback | None = None) -> ElevatorResult:
    """Residential buildings of ``params.min_floors`` and up without an elevator, and what they cost.

    Buildings belong to the compound named by their COMPOUND_ID field (matched to the
    compounds' ID field), else to the compound containing them. *use_field* (found by name
    when None: 用途, use, ...) keeps residential buildings only; without one, every
    building counts as residential.

    Raises
    ------
    FieldMappingError
        The buildings map no floors or no elevator field.
    """
    params.validate()
    fb = ensure(feedback)
    for role in (FieldRole.FLOORS, FieldRole.ELEVATOR):
        if buildings.column(role) is None:
            raise FieldMappingError(QT_TRANSLATE_NOOP("errors", "The buildings layer needs a {role} field to find "
                                                      "elevator gaps; map one in the layer's fields."),
                                    role=role.value)
    table = compounds if isinstance(compounds, CompoundTable) else CompoundTable.from_layer(compounds)
    data = buildings.data
    floors = parse_count(buildings.column(FieldRole.FLOORS)).astype("Float64").to_numpy(float, na_value=np.nan)
    lift = parse_bool(buildings.column(FieldRole.ELEVATOR))
    hh_col = buildings.column(FieldRole.HOUSEHOLDS)
    hh = (parse_count(hh_col).astype("Float64").to_numpy(float, na_value=np.nan) if hh_col is not None
          else np.full(len(data), np.nan))
    fb.progress(0.3)
    owner = building_owners(buildings, table)
    fb.check()
    residential, use_col = _residential(data, use_field)
    no_lift = lift.eq(False).fillna(False).to_numpy(bool)
    candidate = residential & no_lift & (np.nan_to_num(floors, nan=0) >= params.min_floors)
    elevators = np.where(candidate, _stairwells(hh, floors, params.households_per_landing), 0)
    per = params.rule.per_elevator(floors=floors, year=params.year) if params.rule else np.zeros(len(data))
    per = np.minimum(per, params.cost_per_elevator)
    frame = pd.DataFrame({"compound": owner, "floors": floors, "elevator": lift.to_numpy(object),
                          "households": np.where(candidate, np.nan_to_num(hh), hh), "residential": residential,
                          "candidate": candidate, "elevators": elevators.astype(np.int64),
                          "subsidy": elevators * per, "cost": elevators * params.cost_per_elevator})
    frame["residents_share"] = frame["cost"] - frame["subsidy"]
    frame.index.name = "fid"
    fb.progress(1.0)
    notes = _notices(floors, lift, owner, residential, use_col, hh, candidate)
    return ElevatorResult(frame, np.asarray(data.geometry.values, dtype=object), data.crs, len(table), params, notes)


def building_owners(buildings: Layer, table: CompoundTable) -> np.ndarray:
    """Per building the row of its compound: by its COMPOUND_ID field, else by location (-1: none)."""
    refs = buildings.column(FieldRole.COMPOUND_ID)
    if refs is not None and table.id_field is not None:
        return compound_row_of(table.ids, refs)
    data = buildings.data
    if data.crs is not None and not data.crs.equals(table.crs):
        data = data.to_crs(table.crs)
    return owner_by_location(shapely.point_on_surface(np.asarray(data.geometry.values, dtype=object)),
                             table.geometry)


def _residential(data: pd.DataFrame, use_field: str | None) -> tuple[np.ndarray, str | None]:
    """Residential mask: the use column names a dwelling, or is empty; all when no column."""
    col = use_field or next((c for c in data.columns if str(c).strip().lower() in USE_FIELDS), None)
    if col is None:
        return np.ones(len(data), bool), None
    if col not in data.columns:
        raise FieldMappingError(QT_TRANSLATE_NOOP("errors", "The buildings layer has no field {field}."), field=col)
    text = data[col].astype("string").str.strip()
    empty = text.isna() | (text == "")
    return (empty | text.str.contains(RESIDENTIAL, na=False)).to_numpy(bool), str(col)


def _stairwells(households: np.ndarray, floors: np.ndarray, per_landing: int) -> np.ndarray:
    """Estimated stairwells (one elevator each): households / (floors x per_landing), at least 1."""
    if per_landing <= 0:
        return np.ones(len(floors), dtype=np.int64)
    with np.errstate(invalid="ignore", divide="ignore"):
        est = np.ceil(households / (floors * per_landing))
    return np.where(np.isfinite(est) & (est >= 1), est, 1).astype(np.int64)


def _notices(floors, lift, owner, residential, use_col, hh, candidate) -> list[Notice]:
    out = []
    unknown = int((np.isnan(floors) | lift.isna().to_numpy(bool)).sum())
    if unknown:
        out.append(coded("elevators.unreadable", QT_TRANSLATE_NOOP("gaps", "{count} buildings have no readable floors or elevator value "
                                            "and are not counted."), count=unknown))
    outside = int((owner < 0).sum())
    if outside:
        out.append(coded("elevators.no_compound", QT_TRANSLATE_NOOP("gaps", "{count} buildings belong to no compound; they count in the "
                                            "totals but in no compound or zone."), count=outside))
    if use_col is not None and (~residential).any():
        out.append(coded("elevators.not_residential", QT_TRANSLATE_NOOP("gaps", "{count} buildings are not residential by their {field} "
                                            "field and are left out."), count=int((~residential).sum()),
                          field=use_col))
    no_hh = int((candidate & np.isnan(hh)).sum())
    if no_hh:
        out.append(coded("elevators.no_households", QT_TRANSLATE_NOOP("gaps", "{count} buildings needing an elevator have no household "
                                            "count; each gets one elevator and 0 households."), count=no_hh))
    return out
