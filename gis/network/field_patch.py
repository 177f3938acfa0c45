"""A type's grid areas and bands redrawn in a window only (one facility added, moved or removed).

Method. A facility changes the type's cover-distance field (:mod:`gis.network.field_areas`)
only on the grid nodes its walk can touch: the nodes within ``reach_m`` of the streets it
reaches. Those lie inside a box around the facility of half-width ``access + (dmax - lead)
x geometry scale + reach_m`` (:func:`reach_boxes`); the outline's signed field changes at most
one node further. The *window* is that box grown by two nodes, so the nodes on its border
keep their values. The field on the window is recomputed from the type's facilities whose
boxes meet it (a handful at city scale), traced on the window's nodes with the same
marching squares, and spliced into the type's polygons: the old polygon minus the window's
box, union the new piece (:func:`splice`). The window's border runs along grid nodes, where
both tracings cross the border at the same interpolated points, so the seam closes; rings
under 1 m² left at the seam are dropped. Holes away from the window are taken out before
the overlay and put back after, so a city-wide polygon with tens of thousands of holes costs
about as much as its part near the window.

Resolution and quality are those of the full field (12.5 m cells for the 30 m buffer): the
result equals a full recompute up to the outline thinning near the seam (far below 0.1 %
of the area).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from gis.network.attach import Attachment
from gis.network.distance import reach
from gis.network.field_areas import FAR, MIN_RING_M2, Field, Group, Window, trace
from gis.network.graph import WalkGraph
from gis.network.grid_service import group_of, source_rays
from gis.network.street_grid import StreetGrid

BORDER_NODES = 2  # the window's margin past the changed nodes (outline field + unchanged border)


@dataclass(frozen=True)
class Patch:
    """The areas (one per distance) and bands traced on a window, and the window's box."""

    window: Window
    box: shapely.Geometry
    areas: list
    bands: list


def concat(parts: list[Attachment]) -> Attachment:
    """The attachments of *parts* one after the other."""
    keys = ("edge", "offset", "access", "lead", "xy", "snapped")
    return Attachment(*(np.concatenate([getattr(p, k) for p in parts]) for k in keys))


def reach_boxes(graph: WalkGraph, sg: StreetGrid, sources: Attachment, dmax: float) -> np.ndarray:
    """(n, 4) grid nodes i0, j0, i1, j1 (exclusive ends) each source's field can touch; empty
    (i1 <= i0) for sources that reach nothing."""
    scale = max(float(graph.geometry_scale.max(initial=1.0)), 1.0)
    budget = np.maximum(dmax - sources.lead, 0.0) * scale
    access = np.where(np.isfinite(sources.access), sources.access, 0.0)
    radius = access + budget + sg.reach_m + 2 * sg.grid.cell
    grid = sg.grid
    lo = np.floor(grid.ij(sources.xy - radius[:, None])).astype(np.int64)
    hi = np.ceil(grid.ij(sources.xy + radius[:, None])).astype(np.int64) + 1
    box = np.column_stack([np.clip(lo, 0, [grid.nx, grid.ny]), np.clip(hi, 0, [grid.nx, grid.ny])])
    box[~sources.attached, 2:] = box[~sources.attached, :2]
    return box


def window_of(sg: StreetGrid, box: np.ndarray, margin: int = BORDER_NODES) -> Window | None:
    """The window of a reach box grown by *margin* nodes (None when the box is empty)."""
    if box[2] <= box[0] or box[3] <= box[1]:
        return None
    g = sg.grid
    return Window(max(int(box[0]) - margin, 0), max(int(box[1]) - margin, 0),
                  min(int(box[2]) + margin, g.nx), min(int(box[3]) + margin, g.ny))


def windows_of(sg: StreetGrid, boxes: np.ndarray) -> list[Window]:
    """The windows of reach boxes; overlapping ones merged into their bounding window (one
    splice instead of two when a facility moves a little)."""
    out: list[Window] = []
    for w in filter(None, (window_of(sg, b) for b in boxes)):
        for k, o in enumerate(out):
            if o.i0 < w.i1 and w.i0 < o.i1 and o.j0 < w.j1 and w.j0 < o.j1:
                out[k] = Window(min(o.i0, w.i0), min(o.j0, w.j0), max(o.i1, w.i1), max(o.j1, w.j1))
                break
        else:
            out.append(w)
    return out


def meets(boxes: np.ndarray, w: Window, margin: int = 1) -> np.ndarray:
    """Which boxes (i0, j0, i1, j1, exclusive ends) meet the window grown by *margin* nodes."""
    return ((boxes[:, 0] < w.i1 + margin) & (boxes[:, 2] > w.i0 - margin)
            & (boxes[:, 1] < w.j1 + margin) & (boxes[:, 3] > w.j0 - margin)
            & (boxes[:, 2] > boxes[:, 0]) & (boxes[:, 3] > boxes[:, 1]))


def window_box(sg: StreetGrid, w: Window) -> shapely.Geometry:
    """The rectangle through the window's outer nodes."""
    g = sg.grid
    return shapely.box(g.x0 + w.i0 * g.cell, g.y0 + w.j0 * g.cell, g.x0 + (w.i1 - 1) * g.cell,
                       g.y0 + (w.j1 - 1) * g.cell)


def patch(graph: WalkGraph, sg: StreetGrid, sources: Attachment, distances, w: Window) -> Patch:
    """The areas and bands of *sources* (every facility of the type whose reach box meets *w*)
    traced on the window *w*."""
    dmax = float(max(distances))
    field = _window_field(graph, sg, sources, dmax, w) if len(sources) else None
    grid = sg.grid
    origin = (grid.x0 + w.i0 * grid.cell, grid.y0 + w.j0 * grid.cell)
    levels = field.levels(distances) if field is not None else None
    areas, bands, previous = [], [], None
    for k in range(len(distances)):
        z = _on_window(field, w, None if levels is None else levels[k])
        areas.append(trace(z, origin, grid.cell))
        bands.append(areas[-1] if previous is None else trace(z, origin, grid.cell, outside=previous))
        previous = z
    return Patch(w, window_box(sg, w), areas, bands)


def _window_field(graph: WalkGraph, sg: StreetGrid, sources: Attachment, dmax: float, w: Window) -> Field:
    """The sources' field, exact on the nodes of *w* grown by one (only the edges touching it)."""
    zero = np.zeros(len(sources))
    r = reach(graph, sources, dmax)
    rays, owner = source_rays(graph, sources, zero, dmax)
    whole = group_of(graph, r, sources, np.arange(len(sources)), zero, rays, owner)
    near = meets(sg.edge_box[whole.edge] + [0, 0, 1, 1], w)
    return Field(sg, Group(whole.edge[near], whole.du[near], whole.dv[near], whole.rays))


def _on_window(field: Field | None, w: Window, z: np.ndarray | None) -> np.ndarray:
    """The outline field *z* of *field* (one of its levels) on the nodes of *w* (+FAR where the
    field has no nodes)."""
    out = np.full((w.j1 - w.j0, w.i1 - w.i0), FAR)
    if field is None:
        return out
    fw = field.window
    i0, i1, j0, j1 = max(w.i0, fw.i0), min(w.i1, fw.i1), max(w.j0, fw.j0), min(w.j1, fw.j1)
    if i1 > i0 and j1 > j0:
        out[j0 - w.j0:j1 - w.j0, i0 - w.i0:i1 - w.i0] = z[j0 - fw.j0:j1 - fw.j0, i0 - fw.i0:i1 - fw.i0]
    return out


# -- splicing ------------------------------------------------------------------------------
def splice(old: shapely.Geometry, box: shapely.Geometry, piece: shapely.Geometry) -> shapely.Geometry:
    """``(old - box) | piece`` (*piece* inside *box*), overlaying only the parts of *old* that
    meet the box, without their holes away from it (put back after)."""
    parts = shapely.get_parts(old)
    near = shapely.intersects(parts, box) if len(parts) else np.zeros(0, dtype=bool)
    rings, owner = shapely.get_rings(parts[near], return_index=True)
    shell = _shells(owner)
    b, (x0, y0, x1, y1) = shapely.bounds(rings), shapely.bounds(box)
    away = ~shell & ((b[:, 2] < x0) | (b[:, 0] > x1) | (b[:, 3] < y0) | (b[:, 1] > y1))
    stripped = _assemble(rings[~away], owner[~away])
    merged = shapely.union(shapely.difference(shapely.multipolygons(stripped), box), piece)
    new = _with_holes(_clean(shapely.get_parts(merged)), rings[away])
    return shapely.multipolygons(np.concatenate([parts[~near], new]))


def _shells(owner: np.ndarray) -> np.ndarray:
    """Which rings (of ``get_rings(..., return_index=True)``) are shells: each polygon's first."""
    return np.r_[True, owner[1:] != owner[:-1]] if len(owner) else np.zeros(0, dtype=bool)


def _assemble(rings: np.ndarray, owner: np.ndarray) -> np.ndarray:
    """Polygons from rings grouped by *owner* (increasing, each group's shell first)."""
    if not len(rings):
        return np.empty(0, dtype=object)
    return shapely.polygons(rings, indices=np.unique(owner, return_inverse=True)[1])


def _clean(parts: np.ndarray) -> np.ndarray:
    """Polygons without parts or holes under 1 m² (left where the seam meets an outline)."""
    parts = parts[shapely.area(parts) >= MIN_RING_M2]
    rings, owner = shapely.get_rings(parts, return_index=True)
    small = ~_shells(owner) & (shapely.area(shapely.polygons(rings)) < MIN_RING_M2)
    return _assemble(rings[~small], owner[~small]) if small.any() else parts


def _with_holes(parts: np.ndarray, holes: np.ndarray) -> np.ndarray:
    """The parts with each hole put back into the part around it."""
    if not len(holes) or not len(parts):
        return parts
    probe = shapely.get_point(holes, 0)
    hole_idx, part_idx = shapely.STRtree(parts).query(probe)  # envelopes: the part around is among them
    alone = np.bincount(hole_idx, minlength=len(holes))[hole_idx] == 1
    test = ~alone
    shapely.prepare(parts)
    inside = alone.copy()
    inside[test] = shapely.intersects(parts[part_idx[test]], probe[hole_idx[test]])
    hole_idx, part_idx = hole_idx[inside], part_idx[inside]
    hole_idx, first = np.unique(hole_idx, return_index=True)  # a vertex on two parts' edges: the first
    rings, owner = shapely.get_rings(parts, return_index=True)
    rings, owner = np.concatenate([rings, holes[hole_idx]]), np.concatenate([owner, part_idx[first]])
    order = np.argsort(owner, kind="stable")  # shells stay first: they come before the holes added
    return _assemble(rings[order], owner[order])
