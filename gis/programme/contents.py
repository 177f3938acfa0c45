"""What is renovated where: one *line* per (owner, item), owner = a compound or a zone.

:func:`propose` fills the lines from the facts: the catalogue's ``old`` items for compounds
built by the cut-off year, an elevator line (one per eligible stairwell) where the elevator
analysis found candidates, and one facility line per zone for each service the zone lacks
after pooling (built once, in the zone, for all its members, sized by the zone's shortfall
where it is known, else by its households: gis.programme.sizing; a facility item proposed for
``old`` goes to every zone with old compounds). Items marked ``never`` are not proposed but
can be added.

:class:`Contents` is the edit API the window wraps in undo commands. Every edit returns a
:class:`LineEdit`; ``contents.apply(edit.inverse())`` undoes it::

    edit = contents.toggle("compound", 12, "elevator", False)   # QUndoCommand.redo
    contents.apply(edit.inverse())                               # QUndoCommand.undo
    contents.apply(edit)                                         # redo again

``changed`` (psygnal) is emitted with the edit after each change.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from psygnal import Signal

from gis.errors import AnalysisError
from gis.i18n import QT_TRANSLATE_NOOP
from gis.programme.catalogue import Catalogue
from gis.programme.facts import PlanFacts
from gis.programme.sizing import facility_m2, zone_sizes

COMPOUND, ZONE = 0, 1
KINDS = {"compound": COMPOUND, "zone": ZONE}


@dataclass(frozen=True)
class LineEdit:
    """Lines whose ``on`` and ``quantity`` change from *before* to *after* values.
    ``added`` lines were appended by this edit (undone by switching them off)."""

    lines: tuple[int, ...]
    on_before: tuple[bool, ...]
    on_after: tuple[bool, ...]
    qty_before: tuple[float, ...]
    qty_after: tuple[float, ...]

    def inverse(self) -> "LineEdit":
        return LineEdit(self.lines, self.on_after, self.on_before, self.qty_after, self.qty_before)

    @property
    def is_noop(self) -> bool:
        return self.on_before == self.on_after and self.qty_before == self.qty_after


class Contents:
    """The lines of a programme: ``kind`` (0 compound, 1 zone), ``owner`` (compound fid or zone
    position), ``item`` (catalogue position), ``quantity`` (in the item's unit) and ``on``."""

    changed = Signal(object)  # the LineEdit just applied

    def __init__(self, catalogue: Catalogue, facts: PlanFacts, kind=(), owner=(), item=(), quantity=(), on=None):
        self.catalogue = catalogue
        self.facts = facts
        self.kind = np.asarray(kind, np.int8)
        self.owner = np.asarray(owner, np.int64)
        self.item = np.asarray(item, np.int64)
        self.quantity = np.asarray(quantity, float)
        self.on = np.ones(len(self.kind), bool) if on is None else np.asarray(on, bool)
        self._reindex()

    def __len__(self) -> int:
        return len(self.kind)

    # -- reading -------------------------------------------------------------------------
    def find(self, kind: str, owner: int, item: str) -> int | None:
        """The line of *item* for compound fid / zone position *owner*, or None."""
        return self._index.get((KINDS[kind], int(owner), self.catalogue.index(item)))

    def line_at(self, kind: int, owner: int, item: int) -> int | None:
        """The line of catalogue position *item* for *owner* of *kind* (COMPOUND or ZONE), or None."""
        return self._index.get((int(kind), int(owner), int(item)))

    def lines_of(self, kind: str, owner: int) -> np.ndarray:
        """Line numbers of one compound or zone (on and off)."""
        return np.flatnonzero((self.kind == KINDS[kind]) & (self.owner == owner))

    def frame(self) -> pd.DataFrame:
        """The lines as a table: kind, owner, item key, class, quantity, unit, on."""
        items = self.catalogue.items
        return pd.DataFrame({"kind": np.where(self.kind == ZONE, "zone", "compound"), "owner": self.owner,
                             "item": [items[i].key for i in self.item], "class": [items[i].klass for i in self.item],
                             "quantity": self.quantity, "unit": [items[i].unit for i in self.item], "on": self.on})

    # -- editing -------------------------------------------------------------------------
    def toggle(self, kind: str, owner: int, item: str, on: bool, quantity: float | None = None) -> LineEdit:
        """Switch *item* on or off for one compound or zone; a missing line is added (with
        *quantity*, else the quantity the facts give)."""
        line = self.find(kind, owner, item)
        if line is None:
            if not on:
                return LineEdit((), (), (), (), ())
            qty = quantity if quantity is not None else default_quantity(self.catalogue, self.facts, kind, owner, item)
            line = self._append(KINDS[kind], owner, self.catalogue.index(item), qty)
        return self.set_lines([line], on=on, quantity=quantity)

    def toggle_item(self, item: str, on: bool) -> LineEdit:
        """Switch *item* on or off in every line that holds it (the dock's class/item tick)."""
        return self.set_lines(np.flatnonzero(self.item == self.catalogue.index(item)), on=on)

    def set_lines(self, lines, *, on: bool | None = None, quantity: float | None = None) -> LineEdit:
        """Set ``on`` and/or ``quantity`` of *lines*; returns the (undoable) edit."""
        lines = np.asarray(lines, np.int64)
        if quantity is not None and not (np.isfinite(quantity) and quantity >= 0):
            raise AnalysisError(QT_TRANSLATE_NOOP("errors", "A quantity must be zero or more."))
        before_on, before_q = self.on[lines].copy(), self.quantity[lines].copy()
        after_on = before_on if on is None else np.full(len(lines), bool(on))
        after_q = before_q if quantity is None else np.full(len(lines), float(quantity))
        edit = LineEdit(tuple(lines.tolist()), tuple(before_on.tolist()), tuple(after_on.tolist()),
                        tuple(before_q.tolist()), tuple(after_q.tolist()))
        return self.apply(edit)

    def apply(self, edit: LineEdit) -> LineEdit:
        """Make *edit*'s ``after`` values true (redo; ``apply(edit.inverse())`` undoes)."""
        if edit.lines:
            lines = np.asarray(edit.lines, np.int64)
            self.on[lines] = edit.on_after
            self.quantity[lines] = edit.qty_after
        self.changed.emit(edit)
        return edit

    def reindex(self, catalogue: Catalogue, new_position: np.ndarray) -> None:
        """Point the lines at *catalogue*, whose item for old position k is ``new_position[k]``."""
        self.catalogue = catalogue
        self.item = new_position[self.item]
        self._reindex()

    def _reindex(self) -> None:
        self._index = {(int(k), int(o), int(i)): n for n, (k, o, i) in enumerate(zip(self.kind, self.owner, self.item))}

    def _append(self, kind: int, owner: int, item: int, quantity: float) -> int:
        line = len(self.kind)
        self.kind = np.append(self.kind, np.int8(kind))
        self.owner = np.append(self.owner, owner)
        self.item = np.append(self.item, item)
        self.quantity = np.append(self.quantity, float(quantity))
        self.on = np.append(self.on, False)
        self._index[(kind, int(owner), item)] = line
        return line


# -- proposing -----------------------------------------------------------------------------
def default_quantity(catalogue: Catalogue, facts: PlanFacts, kind: str, owner: int, item: str) -> float:
    """The quantity of *item* for one compound or zone (its members together) from the facts."""
    it = catalogue.item(item)
    fids = facts.members[owner] if kind == "zone" else np.array([owner])
    if it.per_zone and kind == "zone":
        return float(zone_sizes(it, facts, np.array([owner]))[0][0])
    if it.per_zone:
        return float(facility_m2(it, facts.households[fids].sum()))
    return float(_measure(it, facts, fids).sum())


def _measure(item, facts: PlanFacts, fids: np.ndarray) -> np.ndarray:
    unit = item.unit
    if unit == "m2_floor":
        return facts.floor_area_m2[fids]
    if unit == "household":
        return facts.households[fids]
    if unit == "building":
        return facts.buildings[fids].astype(float)
    if unit == "elevator":
        return facts.elevators[fids].astype(float)
    return np.ones(len(fids))


def propose(catalogue: Catalogue, facts: PlanFacts) -> Contents:
    """The proposed contents (see the module text); zero quantities are left out."""
    parts = []
    types = list(facts.types)
    zone_missing = facts.zone_missing() if types else None
    zone_hh = facts.zone_households()
    for k, it in enumerate(catalogue.items):
        if it.propose == "never":
            continue
        if it.per_zone:  # built once, for the zone's members: where the zone lacks it (gap), or everywhere
            wanted = _zone_has_old(facts) & (zone_hh > 0)
            if it.propose == "gap":
                if it.facility not in types:
                    continue
                wanted &= zone_missing[:, types.index(it.facility)]
            zones = np.flatnonzero(wanted)
            parts.append((ZONE, zones, k, zone_sizes(it, facts, zones)[0]))
            continue
        if it.propose == "gap":  # a facility proposed per compound would be built twice in a zone
            continue
        fids = np.flatnonzero(facts.old & (facts.elevators > 0) if it.propose == "elevators" else facts.old)
        qty = _measure(it, facts, fids)
        keep = qty > 0
        parts.append((COMPOUND, fids[keep], k, qty[keep]))
    kind = np.concatenate([np.full(len(o), kd, np.int8) for kd, o, _, _ in parts]) if parts else []
    owner = np.concatenate([o for _, o, _, _ in parts]) if parts else []
    item = np.concatenate([np.full(len(o), k, np.int64) for _, o, k, _ in parts]) if parts else []
    qty = np.concatenate([np.asarray(q, float) for _, _, _, q in parts]) if parts else []
    return Contents(catalogue, facts, kind, owner, item, qty)


def _zone_has_old(facts: PlanFacts) -> np.ndarray:
    has = np.zeros(facts.n_zones, bool)
    has[facts.zone_of[facts.old]] = True
    return has
