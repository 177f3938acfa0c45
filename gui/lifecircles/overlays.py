"""Map overlays of a life-circle result: nested bands and required radii per type, the network.

Every frame carries the map's per-feature style columns (stroke, fill, fillOpacity,
weight, dash, label) and its body: the bands their rings packed (gis.packed_rings, drawn in tiles
and patched where a planned site changes them; the frames keep the engine's geometry and CRS), the
others their GeoJSON (gui.map.view.with_body; in WGS 84, slightly simplified for drawing). They
are made in workers; the UI thread only sends them.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import shapely

from gis.crs import WGS84
from gis.i18n import fill
from gis.network.graph import WalkGraph
from gis.network.service_area import ServiceAreaResult
from gis.packed_rings import PackedRings
from gis.standards import Standards
from gui.lifecircles.palette import band_colour, band_style, piece_colour, type_colour
from gui.lifecircles.wording import band_label
from gui.map.view import with_body, with_packed

PREFIX = "lifecircle:"
NETWORK = PREFIX + "network"
SELECTED = PREFIX + "selected"
SELECTED_STROKE = "#1a1a1a"
RINGS = "ocp_rings"  # attrs key of a band frame's PackedRings (see band_frames)
DRAW_TOLERANCE_M = 0.5  # simplification of drawn outlines, well below a screen pixel at street zoom
BIG_PART = 5000  # vertices: bigger parts are drawn as they are (see _drawable)
GEOJSON_COORDS = 40_000  # coordinates per shapely.to_geojson call: ~11 ms with the GIL held
DRAW_DECIMALS = 6  # of WGS 84 degrees sent to the page (0.1 m): a city's bands of one type were 12 MB of
# text at full precision, handed to the page on the UI thread; rounded they are about 40 % smaller


def band_name(facility_type: str) -> str:
    return f"{PREFIX}band:{facility_type}"


def required_name(facility_type: str) -> str:
    return f"{PREFIX}required:{facility_type}"


@dataclass(frozen=True)
class BandEntry:
    """One legend line: a band of a type with its colour, label and area."""

    type: str
    group: str
    ring: int
    inner_m: float
    outer_m: float
    colour: str
    label: str
    area_m2: float


def band_entries(result: ServiceAreaResult, standards: Standards) -> list[BandEntry]:
    """Legend lines of every band, by type then ring."""
    bands = result.bands.sort_values(["type", "ring"], kind="stable")
    return [BandEntry(str(t), str(g), int(r), float(i), float(o), band_colour(t, r),
                      band_label(standards, int(r), float(i), float(o)), float(a))
            for t, g, r, i, o, a in zip(bands["type"], bands["group"], bands["ring"], bands["inner_m"],
                                        bands["outer_m"], bands["area_m2"])]


def band_frames(bands: gpd.GeoDataFrame, *, types: set[str] | None = None
                ) -> tuple[dict[str, gpd.GeoDataFrame], dict[str, gpd.GeoDataFrame]]:
    """Two overlays per type of *bands* (a result's ``bands``; of *types*, else all), its bands
    outermost first: filled in the band colours, and outlined (drawn when several types share the
    map) as lines in the type's colour, dashed by band. Both carry the type's bands packed ring by
    ring (:class:`gis.packed_rings.PackedRings`, ``frame.attrs[RINGS]``), which a planned site's
    change patches (:func:`type_frames`); their geometry is the engine's own (in the result's CRS,
    for prints: the page draws the packed rings)."""
    fills, outlines = {}, {}
    for ftype, grp in bands.groupby("type", sort=True):
        if types is None or ftype in types:
            grp = grp.sort_values("ring", ascending=False)
            fill, outline = type_frames(str(ftype), grp, PackedRings.of(grp.geometry.values, bands.crs))
            fills[band_name(str(ftype))], outlines[band_name(str(ftype))] = fill, outline
    return fills, outlines


def band_rows(bands: gpd.GeoDataFrame, facility_type: str) -> gpd.GeoDataFrame:
    """The type's bands outermost first (the rows of its overlays)."""
    return bands[bands["type"] == facility_type].sort_values("ring", ascending=False)


def type_frames(facility_type: str, grp: gpd.GeoDataFrame, rings: PackedRings) -> tuple:
    """The fill and outline overlays of a type's bands *grp* (outermost first) packed as *rings*."""
    packed = rings.packed()  # once for both frames
    out = []
    for outlined in (False, True):
        styles = [band_style(facility_type, int(r), outlined=outlined) for r in grp["ring"]]
        frame = with_packed(gpd.GeoDataFrame({key: [s[key] for s in styles] for key in styles[0]},
                                             geometry=grp.geometry.values, crs=grp.crs), packed)
        frame.attrs[RINGS] = rings
        out.append(frame)
    return tuple(out)


def required_frames(result: ServiceAreaResult) -> dict[str, gpd.GeoDataFrame]:
    """One overlay per type: the outline of the area its facilities must serve (dashed)."""
    if result.required is None:
        return {}
    out = {}
    for ftype, geom in zip(result.required["type"], result.required.geometry.values):
        frame = gpd.GeoDataFrame({"stroke": [type_colour(ftype)], "fillOpacity": [0.0], "weight": [2.5],
                                  "dash": ["7 5"]}, geometry=_drawable(np.array([geom])),
                                 crs=result.required.crs)
        out[required_name(str(ftype))] = _with_body(frame.to_crs(WGS84))
    return out


def selected_frame(per_facility: gpd.GeoDataFrame) -> gpd.GeoDataFrame | None:
    """Some facilities' own areas, each distance outlined: solid for the innermost, dashed further out."""
    if per_facility.empty:
        return None
    inner = (per_facility.groupby("row")["distance_m"].transform("min").to_numpy()
             == per_facility["distance_m"].to_numpy())
    frame = gpd.GeoDataFrame({"stroke": [SELECTED_STROKE] * len(per_facility),
                              "fillOpacity": [0.0] * len(per_facility), "weight": np.where(inner, 3.5, 2.5),
                              "dash": [None if i else "10 6" for i in inner]},
                             geometry=_drawable(per_facility.geometry.values), crs=per_facility.crs)
    return _with_body(frame.to_crs(WGS84))


def network_frame(graph: WalkGraph, piece_label: str) -> gpd.GeoDataFrame:
    """The network's edges merged per connected piece, coloured by piece.

    *piece_label* is a template with ``{piece}`` and ``{edges}``; the main piece has no label.
    """
    label = graph.components.edge_label
    pieces = np.unique(label)
    geoms = [shapely.multilinestrings(graph.geometry[label == p]) for p in pieces]
    edges = graph.components.edges[pieces]
    frame = gpd.GeoDataFrame({
        "stroke": [piece_colour(int(p)) for p in pieces],
        "weight": [2.0 if p == 0 else 4.5 for p in pieces],
        "fillOpacity": [0.0] * len(pieces),
        "label": [None if p == 0 else fill(piece_label, {"piece": int(p) + 1, "edges": int(e)})
                  for p, e in zip(pieces, edges)],
    }, geometry=_wgs84(np.asarray(geoms, dtype=object), graph.crs), crs=WGS84)
    return _with_body(frame)


def geojson(geoms: np.ndarray, chunk: int = 128) -> np.ndarray:
    """GeoJSON of *geoms*, multi-part ones written a chunk of parts at a time and parts over
    :data:`BIG_PART` vertices ring by ring: shapely holds the GIL while it writes, and a city's bands
    of one type in one call held it 0.3 s (one part with 14,000 holes 0.14 s), long enough to freeze
    the window while a worker made them."""
    out = []
    for geom in np.asarray(geoms, dtype=object):
        kind = shapely.get_type_id(geom)
        if kind == 3 and shapely.get_num_coordinates(geom) > BIG_PART:  # a Polygon with many holes
            out.append(f'{{"type":"Polygon","coordinates":{_ring_by_ring(geom, chunk)}}}')
            continue
        if kind not in (5, 6):  # not a MultiLineString or a MultiPolygon
            out.append(shapely.to_geojson(geom))
            continue
        n, coords = shapely.get_num_geometries(geom), []
        for i in range(0, n, chunk):  # parts taken chunk by chunk too: get_parts of a city's network held it 0.17 s
            parts = shapely.get_geometry(geom, np.arange(i, min(i + chunk, n)))
            big = shapely.get_num_coordinates(parts) > BIG_PART
            coords += [_ring_by_ring(part, chunk) if b else _coordinates(text)
                       for part, b, text in zip(parts, big, _texts(np.where(big, None, parts)))]
        name = "MultiLineString" if kind == 5 else "MultiPolygon"
        out.append(f'{{"type":"{name}","coordinates":[{",".join(coords)}]}}')
    return np.array(out, dtype=object)


def _coordinates(text: str) -> str:
    """The coordinates array of one geometry's GeoJSON text."""
    return text[text.index('"coordinates":') + 14:-1]


def _ring_by_ring(polygon, chunk: int) -> str:
    """The GeoJSON coordinates of a big polygon (or line), its rings written *chunk* at a time."""
    if shapely.get_type_id(polygon) != 3:
        return _coordinates(shapely.to_geojson(polygon))
    rings = shapely.get_rings(polygon)
    return "[" + ",".join(_coordinates(t) for t in _texts(rings)) + "]"


def _texts(geoms: np.ndarray) -> list[str]:
    """``shapely.to_geojson`` of *geoms* (None gives None), in calls of at most
    :data:`GEOJSON_COORDS` coordinates (one geometry over it alone): a chunk of 128 band parts of
    up to BIG_PART vertices each held the GIL 0.1 s in one call, a stall of the window."""
    counts, out, start, total = shapely.get_num_coordinates(geoms), [], 0, 0
    for k, count in enumerate(counts):
        if total + count > GEOJSON_COORDS and k > start:
            out.extend(shapely.to_geojson(geoms[start:k]))
            start, total = k, 0
        total += count
    out.extend(shapely.to_geojson(geoms[start:]))
    return out


def _with_body(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    return with_body(frame, geojson(frame.geometry.values))


def _wgs84(geoms: np.ndarray, crs) -> np.ndarray:
    """*geoms* in WGS 84, rounded to :data:`DRAW_DECIMALS` (for drawing only)."""
    out = gpd.GeoSeries(geoms, crs=crs).to_crs(WGS84).values
    return shapely.transform(np.asarray(out, dtype=object), lambda xy: np.round(xy, DRAW_DECIMALS))


def _drawable(geoms: np.ndarray) -> np.ndarray:
    """Simplified part by part (GEOS keeps the topology of a multi-part shape as a whole, which
    takes minutes for a city's bands of thousands of parts). Parts over :data:`BIG_PART` vertices
    are left as they are: a city's grid outlines are thinned already, and simplifying one part
    with thousands of holes takes GEOS seconds. Douglas-Peucker without the topology check (3x
    faster: 0.34 s instead of 1.16 s for a city's 4,461 parts): at 0.5 m a part may touch itself
    where it nearly did, which the map draws the same; parts that vanish are dropped."""
    out = []
    for geom in np.asarray(geoms, dtype=object):
        parts = shapely.get_parts(geom)
        small = shapely.get_num_coordinates(parts) < BIG_PART
        parts[small] = shapely.simplify(parts[small], DRAW_TOLERANCE_M, preserve_topology=False)
        parts = parts[~shapely.is_empty(parts)]
        out.append(shapely.multipolygons(parts) if len(parts) else shapely.MultiPolygon())
    return np.array(out, dtype=object)
