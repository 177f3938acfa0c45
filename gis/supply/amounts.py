"""Counts and sizes read from table cells (households, people, places, m²).

A cell that cannot be read as a number, or holds a negative one, is *bad*: it is reported
by row and left unknown (NaN), never read as 0. Blank cells are unknown and not bad.

>>> import pandas as pd
>>> values, bad = read_amounts(pd.Series(["120户", "", "abc", -3, 45.5]))
>>> values.tolist(), bad.tolist()
([120.0, nan, nan, nan, 45.5], [False, False, True, True, False])
"""

from __future__ import annotations


import numpy as np
import pandas as pd

from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.notices import Notice, coded, short_list
from gis.people.counts import count_of
from gis.people.marks import ENTERED, ESTIMATED, SURVEY, sources



def read_amounts(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """``(numbers, bad)``: floats (NaN = unknown) and which cells were unreadable or negative,
    by the survey's rule for a count (:func:`gis.people.counts.count_of`: '320户' is 320,
    '约300' and '-5' are bad)."""
    if pd.api.types.is_bool_dtype(values):
        values = values.astype(object)
    if pd.api.types.is_numeric_dtype(values):
        numbers = pd.to_numeric(values, errors="coerce").astype(float).to_numpy()
        blank = pd.isna(values).to_numpy()
        bad = ~blank & ~(np.isfinite(numbers) & (numbers >= 0))
    else:
        codes, uniques = pd.factorize(values.astype(object), use_na_sentinel=True)
        read = [count_of(u) for u in uniques]
        parsed = np.array([np.nan if n is None else n for n, _ in read] + [np.nan], dtype=float)
        wrong = np.array([bool(why) for _, why in read] + [False], dtype=bool)
        numbers, bad = parsed[codes], wrong[codes]
    return np.where(bad, np.nan, numbers), bad


def bad_rows_notice(column: str, ids: np.ndarray, bad: np.ndarray) -> list[Notice]:
    """A warning naming the rows whose *column* cell was skipped, if any."""
    if not bad.any():
        return []
    return [coded("supply.bad_values", QT_TRANSLATE_NOOP(
        "supply", "{count} values in '{column}' are not numbers or are negative; they were skipped "
                  "(not read as 0): {ids}"), count=int(bad.sum()), column=column, ids=short_list(ids[bad]))]


def value_flags(frame: pd.DataFrame, column: str, values: np.ndarray) -> np.ndarray:
    """Per row ``estimated`` (its companion column ``<column>_来源`` says ``estimated:…``),
    ``survey`` (joined from a survey table), ``entered`` (in the layer) or ``""`` (no value).

    >>> f = pd.DataFrame({"户数": [100, 80, 60, None], "户数_来源": [None, "estimated:buildings", "survey", None]})
    >>> value_flags(f, "户数", np.array([100., 80., 60., np.nan])).tolist()
    ['entered', 'estimated', 'survey', '']
    """
    flags = np.full(len(values), ENTERED, dtype=object)
    if column in frame.columns:
        kinds = sources(frame, column).astype(str).str.partition(":")[0].to_numpy(object)
        flags[np.isin(kinds, (SURVEY, ESTIMATED))] = kinds[np.isin(kinds, (SURVEY, ESTIMATED))]
    flags[~np.isfinite(values)] = ""
    return flags
