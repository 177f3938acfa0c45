"""Which compounds the gap views show: a type they lack, built before a year, enough households."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from gis.gaps.access import GapResult


@dataclass(frozen=True)
class Filters:
    """The dock's filters. ``facility_type`` None = every compound, whatever it lacks;
    ``pre_year`` None = any year (a compound of unknown year passes only then)."""

    facility_type: str | None = None
    pre_year: int | None = None
    min_households: int = 0

    @property
    def active(self) -> bool:
        return self.facility_type is not None or self.pre_year is not None or self.min_households > 0


def shown(gaps: GapResult, filters: Filters) -> np.ndarray:
    """Boolean mask over compound fids that pass *filters*."""
    c = gaps.compounds
    mask = np.ones(len(c), bool)
    if filters.facility_type is not None:
        mask &= ~gaps.covered[:, gaps.column(filters.facility_type)]
    if filters.pre_year is not None:
        year = c.build_year if c.build_year is not None else np.full(len(c), np.nan)
        mask &= np.nan_to_num(year, nan=np.inf) <= filters.pre_year
    if filters.min_households > 0:
        mask &= c.households_or_zero() >= filters.min_households
    return mask
