"""Planned facilities in the project: the layer accepted siting suggestions go into, and their ids."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from gis.domain import FieldRole, Role
from gis.analysis.facilities import planned_rows
from gis.gaps.siting import SitingResult, planned_facilities, planned_layer
from gis.layer import Layer, LayerStyle, SourceInfo
from gis.project import Project
from gui.gaps.overlays import SITE_GREEN, SITE_STROKE


def planned_layer_of(project: Project) -> Layer | None:
    """The project's layer of planned facilities (a facility layer whose every row is planned)."""
    for layer in project.layers_by_role(Role.FACILITIES):
        if len(layer) and planned_rows(layer).all():
            return layer
    return None


def planned_ids(project: Project) -> frozenset[str]:
    """Ids of the planned facilities in the project (rows whose ``planned`` column is true)."""
    out: set[str] = set()
    for layer in project.layers_by_role(Role.FACILITIES):
        rows = planned_rows(layer)
        col = layer.fields.get(FieldRole.ID)
        if rows.any() and col in layer.data.columns:
            out |= set(layer.data[col].astype(str).to_numpy()[rows])
    return frozenset(out)


def next_number(layer: Layer | None, facility_type: str) -> int:
    """The number after the highest ``P-<type>-<n>`` id of *layer* (1 when none)."""
    if layer is None or "id" not in layer.data.columns:
        return 1
    found = layer.data["id"].astype(str).str.extract(rf"^P-{facility_type}-(\d+)$")[0].dropna()
    return int(found.astype(int).max()) + 1 if len(found) else 1


def add_planned(project: Project, result: SitingResult, *, language: str, name: str, source: str) -> Layer:
    """Add *result*'s sites to the planned-facility layer (created as *name* when missing)."""
    layer = planned_layer_of(project)
    frame = planned_facilities(result, start=next_number(layer, result.facility_type), language=language)
    if layer is None:
        layer = planned_layer(frame, name=name)
        layer.style = LayerStyle(fill=SITE_GREEN, stroke=SITE_STROKE, fill_opacity=0.95, radius=7.0,
                                 label_field="name")
        layer.source = SourceInfo(driver=source)
        project.add_layer(layer)
        return layer
    data = pd.concat([layer.data, frame.to_crs(layer.data.crs)], ignore_index=True)
    layer.set_data(gpd.GeoDataFrame(data, geometry=layer.data.geometry.name, crs=layer.data.crs))
    project.update_layer(layer)
    return layer
