"""Import presets: a saved field mapping (and role, encoding, CRS answer, facility corrections)
to reuse for the next file of the same kind, e.g. every 住建局 compound table.

>>> preset = ImportPreset(role=Role.COMPOUNDS, fields={FieldRole.NAME: "XQMC"})
>>> ImportPreset.from_json(preset.to_json()) == preset
True
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from gis.domain import FieldRole, Role
from gis.errors import DataReadError
from gis.i18n import QT_TRANSLATE_NOOP

PRESET_VERSION = 1


@dataclass
class ImportPreset:
    """The user's import choices; :meth:`options` gives keyword arguments for the importer."""

    role: Role | None = None
    fields: dict[FieldRole, str] = field(default_factory=dict)
    facility_overrides: dict[str, str | None] = field(default_factory=dict)
    encoding: str | None = None
    source_crs: str | None = None
    name: str = ""

    def options(self) -> dict:
        """Keyword arguments for :func:`inspect_file` / :func:`read_layer`."""
        out: dict = {}
        if self.role is not None:
            out["role"] = self.role
        if self.fields:
            out["fields"] = dict(self.fields)
        if self.facility_overrides:
            out["facility_overrides"] = dict(self.facility_overrides)
        if self.encoding:
            out["encoding"] = self.encoding
        if self.source_crs:
            out["source_crs"] = self.source_crs
        return out

    def to_json(self) -> dict:
        return {"version": PRESET_VERSION, "name": self.name,
                "role": self.role.value if self.role else None,
                "fields": {r.value: c for r, c in self.fields.items()},
                "facility_overrides": self.facility_overrides,
                "encoding": self.encoding, "source_crs": self.source_crs}

    @classmethod
    def from_json(cls, data: dict) -> "ImportPreset":
        return cls(role=Role(data["role"]) if data.get("role") else None,
                   fields={FieldRole(k): str(v) for k, v in (data.get("fields") or {}).items()},
                   facility_overrides=dict(data.get("facility_overrides") or {}),
                   encoding=data.get("encoding") or None, source_crs=data.get("source_crs") or None,
                   name=str(data.get("name", "")))

    def save(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_json(), ensure_ascii=False, indent=2),
                              encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> "ImportPreset":
        """Read a preset; DataReadError when the file is missing or not a preset."""
        try:
            return cls.from_json(json.loads(Path(path).read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise DataReadError(QT_TRANSLATE_NOOP(
                "errors", "{path} is not a usable import preset ({reason})."),
                path=str(path), reason=str(exc) or type(exc).__name__) from None
