"""How columns the app made and their values read in the window; the data keeps its names.

>>> column_label("planned")      # doctest: +SKIP
'是否规划'
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
from gis.domain import FieldRole
from gis.i18n import QT_TRANSLATE_NOOP
from gis.style import LegendEntry
from gis.wording import APP_COLUMNS, FACILITY_TERMS, planned_label
from gui.i18n import tr_gis, ui_language

FLAGS = {True: QT_TRANSLATE_NOOP("columns", "Yes"), False: QT_TRANSLATE_NOOP("columns", "No")}


def column_label(column) -> str:
    """The label of *column*: its translated name when the app made it, else the name itself."""
    key = str(column)
    return tr_gis("columns", APP_COLUMNS[key]) if key in APP_COLUMNS else key


def value_text(column, value, *, kinds: bool = False) -> str:
    """*value* of *column* as text: facility type keys as words (in a column named facility_type,
    or any column when *kinds*), yes/no for flags, planned sites' ids as labels."""
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, (bool, np.bool_)):
        return tr_gis("columns", FLAGS[bool(value)])
    if (kinds or str(column) == "facility_type") and str(value) in FACILITY_TERMS:
        return tr_gis("domain", FACILITY_TERMS[str(value)][0])
    if isinstance(value, str) and (label := planned_label(value, ui_language())) is not None:
        return label
    if isinstance(value, (float, np.floating)):
        digits = 6 if abs(value) < 1000 else 2  # keep lon/lat precise, areas readable
        return f"{value:,.{digits}f}".rstrip("0").rstrip(".")
    return str(value)


def category_legend(layer, legend: list[LegendEntry]) -> list[LegendEntry]:
    """*legend* of *layer*'s category style with known values as words (facility types, yes/no,
    planned sites); the user's own values stay as they are."""
    column = layer.style.by_field
    if layer.style.method != "categorized" or column not in layer.data.columns:
        return legend
    kinds = layer.fields.get(FieldRole.FACILITY_TYPE) == column
    flags = {str(v): v for v in layer.data[column].dropna().unique() if isinstance(v, (bool, np.bool_))}
    return [replace(e, label=value_text(column, flags.get(e.label, e.label), kinds=kinds)) for e in legend]
