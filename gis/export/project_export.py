"""Export a project in one of the GIS, CAD, Excel or web formats (the CLI and the GUI share it).

Map layouts (pdf, png) need Qt and are written by ``gui.layout.export``; everything else
is here and Qt-free.

>>> # export_project(project, "out/zones.shp", fmt="shp", layers=["zones"], encoding="gbk")
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from gis.colours import GAP_COUNT, GAP_OPACITY, gap_count_colour
from gis.crs import WGS84
from gis.domain import Role
from gis.errors import ExportError
from gis.export import sources as src
from gis.export.dxf import DxfGroup, write_dxf
from gis.export.excel import write_report
from gis.export.html_map import HtmlLayer, LegendItem, write_html_map
from gis.raster.html_overlay import html_images
from gis.export.kml import KmlFolder, write_kml
from gis.analysis.outputs import NEEDS, PlanOutputs, collect_outputs
from gis.export.result import ExportResult
from gis.export.target import Target, resolve_target, to_target
from gis.export.vector import write_geojson, write_gpkg, write_shapefile
from gis.wording import app_columns_in_words, facility_term, term
from gis.feedback import Feedback, ensure
from gis.i18n import QT_TRANSLATE_NOOP
from gis.project import Project

FORMATS = ("gpkg", "shp", "geojson", "kml", "dxf", "xlsx", "html", "pdf", "png")
SUFFIX = {"gpkg": ".gpkg", "shp": ".shp", "geojson": ".geojson", "kml": ".kml", "dxf": ".dxf",
          "xlsx": ".xlsx", "html": ".html", "pdf": ".pdf", "png": ".png"}
LONLAT_ONLY = ("kml", "html")  # always lon/lat: the default target is WGS 84
LAYOUTS = ("pdf", "png")
DXF_SKIPPED = ("gaps", "service_areas")  # exported to DXF only when asked for by name
HTML_HIDDEN = ("service_areas", "elevators")
LABELS_FROM = {"zones": 0, Role.COMPOUNDS: 16}  # permanent labels in the offline map, from this zoom on


def check_format(fmt: str) -> str:
    key = str(fmt).strip().lower().lstrip(".")
    key = {"geopackage": "gpkg", "shapefile": "shp", "json": "geojson", "excel": "xlsx", "htm": "html",
           "cad": "dxf"}.get(key, key)
    if key not in FORMATS:
        raise ExportError(QT_TRANSLATE_NOOP("errors", "Unknown export format {format}; choose one of {formats}."),
                          format=fmt, formats=", ".join(FORMATS))
    return key


def default_target(fmt: str, spec: str | int | None, project: Project) -> Target:
    """The target CRS: the user's choice, else WGS 84 for KML/HTML/GeoJSON, else the project's."""
    if (spec is None or str(spec).strip() == "") and fmt in LONLAT_ONLY + ("geojson",):
        return Target(WGS84)
    return resolve_target(spec, project.crs)


def check_target(fmt: str, target: Target) -> Target:
    """Refuse a CRS the format cannot hold before any work is done."""
    if fmt in LONLAT_ONLY and not target.geographic:
        raise ExportError(QT_TRANSLATE_NOOP("errors", "{format} is always in longitude/latitude: choose WGS 84 "
                                            "(4326) or GCJ-02 as the target."), format=fmt.upper())
    if fmt == "dxf" and target.geographic:
        raise ExportError(QT_TRANSLATE_NOOP("errors", "CAD drawings are measured in metres: choose a "
                                            "Gauss-Krüger CRS (the project's default) for DXF, not "
                                            "longitude/latitude."))
    return target


def export_project(project: Project, out: str | Path, *, fmt: str, crs: str | int | None = None,
                   layers: list[str] | None = None, encoding: str = "utf-8", language: str = "zh_CN",
                   title: str = "", outputs: PlanOutputs | None = None, strict: bool = True,
                   feedback: Feedback | None = None) -> ExportResult:
    """Write *project* to *out* as *fmt*.

    Parameters
    ----------
    out : file path; a folder for Shapefile/GeoJSON when several layers are exported.
    fmt : gpkg, shp, geojson, kml, dxf, xlsx or html (pdf/png: see gui.layout.export).
    crs : target CRS: EPSG code, "wgs84" or "gcj02" (default: the project's; WGS 84 for
        KML, GeoJSON and HTML).
    layers : names to export (see :mod:`gis.export.sources`); default: everything.
    encoding : Shapefile DBF encoding, "utf-8" or "gbk".
    language : "zh_CN" (default) or "en" for headers, field names and labels.
    outputs : analysis results already computed (the rest is computed here).
    strict : refuse (True) or skip (False) a chosen analysis the project cannot give.
    """
    fb = ensure(feedback)
    fmt = check_format(fmt)
    if fmt in LAYOUTS:
        raise ExportError(QT_TRANSLATE_NOOP("errors", "Map layouts (pdf, png) are drawn by the app's layout "
                                            "module, not by the data export."))
    if not project.layers:
        raise ExportError(QT_TRANSLATE_NOOP("errors", "The project has no layers to export."))
    target = check_target(fmt, default_target(fmt, crs, project))
    out = Path(out)
    outputs = collect_outputs(project, steps=NEEDS[fmt], given=outputs, feedback=fb.sub(0.0, 0.6))
    if "programme" in NEEDS[fmt]:
        from gis.analysis.programme import add_programme

        add_programme(project, outputs, fb)
    write = fb.sub(0.6, 1.0)
    if fmt == "xlsx":
        result = write_report(project, outputs, out, language=language, feedback=write)
    else:
        names = _names(project, outputs, layers, fmt, out, strict)
        sources = [src.build(project, outputs, n, language=language) for n in names]
        result = _write(fmt, sources, out, target, encoding, language, title or _title(project, language), write,
                        project.rasters)
    result.notices = list(outputs.notices) + result.notices
    return result


def _title(project: Project, language: str) -> str:
    stem = Path(project.path).stem if project.path else ""
    base = term("title_default", language)
    return f"{stem} {base}".strip() if stem else base


def _names(project: Project, outputs: PlanOutputs, wanted: list[str] | None, fmt: str, out: Path,
           strict: bool) -> list[str]:
    names = src.resolve(project, outputs, wanted, strict=strict)
    if not wanted and fmt == "dxf":  # CAD wants the plan and the base layers, not analysis fills
        names = [n for n in names if n not in DXF_SKIPPED]
    if not names:
        raise ExportError(QT_TRANSLATE_NOOP("errors", "There is nothing to export."))
    one_file = fmt in ("shp", "geojson") and out.suffix != ""
    if one_file and len(names) > 1:
        if wanted:
            raise ExportError(QT_TRANSLATE_NOOP(
                "errors", "A {format} file holds one layer; give a folder as --out to export {count} layers."),
                format=fmt, count=len(names))
        names = ["zones"] if "zones" in names else names[:1] if len(project.layers) == 1 else names
        if len(names) > 1:
            raise ExportError(QT_TRANSLATE_NOOP(
                "errors", "A {format} file holds one layer: choose one with --layer, or give a folder as "
                "--out."), format=fmt)
    return names


def _write(fmt: str, sources: list[src.Source], out: Path, target: Target, encoding: str, language: str,
           title: str, fb: Feedback, rasters: list = ()) -> ExportResult:
    if fmt == "gpkg":
        return write_gpkg({s.name: s.frame for s in sources}, out, target=target, feedback=fb)
    if fmt in ("shp", "geojson"):
        return _per_file(fmt, sources, out, target, encoding, fb)
    if fmt == "kml":
        folders = [KmlFolder(s.title, s.frame, s.label_field, s.colours) for s in sources]
        return write_kml(folders, out, target=target, title=title, feedback=fb)
    if fmt == "dxf":
        return write_dxf([g for s in sources for g in dxf_groups(s, language)], out, target=target, feedback=fb)
    shifted = [replace(s, frame=to_target(s.frame, target)) for s in sources]  # the map draws them as they are
    images, left_out = html_images(list(rasters), gcj02=target.gcj02) if rasters else ([], [])
    result = write_html_map(html_layers(shifted, language), out, title=title, legend=html_legend(sources, language),
                            note=f"{term('crs', language)}: {target.label}", images=images, feedback=fb)
    result.notices += left_out
    return result


def _per_file(fmt: str, sources: list[src.Source], out: Path, target: Target, encoding: str,
              fb: Feedback) -> ExportResult:
    """One file per source: *out* itself, or ``out/<name>.<ext>`` when *out* is a folder."""
    result = ExportResult()
    folder = out.suffix == ""
    for k, s in enumerate(sources):
        fb.check()
        fb.progress(k / len(sources), s.name)
        path = out / f"{_safe_name(s.name)}{SUFFIX[fmt]}" if folder else out
        if fmt == "shp":
            result.extend(write_shapefile(s.frame, path, target=target, encoding=encoding, layer_name=s.name))
        else:
            result.extend(write_geojson(s.frame, path, target=target))
    return result


def _safe_name(name: str) -> str:
    return "".join("_" if ch in '<>:"/\\|?*' else ch for ch in name).strip() or "layer"


# -- per format styling -----------------------------------------------------------------------
def dxf_groups(source: src.Source, language: str) -> list[DxfGroup]:
    """CAD layers of a source: one per zone (outline, caption, member compounds), else one
    per value of its type field (facility type, road class), else one."""
    frame = source.frame
    if source.name == "zones":
        return _zone_groups(source, language)
    if source.group_field and source.group_field in frame.columns:
        groups = []
        for value, part in frame.groupby(frame[source.group_field].fillna("").astype(str), sort=True):
            colour = source.colours[int(part.index[0])] if len(source.colours) == len(frame) else "#4e79a7"
            name = facility_term(value, language) if source.role is Role.FACILITIES else value
            groups.append(DxfGroup(f"{source.title}-{name}" if value else source.title, part, colour,
                                   source.label_field))
        return groups
    colour = source.colours[0] if source.colours else "#4e79a7"
    return [DxfGroup(source.title, frame, colour, source.label_field)]


def _zone_groups(source: src.Source, language: str) -> list[DxfGroup]:
    from gis.wording import field_name

    frame = source.frame.reset_index(drop=True)
    name_col, hh_col, n_col = (field_name(k, language) for k in ("name", "households", "compounds"))
    prefix = term("zone", language)
    groups = []
    for i in range(len(frame)):
        row = frame.iloc[[i]]
        name = str(row[name_col].iloc[0])
        lines = [name]
        if n_col in row and row[n_col].notna().iloc[0]:
            lines.append(f"{term('compounds', language)} {int(row[n_col].iloc[0])}")
        if hh_col in row and row[hh_col].notna().iloc[0]:
            lines.append(f"{term('households', language)} {int(row[hh_col].iloc[0]):,}")
        groups.append(DxfGroup(f"{prefix}-{name}", row[[name_col, "geometry"]], source.colours[i], None,
                               caption="\\P".join(lines), outline_width=0.5))
    return groups


def html_layers(sources: list[src.Source], language: str = "zh_CN") -> list:
    """Web map layers bottom to top: areas first, then lines, then points; zones and gaps on
    top of the compounds. Service areas (they cover everything), buildings, gates and the
    elevator buildings start hidden; the layer control shows them. People sources show in words
    of *language* in the popups (录入, 调查表, 估算（按建筑）)."""
    from gis.people.marks import in_words

    order = {"polygon": 0, "line": 1, "point": 2}
    rank = {"service_areas": -1, "gaps": 0.5, "zones": 0.7, "elevators": 0.8}
    ordered = sorted(sources, key=lambda s: (order.get(s.kind, 0) + rank.get(s.name, 0.0)))
    layers = []
    zone_fill = 0.0 if any(s.name == "gaps" for s in sources) else 0.22  # outlines: never tint the gap colours
    for s in ordered:
        default = 0.45 if s.kind != "point" else 0.9
        opacity = {"zones": zone_fill, "gaps": GAP_OPACITY, "service_areas": 0.2}.get(s.name, default)
        stroke = {"gaps": "#7f7f7f", "elevators": "#7f0000"}.get(s.name)
        frame, label = (s.frame, s.label_field) if s.name in src.ANALYSES else app_columns_in_words(
            s.frame, s.label_field, language)  # a planned layer's P-play_area-1, facility_type, True
        layers.append(HtmlLayer(s.title, in_words(frame, language), s.colours, stroke=stroke,
                                fill_opacity=opacity,
                                weight=3.0 if s.name == "zones" else 1.0 if s.kind != "line" else 2.0,
                                label_field=label, show=s.name not in HTML_HIDDEN and s.role not in
                                (Role.BUILDINGS, Role.ENTRANCES) or s.name == "zones",
                                labels_from=LABELS_FROM.get(s.name if s.name in src.ANALYSES else s.role)))
    return layers


def html_legend(sources: list[src.Source], language: str) -> list[LegendItem]:
    items = []
    for s in sources:
        if s.name == "zones":  # every zone: the panel scrolls
            items += [LegendItem(str(n), c) for n, c in zip(s.frame[s.label_field], s.colours)]
        elif s.name == "gaps":  # the window's classes, those present
            zh = language == "zh_CN"
            present = set(s.colours)
            for m in range(len(GAP_COUNT)):
                if gap_count_colour(m) in present:
                    text = ("无缺项" if zh else "No gaps") if m == 0 else (f"缺 {m} 项" if zh else f"{m} missing")
                    items.append(LegendItem(text, gap_count_colour(m)))
        elif s.name == "service_areas":
            types = dict(zip(s.frame[s.label_field], s.colours))
            items += [LegendItem(f"{s.title} · {t}", c) for t, c in types.items()]
        elif s.colours and s.role not in (Role.BUILDINGS, Role.ENTRANCES):
            items.append(LegendItem(s.title, s.colours[0]))
    return items
