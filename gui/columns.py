"""How columns the app made and their values read in the window; the data keeps its names.

>>> column_label("planned")      # doctest: +SKIP
'是否规划'
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from gis.i18n import QT_TRANSLATE_NOOP
from gis.wording import APP_COLUMNS, FACILITY_TERMS
from gui.i18n import tr_gis

FLAGS = {True: QT_TRANSLATE_NOOP("columns", "Yes"), False: QT_TRANSLATE_NOOP("columns", "No")}


def column_label(column) -> str:
    """The label of *column*: its translated name when the app made it, else the name itself."""
    key = str(column)
    return tr_gis("columns", APP_COLUMNS[key]) if key in APP_COLUMNS else key


def value_text(column, value) -> str:
    """*value* of *column* as text: facility type keys as words, yes/no for flags."""
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, (bool, np.bool_)):
        return tr_gis("columns", FLAGS[bool(value)])
    if str(column) == "facility_type" and str(value) in FACILITY_TERMS:
        return tr_gis("domain", FACILITY_TERMS[str(value)][0])
    if isinstance(value, (float, np.floating)):
        digits = 6 if abs(value) < 1000 else 2  # keep lon/lat precise, areas readable
        return f"{value:,.{digits}f}".rstrip("0").rstrip(".")
    return str(value)
