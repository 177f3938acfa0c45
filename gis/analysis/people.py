"""People estimates as one run (:func:`run`) for the window's estimate dialog and ``main.py
estimate``: the compounds, what to estimate from, and the preset's figures, each figure declared
once here (an unset one is the preset's). The estimate itself is :func:`gis.people.estimate.estimate_people`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from gis.analysis.outcome import Outcome
from gis.analysis.params import declared, param, validate
from gis.domain import FieldRole
from gis.errors import NeedsAnswer
from gis.feedback import Feedback
from gis.i18n import QT_TRANSLATE_NOOP
from gis.layer import Layer
from gis.people import marks
from gis.people.estimate import COLUMNS, EstimateRequest, estimate_people
from gis.people.preset import RANGES, PeoplePreset, load_people_preset

FIGURES = tuple(RANGES)  # the preset's figures a request may set


def _figure(name: str, help: str, unit: str = ""):
    """A preset figure as a declared parameter: unset (the preset's) or within the preset's range."""
    low, high = RANGES[name]
    return param(None, help, unit=unit, low=low, high=high, optional=True)


@dataclass(frozen=True, eq=False)
class PeopleRequest:
    """Estimate the people counts *compounds* lack, from *buildings*, a floor-area column or rasters."""

    compounds: Layer
    preset: PeoplePreset = field(default_factory=load_people_preset)
    buildings: Layer | None = None
    rasters: dict = field(default_factory=dict)  # FieldRole → GeoTIFF of people per cell
    floor_area_field: str | None = param(None, QT_TRANSLATE_NOOP(
        "analysis", "the compounds' gross floor area column (m²): households from it, not from the buildings"),
        kind=str, optional=True)
    area_field: str | None = param(None, QT_TRANSLATE_NOOP(
        "analysis", "the compounds' district (区/街道) column: the preset's own age shares of each district"),
        kind=str, optional=True)
    persons_per_household: float | None = _figure("persons_per_household", QT_TRANSLATE_NOOP(
        "analysis", "persons per household (none: the preset's)"))
    usable_area_factor: float | None = _figure("usable_area_factor", QT_TRANSLATE_NOOP(
        "analysis", "share of floor area that is dwellings (none: the preset's)"))
    dwelling_size_m2: float | None = _figure("dwelling_size_m2", QT_TRANSLATE_NOOP(
        "analysis", "average dwelling size (none: the preset's)"), unit="m²")
    elderly_share: float | None = _figure("elderly_share", QT_TRANSLATE_NOOP(
        "analysis", "share of residents aged 60+ (none: the preset's)"))
    children_share: float | None = _figure("children_share", QT_TRANSLATE_NOOP(
        "analysis", "share of residents aged 0-6 (none: the preset's)"))
    input_notices: tuple = ()

    def figures(self) -> PeoplePreset:
        """The preset with the figures this request sets (validated)."""
        given = {name: getattr(self, name) for name in FIGURES if getattr(self, name) is not None}
        return self.preset.with_values(**given) if given else self.preset.validate()

    def estimate_request(self) -> EstimateRequest:
        return EstimateRequest(self.figures(), buildings=self.buildings, floor_area_field=self.floor_area_field,
                               rasters=dict(self.rasters), area_field=self.area_field)


def figure_range(name: str) -> tuple[float, float]:
    """The (low, high) range of a preset figure, as declared on :class:`PeopleRequest` (the dialog's spins)."""
    p = dict(declared(PeopleRequest))[name]
    return p.low, p.high


@dataclass(eq=False, kw_only=True)
class PeopleOutcome(Outcome):
    """The compounds' data with the estimates filled in and marked, and the fields' roles."""

    frame: object
    fields: dict

    def column(self, role: FieldRole) -> str | None:
        return self.fields.get(role)


def run(request: PeopleRequest, *, feedback: Feedback | None = None) -> PeopleOutcome:
    """Check *request* (a refusal names what answers it) and estimate."""
    start = time.perf_counter()
    validate(request)
    _check(request)
    frame, fields, notes = estimate_people(request.compounds.data, request.compounds.fields,
                                           request.estimate_request(), feedback=feedback)
    return PeopleOutcome(request=request, notices=[*request.input_notices, *notes], frame=frame, fields=fields,
                         timings={"total": time.perf_counter() - start})


def _check(request: PeopleRequest) -> None:
    columns = [str(c) for c in request.compounds.attribute_columns()]
    for option, column in (("--floor-area-field", request.floor_area_field), ("--area-field", request.area_field)):
        if column is not None and column not in columns:
            raise NeedsAnswer("people.no_column", QT_TRANSLATE_NOOP(
                "errors", "The compounds have no column '{column}'. Name one of theirs with {option}: {choices}."),
                column=column, option=option, choices=", ".join(columns))
    if request.buildings is not None and request.buildings.column(FieldRole.FLOORS) is None:
        raise NeedsAnswer("people.no_floors", QT_TRANSLATE_NOOP(
            "errors", "The buildings have no floors field, so their floor area is unknown. Say which column "
                      "holds the floors with {option}=COLUMN."), option="--field buildings.floors")
    if request.buildings is None and not request.floor_area_field and not request.rasters \
            and not _has_counts(request.compounds):
        raise NeedsAnswer("people.nothing_to_estimate_from", QT_TRANSLATE_NOOP(
            "errors", "The compounds have no households or residents to estimate from. Give their buildings "
                      "({option}), a floor area column or a population raster."), option="--buildings")


def _has_counts(layer: Layer) -> bool:
    """Whether the compounds hold any household or resident count."""
    import pandas as pd

    for role in (FieldRole.HOUSEHOLDS, FieldRole.POPULATION):
        column = layer.fields.get(role) or (COLUMNS[role] if COLUMNS[role] in layer.data.columns else None)
        if column is not None and column in layer.data.columns and \
                np.isfinite(pd.to_numeric(layer.data[column], errors="coerce").to_numpy(float)).any():
            return True
    return False


def per_compound(outcome: PeopleOutcome) -> list[dict]:
    """Per compound the four counts and each one's source (``entered`` / ``survey`` /
    ``estimated:<method>``, '' where still unknown)."""
    frame, roles = outcome.frame, (FieldRole.HOUSEHOLDS, FieldRole.POPULATION, FieldRole.ELDERLY, FieldRole.CHILDREN)
    rows = [({}, {}) for _ in range(len(frame))]
    for role in roles:
        column = outcome.column(role)
        if column is None:
            continue
        values = frame[column].to_numpy(float)
        for (counts, said), value, source in zip(rows, values, marks.sources(frame, column).tolist()):
            counts[role.value] = None if not np.isfinite(value) else float(value)
            said[role.value] = source
    return [{**counts, "sources": said} for counts, said in rows]

