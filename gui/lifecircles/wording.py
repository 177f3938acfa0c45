"""Translated labels of facility types, groups, life-circle levels and bands."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gis.domain import FACILITY_LABELS, FacilityType
from gis.standards import LEVEL_LABELS, Group, Standards
from gui.i18n import chinese_ui, tr_gis



def type_label(facility_type: str) -> str:
    """The facility type's name in the UI language (the raw value for unknown types)."""
    try:
        return tr_gis("domain", FACILITY_LABELS[FacilityType(facility_type)])
    except ValueError:
        return str(facility_type)


def level_label(key: str) -> str:
    """A life-circle level's name in the UI language."""
    return tr_gis("standards", LEVEL_LABELS.get(key, key))


def group_label(group: Group) -> str:
    """一老 / 一小, with the English name in an English UI."""
    if chinese_ui() or not group.label:
        return group.label_zh or group.label
    return f"{group.label} ({group.label_zh})" if group.label_zh else group.label


def metres(value: float) -> str:
    """``300`` or ``337.5`` (no trailing zeros)."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def band_label(standards: Standards, ring: int, inner_m: float, outer_m: float) -> str:
    """``5-minute life circle · ≤ 300 m`` for band *ring* (0 = innermost)."""
    keys = ring_level_keys(standards)
    name = level_label(keys[ring]) if ring < len(keys) else ""
    if inner_m > 0:
        span = QCoreApplication.translate("LifeCircles", "{inner}–{outer} m").format(
            inner=metres(inner_m), outer=metres(outer_m))
    else:
        span = QCoreApplication.translate("LifeCircles", "≤ {outer} m").format(outer=metres(outer_m))
    return f"{name} · {span}" if name else span


def ring_level_keys(standards: Standards) -> list[str]:
    """Keys of the timed levels (5/10/15 minutes) in ring order."""
    timed = [lvl for lvl in standards.levels if lvl.minutes is not None]
    return [lvl.key for lvl in sorted(timed, key=lambda lvl: (standards.level_distance(lvl.key), lvl.minutes))]


def area_text(area_m2: float) -> str:
    """``1.25 km²`` or ``8,400 m²``."""
    if area_m2 >= 100_000:
        return f"{area_m2 / 1e6:.2f} km²"
    return f"{area_m2:,.0f} m²"
