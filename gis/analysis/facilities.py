"""The project's facilities as the analyses see them: every facility layer's points (planned
ones flagged by a ``planned`` column), and only the 一老一小 ones where a run needs them."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import numpy as np

from gis.domain import FacilityType, FieldRole, Role
from gis.errors import NeedsAnswer
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.notices import short_list
from gis.network.inputs import Facilities, facilities_from_layer
from gis.project import Project

PLANNED_FIELD = "planned"  # facility rows with a true value are planned (gis.gaps.siting)
CARE_TYPES = frozenset(t.value for t in FacilityType)


def planned_rows(layer) -> np.ndarray:
    """Which rows of a facility layer are planned (its ``planned`` column is true)."""
    col = layer.data.get(PLANNED_FIELD)
    if col is None:
        return np.zeros(len(layer), bool)
    return col.astype("boolean").fillna(False).to_numpy(bool)


def relabel_planned(layer) -> int:
    """Name the planned sites of *layer* that the app named by an earlier rule (规划卫生服务站1,
    'Planned Clinic 1') as it names them now (gis.wording.planned_label, in the language they were
    named in), so old projects read as new ones; names given by hand stay. How many were renamed."""
    from gis.wording import generated_language, planned_label

    id_col, name_col = layer.fields.get(FieldRole.ID), layer.fields.get(FieldRole.NAME)
    rows = np.flatnonzero(planned_rows(layer))
    if not len(rows) or id_col not in layer.data.columns or name_col not in layer.data.columns:
        return 0
    ids, names = layer.data[id_col].to_numpy(object), layer.data[name_col].to_numpy(object)
    now = {r: planned_label(ids[r], lang) for r in rows if (lang := generated_language(ids[r], names[r]))}
    changed = [r for r, label in now.items() if label != names[r]]
    if changed:
        column = layer.data.columns.get_loc(name_col)
        layer.data.iloc[changed, column] = [now[r] for r in changed]
    return len(changed)


def has_planned(project: Project) -> bool:
    """Whether any facility layer holds planned facilities (a true ``planned`` column)."""
    return any(planned_rows(lyr).any() for lyr in project.layers_by_role(Role.FACILITIES))


def subset(facilities: Facilities, rows: np.ndarray) -> Facilities:
    """The facilities at *rows* (the same object when *rows* are all of them)."""
    if len(rows) == len(facilities):
        return facilities
    required = facilities.required_m[rows] if facilities.required_m is not None else None
    return replace(facilities, ids=facilities.ids[rows], types=facilities.types[rows], names=facilities.names[rows],
                   points=facilities.points[rows], required_m=required)


def facilities_of(project: Project, standards, *, planned: bool = True) -> Facilities | None:
    """Every facility layer's points as one :class:`Facilities` in the project's CRS (planned
    ones only when *planned*), or None when there are none."""
    parts = []
    for layer in project.layers_by_role(Role.FACILITIES):
        if not len(layer):
            continue
        fac = facilities_from_layer(layer, standards=standards)
        keep = ~planned_rows(layer) if not planned else np.ones(len(layer), bool)
        if keep.any():
            parts.append(subset(fac, np.flatnonzero(keep)))
    if not parts:
        return None
    first = parts[0]
    if len(parts) == 1:
        return first
    cat = {key: np.concatenate([getattr(p, key) for p in parts]) for key in ("ids", "types", "names", "points")}
    radius = None if any(p.required_m is None for p in parts) else np.concatenate([p.required_m for p in parts])
    return replace(first, **cat, required_m=radius)


def care_facilities(facilities: Facilities, layers=()) -> tuple[Facilities, np.ndarray]:
    """Only the 一老一小 facilities (shops, post stations and the like are left out), and
    the rows they were taken from.

    Raises
    ------
    NeedsAnswer
        None of the facilities is of a 一老一小 type (the message names the categories found in
        *layers*' category column, else the types).
    """
    keep = np.isin(facilities.types.astype(str), list(CARE_TYPES))
    if not keep.any():
        found = categories_found(layers) or Counter(str(t) for t in facilities.types)
        raise NeedsAnswer("facilities.no_known_type", QT_TRANSLATE_NOOP(
            "errors", "None of the {count} facilities is a clinic, elderly canteen, day care, nursing home, "
                      "kindergarten, nursery or play area (found: {found}). Set the layer's facility type "
                      "field ({option}), or import it again so its types are recognised."),
            count=len(facilities), found=short_list(f"{t} ×{n}" for t, n in found.most_common()),
            option="--field facilities.type=COLUMN")
    rows = np.flatnonzero(keep)
    return subset(facilities, rows), rows


def categories_found(layers) -> Counter:
    """The values of the facility layers' own category column (type, 类型 ...), counted."""
    from gis.network.inputs import TYPE_FIELDS

    found: Counter = Counter()
    for layer in layers:
        classified = layer.fields.get(FieldRole.FACILITY_TYPE)
        lower = {str(c).lower(): c for c in layer.data.columns if c != classified}
        column = next((lower[c.lower()] for c in TYPE_FIELDS if c.lower() in lower), None)
        if column is not None:
            found.update(layer.data[column].dropna().astype(str))
    return found


def left_out_notice(facilities: Facilities, rows: np.ndarray) -> list:
    """A notice naming the facilities not at *rows* (not of a 一老一小 type), if any."""
    from gis.network.service_area import left_out_notice as said

    out = np.setdiff1d(np.arange(len(facilities)), rows)
    return [said(facilities.ids[out], facilities.names[out])] if len(out) else []
