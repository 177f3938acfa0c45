"""Resource caps for reading untrusted files: one place for every cap a reader enforces.

A reader asks :func:`active` for the caps in force and calls :func:`exceeded` when one is
reached; the error names the cap and the setting that raises it. The GUI and the CLI call
:func:`configure` once from the user's settings (``Settings.read_limits``, a dict of
overrides keyed by field name).

>>> caps = active()
>>> caps.max_rows >= 1_000_000
True
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from gis.errors import DataReadError
from gis.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class ReadLimits:
    """Caps per input file. Each is generous for real planning data and far below harm."""

    max_rows: int = 5_000_000                 # features or table rows
    max_columns: int = 2_000                  # fields or spreadsheet columns
    max_cells: int = 50_000_000               # rows × columns of a table or sheet
    max_decompressed_bytes: int = 4 * 1024**3  # all members of an archive together
    max_compression_ratio: int = 200          # per archive member (zip bombs)
    max_archive_members: int = 10_000
    max_vertices: int = 50_000_000            # coordinates in one layer
    max_cad_entities: int = 2_000_000         # DXF entities after expanding INSERT/MINSERT
    max_block_depth: int = 8                  # DXF block nesting
    max_cell_chars: int = 1_000               # a coordinate cell parsed as text (DMS)
    max_seconds: float = 600.0                # wall time of one read
    max_layers: int = 100                     # layers of one dataset (KML folders, NetworkLinks)

    def with_overrides(self, overrides: dict | None) -> "ReadLimits":
        """A copy with *overrides* (unknown keys and non-positive values ignored)."""
        known = {f.name: f.type for f in fields(self)}
        clean = {}
        for key, value in (overrides or {}).items():
            if key in known and isinstance(value, (int, float)) and value > 0:
                clean[key] = type(getattr(self, key))(value)
        return replace(self, **clean)


_active = ReadLimits()


def active() -> ReadLimits:
    """The caps in force for this process."""
    return _active


def configure(limits: ReadLimits | dict | None) -> ReadLimits:
    """Set the caps in force (a ReadLimits, or a dict of overrides of the defaults)."""
    global _active
    _active = limits if isinstance(limits, ReadLimits) else ReadLimits().with_overrides(limits)
    return _active


class LimitExceeded(DataReadError):
    """A file went past a read cap. ``params["cap"]`` is the ReadLimits field name."""


def exceeded(cap: str, *, path: object, value: object = None) -> LimitExceeded:
    """The error for *path* going past *cap*; the message names the setting that raises it."""
    return LimitExceeded(
        QT_TRANSLATE_NOOP("errors", "{path} goes past the reading cap {cap} = {limit} (found {value}). "
                                    "If the file is genuine, raise \"{cap}\" under \"read_limits\" in the settings."),
        path=str(path), cap=cap, limit=getattr(active(), cap), value="?" if value is None else value)
