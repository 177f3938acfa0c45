"""What an export wrote and what the user should know about it."""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from gis.errors import ExportError
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.notices import Notice


@dataclass
class ExportResult:
    """Files written, field renames per layer (old -> new) and notices for the user."""

    paths: list[Path] = field(default_factory=list)
    renamed: dict[str, dict[str, str]] = field(default_factory=dict)
    notices: list[Notice] = field(default_factory=list)

    def extend(self, other: "ExportResult") -> "ExportResult":
        self.paths += other.paths
        self.renamed.update(other.renamed)
        self.notices += other.notices
        return self

    def to_dict(self) -> dict:
        """JSON-ready summary (what the CLI prints)."""
        return {"paths": [str(p) for p in self.paths], "renamed": self.renamed,
                "notices": [n.to_json() for n in self.notices]}


def ensure_folder(path: Path) -> Path:
    """Create *path*'s parent folder, or say clearly why it cannot be."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(QT_TRANSLATE_NOOP("errors", "Cannot create the folder {folder}: {reason}"),
                          folder=str(path.parent), reason=exc.strerror or str(exc)) from None
    return path


@contextmanager
def atomic_path(path: str | Path):
    """Yield a temporary path next to *path*; on success it replaces *path* in one step.

    A failed or cancelled export leaves any earlier file at *path* untouched and no
    temporary file behind; a system error (full disk, read-only folder, file locked)
    becomes an :class:`ExportError` naming *path*.
    """
    path = ensure_folder(Path(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix, dir=path.parent)
    except OSError as exc:
        raise write_failed(path, exc) from None
    os.close(fd)
    os.unlink(tmp)  # drivers refuse to overwrite some formats; let them create it
    try:
        yield Path(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        _discard(tmp)
        raise write_failed(path, exc) from None
    except BaseException:
        _discard(tmp)
        raise


def _discard(tmp: str) -> None:
    try:
        if os.path.exists(tmp):
            os.unlink(tmp)
    except OSError:
        pass


def write_failed(path: Path, exc: BaseException) -> ExportError:
    reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return ExportError(QT_TRANSLATE_NOOP("errors", "Could not write {path}: {reason}. Check that the "
                                         "folder is writable and the file is not open in another "
                                         "program."), path=str(path), reason=reason)
