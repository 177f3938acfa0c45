"""Catchment pairs equal brute force exactly (same pairs, same float distances): straight from
the polygons with shapely, and along the network with a plain Dijkstra per facility."""

from __future__ import annotations

import heapq

import geopandas as gpd
import numpy as np
import shapely
from shapely import LineString, Polygon

from gis.gaps.access import TOLERANCE_M, prepare_origins
from gis.network.build import network_from_lines
from gis.network.graph import graph_from_arrays
from gis.supply import walks
from gis.supply.pairs import catchment_pairs
from tests.gis.gaps_fixtures import CRS, X0, Y0, at, square


def _frame(geoms, **columns):
    return gpd.GeoDataFrame(columns, geometry=list(geoms), crs=CRS)


def _as_dict(pairs):
    return {(c, f): d for c, f, d in zip(pairs.comp.tolist(), pairs.fac.tolist(), pairs.dist.tolist())}


def _assert_sorted(pairs):
    key = pairs.comp * pairs.n_facilities + pairs.fac
    assert np.all(np.diff(key) > 0)  # by compound then facility, each pair once


# -- straight -----------------------------------------------------------------------------
def test_straight_pairs_are_shapely_distances_exactly():
    ring = Polygon(shapely.get_coordinates(square(0, 0, 3000)), [shapely.get_coordinates(square(1000, 1000, 500))])
    geoms = [ring,  # a large compound with a courtyard (hole)
             shapely.union(square(4000, 0), square(4300, 0)),  # two parts
             square(5000, 500), None, Polygon(), square(6000, 2000, 80)]
    rng = np.random.default_rng(7)
    points = [at(1500, 2500),  # deep inside the large compound: its rings are > 400 m away
              at(1200, 1200),  # in the courtyard: 200 m from the hole's ring
              at(4150, 50), None,  # between the two parts 50 m from one; the same place twice below (a tie)
              at(5000, 550), at(5100, 500),  # on an edge, on a corner
              at(5100, 100),  # exactly 400 m below the compound (on the catchment)
              at(6080 + 400 + 1e-3, 2040),  # just beyond it
              *(at(x, y) for x, y in rng.uniform(0, 7000, (25, 2)) * [1, 0.5])]
    points[3] = points[2]
    points = np.array(points, dtype=object)
    pairs = catchment_pairs(prepare_origins(_frame(geoms)), points, 400.0)
    polygons = np.array(geoms, dtype=object)
    dense = shapely.distance(polygons[:, None], points[None, :])
    want = {(int(c), int(f)): float(dense[c, f]) for c, f in np.argwhere(dense <= 400.0 + TOLERANCE_M)}
    assert _as_dict(pairs) == want  # identical floats, not approximately equal
    _assert_sorted(pairs)
    got = _as_dict(pairs)
    assert got[(0, 0)] == 0.0 and got[(0, 1)] == 200.0 and got[(2, 4)] == 0.0 and got[(2, 5)] == 0.0
    assert got[(2, 6)] == 400.0 and (5, 7) not in got
    assert got[(1, 2)] == got[(1, 3)] == 50.0
    assert not any(c in (3, 4) for c, _ in got)  # no geometry, no pairs


def test_straight_pairs_without_facilities_or_compounds():
    empty = catchment_pairs(prepare_origins(_frame([square(0, 0)])), np.array([], dtype=object), 300.0)
    assert len(empty) == 0 and empty.n_compounds == 1
    far = catchment_pairs(prepare_origins(_frame([square(0, 0)])), np.array([at(9000, 0)]), 300.0)
    assert len(far) == 0 and far.n_compounds == 1  # facilities out of everyone's reach


# -- network ------------------------------------------------------------------------------
def _streets():
    """A 4 x 4 grid of 200 m blocks, one long street with a dead end, and a separate piece far away."""
    lines = []
    for k in range(5):
        lines.append(LineString([(X0, Y0 + 200 * k), (X0 + 800, Y0 + 200 * k)]))
        lines.append(LineString([(X0 + 200 * k, Y0), (X0 + 200 * k, Y0 + 800)]))
    lines.append(LineString([(X0 + 800, Y0 + 400), (X0 + 1400, Y0 + 400)]))
    lines.append(LineString([(X0 + 3000, Y0), (X0 + 3400, Y0)]))  # not connected
    return network_from_lines(gpd.GeoSeries(lines, crs=CRS), snap_tolerance_m=1.0)


def _walks_from(graph, sources, j, cutoff):
    """Plain Dijkstra from facility *j* (its edge's two ends at their offsets): node -> metres,
    summed along each path in order, nodes within *cutoff* only."""
    adj = {}
    for u, v, w in zip(graph.u.tolist(), graph.v.tolist(), graph.length.tolist()):
        adj.setdefault(u, []).append((v, w))
        adj.setdefault(v, []).append((u, w))
    e = int(sources.edge[j])
    lead, off = float(sources.lead[j]), float(sources.offset[j])
    heap = [(lead + off, int(graph.u[e])), (lead + (float(graph.length[e]) - off), int(graph.v[e]))]
    dist = {}
    while heap:
        d, node = heapq.heappop(heap)
        if d > cutoff or node in dist:
            continue
        dist[node] = d
        heap.extend((d + w, nxt) for nxt, w in adj.get(node, []) if nxt not in dist)
    return dist


def _brute_network(origins, points, cutoff):
    graph, targets, sources = origins.graph, origins.targets, origins.sources(points)
    out = {}
    for j in range(len(points)):
        if sources.edge[j] < 0:
            continue
        walks = _walks_from(graph, sources, j, cutoff)
        for t in np.flatnonzero(targets.attached).tolist():
            e, off, lead = int(targets.edge[t]), float(targets.offset[t]), float(targets.lead[t])
            ends = ((int(graph.u[e]), off + lead), (int(graph.v[e]), (float(graph.length[e]) - off) + lead))
            options = [walks[n] + along for n, along in ends if n in walks]
            if sources.edge[j] == e:
                options.append((float(sources.lead[j]) + abs(float(sources.offset[j]) - off)) + lead)
            best = min(options, default=np.inf)
            key = (int(origins.owner[t]), j)
            if best <= cutoff + TOLERANCE_M and best < out.get(key, np.inf):
                out[key] = best
    return out


def _district():
    compounds = [square(20, 20, 150), square(220, 220, 150), square(420, 20, 150), square(620, 620, 150),
                 square(900, 420, 100),  # on the dead-end street
                 square(3100, 20, 100),  # beside the separate piece: nothing reaches it
                 square(1000, 2000, 50),  # far from every street: not attached
                 square(205, 405, 190)]  # gated: its entrance stands on a crossing
    frame = _frame(compounds, code=[f"C{i}" for i in range(len(compounds))])
    entrances = _frame([at(400, 600)], code=["C7"])
    rng = np.random.default_rng(3)
    points = [at(0, 0), at(0, 0),  # two facilities at the same place: equal walks
              at(400, 0),  # on a crossing
              at(1000, 400), at(1100, 405),  # on the dead-end street, beside a compound's access points
              at(3300, 0),  # on the separate piece
              *(at(x, y) for x, y in rng.uniform(0, 800, (12, 2)))]
    return frame, entrances, np.array(points, dtype=object)


def _origins(frame, entrances, network=None):
    return prepare_origins(frame, network=network or _streets(), entrances=entrances, compound_id_field="code",
                           entrance_compound_field="code", max_access_m=200.0)


def test_network_pairs_equal_a_plain_dijkstra_per_facility_exactly():
    frame, entrances, points = _district()
    origins = _origins(frame, entrances)
    assert not origins.targets.attached[origins.owner == 6].any()
    for cutoff in (250.0, 600.0):
        pairs = catchment_pairs(origins, points, cutoff)
        want = _brute_network(origins, points, cutoff)
        assert len(want) > 15 and _as_dict(pairs) == want  # identical floats
        _assert_sorted(pairs)
        got = _as_dict(pairs)
        assert not any(c == 6 for c, _ in got)  # the unattached compound
        assert {k for k in got if 5 in k} == {(5, 5)}  # the separate piece: its facility, its compound
        assert all(got.get((c, 0)) == got.get((c, 1)) for c in range(len(frame)))  # the tie
        assert (4, 4) in got  # along the same street edge, past no node


def test_network_pairs_at_the_catchment_count_only_walks_through_nodes_within_it():
    """The gated compound's entrance stands on the crossing (400, 600), attached to the street
    coming up from (400, 400). From (0, 600) it is 400 m away through the crossing only; from
    (400, 0), 600 m through the crossing or through (400, 400) and up the street. At each
    distance less half the tolerance the crossing is beyond the catchment: the first walk no
    longer counts (although it ends within the tolerance), the second still does."""
    frame, entrances, _ = _district()
    origins = _origins(frame, entrances)
    points = np.array([at(0, 600), at(400, 0)], dtype=object)
    for f, metres in ((0, 400.0), (1, 600.0)):
        assert _as_dict(catchment_pairs(origins, points, metres))[(7, f)] == metres
    short = _as_dict(catchment_pairs(origins, points, 400.0 - TOLERANCE_M / 2))
    assert (7, 0) not in short and short == _brute_network(origins, points, 400.0 - TOLERANCE_M / 2)
    short = _as_dict(catchment_pairs(origins, points, 600.0 - TOLERANCE_M / 2))
    assert short[(7, 1)] == 600.0 and short == _brute_network(origins, points, 600.0 - TOLERANCE_M / 2)


def test_network_pair_along_a_shared_edge_at_the_catchment():
    """A facility on the dead-end street beside a compound: the walk along the street, past no
    node, counts up to the tolerance beyond the catchment, as every other walk does."""
    frame, entrances, points = _district()
    origins = _origins(frame, entrances)
    metres = _as_dict(catchment_pairs(origins, points, 600.0))[(4, 3)]
    assert metres < 100.0  # along the street: a walk through a node would be longer
    for cutoff in (metres - TOLERANCE_M / 2, metres):
        got = _as_dict(catchment_pairs(origins, points, cutoff))
        assert got[(4, 3)] == metres and got == _brute_network(origins, points, cutoff)


def test_network_pairs_on_streets_shorter_than_the_straight_line_and_in_small_searches(monkeypatch):
    """Lengths that do not bound the straight distance: the search runs on the whole network
    (no windows); and a cap on the dense output splits it into many small searches."""
    frame, entrances, points = _district()
    streets = _streets()
    short = graph_from_arrays(streets.xy, streets.u, streets.v, streets.crs, length=streets.length * 0.5)
    assert not short.lengths_bound_distance
    origins = _origins(frame, entrances, short)
    want = _brute_network(origins, points, 300.0)
    assert len(want) > 20 and _as_dict(catchment_pairs(origins, points, 300.0)) == want
    monkeypatch.setattr(walks, "BATCH_NODES", 50)
    assert _as_dict(catchment_pairs(origins, points, 300.0)) == want
