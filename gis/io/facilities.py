"""Facility types (一老一小) from names and AMap / Baidu category strings.

The rules are an editable JSON preset (``resources/presets/facility_types.json``): an ordered
list of types, each with words to match and words that exclude it (a 宠物诊所 is not a clinic).
A feature's name is tried first, then its category (``医疗保健服务;诊所;诊所``, ``医疗;诊所``);
the first type that matches wins. *overrides* map a raw name or category value to a type key
(or to ``None`` for "not a facility of interest"), so the user can correct any value.

>>> rules = FacilityRules.load()
>>> rules.classify_text("阳光社区卫生服务站"), rules.classify_text("XX宠物诊所")
('clinic', None)
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from gis.domain import FacilityType
from gis.errors import DataReadError
from gis.i18n import QT_TRANSLATE_NOOP
from gis.paths import PRESETS

DEFAULT_RULES = PRESETS / "facility_types.json"


@dataclass(frozen=True)
class TypeRule:
    key: str
    match: tuple[str, ...]
    exclude: tuple[str, ...] = ()

    def pattern(self) -> re.Pattern:
        return re.compile("|".join(re.escape(w) for w in self.match), re.IGNORECASE)

    def exclusion(self) -> re.Pattern | None:
        if not self.exclude:
            return None
        return re.compile("|".join(re.escape(w) for w in self.exclude), re.IGNORECASE)


@dataclass
class FacilityRules:
    """Ordered type rules; see the module text."""

    types: list[TypeRule]
    name: str = ""
    source: str = ""
    _compiled: list = field(default_factory=list, repr=False, compare=False)

    @classmethod
    def load(cls, path: str | Path | None = None) -> "FacilityRules":
        """Rules from *path* (the shipped preset by default); DataReadError if unusable."""
        path = Path(path) if path is not None else DEFAULT_RULES
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            types = [TypeRule(str(t["key"]), tuple(map(str, t["match"])),
                              tuple(map(str, t.get("exclude", ())))) for t in raw["types"]]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise DataReadError(QT_TRANSLATE_NOOP(
                "errors", "The facility type rules in {path} cannot be read ({reason}). Fix the "
                          "file or use the default rules."), path=str(path), reason=str(exc)) from None
        known = {t.value for t in FacilityType}
        unknown = [t.key for t in types if t.key not in known]
        if unknown:
            raise DataReadError(QT_TRANSLATE_NOOP(
                "errors", "The facility type rules in {path} use unknown types: {keys}. Use "
                          "{known}."), path=str(path), keys=", ".join(unknown),
                known=", ".join(sorted(known)))
        return cls(types, str(raw.get("name", "")), str(raw.get("source", "")))

    def save(self, path: str | Path) -> None:
        """Write the rules as JSON (a copy the user can edit)."""
        data = {"version": 1, "name": self.name, "source": self.source,
                "types": [{"key": t.key, "match": list(t.match), "exclude": list(t.exclude)}
                          for t in self.types]}
        Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")

    def _rules(self) -> list:
        if not self._compiled:
            self._compiled = [(t.key, t.pattern(), t.exclusion()) for t in self.types]
        return self._compiled

    def classify_text(self, text: str | None, *, veto: str | None = None) -> str | None:
        """The first type whose words match *text* and whose exclusions match neither
        *text* nor *veto* (the name, when *text* is a category)."""
        if not isinstance(text, str) or not text.strip():
            return None
        extra = veto if isinstance(veto, str) else ""
        for key, pattern, exclusion in self._rules():
            if pattern.search(text) and not (exclusion and (exclusion.search(text)
                                                             or exclusion.search(extra))):
                return key
        return None

    def classify_pair(self, name: str | None, category: str | None) -> str | None:
        """Type of one feature: by its name, else by its category (the name can veto)."""
        return self.classify_text(name) or self.classify_text(category, veto=name)

    def classify(self, names: pd.Series | None = None, categories: pd.Series | None = None, *,
                 overrides: dict[str, str | None] | None = None) -> pd.Series:
        """Type key per row (``<NA>`` when none): overrides, then name, then category."""
        base = names if names is not None else categories
        if base is None:
            raise ValueError("classify needs names or categories")
        n = _strings(names, base.index)
        c = _strings(categories, base.index)
        lookup = {pair: self.classify_pair(*pair) for pair in set(zip(n, c))}
        out = pd.Series([lookup[pair] for pair in zip(n, c)], index=base.index, dtype="string")
        for column in (categories, names):  # names last: an override of the name wins
            if column is not None and overrides:
                out = _apply_overrides(out, column, overrides)
        return out


def _strings(values: pd.Series | None, index) -> list:
    if values is None:
        return [None] * len(index)
    return [v if isinstance(v, str) else None for v in values.astype(object)]


def _apply_overrides(out: pd.Series, column: pd.Series, overrides: dict) -> pd.Series:
    text = column.astype("string")
    hit = text.isin(list(overrides)).fillna(False).to_numpy(bool)
    if hit.any():
        out = out.copy()
        out[hit] = [overrides[v] if overrides[v] else pd.NA for v in text[hit]]
    return out


def value_summary(values: pd.Series, types: pd.Series) -> pd.DataFrame:
    """Distinct raw values with their count and assigned type (for an editable table)."""
    frame = pd.DataFrame({"value": values.astype("string"), "type": types})
    summary = frame.groupby("value", dropna=True, sort=False).agg(
        count=("type", "size"), type=("type", "first"))
    return summary.sort_values("count", ascending=False).reset_index()
