"""The content catalogue (改造内容与单价): what can be renovated, per what unit, at what
cost, and who pays which share.

The shipped preset ``resources/presets/renewal_catalogue.json`` is a Chinese default whose
unit costs are marked ``checked: false`` (not yet checked against a price list), as the
standards preset marks its radii. Planners edit a copy; :func:`load_catalogue` refuses an
unknown unit, class or channel, a negative cost and shares that do not add up to 100 %,
naming the item.

>>> cat = load_catalogue()
>>> cat.item("elevator").unit, cat.item("elevator").klass
('elevator', 'improve')
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from gis.domain import FacilityType
from gis.errors import DataReadError
from gis.i18n import QT_TRANSLATE_NOOP
from gis.paths import PRESETS
from gis.preset_files import read_preset_json, save_preset_copy

PRESET_PATH = PRESETS / "renewal_catalogue.json"

CLASSES = {  # key → (English, 中文)
    "basic": (QT_TRANSLATE_NOOP("programme", "Basic"), "基础类"),
    "improve": (QT_TRANSLATE_NOOP("programme", "Improvement"), "完善类"),
    "enhance": (QT_TRANSLATE_NOOP("programme", "Enhancement"), "提升类"),
}
UNITS = {  # key → (English, 中文): what one unit of quantity is
    "m2_floor": (QT_TRANSLATE_NOOP("programme", "m² of floor area"), "元/m²建筑面积"),
    "household": (QT_TRANSLATE_NOOP("programme", "household"), "元/户"),
    "building": (QT_TRANSLATE_NOOP("programme", "building"), "元/栋"),
    "elevator": (QT_TRANSLATE_NOOP("programme", "elevator"), "元/台"),
    "m2_facility": (QT_TRANSLATE_NOOP("programme", "m² of new facility"), "元/m²新建设施"),
    "lump_sum": (QT_TRANSLATE_NOOP("programme", "lump sum"), "元/项"),
}
CHANNELS = {  # key → (English, 中文), in the order tables show them
    "central": (QT_TRANSLATE_NOOP("programme", "Central subsidy"), "中央补助"),
    "local": (QT_TRANSLATE_NOOP("programme", "Local budget"), "地方财政"),
    "bonds": (QT_TRANSLATE_NOOP("programme", "Special bonds"), "专项债券"),
    "utilities": (QT_TRANSLATE_NOOP("programme", "Utilities (水电气信)"), "管线单位（水电气信）"),
    "social": (QT_TRANSLATE_NOOP("programme", "Social capital"), "社会资本"),
    "residents": (QT_TRANSLATE_NOOP("programme", "Residents"), "居民出资"),
    "elevator_subsidy": (QT_TRANSLATE_NOOP("programme", "Elevator subsidy"), "加装电梯补贴"),
}
CAP_BASES = ("unit", "household", "building", "elevator", "rule")  # a cap's amount is per one of these
PROPOSE = ("old", "elevators", "gap", "never")  # which compounds or zones get the item proposed
SHARE_TOLERANCE = 0.01  # percent


class CatalogueError(DataReadError):
    """A catalogue cannot be read or holds a value that cannot be used. The item is named by
    its display name: ``names`` maps a param to (English, 中文); the param holds the English
    name (the command line's) and ``<param>_zh`` the Chinese one (GisError.params_in)."""

    def __init__(self, template: str, *, names: dict[str, tuple[str, str]] | None = None, **params: object) -> None:
        self.names = dict(names or {})
        for k, (en, zh) in self.names.items():
            params.update({k: en, f"{k}_zh": zh or en})
        super().__init__(template, **params)


def named(key: str, name: str = "", name_zh: str = "") -> dict:
    """The params naming catalogue item *key* in a :class:`CatalogueError`: ``key`` and ``item``
    (its display name in the UI language, the key when it has no name)."""
    return {"key": key, "names": {"item": (name or key, name_zh or name or key)}}


@dataclass(frozen=True)
class Cap:
    """At most ``amount`` yuan from ``channel`` per ``per`` (unit of quantity, household,
    building, elevator; ``rule`` = the city's elevator subsidy per elevator)."""

    channel: str
    per: str
    amount: float = 0.0


@dataclass(frozen=True)
class Item:
    """One renovation item. ``shares`` are percent per channel (sum 100); what a cap keeps
    from a channel goes to ``overflow``. Facility items (``facility`` = a gap type) are built
    once per zone: by the zone's shortfall where an access analysis gives one (in m², or in
    places x ``m2_per_place`` for a type counted in places, beds or seats), else by
    ``m2_per_100_households x households / 100``; never below ``size_m2`` (gis.programme.sizing)."""

    key: str
    klass: str
    name: str
    name_zh: str
    unit: str
    unit_cost: float
    shares: dict[str, float]
    caps: tuple[Cap, ...] = ()
    overflow: str = "local"
    propose: str = "old"
    facility: str | None = None
    size_m2: float = 0.0
    m2_per_100_households: float = 0.0
    m2_per_place: float = 0.0  # m² of facility per place, bed or seat (converts a shortfall in places)
    checked: bool = False
    note: str = ""

    @property
    def per_zone(self) -> bool:
        """Built once for a zone (a facility), not per compound."""
        return self.unit == "m2_facility"

    def label(self, language: str = "zh_CN") -> str:
        return self.name_zh or self.name if language.startswith("zh") else self.name


@dataclass(frozen=True)
class Catalogue:
    """The items in table order, the floor area per dwelling and the elevator subsidy rule key."""

    items: tuple[Item, ...]
    dwelling_m2: float = 70.0
    elevator_subsidy_rule: str | None = None
    name: str = ""
    source: str = ""
    source_zh: str = ""
    extra: dict = field(default_factory=dict)  # other top-level keys, written back unchanged

    def item(self, key: str) -> Item:
        for it in self.items:
            if it.key == key:
                return it
        raise CatalogueError(QT_TRANSLATE_NOOP("errors", "The catalogue has no item {key}."), key=key)

    def index(self, key: str) -> int:
        return self.items.index(self.item(key))

    @property
    def keys(self) -> list[str]:
        return [it.key for it in self.items]

    def share_matrix(self) -> np.ndarray:
        """(items x channels) shares as fractions, channels in :data:`CHANNELS` order."""
        return np.array([[it.shares.get(c, 0.0) / 100.0 for c in CHANNELS] for it in self.items], dtype=float)

    def with_item(self, item: Item) -> "Catalogue":
        """A copy with *item* replacing the item of the same key (checked)."""
        check_item(item)
        return replace(self, items=tuple(item if it.key == item.key else it for it in self.items))


def load_catalogue(path: str | Path | None = None) -> Catalogue:
    """The catalogue at *path* (default: the shipped preset), checked item by item."""
    path = Path(path) if path is not None else PRESET_PATH
    raw = read_preset_json(path, CatalogueError, QT_TRANSLATE_NOOP("errors", "Cannot read the catalogue {path}: "
                                                                             "{reason}"))
    return catalogue_from_dict(raw, where=str(path))


def catalogue_from_dict(raw: dict, *, where: str = "") -> Catalogue:
    """A checked :class:`Catalogue` from its JSON structure."""
    if not isinstance(raw, dict) or not isinstance(raw.get("items"), list) or not raw["items"]:
        raise CatalogueError(QT_TRANSLATE_NOOP("errors", "The catalogue {path} has no items list."), path=where)
    items = tuple(_item(d, n) for n, d in enumerate(raw["items"]))
    seen = set()
    for it in items:
        if it.key in seen:
            raise CatalogueError(QT_TRANSLATE_NOOP("errors", "The catalogue lists item {item} twice."),
                                 **named(it.key, it.name, it.name_zh))
        seen.add(it.key)
    dwelling = _number((raw.get("dwelling_m2") or {}).get("value", 70.0), named("dwelling_m2"), "value")
    if dwelling <= 0:
        raise CatalogueError(QT_TRANSLATE_NOOP("errors", "The floor area per dwelling must be positive."))
    known = {"items", "dwelling_m2", "elevator_subsidy_rule", "name", "source", "source_zh"}
    return Catalogue(items, dwelling, raw.get("elevator_subsidy_rule") or None, str(raw.get("name", "")),
                     str(raw.get("source", "")), str(raw.get("source_zh", "")),
                     {k: v for k, v in raw.items() if k not in known})


def catalogue_dict(cat: Catalogue) -> dict:
    """*cat* as the JSON structure :func:`catalogue_from_dict` reads."""
    items = []
    for it in cat.items:
        d = {"key": it.key, "class": it.klass, "name": it.name, "name_zh": it.name_zh, "unit": it.unit,
             "unit_cost": it.unit_cost, "shares": dict(it.shares), "overflow": it.overflow, "propose": it.propose,
             "checked": it.checked, "note": it.note}
        if it.caps:
            d["caps"] = [{"channel": c.channel, "per": c.per, "amount": c.amount} for c in it.caps]
        if it.facility:
            d["facility"] = it.facility
        if it.per_zone:
            d.update(size_m2=it.size_m2, m2_per_100_households=it.m2_per_100_households,
                     m2_per_place=it.m2_per_place)
        items.append(d)
    return {**cat.extra, "version": 1, "name": cat.name, "source": cat.source, "source_zh": cat.source_zh,
            "dwelling_m2": {"value": cat.dwelling_m2, "checked": False},
            "elevator_subsidy_rule": cat.elevator_subsidy_rule, "items": items}


def save_catalogue(cat: Catalogue, path: str | Path) -> Path:
    """Write the planner's copy (never over the shipped preset); read back to check."""
    return save_preset_copy(catalogue_dict(cat), path, shipped=PRESET_PATH, check=load_catalogue,
                            error=CatalogueError)


# -- checking --------------------------------------------------------------------------
def _item(d: dict, n: int) -> Item:
    if not isinstance(d, dict) or not str(d.get("key", "")).strip():
        raise CatalogueError(QT_TRANSLATE_NOOP("errors", "Catalogue item {number} has no key."), number=n + 1)
    key = str(d["key"]).strip()
    who = named(key, str(d.get("name") or ""), str(d.get("name_zh") or ""))
    caps = tuple(Cap(str(c.get("channel", "")), str(c.get("per", "")),
                     _number(c.get("amount", 0.0), who, "cap")) for c in d.get("caps") or ())
    shares = d.get("shares")
    if not isinstance(shares, dict):
        raise CatalogueError(QT_TRANSLATE_NOOP("errors", "Catalogue item {item} has no funding shares."), **who)
    item = Item(key=key, klass=str(d.get("class", "")), name=str(d.get("name", key)),
                name_zh=str(d.get("name_zh", "")), unit=str(d.get("unit", "")),
                unit_cost=_number(d.get("unit_cost"), who, "unit_cost"),
                shares={str(c): _number(v, who, c) for c, v in shares.items()}, caps=caps,
                overflow=str(d.get("overflow", "local")), propose=str(d.get("propose", "old")),
                facility=d.get("facility") or None, size_m2=_number(d.get("size_m2") or 0.0, who, "size_m2"),
                m2_per_100_households=_number(d.get("m2_per_100_households") or 0.0, who,
                                              "m2_per_100_households"),
                m2_per_place=_number(d.get("m2_per_place") or 0.0, who, "m2_per_place"),
                checked=bool(d.get("checked", False)), note=str(d.get("note", "")))
    check_item(item)
    return item


def _number(value, who: dict, what: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    if not math.isfinite(number):
        raise CatalogueError(QT_TRANSLATE_NOOP("errors", "Catalogue item {item}: {what} must be a number, not {value}."),
                             what=what, value=value, **who)
    return number


def check_item(it: Item) -> None:
    """Raise :class:`CatalogueError` naming *it* for an unknown unit, class, channel or cap, a
    negative cost or size, or shares that do not add up to 100 %."""
    who = named(it.key, it.name, it.name_zh)
    _one_of(who, "unit", it.unit, UNITS)
    _one_of(who, "class", it.klass, CLASSES)
    _one_of(who, "propose", it.propose, PROPOSE)
    if it.unit_cost < 0:
        raise CatalogueError(QT_TRANSLATE_NOOP("errors", "Catalogue item {item}: the unit cost {cost} is negative."),
                             cost=it.unit_cost, **who)
    if it.size_m2 < 0 or it.m2_per_100_households < 0 or it.m2_per_place < 0:
        raise CatalogueError(QT_TRANSLATE_NOOP("errors", "Catalogue item {item}: facility sizes must be zero or more."),
                             **who)
    if it.facility is not None:
        _one_of(who, "facility", it.facility, [t.value for t in FacilityType])
    for channel, share in it.shares.items():
        _one_of(who, "channel", channel, CHANNELS)
        if share < 0:
            raise CatalogueError(QT_TRANSLATE_NOOP("errors", "Catalogue item {item}: the share of {channel} is "
                                                   "negative."), channel=channel, **who)
    total = sum(it.shares.values())
    if abs(total - 100.0) > SHARE_TOLERANCE:
        raise CatalogueError(QT_TRANSLATE_NOOP("errors", "Catalogue item {item}: the funding shares add up to "
                                               "{total:g} %, not 100 %."), total=total, **who)
    _one_of(who, "channel", it.overflow, CHANNELS)
    for cap in it.caps:
        _one_of(who, "channel", cap.channel, CHANNELS)
        _one_of(who, "cap", cap.per, CAP_BASES)
        if cap.amount < 0:
            raise CatalogueError(QT_TRANSLATE_NOOP("errors", "Catalogue item {item}: the cap on {channel} is "
                                                   "negative."), channel=cap.channel, **who)


def _one_of(who: dict, what: str, value: str, allowed) -> None:
    if value not in allowed:
        raise CatalogueError(QT_TRANSLATE_NOOP("errors", "Catalogue item {item}: unknown {what} {value}; use one "
                                               "of {allowed}."), what=what, value=value,
                             allowed=", ".join(allowed), **who)
