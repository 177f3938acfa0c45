"""How big a new facility is: by the zone's shortfall, or by its households.

Where the access analysis (gis.supply) gives a type's shortfall against its provision
standard, a zone's facility of that type is as big as the zone's shortfall (pooled where the
standard allows; the rule is gis.supply.shortfall's), converted to m² of new facility: a
standard counted in m² (elderly-care space) is taken as it is, one counted in places, beds
or seats is multiplied by the catalogue item's ``m2_per_place`` (the one place that figure
lives; the shipped values are marked not checked). Without a shortfall (no access analysis,
no standard, no base field, no conversion) the household rule stays (a type the facility layer
does not hold at all, where the access analysis ran for the others, falls short by the whole
requirement: nothing is received):
``m2_per_100_households x households / 100``. Either way never below the item's ``size_m2``.

>>> from gis.programme.catalogue import load_catalogue
>>> item = load_catalogue().item("nursery")
>>> places = ZoneShortfall("nursery", "places", np.array([40.0, 12.0, 0.0, np.nan]))
>>> m2 = shortfall_m2(item, places)   # places x 9 m² per place
>>> sized_m2(item, m2, households=np.full(4, 500.0))   # never below the item's 200 m²
(array([360., 200., 200., 200.]), array(['shortfall', 'shortfall', 'shortfall', 'households'], dtype='<U10'))
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from gis.domain import FACILITY_LABELS, FacilityType
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.notices import Notice, coded, short_list
from gis.supply.capacity import load_capacity
from gis.supply.shortfall import zone_totals
from gis.wording import facility_terms

SHORTFALL, HOUSEHOLDS = "shortfall", "households"  # a facility line's basis


@dataclass(frozen=True, eq=False)
class ZoneShortfall:
    """One type's shortfall per zone position, in the type's ``measure`` (places, beds, seats,
    m2); NaN where no member's requirement is known."""

    facility_type: str
    measure: str
    amount: np.ndarray


def zone_shortfalls(access, members: list[np.ndarray], n_compounds: int) -> dict[str, ZoneShortfall]:
    """Per facility type with a shortfall: its amount per zone (*members*: compound rows per
    zone position). Results over another compound layer than the programme's are left out."""
    out = {}
    for r in access or ():
        if r.shortfall is None or len(r.demand) != n_compounds:
            continue
        totals = zone_totals(dict(enumerate(members)), demand=r.demand, received=r.fca.received, shortfall=r.shortfall)
        out[r.facility_type] = ZoneShortfall(r.facility_type, r.capacity.measure,
                                             _known_only(totals.shortfall, r.shortfall.required, members))
    return out


def unsupplied_shortfalls(table, types, members: list[np.ndarray], preset=None) -> dict[str, ZoneShortfall]:
    """Per type of *types* (none of whose facilities the project holds): the whole requirement
    of its provision standard per zone (the capacity preset's, default the shipped one)."""
    preset = preset or load_capacity()
    out = {}
    for ftype in types:
        entry = preset.of(ftype)
        base = getattr(table, entry.provision.base, None) if entry.provision is not None else None
        if base is None:
            continue
        required = entry.provision.required(base)
        need = np.nan_to_num(required)
        out[ftype] = ZoneShortfall(ftype, entry.measure, _known_only(
            np.array([need[m].sum() for m in members], float), required, members))
    return out


def unsupplied_notice(types) -> list[Notice]:
    """Which types were sized by their whole requirement (the project has none of them)."""
    if not types:
        return []
    return [coded("programme.sized_by_requirement", QT_TRANSLATE_NOOP(
        "programme", "The project has no {types}: their facilities are sized by the whole requirement of the "
                     "provision standard (nothing is received from elsewhere)."), level="info",
        types=short_list([FACILITY_LABELS[FacilityType(t)] for t in types], 8),
        types_zh=facility_terms(types, "zh_CN"))]


def _known_only(per_zone: np.ndarray, required: np.ndarray, members: list[np.ndarray]) -> np.ndarray:
    """*per_zone*, NaN for zones none of whose members has a known requirement."""
    known = np.isfinite(required)
    return np.where(np.array([known[m].any() for m in members], bool), per_zone, np.nan)


def shortfall_m2(item, shortfall: ZoneShortfall | None) -> np.ndarray | None:
    """*shortfall* in m² of new facility for *item*, or None when it cannot be converted."""
    if shortfall is None:
        return None
    if shortfall.measure == "m2":
        return shortfall.amount
    return shortfall.amount * item.m2_per_place if item.m2_per_place > 0 else None


def facility_m2(item, households) -> np.ndarray | float:
    """m² of a new facility serving *households*: the item's size, or more per 100 households."""
    return np.maximum(item.size_m2, item.m2_per_100_households * np.asarray(households, float) / 100.0)


def sized_m2(item, short_m2: np.ndarray | None, *, households) -> tuple[np.ndarray, np.ndarray]:
    """(m², basis) per zone: the shortfall in m² where known (NaN: not), else the household
    rule; never below ``item.size_m2``."""
    by_households = np.atleast_1d(facility_m2(item, households))
    if short_m2 is None:
        return by_households, np.full(len(by_households), HOUSEHOLDS)
    short = np.asarray(short_m2, float)
    known = np.isfinite(short)
    return (np.where(known, np.maximum(item.size_m2, np.nan_to_num(short)), by_households),
            np.where(known, SHORTFALL, HOUSEHOLDS))


def zone_sizes(item, facts, zones: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(m², basis) of *item*'s facility for zone positions *zones* of *facts*."""
    short = shortfall_m2(item, facts.shortfalls.get(item.facility))
    return sized_m2(item, None if short is None else short[zones], households=facts.zone_households()[zones])


def line_basis(item, facts, kind_is_zone: bool, owner: int) -> dict:
    """What a facility line's proposed size rests on (``basis``; with the shortfall in m²
    when that is the basis); {} for other items."""
    if not item.per_zone:
        return {}
    short = shortfall_m2(item, facts.shortfalls.get(item.facility)) if kind_is_zone else None
    if short is None or not np.isfinite(short[owner]):
        return {"basis": HOUSEHOLDS}
    return {"basis": SHORTFALL, "shortfall_m2": float(short[owner])}


def sizing_notices(catalogue, facts) -> list[Notice]:
    """Which proposed facility items are sized by households, and why (one notice)."""
    by_households = [it for it in catalogue.items if it.per_zone and it.propose == "gap"
                     and it.facility in facts.types and shortfall_m2(it, facts.shortfalls.get(it.facility)) is None]
    if not by_households:
        return []
    return [coded("programme.sized_by_households", QT_TRANSLATE_NOOP(
        "programme", "{items}: sized by households (the catalogue's m² per 100 households, at least the item's "
                     "size), because no shortfall against a provision standard is known for them (an access "
                     "analysis with a standard, a base field and, for places, the item's m² per place)."),
        level="info", items=short_list([it.label("en") for it in by_households], 8),
        items_zh="、".join(it.label("zh_CN") for it in by_households))]
