"""Files to layers for the command line, refusing what the window would ask about.

The window's import dialog asks when a file's coordinate system cannot be known, when data
looks like AMap/Baidu (GCJ-02/BD-09) coordinates, or which column holds a field. A command
cannot ask, so :func:`read_input` raises :class:`~gis.errors.NeedsAnswer` naming the option
that answers (``--compounds-crs``, ``--field compounds.households=户数``) and otherwise
returns the layer with the importer's notices, which travel with the outcome.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pyproj import CRS

from gis.domain import ROLE_LABELS, FieldRole, Role
from gis.errors import CrsError, DataReadError, FieldMappingError, NeedsAnswer
from gis.i18n import QT_TRANSLATE_NOOP, translate
from gis.io.notices import Notice
from gis.io.unanswered import crs_unknown, refuse_undeclared_lonlat
from gis.layer import Layer

FAMILIES = {  # the geometry families that can play each role
    Role.COMPOUNDS: ("polygon",), Role.BUILDINGS: ("polygon",), Role.ZONES: ("polygon",),
    Role.ROADS: ("line",), Role.FACILITIES: ("point", "polygon"), Role.ENTRANCES: ("point",),
    Role.BARRIERS: ("line", "polygon"),
}
NEEDS_ATTRIBUTES = (Role.COMPOUNDS, Role.BUILDINGS, Role.FACILITIES)
FIELD_ALIASES = {"type": FieldRole.FACILITY_TYPE, "year": FieldRole.BUILD_YEAR}


@dataclass(frozen=True)
class InputFile:
    """One input of a run: the file, the role it plays, the option that named it (``compounds``),
    the user's word on its CRS (``gcj02``, ``EPSG:4548``) and on its fields."""

    path: str
    role: Role
    option: str
    crs: str | None = None
    fields: dict[FieldRole, str] = field(default_factory=dict)
    language: str = "zh_CN"  # of the layer's name in outputs (its role: 小区, 设施 …)

    @property
    def crs_option(self) -> str:
        return f"--{self.option}-crs"


def parse_fields(values: list[str] | None) -> dict[str, dict[FieldRole, str]]:
    """``["compounds.households=户数", ...]`` → ``{"compounds": {FieldRole.HOUSEHOLDS: "户数"}}``."""
    out: dict[str, dict[FieldRole, str]] = {}
    for text in values or ():
        key, sep, column = text.partition("=")
        option, dot, name = key.strip().partition(".")
        role = FIELD_ALIASES.get(name) or FieldRole._value2member_map_.get(name)
        if not sep or not dot or role is None or not column.strip():
            raise FieldMappingError(QT_TRANSLATE_NOOP(
                "errors", "--field takes ROLE.KEY=COLUMN, e.g. compounds.households=户数; KEY is one of "
                          "{keys}, not '{text}'."),
                keys=", ".join(sorted([*FieldRole._value2member_map_, *FIELD_ALIASES])), text=text)
        out.setdefault(option.strip(), {})[role] = column.strip()
    return out


def read_input(spec: InputFile, *, crs: CRS | None = None) -> tuple[Layer, list[Notice]]:
    """The layer of *spec* in *crs* (default: its metric working CRS) and the importer's notices.

    Raises
    ------
    NeedsAnswer
        The CRS cannot be known or the data looks like GCJ-02/BD-09 and was not declared
        (answer: ``--<option>-crs``, or the window's remembered answer); the geometry cannot play the role; a shapefile's
        attribute table is missing where the run needs attributes.
    """
    from gis.io import CrsMemory
    from gis.io.importer import build_layer, inspect_file

    path = Path(spec.path)
    if not path.exists():
        raise DataReadError(QT_TRANSLATE_NOOP("errors", "{path} does not exist."), path=str(path))
    try:  # without --X-crs, the answer the user gave in the window is recalled (a notice says so)
        report = inspect_file(path, role=spec.role, source_crs=spec.crs,
                              memory=None if spec.crs else CrsMemory.default())
        _refuse_unanswered(spec, report)
        fields = {**report.field_map, **spec.fields} if spec.fields else None
        name = translate("domain", ROLE_LABELS[spec.role], spec.language)  # legends read 小区, not a file name
        layer = build_layer(report, crs=crs, fields=fields, name=name)
    except CrsError as err:
        raise crs_unknown(err, spec.crs_option) from None
    return layer, list(report.notices)


def _refuse_unanswered(spec: InputFile, report) -> None:
    family, allowed = report.family, FAMILIES.get(spec.role, ())
    if allowed and family not in allowed:
        raise NeedsAnswer("layer.wrong_geometry", QT_TRANSLATE_NOOP(
            "errors", "{path} holds {family} features, but {option} needs {allowed} features. Check which "
                      "file goes with which option."),
            path=spec.path, family=family, option=f"--{spec.option}", allowed=" or ".join(allowed))
    codes = {n.code: n for n in report.notices}
    told = spec.crs or report.crs.source == "user"  # the option, or the window's remembered answer
    if not told:
        refuse_undeclared_lonlat(report, spec.path, spec.crs_option)
    if "crs.looks_like_datum" in codes and not told:
        hint = codes["crs.looks_like_datum"]  # the importer's words for it: one message per datum
        raise NeedsAnswer("crs.looks_like_datum", QT_TRANSLATE_NOOP(
            "errors", "{path}: {hint} Say which with {option} {datum} (or {option} wgs84 if it is not)."),
            path=spec.path, hint=hint.message, datum=hint.params.get("datum"), option=spec.crs_option)
    if "io.dbf_missing" in codes and spec.role in NEEDS_ATTRIBUTES:
        raise NeedsAnswer("io.dbf_missing", QT_TRANSLATE_NOOP(
            "errors", "{path}: the attribute table (.dbf) is missing, so ids, names and counts are unknown. "
                      "Put the .dbf beside the .shp (same name)."), path=spec.path, option=f"--{spec.option}")


def project_compounds(project) -> Layer:
    """The project's first compounds layer; :class:`AnalysisError` when it has none (or an empty one)."""
    from gis.errors import AnalysisError

    compounds = project.first(Role.COMPOUNDS)
    if compounds is None or not len(compounds):
        raise AnalysisError(QT_TRANSLATE_NOOP("errors", "The project has no compounds layer: add the "
                                              "compound boundaries (File > Add data) first."))
    return compounds


def network_input(spec: InputFile, *, crs: CRS):
    """A walking-network source: an OSM file's path, or a road layer's lines in *crs*."""
    from gis.network.osm import is_osm_path

    if is_osm_path(spec.path):
        if not Path(spec.path).exists():
            raise DataReadError(QT_TRANSLATE_NOOP("errors", "{path} does not exist."), path=spec.path)
        return Path(spec.path), []
    layer, notes = read_input(spec, crs=crs)
    return layer.data, notes
