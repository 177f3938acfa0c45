"""What a face that cannot ask (the command line, a screenshot, an export) says when the user
must still choose a file's coordinate system: one line naming the option that answers it."""

from __future__ import annotations

from pathlib import Path

from gis.errors import CrsError, NeedsAnswer
from gis.feedback import Feedback
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.crs_detect import LONLAT_UNDECLARED
from gis.layer import Layer

CRS_VALUES = "cgcs2000, wgs84, gcj02, bd09 or EPSG:n"
CLI_WORDS = {"EPSG:4490": "cgcs2000", "EPSG:4326": "wgs84", "gcj02": "gcj02", "bd09": "bd09"}  # lon/lat answers


def crs_unknown(err: CrsError, option: str) -> NeedsAnswer:
    """*err* (the CRS cannot be known, or does not fit) as a refusal naming *option*."""
    return NeedsAnswer("crs.unknown", QT_TRANSLATE_NOOP("errors", "{message} Say which with {option} ({values})."),
                       message=err.message, option=option, values=CRS_VALUES)


def refuse_undeclared_lonlat(report, path: str, option: str) -> None:
    """NeedsAnswer naming *option* and the answers, best first, when *report* is lon/lat in China
    whose file declares no CRS (the window asks)."""
    if not any(n.code == LONLAT_UNDECLARED for n in report.notices):
        return
    words = [CLI_WORDS[c.answer] for c in report.crs.candidates if c.answer in CLI_WORDS]
    raise NeedsAnswer(LONLAT_UNDECLARED, QT_TRANSLATE_NOOP(
        "errors", "{path}: lon/lat inside China, but the file does not say in which coordinate system "
                  "(CGCS2000 / WGS 84, or GCJ-02 / BD-09 web-map coordinates several hundred metres "
                  "away). Say which with {option} {first} (or {others})."),
        path=path, option=option, first=words[0], others=", ".join(words[1:]))


def layer_or_refusal(path: str | Path, *, source_crs: str | None = None, option: str = "--source-crs",
                     memory=None, role=None, crs=None, feedback: Feedback | None = None) -> Layer:
    """The data file as a Layer where nothing can ask (the command line, a screenshot): in
    *source_crs* when given, else in the CRS it declares or the answer *memory* recalls;
    *role* overrides the guessed role, *crs* the metric working CRS of the result.

    Raises
    ------
    NeedsAnswer
        The user must still choose its coordinate system: one line naming *option*.
    """
    from gis.io import build_layer, inspect_file

    try:
        report = inspect_file(path, source_crs=source_crs, role=role, memory=None if source_crs else memory,
                              feedback=feedback)
        if not source_crs:
            refuse_undeclared_lonlat(report, str(path), option)
        return build_layer(report, crs=crs)
    except CrsError as err:
        raise crs_unknown(err, option) from None
