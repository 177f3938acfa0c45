"""What differs between two states of a project, in words a planner reads.

:func:`summarize` reduces a project to hashes (one per feature, one per zone, one per
layer's look), cheap to keep in memory; :func:`differences` compares two summaries and
returns :class:`Difference` items (an English template marked for translation plus its
values), e.g. "小区边界: 3 features changed or added, 0 removed (259 → 259 in all)".
Features are compared as sets of (attributes, geometry) hashes, so a reordering is no
change; an edited feature counts as changed, not also as removed.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field

import numpy as np
import pandas as pd
import shapely

from gis.i18n import QT_TRANSLATE_NOOP, fill
from gis.project import Project

@dataclass(frozen=True)
class Difference:
    template: str
    params: dict

    @property
    def text(self) -> str:
        return fill(self.template, self.params)

    def to_dict(self) -> dict:
        return {"template": self.template, "params": self.params}

    @classmethod
    def from_dict(cls, data: dict) -> "Difference":
        return cls(str(data["template"]), dict(data.get("params") or {}))


@dataclass
class LayerSummary:
    name: str
    rows: np.ndarray  # one uint64 hash per feature (attributes and geometry)
    look: str  # name, role, style, visibility and field mapping


@dataclass
class Summary:
    layers: dict[str, LayerSummary] = field(default_factory=dict)  # by layer id, in draw order
    zones: dict[int, str] = field(default_factory=dict)  # zone id -> hash of name, colour, members
    settings: str = ""


def summarize(project: Project) -> Summary:
    """Hashes of *project*'s layers, features, zones and settings."""
    out = Summary(settings=_digest(project.settings))
    for layer in project.layers:
        look = {"name": layer.name, "role": layer.role.value, "style": asdict(layer.style),
                "visible": layer.visible, "fields": {r.value: c for r, c in layer.fields.items()}}
        out.layers[layer.id] = LayerSummary(layer.name, _row_hashes(layer.data), _digest(look))
    if project.zones is not None:
        out.zones = {z.id: _digest([z.name, z.colour, sorted(z.members)])
                     for z in project.zones.zones.values()}
    return out


def differences(before: Summary | None, after: Summary) -> list[Difference]:
    """What *after* changes relative to *before* (None: a project never saved)."""
    if before is None:
        return [Difference(QT_TRANSLATE_NOOP("recovery", "Not in a project file yet: layers {layers}, "
                                                         "zones {zones}."),
                           {"layers": len(after.layers), "zones": len(after.zones)})]
    out = []
    for lid, now in after.layers.items():
        out += _layer_differences(before.layers.get(lid), now)
    for lid, old in before.layers.items():
        if lid not in after.layers:
            out.append(Difference(QT_TRANSLATE_NOOP("recovery", "Layer {name} removed."), {"name": old.name}))
    common = [lid for lid in after.layers if lid in before.layers]
    if common != [lid for lid in before.layers if lid in after.layers]:
        out.append(Difference(QT_TRANSLATE_NOOP("recovery", "Layer order changed."), {}))
    out += _zone_differences(before.zones, after.zones)
    if before.settings != after.settings:
        out.append(Difference(QT_TRANSLATE_NOOP("recovery", "Project settings changed."), {}))
    return out or [Difference(QT_TRANSLATE_NOOP(
        "recovery", "Layers, features, zones and settings are as in the project file."), {})]


def _layer_differences(old: LayerSummary | None, now: LayerSummary) -> list[Difference]:
    if old is None:
        return [Difference(QT_TRANSLATE_NOOP("recovery", "Layer {name} added ({count} features)."),
                           {"name": now.name, "count": len(now.rows)})]
    out = []
    if old.name != now.name:
        out.append(Difference(QT_TRANSLATE_NOOP("recovery", "Layer {old} renamed to {name}."),
                              {"old": old.name, "name": now.name}))
    changed = int((~np.isin(now.rows, old.rows)).sum())  # edited or added
    removed = max(0, int((~np.isin(old.rows, now.rows)).sum()) - changed)  # beyond those edited
    if changed or removed:
        out.append(Difference(QT_TRANSLATE_NOOP(
            "recovery", "{name}: {changed} features changed or added, {removed} removed "
                        "({before} → {after} in all)."),
            {"name": now.name, "changed": changed, "removed": removed,
             "before": len(old.rows), "after": len(now.rows)}))
    elif old.look != now.look and old.name == now.name:
        out.append(Difference(QT_TRANSLATE_NOOP(
            "recovery", "{name}: style, visibility or field mapping changed."), {"name": now.name}))
    return out


def _zone_differences(old: dict[int, str], now: dict[int, str]) -> list[Difference]:
    if old == now:
        return []
    changed = sum(1 for zid, h in now.items() if old.get(zid) != h)
    removed = sum(1 for zid in old if zid not in now)
    return [Difference(QT_TRANSLATE_NOOP(
        "recovery", "Zones: {before} → {after}; {changed} new or changed, {removed} removed."),
        {"before": len(old), "after": len(now), "changed": changed, "removed": removed})]


def _row_hashes(data, chunk: int = 2000) -> np.ndarray:
    """One hash per feature, a chunk at a time (short holds of the GIL on a worker thread)."""
    attrs = pd.DataFrame(data.drop(columns=data.geometry.name))
    shapes = np.asarray(data.geometry.values, dtype=object)
    parts = [np.zeros(0, dtype=np.uint64)]
    for start in range(0, len(attrs), chunk):
        part = attrs.iloc[start:start + chunk]
        try:
            rows = pd.util.hash_pandas_object(part, index=False).to_numpy()
        except TypeError:  # unhashable values (lists, dicts): hash their text
            rows = pd.util.hash_pandas_object(part.astype(str), index=False).to_numpy()
        wkb = shapely.to_wkb(shapes[start:start + chunk])
        parts.append(rows * np.uint64(1_000_003) ^ pd.util.hash_array(np.asarray(wkb, dtype=object)))
    return np.concatenate(parts)


def _digest(value) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()
