#!/usr/bin/env python3
"""Generate the fictional 明湖区 demo district into ``data/demo/``.

The district (about 3 km x 2.5 km around lon 117.00-117.04 E, lat 36.64-36.67 N) is
built from ``numpy.random.default_rng(SEED)`` with no network access, so running the
script twice gives identical features (DBF headers carry the write date: compare
content, not bytes)::

    python data/generate_demo.py            # writes data/demo/
    python data/generate_demo.py --out DIR  # writes elsewhere

Geometry is built in local metres (origin near the south-west corner) and shifted into
EPSG:4527 (CGCS2000 3-degree Gauss-Krüger zone 39, eastings with the zone prefix) when
written. The planted facility gaps are measured on the written data and listed in
``README.md`` and ``gaps.json`` so that later analyses can be checked against them.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the demogen package beside this script

import argparse
import math
from collections import Counter

import numpy as np
import shapely
from shapely import LineString, Polygon

from demogen.blocks import _axes, _blocks
from demogen.constants import FOOT, GREEN_HALF, OUT, RIVER_HALF, SEED, WIDTH
from demogen.district import (District, _build_compounds, _classify_blocks, _compound_tables, _network,
                              _order_compounds)
from demogen.facilities import _candidates, _facility_table, _place_facilities
from demogen.gaps import _gap_report
from demogen.streets import Street, Warp, _merge_pseudo_nodes, _ring_pieces
from demogen.walk import Walk, _components
from demogen.writing import _write_all


def build(seed: int = SEED) -> tuple[District, dict]:
    """Build the district in local metres and measure its gaps."""
    rng = np.random.default_rng(seed)
    warp = Warp(rng)
    pieces, centre, district, faces = _network(rng, warp)
    north = Polygon(list(centre.coords) + [(WIDTH + 250, 1e5), (-250, 1e5)])
    blocks = _blocks(pieces, faces, centre.buffer(GREEN_HALF, cap_style="flat"))
    park, campus, residential = _classify_blocks(rng, warp, blocks, centre, north)
    rows = _order_compounds(_build_compounds(rng, residential, math.degrees(warp.angle)))
    comps, blds, gates, meta = _compound_tables(rng, rows, pieces, north)
    pieces = _merge_pseudo_nodes(pieces) + _park_paths(park) + _campus_roads(campus)
    labels = _components(pieces)
    main = Counter(labels.tolist()).most_common(1)[0][0]
    walk = Walk([s.geom for s, lab in zip(pieces, labels) if lab == main])
    cands = _candidates(comps, gates)
    comp_names = dict(zip(comps["小区编号"], comps["小区名称"]))
    sites, trap_site = _place_facilities(rng, warp, comps, cands, centre, north, park, comp_names)
    facs = _facility_table(sites, cands, pieces, shapely.STRtree([s.geom for s in pieces]))
    river = centre.buffer(RIVER_HALF, cap_style="flat").intersection(district.buffer(150))
    report = _gap_report(comps, gates, facs, walk, river, warp, trap_site, meta)
    return District(pieces, river, comps, blds, gates, facs), report


def _park_paths(park: Polygon) -> list[Street]:
    """A footpath loop inside the park, not connected to the streets."""
    ring = park.buffer(-25.0).exterior.simplify(2.0)
    halves = _ring_pieces(ring, 2)
    across = LineString([halves[0].coords[0], halves[0].coords[-1]])
    return [Street("明湖公园步道", FOOT, 4.0, g) for g in (*halves, across)]


def _campus_roads(campus: Polygon) -> list[Street]:
    """A T of internal roads inside a closed factory yard, not connected to the streets."""
    u, lu, lv, _ = _axes(campus)
    v = np.array([-u[1], u[0]])
    c = np.array(campus.representative_point().coords[0])
    a, b, e = c - u * min(50.0, lu / 3), c + u * min(50.0, lu / 3), c + v * min(40.0, lv / 3)
    return [Street("厂区道路", FOOT, 6.0, LineString(p)) for p in ((a, c), (c, b), (c, e))]


def generate(out: Path = OUT, *, seed: int = SEED) -> dict:
    """Build the district and write every file into *out*; returns the gap report."""
    d, report = build(seed)
    _write_all(Path(out), d, report)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="output folder (default: data/demo)")
    args = parser.parse_args(argv)
    report = generate(args.out)
    p = report["planted"]
    print(f"wrote {args.out}: planted NE clinic gap {len(p['clinic_north_east']['compounds'])}, "
          f"river trap {len(p['river_trap']['compounds'])} compounds")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
