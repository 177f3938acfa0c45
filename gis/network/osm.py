"""Walking network from OpenStreetMap files (``.osm`` XML or ``.osm.pbf``), read with osmium.

Walkable ways follow pyrosm's ``network_type="walking"`` rules, so the network matches what
pyrosm would give: any ``highway`` except motorways, cycleways, platforms and
unbuilt or closed roads; no areas; ``foot`` (else ``access``) not ``no``/``private``;
no private service roads; no roads whose sidewalks are mapped as separate ways.
Ways are split where they share a node with another way.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import osmium
import shapely
from pyproj import CRS, Transformer

from gis.crs import WGS84, metric_crs_for
from gis.errors import AnalysisError, DataReadError
from gis.feedback import Feedback, ensure
from gis.i18n import QT_TRANSLATE_NOOP
from gis.network.graph import BuildReport, WalkGraph, graph_from_lines

EXCLUDED_HIGHWAY = frozenset({
    "abandoned", "construction", "no", "planned", "platform", "proposed", "raceway", "razed",
    "rest_area", "services", "bus_guideway", "cycleway", "motor", "motorway", "motorway_link",
})
CLOSED_ACCESS = frozenset({"no", "private"})
SEPARATE_SIDEWALK_KEYS = ("sidewalk", "sidewalk:both", "sidewalk:left", "sidewalk:right")


def is_osm_path(path: str | Path) -> bool:
    """Whether *path* names an OSM file osmium can read."""
    name = Path(path).name.lower()
    return name.endswith((".osm", ".osm.pbf", ".pbf", ".osm.bz2", ".osm.gz", ".o5m", ".opl"))


def is_walkable(tags: dict[str, str]) -> bool:
    """pyrosm's walking filter on one way's tags."""
    highway = tags.get("highway")
    if highway is None or highway in EXCLUDED_HIGHWAY or tags.get("area") == "yes":
        return False
    access = tags.get("foot", tags.get("access"))
    if access in CLOSED_ACCESS or tags.get("service") == "private":
        return False
    return not any(tags.get(key) == "separate" for key in SEPARATE_SIDEWALK_KEYS)


def read_walkable_ways(path: str | Path, *, feedback: Feedback | None = None
                       ) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """Node ids, lon/lat and run index of every walkable way vertex, and the ways read.

    A way that refers to nodes missing from the file (cut at an extract's edge) is
    split there into runs of consecutive known nodes.
    """
    fb = ensure(feedback)
    refs: list[int] = []
    lonlat: list[tuple[float, float]] = []
    run: list[int] = []
    n_run = n_ways = 0
    try:
        # ways only; the highway key is checked here: osmium's KeyFilter crashes the process
        # (SIGSEGV) on some damaged tags where reading them raises a RuntimeError
        processor = (osmium.FileProcessor(str(path), osmium.osm.WAY | osmium.osm.NODE)
                     .with_locations().with_filter(osmium.filter.EntityFilter(osmium.osm.WAY)))
        for way in processor:
            if "highway" not in way.tags:
                continue
            n_ways += 1
            if n_ways % 2000 == 0:
                fb.check()
            if not is_walkable(dict(way.tags)):
                continue
            n_run = _append_way(way, refs, lonlat, run, n_run)
    except (RuntimeError, ValueError, OSError, osmium.InvalidLocationError) as exc:
        raise DataReadError(QT_TRANSLATE_NOOP("errors", "Cannot read the OSM file {path}: {reason}"),
                            path=str(path), reason=str(exc)) from exc
    return (np.asarray(refs, dtype=np.int64), np.asarray(lonlat, dtype=float).reshape(-1, 2),
            np.asarray(run, dtype=np.int64), n_ways)


def _append_way(way, refs: list, lonlat: list, run: list, n_run: int) -> int:
    """Append the way's runs of located nodes; return the next run index."""
    current: list[tuple[int, float, float]] = []
    for nr in list(way.nodes) + [None]:
        loc = nr.location if nr is not None else None
        if loc is not None and loc.valid():
            current.append((nr.ref, loc.lon, loc.lat))
            continue
        if len(current) >= 2:
            refs.extend(c[0] for c in current)
            lonlat.extend((c[1], c[2]) for c in current)
            run.extend([n_run] * len(current))
            n_run += 1
        current = []
    return n_run


def split_runs(refs: np.ndarray, run: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Vertex index ranges ``(start, stop)`` of edges: runs cut at nodes shared with others."""
    _, inverse, counts = np.unique(refs, return_inverse=True, return_counts=True)
    cut = counts[inverse] >= 2
    cut[0] = cut[-1] = True
    cut[1:] |= run[1:] != run[:-1]
    cut[:-1] |= run[:-1] != run[1:]
    at = np.flatnonzero(cut)
    start, stop = at[:-1], at[1:]
    same = run[start] == run[stop]
    return start[same], stop[same]


def network_from_osm(path: str | Path, *, crs: CRS | None = None,
                     feedback: Feedback | None = None) -> WalkGraph:
    """The walking network of an OSM file in *crs* (default: the metric CRS of its centre).

    Raises
    ------
    DataReadError
        The file cannot be read.
    AnalysisError
        The file holds no walkable ways.
    """
    fb = ensure(feedback)
    fb.progress(0.0, QT_TRANSLATE_NOOP("network", "Reading OSM ways"))
    refs, lonlat, run, n_ways = read_walkable_ways(path, feedback=fb.sub(0.0, 0.7))
    if len(refs) < 2:
        raise AnalysisError(QT_TRANSLATE_NOOP("errors", "{path} holds no walkable ways (OSM highway=*)."),
                            path=str(path))
    if crs is None:
        lo, hi = lonlat.min(axis=0), lonlat.max(axis=0)
        crs = metric_crs_for(round((lo[0] + hi[0]) / 2, 1), round((lo[1] + hi[1]) / 2, 1))
    xy = np.column_stack(Transformer.from_crs(WGS84, crs, always_xy=True).transform(lonlat[:, 0], lonlat[:, 1]))
    fb.check()
    start, stop = split_runs(refs, run)
    count = stop - start + 1
    vertex = np.repeat(start, count) + (np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count))
    lines = shapely.linestrings(xy[vertex], indices=np.repeat(np.arange(len(start)), count))
    report = BuildReport(source="osm", input_features=n_ways)
    fb.progress(0.9, QT_TRANSLATE_NOOP("network", "Building the graph"))
    graph = graph_from_lines(lines, crs, report=report)
    fb.progress(1.0)
    return graph
