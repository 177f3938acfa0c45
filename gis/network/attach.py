"""Attach points to the walking network at the nearest point on an edge.

A facility in the middle of a long street is not at either end of it: the walk starts at
the foot of the perpendicular, ``offset`` metres from the edge's ``u`` end, so the two ends
are reached at ``lead + offset`` and ``lead + length - offset``. ``lead`` is the straight
walk from the point to the street (``access``) unless the caller chooses not to count it.

Compounds are reached through their entrances when an entrance layer gives them, else
through points spaced along the outer boundary, else through the centroid.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import shapely

from gis.domain import FieldRole
from gis.errors import AnalysisError, CrsError, FieldMappingError
from gis.i18n import QT_TRANSLATE_NOOP
from gis.layer import Layer
from gis.network.geometry import LineIndex
from gis.network.graph import WalkGraph

PROBE_M = 25.0  # points look for their edge among those this near first (then farther)


@dataclass(frozen=True, eq=False)
class Attachment:
    """Where each point joins the network. ``edge == -1``: no edge within reach.

    ``offset`` is in edge-length units from the ``u`` end (metres for networks built from
    geometry); ``access`` is the straight distance to the edge, ``lead`` the part counted.
    """

    edge: np.ndarray
    offset: np.ndarray
    access: np.ndarray
    lead: np.ndarray
    xy: np.ndarray
    snapped: np.ndarray

    def __len__(self) -> int:
        return len(self.edge)

    @property
    def attached(self) -> np.ndarray:
        return self.edge >= 0

    def start_costs(self, graph: WalkGraph) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """``(node_u, cost_u, node_v, cost_v)`` of the attached points (rows with edge >= 0)."""
        e = self.edge[self.attached]
        lead, off = self.lead[self.attached], self.offset[self.attached]
        return graph.u[e], lead + off, graph.v[e], lead + graph.length[e] - off

    def subset(self, rows: np.ndarray) -> "Attachment":
        """The attachment of the given rows only."""
        return Attachment(self.edge[rows], self.offset[rows], self.access[rows], self.lead[rows],
                          self.xy[rows], self.snapped[rows])


def attach(graph: WalkGraph, points: np.ndarray, *, max_distance: float | None = None,
           count_access: bool = True) -> Attachment:
    """Attach *points* (shapely Points in the graph CRS) to their nearest edges.

    Parameters
    ----------
    max_distance : points farther than this from every edge stay unattached.
    count_access : add the straight walk from the point to the edge to every distance.
    """
    points = np.asarray(points, dtype=object)
    n = len(points)
    xy = shapely.get_coordinates(points) if n else np.zeros((0, 2))
    if len(xy) != n:
        raise AnalysisError(QT_TRANSLATE_NOOP("errors", "Only single points can be attached to the network."))
    edge = np.full(n, -1, dtype=np.int64)
    access = np.full(n, np.inf)
    if n and graph.n_edges:
        found, hit, dist = _nearest(graph, points, max_distance)
        edge[found], access[found] = hit, dist
    ok = edge >= 0
    along = shapely.line_locate_point(graph.geometry[edge[ok]], points[ok])
    offset = np.zeros(n)
    offset[ok] = np.minimum(along / graph.geometry_scale[edge[ok]], graph.length[edge[ok]])
    snapped = xy.copy()
    snapped[ok] = graph.lines.interpolate(edge[ok], along)
    lead = np.where(ok, access if count_access else 0.0, np.inf)
    return Attachment(edge, offset, access, lead, xy, snapped)


def _nearest(graph: WalkGraph, points: np.ndarray, max_distance: float | None
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows found, their nearest edge and distance (ties: the lowest edge index). Edges within
    :data:`PROBE_M` are found by their boxes and measured (GEOS's nearest search costs ~15 µs a
    point on a city's network, this a few); the points with none that near are searched."""
    probe = PROBE_M if max_distance is None else min(PROBE_M, float(max_distance))
    xy = shapely.get_coordinates(points)
    rows, edges = graph.tree.query(shapely.box(*(xy - probe).T, *(xy + probe).T))
    dist = shapely.distance(points[rows], graph.geometry[edges])
    near = dist <= probe  # every edge within *probe* of a point meets its box: its nearest is among these
    rows, edges, dist = rows[near], edges[near], dist[near]
    rest = np.setdiff1d(np.arange(len(points)), rows)
    if len(rest) and (max_distance is None or max_distance > probe):
        (far, far_edges), far_dist = graph.tree.query_nearest(points[rest], max_distance=max_distance,
                                                              return_distance=True, all_matches=True)
        rows, edges, dist = np.r_[rows, rest[far]], np.r_[edges, far_edges], np.r_[dist, far_dist]
    order = np.lexsort((edges, dist, rows))
    rows, edges, dist = rows[order], edges[order], dist[order]
    first = np.ones(len(rows), dtype=bool)
    first[1:] = rows[1:] != rows[:-1]
    return rows[first], edges[first], dist[first]


@dataclass(frozen=True, eq=False)
class AccessPoints:
    """Points through which features are reached; ``owner`` is the feature row of each."""

    points: np.ndarray
    owner: np.ndarray
    how: np.ndarray  # per feature: "entrances" | "boundary" | "centroid" | "none"


def compound_access_points(compounds: gpd.GeoDataFrame, *, entrances: gpd.GeoDataFrame | None = None,
                           compound_id_field: str | None = None, entrance_compound_field: str | None = None,
                           spacing_m: float = 50.0, entrance_tolerance_m: float = 20.0) -> AccessPoints:
    """Access points of each compound: entrances, else its boundary every *spacing_m*, else centroid.

    Entrances belong to a compound by id (``entrance_compound_field`` equal to
    ``compound_id_field``) when both fields are given, else by lying within
    *entrance_tolerance_m* of its polygon. Everything is taken in the compounds' CRS.
    """
    if compounds.crs is None:
        raise CrsError(QT_TRANSLATE_NOOP("errors", "The compound layer has no coordinate system."))
    if spacing_m <= 0:
        raise AnalysisError(QT_TRANSLATE_NOOP("errors", "The boundary spacing must be positive."))
    n = len(compounds)
    geoms = compounds.geometry.values
    how = np.full(n, "none", dtype=object)
    pts, own = [], []
    if entrances is not None and len(entrances):
        e_pts, e_own = _entrance_owners(compounds, entrances, compound_id_field, entrance_compound_field,
                                        entrance_tolerance_m)
        pts.append(e_pts)
        own.append(e_own)
        how[np.unique(e_own)] = "entrances"
    polygonal = np.isin(shapely.get_type_id(geoms), [shapely.GeometryType.POLYGON, shapely.GeometryType.MULTIPOLYGON])
    rest = np.flatnonzero((how == "none") & polygonal & ~shapely.is_empty(geoms))
    b_pts, b_own = boundary_points(geoms[rest], spacing_m)
    pts.append(b_pts)
    own.append(rest[b_own])
    how[rest] = "boundary"
    valid = ~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)
    last = np.flatnonzero((how == "none") & valid)
    pts.append(shapely.centroid(geoms[last]))
    own.append(last)
    how[last] = "centroid"
    return AccessPoints(np.concatenate(pts), np.concatenate(own).astype(np.int64), how)


def compound_access_from_layers(compounds: Layer, entrances: Layer | None = None, *,
                                spacing_m: float = 50.0) -> AccessPoints:
    """:func:`compound_access_points` with the layers' ID and COMPOUND_ID field roles."""
    return compound_access_points(compounds.data, entrances=entrances.data if entrances else None,
                                  compound_id_field=compounds.fields.get(FieldRole.ID),
                                  entrance_compound_field=entrances.fields.get(FieldRole.COMPOUND_ID)
                                  if entrances else None, spacing_m=spacing_m)


def boundary_points(polygons: np.ndarray, spacing_m: float) -> tuple[np.ndarray, np.ndarray]:
    """Points every ~*spacing_m* along the outer rings of *polygons*, and their polygon index."""
    parts, part_owner = shapely.get_parts(polygons, return_index=True)
    rings = shapely.get_exterior_ring(parts)
    index = LineIndex(rings)
    count = np.maximum(np.ceil(index.length / spacing_m), 1).astype(np.int64)
    ring = np.repeat(np.arange(len(rings)), count)
    k = np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count)
    at = (k + 0.5) * (index.length / count)[ring]
    return shapely.points(index.interpolate(ring, at)), part_owner[ring]


def _entrance_owners(compounds: gpd.GeoDataFrame, entrances: gpd.GeoDataFrame, id_field: str | None,
                     owner_field: str | None, tolerance: float) -> tuple[np.ndarray, np.ndarray]:
    """Entrance points and the compound row each belongs to (unmatched ones dropped)."""
    if entrances.crs is None:
        raise CrsError(QT_TRANSLATE_NOOP("errors", "The entrance layer has no coordinate system."))
    ents = entrances.to_crs(compounds.crs)
    points = shapely.centroid(ents.geometry.values)
    if id_field and owner_field:
        for table, fld in ((compounds, id_field), (ents, owner_field)):
            if fld not in table.columns:
                raise FieldMappingError(QT_TRANSLATE_NOOP("errors", "Field {field} does not exist."), field=fld)
        row_of = {str(v): i for i, v in enumerate(compounds[id_field])}
        owner = np.array([row_of.get(str(v), -1) for v in ents[owner_field]], dtype=np.int64)
    else:
        tree = shapely.STRtree(compounds.geometry.values)
        (found, hit) = tree.query_nearest(points, max_distance=tolerance, all_matches=False)
        owner = np.full(len(points), -1, dtype=np.int64)
        owner[found] = hit
    keep = owner >= 0
    return points[keep], owner[keep]
