"""Tables of a programme for views and layouts (plain keys, yuan): per compound, per zone,
one zone's items (the A3 zone proposal's cost table) and the district totals. Each has the
cost per household and per m² of floor area. The Excel sheets (gis.export.programme_sheets)
word and format them for documents."""

from __future__ import annotations

import numpy as np
import pandas as pd

from gis.gaps.compounds import plain
from gis.programme.catalogue import CHANNELS
from gis.programme.contents import ZONE
from gis.programme.schedule import zone_order, zone_rank


def per_unit(frame: pd.DataFrame, households, area) -> pd.DataFrame:
    """Add ``per_household`` and ``per_m2`` (cost over *households* and floor *area*; NaN for 0)."""
    households, area = np.asarray(households, float), np.asarray(area, float)
    with np.errstate(invalid="ignore", divide="ignore"):
        frame["per_household"] = np.where(households > 0, frame["cost"] / households, np.nan)
        frame["per_m2"] = np.where(area > 0, frame["cost"] / area, np.nan)
    return frame


def compound_table(programme) -> pd.DataFrame:
    """Index = compound fid: id, name, zone (id), cost, per_household, per_m2, each channel,
    consent_ok, year (-1 = none), reserve."""
    r, f = programme.result(), programme.facts
    frame = pd.DataFrame({"id": [plain(v) for v in f.ids], "name": f.names,
                          "zone": [plain(f.zone_ids[z]) for z in f.zone_of], "households": f.households,
                          "floor_area_m2": f.floor_area_m2, "cost": r.costs.compound_cost()})
    frame[list(CHANNELS)] = r.costs.compound_funding()
    frame["consent_ok"], frame["year"] = r.consent_ok, r.compound_year
    frame["reserve"] = np.isin(np.arange(len(f)), r.reserve)
    return per_unit(frame, f.households, f.floor_area_m2)


def zone_table(programme) -> pd.DataFrame:
    """Index = zone position: id, name, rank (best member's; NaN = unranked), compounds (consenting,
    with work), households and floor area (consenting), cost (facilities + consenting members),
    per_household, per_m2, each channel, year (-1 = none), order (the scheduling priority, 0 first)."""
    r, f = programme.result(), programme.facts
    ok = r.consent_ok
    area = np.bincount(f.zone_of, weights=f.floor_area_m2 * ok, minlength=f.n_zones)
    rank = zone_rank(f.rank, f.zone_of, f.n_zones)
    frame = pd.DataFrame({"id": [plain(z) for z in f.zone_ids], "name": f.zone_names,
                          "rank": np.where(np.isfinite(rank), rank, np.nan), "compounds": r.zone_compounds,
                          "households": r.zone_households, "floor_area_m2": area, "cost": r.zone_cost})
    frame[list(CHANNELS)] = r.costs.zone_funding(ok)
    frame["year"] = r.schedule.year_of_zone
    frame["order"] = np.argsort(zone_order(f.rank, f.zone_of, f.n_zones))
    return per_unit(frame, r.zone_households, area)


def zone_items(programme, zone: int) -> pd.DataFrame:
    """The items of zone position *zone* (its consenting members' lines and its shared facilities),
    one row per item: class, item, quantity, unit, cost, each channel, shared (built for the zone)."""
    r, f, c = programme.result(), programme.facts, programme.contents
    members = f.members[zone][r.consent_ok[f.members[zone]]]
    mine = (c.kind == ZONE) & (c.owner == zone) | (c.kind != ZONE) & np.isin(c.owner, members)
    lines = np.flatnonzero(mine & c.on)
    items = programme.catalogue.items
    frame = pd.DataFrame({"item": [items[i].key for i in c.item[lines]], "class": [items[i].klass for i in c.item[lines]],
                          "unit": [items[i].unit for i in c.item[lines]], "quantity": c.quantity[lines],
                          "cost": r.costs.line_cost[lines], "shared": c.kind[lines] == ZONE})
    frame[list(CHANNELS)] = r.costs.line_funding[lines]
    order = {it.key: k for k, it in enumerate(items)}
    sums = ["quantity", "cost", *CHANNELS]
    out = frame.groupby(["item", "class", "unit", "shared"], as_index=False)[sums].sum()
    return out.sort_values("item", key=lambda s: s.map(order), kind="stable").reset_index(drop=True)


def district_totals(programme) -> dict:
    """The programme's totals: cost, scheduled, held back, households, floor area (of the old
    compounds; of all when none is old), per household, per m², and each channel."""
    r, f = programme.result(), programme.facts
    cost = r.costs.total()
    hh = float(f.households[f.old].sum()) or float(f.households.sum())
    area = float(f.floor_area_m2[f.old].sum()) or float(f.floor_area_m2.sum())
    return {"cost": cost, "scheduled": float(r.schedule.spend.sum()), "held": float(r.costs.held_cost.sum()),
            "households": hh, "floor_area_m2": area, "per_household": cost / hh if hh else None,
            "per_m2": cost / area if area else None, "reserve": int(len(r.reserve)),
            "unscheduled_zones": int(len(r.schedule.unscheduled)),
            **{ch: float(v) for ch, v in zip(CHANNELS, r.costs.line_funding.sum(axis=0))},
            "years": {int(y): float(s) for y, s in zip(r.schedule.plan.years, r.schedule.spend)}}
