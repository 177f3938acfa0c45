"""Vectorised measures along many lines: points at a distance and sub-lines between two.

:class:`LineIndex` keeps the vertices of a line array once, with the distance of every
vertex from its line's start, so that thousands of ``substring`` / ``interpolate`` calls
become a few numpy operations instead of a Python loop over shapely.ops.substring.

>>> import shapely
>>> idx = LineIndex(shapely.linestrings([[[0, 0], [10, 0], [10, 10]]]))
>>> shapely.get_coordinates(idx.substrings([0], [5.0], [15.0])[0]).tolist()
[[5.0, 0.0], [10.0, 0.0], [10.0, 5.0]]
"""

from __future__ import annotations

import numpy as np
import shapely


class LineIndex:
    """Vertices and cumulative vertex distances of an array of LineStrings."""

    def __init__(self, lines: np.ndarray) -> None:
        coords, owner = shapely.get_coordinates(lines, return_index=True)
        step = np.hypot(*np.diff(coords, axis=0).T) if len(coords) > 1 else np.zeros(0)
        step[owner[1:] != owner[:-1]] = 0.0
        self.coords = coords
        self.cum = np.concatenate([[0.0], np.cumsum(step)])
        n = len(lines)
        self.first = np.searchsorted(owner, np.arange(n), side="left")
        self.last = np.searchsorted(owner, np.arange(n), side="right") - 1
        self.base = self.cum[self.first] if n else np.zeros(0)
        self.length = self.cum[self.last] - self.base if n else np.zeros(0)

    def interpolate(self, line: np.ndarray, at: np.ndarray) -> np.ndarray:
        """(k, 2) coordinates at distance *at* along lines *line* (clipped to the line)."""
        line = np.asarray(line, dtype=np.int64)
        at = np.clip(np.asarray(at, dtype=float), 0.0, self.length[line])
        g = self.base[line] + at
        seg = np.searchsorted(self.cum, g, side="right") - 1
        seg = np.clip(seg, self.first[line], np.maximum(self.last[line] - 1, self.first[line]))
        nxt = np.minimum(seg + 1, self.last[line])
        span = self.cum[nxt] - self.cum[seg]
        frac = np.divide(g - self.cum[seg], span, out=np.zeros_like(g), where=span > 0)
        frac = np.clip(frac, 0.0, 1.0)[:, None]
        return self.coords[seg] * (1.0 - frac) + self.coords[nxt] * frac

    def substrings(self, line: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
        """Sub-lines of lines *line* from *start* to *end* metres (``start <= end``).

        Returns an array of LineStrings, one per request, oriented like their line.
        """
        line = np.asarray(line, dtype=np.int64)
        start = np.clip(np.asarray(start, dtype=float), 0.0, self.length[line])
        end = np.clip(np.asarray(end, dtype=float), start, self.length[line])
        if len(line) == 0:
            return np.empty(0, dtype=object)
        g0, g1 = self.base[line] + start, self.base[line] + end
        lo = np.maximum(np.searchsorted(self.cum, g0, side="right"), self.first[line] + 1)
        hi = np.minimum(np.searchsorted(self.cum, g1, side="left"), self.last[line])
        inner = np.maximum(hi - lo, 0)
        count = inner + 2
        piece = np.repeat(np.arange(len(line)), count)
        pos = np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count)
        out = np.empty((count.sum(), 2))
        heads = np.cumsum(count) - count
        out[heads] = self.interpolate(line, start)
        out[heads + count - 1] = self.interpolate(line, end)
        mid = (pos > 0) & (pos < count[piece] - 1)
        out[mid] = self.coords[(lo[piece] + pos - 1)[mid]]
        return shapely.linestrings(out, indices=piece)
