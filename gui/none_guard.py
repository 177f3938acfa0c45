"""Work around PySide6 6.12 releasing a reference to ``None`` on every void call (CPython < 3.12).

PySide6 6.12.0 returns ``None`` from C++ methods returning ``void`` without taking a new
reference — correct on CPython 3.12+, where ``None`` is immortal, but on 3.11 every call
such as ``QPainter.drawPolygon`` or ``QPointF.setX`` lowers ``None``'s reference count
by one. After a few thousand calls it reaches zero and the interpreter aborts with
"Fatal Python error: none_dealloc: deallocating None" (often only at exit). Rendering a
map layout makes tens of thousands of such calls.

:func:`protect_none` gives ``None`` a reference count so large that no session can use
it up (2**40 calls), which is what immortality means on 3.12. It is a no-op on 3.12+
and with PySide6 versions without the leak (the project pins 6.11.3; this guards a
6.12 installed by hand).

>>> protect_none()  # doctest: +SKIP
"""

from __future__ import annotations

import ctypes
import sys

_MARGIN = 1 << 40
_done = False


def _affected() -> bool:
    """Whether the installed PySide6 has the leak (6.12.x; 6.11.3 was checked clean)."""
    import PySide6

    return PySide6.__version__.startswith("6.12")


def protect_none() -> None:
    """Raise ``None``'s reference count far beyond what PySide6's leak can consume (once)."""
    global _done
    if _done or sys.version_info >= (3, 12) or not _affected():
        _done = True
        return
    refcnt = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt, the first field of PyObject
    refcnt.value += _MARGIN
    _done = True
