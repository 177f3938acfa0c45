"""What the plan dock lists, as plain frames and rows: zones, compounds, years, funding and
the items of one compound or zone (ticked, partly ticked or not)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from gis.programme.catalogue import CHANNELS
from gis.programme.contents import COMPOUND, ZONE, default_quantity
from gis.programme.schedule import NONE
from gis.programme.sizing import line_basis
from gis.programme.tables import compound_table, district_totals, zone_table
from gui.programme.wording import name_list

ON, PARTLY, OFF = 2, 1, 0  # Qt.CheckState values


def zone_frame(programme) -> pd.DataFrame:
    """Per zone position: name, year (text, ``*`` when pinned), rank, compounds, households, cost."""
    frame = zone_table(programme)
    pins = dict(programme.years.pins)
    frame["year_text"] = [("" if y == NONE else str(int(y))) + (" *" if z in pins else "")
                          for z, y in enumerate(frame["year"])]
    return frame


def compound_frame(programme, yes: str, no: str) -> pd.DataFrame:
    """Per compound fid: id, name, zone name, households, cost, year, enter ratio, in the reserve."""
    frame = compound_table(programme)
    facts = programme.facts
    frame["zone_name"] = [facts.zone_names[z] for z in facts.zone_of]
    frame["enter"] = programme.consent.ratio("enter")
    frame["year"] = frame["year"].where(frame["year"] != NONE, np.nan)
    frame["reserve_text"] = np.where(frame["reserve"], yes, no)
    return frame


def years_frame(programme) -> pd.DataFrame:
    rows = programme.result().years_table()
    names = programme.facts.zone_names
    return pd.DataFrame({"year": [r["year"] for r in rows], "zones": [len(r["zones"]) for r in rows],
                         "compounds": [r["compounds"] for r in rows], "households": [r["households"] for r in rows],
                         "cost": [r["cost"] for r in rows],
                         "names": [name_list(names[z] for z in r["zones"]) for r in rows]})


def funding_frame(programme) -> pd.DataFrame:
    """Per channel: yuan and share of the total (channels that pay nothing left out)."""
    totals = district_totals(programme)
    cost = totals["cost"] or 1.0
    frame = pd.DataFrame({"channel": list(CHANNELS), "cost": [totals[c] for c in CHANNELS]})
    frame["share"] = frame["cost"] / cost
    return frame[frame["cost"] > 0].reset_index(drop=True)


@dataclass(frozen=True)
class ItemRow:
    """One item of a compound or zone: its lines, tick state, quantity (of the lines ticked on)
    and cost; ``shared`` = built once for the zone; ``basis``: what a facility's proposed size
    rests on (gis.programme.sizing.line_basis; empty for other items)."""

    key: str
    klass: str
    unit: str
    lines: tuple[int, ...]
    state: int
    quantity: float
    cost: float
    shared: bool
    basis: tuple = ()  # (basis, shortfall m² or None)


def item_rows(programme, kind: str, owner: int) -> list[ItemRow]:
    """The items of compound fid / zone position *owner*, in catalogue order.

    A compound lists every item built per compound (unticked ones can be ticked: the line is
    added with the quantity its facts give). A zone lists its shared facilities (every
    facility item) and the items of its members' lines (ticked when all are on)."""
    c, r, facts = programme.contents, programme.result(), programme.facts
    out = []
    for k, it in enumerate(programme.catalogue.items):
        if kind == "compound" and it.per_zone:
            continue
        if it.per_zone:
            mine = (c.kind == ZONE) & (c.owner == owner) & (c.item == k)
        elif kind == "compound":
            mine = (c.kind == COMPOUND) & (c.owner == owner) & (c.item == k)
        else:
            mine = (c.kind == COMPOUND) & np.isin(c.owner, facts.members[owner]) & (c.item == k)
        lines = np.flatnonzero(mine)
        if kind == "zone" and not it.per_zone and not len(lines):
            continue
        on = c.on[lines]
        state = ON if len(lines) and on.all() else PARTLY if on.any() else OFF
        qty = float(c.quantity[lines][on].sum()) if on.any() else (
            float(c.quantity[lines].sum()) if len(lines) else default_quantity(programme.catalogue, facts, kind,
                                                                               owner, it.key))
        said = line_basis(it, facts, kind == "zone", owner)
        out.append(ItemRow(it.key, it.klass, it.unit, tuple(int(n) for n in lines), state, qty,
                           float(r.costs.line_cost[lines].sum()), it.per_zone,
                           (said["basis"], said.get("shortfall_m2")) if said else ()))
    return out
