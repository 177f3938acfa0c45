"""Estimates of the people counts a compound is still missing, each marked with its source.

In order, filling only empty cells (an entered or surveyed value always wins):

- households from the compound's floor-area column, else from its buildings
  (footprint × floors, summed), × the usable-area factor ÷ the average dwelling size;
- residents from a population raster when one is given, else households × persons per household;
- 60+ and 0–6 from a raster of that age group when given, else residents × the age shares
  (the compound's district's own, from the preset, where the user entered them).

Every filled cell is marked ``estimated:<method>`` (:mod:`gis.people.marks`), so tables and
exports say which values are estimates and how they were made. The figures come from one
editable preset (:mod:`gis.people.preset`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import shapely

from gis.domain import FieldRole
from gis.feedback import Feedback, ensure
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.fields import parse_count
from gis.io.notices import Notice, coded
from gis.layer import Layer
from gis.people import marks
from gis.people.preset import PeoplePreset, load_people_preset

COLUMNS = {FieldRole.HOUSEHOLDS: "户数", FieldRole.POPULATION: "常住人口",
           FieldRole.ELDERLY: "60岁以上", FieldRole.CHILDREN: "0-6岁"}  # for a role the layer lacks
AGE_ROLES = (FieldRole.ELDERLY, FieldRole.CHILDREN)
METHOD_TEXT = {  # what a notice says per method; {marks} is the column that marks the estimates
    "floor_area": QT_TRANSLATE_NOOP("people", "'{column}': {n} compounds estimated from the compound's floor area "
                                              "× {factor} ÷ {size} m² per dwelling (marked in '{marks}')."),
    "buildings": QT_TRANSLATE_NOOP("people", "'{column}': {n} compounds estimated from their buildings' footprint "
                                             "× floors × {factor} ÷ {size} m² per dwelling (marked in '{marks}')."),
    "households": QT_TRANSLATE_NOOP("people", "'{column}': {n} compounds estimated as households × {pph} (persons "
                                              "per household; marked in '{marks}')."),
    "district_shares": QT_TRANSLATE_NOOP("people", "'{column}': {n} compounds estimated as residents × the age "
                                                   "share: their district's own for {areas}, else {share} ({shares}) "
                                                   "(marked in '{marks}')."),
    "raster": QT_TRANSLATE_NOOP("people", "'{column}': {n} compounds estimated from the population raster {file}, "
                                          "area-weighted (marked in '{marks}')."),
}


@dataclass
class EstimateRequest:
    """What the estimates may use besides the compounds themselves."""

    preset: PeoplePreset = field(default_factory=load_people_preset)
    buildings: Layer | None = None
    floor_area_field: str | None = None  # the compounds' gross floor area column (m²)
    rasters: dict[FieldRole, str] = field(default_factory=dict)  # role → GeoTIFF of people per cell
    area_field: str | None = None  # the compounds' district (区/街道) column, for the preset's own shares


def estimate_people(frame, fields: dict[FieldRole, str], request: EstimateRequest, *,
                    feedback: Feedback | None = None) -> tuple[object, dict[FieldRole, str], list[Notice]]:
    """A copy of the compounds *frame* with missing counts estimated and marked, the field roles
    (a role the layer lacked gets a new column), and what was estimated how."""
    fb = ensure(feedback)
    out, fields, notes = frame.copy(), dict(fields), []
    preset = request.preset.validate()
    households = _households(out, fields, request)
    notes += _fill(out, fields, FieldRole.HOUSEHOLDS, households, preset)
    fb.progress(0.4)
    people = _from_raster(out, request, FieldRole.POPULATION, fb)
    if people is None:
        people = ("households", _values(out, fields, FieldRole.HOUSEHOLDS) * preset.persons_per_household)
    notes += _fill(out, fields, FieldRole.POPULATION, people, preset)
    residents = _values(out, fields, FieldRole.POPULATION)
    shares, areas = age_shares(out, request)
    for k, role in enumerate(AGE_ROLES):
        fb.check()
        group = _from_raster(out, request, role, fb) or ("district_shares", residents * shares[k])
        notes += _fill(out, fields, role, group, preset, share=(preset.elderly_share, preset.children_share)[k],
                       areas=areas)
    fb.progress(1.0)
    return out, fields, notes


def age_shares(frame, request: EstimateRequest) -> tuple[tuple[np.ndarray, np.ndarray], int]:
    """Per compound the (60+, 0-6) shares: its district's own (preset, by *request.area_field*),
    else the default ones; and how many compounds got their district's."""
    preset = request.preset
    elderly = np.full(len(frame), preset.elderly_share)
    children = np.full(len(frame), preset.children_share)
    if not request.area_field or not preset.by_area:
        return (elderly, children), 0
    found = 0
    for i, area in enumerate(frame[request.area_field].tolist()):
        own = preset.shares_of(area) if area is not None else None
        if own is not None:
            elderly[i], children[i] = own
            found += 1
    return (elderly, children), found


def _values(frame, fields: dict[FieldRole, str], role: FieldRole) -> np.ndarray:
    column = fields.get(role)
    if column is None or column not in frame.columns:
        return np.full(len(frame), np.nan)
    return pd.to_numeric(frame[column], errors="coerce").to_numpy(float)


def _households(frame, fields, request: EstimateRequest) -> tuple[str, np.ndarray]:
    preset = request.preset
    per_m2 = preset.usable_area_factor / preset.dwelling_size_m2
    if request.floor_area_field:
        area = parse_count(frame[request.floor_area_field]).astype("Float64").to_numpy(float, na_value=np.nan)
        return "floor_area", np.where(area > 0, area * per_m2, np.nan)
    if request.buildings is None:
        return "buildings", np.full(len(frame), np.nan)
    return "buildings", building_floor_area(frame, fields, request.buildings) * per_m2


def building_floor_area(frame, fields: dict[FieldRole, str], buildings: Layer) -> np.ndarray:
    """Per compound the gross floor area of its buildings (footprint × floors, m²); NaN where
    no building with floors lies in it."""
    from gis.gaps.compounds import CompoundTable
    from gis.gaps.elevators import building_owners

    table = CompoundTable.from_frame(frame, fields={r: c for r, c in fields.items() if r is FieldRole.ID})
    owner = building_owners(buildings, table)
    floors = buildings.column(FieldRole.FLOORS)
    floors = (parse_count(floors).astype("Float64").to_numpy(float, na_value=np.nan) if floors is not None
              else np.full(len(buildings), np.nan))
    data = buildings.data if buildings.data.crs.equals(table.crs) else buildings.data.to_crs(table.crs)
    gross = shapely.area(np.asarray(data.geometry.values, dtype=object)) * floors
    ok = (owner >= 0) & (floors > 0)
    total = np.zeros(len(frame))
    np.add.at(total, owner[ok], gross[ok])
    seen = np.zeros(len(frame), dtype=bool)
    seen[owner[ok]] = True
    return np.where(seen, total, np.nan)


def _from_raster(frame, request: EstimateRequest, role: FieldRole, fb: Feedback) -> tuple[str, np.ndarray] | None:
    path = request.rasters.get(role)
    if not path:
        return None
    from gis.people.raster import raster_counts

    found = raster_counts(path, frame.geometry.values, frame.crs, feedback=fb.sub(0.4, 0.7))
    return f"raster:{Path(path).name}", found.counts


def _fill(frame, fields: dict[FieldRole, str], role: FieldRole, estimate: tuple[str, np.ndarray],
          preset: PeoplePreset, **params) -> list[Notice]:
    """Put the estimate in the role's empty cells, marked; a notice says how many and how."""
    method, values = estimate
    column = fields.get(role)
    if column is None or column not in frame.columns:
        column = COLUMNS[role] if COLUMNS[role] not in frame.columns else f"{COLUMNS[role]}_估算"
        frame[column] = np.nan
        fields[role] = column
    current = pd.to_numeric(frame[column], errors="coerce").to_numpy(float)
    take = np.isnan(current) & np.isfinite(values)
    frame[column] = np.where(take, np.round(values), current)
    marks.mark(frame, column, take, f"{marks.ESTIMATED}:{method}")
    left = int(np.isnan(frame[column].to_numpy(float)).sum())
    notes = []
    if take.any():
        kind, _, file = method.partition(":")
        notes.append(coded("people.estimated", METHOD_TEXT[kind], level="info", column=column, n=int(take.sum()),
                           factor=preset.usable_area_factor, size=preset.dwelling_size_m2,
                           pph=preset.persons_per_household, share=params.get("share"), shares=preset.shares_name,
                           shares_zh=preset.notes.get("age_shares", {}).get("name_zh", ""),
                           areas=params.get("areas", 0), file=file, marks=marks.source_column(column)))
    if left:
        notes.append(coded("people.still_missing", QT_TRANSLATE_NOOP(
            "people", "'{column}': {n} compounds still have no value (nothing to estimate it from)."),
            column=column, n=left))
    return notes
