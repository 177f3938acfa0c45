"""Resource caps for reading untrusted files: one place for every cap a reader enforces.

A reader asks :func:`active` for the caps in force and calls :func:`exceeded` when one is
reached; the error names the cap and the setting that raises it. The GUI and the CLI call
:func:`configure` once from the user's settings (``Settings.read_limits``, a dict of
overrides keyed by field name). A reader that loops over its input uses a :class:`Watch`:
Cancel, progress and ``max_seconds`` in one call per step.

With the default caps a read stays within about 2 GB of memory for a 100 MB input: sizes are
checked before memory is allocated (archive members, DBF and shapefile headers, CSV header
lines, spreadsheet cells) and counted again while streaming, because headers can lie.

>>> caps = active()
>>> caps.max_rows >= 1_000_000
True
"""

from __future__ import annotations

import time
from dataclasses import dataclass, fields, replace

from gis.errors import DataReadError
from gis.feedback import Feedback, ensure
from gis.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class ReadLimits:
    """Caps per input file. Each is generous for real planning data and far below harm."""

    max_rows: int = 5_000_000                 # features or table rows
    max_columns: int = 2_000                  # fields or spreadsheet columns
    max_cells: int = 50_000_000               # rows × columns of a table or sheet
    max_decompressed_bytes: int = 4 * 1024**3  # all members of an archive together
    max_member_bytes: int = 2 * 1024**3        # one archive member, unpacked
    max_compression_ratio: int = 200          # per archive member (zip bombs)
    max_archive_members: int = 10_000
    max_vertices: int = 50_000_000            # coordinates in one layer
    max_cad_entities: int = 2_000_000         # DXF entities after expanding INSERT/MINSERT
    max_block_depth: int = 8                  # DXF block nesting
    max_cell_chars: int = 1_000               # a coordinate cell parsed as text (DMS)
    max_seconds: float = 600.0                # wall time of one read
    max_query_seconds: float = 10.0           # one GeoPackage view, stepped through by SQLite
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


class Deadline(Feedback):
    """A feedback that also stops the read at ``max_seconds`` of wall time (checked wherever
    the reader calls ``check()``)."""

    def __init__(self, feedback: Feedback | None, *, path: object, until: float | None = None) -> None:
        inner = ensure(feedback)
        super().__init__(inner.progress, inner.is_cancelled)
        self.path = path
        self.until = time.monotonic() + active().max_seconds if until is None else until

    def check(self) -> None:
        super().check()
        if time.monotonic() > self.until:
            raise exceeded("max_seconds", path=self.path, value=f"> {active().max_seconds:g} s")

    def sub(self, start: float, end: float) -> "Deadline":
        return Deadline(super().sub(start, end), path=self.path, until=self.until)


class Watch:
    """Cancel, progress and the wall-time cap for one read of *path*. Made when the read
    starts, it reports progress 0 at once, so the window shows its Cancel from the start.
    The cap itself is :class:`Deadline`'s (one rule for ``max_seconds``).

    >>> w = Watch("a.csv")
    >>> w.step(0.5)   # raises Cancelled, or LimitExceeded past max_seconds
    """

    def __init__(self, path: object, feedback: Feedback | None = None) -> None:
        self.path = path
        self.feedback = feedback if isinstance(feedback, Deadline) else Deadline(feedback, path=path)
        self.step(0.0)

    def step(self, fraction: float | None = None) -> None:
        """Honour Cancel and ``max_seconds``; report *fraction* (0..1) when given."""
        self.feedback.check()
        if fraction is not None:
            self.feedback.progress(fraction, "")
