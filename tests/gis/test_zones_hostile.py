"""Zones on hostile compound layers: stacked copies stay bounded in memory and time, and
implausibly large compounds (bit flips) are left out with a notice instead of merged through."""

from __future__ import annotations

import json
import time
import tracemalloc

import geopandas as gpd
import numpy as np
from shapely.geometry import box

from gis.cli.zones import main as zones_main
from gis.domain import FieldRole, Role
from gis.io import inspect_file
from gis.layer import Layer
from gis.zones.adjacency import MAX_CANDIDATES, build_adjacency
from gis.zones.model import ZoneModel
from gis.zones.suggest import Constraints, suggest_for
from tests.gis.hostile_files import stacked_squares

X0, Y0 = 500_000.0, 4_420_000.0


def _layer(gdf: gpd.GeoDataFrame) -> Layer:
    return Layer("compounds", Role.COMPOUNDS, gdf, fields={FieldRole.HOUSEHOLDS: "户数"})


def test_twenty_thousand_stacked_squares_stay_bounded():
    data = stacked_squares(20_000)
    tracemalloc.start()
    t0 = time.perf_counter()
    adj = build_adjacency(data)
    seconds = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert seconds < 15 and peak < 200 * 1024**2
    assert adj.set_aside["duplicate"].size == 19_999
    assert adj.edges.tolist() == [[0, 20_000], [20_000, 20_001]]


def test_stacked_copies_are_left_out_of_suggestions_with_a_notice():
    layer = _layer(stacked_squares(300))
    suggestion = suggest_for(ZoneModel.from_layer(layer), layer, constraints=Constraints(pre_year=None))
    assert suggestion.zones == [frozenset({0, 300, 301})]
    assert suggestion.excluded["duplicate"].size == 299
    assert any("299 compounds repeat the geometry" in w.message for w in suggestion.warnings)


def test_a_pile_of_overlapping_near_copies_is_set_aside():
    n = MAX_CANDIDATES + 50
    shift = np.linspace(0, 1, n)  # overlapping, never identical
    geoms = [box(X0 + s, Y0, X0 + 100 + s, Y0 + 100) for s in shift]
    geoms += [box(X0 + 500, Y0, X0 + 600, Y0 + 100), box(X0 + 610, Y0, X0 + 710, Y0 + 100)]
    adj = build_adjacency(gpd.GeoSeries(geoms, crs="EPSG:4547"))
    assert adj.set_aside["crowded"].tolist() == list(range(n))
    assert adj.edges.tolist() == [[n, n + 1]]


def _grid_with_a_giant(n_side: int = 5) -> gpd.GeoDataFrame:
    """A grid of 130 m compounds on 10 m streets and one of 187 km² over their corner."""
    geoms = [box(X0 + 140 * c, Y0 + 140 * r, X0 + 140 * c + 130, Y0 + 140 * r + 130)
             for r in range(n_side) for c in range(n_side)]
    geoms.append(box(X0 - 13_000, Y0 - 14_400, X0 + 5, Y0 + 5))  # a flipped bit's compound
    return gpd.GeoDataFrame({"户数": np.full(len(geoms), 100)}, geometry=geoms, crs="EPSG:4547")


def test_implausibly_large_compound_is_not_merged_through():
    layer = _layer(_grid_with_a_giant())
    suggestion = suggest_for(ZoneModel.from_layer(layer), layer,
                             constraints=Constraints(pre_year=None, max_compounds=4))
    giant = len(layer) - 1
    assert suggestion.excluded["oversized"].tolist() == [giant]
    assert all(giant not in z for z in suggestion.zones)
    assert any("implausibly large" in w.message and f"row {giant + 1} (187.3 km²)" in w.message
               for w in suggestion.warnings)


def test_import_lists_implausibly_large_features(tmp_path):
    path = tmp_path / "c.gpkg"
    _grid_with_a_giant().to_file(path)
    report = inspect_file(path)
    assert any("1 feature is implausibly large" in w and "row 26 (187.3 km²)" in w
               for w in report.warnings)


def test_cli_zones_reports_the_left_out_compounds(tmp_path, capsys):
    path = tmp_path / "c.gpkg"
    _grid_with_a_giant().to_file(path)
    assert zones_main([str(path), "--json", "--all-years"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["excluded"]["oversized"] == [25]
    assert any("implausibly large" in w for w in out["warnings"])
    assert all(25 not in z["compounds"] for z in out["zones"])
