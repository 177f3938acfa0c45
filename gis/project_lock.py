"""A lock beside a project file, so a project opened twice is noticed.

The lock is a small JSON file ``.NAME.gpkg.lock`` in the project's folder holding its
:class:`~gis.owner.Owner` (user, host, process) and the time it was taken. A second
instance that finds a lock of a live process opens the project read-only; a lock left by a
process of this host that is gone (a crash) is taken over. A lock that cannot be written
(a read-only folder) is no lock: the project opens normally, and saving there would fail
with its own message anyway.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from gis.owner import Owner

SUFFIX = ".lock"
_UNREADABLE_GRACE_S = 5.0  # a lock being written right now is briefly empty


@dataclass(frozen=True)
class Lock:
    """A project lock: its file, owner and when it was taken (epoch seconds)."""

    path: Path
    owner: Owner
    since: float

    @property
    def mine(self) -> bool:
        return self.owner.is_me()


def lock_path(project_path: str | Path) -> Path:
    """Where the lock of *project_path* lives (beside it, hidden on Linux)."""
    p = Path(project_path).absolute()
    return p.with_name(f".{p.name}{SUFFIX}")


def acquire(project_path: str | Path) -> Lock | None:
    """Lock *project_path* for this process.

    Returns the lock now held (``mine``), or another live instance's lock (not ``mine``:
    open read-only), or None when no lock file can be written here.
    """
    path = lock_path(project_path)
    for _attempt in range(3):
        if (created := _create(path)) is not False:
            return created
        held = read_lock(path)
        if held is not None and (held.mine or held.owner.alive() is not False):
            return held
        if held is None and _age(path) < _UNREADABLE_GRACE_S:
            return Lock(path, Owner("?", "?", 0), time.time())
        _unlink(path)  # the owner is gone: take the lock over
    return None


def release(lock: Lock | None) -> None:
    """Remove *lock* if this process still holds it."""
    if lock is None:
        return
    held = read_lock(lock.path)
    if held is not None and held.mine:
        _unlink(lock.path)


def read_lock(path: Path) -> Lock | None:
    """The lock in *path*, or None if it is missing or unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Lock(path, Owner.from_dict(data["owner"]), float(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _create(path: Path) -> Lock | None | bool:
    """Our new lock; False when one exists; None when the folder cannot hold one."""
    lock = Lock(path, Owner.current(), time.time())
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return False
    except OSError:
        return None
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump({"owner": lock.owner.to_dict(), "since": lock.since}, f, ensure_ascii=False)
    return lock


def _age(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return float("inf")


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
