"""What can be exported from a project, by name: the zones, the analyses and every layer.

Names the user (or ``--layer``) can pick:

* ``zones`` — the zone plan (outline, members, statistics, gaps after pooling, elevators);
* ``gaps`` — compounds with the services they lack and the distance to each type;
* ``elevators`` — buildings that need an elevator, with the cost and subsidy;
* ``service_areas`` — each facility type's area within its required walking distance;
* a layer's name (小区边界) or role (compounds, buildings, facilities, roads ...);
* ``all`` — everything above that the project has.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import geopandas as gpd
import numpy as np

from gis.domain import FieldRole, Role
from gis.errors import ExportError
from gis.export.frames import layer_frame, zones_frame
from gis.analysis.outputs import PlanOutputs
from gis.wording import facility_term, facility_terms, field_name, role_term, term
from gis.i18n import QT_TRANSLATE_NOOP
from gis.layer import Layer
from gis.project import Project
from gis.colours import gap_count_colour, type_colour
from gis.style import classify

ANALYSES = ("zones", "gaps", "elevators", "service_areas")


@dataclass
class Source:
    """One exportable table: features, a name, how to label and colour them."""

    name: str  # the export layer's name (file name for one-file-per-layer formats)
    title: str  # shown to people (KML folder, legend)
    frame: gpd.GeoDataFrame
    colours: list[str]
    label_field: str | None = None
    group_field: str | None = None  # DXF: one CAD layer per value
    role: Role | None = None
    kind: str = "polygon"


def available(project: Project, outputs: PlanOutputs) -> list[str]:
    """Names that can be exported now, analyses first, then the layers."""
    names = []
    if project.zones is not None and len(project.zones):
        names.append("zones")
    if outputs.gaps is not None:
        names.append("gaps")
    if outputs.elevators is not None and len(outputs.elevators.candidates):
        names.append("elevators")
    if outputs.service_areas is not None and len(outputs.service_areas):
        names.append("service_areas")
    return names + [lyr.name for lyr in project.layers]


def resolve(project: Project, outputs: PlanOutputs, wanted: list[str] | None, *,
            strict: bool = True) -> list[str]:
    """The names *wanted* stands for (None or ['all'] = everything available).

    With ``strict=False`` an analysis the project cannot give (no buildings for
    ``elevators`` ...) is skipped instead of refused.
    """
    names = available(project, outputs)
    if not wanted or [w.strip().lower() for w in wanted] == ["all"]:
        return names
    out = []
    for w in wanted:
        key = w.strip()
        if key in names:
            out.append(key)
            continue
        by_role = [lyr.name for lyr in project.layers if lyr.role.value == key.lower()]
        if by_role:
            out += by_role
            continue
        if key.lower() in ANALYSES:
            if not strict:
                continue
            raise ExportError(QT_TRANSLATE_NOOP("errors", "There is nothing to export as {layer} in this "
                                                "project yet."), layer=key)
        raise ExportError(QT_TRANSLATE_NOOP("errors", "No layer called {layer}. Choose from: {names}."),
                          layer=key, names=", ".join(names + ["all"]))
    return list(dict.fromkeys(out))


def build(project: Project, outputs: PlanOutputs, name: str, *, language: str = "zh_CN") -> Source:
    """The :class:`Source` called *name* (see :func:`available`)."""
    if name == "zones":
        return _zones(project, outputs, language)
    if name == "gaps":
        return _gaps(project, outputs, language)
    if name == "elevators":
        return _elevators(project, outputs, language)
    if name == "service_areas":
        return _service_areas(outputs, language)
    for layer in project.layers:
        if layer.name == name:
            return layer_source(layer, language)
    raise ExportError(QT_TRANSLATE_NOOP("errors", "No layer called {layer}."), layer=name)


def _zones(project: Project, outputs: PlanOutputs, language: str) -> Source:
    frame = zones_frame(project, stats=outputs.zone_stats, gaps=outputs.gaps,
                        elevators=outputs.zone_elevators(project), language=language)
    colours = [str(c) for c in frame[field_name("colour", language)]]
    return Source("zones", role_term(Role.ZONES, language), frame, colours, field_name("name", language),
                  field_name("name", language), Role.ZONES)


def _gaps(project: Project, outputs: PlanOutputs, language: str) -> Source:
    gaps = outputs.gaps
    f = partial(field_name, language=language)
    n_missing = gaps.n_missing()
    data = {f("id"): [_plain(v) for v in gaps.compounds.ids], f("name"): gaps.compounds.names,
            f("n_missing"): n_missing,
            f("missing"): [facility_terms(gaps.missing(i), language) for i in range(len(n_missing))]}
    for k, t in enumerate(gaps.types):
        d = gaps.nearest_m[:, k]
        data[f(f"m_{t}")] = np.where(np.isfinite(d), np.round(d, 1), np.nan)
    frame = gpd.GeoDataFrame(data, geometry=gaps.compounds.geometry, crs=gaps.compounds.crs)
    return Source("gaps", term("gaps", language), frame, gap_colours(n_missing, len(gaps.types)), f("name"),
                  None, Role.COMPOUNDS)


def _plain(value: object) -> object:
    return value.item() if isinstance(value, np.generic) else value


def gap_colours(n_missing: np.ndarray, n_types: int) -> list[str]:
    """The window's choropleth colours by the number of missing services (gis.colours)."""
    return [gap_count_colour(m) for m in n_missing]


def _elevators(project: Project, outputs: PlanOutputs, language: str) -> Source:
    el = outputs.elevators
    f = partial(field_name, language=language)
    frame = el.buildings_frame(candidates_only=True)
    buildings = project.first(Role.BUILDINGS)
    bid = buildings.column(FieldRole.ID) if buildings is not None else None
    ids = bid.to_numpy(dtype=object)[frame.index] if bid is not None else frame.index.to_numpy()
    out = gpd.GeoDataFrame({f("building"): ids, **{f(k): frame[k].to_numpy() for k in (
        "floors", "households", "elevators", "cost", "subsidy", "residents_share")}},
        geometry=frame.geometry.values, crs=frame.crs)
    return Source("elevators", term("elevator_layer", language), out, ["#d62728"] * len(out), f("building"),
                  None, Role.BUILDINGS)


def _service_areas(outputs: PlanOutputs, language: str) -> Source:
    sa = outputs.service_areas
    f = partial(field_name, language=language)
    types = sa["type"].astype(str).tolist()
    frame = gpd.GeoDataFrame({f("type"): [facility_term(t, language) for t in types],
                              f("facilities"): sa["facilities"].to_numpy(),
                              f("area_m2"): np.round(sa["area_m2"].to_numpy(float), 1)},
                             geometry=sa.geometry.values, crs=sa.crs)
    colours = [type_colour(t) for t in types]  # as the window's life circles
    return Source("service_areas", term("service_areas", language), frame, colours, f("type"), f("type"),
                  Role.SERVICE_AREAS)


def layer_source(layer: Layer, language: str = "zh_CN") -> Source:
    """A project layer with its own attributes, coloured as on the map."""
    frame = layer_frame(layer)
    st = layer.style
    if st.by_field and st.by_field in frame.columns:
        colours = classify(frame[st.by_field], method=st.method, classes=st.classes, palette=st.palette).colors
    else:
        colours = [st.fill if layer.geom_type != "line" else st.stroke] * len(frame)
    label = st.label_field or layer.fields.get(FieldRole.NAME)
    group = layer.fields.get(FieldRole.FACILITY_TYPE) or layer.fields.get(FieldRole.ROAD_CLASS)
    return Source(layer.name, layer.name, frame, colours, label if label in frame.columns else None,
                  group if group in frame.columns else None, layer.role, layer.geom_type)
