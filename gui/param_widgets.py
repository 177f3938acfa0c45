"""Spin boxes built from an analysis request's declared parameters (gis.analysis.params):
range, unit, default and tooltip come from the declaration, so a default lives in one place."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDoubleSpinBox

from gis.analysis.params import CONTEXT, declared


def param_spin(request_cls, name: str, *, decimals: int = 1) -> QDoubleSpinBox:
    """A spin box for the parameter *name* of *request_cls*, set to its default."""
    p = dict(declared(request_cls))[name]
    box = QDoubleSpinBox()
    box.setDecimals(decimals)
    box.setRange(float(p.low if p.low is not None else 0.0), float(p.high if p.high is not None else 1e9))
    if p.unit:
        box.setSuffix(f" {p.unit}")
    box.setValue(float(p.default))
    box.setToolTip(QCoreApplication.translate(CONTEXT, p.help))
    return box
