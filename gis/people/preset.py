"""The editable figures of people estimates, in one place with their sources.

The shipped preset ``resources/presets/people.json`` holds persons per household (2.62, 2020
census), the usable-area factor and average dwelling size for households from buildings, and
the age shares (60+, 0–6) used when a compound has only a population — one default set, and
a district's (区/街道) own shares where the user enters them (``age_shares_by_area``). Each value carries a
note saying where it comes from and whether it was checked. Users edit a copy in their
settings folder (:data:`USER_FILE`); the shipped file is never overwritten.

>>> p = load_people_preset()
>>> p.persons_per_household, p.elderly_share
(2.62, 0.187)
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path

from gis.errors import DataReadError
from gis.i18n import QT_TRANSLATE_NOOP
from gis.paths import PRESETS

PRESET_PATH = PRESETS / "people.json"
USER_FILE = "people.json"
VALUES = ("persons_per_household", "usable_area_factor", "dwelling_size_m2")
RANGES = {"persons_per_household": (0.5, 10.0), "usable_area_factor": (0.1, 1.0),  # what a figure may be
          "dwelling_size_m2": (10.0, 500.0), "elderly_share": (0.0, 1.0), "children_share": (0.0, 1.0)}


class PeoplePresetError(DataReadError):
    """The people preset is unreadable or holds values that cannot be used."""


@dataclass(frozen=True)
class AreaShares:
    """The 60+ and 0-6 shares of one district (区) or street (街道), and where they come from."""

    area: str
    elderly: float
    children: float
    source: str = ""


@dataclass(frozen=True)
class PeoplePreset:
    """Persons per household, households from floor area, and age shares, with their notes."""

    persons_per_household: float = 2.62
    usable_area_factor: float = 0.9
    dwelling_size_m2: float = 70.0
    elderly_share: float = 0.187
    children_share: float = 0.075
    shares_name: str = ""
    source: str = ""
    notes: dict = field(default_factory=dict)  # value name → {"note", "note_zh", "checked"}
    source_zh: str = ""
    by_area: tuple[AreaShares, ...] = ()  # a district's (区/街道) own shares, where the user has them

    def validate(self) -> "PeoplePreset":
        """*self*, or PeoplePresetError naming the first value out of range."""
        for name, (low, high) in RANGES.items():
            value = getattr(self, name)
            if not low <= value <= high:
                raise PeoplePresetError(QT_TRANSLATE_NOOP(
                    "errors", "The people preset's {name} is {value}; it must be between {low} and {high}."),
                    name=name, value=value, low=low, high=high)
        for elderly, children in [(self.elderly_share, self.children_share),
                                  *((a.elderly, a.children) for a in self.by_area)]:
            if not (0.0 <= elderly <= 1.0 and 0.0 <= children <= 1.0 and elderly + children <= 1.0):
                raise PeoplePresetError(QT_TRANSLATE_NOOP(
                    "errors", "The people preset's age shares must be between 0 and 1 and add up to at most 1."))
        return self

    def shares_of(self, area) -> tuple[float, float] | None:
        """(60+, 0-6) shares of *area* when the preset has its own, else None."""
        for entry in self.by_area:
            if entry.area == str(area).strip():
                return entry.elderly, entry.children
        return None

    def with_values(self, **values) -> "PeoplePreset":
        """A copy with some values changed (validated)."""
        return replace(self, **values).validate()

    def to_dict(self) -> dict:
        out = {"version": 1, "name": "People estimates", "source": self.source, "source_zh": self.source_zh}
        for name in VALUES:
            out[name] = {"value": getattr(self, name), **self.notes.get(name, {})}
        out["age_shares"] = {"name": self.shares_name, "elderly": self.elderly_share,
                             "children": self.children_share, **self.notes.get("age_shares", {})}
        out["age_shares_by_area"] = [{"area": a.area, "elderly": a.elderly, "children": a.children,
                                      "source": a.source} for a in self.by_area]
        return out

    @classmethod
    def from_dict(cls, raw: dict) -> "PeoplePreset":
        shares = raw["age_shares"]
        keys = ("note", "note_zh", "checked", "name_zh")
        notes = {name: {k: raw[name][k] for k in keys if k in raw[name]} for name in (*VALUES, "age_shares")}
        return cls(**{name: float(raw[name]["value"]) for name in VALUES},
                   elderly_share=float(shares["elderly"]), children_share=float(shares["children"]),
                   shares_name=str(shares.get("name", "")), source=str(raw.get("source", "")),
                   source_zh=str(raw.get("source_zh", "")), notes=notes,
                   by_area=tuple(AreaShares(str(a["area"]).strip(), float(a["elderly"]), float(a["children"]),
                                            str(a.get("source", ""))) for a in raw.get("age_shares_by_area", ()))
                   ).validate()


def load_people_preset(path: str | Path | None = None) -> PeoplePreset:
    """The preset at *path* (default: the shipped one)."""
    path = Path(path) if path is not None else PRESET_PATH
    try:
        return PeoplePreset.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise PeoplePresetError(QT_TRANSLATE_NOOP("errors", "Cannot read the people preset {path}: {reason}"),
                                path=str(path), reason=str(exc)) from None


def load_user_people_preset(folder: str | Path) -> PeoplePreset:
    """The user's copy in settings *folder*, or the shipped preset if there is none."""
    path = Path(folder) / USER_FILE
    return load_people_preset(path if path.exists() else None)


def save_people_preset(preset: PeoplePreset, path: str | Path) -> Path:
    """Write *preset* (validated) to *path* atomically; never into the shipped resources."""
    from gis.preset_files import save_preset_copy

    return save_preset_copy(preset.validate().to_dict(), path, error=PeoplePresetError)
