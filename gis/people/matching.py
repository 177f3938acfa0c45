"""Matching written names (or addresses) against the compounds', never guessing between two.

Each table name is tried in steps, the first that finds anything decides:

1. the same written name (:func:`~gis.people.names.name_key` ``full``): score 100, or 95 once
   a district or street prefix is set aside on either side (90 for a second level: 都市 …);
2. the same core (suffix, building range and notes aside): 95, less 5 when only one side
   has a phase, and 5 when only one has a courtyard number (differing ones never match), less 10 when both have a generic suffix and
   they differ (阳光小区 / 阳光花园 may be two compounds), less 5 per level of district or
   street prefix removed;
3. a near name: rapidfuzz's ratio of the cores with the same points off (at most 89, so never
   above a rule), among the compounds sharing a pair of characters with it (blocking keeps it fast).

A step that finds one best candidate, with no other within :data:`MARGIN` points of it
(:data:`NEAR_MARGIN` for near names), is a match; several are *ambiguous* and listed, best first (two compounds of one name included);
nothing at or above :data:`FUZZY_MIN` is *unmatched*, with the nearest names as suggestions.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from gis.people.names import NameKey, name_key, trimmed_variants

EXACT, SAME_CORE, FUZZY_CAP = 100.0, 95.0, 89.0
ONE_PHASE, OTHER_SUFFIX, PREFIX = 5.0, 10.0, 5.0  # points off a same-core match (PREFIX per level)
FUZZY_MIN = 80.0  # a near name below this is no match (幸福里 / 幸福村 score 67)
SUGGEST_MIN = 50.0  # nearest names shown for an unmatched row in the review
MARGIN = 3.0  # candidates this close to the best are "similar": never guessed between
NEAR_MARGIN = 6.0  # the same for near names, whose scores are rougher
_COMMON = 3000  # character pairs in more compounds than this do not block on their own
_SUGGESTIONS = 5


@dataclass
class Match:
    """How one table value matched: ``status`` is matched | ambiguous | unmatched;
    ``candidates`` are (row of the compound, score), best first (the match alone when matched)."""

    status: str
    candidates: list[tuple[int, float]] = field(default_factory=list)
    how: str = ""  # exact | normalised | near (+address when an address settled it)

    @property
    def fid(self) -> int | None:
        return self.candidates[0][0] if self.status == "matched" else None

    @property
    def score(self) -> float | None:
        return self.candidates[0][1] if self.status == "matched" else None


class NameIndex:
    """The compounds' names (or addresses), keyed every way :func:`name_key` gives."""

    def __init__(self, values) -> None:
        self.keys: list[NameKey | None] = []
        self.full: dict[str, list[int]] = defaultdict(list)
        self.core: dict[str, list[int]] = defaultdict(list)
        self.full_trimmed: dict[str, list[tuple[int, int]]] = defaultdict(list)  # → (compound, depth)
        self.trimmed: dict[str, list[tuple[int, int]]] = defaultdict(list)
        memo: dict[str, NameKey] = {}
        for fid, value in enumerate(values):
            text = "" if value is None else str(value)
            key = memo.get(text) or memo.setdefault(text, name_key(text))
            self.keys.append(key if key.full else None)
            if key.full:
                self._add(fid, key)
        self.cores = list(self.core)
        self.pairs = _pair_index(self.cores)

    def _add(self, fid: int, key: NameKey) -> None:
        self.full[key.full].append(fid)
        self.core[key.core].append(fid)
        for depth, variant in enumerate(trimmed_variants(key.full)):
            self.full_trimmed[variant].append((fid, depth))
        for depth, variant in enumerate(key.trimmed):
            self.trimmed[variant].append((fid, depth))

    def match(self, value) -> Match:
        """The :class:`Match` of one written name."""
        key = name_key(value)
        if not key.full:
            return Match("unmatched")
        if key.full in self.full:
            return decide([(fid, EXACT) for fid in self.full[key.full]], "exact")
        found = self._same_full(key) or self._same_core(key)
        if found:
            return decide(found, "normalised")
        near = self.near(key, FUZZY_MIN)
        if near:
            return decide(near, "near", NEAR_MARGIN)
        return Match("unmatched", self.near(key, SUGGEST_MIN)[:_SUGGESTIONS])

    def _same_full(self, key: NameKey) -> list[tuple[int, float]]:
        """The same written name once a district or street prefix is set aside (either side)."""
        found: dict[int, float] = {}
        for fid, depth in self.full_trimmed.get(key.full, ()):
            _best(found, fid, EXACT - PREFIX * (depth + 1))
        for depth, variant in enumerate(trimmed_variants(key.full)):
            for fid in self.full.get(variant, ()):
                _best(found, fid, EXACT - PREFIX * (depth + 1))
        return list(found.items())

    def _same_core(self, key: NameKey) -> list[tuple[int, float]]:
        found: dict[int, float] = {}
        for fid in self.core.get(key.core, ()):
            self._keep(found, fid, key, 0.0)
        for fid, depth in self.trimmed.get(key.core, ()):  # the compound's name carries a prefix
            self._keep(found, fid, key, PREFIX * (depth + 1))
        for depth, variant in enumerate(key.trimmed):  # the table's name carries a prefix
            for fid in self.core.get(variant, ()):
                self._keep(found, fid, key, PREFIX * (depth + 1))
        return list(found.items())

    def _keep(self, found: dict[int, float], fid: int, key: NameKey, penalty: float) -> None:
        off = points_off(key, self.keys[fid])
        if off is not None:
            _best(found, fid, SAME_CORE - penalty - off)

    def near(self, key: NameKey, cutoff: float) -> list[tuple[int, float]]:
        """Compounds whose core is within rapidfuzz ratio *cutoff* of *key*'s, best first."""
        choices = {i: self.cores[i] for i in _blocked(self.pairs, key.core)}
        if not choices:
            return []
        hits = process.extract(key.core, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None)
        out = []
        for _core, score, i in hits:
            for fid in self.core[self.cores[i]]:
                off = points_off(key, self.keys[fid])
                if off is not None and score - off >= cutoff:
                    out.append((fid, min(round(score - off, 1), FUZZY_CAP)))
        return sorted(out, key=lambda t: -t[1])


def points_off(a: NameKey, b: NameKey) -> float | None:
    """Points off for a phase (or courtyard number) on one side only and for two different
    generic suffixes; None when the phases or courtyards differ (一期 and 二期 are two compounds)."""
    off = 0.0
    for mine, theirs in ((a.phase, b.phase), (a.yard, b.yard)):
        if mine != theirs:
            if mine and theirs:
                return None
            off += ONE_PHASE
    return off + (OTHER_SUFFIX if a.suffix and b.suffix and a.suffix != b.suffix else 0.0)


def _best(found: dict[int, float], fid: int, score: float) -> None:
    found[fid] = max(found.get(fid, 0.0), score)


def decide(candidates: list[tuple[int, float]], how: str, margin: float = MARGIN) -> Match:
    """A match when one candidate leads by more than *margin*, else the similar ones listed."""
    candidates = sorted(candidates, key=lambda t: -t[1])
    best = candidates[0][1]
    similar = [c for c in candidates if c[1] >= best - margin]
    if len(similar) == 1:
        return Match("matched", similar, how)
    return Match("ambiguous", similar, how)


def _pairs(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)} or {text}


def _pair_index(cores: list[str]) -> dict[str, list[int]]:
    index: dict[str, list[int]] = defaultdict(list)
    for i, core in enumerate(cores):
        for pair in _pairs(core):
            index[pair].append(i)
    return index


def _blocked(index: dict[str, list[int]], core: str) -> set[int]:
    """Cores sharing a character pair with *core* (common pairs only when nothing rarer is shared)."""
    lists = [index.get(p, ()) for p in _pairs(core)]
    rare = [p for p in lists if len(p) <= _COMMON]
    out: set[int] = set()
    for postings in rare or lists:
        out.update(postings)
    return out
