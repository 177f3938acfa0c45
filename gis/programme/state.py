"""The planner's edits as JSON, kept in the project file (``project.settings["programme"]``).

Only what differs from the proposal is stored — lines ticked off, added or resized, typed
consent counts and votes, the years, budget, targets and pins — keyed by compound id, zone
id and item key, so the edits survive a rebuild of the facts (new gaps, new buildings). An
edit whose compound, zone, building or item is gone is left out and counted in a notice.
"""

from __future__ import annotations

import numpy as np

from gis.gaps.compounds import id_key, plain
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.notices import Notice, coded
from gis.programme.consent import STAGES, VOTE_FIELDS, Consent
from gis.programme.contents import KINDS, ZONE, Contents, LineEdit, propose
from gis.programme.schedule import YearPlan

SETTINGS_KEY = "programme"
VERSION = 1


def programme_state(programme) -> dict:
    """The edits of *programme* (a gis.programme.Programme) as a JSON-able dict."""
    facts, c, years = programme.facts, programme.contents, programme.years
    base = propose(programme.catalogue, facts)
    was = np.array([-1 if (line := base.line_at(k, o, i)) is None else line
                    for k, o, i in zip(c.kind.tolist(), c.owner.tolist(), c.item.tolist())], np.int64)
    known = was >= 0
    at = np.where(known, was, 0)
    same = known & (base.on[at] == c.on) & (base.quantity[at] == c.quantity) if len(base) else known
    lines = []
    for n in np.flatnonzero(~same & (known | c.on)):  # changed lines, and lines added and ticked on
        kind, owner = int(c.kind[n]), int(c.owner[n])
        lines.append({"kind": "zone" if kind == ZONE else "compound",
                      "owner": plain(facts.zone_ids[owner] if kind == ZONE else facts.ids[owner]),
                      "item": programme.catalogue.items[int(c.item[n])].key, "on": bool(c.on[n]),
                      "quantity": float(c.quantity[n])})
    return {"version": VERSION, "years": list(years.years), "budget": years.budget, "households": years.households,
            "compounds": years.compounds, "pins": [[plain(facts.zone_ids[z]), y] for z, y in years.pins],
            "threshold": programme.consent.threshold, "lines": lines, "consent": _consent_rows(programme)}


def _consent_rows(programme) -> dict:
    facts, consent = programme.facts, programme.consent
    stages = [{"id": plain(facts.ids[f]), "stage": s, "agree": float(consent.agree[f, k]),
               "total": float(consent.total[f, k])}
              for k, s in enumerate(STAGES) for f in np.flatnonzero(~np.isnan(consent.total[:, k]))]
    votes = [{"id": plain(facts.ids[f]), **_vote(consent.votes[f])} for f in np.flatnonzero(consent.elevator_voted())]
    lifts = facts.lifts
    buildings = [] if lifts is None else [{"building": plain(lifts.ids[b]), **_vote(consent.building_votes[b])}
                                          for b in np.flatnonzero(~np.isnan(consent.building_votes[:, 0]))]
    return {"known": consent.known, "stages": stages, "votes": votes, "buildings": buildings}


def _vote(values) -> dict:
    return {f: (None if np.isnan(v) else float(v)) for f, v in zip(VOTE_FIELDS, values)}


def saved_years(state: dict) -> YearPlan | None:
    """The saved years plan with pins as zone ids (resolve them with the facts), or None."""
    if not state or not state.get("years"):
        return None
    return YearPlan(tuple(int(y) for y in state["years"]), state.get("budget"), state.get("households"),
                    state.get("compounds"))


def restore_contents(contents: Contents, state: dict) -> list[Notice]:
    """Apply the saved line edits to freshly proposed *contents* (no undo entry)."""
    facts = contents.facts
    compound = {id_key(v): k for k, v in enumerate(facts.ids)}
    zone = {id_key(v): k for k, v in enumerate(facts.zone_ids)}
    keys = set(contents.catalogue.keys)
    lost = 0
    for row in (state or {}).get("lines", ()):
        owner = (zone if row.get("kind") == "zone" else compound).get(id_key(row.get("owner")))
        if owner is None or row.get("item") not in keys or row.get("kind") not in KINDS:
            lost += 1
            continue
        line = contents.find(row["kind"], owner, row["item"])
        if line is None:
            contents.toggle(row["kind"], owner, row["item"], bool(row.get("on", True)), float(row["quantity"]))
            continue
        contents.on[line], contents.quantity[line] = bool(row.get("on", True)), float(row["quantity"])
    contents.changed.emit(LineEdit((), (), (), (), ()))
    return _lost(lost)


def restore_consent(consent: Consent, state: dict, facts) -> list[Notice]:
    """Apply the saved consent counts and votes to *consent*."""
    saved = (state or {}).get("consent") or {}
    compound = {id_key(v): k for k, v in enumerate(facts.ids)}
    building = {} if facts.lifts is None else {id_key(v): k for k, v in enumerate(facts.lifts.ids)}
    lost = 0
    for row in saved.get("stages", ()):
        f = compound.get(id_key(row.get("id")))
        if f is None or row.get("stage") not in STAGES:
            lost += 1
            continue
        consent.set(f, row["stage"], float(row["agree"]), float(row["total"]))
    for rows, table, index, key in ((saved.get("votes", ()), consent.votes, compound, "id"),
                                    (saved.get("buildings", ()), consent.building_votes, building, "building")):
        for row in rows:
            k = index.get(id_key(row.get(key)))
            if k is None:
                lost += 1
                continue
            table[k] = [np.nan if row.get(f) is None else float(row[f]) for f in VOTE_FIELDS]
    consent.known = bool(saved.get("known", consent.known))  # the planner may have switched consent off
    return _lost(lost)


def _lost(count: int) -> list[Notice]:
    if not count:
        return []
    return [coded("programme.edits_lost", QT_TRANSLATE_NOOP(
        "programme", "{count} saved plan edits refer to compounds, zones, buildings or items that are no longer "
                     "in the project and were left out."), count=count)]
