"""Access with supply and demand (2SFCA / E2SFCA): one request, one run, for the window, the
command line and exports.

Demand is a compound column: the one the user names, else the type's group by field role —
elderly (60+) for 一老 types, children (0–6) for 一小 types — falling back to population,
then households, with a notice saying so. Supply is each facility's capacity (gis.supply.capacity).
The catchment is the type's radius in the standards preset unless given. Distances are
straight from the compound polygon, or walked along the network (its build and the compounds'
access points are shared with the gap analysis through the cache).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from pathlib import Path

import geopandas as gpd
import numpy as np

from gis import defaults
from gis.analysis.facilities import care_facilities, planned_rows, subset
from gis.analysis.gaps import walk_origins
from gis.analysis.outcome import Outcome, timed
from gis.analysis.params import param, validate
from gis.domain import CHILD_TYPES, FACILITY_LABELS, FIELD_ROLE_LABELS, FacilityType, FieldRole, Role
from gis.errors import NeedsAnswer
from gis.feedback import Feedback, ensure
from gis.gaps.access import TYPES, facilities_in
from gis.gaps.compounds import CompoundTable
from gis.i18n import QT_TRANSLATE_NOOP, bilingual
from gis.io.notices import Notice, coded, short_list
from gis.layer import Layer
from gis.network.cache import ResultCache, input_key
from gis.network.inputs import Facilities, facilities_from_layer
from gis.project import Project
from gis.standards import Standards
from gis.supply.amounts import bad_rows_notice, read_amounts, value_flags
from gis.wording import named_sites
from gis.supply.capacity import BASE_ROLES, MEASURE_UNITS, Capacity, CapacityPreset, capacity_of, load_capacity
from gis.supply.fca import METHODS, two_step
from gis.supply.pairs import catchment_pairs
from gis.supply.result import AccessResult
from gis.supply.shortfall import compound_shortfall, zone_totals

DISTANCES = ("straight", "network")
CHILD = frozenset(t.value for t in CHILD_TYPES)


def demand_roles(facility_type: str) -> tuple[FieldRole, ...]:
    """The compound fields that hold a type's demand, the group's own first."""
    group = FieldRole.CHILDREN if facility_type in CHILD else FieldRole.ELDERLY
    return group, FieldRole.POPULATION, FieldRole.HOUSEHOLDS


@dataclass(frozen=True, eq=False)
class AccessRequest:
    """What to compute.

    project : the project whose facility layers (planned ones when *planned*) supply the type.
    compounds : the compounds layer (demand).
    roads : road lines or an OSM file for network distances.
    zones : ``(groups, names)``: zone id → member compound rows, zone id → name; or None.
    """

    project: Project
    compounds: Layer
    standards: Standards
    facility_type: str = param("kindergarten", QT_TRANSLATE_NOOP(
        "analysis", "facility type (the keys of the gap analysis)"), kind=str, choices=TYPES, flag="--type")
    demand_field: str | None = param(None, QT_TRANSLATE_NOOP(
        "analysis", "compound column of the demand (default: the type's age group, else population, else "
                    "households)"), kind=str, optional=True, flag="--demand-field")
    supply_field: str | None = param(None, QT_TRANSLATE_NOOP(
        "analysis", "facility column of the capacity (default: the capacity or floor-area field, else the "
                    "preset's default per facility)"), kind=str, optional=True, flag="--supply-field")
    catchment_m: float | None = param(None, QT_TRANSLATE_NOOP(
        "analysis", "catchment (default: the type's radius in the standards)"), unit="m", low=10, high=20000,
        optional=True, flag="--catchment")
    distance: str | None = param(None, QT_TRANSLATE_NOOP(
        "analysis", "straight from the compound polygon, or along the network (default: network when one "
                    "is given)"), kind=str, choices=DISTANCES, optional=True, flag="--distance")
    method: str = param("2sfca", QT_TRANSLATE_NOOP(
        "analysis", "2sfca, or e2sfca with distance-decay weights 1 / 0.68 / 0.22 on thirds of the catchment"),
        kind=str, choices=METHODS)
    snap_tolerance_m: float = param(defaults.SNAP_M, QT_TRANSLATE_NOOP(
        "analysis", "Road ends closer than this are joined when the network is built"), unit="m", low=0,
        high=50, flag="--snap")
    capacity: CapacityPreset | None = None
    roads: gpd.GeoDataFrame | Path | None = None
    entrances: Layer | None = None
    zones: tuple[dict, dict] | None = None
    planned: bool = True
    input_notices: tuple[Notice, ...] = ()

    @property
    def mode(self) -> str:
        return self.distance or ("network" if self.roads is not None else "straight")

    def catchment(self) -> float:
        return float(self.catchment_m or self.standards.required(self.facility_type).distance_m)


@dataclass(eq=False, kw_only=True)
class AccessOutcome(Outcome):
    """A finished run; ``result`` holds access per compound, ratio per facility, zones."""

    result: AccessResult


def run(request: AccessRequest, *, cache: ResultCache | None = None,
        feedback: Feedback | None = None) -> AccessOutcome:
    """Access of every compound to the facilities of ``request.facility_type``."""
    validate(request)
    fb = ensure(feedback)
    cache = cache if cache is not None else ResultCache()
    start, timings = time.perf_counter(), {}
    if request.mode == "network" and request.roads is None:
        raise NeedsAnswer("access.no_network", QT_TRANSLATE_NOOP(
            "errors", "Network distances need a walking network: give {option} (a road layer or an OSM file)."),
            option="--network")
    preset = request.capacity or load_capacity()
    entry = preset.of(request.facility_type)
    table = CompoundTable.from_layer(request.compounds)
    demand, column, role, flags, notes = read_demand(request)
    fac, capacity, said = supply_of(request, entry)
    notes += said
    network, origins = walk_origins(request, cache, fb, timings, use_network=request.mode == "network")
    fac = facilities_in(fac, request.standards, origins.crs)
    catchment = request.catchment()
    fb.progress(0.4, QT_TRANSLATE_NOOP("supply", "Finding the facilities within each catchment"))
    with timed(timings, "pairs"):
        key = input_key("access_pairs", cached_key(request, network), fac.points, float(catchment))
        pairs = cache.get_or_compute(key, lambda: catchment_pairs(origins, fac.points, catchment,
                                                                   feedback=fb.sub(0.4, 0.9)))
    with timed(timings, "fca"):
        fca = two_step(pairs, demand=demand, supply=capacity.values, method=request.method)
    result = AccessResult(request.facility_type, request.method, request.mode, catchment, table, demand, column, role,
                          flags, fac, capacity, fca, len(pairs))
    result.shortfall, said = shortfall_of(request, table, entry, fca.received)
    notes += said + _run_notices(result)
    if request.zones is not None:
        groups, names = request.zones
        result.zones = zone_totals(groups, demand=demand, received=fca.received, shortfall=result.shortfall,
                                   names=names)
    result.notices = notes
    fb.progress(1.0)
    timings["total"] = time.perf_counter() - start
    return AccessOutcome(request=request, notices=list(request.input_notices) + notes, timings=timings,
                         result=result)


def cached_key(request: AccessRequest, network) -> tuple:
    """What the pairs depend on besides the facilities: the compounds' shapes and the network."""
    gates = request.entrances.data if request.entrances is not None and network is not None else "no gates"
    return request.compounds.data, network if network is not None else "straight", gates


# -- demand ----------------------------------------------------------------------------
def read_demand(request: AccessRequest) -> tuple[np.ndarray, str, str, np.ndarray, list[Notice]]:
    """``(demand, column, role, flags, notices)`` of the compounds (see the module text).

    Raises
    ------
    NeedsAnswer
        The named column does not exist, or no demand column can be found (``--demand-field``).
    """
    layer, data = request.compounds, request.compounds.data
    column, role, notes = request.demand_field, "column", []
    if column is not None and column not in data.columns:
        raise NeedsAnswer("access.demand_field", QT_TRANSLATE_NOOP(
            "errors", "The compound layer has no column '{column}' ({option}); its columns are: {columns}."),
            column=column, option="--demand-field",
            columns=short_list([str(c) for c in data.columns if c != data.geometry.name], 12))
    if column is None:
        wanted = demand_roles(request.facility_type)
        found = next((r for r in wanted if layer.fields.get(r) in data.columns), None)
        if found is None:
            raise NeedsAnswer("access.no_demand", QT_TRANSLATE_NOOP(
                "errors", "The compounds have no households, population or age-group field to weigh demand by. "
                          "Name the column with {option} (or map it: --field compounds.households=COLUMN)."),
                option="--demand-field")
        column, role = layer.fields[found], found.value
        if found is not wanted[0]:
            notes.append(coded("access.demand_fallback", QT_TRANSLATE_NOOP(
                "supply", "The compounds have no {group} field; demand is their {used} ('{column}') instead."),
                column=column, **bilingual("domain", group=FIELD_ROLE_LABELS[wanted[0]],
                                           used=FIELD_ROLE_LABELS[found])))
    values, bad = read_amounts(data[column])
    ids = CompoundTable.from_layer(layer).ids if bad.any() else None
    notes += bad_rows_notice(column, ids, bad) if ids is not None else []
    flags = value_flags(data, column, values)
    unknown = int((~np.isfinite(values)).sum())
    if unknown:
        notes.append(coded("access.demand_unknown", QT_TRANSLATE_NOOP(
            "supply", "{count} compounds have no demand in '{column}'; they are left out of the facilities' "
                      "catchments."), count=unknown, column=column))
    return values, str(column), role, flags, notes


# -- supply ----------------------------------------------------------------------------
def supply_of(request: AccessRequest, entry) -> tuple[Facilities, Capacity, list[Notice]]:
    """The facilities of the type across the project's facility layers and their capacities."""
    layers = [lyr for lyr in request.project.layers_by_role(Role.FACILITIES) if len(lyr)]
    parts, caps, frames = [], [], []
    for layer in layers:
        fac = facilities_from_layer(layer, standards=request.standards)
        keep = np.isin(fac.types.astype(str), [request.facility_type])
        if not request.planned:
            keep &= ~planned_rows(layer)
        frames.append(fac)
        rows = np.flatnonzero(keep)
        column = request.supply_field if request.supply_field in layer.data.columns else None
        parts.append(subset(fac, rows))
        caps.append(capacity_of(layer.data.iloc[rows], fac.ids[rows], entry, column=column, fields=layer.fields))
    if frames:
        care_facilities(_joined(frames), layers)  # refuses a layer with no 一老一小 facility at all
    if request.supply_field is not None and not any(request.supply_field in lyr.data.columns for lyr in layers):
        raise NeedsAnswer("access.supply_field", QT_TRANSLATE_NOOP(
            "errors", "The facility layer has no column '{column}' ({option}); its columns are: {columns}."),
            column=request.supply_field, option="--supply-field",
            columns=short_list([str(c) for lyr in layers for c in lyr.data.columns], 12))
    if not parts:
        raise NeedsAnswer("access.no_facilities", QT_TRANSLATE_NOOP(
            "errors", "The project has no facility layer: add one (File > Add data), or give {option}."),
            option="--facilities")
    return _joined(parts), _joined_capacity(caps, entry), [n for c in caps for n in c.notices]


def _joined(parts: list[Facilities]) -> Facilities:
    if len(parts) == 1:
        return parts[0]
    cat = {k: np.concatenate([getattr(p, k) for p in parts]) for k in ("ids", "types", "names", "points")}
    radius = None if any(p.required_m is None for p in parts) else np.concatenate([p.required_m for p in parts])
    return replace(parts[0], **cat, required_m=radius)


def _joined_capacity(caps: list[Capacity], entry) -> Capacity:
    if len(caps) == 1:
        return caps[0]
    columns = {c.column for c in caps if c.column}
    return Capacity(np.concatenate([c.values for c in caps]), np.concatenate([c.flags for c in caps]),
                    entry.measure, ", ".join(sorted(columns)) or None)


# -- standards -------------------------------------------------------------------------
def shortfall_of(request: AccessRequest, table: CompoundTable, entry, received: np.ndarray):
    """The shortfall per compound against the type's provision standard, or None and why not."""
    provision, kind = entry.provision, _label(request.facility_type)
    if provision is None:
        return None, [coded("access.no_standard", QT_TRANSLATE_NOOP(
            "supply", "The capacity preset has no provision standard for {type}; no shortfall is computed."),
            level="info", **bilingual("domain", type=kind))]
    base, per = getattr(table, provision.base), FIELD_ROLE_LABELS[BASE_ROLES[provision.base]]
    if base is None:
        return None, [coded("access.no_base", QT_TRANSLATE_NOOP(
            "supply", "The standard for {type} counts per {base}, and the compounds have no {base} field; no "
                      "shortfall is computed."), **bilingual("domain", type=kind, base=per))]
    notes = [] if provision.checked else [coded("access.standard_unchecked", QT_TRANSLATE_NOOP(
        "supply", "The provision standard for {type} ({amount:g} {unit} per {per:g} {base}) is not yet checked "
                  "against an official text."), level="info", amount=provision.amount, per=provision.per,
        **bilingual("domain", type=kind, base=per), **bilingual("supply", unit=MEASURE_UNITS[entry.measure]))]
    return compound_shortfall(provision, base=base, received=received), notes


def _run_notices(result: AccessResult) -> list[Notice]:
    out = []
    if len(result.facilities) == 0:
        out.append(coded("access.type_absent", QT_TRANSLATE_NOOP(
            "supply", "The facility layer has no {type}; every compound's access is 0."),
            **bilingual("domain", type=_label(result.facility_type))))
        return out
    idle = np.flatnonzero(~np.isfinite(result.fca.ratio))
    if len(idle):
        out.append(coded("access.facility_unused", QT_TRANSLATE_NOOP(
            "supply", "{count} facilities have no compound with demand within {metres:g} m; they add no access: "
                      "{ids}"), level="info", count=len(idle), metres=result.catchment_m,
            **named_sites(result.facilities.ids[idle], result.facilities.names[idle])))
    return out


def _label(facility_type: str) -> str:
    """The type's English name, marked for translation (notices show it, not the key)."""
    return FACILITY_LABELS[FacilityType(facility_type)]
