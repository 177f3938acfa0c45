"""Translated words of the gap views: facility types, gap labels, numbers, engine notices."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication as Qc

from gis.domain import FACILITY_LABELS, FacilityType
from gis.gaps.access import GAP_LABEL, METHOD_LABELS
from gis.io.notices import Notice
from gis.money import money
from gui.i18n import fill, tr_gis, ui_language


def type_label(facility_type: str) -> str:
    """The facility type's name in the UI language (the key itself when unknown)."""
    try:
        return tr_gis("domain", FACILITY_LABELS[FacilityType(facility_type)])
    except ValueError:
        return str(facility_type)


def types_text(types) -> str:
    """Type names joined for a table cell ("—" when none)."""
    names = [type_label(t) for t in types]
    return Qc.translate("GapsWording", ", ").join(names) if names else "—"


def metres(value: float) -> str:
    """``300`` or ``337.5`` (no trailing zeros)."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def gap_label(facility_type: str, radii: list[float]) -> str:
    """"No clinic within 300 m", with the other radii its facilities serve in brackets."""
    text = tr_gis("gaps", GAP_LABEL).format(type=type_label(facility_type), distance=metres(radii[0]))
    if len(radii) > 1:
        others = " / ".join(metres(r) for r in radii[1:])
        text += " " + Qc.translate("GapsWording", "(some facilities serve {radii} m)").format(radii=others)
    return text


def method_text(method: str) -> str:
    return tr_gis("gaps", METHOD_LABELS[method])


def count_text(value) -> str:
    """A whole number with thousands separators; "—" for unknown."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "—"
    return f"{float(value):,.0f}"



def yuan(value: float | None) -> str:
    """Money in the UI language, as gis.money writes it: 3,980 万元 / 33.43 亿元, CNY 39.8 million."""
    return money(value, ui_language())


def notice_text(item: Notice, context: str = "gaps") -> str:
    """An engine notice in the UI language."""
    template = tr_gis(context, item.template)
    try:
        return fill(template, item.params)
    except (KeyError, IndexError, ValueError):
        return item.message
