"""Progress and cancellation for long work, without Qt.

Engine functions take ``feedback: Feedback | None``; the GUI passes one wired to a
progress bar and a Cancel button (gui/worker.py), tests and the CLI pass none.

>>> fb = Feedback()
>>> fb.progress(0.5, "half")
>>> fb.check()   # raises Cancelled once cancelled
"""

from __future__ import annotations

from typing import Callable

from gis.errors import Cancelled

ProgressFn = Callable[[float, str], None]
CancelledFn = Callable[[], bool]
PartialFn = Callable[[str, object], None]

SLICE = 5_000
"""Features a worker handles per step of a layer-wide pass (reproject, pack for the map).

Between steps it checks Cancel, reports progress, and lets the UI thread take the GIL that
shapely, numpy, pyproj and pyogrio hold while they make Python objects. 5,000 compounds of
~40 vertices take 15-20 ms a step (reproject ~18, pack ~14), so the window stays
responsive and Cancel answers at once, while the per-step overhead stays small.
Slices sized by another cost say why beside them (gis.io.repair.BLOCK: cache;
gis.network.chunked.CHUNK: short road lines; gis.io.gdal_read.CHUNK: each read reopens the file)."""


class Feedback:
    """Reports progress as a fraction in [0, 1] and tells whether the user cancelled."""

    def __init__(self, progress: ProgressFn | None = None, cancelled: CancelledFn | None = None,
                 *, start: float = 0.0, end: float = 1.0, partial: PartialFn | None = None) -> None:
        self._progress = progress
        self._cancelled = cancelled
        self._partial = partial
        self._start, self._end = start, end

    def progress(self, fraction: float, message: str = "") -> None:
        if self._progress is not None:
            frac = min(max(fraction, 0.0), 1.0)
            self._progress(self._start + (self._end - self._start) * frac, message)

    def deliver(self, kind: str, value: object) -> None:
        """Hand over a finished part of the result (*kind* names it, e.g. one type's bands) to whoever
        shows parts early; nothing happens when nobody listens. Called from any thread."""
        if self._partial is not None:
            self._partial(kind, value)

    def is_cancelled(self) -> bool:
        return bool(self._cancelled and self._cancelled())

    def check(self) -> None:
        """Raise :class:`Cancelled` if the user asked to stop."""
        if self.is_cancelled():
            raise Cancelled()

    def sub(self, start: float, end: float) -> "Feedback":
        """A feedback whose 0..1 maps onto *start*..*end* of this one."""
        span = self._end - self._start
        return Feedback(self._progress, self._cancelled, partial=self._partial,
                        start=self._start + span * start, end=self._start + span * end)


def ensure(feedback: Feedback | None) -> Feedback:
    """*feedback*, or a silent one."""
    return feedback if feedback is not None else Feedback()
