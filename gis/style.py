"""Colours for "fill by attribute": categorized and graduated classifications.

Pure functions from a column to one colour per feature plus a legend, so the map, the
printed layout and exports all draw the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

# ColorBrewer ramps (sequential) and a qualitative set; hex strings, light to dark.
PALETTES: dict[str, list[str]] = {
    "YlOrRd": ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"],
    "Blues": ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"],
    "Greens": ["#edf8e9", "#bae4b3", "#74c476", "#31a354", "#006d2c"],
    "Purples": ["#f2f0f7", "#cbc9e2", "#9e9ac8", "#756bb1", "#54278f"],
    "RdYlGn": ["#d7191c", "#fdae61", "#ffffbf", "#a6d96a", "#1a9641"],
}
QUALITATIVE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
               "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac", "#8cd17d", "#d37295"]
NO_DATA = "#cccccc"


@dataclass(frozen=True)
class LegendEntry:
    label: str
    color: str


@dataclass(frozen=True)
class Classification:
    colors: list[str]  # one per feature, in row order
    legend: list[LegendEntry]


def ramp(palette: str, n: int) -> list[str]:
    """*n* colours sampled evenly from a named ramp."""
    base = PALETTES.get(palette, PALETTES["YlOrRd"])
    if n <= 1:
        return [base[-1]]
    idx = np.linspace(0, len(base) - 1, n).round().astype(int)
    return [base[i] for i in idx]


def categorized(values: pd.Series, *, max_classes: int = 12) -> Classification:
    """One colour per distinct value (most frequent first); the rest share grey."""
    counts = values.dropna().astype(str).value_counts()
    cats = list(counts.index[:max_classes])
    lookup = {c: QUALITATIVE[i % len(QUALITATIVE)] for i, c in enumerate(sorted(cats))}
    colors = [lookup.get(str(v), NO_DATA) if pd.notna(v) else NO_DATA for v in values]
    legend = [LegendEntry(c, lookup[c]) for c in sorted(cats)]
    if len(counts) > max_classes:
        legend.append(LegendEntry("…", NO_DATA))
    return Classification(colors, legend)


def graduated(values: pd.Series, *, classes: int = 5, palette: str = "YlOrRd") -> Classification:
    """Quantile classes of a numeric column; non-numeric values get the no-data grey."""
    nums = pd.to_numeric(values, errors="coerce")
    valid = nums.dropna()
    if valid.empty:
        return Classification([NO_DATA] * len(values), [])
    edges = np.unique(np.quantile(valid, np.linspace(0, 1, classes + 1)))
    if len(edges) < 2:
        edges = np.array([valid.min(), valid.max()])
    cols = ramp(palette, len(edges) - 1)
    bins = np.clip(np.searchsorted(edges, nums.to_numpy(), side="right") - 1, 0, len(cols) - 1)
    colors = [cols[b] if not np.isnan(v) else NO_DATA for b, v in zip(bins, nums.to_numpy())]
    legend = [LegendEntry(f"{_fmt(edges[i])} – {_fmt(edges[i + 1])}", cols[i]) for i in range(len(cols))]
    return Classification(colors, legend)


def classify(values: pd.Series, *, method: str, classes: int = 5, palette: str = "YlOrRd") -> Classification:
    """Dispatch on *method* ('categorized' or 'graduated')."""
    if method == "graduated":
        return graduated(values, classes=classes, palette=palette)
    return categorized(values)


def is_numeric(values: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)


def _fmt(x: float) -> str:
    return f"{x:,.0f}" if abs(x) >= 100 else f"{x:,.2f}".rstrip("0").rstrip(".")
