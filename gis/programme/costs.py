"""Costs and funding of the contents: per line, compound, zone, item, class and district.

A line costs ``quantity x unit_cost`` (0 when off). Its cost is split by the item's shares
over the channels (:data:`gis.programme.catalogue.CHANNELS` order); then each cap bounds
its channel per unit, household, building or elevator (``rule``: the city's elevator
subsidy), and what a cap keeps goes to the item's overflow channel. Everything is
vectorised over the lines, so recomputing after an edit takes milliseconds.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from gis.programme.catalogue import CHANNELS
from gis.programme.contents import ZONE, Contents

CHANNEL_KEYS = tuple(CHANNELS)


@dataclass(eq=False)
class Costs:
    """``line_cost`` (lines), ``line_funding`` (lines x channels), in yuan; ``held_cost`` what
    held-back lines (a failed elevator vote) would cost, outside every other sum."""

    contents: Contents
    line_cost: np.ndarray
    line_funding: np.ndarray
    held_cost: np.ndarray

    @property
    def facts(self):
        return self.contents.facts

    def compound_cost(self) -> np.ndarray:
        """Per compound fid: the cost of its own lines (zone facilities not included)."""
        return self._by_owner(self.line_cost, compound=True)

    def compound_funding(self) -> np.ndarray:
        """(compounds x channels) funding of the compounds' own lines."""
        return self._by_owner(self.line_funding, compound=True)

    def zone_own_cost(self) -> np.ndarray:
        """Per zone position: the cost of the zone's own lines (its shared facilities)."""
        return self._by_owner(self.line_cost, compound=False)

    def zone_own_funding(self) -> np.ndarray:
        return self._by_owner(self.line_funding, compound=False)

    def zone_cost(self, included: np.ndarray | None = None) -> np.ndarray:
        """Per zone: its facilities plus its member compounds' cost (only *included* members)."""
        per = self.compound_cost()
        if included is not None:
            per = np.where(included, per, 0.0)
        return self.zone_own_cost() + np.bincount(self.facts.zone_of, weights=per, minlength=self.facts.n_zones)

    def zone_funding(self, included: np.ndarray | None = None) -> np.ndarray:
        """(zones x channels), as :meth:`zone_cost`."""
        per = self.compound_funding()
        if included is not None:
            per = per * included[:, None]
        out = self.zone_own_funding().copy()
        np.add.at(out, self.facts.zone_of, per)
        return out

    def by_item(self) -> pd.DataFrame:
        """Per catalogue item (rows in catalogue order): class, quantity, cost and each channel."""
        cat = self.contents.catalogue
        n = len(cat.items)
        on = self.contents.on
        frame = pd.DataFrame({"item": cat.keys, "class": [it.klass for it in cat.items],
                              "unit": [it.unit for it in cat.items],
                              "unit_cost": [it.unit_cost for it in cat.items],
                              "quantity": np.bincount(self.contents.item, weights=self.contents.quantity * on,
                                                      minlength=n),
                              "cost": np.bincount(self.contents.item, weights=self.line_cost, minlength=n)})
        for j, ch in enumerate(CHANNEL_KEYS):
            frame[ch] = np.bincount(self.contents.item, weights=self.line_funding[:, j], minlength=n)
        return frame

    def total(self) -> float:
        return float(self.line_cost.sum())

    def _by_owner(self, values: np.ndarray, *, compound: bool) -> np.ndarray:
        mask = (self.contents.kind == ZONE) != compound
        size = len(self.facts) if compound else self.facts.n_zones
        owner = self.contents.owner[mask]
        if values.ndim == 1:
            return np.bincount(owner, weights=values[mask], minlength=size)
        out = np.zeros((size, values.shape[1]))
        np.add.at(out, owner, values[mask])
        return out


def compute_costs(contents: Contents, *, held: np.ndarray | None = None) -> Costs:
    """Cost and funding of every line of *contents* (see the module text). *held* is the share
    of each line held back (0-1): it costs nothing here and is kept in ``held_cost``."""
    cat = contents.catalogue
    unit_cost = np.array([it.unit_cost for it in cat.items], float)
    full = np.where(contents.on, contents.quantity * unit_cost[contents.item], 0.0)
    held = np.zeros(len(full)) if held is None else np.asarray(held, float)
    cost = full * (1.0 - held)
    funding = cost[:, None] * cat.share_matrix()[contents.item]
    for k, it in enumerate(cat.items):
        if not it.caps:
            continue
        lines = np.flatnonzero((contents.item == k) & (cost > 0))
        if not len(lines):
            continue
        over = CHANNEL_KEYS.index(it.overflow)
        for cap in it.caps:
            ch = CHANNEL_KEYS.index(cap.channel)
            amount = 1.0 if cap.per == "rule" else cap.amount
            limit = _cap_base(cap.per, contents, lines) * amount * (1.0 - held[lines])
            excess = np.maximum(funding[lines, ch] - limit, 0.0)
            funding[lines, ch] -= excess
            funding[lines, over] += excess
    return Costs(contents, cost, funding, full * held)


def _cap_base(per: str, contents: Contents, lines: np.ndarray) -> np.ndarray:
    """What a cap counts per line: units, households, buildings, elevators, or the rule's yuan."""
    facts = contents.facts
    qty = contents.quantity[lines]
    if per == "unit":
        return qty
    if per == "rule":  # the city's subsidy per elevator of the owner, times the line's elevators
        count = _owner_values(facts.elevators.astype(float), contents, lines)
        subsidy = _owner_values(facts.elevator_subsidy, contents, lines)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(count > 0, subsidy / count, 0.0) * qty
    source = {"household": facts.households, "building": facts.buildings.astype(float),
              "elevator": facts.elevators.astype(float)}[per]
    return _owner_values(source, contents, lines)


def _owner_values(per_compound: np.ndarray, contents: Contents, lines: np.ndarray) -> np.ndarray:
    """*per_compound* values of each line's owner (a zone sums its members)."""
    facts = contents.facts
    zone_sum = np.bincount(facts.zone_of, weights=per_compound, minlength=facts.n_zones)
    owner, is_zone = contents.owner[lines], contents.kind[lines] == ZONE
    out = np.empty(len(lines))
    out[is_zone] = zone_sum[owner[is_zone]]
    out[~is_zone] = per_compound[owner[~is_zone]]
    return out
