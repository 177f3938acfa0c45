"""Life-circle standards: levels, facility service radii, walking speeds, 一老/一小 groups.

The shipped preset ``resources/presets/standards.json`` encodes GB 50180-2018 as written in
the project's domain notes, with a source text for the user and a ``checked`` flag on the
values not yet checked against the official text. Users edit a copy, saved in their own
settings folder; the shipped file is never overwritten.

>>> std = load_standards()
>>> std.required("clinic").distance_m, std.required("clinic", name="某某社区卫生服务中心").distance_m
(300.0, 1000.0)
>>> std.with_time_mode(True).required("kindergarten").distance_m   # 5 min x 1.2 m/s
360.0
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Callable

from gis.domain import FacilityType
from gis.errors import DataReadError
from gis.i18n import QT_TRANSLATE_NOOP
from gis.paths import PRESETS
from gis.preset_files import read_preset_json, save_preset_copy

CURRENT_VERSION = 1
PRESET_PATH = PRESETS / "standards.json"
USER_FILE = "standards.json"
SPEED_RANGE_MPS = (0.3, 3.0)

LEVEL_LABELS = {
    "block": QT_TRANSLATE_NOOP("standards", "Block (居住街坊)"),
    "5min": QT_TRANSLATE_NOOP("standards", "5-minute life circle"),
    "10min": QT_TRANSLATE_NOOP("standards", "10-minute life circle"),
    "15min": QT_TRANSLATE_NOOP("standards", "15-minute life circle"),
}


class PresetError(DataReadError):
    """A standards preset is unreadable or holds values that cannot be used."""


@dataclass
class Level:
    """A life-circle level: its walking distance, the standard's range and, if timed, minutes."""

    key: str
    distance_m: float
    minutes: float | None = None
    range_m: tuple[float, float] = (0.0, 0.0)
    residents: str = ""
    checked: bool = True
    note: str = ""
    zh: dict = field(default_factory=dict)  # Chinese texts by field name ("note", "text" …)

    @property
    def label(self) -> str:
        """English label marked for translation."""
        return LEVEL_LABELS.get(self.key, self.key)


@dataclass
class Variant:
    """A kind of facility within a type that serves another level (社区卫生服务中心)."""

    key: str
    names: tuple[str, ...]
    level: str
    distance_m: float
    checked: bool = True
    note: str = ""
    zh: dict = field(default_factory=dict)  # Chinese texts by field name ("note", "text" …)


@dataclass
class FacilityRule:
    """The level and radius a facility type must serve, with the names that identify it."""

    type: FacilityType
    level: str
    distance_m: float
    checked: bool = True
    names: tuple[str, ...] = ()
    note: str = ""
    variants: list[Variant] = field(default_factory=list)
    zh: dict = field(default_factory=dict)  # Chinese texts by field name ("note", "text" …)


@dataclass
class TimeMode:
    """Distances as minutes x walking speed, when enabled."""

    enabled: bool = False
    elderly_speed_mps: float = 1.0
    default_speed_mps: float = 1.2
    note: str = ""
    zh: dict = field(default_factory=dict)  # Chinese texts by field name ("note", "text" …)


@dataclass
class Group:
    """A group of facility types shown and toggled together (一老, 一小)."""

    key: str
    label: str
    label_zh: str
    speed: str  # "elderly" | "default"
    types: tuple[FacilityType, ...]


@dataclass
class Source:
    """Where the figures come from, shown to the user beside the values."""

    title: str = ""
    text: str = ""
    references: tuple[str, ...] = ()
    zh: dict = field(default_factory=dict)  # Chinese texts by field name ("note", "text" …)


@dataclass(frozen=True)
class Requirement:
    """What one facility must serve: its level and walking radius in metres."""

    type: FacilityType
    level: str
    distance_m: float
    variant: str | None = None
    checked: bool = True


@dataclass
class Standards:
    """The whole preset. Build with :func:`load_standards` or :meth:`from_dict`."""

    name: str
    source: Source
    levels: list[Level]
    time_mode: TimeMode
    facilities: list[FacilityRule]
    groups: list[Group]
    version: int = CURRENT_VERSION
    zh: dict = field(default_factory=dict)  # Chinese texts by field name ("note", "text" …)

    # -- look-ups -------------------------------------------------------------
    def level(self, key: str) -> Level:
        for lvl in self.levels:
            if lvl.key == key:
                return lvl
        raise KeyError(key)

    def rule(self, facility_type: FacilityType | str) -> FacilityRule:
        ftype = FacilityType(facility_type)
        for rule in self.facilities:
            if rule.type == ftype:
                return rule
        raise KeyError(ftype.value)

    def group_of(self, facility_type: FacilityType | str) -> Group | None:
        ftype = FacilityType(facility_type)
        return next((g for g in self.groups if ftype in g.types), None)

    def speed_for(self, facility_type: FacilityType | str | None) -> float:
        """Walking speed (m/s) for users of *facility_type* (elderly group or default)."""
        group = self.group_of(facility_type) if facility_type is not None else None
        if group is not None and group.speed == "elderly":
            return self.time_mode.elderly_speed_mps
        return self.time_mode.default_speed_mps

    # -- distances ------------------------------------------------------------
    def level_distance(self, key: str, facility_type: FacilityType | str | None = None) -> float:
        """Walking distance of level *key*: its metres, or minutes x speed in time mode."""
        lvl = self.level(key)
        if self.time_mode.enabled and lvl.minutes is not None:
            return round(lvl.minutes * 60.0 * self.speed_for(facility_type), 3)
        return float(lvl.distance_m)

    def ring_distances(self, facility_type: FacilityType | str | None = None) -> tuple[float, ...]:
        """Distances of the timed levels (5/10/15 minutes), ascending: the nested bands."""
        keys = [lvl.key for lvl in self.levels if lvl.minutes is not None]
        return tuple(sorted(self.level_distance(k, facility_type) for k in keys))

    def required(self, facility_type: FacilityType | str, *, name: str | None = None,
                 variant: str | None = None) -> Requirement:
        """The level and radius a facility must serve; *name* or *variant* picks a variant."""
        rule = self.rule(facility_type)
        chosen = self._variant(rule, name=name, key=variant)
        level, distance, checked = ((chosen.level, chosen.distance_m, chosen.checked) if chosen
                                    else (rule.level, rule.distance_m, rule.checked))
        lvl = self.level(level)
        if self.time_mode.enabled and lvl.minutes is not None:
            distance = self.level_distance(level, rule.type)
        return Requirement(rule.type, level, float(distance), chosen.key if chosen else None, checked)

    @staticmethod
    def _variant(rule: FacilityRule, *, name: str | None, key: str | None) -> Variant | None:
        if key is not None:
            return next((v for v in rule.variants if v.key == key), None)
        if name:
            return next((v for v in rule.variants if any(n in name for n in v.names)), None)
        return None

    def classify(self, name: str) -> FacilityType | None:
        """The facility type whose longest listed name occurs in *name* (None if none does)."""
        best: tuple[int, FacilityType] | None = None
        for rule in self.facilities:
            for key in rule.names + tuple(n for v in rule.variants for n in v.names):
                if key and key in str(name) and (best is None or len(key) > best[0]):
                    best = (len(key), rule.type)
        return best[1] if best else None

    def with_time_mode(self, enabled: bool, *, elderly_speed_mps: float | None = None,
                       default_speed_mps: float | None = None) -> "Standards":
        """A copy with time mode switched and, optionally, other speeds."""
        tm = replace(self.time_mode, enabled=enabled)
        if elderly_speed_mps is not None:
            tm.elderly_speed_mps = float(elderly_speed_mps)
        if default_speed_mps is not None:
            tm.default_speed_mps = float(default_speed_mps)
        return replace(self, time_mode=tm)

    # -- checks and (de)serialisation -------------------------------------------
    def problems(self) -> list[tuple[str, dict]]:
        """What makes the preset unusable: ``(template, params)`` pairs, templates marked
        for translation under context "standards" (empty list = fine)."""
        out: list[tuple[str, dict]] = []
        keys = [lvl.key for lvl in self.levels]
        if len(set(keys)) != len(keys):
            out.append((QT_TRANSLATE_NOOP("standards", "Level keys must be unique."), {}))
        for lvl in self.levels:
            out += _level_problems(lvl)
        for speed in (self.time_mode.elderly_speed_mps, self.time_mode.default_speed_mps):
            if not SPEED_RANGE_MPS[0] <= speed <= SPEED_RANGE_MPS[1]:
                out.append((QT_TRANSLATE_NOOP("standards", "Walking speed {speed} m/s is outside {low}–{high} m/s."),
                            {"speed": speed, "low": SPEED_RANGE_MPS[0], "high": SPEED_RANGE_MPS[1]}))
        missing = sorted(t.value for t in set(FacilityType) - {r.type for r in self.facilities})
        if missing:
            out.append((QT_TRANSLATE_NOOP("standards", "No rule for facility types: {types}."),
                        {"types": ", ".join(missing)}))
        for rule in self.facilities:
            out += _rule_problems(rule, keys)
        return out

    def validate(self) -> "Standards":
        """Return self, or raise :class:`PresetError` with the first problem and how many there are."""
        problems = self.problems()
        if problems:
            template, params = problems[0]
            raise PresetError(QT_TRANSLATE_NOOP("errors", "The standards preset cannot be used ({count} "
                                                "problems), first: {problem}"),
                              count=len(problems), problem=template.format(**params))
        return self

    def to_dict(self) -> dict:
        raw = asdict(self)
        raw["facilities"] = [{**r, "type": r["type"].value} for r in raw["facilities"]]
        raw["groups"] = [{**g, "types": [t.value for t in g["types"]]} for g in raw["groups"]]
        return raw

    @classmethod
    def from_dict(cls, raw: dict) -> "Standards":
        """Build (after migrating older versions) and validate; :class:`PresetError` if unusable."""
        raw = migrate(raw)
        try:
            std = cls(
                name=str(raw.get("name", "")),
                source=Source(**{**raw.get("source", {}),
                                 "references": tuple(raw.get("source", {}).get("references", ()))}),
                levels=[_level(d) for d in raw["levels"]],
                time_mode=TimeMode(**raw.get("time_mode", {})),
                facilities=[_rule(d) for d in raw["facilities"]],
                groups=[Group(key=g["key"], label=g.get("label", g["key"]), label_zh=g.get("label_zh", ""),
                              speed=g.get("speed", "default"), types=tuple(FacilityType(t) for t in g["types"]))
                        for g in raw.get("groups", [])],
                version=CURRENT_VERSION,
                zh=dict(raw.get("zh", {})),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise PresetError(QT_TRANSLATE_NOOP("errors", "The standards preset is malformed: {reason}"),
                              reason=f"{type(exc).__name__}: {exc}") from exc
        return std.validate()


def _level_problems(lvl: Level) -> list[tuple[str, dict]]:
    out = []
    lo, hi = lvl.range_m
    if not lvl.distance_m > 0:
        out.append((QT_TRANSLATE_NOOP("standards", "Level {level}: the distance must be positive."),
                    {"level": lvl.key}))
    elif lo > hi or (hi > 0 and not lo - 1e-9 <= lvl.distance_m <= hi + 1e-9):
        out.append((QT_TRANSLATE_NOOP("standards", "Level {level}: {distance} m is outside its range "
                                      "{low}–{high} m."),
                    {"level": lvl.key, "distance": lvl.distance_m, "low": lo, "high": hi}))
    if lvl.minutes is not None and not lvl.minutes > 0:
        out.append((QT_TRANSLATE_NOOP("standards", "Level {level}: minutes must be positive."), {"level": lvl.key}))
    return out


def _rule_problems(rule: FacilityRule, level_keys: list[str]) -> list[tuple[str, dict]]:
    out = []
    entries = [(rule.type.value, rule.level, rule.distance_m)]
    entries += [(f"{rule.type.value}/{v.key}", v.level, v.distance_m) for v in rule.variants]
    for what, level, distance in entries:
        if level not in level_keys:
            out.append((QT_TRANSLATE_NOOP("standards", "{what}: unknown level {level}."),
                        {"what": what, "level": level}))
        if not distance > 0:
            out.append((QT_TRANSLATE_NOOP("standards", "{what}: the distance must be positive."), {"what": what}))
    return out


def localized(entry, attr: str, language: str) -> str:
    """*entry*'s text *attr* in *language*: the preset's Chinese text (``zh``) for zh_CN where it has one.

    >>> localized(TimeMode(note="walk", zh={"note": "步行"}), "note", "zh_CN")
    '步行'
    """
    if language.startswith("zh"):
        text = (getattr(entry, "zh", None) or {}).get(attr)
        if text:
            return str(text)
    return getattr(entry, attr)


def _level(d: dict) -> Level:
    minutes = d.get("minutes")
    return Level(key=str(d["key"]), distance_m=float(d["distance_m"]),
                 minutes=None if minutes is None else float(minutes),
                 range_m=tuple(float(x) for x in d.get("range_m", (0, 0))), residents=str(d.get("residents", "")),
                 checked=bool(d.get("checked", True)), note=str(d.get("note", "")), zh=dict(d.get("zh", {})))


def _rule(d: dict) -> FacilityRule:
    return FacilityRule(type=FacilityType(d["type"]), level=str(d["level"]), distance_m=float(d["distance_m"]),
                        checked=bool(d.get("checked", True)), names=tuple(d.get("names", ())),
                        note=str(d.get("note", "")), zh=dict(d.get("zh", {})),
                        variants=[Variant(key=str(v["key"]), names=tuple(v.get("names", ())), level=str(v["level"]),
                                          distance_m=float(v["distance_m"]), checked=bool(v.get("checked", True)),
                                          note=str(v.get("note", "")), zh=dict(v.get("zh", {})))
                                  for v in d.get("variants", [])])


# -- versions -------------------------------------------------------------------
# MIGRATIONS[k] turns a version-k dict into a version-(k+1) dict.
MIGRATIONS: dict[int, Callable[[dict], dict]] = {}


def migrate(raw: dict) -> dict:
    """Bring a preset dict up to :data:`CURRENT_VERSION` through :data:`MIGRATIONS`."""
    if not isinstance(raw, dict):
        raise PresetError(QT_TRANSLATE_NOOP("errors", "The standards preset is malformed: {reason}"),
                          reason="not a JSON object")
    version = int(raw.get("version", 1))
    if version > CURRENT_VERSION:
        raise PresetError(QT_TRANSLATE_NOOP("errors", "The standards preset was written by a newer version "
                                            "({version}) of the program; update the program."), version=version)
    while version < CURRENT_VERSION:
        raw = MIGRATIONS[version](raw)
        version += 1
    return raw


# -- files -----------------------------------------------------------------------
def load_standards(path: str | Path | None = None) -> Standards:
    """The preset at *path* (default: the shipped one)."""
    message = QT_TRANSLATE_NOOP("errors", "Cannot read the standards preset {path}: {reason}")
    return Standards.from_dict(read_preset(Path(path) if path is not None else PRESET_PATH, message))


def read_preset(path: Path, message: str) -> dict:
    """The JSON of a preset file; :class:`PresetError` with *message* ({path}, {reason}) if unreadable."""
    return read_preset_json(path, PresetError, message)


def save_standards(standards: Standards, path: str | Path) -> Path:
    """Write *standards* (validated) to *path* atomically; never into the shipped resources."""
    standards.validate()
    return save_preset_copy(standards.to_dict(), path, error=PresetError)


def load_user_standards(folder: str | Path) -> Standards:
    """The user's copy in settings *folder*, or the shipped preset if there is none."""
    path = Path(folder) / USER_FILE
    return load_standards(path if path.exists() else None)


def save_user_standards(standards: Standards, folder: str | Path) -> Path:
    """Save the user's copy into settings *folder*."""
    return save_standards(standards, Path(folder) / USER_FILE)


def reset_user_standards(folder: str | Path) -> Standards:
    """Delete the user's copy and return the shipped preset."""
    (Path(folder) / USER_FILE).unlink(missing_ok=True)
    return load_standards()
