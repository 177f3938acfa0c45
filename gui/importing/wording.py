"""Words for what the importer reports: notices, repair counts, where a CRS or encoding came from."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gis.io import ImportReport, Notice
from gis.io.crs_detect import DATUM_CHOICES
from gis.io.notices import CONTEXT
from gui.i18n import fill, tr_gis, translated

def notice_text(note: Notice) -> str:
    """*note* in the UI language (text values among its parameters are translated too)."""
    params = {k: translated(v, CONTEXT) if isinstance(v, str) else v for k, v in note.params.items()}
    try:
        return fill(tr_gis(CONTEXT, note.template), params)
    except (KeyError, IndexError, ValueError):
        return note.message


def repair_label(key: str) -> str:
    """What a repair count counts (unknown keys are shown as they are)."""
    labels = {
        "invalid_fixed": QCoreApplication.translate("ImportWording", "Invalid geometries repaired"),
        "invalid_dropped": QCoreApplication.translate("ImportWording", "Collapsed geometries dropped"),
        "empty_dropped": QCoreApplication.translate("ImportWording", "Empty geometries dropped"),
        "z_dropped": QCoreApplication.translate("ImportWording", "Z values dropped"),
        "m_dropped": QCoreApplication.translate("ImportWording", "M values dropped"),
        "other_type_dropped": QCoreApplication.translate("ImportWording", "Features of another geometry type dropped"),
        "duplicates": QCoreApplication.translate("ImportWording", "Duplicate geometries (kept, flagged)"),
        "out_of_range_dropped": QCoreApplication.translate("ImportWording", "Features out of range dropped"),
        "shx_rebuilt": QCoreApplication.translate("ImportWording", "Missing .shx index rebuilt"),
        "truncated_dropped": QCoreApplication.translate("ImportWording", "Features cut off in a truncated .shp dropped"),
        "no_coordinates_dropped": QCoreApplication.translate("ImportWording", "Rows without coordinates dropped"),
    }
    return labels.get(key, key)


def geometry_label(kind: str | None) -> str:
    """A geometry type name (Polygon, MultiLineString …) in the UI language."""
    labels = {
        "Point": QCoreApplication.translate("ImportWording", "points"),
        "MultiPoint": QCoreApplication.translate("ImportWording", "multi-points"),
        "LineString": QCoreApplication.translate("ImportWording", "lines"),
        "MultiLineString": QCoreApplication.translate("ImportWording", "multi-lines"),
        "Polygon": QCoreApplication.translate("ImportWording", "polygons"),
        "MultiPolygon": QCoreApplication.translate("ImportWording", "multi-polygons"),
        "GeometryCollection": QCoreApplication.translate("ImportWording", "mixed geometries"),
    }
    return labels.get(str(kind or "").replace(" Z", "").replace(" M", ""), str(kind or ""))


def crs_source_label(source: str) -> str:
    labels = {
        "prj": QCoreApplication.translate("ImportWording", "from the .prj file"),
        "metadata": QCoreApplication.translate("ImportWording", "from the file's metadata"),
        "inferred": QCoreApplication.translate("ImportWording", "inferred from the coordinates"),
        "user": QCoreApplication.translate("ImportWording", "your choice"),
    }
    return labels.get(source, source)


def encoding_source_label(source: str) -> str:
    labels = {
        "cpg": QCoreApplication.translate("ImportWording", "from the .cpg file"),
        "ldid": QCoreApplication.translate("ImportWording", "from the DBF header"),
        "detected": QCoreApplication.translate("ImportWording", "detected from the text"),
        "user": QCoreApplication.translate("ImportWording", "your choice"),
        "format": QCoreApplication.translate("ImportWording", "fixed by the format"),
    }
    return labels.get(source, source)


def datum_label(datum: str | None) -> str:
    """'GCJ-02 (AMap/Gaode, Tencent)' / 'BD-09 (Baidu)' in the UI language ('' for none)."""
    return next((tr_gis(CONTEXT, text) for key, text in DATUM_CHOICES if key == datum), "")


def datum_hint(report: ImportReport) -> Notice | None:
    """The importer's suggestion that lon/lat data is GCJ-02 / BD-09 (None once marked)."""
    if report.crs.datum_shift:
        return None
    return next((n for n in report.notices
                 if n.params.get("datum") in ("gcj02", "bd09") and set(n.params) == {"datum"}), None)
