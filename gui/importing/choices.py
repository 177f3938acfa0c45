"""The user's import choices, and how they turn into importer calls (no widgets here)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from pyproj import CRS

from gis.domain import FieldRole, Role
from gis.feedback import Feedback
from gis.io import CrsMemory, ImportPreset, ImportReport, build_layer, inspect_file, parse_source_crs
from gis.io.fields import ROLE_FIELDS, guess_fields
from gis.layer import Layer

# drivers whose text encoding is fixed by the format (nothing to override)
FIXED_ENCODING_DRIVERS = frozenset({"GPKG", "OpenFileGDB", "KML", "LIBKML", "GPX", "XLSX"})
ENCODINGS = ("UTF-8", "GBK", "GB18030", "BIG5", "CP1252")
DATUMS = ("gcj02", "bd09")


@dataclass
class ImportChoices:
    """What the user chose so far; None everywhere means "as the importer found it"."""

    layer: str | None = None
    encoding: str | None = None
    crs_answer: str | None = None  # "EPSG:4548", WKT, … (a datum goes in *datum*)
    datum: str | None = None  # gcj02 | bd09: lon/lat to shift to WGS 84
    role: Role | None = None
    fields: dict[FieldRole, str] | None = None
    facility_overrides: dict[str, str | None] = field(default_factory=dict)
    name: str = ""

    @property
    def source_crs(self) -> str | None:
        """The answer the importer reads (``source_crs``)."""
        return self.datum or self.crs_answer

    def set_answer(self, answer: str | None) -> None:
        """Take a ``source_crs`` answer (EPSG code, WKT, gcj02 / bd09); raises CrsError."""
        self.crs_answer, self.datum = None, None
        if answer:
            crs, datum = parse_source_crs(answer)
            if datum is not None:
                self.datum = datum
            else:
                epsg = crs.to_epsg()
                self.crs_answer = f"EPSG:{epsg}" if epsg else answer

    def read_options(self) -> dict:
        """Keyword arguments for :func:`inspect_file` (role and fields only when chosen)."""
        out: dict = {"layer": self.layer, "encoding": self.encoding,
                     "source_crs": self.source_crs}
        if self.role is not None:
            out["role"] = self.role
        if self.fields is not None:
            out["fields"] = dict(self.fields)
        if self.facility_overrides:
            out["facility_overrides"] = dict(self.facility_overrides)
        return out

    def preset(self, name: str) -> ImportPreset:
        return ImportPreset(role=self.role, fields=dict(self.fields or {}),
                            facility_overrides=dict(self.facility_overrides),
                            encoding=self.encoding, source_crs=self.source_crs, name=name)


def recalled_choices(report: ImportReport, memory: CrsMemory | None) -> ImportChoices:
    """Choices that reproduce *report*: a CRS answer recalled from *memory* is kept."""
    choices = ImportChoices(layer=report.layer if report.layers else None)
    if memory is not None and report.crs.source == "user":
        answer = memory.recall(report.path, report.layer)
        if answer:
            choices.set_answer(answer)
    return choices


def inspect(path: str, choices: ImportChoices, *, near=None, memory: CrsMemory | None = None,
            feedback: Feedback | None = None) -> ImportReport:
    """Read *path* again with *choices* (run this off the UI thread)."""
    return inspect_file(path, near=near, memory=memory, feedback=feedback, **choices.read_options())


def edited(report: ImportReport, *, role: Role | None = None, fields: dict | None = None,
           facility_overrides: dict | None = None) -> ImportReport:
    """*report* with another role, field mapping or facility corrections (no re-read).

    A new role without a mapping gets the mapping guessed for that role.
    """
    changes: dict = {}
    if role is not None and role is not report.role:
        changes["role"] = role
        if fields is None:
            changes["field_map"] = guess_fields(report.data, roles=ROLE_FIELDS.get(role))
    if fields is not None:
        changes["field_map"] = {FieldRole(k): v for k, v in fields.items() if v}
    if facility_overrides is not None:
        changes["facility_overrides"] = dict(facility_overrides)
    return replace(report, **changes) if changes else report


def build(report: ImportReport, choices: ImportChoices, *, crs: CRS | None = None,
          feedback: Feedback | None = None) -> Layer:
    """The Layer for *report* as edited (run this off the UI thread)."""
    return build_layer(report, crs=crs, name=choices.name or None, role=report.role,
                       fields=dict(report.field_map),
                       facility_overrides=dict(report.facility_overrides), feedback=feedback)


def default_name(report: ImportReport) -> str:
    """The layer name the importer would give: the file's stem, with the layer if chosen."""
    stem = Path(report.path).stem
    return f"{stem} – {report.layer}" if report.layer and report.layer != stem else stem
