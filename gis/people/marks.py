"""Where each people count on a compound came from: entered, a survey table, or an estimate.

A count column ``户数`` may have a companion text column ``户数_来源`` (:func:`source_column`)
holding per compound ``survey`` (joined from a 街道 table), ``estimated:<method>`` (e.g.
``estimated:buildings``, ``estimated:households``, ``estimated:district_shares``,
``estimated:raster``) or nothing: a value with no mark was in the layer itself (``entered``).
Readers (tables, exports, the access analysis) use :func:`sources` / :func:`estimated`.

>>> import pandas as pd
>>> f = pd.DataFrame({"户数": [100.0, 80.0, None]})
>>> mark(f, "户数", [False, True, False], "estimated:buildings")
>>> list(sources(f, "户数")), estimated(f, "户数").tolist()
(['entered', 'estimated:buildings', ''], [False, True, False])
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from gis.i18n import QT_TRANSLATE_NOOP

SOURCE_SUFFIX = "_来源"
ENTERED, SURVEY, ESTIMATED = "entered", "survey", "estimated"
LABELS = {
    ENTERED: QT_TRANSLATE_NOOP("people", "entered"),
    SURVEY: QT_TRANSLATE_NOOP("people", "survey table"),
    ESTIMATED: QT_TRANSLATE_NOOP("people", "estimated"),
}


def source_column(column: str) -> str:
    """The companion column naming the source of *column*'s values."""
    return f"{column}{SOURCE_SUFFIX}"


def mark(frame: pd.DataFrame, column: str, where, source: str) -> None:
    """Mark the rows *where* (booleans) of *column* as coming from *source*, in place."""
    where = np.asarray(where, dtype=bool)
    if not where.any():
        return
    name = source_column(column)
    if name not in frame.columns:
        frame[name] = pd.Series([None] * len(frame), index=frame.index, dtype=object)
    values = frame[name].to_numpy(object).copy()
    values[where] = source
    frame[name] = values


def sources(frame: pd.DataFrame, column: str) -> pd.Series:
    """Per row ``entered`` / ``survey`` / ``estimated:…``, or '' where the value is missing."""
    values = pd.to_numeric(frame[column], errors="coerce")
    name = source_column(column)
    given = frame[name] if name in frame.columns else pd.Series([None] * len(frame), index=frame.index)
    out = given.where(given.notna() & (given.astype(str) != ""), ENTERED).astype(object)
    return out.where(values.notna(), "")


def estimated(frame: pd.DataFrame, column: str) -> np.ndarray:
    """Booleans: which rows of *column* hold an estimate (not an entered or surveyed value)."""
    return sources(frame, column).astype(str).str.startswith(ESTIMATED).to_numpy()


def label(source: str) -> str:
    """The English label (marked for translation) of a source value's kind."""
    return LABELS.get(source.partition(":")[0], source)
