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
LABELS = {  # a source (or its kind before ':') → the label users read (tables, the Excel report)
    ENTERED: QT_TRANSLATE_NOOP("people", "entered"),
    SURVEY: QT_TRANSLATE_NOOP("people", "survey table"),
    ESTIMATED: QT_TRANSLATE_NOOP("people", "estimated"),
    "estimated:floor_area": QT_TRANSLATE_NOOP("people", "estimated (from floor area)"),
    "estimated:buildings": QT_TRANSLATE_NOOP("people", "estimated (from buildings)"),
    "estimated:households": QT_TRANSLATE_NOOP("people", "estimated (households × persons per household)"),
    "estimated:district_shares": QT_TRANSLATE_NOOP("people", "estimated (age shares)"),
    "estimated:raster": QT_TRANSLATE_NOOP("people", "estimated (population raster)"),
}
CONTEXT = "people"  # the translation context of LABELS


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


def is_source_column(column) -> bool:
    """Whether *column* is a companion column naming sources (``户数_来源``)."""
    return str(column).endswith(SOURCE_SUFFIX) and len(str(column)) > len(SOURCE_SUFFIX)


def base_column(column) -> str:
    """The count column a source column belongs to (``户数_来源`` → ``户数``)."""
    return str(column)[: -len(SOURCE_SUFFIX)] if is_source_column(column) else str(column)


def label(source) -> str:
    """The English label (marked for translation) of a source value: the method's own
    (``estimated:raster:pop.tif`` → "estimated (population raster)"), else its kind's; '' for
    no source, anything unknown as it is.

    >>> label("estimated:buildings"), label("survey"), label("estimated:raster:pop.tif"), label(None)
    ('estimated (from buildings)', 'survey table', 'estimated (population raster)', '')
    """
    if source is None or (isinstance(source, float) and source != source) or str(source) == "":
        return ""
    kind, _, rest = str(source).partition(":")
    method = rest.partition(":")[0]
    return LABELS.get(f"{kind}:{method}") or LABELS.get(kind) or str(source)


def label_in(source, language: str) -> str:
    """:func:`label` in *language* ("zh_CN" or "en"), without Qt (exports)."""
    from gis.i18n import translate

    text = label(source)
    return translate(CONTEXT, text, language) if text else ""


def in_words(frame: pd.DataFrame, language: str) -> pd.DataFrame:
    """*frame* with its source columns in words of *language* (a report readers read); the same
    frame when it has none. An unmarked value beside a count reads ``entered``."""
    names = [c for c in frame.columns if is_source_column(c)]
    if not names:
        return frame
    out = frame.copy()
    for name in names:
        base = base_column(name)
        said = sources(frame, base) if base in frame.columns else frame[name]
        out[name] = [label_in(v, language) for v in said.tolist()]
    return out
