"""How much each facility can serve: places, beds, seats or floor area.

A facility's capacity is read from its layer's CAPACITY field (places, beds, seats) or
FLOOR_AREA field (m²), whichever the type's measure asks for, mapped like every other field
(gis.io.fields). Where the layer has no such field, or a cell is blank or unreadable, the
per-type default of the editable preset ``resources/presets/capacity.json`` is used and the
facility is marked ``default``; a value from the layer is marked ``entered``.

The preset also holds each type's provision standard (e.g. elderly-care space ≥ 20 m² per
100 households, pooled within a zone), with its source and a ``checked`` flag.

>>> preset = load_capacity()
>>> preset.of("kindergarten").measure, preset.of("kindergarten").default
('places', 270.0)
>>> p = preset.of("day_care").provision
>>> (p.amount, p.per, p.base, p.pooled)
(20.0, 100.0, 'households', True)
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from gis.domain import FacilityType, FieldRole
from gis.errors import FieldMappingError
from gis.i18n import QT_TRANSLATE_NOOP, bilingual
from gis.io.notices import Notice, coded, short_list
from gis.paths import PRESETS
from gis.preset_files import save_preset_copy
from gis.standards import PresetError, Source, read_preset
from gis.supply.amounts import ENTERED, ESTIMATED, SURVEY, bad_rows_notice, read_amounts

PRESET_PATH = PRESETS / "capacity.json"
USER_FILE = "capacity.json"
DEFAULT = "default"
FLAG_LABELS = {
    ENTERED: QT_TRANSLATE_NOOP("supply", "entered"),
    DEFAULT: QT_TRANSLATE_NOOP("supply", "default"),
    ESTIMATED: QT_TRANSLATE_NOOP("supply", "estimated"),
    SURVEY: QT_TRANSLATE_NOOP("supply", "survey table"),
}
MEASURE_FIELDS = {"places": FieldRole.CAPACITY, "beds": FieldRole.CAPACITY, "seats": FieldRole.CAPACITY,
                  "m2": FieldRole.FLOOR_AREA}
MEASURE_UNITS = {  # the unit written after a number
    "places": QT_TRANSLATE_NOOP("supply", "places"),
    "beds": QT_TRANSLATE_NOOP("supply", "beds"),
    "seats": QT_TRANSLATE_NOOP("supply", "seats"),
    "m2": "m²",
}
BASE_ROLES = {"households": FieldRole.HOUSEHOLDS, "population": FieldRole.POPULATION,  # what a standard counts per
              "elderly": FieldRole.ELDERLY, "children": FieldRole.CHILDREN}
BASES = tuple(BASE_ROLES)


@dataclass(frozen=True)
class Provision:
    """A provision standard: *amount* of the type's measure per *per* units of *base*."""

    amount: float
    per: float
    base: str
    pooled: bool = False
    checked: bool = True
    note: str = ""
    zh: dict = field(default_factory=dict)

    def required(self, base_values: np.ndarray) -> np.ndarray:
        """The supply *base_values* (households, people …) call for."""
        return np.asarray(base_values, dtype=float) * (self.amount / self.per)


@dataclass(frozen=True)
class TypeCapacity:
    """A type's capacity measure, its default size and its provision standard (or None)."""

    type: str
    measure: str
    default: float
    checked: bool = True
    note: str = ""
    zh: dict = field(default_factory=dict)
    provision: Provision | None = None

    @property
    def field_role(self) -> FieldRole:
        return MEASURE_FIELDS[self.measure]


@dataclass(frozen=True)
class CapacityPreset:
    """The whole preset: one :class:`TypeCapacity` per facility type."""

    name: str
    source: Source
    types: dict[str, TypeCapacity]
    zh: dict = field(default_factory=dict)

    def of(self, facility_type: str) -> TypeCapacity:
        return self.types[FacilityType(facility_type).value]

    def to_dict(self) -> dict:
        """The preset as its JSON file holds it (``from_dict(to_dict())`` gives it back)."""
        types = {}
        for key, t in self.types.items():
            entry = {k: v for k, v in asdict(t).items() if k != "type"}
            types[key] = entry
        return {"version": 1, "name": self.name, "zh": dict(self.zh),
                "source": {**asdict(self.source), "references": list(self.source.references)}, "types": types}

    @classmethod
    def from_dict(cls, raw: dict) -> "CapacityPreset":
        """Build and check; :class:`PresetError` when a value cannot be used."""
        try:
            src = raw.get("source", {})
            types = {key: _type(key, d) for key, d in raw["types"].items()}
            preset = cls(str(raw.get("name", "")), Source(**{**src, "references": tuple(src.get("references", ()))}),
                         types, dict(raw.get("zh", {})))
        except (KeyError, TypeError, ValueError) as exc:
            raise PresetError(QT_TRANSLATE_NOOP("errors", "The capacity preset is malformed: {reason}"),
                              reason=f"{type(exc).__name__}: {exc}") from exc
        missing = sorted(t.value for t in FacilityType if t.value not in preset.types)
        if missing:
            raise PresetError(QT_TRANSLATE_NOOP("errors", "The capacity preset is malformed: {reason}"),
                              reason="no entry for " + ", ".join(missing))
        return preset


def _type(key: str, d: dict) -> TypeCapacity:
    FacilityType(key)
    measure = str(d["measure"])
    if measure not in MEASURE_FIELDS:
        raise ValueError(f"{key}: measure {measure!r} is not one of {', '.join(MEASURE_FIELDS)}")
    default = float(d["default"])
    if not default > 0:
        raise ValueError(f"{key}: the default capacity must be positive")
    p = d.get("provision")
    provision = None
    if p:
        provision = Provision(float(p["amount"]), float(p["per"]), str(p["base"]), bool(p.get("pooled", False)),
                              bool(p.get("checked", True)), str(p.get("note", "")), dict(p.get("zh", {})))
        if provision.base not in BASES or not provision.amount > 0 or not provision.per > 0:
            raise ValueError(f"{key}: provision needs a positive amount and per, and a base of {', '.join(BASES)}")
    return TypeCapacity(key, measure, default, bool(d.get("checked", True)), str(d.get("note", "")),
                        dict(d.get("zh", {})), provision)


def load_capacity(path: str | Path | None = None) -> CapacityPreset:
    """The preset at *path* (default: the shipped one)."""
    message = QT_TRANSLATE_NOOP("errors", "Cannot read the capacity preset {path}: {reason}")
    return CapacityPreset.from_dict(read_preset(Path(path) if path is not None else PRESET_PATH, message))


def load_user_capacity(folder: str | Path) -> CapacityPreset:
    """The user's copy in settings *folder*, or the shipped preset if there is none."""
    path = Path(folder) / USER_FILE
    return load_capacity(path if path.exists() else None)


def save_user_capacity(preset: CapacityPreset, folder: str | Path) -> Path:
    """Save the user's copy into settings *folder* (checked by reading it back first)."""
    CapacityPreset.from_dict(preset.to_dict())
    return save_preset_copy(preset.to_dict(), Path(folder) / USER_FILE, error=PresetError)


def reset_user_capacity(folder: str | Path) -> CapacityPreset:
    """Delete the user's copy and return the shipped preset."""
    (Path(folder) / USER_FILE).unlink(missing_ok=True)
    return load_capacity()


# -- per facility -----------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class Capacity:
    """Capacity per facility (``values``), whether each was ``entered`` or a ``default``,
    the column read (None: defaults only) and the measure's key (places, beds, seats, m2)."""

    values: np.ndarray
    flags: np.ndarray
    measure: str
    column: str | None
    notices: list[Notice] = field(default_factory=list)

    @property
    def n_default(self) -> int:
        return int((self.flags == DEFAULT).sum())


def capacity_of(frame: pd.DataFrame, ids: np.ndarray, entry: TypeCapacity, *, column: str | None = None,
                fields: dict[FieldRole, str] | None = None, option: str = "--supply-field") -> Capacity:
    """Capacity of the facilities in *frame* (one row each, ids *ids*) of the type of *entry*.

    *column* names the column to read (the user's choice); else the layer's field for the
    type's measure (*fields*); else every facility takes the default.

    Raises
    ------
    FieldMappingError
        *column* is not a column of *frame* (the message names *option*).
    """
    if column is not None and column not in frame.columns:
        raise FieldMappingError(QT_TRANSLATE_NOOP(
            "errors", "The facility layer has no column '{column}' ({option}); its columns are: {columns}."),
            column=column, option=option, columns=short_list(map(str, frame.columns), 12))
    column = column or (fields or {}).get(entry.field_role)
    n = len(frame)
    values, bad = (read_amounts(frame[column]) if column is not None and n else (np.full(n, np.nan), np.zeros(n, bool)))
    known = np.isfinite(values)
    flags = np.where(known, ENTERED, DEFAULT).astype(object)
    values = np.where(known, values, entry.default)
    notes = bad_rows_notice(column, ids, bad) if column is not None else []
    if (~known).any():
        notes.append(default_notice(entry, int((~known).sum()), n, column))
    return Capacity(values, flags, entry.measure, column, notes)


def default_notice(entry: TypeCapacity, count: int, total: int, column: str | None) -> Notice:
    """What the defaults stand in for (a warning while the preset's value is not yet checked)."""
    level = "info" if entry.checked else "warning"
    params = dict(level=level, count=count, total=total, default=entry.default,
                  **bilingual("supply", unit=MEASURE_UNITS[entry.measure]))
    if column is None:
        return coded("supply.capacity_default", QT_TRANSLATE_NOOP(
            "supply", "The facility layer has no capacity field; each of the {total} facilities counts the "
                      "preset's default of {default:g} {unit}, marked as default."), **params)
    return coded("supply.capacity_default", QT_TRANSLATE_NOOP(
        "supply", "No value in '{column}' for {count} of the {total} facilities: each counts the preset's "
                  "default of {default:g} {unit}, marked as default."), column=column, **params)
