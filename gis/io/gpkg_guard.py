"""Screen a GeoPackage with SQLite before GDAL opens it: views that never finish are left out.

A GeoPackage is an SQLite database, and a view is a query: a recursive view can run
forever, and GDAL runs it on opening the file (listing the layers already hangs). So each
view is first stepped through here, on a read-only connection (``mode=ro``, extensions
off, untrusted schema), under a budget: ``max_query_seconds`` per view and
``max_rows`` rows (:mod:`gis.io.limits`), Cancel and the read's wall time checked as
SQLite runs. A view past its budget, or one SQLite cannot run (``load_extension()``
refused), is left out; when any is, GDAL reads a temporary copy
without the refused views, so the other layers still load. The user's file is never
written.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterator
from urllib.parse import quote

from gis.errors import Cancelled, DataReadError, GisError
from gis.feedback import Feedback, ensure
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io import limits
from gis.io.notices import Notice, notice

_SQLITE_MAGIC = b"SQLite format 3\x00"
_STEPS = 20_000  # SQLite VM instructions between budget checks
_FETCH = 10_000


@dataclass
class Screened:
    """The dataset to hand to GDAL (*source*, maybe a copy) and the views refused by name."""

    source: object
    refused: dict[str, DataReadError] = field(default_factory=dict)

    def notices(self) -> list[Notice]:
        """One notice per refused view (they are left out, the other layers load)."""
        return [_left_out(name, err) for name, err in self.refused.items()]


def _left_out(name: str, err: DataReadError) -> Notice:
    if isinstance(err, limits.LimitExceeded):
        return notice(QT_TRANSLATE_NOOP(
            "io", "Layer '{layer}' was left out: reading it went past the reading cap {cap} (a view "
                  "that never ends?). The other layers can be read; if the layer is genuine, raise "
                  "\"{cap}\" under \"read_limits\" in the settings."), layer=name, cap=err.params["cap"])
    return notice(QT_TRANSLATE_NOOP(
        "io", "Layer '{layer}' was left out: SQLite cannot run its query ({reason}). The other "
              "layers can be read."), layer=name, reason=err.params["reason"])


@contextmanager
def screened(source, feedback: Feedback | None = None) -> Iterator[Screened]:
    """*source* (a :class:`gis.io.sources.Source`) screened as the module text says; other
    kinds pass through unchanged."""
    if source.kind != "gpkg" or not _is_sqlite(source.path):
        yield Screened(source)
        return
    refused = refused_views(source.path, feedback=feedback)
    if not refused:
        yield Screened(source)
        return
    folder = Path(tempfile.mkdtemp(prefix="ocp-gpkg-"))
    try:
        copy = _copy_without(source.path, folder, list(refused))
        yield Screened(replace(source, path=copy), refused)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _is_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(len(_SQLITE_MAGIC)) == _SQLITE_MAGIC
    except OSError:
        return False


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection to *path* that cannot load extensions or run untrusted SQL
    functions from the schema."""
    con = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True, check_same_thread=False)
    if hasattr(con, "enable_load_extension"):
        con.enable_load_extension(False)
    con.text_factory = lambda raw: raw.decode("utf-8", "replace")  # a damaged schema's names are still text
    con.execute("PRAGMA trusted_schema = OFF")
    con.execute("PRAGMA query_only = ON")
    return con


def refused_views(path: Path, *, feedback: Feedback | None = None) -> dict[str, DataReadError]:
    """The views of *path* that fail or do not finish within the caps, with the error for each."""
    fb = ensure(feedback)
    try:
        con = connect_read_only(path)
    except sqlite3.Error:
        return {}  # GDAL gives its own message for a database it cannot open
    try:
        views = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'view'")]
        refused = {}
        for k, name in enumerate(views):
            error = _run_view(con, name, path, fb.sub(k / len(views), (k + 1) / len(views)))
            if error is not None:
                refused[name] = error
        return refused
    except (sqlite3.DatabaseError, UnicodeDecodeError):  # a damaged schema: its error text is not even UTF-8
        return {}
    finally:
        con.close()


def _run_view(con: sqlite3.Connection, name: str, path: Path, fb: Feedback):
    """Step through every row of view *name* under the budget; the error if it went past."""
    caps = limits.active()
    start = time.monotonic()
    stop: list[BaseException] = []

    shown = [start]

    def budget() -> int:
        try:
            fb.check()
        except (Cancelled, GisError) as exc:
            stop.append(exc)
            return 1
        now = time.monotonic()
        if now - shown[0] > 0.25:  # the bar moves towards the view's time budget
            shown[0] = now
            fb.progress((now - start) / caps.max_query_seconds, "")
        if now - start > caps.max_query_seconds:
            stop.append(limits.exceeded("max_query_seconds", path=f"{path.name} ({name})",
                                        value=f"> {caps.max_query_seconds:g} s"))
            return 1
        return 0

    con.set_progress_handler(budget, _STEPS)
    rows = 0
    try:
        cursor = con.execute(f'SELECT * FROM "{_quoted(name)}"')
        while batch := cursor.fetchmany(_FETCH):
            rows += len(batch)
            if rows > caps.max_rows:
                return limits.exceeded("max_rows", path=f"{path.name} ({name})", value=f"{rows:,}+")
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        if not stop:
            return _broken(name, path, exc)
    finally:
        con.set_progress_handler(None, 0)
    if not stop:
        return None
    if isinstance(stop[0], limits.LimitExceeded) and stop[0].params["cap"] == "max_query_seconds":
        return stop[0]
    raise stop[0]  # Cancel, or the read's own wall time: the whole read stops


def _broken(name: str, path: Path, exc: sqlite3.Error) -> DataReadError | None:
    """The error for a view SQLite cannot run (GDAL would fail on the whole file), or None
    when the view needs a function only GDAL provides (GDAL is left to run it)."""
    if "no such function" in str(exc):
        return None
    return DataReadError(QT_TRANSLATE_NOOP(
        "errors", "{path}: layer '{layer}' cannot be read: {reason}."),
        path=path.name, layer=name, reason=str(exc))


def _copy_without(path: Path, folder: Path, views: list[str]) -> Path:
    """A copy of *path* in *folder* without *views* (and their layer registrations)."""
    copy = folder / path.name
    shutil.copyfile(path, copy)
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
    con = sqlite3.connect(copy)
    try:
        if hasattr(con, "enable_load_extension"):
            con.enable_load_extension(False)
        con.text_factory = lambda raw: raw.decode("utf-8", "replace")  # a damaged schema's names are still text
        con.execute("PRAGMA trusted_schema = OFF")
        for (trigger,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
            con.execute(f'DROP TRIGGER IF EXISTS "{_quoted(trigger)}"')
        for view in views:
            con.execute(f'DROP VIEW IF EXISTS "{_quoted(view)}"')
            for table in ("gpkg_contents", "gpkg_geometry_columns", "gpkg_ogr_contents"):
                try:
                    con.execute(f"DELETE FROM {table} WHERE lower(table_name) = lower(?)", (view,))
                except sqlite3.OperationalError:
                    pass  # the table is optional
        con.commit()
    finally:
        con.close()
    return copy


def _quoted(name: str) -> str:
    return name.replace('"', '""')
