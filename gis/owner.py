"""Who runs this program: user, host, process id and start time, and whether that process lives.

Locks and recovery files record their :class:`Owner`; a later process uses
:meth:`Owner.alive` to tell a running instance from one that crashed. A process id alone
is not enough (ids are reused after a reboot), so the process start time is compared too
where the system tells it (Linux, Windows).
"""

from __future__ import annotations

import getpass
import os
import socket
import sys
from dataclasses import asdict, dataclass

_SAME_START_S = 2.0  # start times of one process read twice differ by clock-tick rounding


@dataclass(frozen=True)
class Owner:
    user: str
    host: str
    pid: int
    started: float | None = None  # the process start, seconds since the epoch, if known

    @classmethod
    def current(cls) -> "Owner":
        """This process."""
        return cls(_user(), socket.gethostname(), os.getpid(), process_start(os.getpid()))

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Owner":
        started = data.get("started")
        return cls(str(data.get("user", "?")), str(data.get("host", "?")), int(data["pid"]),
                   None if started is None else float(started))

    @property
    def key(self) -> str:
        """A name for files of this process, unique on this host over time."""
        return f"{self.pid}-{int(self.started or 0)}"

    def is_me(self) -> bool:
        me = Owner.current()
        return (self.host, self.pid) == (me.host, me.pid) and self._same_start(me.started)

    def alive(self) -> bool | None:
        """True/False for a process of this host; None (unknown) for another host."""
        if self.host != socket.gethostname():
            return None
        if not pid_running(self.pid):
            return False
        return self._same_start(process_start(self.pid))

    def _same_start(self, started: float | None) -> bool:
        if self.started is None or started is None:
            return True
        return abs(self.started - started) <= _SAME_START_S


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return "?"


# -- process queries ------------------------------------------------------------------------
def pid_running(pid: int) -> bool:
    """Whether a process *pid* exists on this host (never signals or ends it)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _win_process(pid)[0]
    try:
        os.kill(pid, 0)  # signal 0 only checks (on POSIX; on Windows os.kill would end it)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by another user
        return True
    return _linux_state(pid) != "Z"


def process_start(pid: int) -> float | None:
    """When process *pid* started (epoch seconds), or None where the system does not say."""
    if sys.platform == "win32":
        return _win_process(pid)[1]
    return _linux_start(pid)


def _linux_stat(pid: int) -> list[str] | None:
    try:
        text = open(f"/proc/{pid}/stat", encoding="ascii", errors="replace").read()
    except OSError:
        return None
    return text.rpartition(")")[2].split()  # the command name may hold spaces


def _linux_state(pid: int) -> str | None:
    stat = _linux_stat(pid)
    return stat[0] if stat else None


def _linux_start(pid: int) -> float | None:
    stat = _linux_stat(pid)
    if not stat or len(stat) < 20:
        return None
    try:
        boot = next(float(line.split()[1]) for line in open("/proc/stat", encoding="ascii")
                    if line.startswith("btime"))
        return boot + int(stat[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, StopIteration, ValueError):
        return None


def _win_process(pid: int) -> tuple[bool, float | None]:
    """Whether a Windows process runs, and its start (epoch seconds) when known."""
    import ctypes
    from ctypes import wintypes

    kernel = ctypes.WinDLL("kernel32", use_last_error=True)
    handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return ctypes.get_last_error() == 5, None  # ERROR_ACCESS_DENIED: it exists
    try:
        code = wintypes.DWORD()
        if not kernel.GetExitCodeProcess(handle, ctypes.byref(code)) or code.value != 259:
            return False, None  # 259 = STILL_ACTIVE
        created, ended, kern, user = (wintypes.FILETIME() for _ in range(4))
        if not kernel.GetProcessTimes(handle, *(ctypes.byref(t) for t in (created, ended, kern, user))):
            return True, None
        ticks = (created.dwHighDateTime << 32) | created.dwLowDateTime
        return True, ticks / 1e7 - 11644473600.0  # FILETIME counts 100 ns since 1601
    finally:
        kernel.CloseHandle(handle)
