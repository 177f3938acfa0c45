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

import geopandas as gpd
import numpy as np

from gis.domain import FieldRole, Role
from gis.errors import ExportError
from gis.export.frames import layer_frame, zones_frame
from gis.export.plan import PlanOutputs
from gis.export.wording import facility_term, field_name, role_term
from gis.i18n import QT_TRANSLATE_NOOP
from gis.layer import Layer
from gis.project import Project
from gis.style import QUALITATIVE, classify, ramp

ANALYSES = ("zones", "gaps", "elevators", "service_areas")
GAP_PALETTE = "YlOrRd"


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
    zh = language == "zh_CN"
    n_missing = gaps.n_missing()
    data = {("小区编号" if zh else "id"): [_plain(v) for v in gaps.compounds.ids],
            ("名称" if zh else "name"): gaps.compounds.names,
            field_name("n_missing", language): n_missing,
            field_name("missing", language): ["、".join(facility_term(t, language) for t in gaps.missing(i))
                                              for i in range(len(n_missing))]}
    for k, t in enumerate(gaps.types):
        d = gaps.nearest_m[:, k]
        data[_short_type(t, zh)] = np.where(np.isfinite(d), np.round(d, 1), np.nan)
    frame = gpd.GeoDataFrame(data, geometry=gaps.compounds.geometry, crs=gaps.compounds.crs)
    colours = gap_colours(n_missing, len(gaps.types))
    return Source("gaps", "服务缺口" if zh else "Service gaps", frame, colours, "名称" if zh else "name",
                  None, Role.COMPOUNDS)


def _plain(value: object) -> object:
    return value.item() if isinstance(value, np.generic) else value


def _short_type(ftype: str, zh: bool) -> str:
    """Field name of a type's nearest distance (fits a UTF-8 Shapefile: 3 CJK + m)."""
    zh_names = {"clinic": "卫生站m", "elderly_canteen": "食堂m", "day_care": "日照m", "nursing_home": "养老院m",
                "kindergarten": "幼儿园m", "nursery": "托儿所m", "play_area": "活动场m"}
    return zh_names.get(ftype, ftype) if zh else f"{ftype[:8]}_m"


def gap_colours(n_missing: np.ndarray, n_types: int) -> list[str]:
    """White-yellow-red by the number of missing services (0 = none missing)."""
    cols = ramp(GAP_PALETTE, max(n_types, 1))
    return ["#ffffff" if m == 0 else cols[min(int(m), len(cols)) - 1] for m in n_missing]


def _elevators(project: Project, outputs: PlanOutputs, language: str) -> Source:
    el = outputs.elevators
    zh = language == "zh_CN"
    frame = el.buildings_frame(candidates_only=True)
    buildings = project.first(Role.BUILDINGS)
    bid = buildings.column(FieldRole.ID) if buildings is not None else None
    out = gpd.GeoDataFrame({
        ("楼栋编号" if zh else "building"): (bid.to_numpy(dtype=object)[frame.index] if bid is not None
                                         else frame.index.to_numpy()),
        ("层数" if zh else "floors"): frame["floors"].to_numpy(),
        ("户数" if zh else "households"): frame["households"].to_numpy(),
        ("电梯数" if zh else "elevators"): frame["elevators"].to_numpy(),
        ("造价元" if zh else "cost"): frame["cost"].to_numpy(),
        ("补贴元" if zh else "subsidy"): frame["subsidy"].to_numpy(),
        ("自筹元" if zh else "residents"): frame["residents_share"].to_numpy()},
        geometry=frame.geometry.values, crs=frame.crs)
    return Source("elevators", "加装电梯楼栋" if zh else "Buildings needing an elevator", out,
                  ["#d62728"] * len(out), "楼栋编号" if zh else "building", None, Role.BUILDINGS)


def _service_areas(outputs: PlanOutputs, language: str) -> Source:
    sa = outputs.service_areas
    zh = language == "zh_CN"
    types = sa["type"].astype(str).tolist()
    frame = gpd.GeoDataFrame({("类型" if zh else "type"): [facility_term(t, language) for t in types],
                              ("设施数" if zh else "facilities"): sa["facilities"].to_numpy(),
                              ("面积m2" if zh else "area_m2"): np.round(sa["area_m2"].to_numpy(float), 1)},
                             geometry=sa.geometry.values, crs=sa.crs)
    colours = [QUALITATIVE[i % len(QUALITATIVE)] for i in range(len(frame))]
    return Source("service_areas", "服务范围" if zh else "Service areas", frame, colours,
                  "类型" if zh else "type", "类型" if zh else "type", Role.SERVICE_AREAS)


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
