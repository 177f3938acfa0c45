"""How a layer looks by default, from its role: one place for the map, layouts and exports.

Compounds are pale and labelled with their names, buildings grey, roads dark lines, water blue.
A second layer of the same role gets another colour (``variant``), so two imported facility
or compound layers can be told apart on the map and in the legend.

>>> role_style(Role.COMPOUNDS, {FieldRole.NAME: "小区名称"}).label_field
'小区名称'
>>> role_style(Role.FACILITIES, {}).fill != role_style(Role.FACILITIES, {}, variant=1).fill
True
"""

from __future__ import annotations

from dataclasses import replace

from gis.domain import FieldRole, Role
from gis.layer import LayerStyle

ROLE_STYLES = {
    Role.BARRIERS: LayerStyle(fill="#9ecae1", stroke="#4a90c2", fill_opacity=0.8, weight=1.0),
    Role.COMPOUNDS: LayerStyle(fill="#f3e0b5", stroke="#b07c3a", fill_opacity=0.45, weight=1.0),
    Role.BUILDINGS: LayerStyle(fill="#8c8c8c", stroke="#5a5a5a", fill_opacity=0.85, weight=0.5),
    Role.ROADS: LayerStyle(fill="#3b3b3b", stroke="#3b3b3b", weight=2.0),
    Role.ENTRANCES: LayerStyle(fill="#d62728", stroke="#7f1d1d", fill_opacity=0.9, radius=3.0),
    Role.FACILITIES: LayerStyle(fill="#1f77b4", stroke="#222222", fill_opacity=0.9, radius=6.0),
    Role.ZONES: LayerStyle(fill="#4e79a7", stroke="#1f3b57", fill_opacity=0.2, weight=2.0),
    Role.SERVICE_AREAS: LayerStyle(fill="#76b7b2", stroke="#3f7f7a", fill_opacity=0.3, weight=0.8),
}
OTHER = LayerStyle()
# fills (and strokes) for the 2nd, 3rd … layer of a role; muted, distinct from the role colours
VARIANTS = (("#b07aa1", "#6e3f63"), ("#59a14f", "#2f6128"), ("#edc948", "#8a7420"),
            ("#ff9da7", "#a8505b"), ("#9c755f", "#5c4234"), ("#76b7b2", "#3f7f7a"))


def role_style(role: Role | str, fields: dict | None = None, *, variant: int = 0) -> LayerStyle:
    """The default style of a layer of *role* with mapped *fields*; *variant* k > 0 is the
    k-th other layer of that role in the project."""
    role = Role(role)
    style = replace(ROLE_STYLES.get(role, OTHER))
    name = (fields or {}).get(FieldRole.NAME)
    if role is Role.COMPOUNDS and name:
        style.label_field = name
    if variant > 0:
        fill, stroke = VARIANTS[(variant - 1) % len(VARIANTS)]
        style.fill = fill
        style.stroke = stroke if role not in (Role.ROADS,) else fill
    return style


def variant_for(role: Role | str, layers) -> int:
    """How many of *layers* already play *role* (the variant a new layer of that role gets)."""
    role = Role(role)
    return sum(1 for layer in layers if layer.role is role)
