"""The facts a renovation programme is planned from, one array per compound and per zone.

Built once from the analyses (:meth:`PlanFacts.from_results`: compound table, buildings,
elevator needs, gaps, check-up ranking, zone plan) or from plain arrays (tests, benches).
Every compound belongs to exactly one zone: compounds outside every zone of the plan are
zones of one, with the id ``c:<compound id>``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely

from gis.domain import FieldRole
from gis.gaps.compounds import CompoundTable, id_key, plain
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.fields import parse_count
from gis.io.notices import Notice, coded
from gis.programme.sizing import unsupplied_notice, unsupplied_shortfalls, zone_shortfalls

SINGLE_PREFIX = "c:"


@dataclass(eq=False)
class PlanFacts:
    """Per compound (rows = fids) and per zone (rows = zone positions, in ``zone_ids`` order).

    ``floor_area_m2`` is measured from the buildings (footprint x floors) where they say,
    else households x the catalogue's dwelling size. ``elevator_subsidy`` is the city's
    subsidy for the compound's elevators (the cap of the elevator subsidy channel).
    ``missing``: (compounds x ``types``) services a compound lacks; ``rank`` the check-up
    rank (NaN = unranked). ``lifts``: the buildings that get elevators (votes per building).
    """

    ids: np.ndarray
    names: np.ndarray
    households: np.ndarray
    floor_area_m2: np.ndarray
    buildings: np.ndarray
    old: np.ndarray
    elevators: np.ndarray
    elevator_subsidy: np.ndarray
    rank: np.ndarray
    zone_of: np.ndarray
    zone_ids: list
    zone_names: list[str]
    types: tuple[str, ...] = ()
    missing: np.ndarray | None = None
    build_year: np.ndarray | None = None
    notices: list[Notice] = field(default_factory=list)
    lifts: "BuildingLifts | None" = None
    shortfalls: dict = field(default_factory=dict)  # facility type → gis.programme.sizing.ZoneShortfall

    def __post_init__(self) -> None:
        n = len(self.ids)
        if self.missing is None:
            self.missing = np.zeros((n, len(self.types)), bool)
        order = np.argsort(self.zone_of, kind="stable")
        bounds = np.searchsorted(self.zone_of[order], np.arange(len(self.zone_ids) + 1))
        self.members = [order[bounds[k]:bounds[k + 1]] for k in range(len(self.zone_ids))]

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def n_zones(self) -> int:
        return len(self.zone_ids)

    def zone_missing(self) -> np.ndarray:
        """(zones x types): no member of the zone is served (pooling: one served member serves all)."""
        served = np.zeros((self.n_zones, len(self.types)), bool)
        np.logical_or.at(served, self.zone_of, ~self.missing)
        return ~served

    def zone_households(self) -> np.ndarray:
        return np.bincount(self.zone_of, weights=self.households, minlength=self.n_zones)

    def zone_index(self, text: str) -> int | None:
        """The zone whose id or name is *text* (a pin's ZONE), or None."""
        text = str(text).strip()
        for k, (zid, name) in enumerate(zip(self.zone_ids, self.zone_names)):
            if id_key(zid) == text or name == text:
                return k
        return None

    def compound_index(self, text: str) -> int | None:
        keys = [id_key(v) for v in self.ids]
        return keys.index(text) if text in keys else None

    # -- building ------------------------------------------------------------------------
    @classmethod
    def from_results(cls, table: CompoundTable, *, zones=None, buildings=None, elevators=None, gaps=None,
                     ranking=None, access=None, pre_year: int | None = 2000, dwelling_m2: float = 70.0,
                     subsidy_rule=None, subsidy_year: int | None = None) -> "PlanFacts":
        """Facts from the analyses. *zones*: a ZoneModel over the compounds, or None.
        *buildings*: the buildings layer; *elevators*: its ElevatorResult; *gaps*: a GapResult;
        *ranking*: a Ranking; *access*: AccessResults (facilities sized by shortfall); *subsidy_rule*: the city's SubsidyRule (None: no subsidy)."""
        n = len(table)
        notes: list[Notice] = []
        households = table.households_or_zero()
        per_building = _building_facts(buildings, table)
        floor_area, measured = per_building[:2] if per_building is not None else (np.zeros(n), np.zeros(n, bool))
        estimate = households * dwelling_m2
        if (~measured).any():
            notes.append(coded("programme.floor_area_estimated", QT_TRANSLATE_NOOP(
                "programme", "{count} compounds have no buildings with floors: their floor area is households x "
                             "{m2:g} m² (the catalogue's dwelling size)."), level="info",
                count=int((~measured).sum()), m2=dwelling_m2))
        floor_area = np.where(measured, floor_area, estimate)
        unknown = ~measured & (households <= 0)
        if unknown.any():
            notes.append(coded("programme.floor_area_unknown", QT_TRANSLATE_NOOP(
                "programme", "{count} compounds have neither buildings with floors nor households: their items "
                             "priced per m² or per household cost nothing. Map a households field or add buildings."),
                count=int(unknown.sum())))
        counts = (np.bincount(per_building[2], minlength=n).astype(np.int64) if per_building is not None
                  else np.zeros(n, np.int64))
        old, year_notes = _old(table.build_year, pre_year, n)
        elevator_count, subsidy = _elevators(elevators, n, subsidy_rule, subsidy_year)
        lifts = BuildingLifts.of(elevators, buildings)
        zone_of, zone_ids, zone_names = _zones(zones, table)
        if zones is not None and zones.n != n:
            notes.append(coded("programme.zones_mismatch", QT_TRANSLATE_NOOP(
                "programme", "The zone plan covers {zoned} compounds, while the compounds layer has {count}: "
                             "every compound is planned as a zone of one. Redraw the zones on this layer."),
                zoned=zones.n, count=n))
        if elevators is None:
            notes.append(coded("programme.no_elevators", QT_TRANSLATE_NOOP(
                "programme", "There is no elevator analysis (a buildings layer with floors and elevator fields is "
                             "needed), so no elevators are proposed."), level="info"))
        if gaps is None:
            notes.append(coded("programme.no_gaps", QT_TRANSLATE_NOOP(
                "programme", "There is no gap analysis (a facilities layer is needed), so no service facilities "
                             "are proposed; tick them by hand."), level="info"))
        rank = (ranking.table["rank"].astype("Float64").to_numpy(float, na_value=np.nan) if ranking is not None
                else np.full(n, np.nan))
        facts = cls(ids=table.ids, names=table.names, households=households, floor_area_m2=floor_area,
                   buildings=counts, old=old, elevators=elevator_count,
                   elevator_subsidy=subsidy, rank=rank, zone_of=zone_of, zone_ids=zone_ids, zone_names=zone_names,
                   types=tuple(gaps.types) if gaps is not None else (),
                   missing=(~gaps.covered) if gaps is not None else None, build_year=table.build_year,
                   notices=notes + year_notes, lifts=lifts)
        facts.shortfalls = zone_shortfalls(access, facts.members, n)
        absent = [t for t in facts.types if access and t not in {r.facility_type for r in access}]
        unsupplied = unsupplied_shortfalls(table, absent, facts.members)
        facts.shortfalls |= unsupplied
        facts.notices += unsupplied_notice(list(unsupplied))
        return facts


@dataclass(eq=False)
class BuildingLifts:
    """The buildings that get elevators: id (the layer's ID field, else the row), compound fid
    and elevator count — what an elevator vote per building is matched to."""

    ids: np.ndarray
    compound: np.ndarray
    elevators: np.ndarray

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def of(cls, result, buildings) -> "BuildingLifts | None":
        if result is None:
            return None
        f = result.frame
        take = np.flatnonzero(f["candidate"].to_numpy(bool) & (f["compound"].to_numpy() >= 0))
        col = buildings.column(FieldRole.ID) if buildings is not None else None
        ids = col.to_numpy(dtype=object)[take] if col is not None else take.astype(object)
        return cls(ids, f["compound"].to_numpy()[take], f["elevators"].to_numpy(np.int64)[take])

    def held_share(self, failed: np.ndarray, n_compounds: int, per_compound: np.ndarray) -> np.ndarray:
        """Per compound: the share of its elevators in buildings whose vote (*failed*) did not pass."""
        held = np.bincount(self.compound[failed], weights=self.elevators[failed], minlength=n_compounds)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(per_compound > 0, np.minimum(held / per_compound, 1.0), 0.0)


def _building_owners(buildings, table: CompoundTable) -> np.ndarray:
    from gis.gaps.elevators import building_owners

    return building_owners(buildings, table)


def _building_facts(buildings, table: CompoundTable):
    """(floor area per compound, measured mask, owner per building) or None without buildings."""
    if buildings is None or not len(buildings):
        return None
    owner = _building_owners(buildings, table)
    n = len(table)
    inside = owner >= 0
    floors_col = buildings.column(FieldRole.FLOORS)
    if floors_col is None:
        return np.zeros(n), np.zeros(n, bool), owner[inside]
    floors = parse_count(floors_col).astype("Float64").to_numpy(float, na_value=np.nan)
    data = buildings.data
    if data.crs is not None and not data.crs.equals(table.crs):
        data = data.to_crs(table.crs)
    area = shapely.area(np.asarray(data.geometry.values, dtype=object)) * floors
    ok = inside & np.isfinite(area)
    total = np.bincount(owner[ok], weights=area[ok], minlength=n)
    return total, total > 0, owner[inside]


def _old(year: np.ndarray | None, pre_year: int | None, n: int) -> tuple[np.ndarray, list[Notice]]:
    """Compounds built in or before *pre_year* (all when there is no cut-off or no year field)."""
    if year is None or pre_year is None:
        note = [] if pre_year is None else [coded("programme.no_build_year", QT_TRANSLATE_NOOP(
            "programme", "The compounds have no build year field: every compound gets the basic items."),
            level="info")]
        return np.ones(n, bool), note
    unknown = np.isnan(year)
    notes = []
    if unknown.any():
        notes.append(coded("programme.year_unknown", QT_TRANSLATE_NOOP(
            "programme", "{count} compounds have no readable build year: no items are proposed for them; "
                         "tick them by hand."), count=int(unknown.sum())))
    return np.nan_to_num(year, nan=np.inf) <= pre_year, notes


def _elevators(result, n: int, rule, year: int | None) -> tuple[np.ndarray, np.ndarray]:
    """Elevators per compound and the city's subsidy for them (per building by its floors)."""
    if result is None:
        return np.zeros(n, np.int64), np.zeros(n)
    f = result.frame
    comp = f["compound"].to_numpy()
    take = f["candidate"].to_numpy(bool) & (comp >= 0)
    count = f["elevators"].to_numpy(np.int64)
    per = rule.per_elevator(floors=f["floors"].to_numpy(float), year=year) if rule is not None else np.zeros(len(f))
    elevators = np.bincount(comp[take], weights=count[take], minlength=n).astype(np.int64)
    return elevators, np.bincount(comp[take], weights=(count * per)[take], minlength=n)


def _zones(model, table: CompoundTable) -> tuple[np.ndarray, list, list[str]]:
    """Zone position per compound, zone ids and names: the plan's zones, then zones of one."""
    n = len(table)
    zone_of = np.full(n, -1, np.int64)
    ids: list = []
    names: list[str] = []
    if model is not None and model.n == n:
        for zid, zone in sorted(model.zones.items()):
            zone_of[sorted(zone.members)] = len(ids)
            ids.append(int(zid))
            names.append(zone.name)
    for fid in np.flatnonzero(zone_of < 0):
        zone_of[fid] = len(ids)
        ids.append(SINGLE_PREFIX + id_key(plain(table.ids[fid])))
        names.append(str(table.names[fid]) or id_key(plain(table.ids[fid])))
    return zone_of, ids, names
