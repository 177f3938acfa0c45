"""The embedded demo district 明湖区 (``data/demo/``) as file paths and as a ready project.

The files are written by ``data/generate_demo.py``; ``data/demo/README.md`` describes them
and lists the planted facility gaps (``gaps.json`` holds the same, machine-readable).
This loader knows the demo's encodings and CRS and reads the files directly; general
files go through the importer in ``gis.io``.

>>> project = load_demo_project()          # doctest: +SKIP
>>> [layer.name for layer in project.layers]  # doctest: +SKIP
['水系', '小区边界', '建筑', '道路', '小区出入口', '设施']
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
from pyogrio.errors import DataSourceError

from gis.domain import FieldRole, Role
from gis.errors import DataReadError
from gis.feedback import Feedback, ensure
from gis.i18n import QT_TRANSLATE_NOOP
from gis.layer import Layer, SourceInfo
from gis.paths import DATA
from gis.project import Project
from gis.role_style import role_style

DEMO_DIR = DATA / "demo"
DEMO_CRS = "EPSG:4527"  # CGCS2000 / 3-degree Gauss-Kruger zone 39 (shapefiles)
FACILITY_CRS = "EPSG:4490"  # CGCS2000 geographic (经度/纬度 in facilities.csv)

FILES = {
    "compounds": "compounds.shp",
    "buildings": "buildings.shp",
    "facilities": "facilities.csv",
    "roads": "roads.shp",
    "river": "river.shp",
    "entrances": "entrances.shp",
    "readme": "README.md",
    "gaps": "gaps.json",
}


@dataclass(frozen=True)
class _Spec:
    """How one demo file becomes a layer."""

    key: str
    name: str
    role: Role
    encoding: str
    encoding_source: str
    fields: dict[FieldRole, str]
    restyle: dict = field(default_factory=dict)  # changes to the role's default style


# Bottom to top: river, compounds, buildings, roads, entrances, facilities. Styles by role
# (gis/role_style.py); the demo's facilities are coloured by their category column.
_SPECS = (
    _Spec("river", "水系", Role.BARRIERS, "UTF-8", "cpg", {FieldRole.NAME: "名称"}),
    _Spec("compounds", "小区边界", Role.COMPOUNDS, "GBK", "ldid",
          {FieldRole.ID: "小区编号", FieldRole.NAME: "小区名称", FieldRole.BUILD_YEAR: "建成年代",
           FieldRole.HOUSEHOLDS: "户数", FieldRole.POPULATION: "常住人口",
           FieldRole.ELDERLY: "老年人口", FieldRole.CHILDREN: "儿童人口"}),
    _Spec("buildings", "建筑", Role.BUILDINGS, "GBK", "cpg",
          {FieldRole.ID: "楼栋编号", FieldRole.COMPOUND_ID: "小区编号", FieldRole.FLOORS: "层数",
           FieldRole.ELEVATOR: "电梯", FieldRole.BUILD_YEAR: "建成年代", FieldRole.HOUSEHOLDS: "户数"}),
    _Spec("roads", "道路", Role.ROADS, "UTF-8", "cpg", {FieldRole.NAME: "名称", FieldRole.ROAD_CLASS: "等级"}),
    _Spec("entrances", "小区出入口", Role.ENTRANCES, "GBK", "cpg",
          {FieldRole.COMPOUND_ID: "小区编号", FieldRole.NAME: "名称"}),
    _Spec("facilities", "设施", Role.FACILITIES, "GBK", "user",
          {FieldRole.ID: "设施编号", FieldRole.NAME: "名称", FieldRole.FACILITY_TYPE: "类型"},
          {"by_field": "类型", "method": "categorized"}),
)


def demo_paths() -> dict[str, Path]:
    """Paths of the demo files by key: compounds, buildings, facilities, roads, river,
    entrances (data) and readme, gaps (documentation of the planted gaps)."""
    return {key: DEMO_DIR / name for key, name in FILES.items()}


def load_demo_project(feedback: Feedback | None = None) -> Project:
    """A new :class:`Project` holding the six demo layers with roles and field mappings.

    Raises :class:`DataReadError` when a demo file is missing or unreadable.
    """
    fb = ensure(feedback)
    paths = demo_paths()
    project = Project()
    for k, spec in enumerate(_SPECS):
        fb.check()
        fb.progress(k / len(_SPECS), spec.name)
        project.add_layer(_layer(spec, paths[spec.key]))
    project.mark_dirty(False)
    fb.progress(1.0)
    return project


def _layer(spec: _Spec, path: Path) -> Layer:
    data = _read_points(path, spec.encoding) if path.suffix == ".csv" else _read_shp(path, spec.encoding)
    missing = [col for col in spec.fields.values() if col not in data.columns]
    if missing:
        raise DataReadError(QT_TRANSLATE_NOOP("errors", "{path} lacks the column(s) {columns}. "
                                              "Run python data/generate_demo.py to rebuild the demo."),
                            path=str(path), columns=", ".join(missing))
    shp = path.suffix == ".shp"
    source = SourceInfo(path=str(path), driver="ESRI Shapefile" if shp else "CSV",
                        encoding=spec.encoding, encoding_source=spec.encoding_source,
                        crs=DEMO_CRS if shp else FACILITY_CRS, crs_source="prj" if shp else "user")
    return Layer(name=spec.name, role=spec.role, data=data, fields=dict(spec.fields), source=source,
                 style=replace(role_style(spec.role, spec.fields), **spec.restyle))


def _missing(path: Path) -> DataReadError:
    return DataReadError(QT_TRANSLATE_NOOP("errors", "The demo file {path} is missing. "
                                           "Run python data/generate_demo.py to rebuild the demo."),
                         path=str(path))


def _read_shp(path: Path, encoding: str) -> gpd.GeoDataFrame:
    if not path.exists():
        raise _missing(path)
    try:
        data = pyogrio.read_dataframe(path, encoding=encoding)
    except (DataSourceError, UnicodeDecodeError) as exc:
        raise DataReadError(QT_TRANSLATE_NOOP("errors", "Cannot read the demo file {path}: {reason}"),
                            path=str(path), reason=str(exc)) from exc
    if data.crs is None:
        data = data.set_crs(DEMO_CRS)  # the .prj was lost; the demo is always in this CRS
    return data


def _read_points(path: Path, encoding: str) -> gpd.GeoDataFrame:
    """facilities.csv: points from 经度/纬度 (CGCS2000 lon/lat)."""
    if not path.exists():
        raise _missing(path)
    try:
        table = pd.read_csv(path, encoding=encoding, dtype={"设施编号": str})
        xy = table["经度"].astype(float), table["纬度"].astype(float)
    except (UnicodeDecodeError, KeyError, ValueError, pd.errors.ParserError) as exc:
        raise DataReadError(QT_TRANSLATE_NOOP("errors", "Cannot read the demo file {path}: {reason}"),
                            path=str(path), reason=str(exc)) from exc
    return gpd.GeoDataFrame(table, geometry=gpd.points_from_xy(*xy), crs=FACILITY_CRS)
