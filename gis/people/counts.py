"""People counts read from survey cells: numbers, or numbers with a unit ('320户', '1,024人').

A cell that is negative or not a number ('不详', '约三百', '-5') is reported with its row and
column and skipped (left unknown), never read as 0. Blank cells are simply unknown.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import numpy as np
import pandas as pd

# a unit after the number: people and dwellings, or a facility's places, beds, seats and m² (NFKC: ㎡ → m2)
_NUMBER = re.compile(r"^([+-]?\d+(?:\.\d+)?)(?:户|人|口|个|名|套|间|位|床|张|座|平方米|平米|m2)?$", re.IGNORECASE)
_MAX = 1e9  # more people than a city: damage, not a count


@dataclass(frozen=True)
class BadCell:
    """A count that could not be used: its 0-based data row, column, the text and why."""

    row: int
    column: str
    value: str
    reason: str  # "negative" | "not_a_number"


def parse_counts(values: pd.Series, column: str) -> tuple[np.ndarray, list[BadCell]]:
    """Float counts (NaN = unknown or unusable) and the cells that were unusable."""
    out = np.full(len(values), np.nan)
    bad: list[BadCell] = []
    for i, value in enumerate(values.tolist()):
        number, reason = count_of(value)
        if reason:
            bad.append(BadCell(i, column, str(value), reason))
        elif number is not None:
            out[i] = number
    return out, bad


def count_of(value) -> tuple[float | None, str]:
    """(number, "") for a usable count, (None, "") for a blank, (None, reason) for a bad one."""
    if value is None or isinstance(value, bool):
        return None, "" if value is None else "not_a_number"
    if isinstance(value, (int, float, np.integer, np.floating)):
        number = float(value)
        if np.isnan(number):
            return None, ""
    else:
        text = unicodedata.normalize("NFKC", str(value)).strip().replace(",", "").replace(" ", "")
        if not text:
            return None, ""
        found = _NUMBER.match(text)
        if not found:
            return None, "not_a_number"
        number = float(found.group(1))
    if not np.isfinite(number) or abs(number) > _MAX:
        return None, "not_a_number"
    return (None, "negative") if number < 0 else (number, "")
