"""Build the walking network from a road layer (Shapefile, GeoPackage, ...) or an OSM file.

A road layer drawn by hand is messy: lines cross without a shared vertex, ends stop a
metre short of the road they meet, pieces float alone. :func:`network_from_lines`

1. moves line ends that lie within *snap_tolerance_m* of each other onto one of them,
2. nodes all lines where they cross or touch (``shapely.node``),
3. joins each remaining dead end to the nearest other line within the tolerance, splitting
   that line there,

and reports what it did and the disconnected pieces that remain (``graph.components``).
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS

from gis.defaults import SNAP_M
from gis.crs import working_crs_for
from gis.errors import AnalysisError, CrsError, DataReadError
from gis.feedback import Feedback, ensure
from gis.i18n import QT_TRANSLATE_NOOP
from gis.network.chunked import chunked, coordinates, end_index, lines_from, node, parts as split_parts
from gis.network.graph import LONG_SEGMENT_M, BuildReport, WalkGraph, graph_from_lines
from gis.network.osm import is_osm_path, network_from_osm

DEFAULT_SNAP_M = SNAP_M  # gis.defaults


def build_network(source: str | Path | gpd.GeoDataFrame | gpd.GeoSeries, *, crs: CRS | None = None,
                  snap_tolerance_m: float = DEFAULT_SNAP_M, source_crs: str | None = None,
                  feedback: Feedback | None = None) -> WalkGraph:
    """The walking network from an OSM file, a road file or a road GeoDataFrame.

    Parameters
    ----------
    source : path of an ``.osm``/``.osm.pbf`` file or a line layer file, or line features.
    crs : the metric working CRS of the result; default: chosen from the data's centre
        (a projected layer keeps its own CRS).
    snap_tolerance_m : line ends this close are joined (road layers only).
    source_crs : a road file's CRS when the file does not say (``cgcs2000``, ``gcj02``, ...).

    Raises
    ------
    NeedsAnswer
        A road file's CRS must be chosen (undeclared lon/lat in China, unknown numbers): one line
        naming ``--network-crs``, the command line's answer for it.
    """
    if isinstance(source, (gpd.GeoDataFrame, gpd.GeoSeries)):
        return network_from_lines(source, crs=crs, snap_tolerance_m=snap_tolerance_m, feedback=feedback)
    if is_osm_path(source):
        return network_from_osm(source, crs=crs, feedback=feedback)
    from gis.domain import Role
    from gis.network.inputs import read_layer_file

    roads = read_layer_file(source, role=Role.ROADS, crs=crs, source_crs=source_crs, option="--network-crs").data
    return network_from_lines(roads, crs=crs, snap_tolerance_m=snap_tolerance_m, feedback=feedback)


def network_from_lines(roads: gpd.GeoDataFrame | gpd.GeoSeries, *, crs: CRS | None = None,
                       snap_tolerance_m: float = DEFAULT_SNAP_M,
                       feedback: Feedback | None = None) -> WalkGraph:
    """A walking network from road lines: snapped, noded, dead ends joined.

    Raises
    ------
    CrsError
        The layer has no CRS.
    AnalysisError
        The layer holds no lines.
    """
    fb = ensure(feedback)
    if snap_tolerance_m < 0:
        raise AnalysisError(QT_TRANSLATE_NOOP("errors", "The snapping tolerance must not be negative."))
    lines, crs, n_in, dropped = _metric_lines(roads, crs)
    report = BuildReport(source="lines", input_features=n_in, dropped=dropped,
                         snap_tolerance_m=float(snap_tolerance_m), long_segments=count_long_segments(lines))
    fb.progress(0.05, QT_TRANSLATE_NOOP("network", "Snapping line ends"))
    lines, report.snapped_ends = snap_ends(lines, snap_tolerance_m)
    fb.check()
    fb.progress(0.3, QT_TRANSLATE_NOOP("network", "Noding crossings"))
    pieces = node(lines)
    report.crossings_split = max(len(pieces) - len(lines), 0)
    fb.check()
    fb.progress(0.7, QT_TRANSLATE_NOOP("network", "Joining dead ends"))
    graph = graph_from_lines(pieces, crs, report=report)
    if snap_tolerance_m > 0:
        joined, report.snapped_to_edges = join_dead_ends(graph, snap_tolerance_m)
        if report.snapped_to_edges:
            graph = graph_from_lines(joined, crs, report=report)
    fb.progress(1.0)
    return graph


def _metric_lines(roads: gpd.GeoDataFrame | gpd.GeoSeries, crs: CRS | None
                  ) -> tuple[np.ndarray, CRS, int, int]:
    """2-D LineStrings of *roads* in the metric CRS, the feature count and parts left out."""
    if roads.crs is None:
        raise CrsError(QT_TRANSLATE_NOOP("errors", "The road layer has no coordinate system; "
                                         "set one before building the network."))
    geoms = roads.geometry if isinstance(roads, gpd.GeoDataFrame) else roads
    if crs is None:
        crs = roads.crs if roads.crs.is_projected else working_crs_for(gpd.GeoDataFrame(geometry=geoms))
    crs = CRS.from_user_input(crs)
    values = geoms.to_crs(crs).values if not roads.crs.equals(crs) else geoms.values
    values = np.asarray(values[~shapely.is_missing(values)])
    if shapely.has_z(values).any():
        values = chunked(shapely.force_2d, values)
    parts = split_parts(values)
    is_line = shapely.get_type_id(parts) == shapely.GeometryType.LINESTRING
    lines = parts[is_line & ~shapely.is_empty(parts)]
    if len(lines) == 0:
        raise AnalysisError(QT_TRANSLATE_NOOP("errors", "The road layer holds no lines; a walking "
                                              "network needs line features (roads, paths)."))
    return lines, crs, len(geoms), int(len(parts) - len(lines))


def count_long_segments(lines: np.ndarray, limit: float = LONG_SEGMENT_M) -> int:
    """Lines with a straight segment longer than *limit* metres."""
    coords, owner = coordinates(lines)
    step = np.hypot(*np.diff(coords, axis=0).T)
    long = (step > limit) & (owner[1:] == owner[:-1])
    return int(len(np.unique(owner[1:][long])))


def snap_ends(lines: np.ndarray, tolerance: float) -> tuple[np.ndarray, int]:
    """Move line ends within *tolerance* of each other onto one of them; return lines, ends moved."""
    if tolerance <= 0 or len(lines) == 0:
        return lines, 0
    coords, owner = coordinates(lines)
    n = len(lines)
    at = np.concatenate(end_index(owner, n))
    ends = coords[at]
    from scipy.sparse import coo_matrix  # scipy loads on first use: opening the app does not need it
    from scipy.sparse.csgraph import connected_components
    from scipy.spatial import cKDTree

    pairs = cKDTree(ends).query_pairs(tolerance, output_type="ndarray")
    if len(pairs) == 0:
        return lines, 0
    adj = coo_matrix((np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(2 * n, 2 * n))
    _, label = connected_components(adj, directed=False)
    first = np.full(label.max() + 1, len(label))
    np.minimum.at(first, label, np.arange(len(label)))
    target = ends[first[label]]  # every end moves onto the first end of its cluster
    moved = np.any(target != ends, axis=1)
    coords[at[moved]] = target[moved]
    changed = np.unique(np.concatenate([np.arange(n)] * 2)[moved])  # only the lines with a moved end are remade
    mine = np.isin(owner, changed)
    out = np.asarray(lines, dtype=object).copy()
    out[changed] = lines_from(coords[mine], np.searchsorted(changed, owner[mine]))
    return out, int(moved.sum())


def join_dead_ends(graph: WalkGraph, tolerance: float) -> tuple[np.ndarray, int]:
    """Edges plus connectors from each dead end to the nearest other line within *tolerance*.

    A line that receives a connector mid-way is split there. Returns the new line array and
    the number of dead ends joined.
    """
    dead = np.flatnonzero(graph.degree == 1)
    if len(dead) == 0:
        return graph.geometry, 0
    points = shapely.points(graph.xy[dead])
    hit_point, hit_edge = graph.tree.query(points, predicate="dwithin", distance=tolerance)
    indptr, inc_edge, _ = graph.incidence
    own = inc_edge[indptr[dead[hit_point]]]
    keep = hit_edge != own
    hit_point, hit_edge = hit_point[keep], hit_edge[keep]
    if len(hit_point) == 0:
        return graph.geometry, 0
    dist = shapely.distance(points[hit_point], graph.geometry[hit_edge])
    order = np.lexsort((dist, hit_point))
    first = np.ones(len(order), dtype=bool)
    first[1:] = hit_point[order][1:] != hit_point[order][:-1]
    pick_point, pick_edge = hit_point[order][first], hit_edge[order][first]
    at = shapely.line_locate_point(graph.geometry[pick_edge], points[pick_point])
    target = graph.lines.interpolate(pick_edge, at)
    connectors = shapely.linestrings(np.stack([graph.xy[dead[pick_point]], target], axis=1))
    return np.concatenate([_split_edges(graph, pick_edge, at), connectors]), len(pick_point)


def _split_edges(graph: WalkGraph, edge: np.ndarray, at: np.ndarray) -> np.ndarray:
    """All edge geometries, with the given edges cut at distances *at* (duplicates allowed)."""
    cut = np.concatenate([edge, np.arange(graph.n_edges), np.arange(graph.n_edges)])
    pos = np.concatenate([at, np.zeros(graph.n_edges), graph.lines.length])
    order = np.lexsort((pos, cut))
    cut, pos = cut[order], pos[order]
    same = cut[1:] == cut[:-1]
    pieces = graph.lines.substrings(cut[:-1][same], pos[:-1][same], pos[1:][same])
    return pieces[shapely.length(pieces) > 0]
